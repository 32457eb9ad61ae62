#!/usr/bin/env bash
# Whole-process benchmark of `textlens`: median wall time and peak memory (max RSS) of whole processes, measured
# with /usr/bin/time, for the cases of issue 11: start-up, a one-sentence file, the seed article, 100 / 1,000 /
# 10,000 copies of the seed, single documents of 1, 2, 4 and 8 MB (linearity), and issue 13's document of 100,000
# suppression directives (Markdown comments or plain-text %% lines, each before a sentence).
#
#   bash bench/run.sh [runs]                  the working tree (default 9 runs per small case, 3 per large one)
#   BASE=main bash bench/run.sh [runs]        the working tree and BASE side by side, runs alternating
#   CASES="version seed c1000" bash bench/run.sh   a subset (version sentence seed c100 c1000 c10000 mb1 mb2 mb4 mb8 duc supmd suptxt)
#
# TEXTLENS_PACK_ARGS is passed to `dotnet pack`, e.g. TEXTLENS_PACK_ARGS=-p:TextLensPortableTool=true measures the
# portable (JIT-only) package. Timings are for the machine they are run on: quote medians and ratios, not single
# runs, and do not build or test while measuring.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-9}
big_runs=${BIG_RUNS:-3}
cases=${CASES:-"version sentence seed c100 c1000 c10000 mb1 mb2 mb4 mb8 duc supmd suptxt"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1

install_tool() { # install_tool SOURCE_DIR NAME: packs and installs the tool of a source tree as $work/NAME/textlens
  # shellcheck disable=SC2086
  dotnet pack "$1/src/TextLens.Cli" -c Release -o "$work/$2-packages" ${TEXTLENS_PACK_ARGS:-} >/dev/null
  dotnet tool install TextLens --tool-path "$work/$2" --source "$work/$2-packages" --no-cache >/dev/null
}

labels=(new)
install_tool "$root" new
if [[ -n "${BASE:-}" ]]; then
  mkdir -p "$work/base-src"
  git archive "$BASE" | tar -x -C "$work/base-src"
  ln -s "$root/../shared" "$work/shared" 2>/dev/null || true
  install_tool "$work/base-src" base
  labels=(base new)
fi

# Inputs: one sentence; the seed; folders of copies of the seed; single large documents made of DUC-2001 texts.
data="$work/data"
mkdir -p "$data"
seed="$root/seeds/chongryon-japan-north-korea-relations.txt"
echo "The committee met in Tokyo on Monday and agreed to resume talks." > "$data/sentence.txt"
for n in 100 1000 10000; do
  mkdir -p "$data/c$n"
  for i in $(seq -w 1 "$n"); do cp "$seed" "$data/c$n/seed-$i.txt"; done
done
python3 - "$data" "$root/../shared/data/keyphrase/duc2001.dev.jsonl" <<'PY'
import json, os, sys
out, src = sys.argv[1], sys.argv[2]
texts = [json.loads(l)["text"] for l in open(src, encoding="utf-8")]
os.makedirs(os.path.join(out, "duc"), exist_ok=True)
for i, t in enumerate(texts):
    open(os.path.join(out, "duc", f"{i:04d}.txt"), "w", encoding="utf-8").write(t)
body = "\n\n".join(texts)
for mb in (1, 2, 4, 8):
    target, parts = mb * 1024 * 1024, []
    size = 0
    while size < target:
        parts.append(body); size += len(body.encode("utf-8")) + 2
    text = "\n\n".join(parts).encode("utf-8")[:target].decode("utf-8", "ignore")
    open(os.path.join(out, f"doc-{mb}mb.txt"), "w", encoding="utf-8").write(text)
for name, directive in (("supp-md.md", "<!-- textlens-disable-next-line TL3001 -->\n"), ("supp-pct.txt", "%% textlens-disable-next-line TL3001\n")):
    open(os.path.join(out, name), "w", encoding="utf-8").write((directive + "The council approved the budget.\n") * 100_000)
PY

measure() { # measure NAME RUNS ARGS...: per tool, median wall seconds (min, max), median user CPU seconds and peak RSS (MiB)
  local name=$1 n=$2; shift 2
  for l in "${labels[@]}"; do "$work/$l/textlens" "$@" >/dev/null 2>&1 || true; done   # warm the file cache
  for _ in $(seq "$n"); do
    for l in "${labels[@]}"; do
      /usr/bin/time -f "%e %M %U" -o "$work/t" "$work/$l/textlens" "$@" >/dev/null 2>&1 || true
      echo "$l $(cat "$work/t")" >> "$work/times-$name"
    done
  done
  for l in "${labels[@]}"; do
    user=$(grep "^$l " "$work/times-$name" | cut -d' ' -f4 | sort -n | awk -v n="$n" 'NR == int((n + 1) / 2)')
    grep "^$l " "$work/times-$name" | cut -d' ' -f2- | sort -n | awk -v name="$name" -v l="$l" -v n="$n" -v user="$user" '
      { wall[NR] = $1; if ($2 > rss) rss = $2 }
      END { printf "%-34s %-4s median %7.3f s  (min %.3f, max %.3f)  user %6.2f s  peak RSS %5.0f MiB  [%d runs]\n", name, l, wall[int((n + 1) / 2)], wall[1], wall[n], user, rss / 1024, n }'
  done
}

echo "textlens $("$work/new/textlens" --version) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for c in $cases; do
  case $c in
    version)  measure "--version" "$runs" --version ;;
    sentence) measure "report one sentence (json)" "$runs" report "$data/sentence.txt" --format json ;;
    seed)     measure "report seed article (json)" "$runs" report "$seed" --format json ;;
    c100)     measure "report 100 seeds (json)" "$runs" report "$data/c100" --format json ;;
    c1000)    measure "report 1,000 seeds (json)" "$big_runs" report "$data/c1000" --format json ;;
    c10000)   measure "report 10,000 seeds (json)" 1 report "$data/c10000" --format json ;;
    mb1)      measure "report one 1 MB document (json)" "$big_runs" report "$data/doc-1mb.txt" --format json ;;
    mb2)      measure "report one 2 MB document (json)" "$big_runs" report "$data/doc-2mb.txt" --format json ;;
    mb4)      measure "report one 4 MB document (json)" "$big_runs" report "$data/doc-4mb.txt" --format json ;;
    mb8)      measure "report one 8 MB document (json)" 1 report "$data/doc-8mb.txt" --format json --max-file-size 20M ;;
    duc)      measure "report duc2001 DEV (json)" "$big_runs" report "$data/duc" --format json ;;
    supmd)    measure "report 100,000 Markdown directives" "$big_runs" report "$data/supp-md.md" --format json ;;
    suptxt)   measure "report 100,000 plain-text directives" "$big_runs" report "$data/supp-pct.txt" --format json ;;
  esac
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

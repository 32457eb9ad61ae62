#!/usr/bin/env bash
# Whole-process benchmark of `textlens report`: median wall time and peak memory (max RSS) over
# repeated runs, on the seed article and on a folder of articles (the texts of the duc2001 DEV set
# written out as files). Usage: bash bench/run.sh [runs]   (default 9 runs per case)
# TEXTLENS_PACK_ARGS is passed to `dotnet pack`, e.g. TEXTLENS_PACK_ARGS=-p:TextLensPortableTool=true
# measures the portable (JIT-only) package instead of the ReadyToRun one.
# Timings are for the machine they are run on: quote medians and ratios, not single runs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1

# shellcheck disable=SC2086
dotnet pack src/TextLens.Cli -c Release -o "$work/packages" ${TEXTLENS_PACK_ARGS:-} >/dev/null
dotnet tool install TextLens --tool-path "$work/tool" --source "$work/packages" >/dev/null
tl="$work/tool/textlens"

corpus="$work/duc2001"
mkdir -p "$corpus"
python3 - "$corpus" <<'PY'
import json, sys, os
out = sys.argv[1]
with open(os.path.join("..", "shared", "data", "keyphrase", "duc2001.dev.jsonl"), encoding="utf-8") as f:
    for line in f:
        doc = json.loads(line)
        with open(os.path.join(out, doc["id"] + ".txt"), "w", encoding="utf-8") as g:
            g.write(doc["text"])
PY
ndocs=$(ls "$corpus" | wc -l)

measure() { # measure NAME ARGS...: prints median wall seconds and max peak RSS (MiB)
  local name=$1; shift
  "$tl" "$@" >/dev/null 2>&1 || true   # warm the file cache
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/t" "$tl" "$@" >/dev/null 2>&1 || true
    cat "$work/t"
  done | sort -n | awk -v name="$name" -v n="$runs" '
    { wall[NR] = $1; if ($2 > rss) rss = $2 }
    END { printf "%-38s median %.3f s  (min %.3f, max %.3f)  peak RSS %.0f MiB  [%d runs]\n", name, wall[int((n + 1) / 2)], wall[1], wall[n], rss / 1024, n }'
}

echo "textlens $("$tl" --version) on $(nproc) cores"
measure "--version (startup)" --version
measure "report seeds/ (3 docs, console)" report seeds/
measure "report seeds/ (3 docs, json)" report seeds/ --format json
measure "report seed article (json)" report seeds/chongryon-japan-north-korea-relations.txt --format json
measure "report duc2001 dev ($ndocs docs, json)" report "$corpus" --format json

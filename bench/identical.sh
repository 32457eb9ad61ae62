#!/usr/bin/env bash
# Are the reports byte-identical before and after a change? Builds BASE (default: main) from `git archive` and the
# working tree, runs both over the same inputs and diffs every format: console, markdown, json, jsonl, sarif, github
# and html, for each input folder as given and against a corpus index (--corpus, the index built once by BASE), and
# `textlens merge` of the JSON Lines result back into every format, byte for byte (SARIF records no clock time since
# cafeeda; the mask below stays so that a BASE older than that compares too). Then one large document (100,000 suppression directives): the same JSON, and peak RSS
# (one run each: it catches a doubling, not a few percent). Exits 1 on a difference or a memory regression, after printing it.
#
#   bash bench/identical.sh [input folders...]     default: seeds ../shared/corpus/crs/docs
#   BASE=<ref> bash bench/identical.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
base=${BASE:-main}
inputs=("$@")
[[ ${#inputs[@]} -gt 0 ]] || inputs=(seeds ../shared/corpus/crs/docs)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
formats=(console markdown json jsonl sarif github html)

mkdir -p "$work/base-src"
git archive "$base" | tar -x -C "$work/base-src"
echo "building $base ($(git rev-parse --short "$base")) and the working tree ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ', modified'))" >&2
dotnet build "$work/base-src/src/TextLens.Cli" -c Release -o "$work/base" >/dev/null
dotnet build "$root/src/TextLens.Cli" -c Release -o "$work/new" >/dev/null

run() { # run LABEL NAME ARGS...: every format of one report into $work/out/LABEL/NAME.*
  local label=$1 name=$2; shift 2
  local args=()
  for f in "${formats[@]}"; do args+=(-f "$f" -o "$work/o/$name.$f"); done   # one path for both builds (SARIF records the arguments)
  mkdir -p "$work/o" "$work/out/$label"
  (cd "$root" && dotnet "$work/$label/textlens.dll" "$@" "${args[@]}" >/dev/null 2>&1) || true
  mv "$work/o"/* "$work/out/$label/"
}

dotnet "$work/base/textlens.dll" index "${inputs[@]}" -o "$work/corpus.tlx" >/dev/null
for label in base new; do
  for input in "${inputs[@]}"; do
    name=$(basename "$input")
    run "$label" "$name" report "$input"
    run "$label" "$name-corpus" report "$input" --corpus "$work/corpus.tlx"
    cp "$work/out/$label/$name-corpus.jsonl" "$work/partial.jsonl"
    run "$label" "$name-corpus-merged" merge "$work/partial.jsonl"
  done
  sed -i -E 's/"(startTimeUtc|endTimeUtc)": "[^"]*"/"\1": "(clock)"/' "$work/out/$label"/*.sarif
done

status=0
count=0
for file in "$work/out/base"/*; do
  name=$(basename "$file")
  count=$((count + 1))
  if ! cmp -s "$file" "$work/out/new/$name"; then
    echo "DIFFERS: $name" >&2
    diff "$file" "$work/out/new/$name" | head -20 >&2 || true
    status=1
  fi
done

# The runs did what they should: a report of each input, the corpus comparison in each --corpus run, and merge's output.
for input in "${inputs[@]}"; do
  name=$(basename "$input")
  for label in base new; do
    grep -q '"sentences"' "$work/out/$label/$name.json" || { echo "$label: no report of $input" >&2; exit 1; }
    grep -q '^  corpus: ' "$work/out/$label/$name-corpus.console" || { echo "$label: no corpus comparison for $input" >&2; exit 1; }
    grep -q '<p class="corpus">' "$work/out/$label/$name-corpus-merged.html" || { echo "$label: merge shows no corpus comparison for $input" >&2; exit 1; }
  done
done
[[ $(ls "$work/out/new" | wc -l) -eq $count ]] || { echo "the two builds wrote different sets of files" >&2; status=1; }

# Memory: bytes alone let a change pass that doubled a large document's peak memory (a JSON converter that buffered
# the whole record). One large document (100,000 Markdown suppression directives, 7.6 MB, bench/run.sh's supmd case):
# the same JSON from both builds, and the new build's peak RSS at most 15% + 20 MiB above the base's.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<!-- textlens-disable-next-line TL3001 -->\nThe council approved the budget.\n" }' > "$work/large.md"
declare -A rss
for label in base new; do
  /usr/bin/time -f %M -o "$work/rss-$label" dotnet "$work/$label/textlens.dll" report "$work/large.md" --format json -q -o "$work/large-$label.json" >/dev/null 2>&1 || true
  rss[$label]=$(tail -1 "$work/rss-$label")
done
if ! cmp -s "$work/large-base.json" "$work/large-new.json"; then
  echo "DIFFERS: the JSON report of 100,000 directives" >&2
  status=1
fi
echo "peak RSS, 100,000 directives (json): base $((rss[base] / 1024)) MiB, new $((rss[new] / 1024)) MiB" >&2
if (( rss[new] > rss[base] * 115 / 100 + 20 * 1024 )); then
  echo "MEMORY: the new build's peak RSS is more than 15% + 20 MiB above the base's" >&2
  status=1
fi
if [[ $status -eq 0 ]]; then
  echo "identical: $count files ($(du -cb "$work/out/base"/* | tail -1 | cut -f1) bytes) over ${inputs[*]}, ${formats[*]}, with and without --corpus, and merge" >&2
fi
exit $status

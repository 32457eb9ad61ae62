#!/usr/bin/env bash
# Blind reader audit of the stance tags (bench/reader/README.md): runs 'textlens report --format json' on the six
# labelled documents and scores the tags against bench/reader/reader-labels.jsonl with bench/reader/agree.py.
# Usage: bash bench/reader.sh [agree.py options, e.g. --show-disagreements or --json]
# SHARED (default: ../shared beside the repository) holds corpus/crs/docs; BUILD=1 rebuilds the CLI first
# (it is built when missing). Set KEEP=path to keep the report JSON.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$repo/../shared}
dll=$repo/src/TextLens.Cli/bin/Release/net10.0/textlens.dll
if [ "${BUILD:-0}" = 1 ] || [ ! -f "$dll" ]; then
  dotnet build "$repo/src/TextLens.Cli" -c Release -v q >/dev/null
fi
docs=(seeds/chongryon-japan-north-korea-relations.txt)
for d in IF12094 R48908 IN12516 LSB11421 IF13207; do
  f=$shared/corpus/crs/docs/$d.md
  [ -f "$f" ] || { echo "reader.sh: $f not found (set SHARED)" >&2; exit 2; }
  docs+=("$f")
done
out=${KEEP:-$(mktemp)}
[ -n "${KEEP:-}" ] || trap 'rm -f "$out"' EXIT
(cd "$repo" && dotnet "$dll" report "${docs[@]}" --format json --quiet --fail-on none > "$out")
python3 "$repo/bench/reader/agree.py" "$out" "$@"

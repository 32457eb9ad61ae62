#!/usr/bin/env bash
# Cold 'textlens report' on the seed article: a build of BASE (default: main) against the working tree,
# alternating runs so that load from other jobs hits both alike. Prints min / median / max wall time in ms.
# Usage: bash bench/stance.sh [runs] [base-commit] [input, default the seed article]
set -euo pipefail
runs=${1:-9}
base=${2:-main}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$repo" archive "$base" | tar -x -C "$work"
dotnet build "$work/src/TextLens.Cli" -c Release -v q >/dev/null
dotnet build "$repo/src/TextLens.Cli" -c Release -v q >/dev/null
seed=${3:-seeds/chongryon-japan-north-korea-relations.txt}
declare -A times
for ((i = 0; i < runs; i++)); do
  for v in base head; do
    dir=$([ "$v" = base ] && echo "$work" || echo "$repo")
    s=$(date +%s%N)
    (cd "$dir" && dotnet src/TextLens.Cli/bin/Release/net10.0/textlens.dll report "$seed" --format json >/dev/null)
    e=$(date +%s%N)
    times[$v]+="$(( (e - s) / 1000000 )) "
  done
done
for v in base head; do
  echo "$v: $(echo ${times[$v]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {printf "min %d  median %d  max %d ms (n=%d)", a[1], a[int((NR+1)/2)], a[NR], NR}')"
done

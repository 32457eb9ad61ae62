#!/usr/bin/env bash
# Corpus index of the 76 CRS reports once the tool is loaded: median build, load and per-document comparison
# times (bench/CorpusBench). Then whole 'textlens index' processes over the same reports (median wall time).
# Usage: bash bench/corpus.sh [runs=5]   (needs ../shared/corpus/crs)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
runs="${1:-5}"
dotnet build bench/CorpusBench -c Release >/dev/null
dotnet bench/CorpusBench/bin/Release/net10.0/CorpusBench.dll "$runs"
dotnet build src/TextLens.Cli -c Release >/dev/null
tool=src/TextLens.Cli/bin/Release/net10.0/textlens.dll
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
crs=../shared/corpus/crs
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s.%N)
  dotnet "$tool" index "$crs/docs" - --stdin-format jsonl --output "$work/crs.tlx" --quiet < "$crs/bulk.jsonl"
  end=$(date +%s.%N)
  times+=("$(echo "$end - $start" | bc)")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "textlens index (whole process, 76 reports): median %.3f s  min %.3f  max %.3f  (n=%d)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'

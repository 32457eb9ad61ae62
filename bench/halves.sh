#!/usr/bin/env bash
# The nearest-document halves check (NearestHalvesTests, on the CRS reports) on other sets: news (DUC-2001,
# 500N-KPCrowd, BBC) and papers (SemEval-2010), each document cut in two and each half asked for its other half.
# Usage: bash bench/halves.sh   (needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
data=../shared/data
dotnet build bench/HalvesBench -c Release >/dev/null
dotnet bench/HalvesBench/bin/Release/net10.0/HalvesBench.dll \
  "$data/keyphrase/duc2001.dev.jsonl" "$data/keyphrase/500n_kpcrowd.dev.jsonl" \
  "$data/keyphrase/semeval2010.dev.jsonl" "$data/summaries/bbc.dev.jsonl"

#!/usr/bin/env bash
# Where the time and the allocations go in one document of 100,000 suppression directives (issue 13, B14), once the
# models are loaded: per stage (parse, analyse and each analyzer in it, build the report, write it as JSON) the median
# wall time, bytes allocated and GC pause, after a warm-up. For whole processes, old and new side by side:
# BASE=main CASES="supmd suptxt" bash bench/run.sh
# Usage: bash bench/suppressions.sh [md|txt] [directives=100000] [runs=5]
#        bash bench/suppressions.sh file PATH [runs=5]   (any one document, e.g. the seed: per-analyzer cost, process CPU,
#                                                         and the heap after a full collection after the first and last run)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/SuppressionBench -c Release >/dev/null
dotnet bench/SuppressionBench/bin/Release/net10.0/SuppressionBench.dll "$@"

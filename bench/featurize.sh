#!/usr/bin/env bash
# The shared ML.NET featurisation alone (bench/FeaturizeBench, outside TextLens.sln), in one process:
#   bash bench/featurize.sh cold [FILE]        parse, then the first three Featurize calls (the first pays JIT and ML.NET set-up)
#   bash bench/featurize.sh phases [FILE]      the steps of the ML.NET path one by one, cold
#   bash bench/featurize.sh warm DIR [runs]    per document of DIR the best of `runs` calls, after a warm-up
# Prints wall and process CPU milliseconds (all threads: ML.NET's background cursors count too).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/FeaturizeBench -c Release >/dev/null
dotnet bench/FeaturizeBench/bin/Release/net10.0/FeaturizeBench.dll "$@"

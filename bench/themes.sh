#!/usr/bin/env bash
# Theme clustering once the tool is loaded: median time per document of the theme analyzer and of the
# shared featurisation, on bbc-mix DEV documents of about N sentences (default 60), after a warm-up.
# Usage: bash bench/themes.sh [sentences=60] [documents=10] [runs=25]   (needs ../shared/data/clustering)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/ThemesBench -c Release >/dev/null
dotnet bench/ThemesBench/bin/Release/net10.0/ThemesBench.dll "$@"

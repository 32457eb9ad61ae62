#!/usr/bin/env bash
# The TL0008 language check: accuracy on tests/TestData/languages, the English DEV documents' function-word
# share against the bar, and the cost in ms (cold and warm identifier, the English pass per MB).
# Usage: bash bench/language.sh   (needs ../shared for the DEV part)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/LanguageBench -c Release >/dev/null
dotnet bench/LanguageBench/bin/Release/net10.0/LanguageBench.dll "$@"

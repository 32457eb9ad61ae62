#!/usr/bin/env bash
# Fuzz one TextLens parser with AFL++ through SharpFuzz for a given time (issue 13).
# Usage: bash bench/fuzz/run.sh TARGET SECONDS      targets: loader markdown sentences editorconfig ignore baseline
#        bash bench/fuzz/run.sh replay TARGET FILE...  (run inputs through a target without the fuzzer)
# Needs afl-fuzz (Debian: apt-get install afl++) and the sharpfuzz tool (dotnet tool install -g
# SharpFuzz.CommandLine --version 2.3.0). Findings go to bench/fuzz/findings/TARGET (not committed); a crash
# found belongs in bench/fuzz/corpus/TARGET and in a unit test (tests/TextLens.Core.Tests/Robustness/FuzzCorpusTests).
# At the end it prints AFL's figures for the run: executions, executions per second, paths, crashes, hangs.
set -euo pipefail
orig=$PWD
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PATH="$PATH:$HOME/.dotnet/tools"
# Builds go to bench/fuzz/bin/artifacts (intermediate files of TextLens.Core included), never to the projects' own
# bin/obj, so a fuzz build cannot race a `dotnet build` or `dotnet test` of the same worktree. A lock
# (bench/fuzz/bin/build.lock) serialises the builds of several run.sh started at once: fuzzing runs hold it shared,
# and the instrumented build is only replaced under it exclusively, so never under a running fuzzer.
mkdir -p bin
publish() { # quiet when it works; a failed build shows its output and says so
  local log
  log=$(mktemp)
  if ! dotnet publish TextLens.Fuzz.csproj -c Release --artifacts-path bin/artifacts -o "$1" >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"
    echo "run.sh: the fuzz build failed (output above)" >&2
    exit 1
  fi
  rm -f "$log"
}
if [ "${1:-}" = replay ]; then
  exec 9>bin/build.lock; flock 9
  # Instrumented assemblies run only under the fuzzer: replay with a plain build.
  publish bin/replay
  shift; target=$1; shift
  files=(); for f in "$@"; do files+=("$(cd "$orig" && realpath "$f")"); done
  exec dotnet bin/replay/TextLens.Fuzz.dll "$target" "${files[@]}"
fi
out=bin/fuzz
stale() {
  [ ! -f "$out/.instrumented" ] || [ -n "$(find ../../src/TextLens.Core FuzzTargets.cs Program.cs \( -name bin -o -name obj \) -prune -o -name '*.cs' -newer "$out/.instrumented" -print -quit)" ]
}
exec 9>bin/build.lock
flock -s 9
if stale; then
  flock 9  # exclusive: waits for the fuzzing runs of this worktree that use the current build
  if stale; then
    rm -rf "$out"
    publish "$out"
    sharpfuzz "$out/TextLens.Core.dll" >/dev/null
    sharpfuzz "$out/Markdig.dll" >/dev/null
    touch "$out/.instrumented"
  fi
  flock -s 9
fi
target=${1:?target}; seconds=${2:?seconds}
# A previous run's findings are kept beside the new ones (AFL++ refuses or wipes an existing output directory).
[ -d "findings/$target" ] && mv "findings/$target" "findings/$target.$(date -u +%Y%m%dT%H%M%S)"
mkdir -p "findings/$target"
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
start=$(date +%s)
afl-fuzz -i "corpus/$target" -o "findings/$target" -V "$seconds" -t 10000 -m none -- dotnet "$out/TextLens.Fuzz.dll" "$target" > "findings/$target/afl.log" 2>&1 || true
end=$(date +%s)
stats="findings/$target/default/fuzzer_stats"
echo "target $target: $((end - start)) s real"
grep -E '^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg|stability)' "$stats" || tail -20 "findings/$target/afl.log"

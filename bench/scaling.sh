#!/usr/bin/env bash
# Scaling probe: for each pathological construct, an input of N bytes of it and one of 4N (inside normal prose),
# `report -q` on each under `timeout 120`, the wall times and their ratio. A linear path gives ~4 (less: start-up
# dominates small inputs); a ratio above 8, or a timeout, flags a quadratic path ("QUAD?").
#
#   bash bench/scaling.sh [constructs...]      default: all (bench/scaling/gen.py list, plus editorconfig/ignore cases)
#   N=50000 DLL=path/to/textlens.dll JSON=1 RUNS=1 bash bench/scaling.sh ...
# JSON=1 runs `-f json -o /dev/null` as well. RUNS>1 reports the median of RUNS runs.
set -uo pipefail
cd "$(dirname "$0")/.."
N=${N:-50000}
RUNS=${RUNS:-1}
DLL=${DLL:-src/TextLens.Cli/bin/Release/net10.0/textlens.dll}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
constructs=("$@")
[[ ${#constructs[@]} -gt 0 ]] || mapfile -t constructs < <(python3 bench/scaling/gen.py list; printf '%s\n' ec-brace-nest ec-starstar ec-many-sections ignore-many ignore-starstar)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
time1() { # time1 ARGS... -> seconds (or "TIMEOUT")
  local t=() i s e rc
  for ((i = 0; i < RUNS; i++)); do
    s=$(date +%s.%N); timeout 120 dotnet "$DLL" "$@" >/dev/null 2>&1; rc=$?; e=$(date +%s.%N)
    [[ $rc == 124 ]] && { echo TIMEOUT; return; }
    t+=("$(echo "$e - $s" | bc)")
  done
  printf '%s\n' "${t[@]}" | median | xargs printf '%.2f'
}
input() { # input CONSTRUCT SIZE -> the path (file or folder) to report
  local c=$1 n=$2 d="$work/$1-$2"
  case $c in
    ec-*|ignore-*)
      rm -rf "$d"; mkdir -p "$d"; printf 'The committee reviewed the proposal. It may pass.\n' > "$d/doc.txt"
      python3 - "$c" "$n" "$d" <<'PY'
import sys
c, n, d = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def rep(u): return (u * (n // len(u) + 1))[:n]
if c == "ec-brace-nest":   # [{a,{b,{c,...}}}] nested alternations
    k = n // 4; open("%s/.editorconfig" % d, "w").write("root = true\n[" + "{a," * k + "x" + "}" * k + "]\ntextlens_dummy = 1\n[*]\n")
elif c == "ec-starstar":
    open("%s/.editorconfig" % d, "w").write("root = true\n[" + rep("**/") + "*.txt]\ndotnet_diagnostic.TL3001.severity = none\n")
elif c == "ec-many-sections":
    open("%s/.editorconfig" % d, "w").write("root = true\n" + "".join("[dir%d/**/*.txt]\ndotnet_diagnostic.TL3001.severity = none\n" % i for i in range(n // 60)))
elif c == "ignore-many":
    open("%s/.textlensignore" % d, "w").write("".join("dir%d/**/*.tmp\n" % i for i in range(n // 16)))
elif c == "ignore-starstar":
    open("%s/.textlensignore" % d, "w").write(rep("**/") + "x.txt\n")
PY
      echo "$d" ;;
    *) python3 bench/scaling/gen.py "$c" "$n" "$work" ;;
  esac
}
printf '%-24s %10s %10s %7s %s\n' construct "t(${N})" "t($((4 * N)))" ratio ""
for c in "${constructs[@]}"; do
  a=$(input "$c" "$N"); b=$(input "$c" $((4 * N)))
  for mode in q ${JSON:+json}; do
    args=(-q); [[ $mode == json ]] && args=(-q -f json -o /dev/null)
    ta=$(time1 report "$a" "${args[@]}"); tb=$(time1 report "$b" "${args[@]}")
    if [[ $tb == TIMEOUT || $ta == TIMEOUT ]]; then r=inf; flag="QUAD? (timeout)"
    else r=$(echo "scale=1; $tb / $ta" | bc); flag=$(echo "$r > 8" | bc | sed 's/1/QUAD?/;s/0//'); fi
    printf '%-24s %10s %10s %7s %s\n' "$c${JSON:+ [$mode]}" "$ta" "$tb" "$r" "$flag"
  done
done

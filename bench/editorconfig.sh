#!/usr/bin/env bash
# Whole `textlens report` processes over 200 one-sentence documents under a pathological .editorconfig of 100,000
# sections, BASE (default main) and the working tree alternating run by run: median wall and user time, peak RSS.
# Cases: `tails` 100,000 sections [*N] (each glob must end with its number), `heads` [N*] (each file name must begin
# with it), `same` 100,000 x [*] (one glob repeated), each with a last [*.txt] section that sets a TL0005 severity,
# and `none` (the documents without an .editorconfig). The JSON reports of the two builds are compared with cmp.
#
#   bash bench/editorconfig.sh [runs=3]        BASE=<ref> bash bench/editorconfig.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-3}
base=${BASE:-main}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
mkdir -p "$work/base-src"
git archive "$base" | tar -x -C "$work/base-src"
dotnet build "$work/base-src/src/TextLens.Cli" -c Release -o "$work/base" >/dev/null
dotnet build "$root/src/TextLens.Cli" -c Release -o "$work/new" >/dev/null

python3 - "$work" <<'PY'
import os, sys
work = sys.argv[1]
sections = {"tails": lambda i: f"[*{i}]", "heads": lambda i: f"[{i}*]", "same": lambda i: "[*]", "none": None}
for case, section in sections.items():
    folder = os.path.join(work, case)
    os.makedirs(folder)
    for d in range(200):
        with open(os.path.join(folder, f"d{d:03d}.txt"), "w") as f:
            f.write("The committee met in Tokyo on Monday and agreed to resume talks.\n")
    if section:
        with open(os.path.join(folder, ".editorconfig"), "w") as f:
            f.write("root = true\n" + "".join(section(i) + "\n" for i in range(100_000)))
            f.write("[*.txt]\ntextlens_diagnostic.TL0005.severity = error\n")
PY

echo "base $base ($(git rev-parse --short "$base")), new $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ', modified'); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for case in tails heads same none; do
  for _ in $(seq "$runs"); do
    for label in base new; do
      /usr/bin/time -f "%e %U %M" -o "$work/t" dotnet "$work/$label/textlens.dll" report -q "$work/$case" -f json -o "$work/$case-$label.json" >/dev/null 2>&1 || true
      echo "$label $(cat "$work/t")" >> "$work/times-$case"
    done
  done
  cmp -s "$work/$case-base.json" "$work/$case-new.json" || echo "DIFFERS: $case"
  for label in base new; do
    wall=$(grep "^$label " "$work/times-$case" | cut -d' ' -f2 | sort -n | tr '\n' ' ')
    user=$(grep "^$label " "$work/times-$case" | cut -d' ' -f3 | sort -n | tr '\n' ' ')
    rss=$(grep "^$label " "$work/times-$case" | cut -d' ' -f4 | sort -n | tail -1)
    echo "$wall|$user|$rss" | awk -F'|' -v c="$case" -v l="$label" '
      { n = split($1, w, " "); split($2, u, " "); m = int((n + 1) / 2)
        printf "%-6s %-4s median %6.2f s wall (min %.2f, max %.2f), %6.2f s user, peak RSS %4.0f MiB [%d runs]\n", c, l, w[m], w[1], w[n], u[m], $3 / 1024, n }'
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# The JSON Lines map step on Dask distributed, checked against one run.
#   bash examples/dask/run.sh            # 2,000 documents (the CRS bulk corpus repeated), 1 and 2 workers
#   DOCS=200 bash examples/dask/run.sh   # a quicker check (what .ci/run uses)
# Installs Debian's python3-distributed if /usr/bin/python3 lacks it (Debian's package serves the system
# interpreter, not necessarily the first python3 on the PATH). Uses $TEXTLENS_TOOL, else textlens on the PATH,
# else packs this repository. Exits non-zero if any merged output differs from the single run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/common.sh"

docs=${DOCS:-2000}
partitions=${PARTITIONS:-8}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3

if ! "$py" -c 'import distributed' 2>/dev/null; then
  log "installing python3-distributed (Debian) for $py"
  apt-get update -q >/dev/null 2>&1 || apt-get update -q -o Apt::Key::gpgvcommand=/usr/bin/gpgv >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-distributed >/dev/null
fi
log "dask distributed $("$py" -c 'import distributed; print(distributed.__version__)')"

tl=$(textlens_tool "$work")
log "textlens: $tl ($("$tl" --version))"
make_corpus "$work/corpus.jsonl" "$docs"
log "corpus: $docs documents, $(du -h "$work/corpus.jsonl" | cut -f1)"

log "single run over the whole corpus (both cores)"
start=$(date +%s.%N)
single_args=()
for f in json jsonl markdown console sarif github html; do single_args+=(--format "$f" --output "$work/single.$f"); done
"$tl" report --stdin-format jsonl - --quiet "${single_args[@]}" < "$work/corpus.jsonl" || [ $? -eq 1 ]
single_s=$(echo "$(date +%s.%N) - $start" | bc)
printf 'single run: documents=%d seconds=%.2f docs_per_s=%.2f\n' "$docs" "$single_s" "$(echo "$docs / $single_s" | bc -l)"

log "map on a LocalCluster with 1, then 2 workers ($partitions partitions), then merge"
"$py" "$here/scale_out.py" --textlens "$tl" --corpus "$work/corpus.jsonl" --work "$work" --workers 1 2 --partitions "$partitions"

status=0
for workers in 1 2; do
  for f in json jsonl markdown console sarif github html; do
    if same_report "$work/single.$f" "$work/merged-$workers.$f" "$f"; then
      echo "ok    $workers worker(s): merged $f equals the single run"
    else
      echo "FAIL  $workers worker(s): merged $f differs from the single run"; status=1
    fi
  done
done
exit $status

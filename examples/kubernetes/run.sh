#!/usr/bin/env bash
# Checks the Kubernetes recipe without a cluster:
# 1. validates the manifests offline (the Kubernetes API schemas via kubernetes-models, and the recipe's contract:
#    Indexed completion, SHARDS = completions, JOB_COMPLETION_INDEX passed to --shard, one shared claim), and
#    proves the validator rejects a broken copy;
# 2. simulates the Jobs: runs each container's command as Kubernetes would, once per completion index with
#    JOB_COMPLETION_INDEX set, in a local folder standing for the shared volume, then the merge Job's command;
# 3. compares the merged reports with one `textlens report` over the same corpus.
#   bash examples/kubernetes/run.sh     # CORPUS=DIR to choose the documents (default: the 30 CRS reports, else seeds/)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/common.sh"
tools="$examples_root/tools"
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

[ -d "$tools/node_modules/kubernetes-models" ] || npm ci --prefix "$tools" --no-audit --no-fund --silent
node "$tools/validate-k8s.mjs" --plan "$work/plan.json" "$here"/*.yaml
sed 's/completionMode: Indexed/completionMode: Indexd/; s/value: "4"/value: "3"/' "$here/shards-job.yaml" > "$work/broken.yaml"
if node "$tools/validate-k8s.mjs" "$work/broken.yaml" "$here/volume.yaml" > "$work/broken.log"; then
  die "the validator accepted a broken manifest"
fi
log "a broken manifest is rejected: $(grep -m1 invalid "$work/broken.log")"

tl=$(textlens_tool "$work")
mkdir -p "$work/bin" "$work/data/corpus"
ln -sf "$tl" "$work/bin/textlens"
corpus=${CORPUS:-}
if [ -z "$corpus" ]; then
  corpus="$repo_root/../shared/corpus/crs/docs"; [ -d "$corpus" ] || corpus="$repo_root/seeds"
fi
cp -r "$corpus"/. "$work/data/corpus/"
log "corpus: $(find "$work/data/corpus" -type f | wc -l) documents from $corpus"

# The Indexed Job first, then the merge Job: each container command as the pod would run it.
python3 - "$work/plan.json" > "$work/simulate.sh" <<'PY'
import json, shlex, sys
plan = sorted(json.load(open(sys.argv[1])), key=lambda job: not job["indexed"])
for job in plan:
    for index in range(job["completions"]):
        env = dict(job["env"], **({"JOB_COMPLETION_INDEX": str(index)} if job["indexed"] else {}))
        assignments = " ".join("%s=%s" % (k, shlex.quote(v)) for k, v in env.items())
        print("echo '  pod: %s%s'" % (job["name"], "-%d" % index if job["indexed"] else ""))
        print("env %s %s || exit $?" % (assignments, " ".join(shlex.quote(a) for a in job["command"])))
PY
start=$(date +%s.%N)
(cd "$work/data" && PATH="$work/bin:$PATH" bash "$work/simulate.sh")
log "simulated the Jobs in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-6) s"

(cd "$work/data" && "$tl" report corpus --quiet --fail-on none --format json --output single.json --format sarif --output single.sarif \
   --format markdown --output single.md --format html --output single.html)
status=0
for pair in json:json sarif:sarif md:markdown html:html; do
  ext=${pair%%:*}; fmt=${pair#*:}
  if same_report "$work/data/single.$ext" "$work/data/reports/textlens.$ext" "$fmt"; then
    echo "ok    merged $fmt from $(ls "$work/data/partials" | wc -l) pods equals the single run"
  else
    echo "FAIL  merged $fmt differs from the single run"; status=1
  fi
done
exit $status

#!/usr/bin/env bash
# TextLens on Slurm, end to end on this machine: installs Slurm and MUNGE from Debian (slurm-wlm, munge) if
# missing, starts a one-node cluster (munged, slurmctld and slurmd as root, 2 CPUs, proctrack/linuxproc,
# task/none), submits a job array (SLURM_ARRAY_TASK_ID -> --shard) over the CRS bulk corpus repeated to DOCS
# documents (one file each) and a merge job that depends on it (--dependency=afterok), waits, compares the merged
# reports with one 'textlens report' over the same documents, and stops the daemons it started.
#   bash examples/slurm/run.sh                 # 2,000 documents, 4 array tasks
#   DOCS=200 TASKS=2 bash examples/slurm/run.sh
# Needs root (it installs packages and runs the daemons). Uses $TEXTLENS_TOOL, else textlens on the PATH, else
# packs this repository.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib/common.sh"

docs=${DOCS:-2000}
tasks=${TASKS:-4}
timeout_s=${TIMEOUT:-7200}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
state="$work/slurm"
started_pids=()

stop_daemons() {
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started_pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  [ ${#started_pids[@]} -eq 0 ] || log "stopped the daemons this script started (${started_pids[*]})"
  [ -n "${KEEP:-}" ] || rm -rf "$work"
}
trap stop_daemons EXIT

[ "$(id -u)" -eq 0 ] || die "run as root: the recipe installs Slurm and starts its daemons"
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  log "installing slurm-wlm and munge (Debian)"
  apt-get update -q >/dev/null 2>&1 || apt-get update -q -o Apt::Key::gpgvcommand=/usr/bin/gpgv >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null
fi

tl=$(textlens_tool "$work")
log "textlens: $tl ($("$tl" --version)); $(dpkg-query -W -f '${Package} ${Version}' slurm-wlm 2>/dev/null)"

# The corpus: one file per document, as a shared file system would hold it.
mkdir -p "$work/run"
make_corpus "$work/corpus.jsonl" "$docs"
python3 - "$work/corpus.jsonl" "$work/run/corpus" <<'PY'
import json, os, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    path = os.path.join(sys.argv[2], r["id"] + ".txt")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w", encoding="utf-8").write(r["text"])
PY
log "corpus: $docs documents in $work/run/corpus"

# MUNGE (authentication between the Slurm daemons and commands): start it unless it is running.
if ! munge -n </dev/null >/dev/null 2>&1; then
  [ -s /etc/munge/munge.key ] || { dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=128 2>/dev/null; chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key; }
  mkdir -p /run/munge && chown munge:munge /run/munge
  munged --force
  for _ in $(seq 50); do munge -n </dev/null >/dev/null 2>&1 && break; sleep 0.1; done
  started_pids+=("$(cat /run/munge/munged.pid)")
  log "munged started"
fi

# A one-node cluster on this machine, with its own configuration and state under $work.
host=$(hostname -s)
mkdir -p "$state/ctld" "$state/d"
export SLURM_CONF="$state/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=textlens
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=${SLURMCTLD_PORT:-16817}
SlurmdPort=${SLURMD_PORT:-16818}
AuthType=auth/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
MinJobAge=3600
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=local Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -f "$SLURM_CONF" -i
for _ in $(seq 100); do [ -s "$state/slurmctld.pid" ] && break; sleep 0.1; done
started_pids+=("$(cat "$state/slurmctld.pid")")
slurmd -f "$SLURM_CONF" -N "$host"
for _ in $(seq 100); do [ -s "$state/slurmd.pid" ] && break; sleep 0.1; done
started_pids+=("$(cat "$state/slurmd.pid")")
for _ in $(seq 150); do sinfo -h -o %T 2>/dev/null | grep -qE '^idle' && break; sleep 0.2; done
log "cluster up: $(sinfo -h -o '%P %D node(s) %c CPUs %T')"

# Submit the array and the merge job that waits for it, then wait for the merge.
cd "$work/run"
mkdir -p logs
start=$(date +%s.%N)
array=$(sbatch --parsable --array="0-$((tasks - 1))" --export="ALL,TEXTLENS=$tl,CORPUS=corpus" "$here/textlens-array.sbatch")
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --export="ALL,TEXTLENS=$tl" "$here/textlens-merge.sbatch")
log "submitted array job $array ($tasks tasks) and merge job $merge (afterok:$array)"
deadline=$(( $(date +%s) + timeout_s ))
while :; do
  merge_state=$(scontrol show job "$merge" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
  case "$merge_state" in COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY) break ;; esac
  [ "$(date +%s)" -lt "$deadline" ] || die "the merge job did not finish in $timeout_s s (state $merge_state)"
  sleep 2
done
cluster_s=$(echo "$(date +%s.%N) - $start" | bc)
for task in $(seq 0 $((tasks - 1))); do
  log "array task $task: $(scontrol show job "${array}_$task" | grep -oE '(JobState|RunTime|ExitCode)=[^ ]*' | tr '\n' ' ')"
done
[ "$merge_state" = COMPLETED ] || { cat logs/*.log >&2; die "merge job $merge ended $merge_state"; }
printf 'slurm: documents=%d tasks=%d seconds=%.2f docs_per_s=%.2f (array and merge, submission to completion)\n' \
  "$docs" "$tasks" "$cluster_s" "$(echo "$docs / $cluster_s" | bc -l)"

log "single run over the same documents (one process, both cores)"
start=$(date +%s.%N)
"$tl" report corpus --quiet --fail-on none --format json --output single.json --format sarif --output single.sarif \
  --format markdown --output single.md --format html --output single.html
single_s=$(echo "$(date +%s.%N) - $start" | bc)
printf 'single run: documents=%d seconds=%.2f docs_per_s=%.2f\n' "$docs" "$single_s" "$(echo "$docs / $single_s" | bc -l)"

status=0
for pair in json:json sarif:sarif md:markdown html:html; do
  ext=${pair%%:*}; fmt=${pair#*:}
  if same_report "single.$ext" "reports/textlens.$ext" "$fmt"; then
    echo "ok    merged $fmt from $tasks array tasks equals the single run"
  else
    echo "FAIL  merged $fmt differs from the single run"; status=1
  fi
done
exit $status

"""The JSON Lines map step on Dask distributed: a bag of documents whose partitions are piped through
`textlens report --stdin-format jsonl -`, the partial results merged with `textlens merge`.

Run by run.sh with the system interpreter (/usr/bin/python3, where Debian's python3-distributed is installed):
    /usr/bin/python3 scale_out.py --textlens PATH --corpus corpus.jsonl --work DIR --workers 1 2
Prints one line per worker count: documents, map seconds, documents per second, merge seconds; the merged
results are left in DIR/merged-<workers>.<format> for run.sh to compare with a single run.
"""
import argparse
import os
import subprocess
import sys
import time

import dask
import dask.bag as db
from dask.distributed import Client, LocalCluster

FORMATS = ["json", "jsonl", "markdown", "console", "sarif", "github", "html"]


def pipe_partition(lines, index, textlens, out_dir):
    """The map step for one partition: its JSON Lines records through one textlens process, one result line per record."""
    partial = os.path.join(out_dir, "part-%05d.jsonl" % index)
    env = dict(os.environ, DOTNET_PROCESSOR_COUNT="1")  # one core per task, as a cluster slot would give
    started = time.perf_counter()
    result = subprocess.run(
        [textlens, "report", "--stdin-format", "jsonl", "-", "--format", "jsonl", "--output", partial, "--quiet"],
        input="".join(line if line.endswith("\n") else line + "\n" for line in lines).encode("utf-8"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if result.returncode not in (0, 1):  # 1 only means findings at --fail-on; 2 is an input or usage error
        raise RuntimeError("textlens exited %d on partition %d: %s" % (result.returncode, index, result.stderr.decode()[-2000:]))
    return partial, len(lines), time.perf_counter() - started


def run(textlens, corpus, work, workers, partitions):
    out_dir = os.path.join(work, "partials-%d" % workers)
    os.makedirs(out_dir, exist_ok=True)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        bag = db.read_text(corpus).repartition(npartitions=partitions)
        tasks = [dask.delayed(pipe_partition)(part, i, textlens, out_dir) for i, part in enumerate(bag.to_delayed())]
        started = time.perf_counter()
        results = client.compute(tasks, sync=True)
        map_seconds = time.perf_counter() - started
    documents = sum(n for _, n, _ in results)
    partials = [p for p, _, _ in results]

    started = time.perf_counter()
    merge = [textlens, "merge", *partials, "--quiet"]
    for fmt in FORMATS:
        merge += ["--format", fmt, "--output", os.path.join(work, "merged-%d.%s" % (workers, fmt))]
    merged = subprocess.run(merge, stderr=subprocess.PIPE)
    merge_seconds = time.perf_counter() - started
    if merged.returncode not in (0, 1):
        sys.exit("textlens merge exited %d: %s" % (merged.returncode, merged.stderr.decode()[-2000:]))
    print("workers=%d documents=%d partitions=%d map_s=%.2f docs_per_s=%.2f merge_s=%.2f merge_exit=%d"
          % (workers, documents, len(partials), map_seconds, documents / map_seconds, merge_seconds, merged.returncode), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--textlens", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()
    for workers in args.workers:
        run(args.textlens, args.corpus, args.work, workers, args.partitions)


if __name__ == "__main__":
    main()

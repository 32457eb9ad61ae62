#!/usr/bin/env python3
# models/stance-polarity.md, thirty-third round: usage
#   python3 bench/polarity-stage-documents.py WITHOUT-STAGE.jsonl WITH-STAGE.jsonl DOC-CONTEXT.tsv
# Two --cv-predictions files of `train stance` (--cv-on CRS; without and with the negative stage, or two stage variants) and
# the per-row document context written by bench/polarity-doc-context.fsx: the stage's raises (neutral -> negative) by gold
# label against the document's bad news (doc:bad) and the previous sentence's (prev:bad), counts above thresholds of doc:bad,
# and the raises per document with the document's mean doc:bad.
import collections
import json
import statistics
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def spread(xs):
    xs = sorted(xs)
    n = len(xs)
    return f"n={n} mean={statistics.mean(xs):+.3f} median={statistics.median(xs):+.3f} q25={xs[n // 4]:+.3f} q75={xs[3 * n // 4]:+.3f}" if n else "n=0"


def main() -> int:
    if len(sys.argv) != 4:
        print("usage: polarity-stage-documents.py WITHOUT.jsonl WITH.jsonl DOC-CONTEXT.tsv", file=sys.stderr)
        return 2
    before, after = load(sys.argv[1]), load(sys.argv[2])
    feat = {}
    with open(sys.argv[3], encoding="utf-8") as f:
        for line in f:
            i, d, _, db, pb, _, _ = line.rstrip("\n").split("\t")
            feat[i] = (d, float(db), 0.0 if pb == "nan" else float(pb))
    ids = [i for i in after if i in before and i in feat and after[i].get("gold") in ("negative", "neutral", "positive")]
    raises = [i for i in ids if before[i]["label"] == "neutral" and after[i]["label"] == "negative"]
    print(f"raises: {len(raises)} ({dict(collections.Counter(after[i]['gold'] for i in raises))})")
    for gold, name in (("neutral", "wrong"), ("negative", "right")):
        rows = [i for i in raises if after[i]["gold"] == gold]
        print(f"  {name} (gold {gold}): doc:bad {spread([feat[i][1] for i in rows])}; prev:bad > 0 in {sum(1 for i in rows if feat[i][2] > 0)}")
    for gold in ("negative", "neutral", "positive"):
        print(f"all rows gold {gold}: doc:bad {spread([feat[i][1] for i in ids if after[i]['gold'] == gold])}")
    print("raises with doc:bad above a threshold (wrong : right):")
    for t in (-0.1, 0, 0.2, 0.4, 0.6, 0.8, 1.0):
        w = sum(1 for i in raises if feat[i][1] > t and after[i]["gold"] == "neutral")
        r = sum(1 for i in raises if feat[i][1] > t and after[i]["gold"] == "negative")
        print(f"  > {t:+.1f}: {w} : {r}")
    docs = collections.defaultdict(collections.Counter)
    means = collections.defaultdict(list)
    for i in ids:
        docs[feat[i][0]]["rows"] += 1
        docs[feat[i][0]]["gold negative"] += after[i]["gold"] == "negative"
        means[feat[i][0]].append(feat[i][1])
    for i in raises:
        docs[feat[i][0]][after[i]["gold"]] += 1
    print("raises per document (wrong : right : gold positive), mean doc:bad:")
    for d, c in sorted(docs.items(), key=lambda kv: -(kv[1]["neutral"] + kv[1]["negative"] + kv[1]["positive"])):
        if c["neutral"] + c["negative"] + c["positive"]:
            print(f"  {d:<10} {c['neutral']} : {c['negative']} : {c['positive']}   doc:bad {statistics.mean(means[d]):+.3f}   {c['gold negative']} of {c['rows']} rows gold negative")
    return 0


if __name__ == "__main__":
    sys.exit(main())

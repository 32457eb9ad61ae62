#!/usr/bin/env python3
# models/stance-polarity.md, thirty-second round: usage
#   python3 bench/polarity-stage-changes.py WITHOUT-STAGE.jsonl WITH-STAGE.jsonl [--list]
# Two --cv-predictions files of `train stance` (--cv-on CRS; the same command without and with the negative-stage options):
# the stage's out-of-fold label changes, by (before, after, gold), and for the raises (neutral -> negative) and the lowerings
# (negative -> neutral) the candidate classes the round counted (regexes, approximate) with the exact CRS macro-F1 if the
# stage left the rows of a class alone (a mixing flag leaves the stage's and the blend's probabilities as they are, so only
# those rows change). --list prints every changed row. With the arguments swapped (WITH first), a class's figure is that of
# the first file with the second's labels for the rows of the class only.
import collections
import json
import re
import sys

CLASSES = {
    "prospective frame": re.compile(r"\b(would|could|might|should|can|will|if|unless|whether|propose[sd]?|proposals?|consider(s|ing)?|intend(s|ed)?|aim(s|ed)?|seeks?|plan(s|ned)?|designed|potential(ly)?|possibl[ey]|possibility|expected|vowed|pledged|promised|options?|may)\b|\?\W*$"),
    "hedge word": re.compile(r"\b(may|might|could|likely|appears?|suggests?|potentially|possibly)\b"),
    "options / Congress": re.compile(r"\b(Congress|policymakers|lawmakers)\b.{0,40}\b(may|could|might|should|can)\b|\boptions?\b"),
    "statutory or procedural": re.compile(r"\b(Section|U\.S\.C|P\.L\.|requires?|required|provisions?|Act)\b"),
    "court and litigation": re.compile(r"\b(court|Court|judge|lawsuit|complaint|settlement|ruled|enjoin\w*|litigat\w*|briefs?)\b"),
    "change word": re.compile(r"\b(decrease\w*|reduc\w*|increase\w*|declin\w*|below|lower|higher)\b"),
    "attribution word": re.compile(r"\b(according to|said|stated|announced|estimated|found|cited|asserted|alleged|argu\w+|claims?|calculated)\b", re.I),
    "negation": re.compile(r"\b(no|not|none|neither|nor|never|without|cannot)\b|n't\b", re.I),
    "definition": re.compile(r"\b(is|are) (the|a|an) \w+|\brefers? to\b|\b(is|are) defined\b|\bare computed\b|\bmeans\b", re.I),
    "courts and parties": re.compile(r"\b(court|courts|judge|ruled|ruling|held|lawsuit|litigation|plaintiffs?|defendants?|dissent|enjoined|argued|argue|Circuit|dispute)\b", re.I),
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def scores(pred):
    """Per-class counts and macro-F1 of {id: (label, gold)}."""
    classes = ("negative", "neutral", "positive")
    f1 = []
    for c in classes:
        tp = sum(1 for l, g in pred.values() if l == c and g == c)
        p = sum(1 for l, _ in pred.values() if l == c)
        s = sum(1 for _, g in pred.values() if g == c)
        prec, rec = (tp / p if p else 0), (tp / s if s else 0)
        f1.append(2 * prec * rec / (prec + rec) if prec + rec else 0)
    return sum(f1) / len(f1)


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__ or "usage: polarity-stage-changes.py WITHOUT.jsonl WITH.jsonl [--list]", file=sys.stderr)
        return 2
    before, after = load(sys.argv[1]), load(sys.argv[2])
    ids = [i for i in after if i in before and after[i].get("gold") in ("negative", "neutral", "positive")]
    changes = collections.Counter((before[i]["label"], after[i]["label"], after[i]["gold"]) for i in ids if before[i]["label"] != after[i]["label"])
    for k, v in sorted(changes.items()):
        print(f"{k[0]:>8} -> {k[1]:<8} gold {k[2]:<8} {v}")
    base = {i: (after[i]["label"], after[i]["gold"]) for i in ids}
    print(f"macro-F1 with the stage {scores(base):.4f}, without {scores({i: (before[i]['label'], before[i]['gold']) for i in ids}):.4f}")
    for name, frm, to in (("raises", "neutral", "negative"), ("lowerings", "negative", "neutral")):
        rows = [i for i in ids if before[i]["label"] == frm and after[i]["label"] == to]
        print(f"\n{name}: {len(rows)} ({dict(collections.Counter(after[i]['gold'] for i in rows))})")
        for cname, rx in CLASSES.items():
            hit = [i for i in rows if rx.search(after[i]["text"])]
            alt = dict(base)
            for i in hit:
                alt[i] = (before[i]["label"], before[i]["gold"])
            c = collections.Counter(after[i]["gold"] for i in hit)
            print(f"  {cname:<24} neutral {c['neutral']:>3} : negative {c['negative']:>3} : positive {c['positive']:>2}   macro-F1 without the stage there {scores(alt):.4f}")
        if "--list" in sys.argv:
            for i in sorted(rows):
                print(f"    {after[i]['gold']:<8} {i:<14} {before[i]['confidence']:.2f} -> {after[i]['confidence']:.2f}  {after[i]['text'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

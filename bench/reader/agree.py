#!/usr/bin/env python3
"""Agreement of TextLens stance tags with a blind reader's labels (bench/reader).

Runs nothing itself: reads one or more `textlens report --format json` outputs and the labels
(`reader-labels.jsonl` beside this script unless --labels is given), matches each labelled sentence
to a reported sentence by document (file name) and start offset, falling back to the text, and prints
agreement per axis, per document and per class, confusion matrices, and the disagreement rate in the
form issue 10 used ("disagreed with X% of polarity labels (n of N)").

A sentence the report marks uncertain (`polarityConfident` / `epistemicConfident` false: the console,
Markdown and HTML show no tag for it) is counted two ways:
  * headline ("strict"): every labelled sentence counts; an uncertain tag, or a sentence the report
    does not have, is a disagreement. The denominator is always all labelled sentences, as in the
    issue, and the figure cannot be improved by declining to tag;
  * "shown tags only": uncertain sentences are left out of numerator and denominator (the issue asks
    that an uncertain tag be shown rather than a guess, so a withheld tag is not a wrong tag).
The label the report carries under an uncertain flag ("raw") is printed too, for diagnosis only.

Python 3 standard library only.
Usage: python3 bench/reader/agree.py REPORT.json [REPORT.json ...] [--labels FILE] [--show-disagreements]
       [--json]
"""
import argparse
import json
import os
import re
import sys
from collections import Counter, OrderedDict, defaultdict

AXES = OrderedDict([
    ("polarity", ("polarity", "polarityConfident", ["negative", "neutral", "positive"])),
    ("epistemic", ("epistemic", "epistemicConfident", ["asserted", "hedged", "attributed", "prescriptive"])),
])
UNCERTAIN = "(uncertain)"
MISSING = "(no sentence)"
# A sentence the report lists without a stance: the back matter after an article (an author note, the masthead, a comment
# form), which the tool leaves untagged by design since 7 Dec 2026 (stop 41). It makes no claim there, so such a sentence
# is out of every figure's denominator and counted apart ("untagged").
UNTAGGED = "(untagged: back matter)"
# boolean label fields the figures are also split by, when the labels carry them
GROUP_FIELDS = ("in_training", "in_dev")
# Which training rows a sentence is: a row of the DEV file (every stance model trains on it), a row of
# data/stance/crs_more.jsonl only (the epistemic model trains on it, the polarity and subjectivity models do not: for
# them these CRS sentences are out of sample, though their documents are not), or neither (the seed).
SOURCES = (("dev", "a DEV row"), ("crs_more", "crs_more only"), ("none", "no training row"))


def source(row):
    return "dev" if row.get("in_dev") else "crs_more" if row.get("in_training") else "none"


# The readable formats' confidence thresholds (StanceSection.PolarityConfidentAt / EpistemicConfidentAt), applied to the
# confidences of out-of-fold predictions (--held-out) as the report applies them to its own.
SHOWN_AT = {"polarity": 0.6, "epistemic": 0.7}


def load_held_out(spec):
    """AXIS=FILE: 'train stance --cv-on ... --cv-predictions FILE' rows ({text, label, confidence}), by normalised text."""
    axis, _, path = spec.partition("=")
    if axis not in AXES or not path:
        sys.exit(f"agree.py: --held-out takes polarity=FILE or epistemic=FILE, not '{spec}'")
    preds = {}
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    r = json.loads(line)
                    preds[norm(r["text"])] = (r["label"], float(r["confidence"]))
    except OSError as e:
        sys.exit(f"agree.py: --held-out {path}: {e.strerror}")
    except (ValueError, KeyError, TypeError) as e:
        sys.exit(f"agree.py: --held-out {path}:{n}: not a --cv-predictions row with text, label and confidence ({e})")
    return axis, preds


def held_out_pairs(pairs, axis, preds):
    """The DEV rows with an out-of-fold prediction, each paired with a sentence that carries that prediction as its tag."""
    key, conf_key, _ = AXES[axis]
    out = []
    for row, _, how in pairs:
        p = preds.get(norm(row["text"]))
        if row.get("in_dev") and p is not None:
            out.append((row, {"stance": {key: p[0], conf_key: p[1] >= SHOWN_AT[axis]}}, how))
    return out


def norm(text):
    return re.sub(r"\s+", " ", text or "").strip()


def load_reports(paths):
    docs = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for doc in data.get("documents", []):
            name = os.path.basename(doc.get("path", ""))
            if name in docs:
                sys.exit(f"agree.py: document {name} appears twice in the reports")
            docs[name] = doc
    return docs


def load_labels(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            for key in ("doc", "start", "text", "polarity", "epistemic"):
                if key not in row:
                    sys.exit(f"agree.py: {path}:{n}: field '{key}' missing")
            rows.append(row)
    return rows


def match(rows, docs):
    """Pair each label row with a reported sentence (or None). Returns list of (row, sentence, how)."""
    out = []
    index = {}
    for name, doc in docs.items():
        by_start = {s["start"]: s for s in doc.get("sentences", [])}
        by_text = defaultdict(list)
        for s in doc.get("sentences", []):
            by_text[norm(s["text"])].append(s)
        index[name] = (by_start, by_text)
    for row in rows:
        name = os.path.basename(row["doc"])
        if name not in index:
            out.append((row, None, "no document"))
            continue
        by_start, by_text = index[name]
        s = by_start.get(row["start"])
        if s is not None and norm(s["text"]) == norm(row["text"]):
            out.append((row, s, "offset"))
            continue
        cands = by_text.get(norm(row["text"]), [])
        if cands:
            s = min(cands, key=lambda c: abs(c["start"] - row["start"]))
            out.append((row, s, "text"))
        else:
            out.append((row, None, "unmatched"))
    return out


def tool_tag(sentence, axis):
    key, conf_key, _ = AXES[axis]
    if sentence is None:
        return MISSING, MISSING
    if "stance" not in sentence:
        return UNTAGGED, UNTAGGED
    st = sentence["stance"] or {}
    raw = st.get(key) or MISSING
    confident = st.get(conf_key, True)
    return raw, (raw if confident else UNCERTAIN)


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "n/a"


def summarise(pairs, axis):
    untagged = sum(1 for _, s, _ in pairs if tool_tag(s, axis)[0] == UNTAGGED)
    pairs = [p for p in pairs if tool_tag(p[1], axis)[0] != UNTAGGED]
    n = len(pairs)
    strict_agree = shown_n = shown_agree = raw_agree = uncertain = missing = 0
    for row, s, _ in pairs:
        gold = row[axis]
        raw, shown = tool_tag(s, axis)
        raw_agree += raw == gold
        if shown == MISSING:
            missing += 1
        elif shown == UNCERTAIN:
            uncertain += 1
        else:
            shown_n += 1
            shown_agree += shown == gold
        strict_agree += shown == gold
    return dict(n=n, strict_agree=strict_agree, strict_disagree=n - strict_agree,
                shown_n=shown_n, shown_agree=shown_agree, shown_disagree=shown_n - shown_agree,
                uncertain=uncertain, missing=missing, raw_agree=raw_agree, raw_disagree=n - raw_agree, untagged=untagged)


def row_line(name, x, w):
    """One table row: disagreements strict (of all), among shown tags, uncertain, raw label."""
    return (f"  {name:<{w - 2}}{x['n']:>5}   {x['strict_disagree']:>4} {pct(x['strict_disagree'], x['n']):>7}"
            f"      {x['shown_disagree']:>3}/{x['shown_n']:<3} {pct(x['shown_disagree'], x['shown_n']):>6}"
            f"   {x['uncertain']:>4} {pct(x['uncertain'], x['n']):>6}   {x['raw_disagree']:>4} {pct(x['raw_disagree'], x['n']):>6}")


def confusion(pairs, axis):
    classes = AXES[axis][2]
    cols = classes + [UNCERTAIN, MISSING]
    m = {g: Counter() for g in classes}
    extra_gold = Counter()
    for row, s, _ in pairs:
        gold = row[axis]
        _, shown = tool_tag(s, axis)
        if shown == UNTAGGED:
            continue
        if gold not in m:
            extra_gold[gold] += 1
            continue
        m[gold][shown] += 1
    cols = [c for c in cols if c in classes or any(m[g][c] for g in classes)]
    width = max(len(c) for c in cols + classes) + 1
    corner = "reader/tool"
    lines = [f"  {corner:<{width}}" + "".join(f"{c:>{width}}" for c in cols) + f"{'total':>{width}}"]
    for g in classes:
        lines.append(f"  {g:<{width}}" + "".join(f"{m[g][c]:>{width}}" for c in cols) + f"{sum(m[g].values()):>{width}}")
    lines.append(f"  {'total':<{width}}" + "".join(f"{sum(m[g][c] for g in classes):>{width}}" for c in cols)
                 + f"{sum(sum(m[g].values()) for g in classes):>{width}}")
    if extra_gold:
        lines.append(f"  labels outside the class set: {dict(extra_gold)}")
    # per class: recall of the reader's class by shown tags; precision of each shown tag
    lines.append("  per class (shown tags; uncertain counts against recall, not precision):")
    for c in classes:
        gold_n = sum(m[c].values())
        tp = m[c][c]
        pred_n = sum(m[g][c] for g in classes)
        p = tp / pred_n if pred_n else 0.0
        r = tp / gold_n if gold_n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"    {c:<13} reader {gold_n:>4}  tool {pred_n:>4}  agree {tp:>4}  P {p:.2f}  R {r:.2f}  F1 {f1:.2f}")
    return "\n".join(lines)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reports", nargs="+", help="textlens report --format json output(s)")
    ap.add_argument("--labels", default=os.path.join(here, "reader-labels.jsonl"))
    ap.add_argument("--show-disagreements", action="store_true",
                    help="list every sentence where a shown tag differs from the reader or is uncertain")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON instead of text")
    ap.add_argument("--held-out", action="append", default=[], metavar="AXIS=FILE",
                    help="also score the DEV rows by out-of-fold predictions (train stance --cv-on DEV --cv-predictions "
                         "FILE, grouped by document) instead of the report's in-sample tags: polarity=FILE, epistemic=FILE")
    args = ap.parse_args()

    docs = load_reports(args.reports)
    rows = load_labels(args.labels)
    pairs = match(rows, docs)
    how = Counter(h for _, _, h in pairs)
    doc_order = list(OrderedDict((r["doc"], None) for r in rows))

    result = {"labels": len(rows), "matched": dict(how), "axes": {}, "held_out": {}}
    for spec in args.held_out:
        axis, preds = load_held_out(spec)
        held = held_out_pairs(pairs, axis, preds)
        held_rows = {id(h[0]) for h in held}
        same = [p for p in pairs if id(p[0]) in held_rows]
        result["held_out"][axis] = {"out_of_fold": summarise(held, axis), "report_same_rows": summarise(same, axis)}
    for axis in AXES:
        result["axes"][axis] = {"all": summarise(pairs, axis),
                                "documents": {d: summarise([p for p in pairs if p[0]["doc"] == d], axis)
                                              for d in doc_order}}
        if all("in_dev" in r and "in_training" in r for r in rows):
            result["axes"][axis]["source"] = {k: summarise([p for p in pairs if source(p[0]) == k], axis) for k, _ in SOURCES}
        for field in GROUP_FIELDS:
            if any(field in r for r in rows):
                result["axes"][axis][field] = {str(v).lower(): summarise([p for p in pairs if bool(p[0].get(field)) == v], axis)
                                               for v in (True, False)}
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
        return

    print(f"labels: {len(rows)} sentences in {len(doc_order)} documents; matched by offset {how['offset']}, "
          f"by text {how['text']}, unmatched {how['unmatched']}, document missing {how['no document']}")
    for axis in AXES:
        a = result["axes"][axis]["all"]
        print()
        print(f"== {axis} ==")
        print(f"headline (uncertain counts as disagreement): the reader disagreed with "
              f"{pct(a['strict_disagree'], a['n'])} of {axis} labels ({a['strict_disagree']} of {a['n']})")
        print(f"shown tags only (uncertain left out): disagreed with {pct(a['shown_disagree'], a['shown_n'])} "
              f"({a['shown_disagree']} of {a['shown_n']}); uncertain {a['uncertain']} of {a['n']} "
              f"({pct(a['uncertain'], a['n'])}); not found {a['missing']}; untagged by design (back matter, out of every figure) {a['untagged']}")
        print(f"raw label under the uncertain flag (diagnosis only): disagreed with "
              f"{pct(a['raw_disagree'], a['n'])} ({a['raw_disagree']} of {a['n']})")
        w = max([len(os.path.basename(d)) for d in doc_order] + [len(f) + 7 for f in GROUP_FIELDS]) + 2
        print(f"{'per document:':<{w}}    n   headline (strict)   shown tags only     uncertain   raw label")
        for d in doc_order:
            print(row_line(os.path.basename(d), result["axes"][axis]["documents"][d], w))
        for field in GROUP_FIELDS:
            if not any(field in r for r in rows):
                continue
            print(f"by {field}:")
            for value in (True, False):
                x = summarise([p for p in pairs if bool(p[0].get(field)) == value], axis)
                print(row_line(f"{field}={str(value).lower()}", x, w))
        if "source" in result["axes"][axis]:
            print("by training rows (polarity and subjectivity train on the DEV rows only; epistemic also on crs_more):")
            for k, label in SOURCES:
                print(row_line(label, result["axes"][axis]["source"][k], w))
        print("confusion (rows: reader; columns: the tag the report shows):")
        print(confusion(pairs, axis))

    for axis, h in result["held_out"].items():
        o, r = h["out_of_fold"], h["report_same_rows"]
        print()
        print(f"== {axis}, held out: the DEV rows tagged by out-of-fold predictions (documents held out) ==")
        print(f"{o['n']} DEV rows with a prediction; headline {pct(o['strict_disagree'], o['n'])} ({o['strict_disagree']}), "
              f"shown tags only {pct(o['shown_disagree'], o['shown_n'])} ({o['shown_disagree']} of {o['shown_n']}), "
              f"uncertain {o['uncertain']}")
        print(f"the report's tags on the same rows (in sample): headline {pct(r['strict_disagree'], r['n'])} "
              f"({r['strict_disagree']}), shown tags only {pct(r['shown_disagree'], r['shown_n'])} "
              f"({r['shown_disagree']} of {r['shown_n']}), uncertain {r['uncertain']}")

    if args.show_disagreements:
        print()
        print("== disagreements (doc, start, axis, reader -> shown [raw], text) ==")
        for row, s, _ in pairs:
            for axis in AXES:
                raw, shown = tool_tag(s, axis)
                if shown != row[axis] and shown != UNTAGGED:
                    extra = f" [{raw}]" if shown == UNCERTAIN else ""
                    print(f"{os.path.basename(row['doc'])}\t{row['start']}\t{axis}\t{row[axis]} -> {shown}{extra}\t"
                          f"{norm(row['text'])[:160]}")


if __name__ == "__main__":
    main()

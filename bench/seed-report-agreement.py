#!/usr/bin/env python3
"""The seed's illustrative labels as `report` reads the article (models/stance-polarity.md, stop 39 and the eighteenth round).

`eval stance --data seed_article_illustrative.jsonl` tags each row alone (the file has no `prev` and no `doc`); a user meets
the seed through `report`, which reads every sentence with its previous sentence and its document. This script counts the
agreements of a JSON report with the illustrative rows, matching sentences by text (NBSPs, curly quotes and whitespace
normalised as SeedIllustrativeAgreementTests does), and the report's label shares. It copies no data: both files are read
from where they are.

    textlens report seeds/chongryon-japan-north-korea-relations.txt --format json > /tmp/seed.json
    python3 bench/seed-report-agreement.py /tmp/seed.json ../shared/data/stance/seed_article_illustrative.jsonl

With TEXTLENS_MODELS=<folder> the CLI reads a candidate model folder (a copy of models/ with the new files). Exit status 2
if a row is not a sentence of the report (the article and the labels no longer match). `--json` prints the figures as one
JSON object; `--list` prints every row with its gold and reported polarity.
"""
import argparse
import json
import sys


def normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(t for t in text.split(" ") if t)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", help="textlens report --format json of the seed article")
    parser.add_argument("labels", help="seed_article_illustrative.jsonl")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--list", action="store_true", help="print each row: gold, reported polarity, score, text")
    args = parser.parse_args()

    with open(args.report, encoding="utf-8") as f:
        report = json.load(f)
    documents = report["documents"]
    if len(documents) != 1:
        print(f"expected one document in the report, found {len(documents)}", file=sys.stderr)
        return 2
    sentences = documents[0]["sentences"]
    by_text = {}
    for s in sentences:
        by_text.setdefault(normalise(s["text"]), s)

    axes = {"polarity": "polarity", "epistemic": "epistemic", "subjectivity": "subjectivity"}
    agree = {a: 0 for a in axes}
    rows = 0
    listing = []
    with open(args.labels, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            s = by_text.get(normalise(row["text"]))
            if s is None:
                print(f"not a sentence of the report: {row['text']}", file=sys.stderr)
                return 2
            rows += 1
            stance = s["stance"]
            for axis, field in axes.items():
                if str(stance.get(field, "")).lower() == str(row.get(axis, "")).lower():
                    agree[axis] += 1
            listing.append((row["id"], row["polarity"].lower(), stance["polarity"], stance.get("polarityScore"), row["text"]))

    shares = {}
    for s in sentences:
        label = s.get("stance", {}).get("polarity")
        if label is not None:
            shares[label] = shares.get(label, 0) + 1
    tagged = sum(shares.values())
    figures = {
        "rows": rows,
        "polarity": agree["polarity"],
        "epistemic": agree["epistemic"],
        "subjectivity": agree["subjectivity"],
        "sentences": tagged,
        "neutral": shares.get("neutral", 0),
        "negative": shares.get("negative", 0),
        "positive": shares.get("positive", 0),
    }
    if args.list:
        for rid, gold, got, score, text in listing:
            mark = " " if gold == got else "x"
            print(f"{mark} {rid}\tgold {gold:8}\treport {got:8}\t{score}\t{text[:90]}")
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"seed as report reads it: polarity {figures['polarity']}/{rows}, epistemic {figures['epistemic']}/{rows}, "
              f"subjectivity {figures['subjectivity']}/{rows}; polarity of {tagged} sentences: "
              f"{figures['neutral']} neutral, {figures['negative']} negative, {figures['positive']} positive")
    return 0


if __name__ == "__main__":
    sys.exit(main())

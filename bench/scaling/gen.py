#!/usr/bin/env python3
"""Generate one pathological input: gen.py CONSTRUCT BYTES OUTDIR -> prints the path(s) of the input to report.
Each construct is repeated to about BYTES, inside otherwise normal prose (a paragraph before and after)."""
import os, sys

PROSE = ("The committee reviewed the proposal on Tuesday. Members said the funding would support rural clinics, "
         "although some doubted the estimates. The agency may publish a revised plan next year.\n\n")

def rep(unit, n):  # unit repeated to n bytes
    return (unit * (n // len(unit) + 1))[:n]

def words(n, cap=False):
    vocab = ["policy", "budget", "river", "county", "program", "school", "market", "energy", "health", "water",
             "farmer", "station", "bridge", "grant", "report", "office", "harbor", "museum", "tariff", "voter"]
    out, i = [], 0
    while sum(len(w) + 1 for w in out) < n:
        w = vocab[i % len(vocab)] + str(i // len(vocab))
        out.append(w.capitalize() if cap else w); i += 1
    return out

def sentences(n, distinct):
    out, i = [], 0
    size = 0
    while size < n:
        s = (f"The council approved plan number {i} for the {['north','south','east','west'][i%4]} district." if distinct
             else "The council approved the plan.")
        out.append(s); size += len(s) + 1; i += 1
    return " ".join(out)

C = {
  # Markdown
  "md-emph-star":      ("md", lambda n: rep("*", n)),
  "md-emph-under":     ("md", lambda n: rep("_", n)),
  "md-emph-mixed":     ("md", lambda n: rep("*a _b ", n)),
  "md-open-bracket":   ("md", lambda n: rep("[", n)),
  "md-open-bracket-w": ("md", lambda n: rep("[a ", n)),
  "md-link-open":      ("md", lambda n: rep("](", n)),
  "md-link-open2":     ("md", lambda n: rep("[a](", n)),
  "md-backticks":      ("md", lambda n: rep("`", n)),
  "md-backticks-var":  ("md", lambda n: "".join("`" * (i % 7 + 1) + "a " for i in range(n // 5))),
  "md-blockquote":     ("md", lambda n: rep("> ", n) + "deep quote text."),
  "md-blockquote-lines": ("md", lambda n: "\n".join("> " * (i % 50 + 1) + "quoted line." for i in range(n // 60))),
  "md-nested-list":    ("md", lambda n: "\n".join("  " * (i % 200) + "- item text" for i in range(n // 210))),
  "md-list-lines":     ("md", lambda n: rep("- ", n) + "item"),
  "md-table":          ("md", lambda n: "| a | b |\n|---|---|\n" + rep("| cell ", n) + "|\n"),
  "md-table-rows":     ("md", lambda n: "| " + " | ".join(["h"] * 50) + " |\n|" + "---|" * 50 + "\n" +
                              "\n".join("| " + " | ".join(["c"] * 50) + " |" for _ in range(n // 210))),
  "md-heading-long":   ("md", lambda n: "# " + " ".join(words(n))),
  "md-heading-hashes": ("md", lambda n: rep("# ", n)),
  "md-html-block":     ("md", lambda n: "<div>\n" + rep("<span>text</span> ", n) + "\n</div>"),
  "md-html-open-tags": ("md", lambda n: rep("<a ", n)),
  "md-comment-open":   ("md", lambda n: rep("<!-- ", n)),
  "md-disable-open":   ("md", lambda n: rep("<!-- textlens-disable TL3001 ", n)),
  "md-linkref":        ("md", lambda n: "\n".join(f"[ref{i}]: https://example.com/{i} \"Title {i}\"" for i in range(n // 45))),
  "md-linkref-use":    ("md", lambda n: rep("[ref] ", n) + "\n\n[ref]: https://example.com\n"),
  "md-footnotes":      ("md", lambda n: rep("text[^1] ", n // 2) + "\n\n" + "\n".join(f"[^{i}]: Note {i}." for i in range(n // 30))),
  "md-long-line-nopunct": ("md", lambda n: " ".join(words(n))),
  "md-setext":         ("md", lambda n: "\n".join(("Heading text\n" + "=" * 40) for _ in range(n // 54))),
  "md-setext-long":    ("md", lambda n: "Heading\n" + rep("=", n)),
  "md-autolink":       ("md", lambda n: rep("<http://a ", n)),
  "md-entity":         ("md", lambda n: rep("&amp", n)),
  "md-bare-urls":      ("md", lambda n: rep("https://e.org/a ", n)),
  "md-bare-urls-code": ("md", lambda n: rep("`c` www.e.org ", n)),
  "md-escape":         ("md", lambda n: rep("\\", n)),
  # plain text
  "txt-directive":     ("txt", lambda n: rep("%% textlens-disable TL3001 ", n)),
  "txt-directive-lines": ("txt", lambda n: "\n".join("%% textlens-disable TL3001" if i % 2 == 0 else "A line of text." for i in range(n // 22))),
  "txt-long-line-nopunct": ("txt", lambda n: " ".join(words(n))),
  # sentence splitting
  "ss-abbrev-us":      ("txt", lambda n: rep("U.S. ", n)),
  "ss-abbrev-mixed":   ("txt", lambda n: rep("Dr. Mr. e.g. i.e. etc. ", n)),
  "ss-quotes":         ("txt", lambda n: rep("\"a ", n)),
  "ss-quotes-closed":  ("txt", lambda n: rep("He said \"yes.\" ", n)),
  "ss-paren-open":     ("txt", lambda n: rep("(", n)),
  "ss-paren-open-w":   ("txt", lambda n: rep("(a ", n)),
  "ss-ellipsis":       ("txt", lambda n: rep("... ", n)),
  "ss-dots":           ("txt", lambda n: rep(".", n)),
  "ss-numbers":        ("txt", lambda n: rep("1.2.3. ", n)),
  "ss-initials":       ("txt", lambda n: rep("J. ", n)),
  # references
  "ref-sections":      ("txt", lambda n: "Sections " + rep("1, ", n) + "apply."),
  "ref-sections-rep":  ("txt", lambda n: rep("Sections 1, ", n)),
  "ref-usc":           ("txt", lambda n: rep("42 U.S.C. ", n)),
  "ref-pl":            ("txt", lambda n: rep("P.L. 1-2, ", n)),
  "ref-www":           ("txt", lambda n: rep("www.", n)),
  "ref-url":           ("txt", lambda n: "https://" + rep("a.", n)),
  "ref-no":            ("txt", lambda n: rep("No. 1-", n)),
  "ref-hr":            ("txt", lambda n: rep("H.R. ", n)),
  "ref-stat":          ("txt", lambda n: rep("136 Stat. ", n)),
  "ref-crs-report":    ("txt", lambda n: rep("CRS Report R1, ", n)),
  "ref-section-sym":   ("txt", lambda n: rep("§", n)),
  "ref-digits":        ("txt", lambda n: rep("1-", n)),
  # keywords
  "kw-nouns":          ("txt", lambda n: "The " + " ".join(words(n)) + "."),
  "kw-capitals":       ("txt", lambda n: "The " + " ".join(words(n, cap=True)) + "."),
  "kw-distinct-codes": ("txt", lambda n: " ".join(f"ABC{i}" for i in range(n // 8))),
  "kw-hyphen":         ("txt", lambda n: "The " + "-".join(words(n)) + " works."),
  "kw-hyphen-short":   ("txt", lambda n: "The " + rep("a-", n) + "b works."),
  "kw-same-noun":      ("txt", lambda n: "The " + rep("policy ", n) + "works."),
  # themes / summary
  "th-identical":      ("txt", lambda n: sentences(n, False)),
  "th-distinct":       ("txt", lambda n: sentences(n, True)),
  "th-paragraphs":     ("txt", lambda n: "\n\n".join(sentences(200, True) for _ in range(n // 200))),
  # stance
  "st-according":      ("txt", lambda n: "The plan, " + rep("according to officials, ", n) + "works."),
  "st-quotes":         ("txt", lambda n: "He said " + rep("\"", n) + " it works."),
  "st-quote-pairs":    ("txt", lambda n: "He said " + rep("\"yes\" ", n) + "today."),
  "st-may":            ("txt", lambda n: "The plan " + rep("may ", n) + "work."),
  "st-close-quotes":   ("txt", lambda n: "He said " + rep("” ", n) + "it works."),
  "st-should-may":     ("txt", lambda n: "The plan " + rep("should may ", n) + "work."),
  "ref-url-parens":    ("txt", lambda n: "See www.a.gov/" + rep(")", n) + " today."),
  "ref-url-brackets":  ("txt", lambda n: "See www.a.gov/" + rep("(]", n) + " today."),
  "st-money":          ("txt", lambda n: "The fund lost " + rep("$1.5 million, ", n) + "in all."),
  "st-commas":         ("txt", lambda n: "The plan " + rep("a, ", n) + "works."),
  "st-prescriptions":  ("txt", lambda n: "Congress " + rep("should consider ", n) + "it."),
  "md-link-nested":    ("md", lambda n: rep("[", n // 2) + "a" + rep("]", n // 2)),
  "st-said":           ("txt", lambda n: "The plan " + rep("said that ", n) + "works."),
  "st-would-seem":     ("txt", lambda n: "The plan " + rep("would seem to ", n) + "work."),
  "st-whether-reportedly": ("txt", lambda n: "The question is whether " + rep("reportedly ", n) + "it works."),
  "st-whether-should": ("txt", lambda n: "The question is whether " + rep("should ", n) + "it work."),
  "ref-crs-nested":    ("txt", lambda n: "See " + rep("CRS Report R1, (", n) + " today."),
}

def main():
    name, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if name == "list":
        print("\n".join(C)); return
    ext, f = C[name]
    body = f(size)
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, f"{name}-{size}.{ext}")
    with open(path, "w") as fh:
        fh.write(PROSE + body + "\n\n" + PROSE)
    print(path)

if __name__ == "__main__":
    if sys.argv[1] == "list": print("\n".join(C))
    else: main()

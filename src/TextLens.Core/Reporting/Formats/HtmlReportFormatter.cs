using System.Globalization;
using System.Text;
using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting.Formats;

/// <summary>
/// One self-contained HTML page a person reads: inline CSS and inline SVG, no scripts, no external
/// resources. A full-width responsive layout (a table of contents beside the documents on a wide
/// screen, above them on a phone); per document, in this order: the sections shown first (the
/// summary), the keywords and beside them the sections' bars (the stance toward the key terms, with a
/// scale and values beside the bars), the sections' charts among the analyses (the theme map; the
/// tone and certainty timeline, with an axis and sentence numbers: sentences are grouped into at most
/// <see cref="MaxTimelineBins"/> bins, so marks stay readable on long reports), the findings (each
/// linked to its sentence) and the text, where the words behind a finding or a section's marks (the
/// stance cues) are highlighted rather than whole sentences. Sentence groups and series categories use
/// separate colour sets that meet WCAG AA contrast for graphics on white. With more than
/// <see cref="DetailedDocumentLimit"/> documents each section is compact (summary, keywords, findings)
/// so the page stays small. The sections' parts come from their views (<see cref="SectionView"/>);
/// where a chart's section has no value the page says so. Deterministic.
/// </summary>
public sealed class HtmlReportFormatter : IReportFormatter
{
    /// <summary>Above this many documents, sections leave out the charts and the text.</summary>
    public const int DetailedDocumentLimit = 50;

    /// <summary>A compact document section names at most this many of a section's ranked terms (<see cref="SectionView.Terms"/>: the keywords).</summary>
    public const int CompactTerms = 8;

    /// <summary>A series' timeline (<see cref="SectionView.Series"/>) shows at most this many columns; longer documents are binned.</summary>
    public const int MaxTimelineBins = 120;

    // Sentence groups (themes) and keyword bars: teal, sienna, magenta, olive, indigo, coffee - none of the series colours below.
    private static readonly string[] GroupColours = ["#1b7c83", "#a0522d", "#bf3989", "#66761b", "#4b4fa6", "#6f5b3e"];

    private const string NoGroup = "#d0d7de";

    // A series' categories, in their order (the stance's: how a sentence holds its claim): grey, amber, blue, purple; a muted one pale.
    private static readonly string[] CategoryColours = ["#6e7781", "#9a6700", "#0550ae", "#8250df"];

    private const string MutedCategory = "#eaeef2";

    // A value from -1 to +1 (a series' value, bars): positive, negative, near zero.
    private const string Positive = "#1a7f37";
    private const string Negative = "#cf222e";
    private const string Neutral = "#8c959f";

    // A document's section is built in a builder of this capacity and moved to its spool past half of it (Spill).
    private const int SpillCapacity = 1 << 15;
    private const int SpillAt = SpillCapacity / 2;

    public string Name => "html";

    public string Extension => ".html";

    public IReportWriter Open(TextWriter output, FormatSettings settings, Func<IReportSpool> spools)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(spools);
        return new Writer(output, settings, spools(), spools(), spools());
    }

    /// <summary>
    /// Whether the document at <paramref name="index"/> gets a full section: all of them when the run
    /// reports at most <see cref="DetailedDocumentLimit"/> documents; none when it reports more; when the
    /// number is not known in advance, the first <see cref="DetailedDocumentLimit"/>.
    /// </summary>
    private static bool Detailed(FormatSettings settings, int index) =>
        settings.ExpectedDocuments is { } n ? n <= DetailedDocumentLimit : index < DetailedDocumentLimit;

    /// <summary>The header, contents and overview need the whole corpus: contents entries, overview rows and sections wait in spools.</summary>
    private sealed class Writer(TextWriter output, FormatSettings settings, IReportSpool contents, IReportSpool overview, IReportSpool sections) : IReportWriter
    {
        private readonly IReadOnlyList<IReportSection> _columns = SectionViews.OverviewColumns(settings, OverviewFormats.Html);
        private int _count;
        private int _compact;
        private string? _firstPath;

        public void WriteDocument(DocumentReport d)
        {
            ArgumentNullException.ThrowIfNull(d);
            int i = _count++;
            _firstPath ??= d.Path;
            contents.Writer.Write(ContentsEntry(d, i));
            overview.Writer.Write(OverviewRow(d, i, _columns));
            bool detailed = Detailed(settings, i);
            _compact += detailed ? 0 : 1;
            var h = new StringBuilder(SpillCapacity);
            TextWriter sink = sections.Writer;
            AppendDocument(h, sink, d, i, settings, detailed);
            sink.Write(h);
        }

        public void Complete(ReportCompletion completion)
        {
            ArgumentNullException.ThrowIfNull(completion);
            var h = new StringBuilder();
            CorpusSummary summary = completion.Summary;
            ToolInfo tool = completion.Tool;
            string title = _count == 1 ? $"TextLens · {_firstPath}" : $"TextLens · {_count} documents";
            h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            h.Append("<meta name=\"generator\" content=\"").Append(E($"{tool.Name} {tool.Version}")).Append("\">\n");
            h.Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css).Append(string.Concat(settings.Sections.Select(s => s.Css)))
             .Append(CssAfterSections).Append("</style>\n</head>\n<body>\n");
            AppendHeader(h, summary, settings, _count);
            h.Append("<div class=\"layout\">\n<nav class=\"toc\" aria-label=\"Documents\"><h2>Documents</h2>\n<ol>\n");
            output.Write(h.ToString());
            h.Clear();
            contents.CopyTo(output);
            h.Append("</ol></nav>\n<main>\n");
            if (_count > 1)
            {
                AppendOverviewStart(h, summary, settings, _columns);
                output.Write(h.ToString());
                h.Clear();
                overview.CopyTo(output);
                h.Append("</tbody></table></div>\n</section>\n");
            }

            output.Write(h.ToString());
            sections.CopyTo(output);
            output.Write(string.Concat(
                "</main>\n</div>\n<footer>Made by ", E(tool.Name), " ", E(tool.Version), ". Line numbers count from 1.",
                _compact == 0 ? string.Empty : Inv($" {_compact} of the {_count} documents have compact sections (summary, keywords and findings only): a page for more than {DetailedDocumentLimit} documents leaves out their charts and text."),
                "</footer>\n</body>\n</html>\n"));
        }

        public void Dispose()
        {
            contents.Dispose();
            overview.Dispose();
            sections.Dispose();
        }
    }

    private static void AppendHeader(StringBuilder h, CorpusSummary summary, FormatSettings settings, int documents)
    {
        h.Append("<header class=\"top\"><h1>TextLens report</h1><p class=\"meta\">");
        h.Append(Counted.Of(summary.Documents, "document")).Append(CultureInfo.InvariantCulture, $" · {summary.Words:N0} words · {summary.Sentences:N0} sentences");
        if (summary.Failed > 0)
        {
            h.Append(CultureInfo.InvariantCulture, $" · {summary.Failed} could not be read");
        }

        foreach (string sev in (string[])["error", "warning", "suggestion"])
        {
            int n = summary.DiagnosticsBySeverity.GetValueOrDefault(sev);
            h.Append(CultureInfo.InvariantCulture, $" · <span class=\"sev {(n == 0 ? "zero" : sev)}\">{n} {sev}{Plural(n)}</span>");
        }

        h.Append("</p>");
        if (settings.Changes is { } changes)
        {
            h.Append("<p class=\"meta\">").Append(documents == 0
                ? $"No documents changed since <code>{E(changes.Ref)}</code>."
                : $"Documents changed since <code>{E(changes.Ref)}</code>; " + (changes.ChangedLinesOnly ? "findings on added or modified lines only." : "findings anywhere in the changed files.")).Append("</p>");
        }

        h.Append("</header>\n");
    }

    private static string ContentsEntry(DocumentReport d, int i)
    {
        int findings = d.Diagnostics.Count(x => x.Suppression is null);
        string note = d.Stats is null ? "not read" : findings == 0 ? string.Empty : Inv($"{findings}");
        return Inv($"<li><a href=\"#doc-{i}\">{PathHtml(d.Path)}</a>{(note.Length > 0 ? $" <span class=\"count\" title=\"findings\">{note}</span>" : string.Empty)}</li>\n");
    }

    /// <summary>The document's overview row: its name, its words, a cell for each section with an overview column (the summary's first sentence), its findings.</summary>
    private static string OverviewRow(DocumentReport d, int i, IReadOnlyList<IReportSection> columns)
    {
        int findings = d.Diagnostics.Count(x => x.Suppression is null);
        string cells = string.Concat(SectionViews.OverviewCells(d, columns).Select(c => $"<td class=\"col\">{E(Clip(c, 160))}</td>"));
        return Inv($"<tr><td><a href=\"#doc-{i}\">{PathHtml(d.Path)}</a></td><td class=\"num\">{d.Stats?.Words ?? 0:N0}</td>{cells}<td class=\"num\">{findings}</td></tr>\n");
    }

    /// <summary>The overview up to its table rows: the bars of what the sections total over the corpus (the keywords several documents share) and the table's head.</summary>
    private static void AppendOverviewStart(StringBuilder h, CorpusSummary summary, FormatSettings settings, IReadOnlyList<IReportSection> columns)
    {
        h.Append("<section class=\"card\" id=\"overview\"><h2>Overview</h2>\n");
        foreach ((IReportSection section, SectionView view) in SectionViews.Corpus(summary, settings))
        {
            if (view.Terms is { Terms.Count: > 0 } terms)
            {
                h.Append("<h3>").Append(E(terms.Title ?? section.Title)).Append("</h3>\n");
                AppendTermBars(h, terms.Terms, terms.Caption, terms.Name);
            }
        }

        h.Append("<div class=\"scroll\"><table><thead><tr><th>Document</th><th class=\"num\">Words</th>")
         .Append(string.Concat(columns.Select(c => $"<th class=\"col\">{E(c.OverviewColumn ?? string.Empty)}</th>")))
         .Append("<th class=\"num\">Findings</th></tr></thead><tbody>\n");
    }

    private static void AppendDocument(StringBuilder h, TextWriter sink, DocumentReport doc, int index, FormatSettings settings, bool detailed)
    {
        string id = $"doc-{index}";
        h.Append(CultureInfo.InvariantCulture, $"<section class=\"card doc\" id=\"{id}\">\n<h2>{PathHtml(doc.Path)}</h2>\n");
        if (doc.Stats is { } stats)
        {
            h.Append("<p class=\"meta\">").Append(Counted.Of(stats.Words, "word")).Append(" · ").Append(Counted.Of(stats.Sentences, "sentence")).Append(" · ").Append(Counted.Of(stats.Paragraphs, "paragraph")).Append("</p>\n");
        }
        else
        {
            h.Append("<p class=\"meta\">Not analysed (see the findings).</p>\n");
        }

        IReadOnlyList<SentenceReport> sentences = doc.Sentences;
        bool withText = detailed && sentences.Count > 0;

        // What the document adds to the corpus (--corpus) is the first thing a reviewer reads.
        string? anchor = withText ? id : null;
        SectionViews.WriteHtmlLead(h, doc, settings, anchor);

        // Then what the document says (the summary), before what the analyses make of it.
        bool quoted = SectionViews.WriteHtml(h, doc, settings, SectionPlacement.Start, anchor);
        if (!quoted && doc.Stats is { Words: 0 })
        {
            h.Append("<p class=\"muted\">The document is empty.</p>\n");
        }

        // The analyses' sections with their views: their ranked terms (the keywords) first, as bars and beside them the
        // sections' other bars, then their charts; a compact section shows one line of the first terms and no chart.
        (IReportSection Section, SectionView? View)[] body = [.. SectionViews.Body(doc, settings)];
        (IReportSection Section, RankedTerms Terms, RankedTerm[] Shown)[] ranked = [.. body
            .Where(b => b.View?.Terms is not null)
            .Select(b => (b.Section, b.View!.Terms!, SectionViews.Shown(b.View.Terms!, settings)))
            .Where(r => r.Item3.Length > 0)];
        if (!detailed)
        {
            foreach ((IReportSection section, _, RankedTerm[] shown) in ranked)
            {
                h.Append("<p class=\"").Append(E(section.Key)).Append("\"><strong>").Append(E(section.Title)).Append(":</strong> ")
                 .Append(E(string.Join(" · ", shown.Take(CompactTerms).Select(t => t.Text)))).Append("</p>\n");
            }

            AppendDiagnostics(h, sink, doc, id, Locate(sentences, doc.Diagnostics), withText);
            h.Append("</section>\n");
            return;
        }

        SectionBars[] bars = [.. body.Select(b => b.View?.Bars).OfType<SectionBars>()];
        if (ranked.Length > 0 || bars.Length > 0)
        {
            h.Append("<div class=\"cols\">\n");
            foreach ((IReportSection section, RankedTerms terms, RankedTerm[] shown) in ranked)
            {
                h.Append("<div><h3>").Append(E(terms.Title ?? section.Title)).Append("</h3>\n");
                AppendTermBars(h, shown, terms.Caption.Replace("{0}", doc.Path, StringComparison.Ordinal), terms.Name);
                h.Append("</div>\n");
            }

            if (doc.Stats is { Words: > 0 })
            {
                foreach (SectionBars chart in bars)
                {
                    AppendDivergingBars(h, chart);
                }
            }

            h.Append("</div>\n");
        }

        Groups? colouring = null;
        if (sentences.Count > 0)
        {
            // The analyses' sections (the themes, the stance), with the charts; the first sentence groups colour the text.
            foreach ((IReportSection section, SectionView? view) in body)
            {
                if (view?.Groups is { } viewGroups)
                {
                    h.Append("<h3>").Append(E(section.ChartTitle)).Append("</h3>\n");
                    Groups groups = ReadGroups(viewGroups, sentences.Count);
                    colouring ??= groups;
                    if (groups.Clusters.Count > 0)
                    {
                        AppendGroupMap(h, sink, id, sentences, groups);
                    }
                    else if (section.MissingNote is { } note)
                    {
                        h.Append("<p class=\"muted\">").Append(E(note)).Append("</p>\n");
                    }
                }
                else if (view?.Series is { } series)
                {
                    // A chart in place of the view's facts, table and fold (which console and Markdown write).
                    h.Append("<h3>").Append(E(section.ChartTitle)).Append("</h3>\n");
                    if (series.Points.Any(p => p is not null))
                    {
                        AppendTimeline(h, sink, id, sentences, series);
                    }
                    else if (section.MissingNote is { } note)
                    {
                        h.Append("<p class=\"muted\">").Append(E(note)).Append("</p>\n");
                    }
                }
                else if (view is { Shows: true } && view.Bars is null && view.Terms is null)
                {
                    SectionViews.WriteHtml(h, section, view, anchor);
                }
                else if (view is not { Shows: true } && section.MissingNote is { } note)
                {
                    h.Append("<h3>").Append(E(section.ChartTitle)).Append("</h3>\n<p class=\"muted\">").Append(E(note)).Append("</p>\n");
                }
            }
        }

        SectionViews.WriteHtml(h, doc, settings, SectionPlacement.End, anchor);
        Dictionary<int, int> sentenceOf = Locate(sentences, doc.Diagnostics);
        AppendDiagnostics(h, sink, doc, id, sentenceOf, withText);
        if (withText)
        {
            // Every section's marks and notes, whatever its place: those shown first and at the end, and the analyses'.
            SectionView[] views =
            [
                .. ((SectionPlacement[])[SectionPlacement.Lead, SectionPlacement.Start]).SelectMany(p => SectionViews.Of(doc, settings, p)).Select(v => v.View),
                .. body.Select(b => b.View).OfType<SectionView>(),
                .. SectionViews.Of(doc, settings, SectionPlacement.End).Select(v => v.View),
            ];

            // A long text starts folded when the sentences quoted above (the summary) already say what it says.
            AppendText(h, sink, doc, id, colouring, views, sentenceOf, folded: quoted && sentences.Count > 60);
        }

        h.Append("</section>\n");
    }

    private static void AppendDiagnostics(StringBuilder h, TextWriter sink, DocumentReport doc, string id, Dictionary<int, int> sentenceOf, bool linkable)
    {
        IReadOnlyList<DiagnosticReport> diagnostics = doc.Diagnostics;
        int shown = diagnostics.Count(x => x.Suppression is null);
        h.Append(CultureInfo.InvariantCulture, $"<h3>Findings ({shown})</h3>\n");
        if (diagnostics.Count == 0)
        {
            h.Append("<p class=\"muted\">No findings.</p>\n");
            return;
        }

        h.Append("<ul class=\"diagnostics\">\n");
        for (int i = 0; i < diagnostics.Count; i++)
        {
            DiagnosticReport d = diagnostics[i];
            string where = d.Line is { } line ? Inv($"line {line}") : "file";
            h.Append(CultureInfo.InvariantCulture, $"<li id=\"{id}-d{i}\"{(d.Suppression is null ? string.Empty : " class=\"suppressed\"")}><span class=\"sev {E(d.Severity)}\">{E(d.Severity)}</span> ");
            h.Append(CultureInfo.InvariantCulture, $"<span class=\"rule\" title=\"{E(d.Title)}\">{E(d.Id)}</span> ");
            h.Append(linkable && sentenceOf.TryGetValue(i, out int si)
                ? Inv($"<a class=\"loc\" href=\"#{id}-s{si}\">{where}</a> ")
                : Inv($"<span class=\"loc\">{where}</span> "));
            h.Append(E(d.Message));
            if (d.Suppression is { } suppression)
            {
                h.Append(CultureInfo.InvariantCulture, $" <em>(suppressed: {E(suppression == "inSource" ? "in the text" : suppression)})</em>");
            }

            h.Append("</li>\n");
            Spill(h, sink);
        }

        h.Append("</ul>\n");
    }

    /// <summary>
    /// The text, one span per sentence; the words behind each finding (its snippet) and each of the sections' marks
    /// (the stance cues) are marked, not the whole sentence. A paragraph break where a sentence starts two or more
    /// lines below the previous one. Each sentence's tooltip: its number and line, its group, the sections' notes.
    /// </summary>
    /// <param name="groups">The sentence groups (themes) the text is coloured by; null: none.</param>
    /// <param name="views">The views of the document's sections: their <see cref="SectionView.Marks"/> and <see cref="SectionView.SentenceNotes"/>.</param>
    private static void AppendText(StringBuilder h, TextWriter sink, DocumentReport doc, string id, Groups? groups, IReadOnlyList<SectionView> views, Dictionary<int, int> sentenceOf, bool folded)
    {
        IReadOnlyList<SentenceReport> sentences = doc.Sentences;
        var marks = new Dictionary<int, List<(string Text, string Class, string Title)>>();
        foreach ((int d, int s) in sentenceOf)
        {
            DiagnosticReport x = doc.Diagnostics[d];
            if (x.Suppression is null)
            {
                Add(s, (x.Snippet ?? string.Empty, "finding " + x.Severity, $"{x.Id}: {x.Message}"));
            }
        }

        foreach (SentenceMarks sectionMarks in views.Select(v => v.Marks).OfType<SentenceMarks>())
        {
            for (int s = 0; s < Math.Min(sentences.Count, sectionMarks.Sentences.Count); s++)
            {
                foreach (TextMark mark in sectionMarks.Sentences[s] ?? [])
                {
                    Add(s, (mark.Text, sectionMarks.Name + " " + mark.Kind, mark.Note));
                }
            }
        }

        IReadOnlyList<string?>[] notes = [.. views.Select(v => v.SentenceNotes).OfType<IReadOnlyList<string?>>()];

        var spans = new List<(int Start, int Length, string Class, string Title)>(); // AppendMarked's, reused sentence by sentence
        h.Append("<details").Append(folded ? string.Empty : " open").Append("><summary>Text</summary>\n<div class=\"text\">\n<p>");
        int previousLine = -1;
        for (int s = 0; s < sentences.Count; s++)
        {
            SentenceReport sentence = sentences[s];
            if (previousLine >= 0 && sentence.Line > previousLine + 1)
            {
                h.Append("</p>\n<p>");
            }

            previousLine = sentence.Line;
            int? cluster = groups?.SentenceCluster[s];
            bool isRepresentative = cluster is { } rc && groups!.Representative.TryGetValue(rc, out int r) && r == s;
            bool flagged = marks.TryGetValue(s, out var list) && list.Any(m => m.Class.StartsWith("finding", StringComparison.Ordinal));

            // The span and its tooltip written part by part, each part encoded on its own: every part meets the next at
            // a character of the page's own (" · ", ": "), so this is the encoding of the whole tooltip.
            h.Append(CultureInfo.InvariantCulture, $"<span id=\"{id}-s{s}\" class=\"s").Append(flagged ? " flagged" : string.Empty).Append(isRepresentative ? " rep" : string.Empty).Append('"');
            if (cluster is { } c && c >= 0)
            {
                h.Append(" style=\"--theme:").Append(Colour(groups!, c)).Append('"');
            }

            h.Append(CultureInfo.InvariantCulture, $" title=\"sentence {s + 1}, line {sentence.Line}");
            if (cluster is { } cc && groups!.Labels.TryGetValue(cc, out string? label))
            {
                AppendE(AppendE(AppendE(h, " · "), groups.Noun).Append(": "), label).Append(isRepresentative ? " (representative)" : string.Empty);
            }

            foreach (IReadOnlyList<string?> n in notes)
            {
                if (s < n.Count && n[s] is { } note)
                {
                    AppendE(AppendE(h, " · "), note);
                }
            }

            h.Append("\">");
            AppendMarked(h, sentence.Text, list, spans);
            h.Append("</span> ");
            Spill(h, sink);
        }

        h.Append("</p>\n</div>\n</details>\n");

        void Add(int sentence, (string, string, string) mark)
        {
            if (!marks.TryGetValue(sentence, out var l))
            {
                marks[sentence] = l = [];
            }

            l.Add(mark);
        }
    }

    /// <summary>The sentence's text with each mark's first non-overlapping occurrence wrapped in a <c>mark</c>.</summary>
    private static void AppendMarked(StringBuilder h, string text, List<(string Text, string Class, string Title)>? marks, List<(int Start, int Length, string Class, string Title)> spans)
    {
        if (marks is null)
        {
            AppendE(h, text);
            return;
        }

        spans.Clear();
        foreach ((string t, string cls, string title) in marks)
        {
            string needle = t.ReplaceLineEndings(" ").Trim();
            if (needle.Length == 0)
            {
                continue;
            }

            for (int at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
            {
                if (!Overlaps(spans, at, needle.Length))
                {
                    spans.Add((at, needle.Length, cls, title));
                    break;
                }
            }
        }

        // In the order of their starts (the spans do not overlap and are not empty, so no two start at the same place).
        spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        int pos = 0;
        foreach ((int start, int length, string cls, string title) in spans)
        {
            AppendE(h, text.AsSpan(pos, start - pos));
            AppendE(AppendE(h.Append("<mark class=\"").Append(cls).Append("\" title=\""), title).Append("\">"), text.AsSpan(start, length)).Append("</mark>");
            pos = start + length;
        }

        AppendE(h, text.AsSpan(pos));

        static bool Overlaps(List<(int Start, int Length, string Class, string Title)> spans, int at, int length)
        {
            foreach ((int start, int spanLength, _, _) in spans)
            {
                if (at < start + spanLength && start < at + length)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The class attribute of a section's chart (<see cref="RankedTerms.Name"/>, <see cref="SectionBars.Name"/>, styled by the section's CSS), with its leading space; empty without a name.</summary>
    private static string ClassOf(string? name) => name is null ? string.Empty : $" class=\"{E(name)}\"";

    /// <summary>Ranked terms (<see cref="RankedTerms"/>) as bars in the first group colour, each as long as its weight; <paramref name="name"/>: the svg's class.</summary>
    private static void AppendTermBars(StringBuilder h, IReadOnlyList<RankedTerm> terms, string caption, string? name) =>
        AppendBars(h, [.. terms.Select(t => (t.Text, t.Weight, t.ValueText, t.Tip))], caption, GroupColours[0], name);

    /// <summary>Horizontal bars (label, fraction 0..1, value shown beside the bar's end, tooltip).</summary>
    private static void AppendBars(StringBuilder h, IReadOnlyList<(string Label, double Fraction, string Value, string Tip)> rows, string caption, string colour, string? name)
    {
        const int labelWidth = 200;
        const int barWidth = 300;
        const int rowHeight = 22;
        int valueWidth = 10 + 7 * rows.Select(r => r.Value.Length).DefaultIfEmpty(0).Max(); // 12 px text: at most 7 px a character
        int width = labelWidth + barWidth + Math.Max(50, valueWidth);
        int height = rows.Count * rowHeight + 4;
        h.Append("<svg").Append(ClassOf(name)).Append(CultureInfo.InvariantCulture, $" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\"><title>{E(caption)}</title>\n");
        for (int i = 0; i < rows.Count; i++)
        {
            (string label, double fraction, string value, string tip) = rows[i];
            double w = Math.Max(3, Math.Round(Math.Clamp(fraction, 0, 1) * barWidth, 1));
            int y = i * rowHeight + 2;
            h.Append(CultureInfo.InvariantCulture, $"<g><title>{E(tip)}</title><text class=\"label\" x=\"{labelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{E(ClipToWidth(label, labelWidth - 12))}</text>");
            h.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{w}\" height=\"{rowHeight - 8}\" rx=\"2\" fill=\"{colour}\"/>");
            h.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"{labelWidth + w + 5}\" y=\"{y + 15}\">{E(value)}</text></g>\n");
        }

        h.Append("</svg>\n");
    }

    /// <summary>The document as a strip, each sentence coloured by its group (width by length), and a legend of the groups linking to their representative sentences.</summary>
    private static void AppendGroupMap(StringBuilder h, TextWriter sink, string id, IReadOnlyList<SentenceReport> sentences, Groups groups)
    {
        const int width = 1000;
        const int height = 28;
        double total = sentences.Sum(s => Math.Max(1, s.Length));
        h.Append(CultureInfo.InvariantCulture, $"<svg class=\"strip\" role=\"img\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"none\" width=\"{width}\" height=\"{height}\"><title>The document from start to end, each sentence coloured by its {E(groups.Noun)} (width by length)</title>\n");
        double x = 0;
        for (int s = 0; s < sentences.Count; s++)
        {
            double w = Math.Max(1, sentences[s].Length) / total * width;
            int? cluster = groups.SentenceCluster[s];
            string fill = cluster is { } c && c >= 0 ? Colour(groups, c) : NoGroup;
            string label = cluster is { } cl && groups.Labels.TryGetValue(cl, out string? l) ? l : $"no {groups.Noun}";
            h.Append(CultureInfo.InvariantCulture, $"<a href=\"#{id}-s{s}\"><rect x=\"{Math.Round(x, 2)}\" y=\"0\" width=\"{Math.Max(0.5, Math.Round(w, 2))}\" height=\"{height}\" fill=\"{fill}\"><title>Sentence {s + 1}");
            AppendClipped(AppendE(AppendE(h, " · "), label).Append(": "), sentences[s].Text, 120).Append("</title></rect></a>\n");
            x += w;
            Spill(h, sink);
        }

        h.Append("</svg>\n<ul class=\"legend\">\n");
        foreach ((int cluster, string label, double? share) in groups.Clusters)
        {
            string colour = cluster >= 0 ? Colour(groups, cluster) : NoGroup;
            string shareText = share is { } sh ? Inv($" · {sh * 100:0}%") : string.Empty;
            string name = groups.Representative.TryGetValue(cluster, out int rep) && rep >= 0 && rep < sentences.Count
                ? Inv($"<a href=\"#{id}-s{rep}\" title=\"{E("Most typical sentence: " + Clip(sentences[rep].Text, 160))}\">{E(label)}</a>")
                : E(label);
            h.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch\" style=\"background:{colour}\"></span>{name}{shareText}</li>\n");
        }

        h.Append("</ul>\n");
    }

    /// <summary>
    /// A series (<see cref="SentenceSeries"/>, the stance's tone and certainty): its value (the mean of the column's
    /// sentences, up positive, down negative, on a labelled −1..+1 scale) and its categories (their shares, stacked) per
    /// column; one column per sentence up to <see cref="MaxTimelineBins"/> sentences, otherwise per bin of consecutive
    /// sentences. The x axis carries sentence numbers.
    /// </summary>
    private static void AppendTimeline(StringBuilder h, TextWriter sink, string id, IReadOnlyList<SentenceReport> sentences, SentenceSeries series)
    {
        const int left = 44;
        const int plotWidth = 940;
        const int tone = 110;
        const int gap = 14;
        const int certainty = 30;
        const int axis = 22;
        int n = sentences.Count;
        int bins = Math.Min(n, MaxTimelineBins);
        double step = (double)plotWidth / bins;
        double column = Math.Max(1, step * 0.8);
        double mid = tone / 2.0;
        int height = tone + gap + certainty + axis;
        IReadOnlyList<SeriesCategory> categories = series.Categories;
        string[] colours = [.. categories.Select((c, i) => c.Muted ? MutedCategory : CategoryColours[i % CategoryColours.Length])];
        SeriesPoint? PointOf(int sentence) => sentence < series.Points.Count ? series.Points[sentence] : null;
        string caption = bins == n
            ? series.Caption
            : series.BinnedCaption.Replace("{0}", Inv($"{(double)n / bins:0.#}"), StringComparison.Ordinal);
        h.Append("<div class=\"wide\"><svg").Append(ClassOf(series.Name)).Append(CultureInfo.InvariantCulture, $" role=\"img\" viewBox=\"0 0 {left + plotWidth + 8} {height}\" width=\"{left + plotWidth + 8}\" height=\"{height}\"><title>{E(caption)}</title>\n");

        // Scale: +1, 0, -1, and a baseline for the categories' row.
        foreach ((double value, string text) in new[] { (1.0, "+1"), (0.0, "0"), (-1.0, "−1") })
        {
            double y = Math.Round(mid - value * (mid - 4), 2);
            h.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{left}\" y1=\"{y}\" x2=\"{left + plotWidth}\" y2=\"{y}\"/><text class=\"tick\" x=\"{left - 6}\" y=\"{y + 4}\" text-anchor=\"end\">{text}</text>\n");
        }

        h.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{left - 6}\" y=\"{tone + gap + certainty / 2 + 4}\" text-anchor=\"end\">{E(series.CategoryName)}</text>\n");
        for (int b = 0; b < bins; b++)
        {
            int first = (int)((long)b * n / bins);
            int last = (int)((long)(b + 1) * n / bins) - 1;
            SeriesPoint[] group = [.. Enumerable.Range(first, last - first + 1).Select(PointOf).OfType<SeriesPoint>()];
            if (group.Length == 0)
            {
                continue;
            }

            double x = Math.Round(left + b * step + (step - column) / 2, 2);
            double value = Math.Clamp(group.Average(g => g.Value), -1, 1);
            string range = first == last ? Inv($"Sentence {first + 1}") : Inv($"Sentences {first + 1}–{last + 1}");
            string tags = string.Join(", ", categories.Select((c, k) => (c.Label, Count: group.Count(g => g.Category == k))).Where(e => e.Count > 0).Select(e => first == last ? e.Label : Inv($"{e.Count} {e.Label}")));
            string tip = $"{range}: {series.ValueName} {Inv($"{value:+0.00;-0.00;0.00}")}; {tags}" + (first == last ? $" · {Clip(sentences[first].Text, 120)}" : string.Empty);
            h.Append(CultureInfo.InvariantCulture, $"<a href=\"#{id}-s{first}\"><g><title>{E(tip)}</title>");
            double hgt = Math.Max(1.5, Math.Round(Math.Abs(value) * (mid - 4), 2));
            double top = value >= 0 ? mid - hgt : mid;
            h.Append(CultureInfo.InvariantCulture, $"<rect class=\"tone\" x=\"{x}\" y=\"{Math.Round(top, 2)}\" width=\"{Math.Round(column, 2)}\" height=\"{hgt}\" fill=\"{ValueColour(value)}\"/>");
            double y0 = tone + gap;
            for (int k = 0; k < categories.Count; k++)
            {
                int count = group.Count(g => g.Category == k);
                if (count == 0)
                {
                    continue;
                }

                double part = Math.Round((double)count / group.Length * certainty, 2);
                h.Append(CultureInfo.InvariantCulture, $"<rect class=\"tag\" x=\"{x}\" y=\"{Math.Round(y0, 2)}\" width=\"{Math.Round(column, 2)}\" height=\"{part}\" fill=\"{colours[k]}\"/>");
                y0 += part;
            }

            h.Append("</g></a>\n");
            Spill(h, sink);
        }

        // Sentence numbers: about eight ticks, at 1 and then at multiples of a round step.
        int every = NiceStep(n);
        for (int s = 1; s <= n; s = s == 1 && every > 1 ? every : s + every)
        {
            double x = Math.Round(left + (s - 0.5) / n * plotWidth, 2);
            h.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{x}\" y=\"{height - 6}\" text-anchor=\"middle\">{s}</text>\n");
        }

        h.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{left - 6}\" y=\"{height - 6}\" text-anchor=\"end\">#</text>\n");
        h.Append("</svg></div>\n<ul class=\"legend\">");
        int[] counts = new int[categories.Count];
        int missing = 0;
        for (int s = 0; s < n; s++)
        {
            if (PointOf(s) is { Category: var k } && k >= 0 && k < counts.Length)
            {
                counts[k]++;
            }
            else if (PointOf(s) is null)
            {
                missing++;
            }
        }

        for (int k = 0; k < categories.Count; k++)
        {
            h.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch\" style=\"background:{colours[k]}\"></span>{E(categories[k].Label)} ({counts[k]})</li>");
        }

        if (missing > 0 && series.MissingLabel is { } missingLabel)
        {
            h.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch blank\"></span>{E(missingLabel)} ({missing})</li>");
        }

        string valueName = E(series.ValueName);
        h.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch round\" style=\"background:{Positive}\"></span>positive {valueName}</li><li><span class=\"swatch round\" style=\"background:{Negative}\"></span>negative {valueName}</li></ul>\n");
    }

    /// <summary>
    /// Moves what <paramref name="h"/> holds to <paramref name="sink"/> (the document's spool) once it passes
    /// <see cref="SpillAt"/> characters, so that a long document's section (its text, the strip and the timeline of
    /// its sentences) is never built whole in memory: the same characters in the same order, a few kilobytes at a time.
    /// </summary>
    private static void Spill(StringBuilder h, TextWriter sink)
    {
        if (h.Length >= SpillAt)
        {
            sink.Write(h);
            h.Clear();
        }
    }

    /// <summary>The colour of a value from −1 to +1: positive, negative, or neutral within ±0.05.</summary>
    private static string ValueColour(double value) => value > 0.05 ? Positive : value < -0.05 ? Negative : Neutral;

    /// <summary>1, 2, 5, 10, 20, 50… so that about eight sentence numbers label the axis.</summary>
    private static int NiceStep(int n)
    {
        foreach (int magnitude in (int[])[1, 10, 100, 1000, 10000, 100000])
        {
            foreach (int m in (int[])[1, 2, 5])
            {
                if (n / (m * magnitude) <= 8)
                {
                    return m * magnitude;
                }
            }
        }

        return Math.Max(1, n / 8);
    }

    /// <summary>
    /// A section's bars (<see cref="SectionBars"/>, the tone toward the key terms): a diverging bar per row on a labelled
    /// −1..+1 scale, the value beside each bar, and the side column where the bars have one.
    /// </summary>
    private static void AppendDivergingBars(StringBuilder h, SectionBars chart)
    {
        IReadOnlyList<SectionBar> rows = chart.Rows;
        if (rows.Count == 0)
        {
            return;
        }

        const int labelWidth = 180;
        const int half = 130;
        const int rowHeight = 22;
        const int head = 18;
        int width = labelWidth + 2 * half + 110;
        int height = head + rows.Count * rowHeight + 4;
        int axis = labelWidth + half;
        h.Append("<div><h3>").Append(E(chart.Title)).Append("</h3>\n");
        h.Append("<svg").Append(ClassOf(chart.Name)).Append(CultureInfo.InvariantCulture, $" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\"><title>{E(chart.Caption)}</title>\n");
        foreach ((int x, string text) in new[] { (labelWidth, "−1"), (axis, "0"), (labelWidth + 2 * half, "+1") })
        {
            h.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{x}\" y=\"12\" text-anchor=\"middle\">{text}</text><line class=\"grid\" x1=\"{x}\" y1=\"{head - 2}\" x2=\"{x}\" y2=\"{height}\"/>\n");
        }

        if (chart.SideColumn is { } side)
        {
            h.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{labelWidth + 2 * half + 12}\" y=\"12\">{E(side)}</text>\n");
        }

        h.Append(CultureInfo.InvariantCulture, $"<line x1=\"{axis}\" y1=\"{head - 2}\" x2=\"{axis}\" y2=\"{height}\" stroke=\"#57606a\" stroke-width=\"1\"/>\n");
        for (int i = 0; i < rows.Count; i++)
        {
            SectionBar row = rows[i];
            double value = Math.Clamp(row.Value, -1, 1);
            double w = Math.Max(2, Math.Round(Math.Abs(value) * half, 1));
            double x = value >= 0 ? axis : axis - w;
            int y = head + i * rowHeight;
            h.Append(CultureInfo.InvariantCulture, $"<g><title>{E(row.Tip)}</title><text class=\"label\" x=\"{labelWidth - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{E(ClipToWidth(row.Label, labelWidth - 12))}</text>");
            h.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y + 4}\" width=\"{w}\" height=\"{rowHeight - 8}\" rx=\"2\" fill=\"{ValueColour(value)}\"/>");
            h.Append(value >= 0
                ? Inv($"<text class=\"value\" x=\"{x + w + 4}\" y=\"{y + 15}\">{E(row.ValueText)}</text>")
                : Inv($"<text class=\"value\" x=\"{x - 4}\" y=\"{y + 15}\" text-anchor=\"end\">{E(row.ValueText)}</text>"));
            h.Append(row.Side is { } text ? Inv($"<text class=\"value\" x=\"{labelWidth + 2 * half + 12}\" y=\"{y + 15}\">{E(text)}</text></g>\n") : "</g>\n");
        }

        h.Append("</svg></div>\n");
    }

    /// <summary>Sentence groups as the page draws them: the groups in legend order, each sentence's group, labels, colours (by first appearance) and representatives.</summary>
    private sealed record Groups(string Noun, IReadOnlyList<(int Id, string Label, double? Share)> Clusters, int?[] SentenceCluster, Dictionary<int, string> Labels, Dictionary<int, int> ColourIndex, Dictionary<int, int> Representative);

    /// <summary>
    /// The groups of a section's view (<see cref="SectionView.Groups"/>) and the sentences' own values
    /// (<see cref="SentenceGroups.Membership"/>, which wins where both speak). A group id that sentences carry but no
    /// group describes becomes "theme N" (the view's noun); sentences in group -1 become a "no theme" entry, last.
    /// Colours follow the order of first appearance in the text.
    /// </summary>
    private static Groups ReadGroups(SentenceGroups view, int sentenceCount)
    {
        string noun = view.Noun;
        var clusters = new List<(int, string, double?)>();
        var labels = new Dictionary<int, string>();
        var representative = new Dictionary<int, int>();
        int?[] of = new int?[sentenceCount];
        foreach (SentenceGroup c in view.Groups)
        {
            clusters.Add((c.Id, c.Label, c.Share));
            labels[c.Id] = c.Label;
            representative[c.Id] = c.Representative;
            foreach (int si in c.Sentences)
            {
                if (si >= 0 && si < of.Length)
                {
                    of[si] = c.Id;
                }
            }
        }

        IReadOnlyList<int?> membership = view.Membership ?? [];
        for (int s = 0; s < Math.Min(of.Length, membership.Count); s++)
        {
            if (membership[s] is { } c)
            {
                of[s] = c;
            }
        }

        var colourIndex = new Dictionary<int, int>();
        foreach (int cid in of.OfType<int>().Where(c => c >= 0).Distinct())
        {
            colourIndex[cid] = colourIndex.Count; // colours in order of first appearance
            if (!labels.ContainsKey(cid))
            {
                labels[cid] = $"{noun} {cid}";
                clusters.Add((cid, labels[cid], null));
            }
        }

        int outliers = of.Count(c => c is < 0);
        if (outliers > 0 && !labels.ContainsKey(-1))
        {
            labels[-1] = $"no {noun}";
            clusters.Add((-1, labels[-1], Math.Round((double)outliers / Math.Max(1, of.Length), 4)));
        }

        clusters.Sort((a, b) => (a.Item1 < 0).CompareTo(b.Item1 < 0) is var k && k != 0 ? k : colourIndex.GetValueOrDefault(a.Item1, int.MaxValue).CompareTo(colourIndex.GetValueOrDefault(b.Item1, int.MaxValue)));
        return new Groups(noun, clusters, of, labels, colourIndex, representative);
    }

    /// <summary>
    /// For each located diagnostic, the sentence its start falls in, or else the last sentence that starts before it.
    /// Sentences are in document order, so each lookup is a binary search over their starts: O((d + s) log s), never d × s.
    /// </summary>
    private static Dictionary<int, int> Locate(IReadOnlyList<SentenceReport> sentences, IReadOnlyList<DiagnosticReport> diagnostics)
    {
        var result = new Dictionary<int, int>();
        if (sentences.Count == 0)
        {
            return result;
        }

        int[] starts = new int[sentences.Count];
        bool ordered = true;
        for (int s = 0; s < starts.Length; s++)
        {
            starts[s] = sentences[s].Start;
            ordered &= s == 0 || starts[s] >= starts[s - 1];
        }

        for (int i = 0; i < diagnostics.Count; i++)
        {
            if (diagnostics[i].Start is { } start && (ordered ? Containing(sentences, starts, start) : Scan(sentences, start)) is var best and >= 0)
            {
                result[i] = best;
            }
        }

        return result;
    }

    /// <summary>In sentences ordered by start: the first that contains <paramref name="start"/>, else the last that starts at or before it (-1: none).</summary>
    private static int Containing(IReadOnlyList<SentenceReport> sentences, int[] starts, int start)
    {
        // The last sentence starting at or before the offset; among equal starts, the first that contains it.
        int last = Array.BinarySearch(starts, start);
        if (last < 0)
        {
            last = ~last - 1;
        }
        else
        {
            while (last + 1 < starts.Length && starts[last + 1] == start)
            {
                last++;
            }
        }

        if (last < 0)
        {
            return -1;
        }

        int first = last;
        while (first > 0 && starts[first - 1] == starts[last])
        {
            first--;
        }

        for (int s = first; s <= last; s++)
        {
            if (start < starts[s] + sentences[s].Length)
            {
                return s;
            }
        }

        return last;
    }

    /// <summary>The same answer for sentences out of order (a hand-edited record given to <c>merge</c>): a linear scan.</summary>
    private static int Scan(IReadOnlyList<SentenceReport> sentences, int start)
    {
        int best = -1;
        for (int s = 0; s < sentences.Count; s++)
        {
            int ss = sentences[s].Start;
            if (ss <= start)
            {
                best = s;
                if (start < ss + sentences[s].Length)
                {
                    return s;
                }
            }
        }

        return best;
    }

    private static string Colour(Groups groups, int cluster) => GroupColours[groups.ColourIndex.GetValueOrDefault(cluster) % GroupColours.Length];

    /// <summary>A path that wraps after its separators rather than mid-word.</summary>
    private static string PathHtml(string path) =>
        "<code class=\"path\">" + string.Join("/<wbr>", path.Split('/').Select(E)) + "</code>";

    private static string Plural(int n) => n == 1 ? string.Empty : "s";

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>
    /// <paramref name="text"/>, or as much of it as fits before a "…", in <paramref name="width"/> pixels of the charts'
    /// 12 px sans-serif, by a width per character no narrower than DejaVu Sans's (the widest common system sans): a
    /// chart label is drawn right-aligned against its bar, and one wider than its column is cut off at the chart's edge.
    /// </summary>
    internal static string ClipToWidth(string text, double width)
    {
        const double em = 12;
        double room = width - em * WidthOf('…');
        double used = 0; // the width of text[..i]
        int keep = 0; // the longest prefix that fits with the "…"
        for (int i = 0; i < text.Length; i++)
        {
            if (used <= room)
            {
                keep = i;
            }

            used += em * WidthOf(text[i]);
            if (used > width)
            {
                return text[..keep].TrimEnd() + "…";
            }
        }

        return text;
    }

    // In ems, rounded up from DejaVu Sans: narrow marks and letters, f/t/r, the widest letters, other capitals, other
    // letters and digits; anything else (other scripts, symbols) as a full em.
    private static double WidthOf(char c) => c switch
    {
        ' ' => 0.32,
        'i' or 'l' or 'j' or 'I' or 'J' or '!' or '.' or ',' or ':' or ';' or '\'' or '|' => 0.32,
        'f' or 't' or 'r' or '(' or ')' or '-' or '/' => 0.42,
        'm' or 'w' or 'M' or 'W' or '%' or '&' or '@' => 1.0,
        >= 'A' and <= 'Z' => 0.8,
        >= 'a' and <= 'z' or >= '0' and <= '9' => 0.65,
        '…' => 1.0,
        _ => 1.0,
    };

    private static string E(string text) => TerminalText.Html(text);

    /// <summary>Appends <c>E(text)</c> without building it (<see cref="TerminalText.AppendHtml"/>).</summary>
    private static StringBuilder AppendE(StringBuilder h, ReadOnlySpan<char> text) => TerminalText.AppendHtml(h, text);

    /// <summary>Appends <c>E(Clip(text, max))</c> without building it: the clipped text and its "…" encoded apart (the ellipsis is left as it is).</summary>
    private static StringBuilder AppendClipped(StringBuilder h, string text, int max) =>
        text.Length <= max ? AppendE(h, text) : AppendE(h, text.AsSpan(0, max - 1)).Append('…');

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private const string Css = """
        :root { --fg:#1f2328; --muted:#57606a; --bg:#f6f8fa; --card:#fff; --line:#d0d7de; --link:#0550ae; }
        * { box-sizing: border-box; }
        body { margin:0; font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:var(--fg); background:var(--bg); }
        a { color: var(--link); }
        header.top, footer { max-width: 1480px; margin: 0 auto; padding: 0 24px; }
        header.top h1 { margin: 20px 0 2px; font-size: 24px; } header.top p { margin: 2px 0; }
        .layout { display: grid; grid-template-columns: 250px minmax(0, 1fr); gap: 24px; max-width: 1480px; margin: 0 auto; padding: 0 24px; }
        .toc { position: sticky; top: 12px; align-self: start; max-height: calc(100vh - 24px); overflow: auto; padding: 12px 0; font-size: 14px; }
        .toc h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 4px 0; }
        .toc ol { margin: 0; padding-left: 3.2em; } .toc li { margin: 3px 0; overflow-wrap: break-word; }
        .count { display: inline-block; font-size: 12px; background: #fff8c5; border: 1px solid #d4a72c; border-radius: 9px; padding: 0 6px; color: var(--fg); }
        .meta, .muted, footer { color: var(--muted); }
        footer { font-size: 13px; padding-bottom: 24px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 24px 16px; margin: 12px 0; min-width: 0; }
        h2 { font-size: 19px; margin: 10px 0 2px; overflow-wrap: break-word; }
        h3 { font-size: 13px; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        code { font: 13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; } h2 code.path { font-size: 17px; }
        ol.summary { margin: 0; padding-left: 22px; font-size: 16px; max-width: 75ch; } ol.summary li { margin: 4px 0; } ol.summary a { color: inherit; text-decoration: none; } ol.summary a:hover { text-decoration: underline; }
        .cols { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap: 0 40px; align-items: start; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; } th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; } .num { text-align: right; white-space: nowrap; }
        svg { display: block; max-width: 100%; height: auto; } svg text { font: 12px system-ui,sans-serif; fill: var(--fg); } svg .value, svg .tick { fill: var(--muted); }
        svg .grid { stroke: #eaeef2; stroke-width: 1; } svg.strip { width: 100%; height: 28px; border-radius: 3px; }
        svg a rect:hover { opacity: .75; }
        .legend { list-style: none; padding: 0; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; } .swatch.round { border-radius: 50%; } .swatch.blank { border: 1px dashed #8c959f; box-sizing: border-box; }
        .sev { display: inline-block; min-width: 74px; text-align: center; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; color: #fff; background: #57606a; }
        header .sev { min-width: 0; }
        .sev.zero { background: #eaeef2; color: var(--fg); } .sev.error { background: #cf222e; } .sev.warning { background: #9a6700; } .sev.suggestion { background: #0969da; }
        ul.diagnostics { list-style: none; padding: 0; margin: 0; } ul.diagnostics li { padding: 4px 0; border-bottom: 1px solid var(--line); }
        ul.diagnostics li.suppressed { opacity: .6; }
        .rule { font: 600 13px ui-monospace,monospace; } .loc { font-size: 13px; margin: 0 4px; }
        details summary { cursor: pointer; color: var(--muted); margin: 14px 0 4px; text-transform: uppercase; font-size: 13px; letter-spacing: .04em; }
        .text { max-width: 80ch; font-size: 16px; line-height: 1.65; } .text p { margin: 0 0 12px; }
        .text .s.rep { border-left: 3px solid var(--theme, #57606a); padding-left: 4px; }
        .text mark { background: none; color: inherit; }
        .text mark.finding { background: #fff8c5; border-bottom: 2px solid #9a6700; } .text mark.finding.error { border-bottom-color: #cf222e; } .text mark.finding.suggestion { border-bottom-color: #0969da; }

        """;

    // After the sections' own rules (IReportSection.Css: the stance's cue marks; on a narrow screen the keywords' and the stance's bars and the stance's timeline).
    private const string CssAfterSections = """
        .text .s:target { outline: 2px solid var(--link); border-radius: 2px; background: #ddf4ff; }
        @media (max-width: 900px) {
          .layout { grid-template-columns: minmax(0, 1fr); gap: 0; padding: 0 10px; }
          #overview .col { display: none; }
          header.top, footer { padding: 0 10px; }
          .toc { position: static; max-height: 40vh; border-bottom: 1px solid var(--line); }
          .card { padding: 6px 14px 12px; } ol.summary, .text { font-size: 15px; }
          .cols > div, .wide { overflow-x: auto; }
        }
        @media print { body { background: #fff; } .card { border: none; } .toc { display: none; } .layout { display: block; } }

        """;
}

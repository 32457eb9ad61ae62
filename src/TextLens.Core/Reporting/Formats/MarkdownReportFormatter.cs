using System.Globalization;
using System.Text;
using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting.Formats;

/// <summary>A compact Markdown summary for a CI job summary or a pull-request comment.</summary>
public sealed class MarkdownReportFormatter : IReportFormatter
{
    /// <summary>
    /// The first line of every Markdown report (an HTML comment, invisible when rendered), by which a
    /// later run recognises its own output and never analyses it as a document.
    /// </summary>
    public const string Marker = "<!-- textlens:report -->";

    public string Name => "markdown";

    public string Extension => ".md";

    public IReportWriter Open(TextWriter output, FormatSettings settings, Func<IReportSpool> spools)
    {
        ArgumentNullException.ThrowIfNull(spools);
        return new Writer(output, settings, spools(), spools());
    }

    /// <summary>The summary and the overview come first: the overview rows and the document sections wait in spools.</summary>
    private sealed class Writer(TextWriter output, FormatSettings settings, IReportSpool overview, IReportSpool sections) : IReportWriter
    {
        private readonly IReadOnlyList<IReportSection> _columns = SectionViews.OverviewColumns(settings, OverviewFormats.Markdown);
        private int _count;

        public void WriteDocument(DocumentReport d)
        {
            _count++;
            string cells = string.Concat(SectionViews.OverviewCells(d, _columns).Select(c => $" {EscapeProse(c)} |"));
            overview.Writer.Write(string.Create(CultureInfo.InvariantCulture, $"| `{EscapeCode(d.Path)}` | {d.Stats?.Words ?? 0:N0} | {d.Stats?.Sentences ?? 0} |{cells} {d.Diagnostics.Count(x => x.Suppression is null)} |\n"));

            var md = new StringBuilder();
            md.Append("## `").Append(EscapeCode(d.Path)).Append("`\n\n");
            SectionViews.WriteMarkdownLead(md, d, settings);
            if (d.Stats is { } st)
            {
                md.Append(Counted.Of(st.Words, "word")).Append(" · ").Append(Counted.Of(st.Sentences, "sentence")).Append(" · ").Append(Counted.Of(st.Paragraphs, "paragraph")).Append("\n\n");
            }

            SectionViews.WriteMarkdown(md, d, settings, SectionPlacement.Start);

            // The analyses' sections (the keywords, the themes, the stance) only for a document with words: an empty one's empty stance profile says nothing here.
            if (d.Stats is { Words: > 0 })
            {
                SectionViews.WriteMarkdown(md, d, settings, SectionPlacement.Body);
            }
            SectionViews.WriteMarkdown(md, d, settings, SectionPlacement.End);
            AppendDiagnostics(md, d, settings.SourceLinkBase);
            sections.Writer.Write(md.ToString());
        }

        public void Complete(ReportCompletion completion)
        {
            var md = new StringBuilder();
            CorpusSummary s = completion.Summary;
            md.Append(Marker).Append('\n');
            md.Append("# TextLens report\n\n");
            if (settings.Changes is { } changes)
            {
                if (_count == 0)
                {
                    md.Append(CultureInfo.InvariantCulture, $"No documents changed since `{Escape(changes.Ref)}`.\n");
                    output.Write(md.ToString());
                    return;
                }

                md.Append(CultureInfo.InvariantCulture, $"Documents changed since `{Escape(changes.Ref)}`; ")
                  .Append(changes.ChangedLinesOnly
                      ? "findings on added or modified lines only (`--changed-since-scope file` reports whole files).\n\n"
                      : "findings anywhere in the changed files.\n\n");
            }

            md.Append(CultureInfo.InvariantCulture, $"{s.Documents} document(s), {s.Analysed} analysed, {s.Failed} failed · {s.Words:N0} words · {s.Sentences:N0} sentences · ");
            md.Append(CultureInfo.InvariantCulture, $"{s.DiagnosticsBySeverity.GetValueOrDefault("error")} error(s), {s.DiagnosticsBySeverity.GetValueOrDefault("warning")} warning(s), {s.DiagnosticsBySeverity.GetValueOrDefault("suggestion")} suggestion(s)\n\n");
            if (_count > 1)
            {
                md.Append("## Overview\n\n| Document | Words | Sentences |")
                  .Append(string.Concat(_columns.Select(c => $" {EscapeProse(c.OverviewColumn ?? string.Empty)} |")))
                  .Append(" Diagnostics |\n|---|---:|---:|")
                  .Append(string.Concat(_columns.Select(_ => "---|")))
                  .Append("---:|\n");
                output.Write(md.ToString());
                md.Clear();
                overview.CopyTo(output);

                // What the sections total over the corpus (the keywords several documents share): a line a fact.
                foreach ((IReportSection _, SectionView view) in SectionViews.Corpus(s, settings))
                {
                    foreach (SectionFact fact in view.Facts)
                    {
                        md.Append("\n**").Append(EscapeInline(fact.Label)).Append(":** ").Append(Escape(fact.Value)).Append('\n');
                    }
                }

                md.Append('\n');
            }

            output.Write(md.ToString());
            sections.CopyTo(output);
        }

        public void Dispose()
        {
            overview.Dispose();
            sections.Dispose();
        }
    }

    private static void AppendDiagnostics(StringBuilder md, DocumentReport d, string? linkBase)
    {
        var shown = d.Diagnostics.Where(x => x.Suppression is null).ToList();
        if (shown.Count == 0)
        {
            md.Append("No diagnostics.\n\n");
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"<details><summary>{shown.Count} diagnostic(s)</summary>\n\n| Line | Rule | Severity | Sentence | Message |\n|---:|---|---|---|---|\n");
        foreach (DiagnosticReport x in shown)
        {
            string line = x.Line is { } l
                ? linkBase is null ? l.ToString(CultureInfo.InvariantCulture) : $"[{l}]({linkBase}{LinkPath(d.Path)}#L{l})"
                : "–";
            md.Append(CultureInfo.InvariantCulture, $"| {line} | {x.Id} | {x.Severity} | {SentenceWithCue(d, x)} | {EscapeProse(x.Message)} |\n");
        }

        md.Append("\n</details>\n\n");
    }

    /// <summary>The sentence a finding points into, shortened around it, with the pointed-at text in bold.</summary>
    private static string SentenceWithCue(DocumentReport d, DiagnosticReport x)
    {
        if (x.Start is not { } start || x.Length is not { } length)
        {
            return string.Empty;
        }

        SentenceReport? sentence = d.Sentences.FirstOrDefault(s => start >= s.Start && start < s.Start + s.Length);
        string? cue = x.Snippet is { Length: > 0 } snip ? snip.ReplaceLineEndings(" ").Trim() : null;
        if (sentence is null)
        {
            return cue is null ? string.Empty : $"**{EscapeCell(Shorten(cue, 120))}**";
        }

        string text = sentence.Text;
        int at = cue is null || length >= sentence.Length ? -1 : text.IndexOf(cue, StringComparison.Ordinal);
        if (at < 0)
        {
            return EscapeCell(ConsoleReportFormatter.Shorten(text, 160));
        }

        int from = Math.Max(0, at - 70);
        int to = Math.Min(text.Length, at + cue!.Length + 70);
        string before = (from > 0 ? "\u2026" : string.Empty) + text[from..at];
        string after = text[(at + cue.Length)..to] + (to < text.Length ? "\u2026" : string.Empty);
        return $"{EscapeCell(before)}**{EscapeCell(cue)}**{EscapeCell(after)}";
    }

    private static string Shorten(string text, int max) => ConsoleReportFormatter.Shorten(text, max);

    private static string LinkPath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Text inside a table cell: inline markup escaped and pipes escaped.</summary>
    private static string EscapeCell(string text) => EscapeInline(text);

    /// <summary>Text outside a table: characters Markdown would read as markup are escaped.</summary>
    internal static string EscapeInline(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char ch in TerminalText.Safe(text.ReplaceLineEndings(" ")))
        {
            if (IsInlineMarkup(ch))
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>A character that can start or end inline Markdown (escapes, code, emphasis, links, HTML, headings, table cells, strike-through).</summary>
    private static bool IsInlineMarkup(char ch) => ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~';

    /// <summary>A file name inside a code span: no backtick or line break can end the span, no control character survives.</summary>
    internal static string EscapeCode(string text) => TerminalText.Safe(text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal));

    /// <summary>
    /// Document text in a table cell or paragraph: HTML from the document is shown, never rendered (&amp; &lt; &gt; as
    /// entities, so a '&lt;script&gt;' in an article cannot reach a job summary), pipes cannot end a cell, backticks
    /// cannot open code, and line breaks and other controls cannot start a new block.
    /// </summary>
    internal static string Escape(string text) => TerminalText.Safe(text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("`", "\\`", StringComparison.Ordinal)
        .ReplaceLineEndings(" "));

    /// <summary>
    /// Document text in a table cell, a list item or a paragraph: <see cref="Escape"/>, and every character that
    /// would start inline markup is backslash-escaped, so a document's "[click](https://…)", "*x*", "_x_" or "~~x~~" is
    /// shown as written, never rendered as a link or emphasis in a job summary. (Not for raw HTML such as a
    /// &lt;summary&gt;, where a backslash would show: use <see cref="Escape"/> there.)
    /// </summary>
    internal static string EscapeProse(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (char ch in text.ReplaceLineEndings(" "))
        {
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case var c when IsInlineMarkup(c):
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(ch); break;
            }
        }

        return TerminalText.Safe(sb.ToString());
    }
}

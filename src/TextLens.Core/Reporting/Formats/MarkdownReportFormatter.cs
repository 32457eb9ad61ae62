using System.Globalization;
using System.Text;

namespace TextLens.Core.Reporting.Formats;

/// <summary>A compact Markdown summary for a CI job summary or a pull-request comment.</summary>
public sealed class MarkdownReportFormatter : IReportFormatter
{
    public string Name => "markdown";

    public string Extension => ".md";

    public void Write(CorpusReport report, TextWriter writer, FormatSettings settings)
    {
        var md = new StringBuilder();
        CorpusSummary s = report.Summary;
        md.Append("# TextLens report\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{s.Documents} document(s), {s.Analysed} analysed, {s.Failed} failed · {s.Words:N0} words · {s.Sentences:N0} sentences · ");
        md.Append(CultureInfo.InvariantCulture, $"{s.DiagnosticsBySeverity.GetValueOrDefault("error")} error(s), {s.DiagnosticsBySeverity.GetValueOrDefault("warning")} warning(s), {s.DiagnosticsBySeverity.GetValueOrDefault("suggestion")} suggestion(s)\n\n");

        if (report.Documents.Count > 1)
        {
            md.Append("## Overview\n\n| Document | Words | Sentences | Top keywords | Diagnostics |\n|---|---:|---:|---|---:|\n");
            foreach (DocumentReport d in report.Documents)
            {
                string kws = string.Join(", ", d.Keywords.Take(5).Select(k => k.Text));
                md.Append(CultureInfo.InvariantCulture, $"| `{EscapeCode(d.Path)}` | {d.Stats?.Words ?? 0:N0} | {d.Stats?.Sentences ?? 0} | {Escape(kws)} | {d.Diagnostics.Count(x => x.Suppression is null)} |\n");
            }

            if (s.TopKeywords.Count > 0)
            {
                md.Append("\n**Keywords across documents:** ")
                  .Append(string.Join(", ", s.TopKeywords.Take(10).Select(k => $"{Escape(k.Text)} ({k.Documents})")))
                  .Append("\n");
            }

            md.Append('\n');
        }

        foreach (DocumentReport d in report.Documents)
        {
            md.Append("## `").Append(EscapeCode(d.Path)).Append("`\n\n");
            if (d.Stats is { } st)
            {
                md.Append(CultureInfo.InvariantCulture, $"{st.Words:N0} words · {st.Sentences} sentences · {st.Paragraphs} paragraphs\n\n");
            }

            if (d.Keywords.Count > 0)
            {
                md.Append("**Keywords:** ")
                  .Append(string.Join(" · ", d.Keywords.Take(settings.TopKeywords).Select(k => $"{Escape(k.Text)} ({k.Score.ToString("0.00", CultureInfo.InvariantCulture)})")))
                  .Append("\n\n");
            }

            AppendThemes(md, d);
            if (d.Stance is { } stance)
            {
                md.Append(StanceReports.MarkdownSection(stance, d.Sentences, Escape));
            }

            AppendDiagnostics(md, d);
        }

        writer.Write(md.ToString());
    }

    /// <summary>The themes in order of first appearance: label, share, size and representative sentence.</summary>
    private static void AppendThemes(StringBuilder md, DocumentReport d)
    {
        if (d.Clusters is not { Count: > 0 } themes)
        {
            return;
        }

        md.Append("**Themes:**\n\n| # | Theme | Share | Sentences | Representative sentence |\n|---:|---|---:|---:|---|\n");
        foreach (ClusterReport t in themes)
        {
            string example = ConsoleReportFormatter.Shorten(d.Sentences[t.Representative].Text, 160);
            md.Append(CultureInfo.InvariantCulture, $"| {t.Id + 1} | {Escape(t.Label)} | {t.Share * 100:0}% | {t.Sentences.Count} | {Escape(example)} |\n");
        }

        md.Append('\n');
    }

    private static void AppendDiagnostics(StringBuilder md, DocumentReport d)
    {
        var shown = d.Diagnostics.Where(x => x.Suppression is null).ToList();
        if (shown.Count == 0)
        {
            md.Append("No diagnostics.\n\n");
            return;
        }

        md.Append(CultureInfo.InvariantCulture, $"<details><summary>{shown.Count} diagnostic(s)</summary>\n\n| Rule | Severity | Line | Message |\n|---|---|---:|---|\n");
        foreach (DiagnosticReport x in shown)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {x.Id} | {x.Severity} | {(x.Line is { } l ? l.ToString(CultureInfo.InvariantCulture) : "–")} | {Escape(x.Message)} |\n");
        }

        md.Append("\n</details>\n\n");
    }

    /// <summary>
    /// Document text as Markdown table or paragraph text: HTML from the document is shown, never rendered
    /// (&amp; &lt; &gt; as entities, so a '&lt;script&gt;' in an article cannot reach a job summary), pipes
    /// cannot end a cell, backticks cannot open code, and line breaks and other controls cannot start a new block.
    /// </summary>
    internal static string Escape(string text) => TerminalText.Safe(text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("`", "\\`", StringComparison.Ordinal)
        .Replace("\r\n", " ", StringComparison.Ordinal)
        .Replace('\n', ' ')
        .Replace('\r', ' '));

    /// <summary>A file name inside a code span: no backtick or line break can end the span, no control character survives.</summary>
    internal static string EscapeCode(string text) => TerminalText.Safe(text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal));
}

using System.Globalization;
using System.Text;

namespace TextLens.Core.Reporting.Formats;

/// <summary>A compact Markdown summary for a CI job summary or a pull-request comment.</summary>
public sealed class MarkdownReportFormatter : IReportFormatter
{
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
        private int _count;

        public void WriteDocument(DocumentReport d)
        {
            _count++;
            string kws = string.Join(", ", d.Keywords.Take(5).Select(k => k.Text));
            overview.Writer.Write(string.Create(CultureInfo.InvariantCulture, $"| `{Escape(d.Path)}` | {d.Stats?.Words ?? 0:N0} | {d.Stats?.Sentences ?? 0} | {Escape(kws)} | {d.Diagnostics.Count(x => x.Suppression is null)} |\n"));

            var md = new StringBuilder();
            md.Append("## `").Append(Escape(d.Path)).Append("`\n\n");
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
            sections.Writer.Write(md.ToString());
        }

        public void Complete(ReportCompletion completion)
        {
            var md = new StringBuilder();
            CorpusSummary s = completion.Summary;
            md.Append("# TextLens report\n\n");
            md.Append(CultureInfo.InvariantCulture, $"{s.Documents} document(s), {s.Analysed} analysed, {s.Failed} failed · {s.Words:N0} words · {s.Sentences:N0} sentences · ");
            md.Append(CultureInfo.InvariantCulture, $"{s.DiagnosticsBySeverity.GetValueOrDefault("error")} error(s), {s.DiagnosticsBySeverity.GetValueOrDefault("warning")} warning(s), {s.DiagnosticsBySeverity.GetValueOrDefault("suggestion")} suggestion(s)\n\n");
            if (_count > 1)
            {
                md.Append("## Overview\n\n| Document | Words | Sentences | Top keywords | Diagnostics |\n|---|---:|---:|---|---:|\n");
                output.Write(md.ToString());
                md.Clear();
                overview.CopyTo(output);
                if (s.TopKeywords.Count > 0)
                {
                    md.Append("\n**Keywords across documents:** ")
                      .Append(string.Join(", ", s.TopKeywords.Take(10).Select(k => $"{Escape(k.Text)} ({k.Documents})")))
                      .Append("\n");
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

    internal static string Escape(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
}

using System.Globalization;
using System.Text;
using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting.Formats;

/// <summary>A compact human-readable report; ANSI colours only when <see cref="FormatSettings.Color"/> is set.</summary>
public sealed class ConsoleReportFormatter : IReportFormatter
{
    public string Name => "console";

    public string Extension => ".txt";

    public IReportWriter Open(TextWriter output, FormatSettings settings, Func<IReportSpool> spools) => new Writer(output, settings);

    /// <summary>Each document's block as it comes; the totals line at the end.</summary>
    private sealed class Writer(TextWriter output, FormatSettings settings) : DirectReportWriter(output)
    {
        private int _count;

        public override void WriteDocument(DocumentReport d)
        {
            _count++;
            var c = new Palette(settings.Color);
            var o = new StringBuilder();
            o.Append(c.Bold(TerminalText.Safe(d.Path)));
            if (d.Stats is { } st)
            {
                o.Append("  ").Append(c.Dim($"{Counted.Of(st.Words, "word")}, {Counted.Of(st.Sentences, "sentence")}"));
            }

            o.Append('\n');
            SectionViews.WriteConsoleLead(o, d, settings);
            SectionViews.WriteConsole(o, d, settings, SectionPlacement.Start);
            SectionViews.WriteConsole(o, d, settings, SectionPlacement.Body);
            SectionViews.WriteConsole(o, d, settings, SectionPlacement.End);
            foreach (DiagnosticReport x in d.Diagnostics.Where(x => x.Suppression is null))
            {
                string path = TerminalText.Safe(d.Path);
                string where = x.Line is { } l ? $"{path}({l},{x.Column})" : path;
                string sev = x.Severity switch
                {
                    "error" => c.Red("error"),
                    "warning" => c.Yellow("warning"),
                    _ => c.Dim(x.Severity),
                };
                o.Append(CultureInfo.InvariantCulture, $"  {where}: {sev} {x.Id}: {TerminalText.Safe(x.Message)}\n");
            }

            o.Append('\n');
            Output.Write(o.ToString());
        }

        public override void Complete(ReportCompletion completion)
        {
            var o = new StringBuilder();
            CorpusSummary s = completion.Summary;
            if (settings.Changes is { } changes)
            {
                if (_count == 0)
                {
                    Output.Write($"No documents changed since {changes.Ref}.\n");
                    return;
                }

                o.Append(CultureInfo.InvariantCulture, $"Changed since {changes.Ref}: ")
                 .Append(changes.ChangedLinesOnly ? "findings on added or modified lines only.\n" : "findings anywhere in the changed files.\n");
            }

            o.Append(CultureInfo.InvariantCulture, $"{s.Analysed} of {s.Documents} document(s) analysed; ");
            o.Append(CultureInfo.InvariantCulture, $"{s.DiagnosticsBySeverity.GetValueOrDefault("error")} error(s), {s.DiagnosticsBySeverity.GetValueOrDefault("warning")} warning(s), {s.DiagnosticsBySeverity.GetValueOrDefault("suggestion")} suggestion(s)\n");
            Output.Write(o.ToString());
        }
    }

    /// <summary>At most <paramref name="max"/> characters, cut at a word boundary with an ellipsis.</summary>
    internal static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        int cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd(' ', ',', ';', ':') + "\u2026";
    }

    private readonly struct Palette(bool on)
    {
        public string Bold(string s) => Wrap("1", s);

        public string Dim(string s) => Wrap("2", s);

        public string Red(string s) => Wrap("31", s);

        public string Yellow(string s) => Wrap("33", s);

        private string Wrap(string code, string s) => on ? $"\u001b[{code}m{s}\u001b[0m" : s;
    }
}

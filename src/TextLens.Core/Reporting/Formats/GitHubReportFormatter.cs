using System.Globalization;
using System.Text;

namespace TextLens.Core.Reporting.Formats;

/// <summary>
/// GitHub Actions workflow commands, one per reported (unsuppressed) diagnostic:
/// <c>::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=TL0000 Title::message</c>.
/// Errors become <c>::error</c>, warnings <c>::warning</c>, suggestions <c>::notice</c>. Paths are as in
/// the report (relative to the folder the tool ran in: run it from the repository root). Values are
/// escaped as the runner expects (% CR LF in the message; also : and , in properties).
/// </summary>
public sealed class GitHubReportFormatter : IReportFormatter
{
    public string Name => "github";

    public string Extension => ".txt";

    public IReportWriter Open(TextWriter output, FormatSettings settings, Func<IReportSpool> spools) => new Writer(output);

    /// <summary>One command per diagnostic, document by document, as they come.</summary>
    private sealed class Writer(TextWriter output) : DirectReportWriter(output)
    {
        public override void WriteDocument(DocumentReport doc)
        {
            var sb = new StringBuilder();
            foreach (DiagnosticReport d in doc.Diagnostics)
            {
                if (d.Suppression is not null || Command(d.Severity) is not { } command)
                {
                    continue;
                }

                sb.Append("::").Append(command).Append(" file=").Append(EscapeProperty(doc.Path));
                if (d.Line is { } line && d.Column is { } col)
                {
                    sb.Append(CultureInfo.InvariantCulture, $",line={line},col={col}");
                    if (d.EndLine is { } endLine && d.EndColumn is { } endColumn)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $",endLine={endLine},endColumn={endColumn}");
                    }
                }

                sb.Append(",title=").Append(EscapeProperty($"{d.Id} {d.Title}"));
                sb.Append("::").Append(EscapeData(d.Message)).Append('\n');
            }

            Output.Write(sb.ToString());
        }
    }

    public static string? Command(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        "suggestion" => "notice",
        _ => null,
    };

    /// <summary>Escaping of a workflow command's message (the runner's escapeData).</summary>
    public static string EscapeData(string value) => value
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escaping of a workflow command's property value (the runner's escapeProperty).</summary>
    public static string EscapeProperty(string value) => EscapeData(value)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}

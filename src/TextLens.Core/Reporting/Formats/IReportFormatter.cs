namespace TextLens.Core.Reporting.Formats;

/// <summary>Settings a formatter may honour.</summary>
public sealed record FormatSettings
{
    public static FormatSettings Default { get; } = new();

    /// <summary>ANSI colours (console only; on a terminal and without NO_COLOR).</summary>
    public bool Color { get; init; }

    /// <summary>How many keywords to show per document.</summary>
    public int TopKeywords { get; init; } = 15;

    /// <summary>Folder that SARIF and annotation paths are relative to.</summary>
    public string BaseDirectory { get; init; } = ".";
}

/// <summary>Formats a report. Formatters only format: no analysis, no I/O besides the writer.</summary>
public interface IReportFormatter
{
    /// <summary>The --format name.</summary>
    string Name { get; }

    /// <summary>The usual file extension, with the dot.</summary>
    string Extension { get; }

    void Write(CorpusReport report, TextWriter writer, FormatSettings settings);
}

public static class ReportFormatters
{
    public static IReadOnlyList<IReportFormatter> All { get; } =
    [
        new ConsoleReportFormatter(),
        new MarkdownReportFormatter(),
        new JsonReportFormatter(),
    ];

    public static IReportFormatter? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}

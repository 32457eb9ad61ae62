using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting.Formats;

/// <summary>
/// How the tool was run, for formats that record it (SARIF <c>invocations</c>): its exit code and arguments. No clock
/// time: the same inputs and options give byte-identical output in every format, SARIF included (its start and end
/// times are optional, and Roslyn's error log leaves them out too).
/// </summary>
public sealed record InvocationInfo(int ExitCode, IReadOnlyList<string> Arguments)
{
    public bool Successful => ExitCode != ExitCodes.UsageOrInputError;
}

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

    /// <summary>The rule catalogue (SARIF tool.driver.rules, HTML rule titles). Empty: formats list only the rules that occur.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; init; } = [];

    /// <summary>How the tool was run; null leaves invocation data (times, exit code) out.</summary>
    public InvocationInfo? Invocation { get; init; }

    /// <summary>Set in pull-request mode (--changed-since): the ref compared against, and whether findings are limited to changed lines.</summary>
    public ChangeContext? Changes { get; init; }

    /// <summary>
    /// Where a document's lines can be viewed (on GitHub Actions, "{server}/{repository}/blob/{sha}/"
    /// plus the folder the paths are relative to); a report path and "#L{line}" are appended. Null: no links.
    /// </summary>
    public string? SourceLinkBase { get; init; }

    /// <summary>The report sections analyzers own (<see cref="AnalysisEngine.Sections"/>): how the human-readable formats show a document's <see cref="DocumentReport.Sections"/>. A value with no section here is kept in JSON and not shown.</summary>
    public IReadOnlyList<IReportSection> Sections { get; init; } = [];

    /// <summary>How many documents the run reports, when known before they arrive (formats that lay out by corpus size read it); null: unknown.</summary>
    public int? ExpectedDocuments { get; init; }
}

/// <summary>Pull-request mode: the git ref the documents were compared with, and whether only findings on added or modified lines are reported.</summary>
public sealed record ChangeContext(string Ref, bool ChangedLinesOnly);

/// <summary>
/// Formats a report as a stream of per-document records (<see cref="IReportWriter"/>). Formatters only format: no
/// analysis, no I/O besides the writer and the spools they are given. A whole report in memory is written with
/// <see cref="ReportFormatterExtensions.Write"/>.
/// </summary>
public interface IReportFormatter
{
    /// <summary>The --format name.</summary>
    string Name { get; }

    /// <summary>The usual file extension, with the dot.</summary>
    string Extension { get; }

    /// <summary>Starts a report on <paramref name="output"/>; parts that must wait for the corpus summary go to spools from <paramref name="spools"/>.</summary>
    IReportWriter Open(TextWriter output, FormatSettings settings, Func<IReportSpool> spools);
}

public static class ReportFormatters
{
    public static IReadOnlyList<IReportFormatter> All { get; } =
    [
        new ConsoleReportFormatter(),
        new MarkdownReportFormatter(),
        new JsonReportFormatter(),
        new SarifReportFormatter(),
        new GitHubReportFormatter(),
        new HtmlReportFormatter(),
        new JsonLinesReportFormatter(),
    ];

    /// <summary>Short names a user types for a format (its usual extension), and the format's name.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase) { ["md"] = "markdown" };

    /// <summary>The format named <paramref name="name"/> or by one of its <see cref="Aliases"/> (any case); null for none.</summary>
    public static IReportFormatter? Find(string name)
    {
        string formatName = Aliases.GetValueOrDefault(name, name);
        return All.FirstOrDefault(f => string.Equals(f.Name, formatName, StringComparison.OrdinalIgnoreCase));
    }
}

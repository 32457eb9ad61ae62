using System.IO.Abstractions;
using TextLens.Cli.Commands;
using TextLens.Cli.Output;
using TextLens.Cli.PullRequest;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Baselines;
using TextLens.Core.Analyzers;
using TextLens.Core.Features;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Cli.Scale;

/// <summary>Everything 'textlens merge' was asked to do.</summary>
public sealed record MergeRequest(
    IReadOnlyList<string> Partials,
    IReadOnlyList<string> Formats,
    IReadOnlyList<string> Outputs,
    Severity FailOn,
    bool Color,
    bool Quiet)
{
    /// <summary>The folder partials, outputs and the baseline are relative to (and SARIF paths, as in the runs that made the partials).</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>--baseline: findings recorded in this file are marked suppressed in the merged result.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>The command line, recorded in SARIF invocations.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The rule catalogue for SARIF and HTML; the built-in analyzers' by default.</summary>
    public IReadOnlyList<RuleDescriptor>? Rules { get; init; }

    /// <summary>How the human-readable formats show analyzer-owned sections of the records; the built-in analyzers' by default.</summary>
    public IReadOnlyList<IReportSection>? Sections { get; init; }
}

/// <summary>
/// 'textlens merge': combines partial results (json reports or JSON Lines from <c>report --shard</c> or the map step)
/// into every output format, byte-identical to one run over all the documents (docs/scale-out.md says what differs:
/// only SARIF's invocation times and command line). One pass: the partials' records, merged into path order, go
/// through the same streaming format writers and running corpus summary as a single run, one record at a time, so
/// memory stays flat in the number of documents. Output files are committed only when the whole merge succeeded.
/// </summary>
public static class MergeRunner
{
    /// <param name="request">What to merge.</param>
    /// <param name="context">Standard output and error, the environment (GitHub Actions' GITHUB_* for links to lines, as
    /// 'report' does), the clock, the file system the partials and the baseline are read from, and the models (for the
    /// rule catalogue, unless the request brings it).</param>
    public static int Run(MergeRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        TextWriter stdout = context.Console.Out;
        TextWriter stderr = context.Console.Error;
        Func<string, string?> environment = context.Environment;
        IFileSystem fileSystem = context.FileSystem;
        if (request.Partials.Count == 0)
        {
            throw new UsageException("no partial results: give the json or jsonl files written by 'textlens report --shard' or the map step.");
        }

        string? option = request.Partials.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !fileSystem.File.Exists(fileSystem.Path.GetFullPath(p, request.WorkingDirectory)));
        if (option is not null)
        {
            throw new UsageException($"unknown option '{option}' for 'merge'; run 'textlens merge --help'.");
        }

        // A folder is named as one: opening it fails with "access denied", which sends the user looking at permissions.
        string? folder = request.Partials.FirstOrDefault(p => p != "-" && fileSystem.Directory.Exists(fileSystem.Path.GetFullPath(p, request.WorkingDirectory)));
        if (folder is not null)
        {
            throw new UsageException($"partial result '{folder}' is a folder; give the json or jsonl files in it.");
        }

        IReportFormatter[] formatters = [.. request.Formats.Select(name => ReportFormatters.Find(name)
            ?? throw new UsageException($"unknown format '{name}'; choose from {string.Join(", ", ReportFormatters.All.Select(f => f.Name))}."))];
        if (request.Outputs.Count > formatters.Length)
        {
            throw new UsageException($"{request.Outputs.Count} --output value(s) for {formatters.Length} --format value(s); give one --format per --output.");
        }

        Baseline? baseline = request.BaselinePath is { } baselinePath ? ReportRunner.ReadBaseline(fileSystem, fileSystem.Path.GetFullPath(baselinePath, request.WorkingDirectory)) : null;
        var partials = new PartialResults(request.Partials, path => path == "-" ? context.Console.OpenInput() : OpenPartial(fileSystem, fileSystem.Path.GetFullPath(path, request.WorkingDirectory)))
        {
            DuplicateFound = request.Quiet ? null : (path, first, second) =>
                stderr.WriteLine($"textlens: warning: '{path}' is in both '{first}' and '{second}' (a shard given twice, or overlapping inputs?); both are kept."),
        };

        // A format that lays out by corpus size (html) must know the count before the first document, as in a single run.
        int? expected = null;
        if (formatters.Any(f => f.Name == "html"))
        {
            if (request.Partials.Contains("-"))
            {
                throw new UsageException("the html format needs the number of documents first: give the partial results as files, not standard input ('-').");
            }

            expected = partials.CountDocuments();
        }

        using IEnumerator<DocumentReport> documents = partials.Documents().GetEnumerator();
        if (!documents.MoveNext())
        {
            throw new UsageException("the partial results hold no documents.");
        }

        // The first record of every partial has been read and checked: the settings (--top for the formats) are known.
        var builtIn = new Lazy<AnalysisEngine>(() => BuiltInAnalyzers.CreateEngine(context.Models()));
        var formatSettings = FormatSettings.Default with
        {
            TopKeywords = partials.Settings!.Top,
            BaseDirectory = request.WorkingDirectory,
            Rules = request.Rules ?? builtIn.Value.Rules,
            Sections = request.Sections ?? BuiltInAnalyzers.ResultSections(builtIn.Value),
            SourceLinkBase = SourceLinks.GitHubBase(environment, request.WorkingDirectory),
            ExpectedDocuments = expected,
        };
        var summary = new CorpusSummaryBuilder(formatSettings.Sections);
        int exitCode = ExitCodes.Success;
        using ReportOutputs outputs = ReportRunner.OpenOutputs(fileSystem, formatters, request.Outputs, request.Color, request.WorkingDirectory, formatSettings, stdout, context.Console.OpenOutputBytes);
        do
        {
            DocumentReport document = baseline is null ? documents.Current : Apply(baseline, documents.Current);
            try
            {
                // The sections read their own values of the record (a keyword's score, a theme's size); a hand-edited record can
                // hold a value of the wrong kind, which JsonElement refuses with InvalidOperationException (a string where a number
                // belongs), KeyNotFoundException (a property missing) or FormatException. The summary reads them before anything of
                // the document is written.
                summary.Add(document);
                exitCode = Math.Max(exitCode, ExitCodes.For([document], request.FailOn)); // 2 (input error) > 1 (findings) > 0
                outputs.WriteDocument(document);
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException or System.Text.Json.JsonException)
            {
                throw new UsageException($"partial result '{partials.CurrentSource}' cannot be merged: the record of '{document.Path}' has a section value of the wrong kind ({ex.Message})");
            }
        }
        while (documents.MoveNext());

        var invocation = new InvocationInfo(exitCode, request.Arguments);
        outputs.Complete(new ReportCompletion(new ToolInfo(ReportBuilder.ToolName, ReportBuilder.ToolVersion), summary.Build(), invocation), request.Quiet ? null : stderr);
        stdout.Flush();
        return exitCode;
    }

    /// <summary>A baseline applied to a record as 'report --baseline' applies it to an analysis: recorded, recordable, unsuppressed findings become suppressed.</summary>
    /// <summary>A partial result on disk; a FIFO with no writer is given <see cref="SpecialFiles.WriterWait"/>, not waited on forever.</summary>
    private static Stream OpenPartial(IFileSystem fileSystem, string path) => FileSystemKinds.OpenRead(fileSystem, path, () => fileSystem.File.OpenRead(path));

    private static DocumentReport Apply(Baseline baseline, DocumentReport document)
    {
        bool Matches(DiagnosticReport d) =>
            d.Suppression is null && d.Fingerprint is { } f && baseline.Contains(f) && !InputRules.All.Any(r => r.Id == d.Id && InputRules.IsLoadFailure(r));

        return document.Diagnostics.Any(Matches)
            ? document with { Diagnostics = [.. document.Diagnostics.Select(d => Matches(d) ? d with { Suppression = "baseline" } : d)] }
            : document;
    }
}

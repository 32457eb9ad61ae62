using System.Collections.Concurrent;
using System.Globalization;
using TextLens.Cli.Inputs;
using TextLens.Cli.Output;
using TextLens.Cli.PullRequest;
using TextLens.Cli.Scale;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Baselines;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Features;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Cli.Commands;
/// <summary>
/// The report workflow: discover inputs, load and analyse them in parallel, apply the baseline,
/// build the report, write every requested format (files atomically) and decide the exit code.
/// </summary>
public static class ReportRunner
{
    public static int Run(ReportRequest request, TextWriter stdout, TextWriter stderr) =>
        Run(request, stdout, stderr, Environment.GetEnvironmentVariable);

    /// <param name="request">What to do.</param>
    /// <param name="stdout">Where reports without --output go.</param>
    /// <param name="stderr">Notes and warnings.</param>
    /// <param name="environment">Reads environment variables (GitHub Actions' GITHUB_* for links to lines).</param>
    public static int Run(ReportRequest request, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        if (request.Inputs.Count == 0 && request.ChangedSince is null)
        {
            throw new UsageException("no inputs: give files, directories, globs, or '-' for standard input.");
        }

        string? unknown = request.Inputs.FirstOrDefault(i => i.Length > 1 && i[0] == '-' && !File.Exists(Path.GetFullPath(i, request.WorkingDirectory)));
        if (unknown is not null)
        {
            throw new UsageException($"unknown option '{unknown}' for 'report'; run 'textlens report --help'.");
        }

        if (request.Top < 1)
        {
            throw new UsageException("--top must be at least 1.");
        }

        IReportFormatter[] formatters = [.. request.Formats.Select(name => ReportFormatters.Find(name)
            ?? throw new UsageException($"unknown format '{name}'; choose from {string.Join(", ", ReportFormatters.All.Select(f => f.Name))}."))];
        if (request.Outputs.Count > formatters.Length)
        {
            throw new UsageException($"{request.Outputs.Count} --output value(s) for {formatters.Length} --format value(s); give one --format per --output.");
        }

        if (!request.Quiet)
        {
            WarnAboutPairing(formatters, request.Outputs, stderr);
        }

        Baseline? baseline = request.BaselinePath is { } baselinePath ? ReadBaseline(Path.GetFullPath(baselinePath, request.WorkingDirectory)) : null;

        AnalysisEngine engine = request.Engine ?? BuiltInAnalyzers.CreateEngine(ModelSet.OpenDefault());
        foreach (string id in request.SeverityOverrides.Keys.Where(k => !k.StartsWith("category-", StringComparison.OrdinalIgnoreCase)))
        {
            _ = engine.FindRule(id) ?? throw new UsageException($"unknown rule id '{id}' in --severity; 'textlens rules' lists them.");
        }

        var discovery = new InputDiscovery(request.WorkingDirectory, request.Includes, request.Excludes, new IgnoreFiles());
        GitChangeSet? changes = request.ChangedSince is { } gitRef ? GitChanges.Changes(gitRef, request.WorkingDirectory) : null;
        DiscoveredInputs found = changes is not null
            ? discovery.DiscoverChanged(changes.Paths, request.Inputs)
            : discovery.Discover(request.Inputs);
        found = OwnFiles.Exclude(found, OwnFiles.Of(request));
        if (changes is not null && found.Files.Count == 0 && !request.Quiet)
        {
            stderr.WriteLine($"textlens: no documents changed since {request.ChangedSince}.");
        }

        var severities = new SeverityConfiguration(request.SeverityOverrides);
        var options = AnalysisOptions.Default with
        {
            TopKeywords = request.Top,
            MaxFileBytes = request.MaxFileBytes,
            Themes = request.Themes,
            ThemeSegments = request.ThemeSegments,
            SummarySentences = request.SummarySentences,
        };
        bool changedLinesOnly = changes is not null && request.ChangedScope == ChangeScope.Lines;
        Dictionary<string, string> fullPathOf = found.Files.ToDictionary(f => f.DisplayPath, f => f.FullPath, StringComparer.Ordinal);

        var sources = new DocumentSources(request.Shard, request.StdinJsonLines, request.StdinFormat, options.MaxFileBytes, request.OpenStandardInput);
        var analyses = new ConcurrentBag<DocumentAnalysis>();
        foreach (Diagnostic problem in sources.Problems(found))
        {
            analyses.Add(engine.Failed(new LoadResult(problem.Path, null, problem), severities));
        }

        int total = sources.Count(found) ?? 0;
        bool showProgress = ProgressReporter.ShouldShow(request.StderrIsTerminal, request.Quiet, total, Environment.GetEnvironmentVariable);
        using (var progress = new ProgressReporter(showProgress ? stderr : null, total))
        {
            Parallel.ForEach(sources.Loads(found), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, load =>
            {
                LoadResult loaded = load();
                if (loaded.Text is { } text && OwnFiles.IsOwnReport(text))
                {
                    progress.Advance();
                    return;
                }

                DocumentAnalysis analysis = engine.Analyze(loaded, options, severities);
                analyses.Add(changedLinesOnly ? ChangedLinesFilter.Apply(analysis, changes!.For(fullPathOf.GetValueOrDefault(loaded.Path, loaded.Path))) : analysis);
                progress.Advance();
            });
        }

        IReadOnlyList<DocumentAnalysis> results = [.. analyses];
        if (request.WriteBaselinePath is { } writeBaselinePath)
        {
            Baseline written = Baseline.From(results);
            string target = Path.GetFullPath(writeBaselinePath, request.WorkingDirectory);
            AtomicFile.WriteAllText(target, written.ToJson());
            if (!request.Quiet)
            {
                stderr.WriteLine($"textlens: recorded {written.Entries.Count} finding(s) in baseline {writeBaselinePath}");
            }

            baseline = written;
        }

        if (baseline is not null)
        {
            results = [.. results.Select(baseline.Apply)];
        }

        CorpusReport report = ReportBuilder.Build(results, ReportSettings.For(options, request.SeverityOverrides));
        int exitCode = ExitCodes.For(results, request.FailOn);
        var invocation = new InvocationInfo(exitCode, started, DateTimeOffset.UtcNow, request.Arguments);
        for (int i = 0; i < formatters.Length; i++)
        {
            string? target = i < request.Outputs.Count ? request.Outputs[i] : null;
            var settings = FormatSettings.Default with
            {
                Color = target is null && request.Color && formatters[i].Name == "console",
                TopKeywords = request.Top,
                BaseDirectory = request.WorkingDirectory,
                Rules = engine.Rules,
                Invocation = invocation,
                Changes = changes is null ? null : new ChangeContext(changes.Ref, changedLinesOnly),
                SourceLinkBase = SourceLinks.GitHubBase(environment, request.WorkingDirectory),
            };
            var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            formatters[i].Write(report, buffer, settings);
            if (target is null || target == "-")
            {
                stdout.Write(buffer.ToString());
            }
            else
            {
                AtomicFile.WriteAllText(Path.GetFullPath(target, request.WorkingDirectory), buffer.ToString());
                if (!request.Quiet)
                {
                    stderr.WriteLine($"textlens: wrote {formatters[i].Name} report to {target}");
                }
            }
        }

        stdout.Flush();
        return exitCode;
    }

    /// <summary>
    /// The n-th --output goes with the n-th --format, so formats for standard output must come last. A
    /// file whose extension belongs to another format is most likely a mis-ordered pair: say so.
    /// </summary>
    private static void WarnAboutPairing(IReadOnlyList<IReportFormatter> formatters, IReadOnlyList<string> outputs, TextWriter stderr)
    {
        for (int i = 0; i < outputs.Count; i++)
        {
            string extension = Path.GetExtension(outputs[i]);
            IReportFormatter? owner = ReportFormatters.All.Where(f => string.Equals(f.Extension, extension, StringComparison.OrdinalIgnoreCase)).ToArray() is [var only] ? only : null;
            if (owner is not null && owner.Name != formatters[i].Name)
            {
                stderr.WriteLine($"textlens: warning: --output {outputs[i]} goes with the {Ordinal(i + 1)} --format, '{formatters[i].Name}' (outputs pair with formats by position; put formats without --output last).");
            }
        }

        static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
    }

    internal static Baseline ReadBaseline(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read baseline '{path}': {ex.Message}");
        }

        try
        {
            return Baseline.Parse(text);
        }
        catch (BaselineFormatException ex)
        {
            throw new UsageException($"baseline '{path}' is malformed: {ex.Message}. Write it with --write-baseline.");
        }
    }
}

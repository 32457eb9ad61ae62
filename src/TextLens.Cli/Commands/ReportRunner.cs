using System.Globalization;
using System.IO.Abstractions;
using TextLens.Cli.Corpus;
using TextLens.Cli.Inputs;
using TextLens.Cli.Output;
using TextLens.Cli.PullRequest;
using TextLens.Cli.Scale;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Baselines;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Corpus;
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
    /// <summary>
    /// Documents analysed ahead of the one being written, at most: the reorder buffer that keeps the output in path
    /// order while both cores work. Memory is this many documents' analyses, whatever the corpus size.
    /// </summary>
    public static readonly int ReorderWindow = Math.Max(4, 4 * Environment.ProcessorCount);

    /// <param name="request">What to do.</param>
    /// <param name="context">
    /// The outside world: standard output (reports without --output), standard error (notes and warnings), the
    /// environment (GitHub Actions' GITHUB_* for links to lines; CI variables that turn progress off), the clock (SARIF's
    /// invocation times), the file system (the baseline) and the models (unless the request brings its engine).
    /// </param>
    public static int Run(ReportRequest request, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        TextWriter stdout = context.Console.Out;
        TextWriter stderr = context.Console.Error;
        Func<string, string?> environment = context.Environment;
        IFileSystem fileSystem = context.FileSystem;
        if (request.Inputs.Count == 0 && request.ChangedSince is null)
        {
            throw new UsageException("no inputs: give files, directories, globs, or '-' for standard input.");
        }

        string? unknown = request.Inputs.FirstOrDefault(i => i.Length > 1 && i[0] == '-' && !fileSystem.File.Exists(fileSystem.Path.GetFullPath(i, request.WorkingDirectory)));
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

        OutputTargets.Validate(fileSystem, request);
        OutputTargets.RefuseInputsAsOutputs(fileSystem, request);
        Baseline? baseline = request.BaselinePath is { } baselinePath ? ReadBaseline(fileSystem, fileSystem.Path.GetFullPath(baselinePath, request.WorkingDirectory)) : null;

        AnalysisEngine engine = request.Engine ?? BuiltInAnalyzers.CreateEngine(context.Models());
        CorpusIndex? corpus = request.Corpus is { } corpusArgument
            ? CorpusSource.Open(fileSystem, corpusArgument, request.WorkingDirectory, engine.Models, stderr, request.Quiet)
            : null;
        if (corpus is not null)
        {
            engine = BuiltInAnalyzers.WithCorpus(engine, new CorpusSearch(corpus));
        }

        foreach (string id in request.SeverityOverrides.Keys)
        {
            if (id.StartsWith("category-", StringComparison.OrdinalIgnoreCase))
            {
                string category = id["category-".Length..];
                if (!engine.Rules.Any(r => string.Equals(r.Category, category, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new UsageException($"unknown category '{category}' in --severity; categories are {string.Join(", ", engine.Rules.Select(r => r.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}.");
                }
            }
            else
            {
                _ = engine.FindRule(id) ?? throw new UsageException($"unknown rule id '{id}' in --severity; 'textlens rules' lists them.");
            }
        }

        var inputFiles = new InputFiles(fileSystem);
        var ignoreFiles = new IgnoreFiles(inputFiles);
        var discovery = new InputDiscovery(request.WorkingDirectory, request.Includes, request.Excludes, ignoreFiles, request.FollowSymlinks, inputFiles);
        GitChangeSet? changes = request.ChangedSince is { } gitRef ? GitChanges.Changes(gitRef, request.WorkingDirectory) : null;
        DiscoveredInputs found = changes is not null
            ? discovery.DiscoverChanged(changes.Paths, request.Inputs)
            : discovery.Discover(request.Inputs);
        found = OwnFiles.Exclude(found, OwnFiles.Of(request));
        if (changes is not null && found.Files.Count == 0 && !request.Quiet)
        {
            stderr.WriteLine($"textlens: no documents changed since {request.ChangedSince}.");
        }

        var severities = new SeverityConfiguration(request.SeverityOverrides, readConfiguration: inputFiles.ReadConfiguration, baseDirectory: request.WorkingDirectory);
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

        using var sources = new DocumentSources(request.Shard, request.StdinJsonLines, request.StdinFormat, options.MaxFileBytes, request.OpenStandardInput, inputFiles);
        List<DocumentLoad> work = [.. sources.Problems(found).Select(p => new DocumentLoad(p.Path, () => new LoadResult(p.Path, null, p))), .. sources.Loads(found)];
        DocumentLoad[] ordered = [.. work.OrderBy(w => w.Path, StringComparer.Ordinal)];
        work.Clear();

        // With at least two documents per core, the documents keep every core busy: a document's analyzers then
        // run one after another on its worker, not as more parallel work competing for the same cores.
        options = options with { Parallel = ordered.Length < 2 * Environment.ProcessorCount };

        var reportSettings = ReportSettings.For(options, request.SeverityOverrides) with { Corpus = corpus?.Fingerprint };
        var summary = new CorpusSummaryBuilder(engine.Sections);
        var recorded = new List<BaselineEntry>();
        int exitCode = ExitCodes.Success;
        var formatSettings = FormatSettings.Default with
        {
            TopKeywords = request.Top,
            BaseDirectory = request.WorkingDirectory,
            Rules = engine.Rules,
            Sections = engine.Sections,
            Changes = changes is null ? null : new ChangeContext(changes.Ref, changedLinesOnly),
            SourceLinkBase = SourceLinks.GitHubBase(environment, request.WorkingDirectory),
            ExpectedDocuments = ordered.Length,
        };
        using ReportOutputs outputs = OpenOutputs(fileSystem, formatters, request.Outputs, request.Color, request.WorkingDirectory, formatSettings, stdout, context.Console.OpenOutputBytes);
        bool showProgress = ProgressReporter.ShouldShow(request.StderrIsTerminal, request.Quiet, ordered.Length, environment);
        using (var progress = new ProgressReporter(showProgress ? stderr : null, ordered.Length))
        {
            OrderedParallel.Run(
                ordered,
                load =>
                {
                    DocumentAnalysis analysis;
                    try
                    {
                        LoadResult loaded = load.Load();
                        if (loaded.Text is { } text && OwnFiles.IsOwnReport(text))
                        {
                            progress.Advance();
                            return null;
                        }

                        analysis = engine.Analyze(loaded, options, severities);
                    }
                    catch (Exception ex) when (ex is not (OperationCanceledException or ModelLoadException))
                    {
                        // The loaders and analyzers contain their own failures; this is the last line for one document.
                        analysis = Contained(load.Path, ex);
                    }

                    if (changedLinesOnly)
                    {
                        analysis = ChangedLinesFilter.Apply(analysis, changes!.For(fullPathOf.GetValueOrDefault(analysis.Path, analysis.Path)));
                    }

                    IReadOnlyList<BaselineEntry> entries = [];
                    if (request.WriteBaselinePath is not null)
                    {
                        // The written baseline replaces --baseline; within one document, applying it marks every recordable finding.
                        var own = Baseline.From([analysis]);
                        entries = own.Entries;
                        analysis = own.Apply(analysis);
                    }
                    else if (baseline is not null)
                    {
                        analysis = baseline.Apply(analysis);
                    }

                    progress.Advance();
                    return new Analysed(ReportBuilder.BuildDocument(analysis, engine.Sections) with { Settings = reportSettings }, ExitCodes.For([analysis], request.FailOn), entries);
                },
                done =>
                {
                    if (done is null)
                    {
                        return;
                    }

                    summary.Add(done.Report);
                    exitCode = Math.Max(exitCode, done.ExitCode);
                    recorded.AddRange(done.Entries);
                    outputs.WriteDocument(done.Report);
                },
                degree: Environment.ProcessorCount,
                window: ReorderWindow);
        }

        foreach ((string configPath, string problem) in ignoreFiles.Problems.Concat(severities.Problems(engine.Rules)))
        {
            // Configuration files that could not be used and .editorconfig entries that never apply: reported after the
            // documents, under the file's own path.
            string shown = Path.GetRelativePath(request.WorkingDirectory, configPath).Replace('\\', '/');
            DocumentAnalysis bad = engine.Failed(new LoadResult(shown, null, Diagnostic.ForFile(InputRules.BadConfiguration, shown, shown, problem)), severities);
            DocumentReport badReport = ReportBuilder.BuildDocument(bad, engine.Sections) with { Settings = reportSettings };
            summary.Add(badReport);
            exitCode = Math.Max(exitCode, ExitCodes.For([bad], request.FailOn));
            outputs.WriteDocument(badReport);
        }

        bool baselineFailed = false;
        if (request.WriteBaselinePath is { } writeBaselinePath)
        {
            var written = new Baseline(recorded);
            try
            {
                AtomicFile.WriteAllText(fileSystem, fileSystem.Path.GetFullPath(writeBaselinePath, request.WorkingDirectory), written.ToJson());
                if (!request.Quiet)
                {
                    stderr.WriteLine($"textlens: recorded {written.Entries.Count} finding(s) in baseline {writeBaselinePath}");
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                stderr.WriteLine($"textlens: cannot write baseline {writeBaselinePath}: {ex.Message}");
                baselineFailed = true;
            }
        }

        var invocation = new InvocationInfo(exitCode, request.Arguments);
        outputs.Complete(new ReportCompletion(new ToolInfo(ReportBuilder.ToolName, ReportBuilder.ToolVersion), summary.Build(), invocation), request.Quiet ? null : stderr);
        stdout.Flush();
        return baselineFailed ? Math.Max(exitCode, ExitCodes.UsageOrInputError) : exitCode;
    }

    /// <summary>Opens every output before any work is done, so a path that cannot be written is a usage error naming it.</summary>
    internal static ReportOutputs OpenOutputs(IFileSystem fileSystem, IReportFormatter[] formatters, IReadOnlyList<string> outputs, bool color, string workingDirectory, FormatSettings settings, TextWriter stdout, Func<Stream>? openStdoutBytes = null)
    {
        try
        {
            return new ReportOutputs(fileSystem, formatters, outputs, color, workingDirectory, settings, stdout, openStdoutBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw new UsageException($"cannot write the report ({string.Join(", ", outputs.Select(o => $"'{o}'"))}): {ex.Message}");
        }
    }

    /// <summary>An unexpected failure on one document, as a TL0007 diagnostic for it: never the end of the run.</summary>
    private static DocumentAnalysis Contained(string path, Exception ex)
    {
        var failure = Diagnostic.ForFile(InputRules.AnalyzerFailed, path, "document", path, $"{ex.GetType().Name}: {ex.Message}");
        return new DocumentAnalysis(path, null, new Dictionary<Type, object>(), [failure]);
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

    /// <summary>One document, analysed and built into its report record; what the run keeps of it.</summary>
    private sealed record Analysed(DocumentReport Report, int ExitCode, IReadOnlyList<BaselineEntry> Entries);

    /// <summary>The largest baseline read: a baseline of a very large repository is a few megabytes (about 300 bytes a
    /// finding), and reading a device such as /dev/zero up to 256 MB peaked at 768 MB (issue 13, B5).</summary>
    private const long MaxBaselineBytes = 64L * 1024 * 1024;

    internal static Baseline ReadBaseline(IFileSystem fileSystem, string path)
    {
        string text;
        try
        {
            if (fileSystem.Directory.Exists(path))
            {
                throw new UsageException($"cannot read baseline '{path}': it is a directory.");
            }

            BoundedBytes read;
            using (Stream stream = FileSystemKinds.OpenRead(fileSystem, path, () => fileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1)))
            {
                read = BoundedReader.Read(stream, MaxBaselineBytes);
            }

            if (read.TooLarge)
            {
                throw new UsageException($"baseline '{path}' is larger than {MaxBaselineBytes:N0} bytes; is it the right file?");
            }

            DecodeResult decoded = SourceDecoder.Decode(read.Bytes);
            text = decoded.Text ?? throw new UsageException($"baseline '{path}' is not UTF-8 text (at byte {decoded.ByteOffset}). Write it with --write-baseline.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
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

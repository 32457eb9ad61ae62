using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using TextLens.Cli.Inputs;
using TextLens.Cli.Output;
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

/// <summary>'textlens report': discover inputs, analyse them, write every requested format, return the exit code.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, directories (searched recursively), globs, or '-' for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = $"Output format; repeat for several: {string.Join(", ", ReportFormatters.All.Select(f => f.Name))}. Default: console.",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string[]>("--output", "-o")
        {
            Description = "File to write; the n-th --output goes with the n-th --format. Without one, the format goes to standard output. Files are written atomically.",
        };
        var top = new Option<int>("--top")
        {
            Description = "Keywords to report per document.",
            DefaultValueFactory = _ => AnalysisOptions.Default.TopKeywords,
        };
        var themes = new Option<string>("--themes")
        {
            Description = "Number of themes per document: 'auto' (chosen from the text) or a number, e.g. 4.",
            DefaultValueFactory = _ => "auto",
        };
        var themeSegments = new Option<bool>("--theme-segments")
        {
            Description = "Themes as contiguous sections of the document (uses sentence order) instead of clusters found from the text alone.",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a diagnostic has this severity or higher: none, suggestion, warning, error.",
            DefaultValueFactory = _ => "error",
        };
        var include = new Option<string[]>("--include") { Description = "Glob of files to take from directories (repeatable). Default: *.txt, *.md, *.markdown." };
        var exclude = new Option<string[]>("--exclude") { Description = "Glob of files to leave out (repeatable). .textlensignore files (gitignore syntax) apply too." };
        var maxSize = new Option<string>("--max-file-size")
        {
            Description = "Largest file to analyse, in bytes, or with a K, M or G suffix.",
            DefaultValueFactory = _ => "10M",
        };
        var severity = new Option<string[]>("--severity")
        {
            Description = "Set a rule's severity, e.g. --severity TL3001=warning or category-Stance=none (repeatable; overrides .editorconfig).",
        };
        var stdinFormat = new Option<string>("--stdin-format")
        {
            Description = "How to read standard input: text or markdown.",
            DefaultValueFactory = _ => "text",
        };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour console output (also when NO_COLOR is set)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or notes on standard error." };
        var changedSince = new Option<string>("--changed-since")
        {
            Description = "Analyse only files added or modified since this git ref (compared from its merge base with HEAD), within the given inputs (default: the current folder) and the include/exclude/ignore rules.",
        };
        var baseline = new Option<string>("--baseline") { Description = "Baseline file: findings recorded in it are marked suppressed and do not count; only new ones are reported." };
        var writeBaseline = new Option<string>("--write-baseline") { Description = "Record the current findings in this baseline file (they then count as baselined in this run too)." };

        var command = new Command("report", "Analyse documents and write a report.")
        {
            inputs, format, output, top, themes, themeSegments, failOn, include, exclude, maxSize, severity, stdinFormat, noColor, quiet,
            changedSince, baseline, writeBaseline,
        };

        command.SetAction(parse =>
        {
            string[] formats = parse.GetValue(format) is { Length: > 0 } f ? f : ["console"];
            string[] outputs = parse.GetValue(output) ?? [];
            var request = new ReportRequest(
                Inputs: parse.GetValue(inputs) ?? [],
                Formats: formats,
                Outputs: outputs,
                Top: parse.GetValue(top),
                FailOn: ParseSeverity(parse.GetValue(failOn)!, "--fail-on"),
                Includes: parse.GetValue(include) ?? [],
                Excludes: parse.GetValue(exclude) ?? [],
                MaxFileBytes: ParseSize(parse.GetValue(maxSize)!),
                SeverityOverrides: ParseOverrides(parse.GetValue(severity) ?? []),
                StdinFormat: parse.GetValue(stdinFormat) switch
                {
                    "markdown" or "md" => DocumentFormat.Markdown,
                    "text" or "txt" => DocumentFormat.PlainText,
                    var other => throw new UsageException($"--stdin-format must be text or markdown, not '{other}'."),
                },
                Color: !parse.GetValue(noColor) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null,
                Quiet: parse.GetValue(quiet),
                Themes: ParseThemes(parse.GetValue(themes)!))
            {
                ChangedSince = parse.GetValue(changedSince),
                BaselinePath = parse.GetValue(baseline),
                WriteBaselinePath = parse.GetValue(writeBaseline),
                ThemeSegments = parse.GetValue(themeSegments),
                StderrIsTerminal = !Console.IsErrorRedirected,
                Arguments = [.. Environment.GetCommandLineArgs().Skip(1)],
            };
            return Run(request, Console.Out, Console.Error);
        });
        return command;
    }

    public sealed record ReportRequest(
        IReadOnlyList<string> Inputs,
        IReadOnlyList<string> Formats,
        IReadOnlyList<string> Outputs,
        int Top,
        Severity FailOn,
        IReadOnlyList<string> Includes,
        IReadOnlyList<string> Excludes,
        long MaxFileBytes,
        IReadOnlyDictionary<string, Severity> SeverityOverrides,
        DocumentFormat StdinFormat,
        bool Color,
        bool Quiet,
        ThemeCount Themes = default)
    {
        /// <summary>The folder inputs, outputs and baselines are relative to, and that report paths are shown relative to.</summary>
        public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

        /// <summary>--changed-since: a git ref; only files changed since its merge base with HEAD are analysed.</summary>
        public string? ChangedSince { get; init; }

        /// <summary>--baseline: findings recorded in this file are marked suppressed.</summary>
        public string? BaselinePath { get; init; }

        /// <summary>--write-baseline: record the current findings here.</summary>
        public string? WriteBaselinePath { get; init; }

        /// <summary>Whether standard error is a terminal (progress is shown only then).</summary>
        public bool StderrIsTerminal { get; init; }

        /// <summary>The command line, recorded in SARIF invocations.</summary>
        public IReadOnlyList<string> Arguments { get; init; } = [];

        /// <summary>--theme-segments: themes as contiguous sections.</summary>
        public bool ThemeSegments { get; init; }

        /// <summary>The engine to run; the built-in analyzers by default.</summary>
        public AnalysisEngine? Engine { get; init; }
    }

    public static int Run(ReportRequest request, TextWriter stdout, TextWriter stderr)
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

        BackgroundFrequencies.Preload();
        TextLens.Core.Parsing.PartOfSpeechTagger.Preload();
        StanceTagger.Preload();
        AnalysisEngine engine = request.Engine ?? BuiltInAnalyzers.CreateEngine();
        foreach (string id in request.SeverityOverrides.Keys.Where(k => !k.StartsWith("category-", StringComparison.OrdinalIgnoreCase)))
        {
            _ = engine.FindRule(id) ?? throw new UsageException($"unknown rule id '{id}' in --severity; 'textlens rules' lists them.");
        }

        var discovery = new InputDiscovery(request.WorkingDirectory, request.Includes, request.Excludes, new IgnoreFiles());
        DiscoveredInputs found = request.ChangedSince is { } gitRef
            ? discovery.DiscoverChanged(GitChanges.Since(gitRef, request.WorkingDirectory), request.Inputs)
            : discovery.Discover(request.Inputs);
        if (request.ChangedSince is not null && found.Files.Count == 0 && !request.Quiet)
        {
            stderr.WriteLine($"textlens: no files to analyse changed since {request.ChangedSince}.");
        }

        var severities = new SeverityConfiguration(request.SeverityOverrides);
        var options = AnalysisOptions.Default with { TopKeywords = request.Top, MaxFileBytes = request.MaxFileBytes, Themes = request.Themes, ThemeSegments = request.ThemeSegments };

        var analyses = new ConcurrentBag<DocumentAnalysis>();
        foreach (Diagnostic problem in found.Problems)
        {
            analyses.Add(engine.Failed(new LoadResult(problem.Path, null, problem), severities));
        }

        byte[]? stdinBytes = found.Files.Any(f => f.IsStandardInput) ? ReadStandardInput() : null;
        bool showProgress = ProgressReporter.ShouldShow(request.StderrIsTerminal, request.Quiet, found.Files.Count, Environment.GetEnvironmentVariable);
        using (var progress = new ProgressReporter(showProgress ? stderr : null, found.Files.Count))
        {
            Parallel.ForEach(found.Files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
            {
                LoadResult load = file.IsStandardInput
                    ? DocumentLoader.FromBytes("-", stdinBytes, options.MaxFileBytes, request.StdinFormat)
                    : DocumentLoader.LoadFile(file.FullPath, file.DisplayPath, options.MaxFileBytes);
                analyses.Add(engine.Analyze(load, options, severities));
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

        CorpusReport report = ReportBuilder.Build(results);
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

    private static Baseline ReadBaseline(string path)
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

    private static byte[] ReadStandardInput()
    {
        using Stream stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }

    internal static Severity ParseSeverity(string text, string option) =>
        Severities.TryParse(text, out Severity s) ? s : throw new UsageException($"{option} must be none, suggestion, warning or error, not '{text}'.");

    /// <summary>'auto' or a whole number of themes from 1 to 50.</summary>
    public static ThemeCount ParseThemes(string text)
    {
        string t = text.Trim();
        if (t.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return ThemeCount.Auto;
        }

        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is >= 1 and <= 50)
        {
            return new ThemeCount(n);
        }

        throw new UsageException($"--themes must be 'auto' or a number from 1 to 50, not '{text}'.");
    }

    internal static long ParseSize(string text)
    {
        string t = text.Trim().ToUpperInvariant();
        long multiplier = 1;
        if (t.EndsWith('K') || t.EndsWith('M') || t.EndsWith('G'))
        {
            multiplier = t[^1] switch { 'K' => 1024L, 'M' => 1024L * 1024, _ => 1024L * 1024 * 1024 };
            t = t[..^1];
        }

        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n <= 0)
        {
            throw new UsageException($"--max-file-size must be a positive number of bytes (K, M or G suffix allowed), not '{text}'.");
        }

        return n * multiplier;
    }

    internal static IReadOnlyDictionary<string, Severity> ParseOverrides(IEnumerable<string> values)
    {
        var result = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
        foreach (string v in values)
        {
            int eq = v.IndexOf('=');
            if (eq <= 0)
            {
                throw new UsageException($"--severity takes RULE=SEVERITY (e.g. TL3001=warning), not '{v}'.");
            }

            result[v[..eq].Trim()] = ParseSeverity(v[(eq + 1)..], "--severity");
        }

        return result;
    }
}

using System.CommandLine;
using System.Globalization;
using TextLens.Cli.Inputs;
using TextLens.Cli.Scale;
using TextLens.Core.Analysis;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Cli.Commands;

/// <summary>'textlens report': discover inputs, analyse them, write every requested format, return the exit code.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files, directories (searched recursively), globs, or '-' for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string[]>("--format", "-f")
        {
            Description = $"Output format; repeat for several: {string.Join(", ", ReportFormatters.All.Select(f => f.Name))} (markdown also as md). Default: console.",
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
            Description = "How to read standard input ('-'): text or markdown (one document), or jsonl: one JSON object per line, {\"id\": ..., \"text\": ..., \"format\": \"text|markdown\"}, id used as the path (the map step of docs/scale-out.md).",
            DefaultValueFactory = _ => "text",
        };
        var shard = new Option<string>("--shard")
        {
            Description = "Analyse only shard I of N (I from 0 to N-1): the inputs whose path, relative to the working folder, hashes into it. Every input falls in exactly one shard; combine the shards' json/jsonl results with 'textlens merge'.",
            HelpName = "I/N",
        };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour console output (also when NO_COLOR is set and not empty, or TERM is dumb)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress or notes on standard error." };
        var changedSince = new Option<string>("--changed-since")
        {
            Description = "Analyse only files added or modified since this git ref (compared from its merge base with HEAD), within the given inputs (default: the current folder) and the include/exclude/ignore rules; findings only on the added or modified lines unless --changed-since-scope file.",
        };
        var changedScope = new Option<string>("--changed-since-scope")
        {
            Description = "With --changed-since: 'lines' reports findings only on added or modified lines (default); 'file' reports every finding in a changed file.",
            DefaultValueFactory = _ => "lines",
        };
        var summarySentences = new Option<int?>("--summary-sentences")
        {
            Description = "Sentences in each document's summary (default: 3 to 5, scaled to the document's length).",
        };
        var followSymlinks = new Option<bool>("--follow-symlinks")
        {
            Description = "Follow symbolic links while searching folders (each real folder is visited once, so link loops end). By default links are skipped; files named on the command line are always read.",
        };
        var corpus = new Option<string>("--corpus")
        {
            Description = "Compare each document with a body of earlier documents: a folder (indexed on the spot) or an index file from 'textlens index'. Adds its nearest documents, the keywords rare there and the themes not seen there (docs/corpus.md).",
            HelpName = "dir|index",
        };
        var baseline = new Option<string>("--baseline") { Description = "Baseline file: findings recorded in it are marked suppressed and do not count; only new ones are reported." };
        var writeBaseline = new Option<string>("--write-baseline") { Description = "Record the current findings in this baseline file (they then count as baselined in this run too)." };

        var command = new Command("report", "Analyse documents and write a report.")
        {
            inputs, format, output, top, themes, themeSegments, failOn, include, exclude, maxSize, severity, stdinFormat, shard, noColor, quiet,
            changedSince, changedScope, baseline, writeBaseline, summarySentences, followSymlinks, corpus,
        };

        command.SetAction(parse =>
        {
            // An input that looks like a mistyped option ('--fromat'): say which option was meant.
            foreach (string input in (parse.GetValue(inputs) ?? []).Where(i => i.StartsWith("--", StringComparison.Ordinal) && !context.FileSystem.File.Exists(i)))
            {
                if (CommandLineHelp.Closest(input, command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))) is { } meant)
                {
                    throw new UsageException($"unknown option '{input}' for 'report'; did you mean '{meant}'?");
                }
            }

            string[] formats = parse.GetValue(format) is { Length: > 0 } f ? f : ["console"];
            string[] outputs = parse.GetValue(output) ?? [];
            string stdinFormatName = parse.GetValue(stdinFormat)!;
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
                StdinFormat: stdinFormatName switch
                {
                    "markdown" or "md" => DocumentFormat.Markdown,
                    "text" or "txt" or "jsonl" => DocumentFormat.PlainText,
                    var other => throw new UsageException($"--stdin-format must be text, markdown or jsonl, not '{other}'."),
                },
                Color: context.ColorAllowed(parse.GetValue(noColor)),
                Quiet: parse.GetValue(quiet),
                Themes: ParseThemes(parse.GetValue(themes)!))
            {
                ChangedSince = parse.GetValue(changedSince),
                ChangedScope = parse.GetValue(changedScope) switch
                {
                    "lines" => ChangeScope.Lines,
                    "file" => ChangeScope.File,
                    var other => throw new UsageException($"--changed-since-scope must be lines or file, not '{other}'."),
                },
                SummarySentences = parse.GetValue(summarySentences) is { } k and <= 0
                    ? throw new UsageException($"--summary-sentences must be a positive number, not {k}.")
                    : parse.GetValue(summarySentences),
                BaselinePath = parse.GetValue(baseline),
                Corpus = parse.GetValue(corpus),
                WriteBaselinePath = parse.GetValue(writeBaseline),
                ThemeSegments = parse.GetValue(themeSegments),
                FollowSymlinks = parse.GetValue(followSymlinks),
                StdinJsonLines = stdinFormatName == "jsonl",
                Shard = parse.GetValue(shard) is { } shardText ? ShardSpec.Parse(shardText) : null,
                StderrIsTerminal = !context.Console.IsErrorRedirected,
                Arguments = context.Arguments,
                WorkingDirectory = context.WorkingDirectory,
                OpenStandardInput = context.Console.OpenInput,
            };
            return ReportRunner.Run(request, context);
        });
        return command;
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

    /// <summary>The largest --max-file-size: a document is read into memory and decoded as one string (at most 2 GiB of characters).</summary>
    internal const long MaxFileSizeLimit = 2L * 1024 * 1024 * 1024;

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

        if (n > MaxFileSizeLimit / multiplier)
        {
            throw new UsageException($"--max-file-size '{text}' is too large; the largest is {MaxFileSizeLimit / (1024L * 1024 * 1024)}G.");
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

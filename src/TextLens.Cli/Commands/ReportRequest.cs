using TextLens.Cli.Inputs;
using TextLens.Core.Analysis;
using TextLens.Core.Text;

namespace TextLens.Cli.Commands;

/// <summary>Everything 'textlens report' was asked to do, parsed and validated into values.</summary>
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

    /// <summary>--changed-since-scope: findings on changed lines only (default) or in the whole changed file.</summary>
    public ChangeScope ChangedScope { get; init; } = ChangeScope.Lines;

    /// <summary>--summary-sentences: a fixed summary length; null for the length rule.</summary>
    public int? SummarySentences { get; init; }

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

    /// <summary>--follow-symlinks: follow symbolic links while scanning folders (each real folder once).</summary>
    public bool FollowSymlinks { get; init; }

    /// <summary>--stdin-format jsonl: standard input holds JSON Lines documents (the map step), not one document.</summary>
    public bool StdinJsonLines { get; init; }

    /// <summary>Opens standard input (the console's; tests pass their own).</summary>
    public Func<Stream> OpenStandardInput { get; init; } = TextLens.Cli.Inputs.StandardInput.Open;

    /// <summary>--shard i/N: only the documents whose path hashes into this shard.</summary>
    public Scale.ShardSpec? Shard { get; init; }

    /// <summary>--corpus: a folder of documents or an index file (textlens index) each document is compared with.</summary>
    public string? Corpus { get; init; }

    /// <summary>The engine to run; the built-in analyzers by default.</summary>
    public AnalysisEngine? Engine { get; init; }
}

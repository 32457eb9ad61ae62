namespace TextLens.Core.Analysis;

/// <summary>How many themes to look for: chosen automatically, or a fixed number.</summary>
public readonly record struct ThemeCount(int? Fixed)
{
    public static ThemeCount Auto => new(null);

    public bool IsAuto => Fixed is null;

    public override string ToString() => Fixed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "auto";
}

/// <summary>Options every analyzer can read. Immutable; the defaults are the documented defaults.</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>How many keywords to report per document.</summary>
    public int TopKeywords { get; init; } = 15;

    /// <summary>Largest file analysed, in bytes (default 10 MiB).</summary>
    public long MaxFileBytes { get; init; } = 10L * 1024 * 1024;

    /// <summary>How many themes to find.</summary>
    public ThemeCount Themes { get; init; } = ThemeCount.Auto;

    /// <summary>Run analyzers of one document in parallel.</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>
    /// Themes as contiguous sections (uses sentence order) instead of clusters of sentences found from
    /// their text alone (the default, which never uses position).
    /// </summary>
    public bool ThemeSegments { get; init; }

    /// <summary>
    /// A fixed number of summary sentences, or null for the documented length rule
    /// (<see cref="Analyzers.Summary.SummaryLength"/>).
    /// </summary>
    public int? SummarySentences { get; init; }
}

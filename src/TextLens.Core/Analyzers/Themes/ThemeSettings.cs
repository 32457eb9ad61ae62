namespace TextLens.Core.Analyzers.Themes;

/// <summary>
/// The tuned constants of theme clustering, in one place. The defaults are what 'report' and
/// 'eval clusters' use; they were chosen on the DEV sets as documented in docs/themes.md and are
/// the same for every data set.
/// </summary>
public sealed record ThemeSettings
{
    public static ThemeSettings Default { get; } = new();

    /// <summary>Longest n-gram used as a term (1 = words only, 2 = words and two-word phrases).</summary>
    public int MaxTermWords { get; init; } = 2;

    /// <summary>Weight of a two-word term relative to a word.</summary>
    public double PhraseWeight { get; init; } = 0.5;

    /// <summary>Exponent of the background IDF in term weights.</summary>
    public double IdfPower { get; init; } = 1.0;

    /// <summary>Most dimensions kept by the truncated SVD (LSA).</summary>
    public int MaxDimensions { get; init; } = 10;

    /// <summary>Documents with fewer content sentences than this get a single theme.</summary>
    public int MinSentences { get; init; } = 6;

    /// <summary>Most themes considered when the number is chosen automatically.</summary>
    public int MaxThemes { get; init; } = 12;

    /// <summary>Fewest sentences per theme, on average, when the number is chosen automatically.</summary>
    public int MinSentencesPerTheme { get; init; } = 3;

    /// <summary>k-means restarts per candidate number of themes.</summary>
    public int Restarts { get; init; } = 8;

    public int Seed { get; init; } = 20240601;

    /// <summary>Penalty per extra theme subtracted from the silhouette when choosing the number of themes.</summary>
    public double SilhouettePenalty { get; init; } = 0.0;

    public int SelectionMethod { get; init; } = 0;

    public int Embedding { get; init; } = 0;

    public int Neighbours { get; init; } = 0;

    public double AffinityPower { get; init; } = 1.0;

    /// <summary>A sentence whose vector keeps less than this share of its length in the reduced space is an outlier.</summary>
    public double OutlierEnergy { get; init; } = 0.0;

    /// <summary>Terms listed per theme.</summary>
    public int TermsPerTheme { get; init; } = 8;

    /// <summary>Terms joined to make a theme's label.</summary>
    public int LabelTerms { get; init; } = 3;
}

namespace TextLens.Core.Analyzers.Themes;

/// <summary>
/// The tuned constants of theme clustering, in one place. The defaults are what 'report' and
/// 'eval clusters' use; they were chosen on the DEV sets (docs/themes.md) and are the same for
/// every data set.
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

    /// <summary>
    /// Exponent of the within-document IDF (over sentences) in term weights: words spread over the
    /// whole document (its subject) separate themes less than words concentrated in a few sentences.
    /// </summary>
    public double DocumentIdfPower { get; init; } = 1.5;

    /// <summary>Nearest neighbours each sentence keeps in the similarity graph.</summary>
    public int Neighbours { get; init; } = 10;

    /// <summary>
    /// Most sentences in the similarity graph (its eigen-decomposition costs the cube of its size);
    /// longer documents are clustered through evenly spread landmark sentences, the rest joining the
    /// theme of the landmarks most similar to them.
    /// </summary>
    public int MaxGraphSentences { get; init; } = 500;

    /// <summary>Documents with fewer content sentences than this get a single theme.</summary>
    public int MinSentences { get; init; } = 6;

    /// <summary>Most themes considered when the number is chosen automatically.</summary>
    public int MaxThemes { get; init; } = 12;

    /// <summary>The smallest number of themes whose eigengap is at least this share of the largest gap is chosen.</summary>
    public double GapTolerance { get; init; } = 0.9;

    /// <summary>Fewest sentences per theme, on average, when the number is chosen automatically.</summary>
    public int MinSentencesPerTheme { get; init; } = 3;

    /// <summary>k-means restarts, each from its own seed.</summary>
    public int Restarts { get; init; } = 8;

    public int Seed { get; init; } = 20240601;

    /// <summary>Terms listed per theme.</summary>
    public int TermsPerTheme { get; init; } = 8;

    /// <summary>Terms joined to make a theme's label.</summary>
    public int LabelTerms { get; init; } = 3;
}

namespace TextLens.Core.Analyzers.Summary;

/// <summary>
/// The tuned constants of the extractive summary, in one place. The defaults are what 'report' and
/// 'eval summaries' use; they were chosen on the DEV sets (docs/summary.md) and are the same for
/// every data set.
/// </summary>
public sealed record SummarySettings
{
    public static SummarySettings Default { get; } = new();

    /// <summary>Weight of centrality: the sentence's cosine to the document's centroid of content terms.</summary>
    public double Centrality { get; init; } = 1.0;

    /// <summary>Weight of shared content: how many of the document's recurring words the sentence restates (not length-normalised).</summary>
    public double Overlap { get; init; } = 1.0;

    /// <summary>Exponent of the background IDF in shared content (0: every word counts alike).</summary>
    public double OverlapIdfPower { get; init; } = 0.0;

    /// <summary>Weight of connectivity: the sentence's degree in the TextRank word-overlap graph.</summary>
    public double Connectivity { get; init; } = 12.0;

    /// <summary>Weight of keyword coverage: the summed scores of the top keywords the sentence contains.</summary>
    public double Keywords { get; init; } = 0.5;

    /// <summary>Weight of theme coverage: the share of the document its theme holds (0 for a sentence in no theme).</summary>
    public double Themes { get; init; } = 0.3;

    /// <summary>Weight of position: early sentences introduce the subject. One signal among others.</summary>
    public double Position { get; init; } = 0.6;

    /// <summary>Position decays as exp(-rate × relative position).</summary>
    public double PositionDecay { get; init; } = 3.0;

    /// <summary>Words at which a sentence earns half its length credit; short sentences carry little of a summary.</summary>
    public double HalfLengthWords { get; init; } = 12.0;

    /// <summary>Exponent of the length credit (0 turns it off).</summary>
    public double LengthPower { get; init; } = 1.0;

    /// <summary>Maximal-marginal-relevance trade-off: score minus this times the highest similarity to a chosen sentence.</summary>
    public double Redundancy { get; init; } = 0.5;

    /// <summary>A sentence at least this similar (cosine) to a chosen one repeats it and is never chosen.</summary>
    public double DuplicateSimilarity { get; init; } = 0.7;

    /// <summary>Exponent of the within-document IDF in the sentence vectors (0: words spread over the whole document count fully).</summary>
    public double DocumentIdfPower { get; init; } = 0.0;

    /// <summary>
    /// The share of its relevance a sentence that cannot stand alone keeps (<see cref="SentenceOpening.LeansOnPrevious"/>:
    /// an aside in parentheses, a continuation opening in lower case) while the sentence before it is not in the summary.
    /// 1 turns it off.
    /// </summary>
    public double LeaningFactor { get; init; } = 0.5;

    /// <summary>How many of the document's keywords count towards coverage.</summary>
    public int TopKeywords { get; init; } = 15;
}

namespace TextLens.Core.Analyzers.Novelty;

/// <summary>The documented constants of the corpus comparison (README, docs/corpus.md).</summary>
public sealed record NoveltySettings
{
    public static NoveltySettings Default { get; } = new();

    /// <summary>How many nearest documents to report.</summary>
    public int Nearest { get; init; } = 3;

    /// <summary>How many shared terms explain a nearest document.</summary>
    public int SharedTerms { get; init; } = 3;

    /// <summary>How many new terms to report at most.</summary>
    public int NewTerms { get; init; } = 5;

    /// <summary>A keyword is new when at most this share of the corpus documents holds it.</summary>
    public double RareShare { get; init; } = 0.02;

    /// <summary>
    /// A theme is new when no corpus document reaches this cosine similarity with its sentences. 0.07 under the
    /// ln(1 + tf / 10) × idf² weights marks as many of the 91 themes of the 30 CRS docs/ reports seen (24) as 0.10
    /// did under the earlier (1 + ln tf) × idf weights, whose cosines ran higher.
    /// </summary>
    public double NewThemeSimilarity { get; init; } = 0.07;
}

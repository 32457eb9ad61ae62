namespace TextLens.Core.Analyzers.Keywords;

/// <summary>
/// The weights of keyphrase ranking. One default configuration serves every kind of document;
/// it was chosen on the DEV sets of ../shared/data/keyphrase (see docs/keywords.md), never per
/// data set. The score of a candidate is a product of its features raised to these weights
/// (a log-linear model): tf-idf, graph centrality, position of first occurrence, length,
/// capitalisation and how often the phrase stands as a whole noun phrase.
/// </summary>
public sealed record KeywordSettings
{
    public static KeywordSettings Default { get; } = new();

    /// <summary>Longest keyphrase, in words.</summary>
    public int MaxWords { get; init; } = 4;

    /// <summary>Exponent of the term frequency in tf-idf.</summary>
    public double TfExponent { get; init; } = 0.5;

    /// <summary>Weight of tf-idf (term frequency × background IDF).</summary>
    public double TfIdfWeight { get; init; } = 1.5;

    /// <summary>Weight of graph centrality (position-biased PageRank summed over the phrase's words).</summary>
    public double GraphWeight { get; init; } = 0.5;

    /// <summary>Weight of the position of first occurrence, as 1 / (1 + relative position × <see cref="PositionScale"/>).</summary>
    public double PositionWeight { get; init; } = 1.0;

    public double PositionScale { get; init; } = 10.0;

    /// <summary>Multiplier of a two-word phrase relative to one word.</summary>
    public double TwoWordBonus { get; init; } = 1.5;

    /// <summary>Multiplier of a three-word phrase relative to one word.</summary>
    public double ThreeWordBonus { get; init; } = 1.5;

    /// <summary>Multiplier of a four-word phrase relative to one word.</summary>
    public double FourWordBonus { get; init; } = 0.6;

    /// <summary>Weight of the spread of occurrences, as (0.1 + spread).</summary>
    public double SpreadWeight { get; init; } = 0.0;

    /// <summary>Weight of the share of occurrences in which the phrase is a whole noun phrase.</summary>
    public double MaximalWeight { get; init; } = 1.5;

    /// <summary>Bonus for phrases written capitalised (names): score × (1 + bonus × share capitalised).</summary>
    public double CapitalBonus { get; init; } = 0.0;

    /// <summary>
    /// Multiplier of a phrase the text mostly asserts absent (at least half its occurrences: "there is no North Korean
    /// embassy in Japan"): such a phrase may stay a keyword but does not outrank what the text is about. A phrase the
    /// text discusses and once says is missing ("there is no trade at this price") is not touched.
    /// </summary>
    public double NegatedFactor { get; init; } = 0.25;

    /// <summary>Co-occurrence window of the word graph, in words.</summary>
    public int GraphWindow { get; init; } = 20;

    /// <summary>Also propose noun phrases joined by 'of' (theory of games). Off: on DEV it lowered F1@10 on all four sets.</summary>
    public bool OfPhrases { get; init; } = false;

    /// <summary>Skip a phrase contained in (or containing) a better-ranked one. Off: on DEV it lowered F1@10 (gold sets often hold both).</summary>
    public bool SuppressContained { get; init; } = false;
}

namespace TextLens.Core.Analyzers.Themes;

/// <summary>A distinctive term of a theme and its class-based TF-IDF weight (1 for the theme's top term).</summary>
public sealed record ThemeTerm(string Text, double Weight);

/// <summary>
/// One theme: its id (themes are numbered 0, 1, … in order of first appearance), a short label made
/// of its most distinctive terms, those terms with weights, its sentences (ascending indices), the
/// representative sentence (the one closest to the theme's centre) and its share of the document's sentences.
/// </summary>
public sealed record Theme(int Id, string Label, IReadOnlyList<ThemeTerm> Terms, IReadOnlyList<int> Sentences, int Representative, double Share);

/// <summary>
/// The themes of one document. <see cref="Assignments"/> holds each sentence's theme id, or
/// <see cref="Outlier"/> for a sentence that fits no theme (no content words, or too far from
/// every theme). <see cref="Requested"/> says how the number of themes was set.
/// </summary>
public sealed record ThemeResult(IReadOnlyList<Theme> Themes, IReadOnlyList<int> Assignments, string Requested)
{
    public const int Outlier = -1;

    /// <summary>
    /// The sentence vectors the themes were found in, for an analyzer that declares this result and reads the same
    /// document's terms (the summary weighs them again: <see cref="SentenceVectors.WeightedWith"/>); not reported. Null for
    /// a result not made by <see cref="ThemeClusterer.Cluster"/>.
    /// </summary>
    public SentenceVectors? Vectors { get; init; }
}

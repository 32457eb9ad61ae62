using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Keywords;

/// <summary>One place a keyword occurs.</summary>
public readonly record struct KeywordOccurrence(TextSpan Span, LinePosition Position, int Sentence);

/// <summary>
/// A salient phrase: its display text (the form most often written), score in [0, 1] (1 for the
/// top keyword), rank (1-based), every occurrence, and the main features behind the score.
/// </summary>
public sealed record Keyword(string Text, double Score, int Rank, IReadOnlyList<KeywordOccurrence> Occurrences, IReadOnlyDictionary<string, double> Features)
{
    /// <summary>The key the keyword is matched by (lower case, stemmed words).</summary>
    public required string Key { get; init; }

    /// <summary>
    /// The other forms written in the document and counted as this keyword, most frequent first: plurals and other
    /// forms with the same stems ("Chosen schools"), and an acronym or its expansion defined in the text ("UI benefits" /
    /// "unemployment insurance benefits"); then the forms with a selecting adjective ("different UC programs" under
    /// "UC programs"), whose words the occurrences already cover. Empty when there is one form.
    /// </summary>
    public IReadOnlyList<string> Variants { get; init; } = [];
}

/// <summary>The keywords of one document, best first.</summary>
public sealed record KeywordResult(IReadOnlyList<Keyword> Keywords);

using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Summary;

/// <summary>One sentence of the summary: its index in the document, its span and the score that chose it.</summary>
public sealed record SummarySentence(int Index, TextSpan Span, double Score);

/// <summary>
/// The extractive summary of one document: its sentences in document order, and the budget the
/// length rule (<see cref="SummaryLength"/>) set. Fewer sentences than the budget are chosen when
/// the document has fewer eligible sentences, or when the rest would repeat what is already chosen.
/// </summary>
public sealed record SummaryResult(IReadOnlyList<SummarySentence> Sentences, int Budget)
{
    public static SummaryResult Empty { get; } = new([], 0);
}

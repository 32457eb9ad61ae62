using TextLens.Core.Analyzers.Summary;
using TextLens.Core.Text;

namespace TextLens.Core.Reporting;

/// <summary>
/// A document's extractive summary in the JSON report: the budget the length rule set (3–5, scaled
/// to the document; or the fixed --summary-sentences) and the chosen sentences in document order,
/// each with its index into <see cref="DocumentReport.Sentences"/>, its span, position and text.
/// </summary>
public sealed record SummaryReport(int Budget, IReadOnlyList<SummarySentenceReport> Sentences);

public sealed record SummarySentenceReport(int Index, int Start, int Length, int Line, int Column, string Text);

public static class SummaryReports
{
    public static SummaryReport From(SummaryResult result, SourceText source, IReadOnlyList<Parsing.Sentence> sentences) =>
        new(result.Budget, [.. result.Sentences.Select(s =>
        {
            LinePosition p = source.GetLinePosition(s.Span.Start);
            return new SummarySentenceReport(s.Index, s.Span.Start, s.Span.Length, p.DisplayLine, p.DisplayColumn, sentences[s.Index].Text);
        })]);
}

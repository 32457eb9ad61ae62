using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Analyzers.Summary;

namespace TextLens.Core.Analyzers;

/// <summary>The analyzers TextLens ships, in a fixed order.</summary>
public static class BuiltInAnalyzers
{
    public static IReadOnlyList<IDocumentAnalyzer> All { get; } =
    [
        new KeywordAnalyzer(),
        new ThemeAnalyzer(),
        new StanceAnalyzer(),
        new SummaryAnalyzer(),
    ];

    public static AnalysisEngine CreateEngine() => new(All);
}

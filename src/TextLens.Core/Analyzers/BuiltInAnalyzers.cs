using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Themes;

namespace TextLens.Core.Analyzers;

/// <summary>The analyzers TextLens ships, in a fixed order.</summary>
public static class BuiltInAnalyzers
{
    public static IReadOnlyList<IDocumentAnalyzer> All { get; } =
    [
        new KeywordAnalyzer(),
        new ThemeAnalyzer(),
    ];

    public static AnalysisEngine CreateEngine() => new(All);
}

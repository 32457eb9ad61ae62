using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Analyzers.Summary;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Features;

namespace TextLens.Core.Analyzers;

/// <summary>The analyzers TextLens ships, in a fixed order, over one set of models.</summary>
public static class BuiltInAnalyzers
{
    /// <summary>The shipped analyzers; those that read models get <paramref name="models"/> (nothing loads until they run).</summary>
    public static IReadOnlyList<IDocumentAnalyzer> Create(ModelSet models) =>
    [
        new KeywordAnalyzer(),
        new ThemeAnalyzer(),
        new StanceAnalyzer(models),
        new SummaryAnalyzer(),
    ];

    public static AnalysisEngine CreateEngine(ModelSet models) => new(Create(models), models);
}

using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Novelty;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Analyzers.Summary;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Corpus;
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

    /// <summary>
    /// The report sections a result of <paramref name="engine"/> may hold: its own and the corpus comparison's, which a
    /// run with <c>--corpus</c> adds (<c>textlens merge</c> shows the records of such runs without a corpus of its own).
    /// </summary>
    public static IReadOnlyList<IReportSection> ResultSections(AnalysisEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return engine.Sections.Any(s => s.Key == NoveltySection.Instance.Key) ? engine.Sections : [.. engine.Sections, NoveltySection.Instance];
    }

    /// <summary>The engine's analyzers plus the comparison with a corpus (<c>report --corpus</c>), over the same models.</summary>
    public static AnalysisEngine WithCorpus(AnalysisEngine engine, CorpusSearch corpus)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return new AnalysisEngine([.. engine.Analyzers, new NoveltyAnalyzer(corpus)], engine.Models);
    }
}

using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Themes;

namespace TextLens.Core.Analyzers.Summary;

/// <summary>
/// Summary: the few sentences that best say what the document says (<see cref="SummaryScorer"/>),
/// in document order, never a heading, caption, citation or byline, as many as the length rule
/// (<see cref="SummaryLength"/>) or <see cref="AnalysisOptions.SummarySentences"/> sets. Built on
/// the keyword and theme results. Publishes a <see cref="SummaryResult"/>; its report part is <see cref="SummarySection"/>.
/// </summary>
public sealed class SummaryAnalyzer(SummarySettings? settings = null) : IDocumentAnalyzer
{
    public SummarySettings Settings { get; } = settings ?? SummarySettings.Default;

    public string Name => "summary";

    public IReadOnlyList<RuleDescriptor> SupportedRules => [];

    public Type? ResultType => typeof(SummaryResult);

    public IReadOnlyList<Type> Dependencies { get; } = [typeof(KeywordResult), typeof(ThemeResult)];

    public IReportSection? Section => SummarySection.Instance;

    public void Analyze(AnalysisContext context) => context.SetResult(SummaryScorer.Summarize(
        context.Features,
        context.GetResult<KeywordResult>(),
        context.GetResult<ThemeResult>(),
        Settings,
        context.Options.SummarySentences));
}

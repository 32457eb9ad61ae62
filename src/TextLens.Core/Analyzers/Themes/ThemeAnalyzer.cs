using TextLens.Core.Analysis;

namespace TextLens.Core.Analyzers.Themes;

/// <summary>
/// Themes: clusters the document's sentences by their text (never their position) into labelled
/// themes, with an outlier group for sentences that fit none. The number of themes is automatic
/// unless <see cref="AnalysisOptions.Themes"/> fixes it; <see cref="AnalysisOptions.ThemeSegments"/> asks for
/// contiguous sections instead. Publishes a <see cref="ThemeResult"/>; its report part is <see cref="ThemesSection"/>.
/// </summary>
public sealed class ThemeAnalyzer(ThemeSettings? settings = null) : IDocumentAnalyzer
{
    public ThemeSettings Settings { get; } = settings ?? ThemeSettings.Default;

    public string Name => "themes";

    public IReadOnlyList<RuleDescriptor> SupportedRules => [];

    public Type? ResultType => typeof(ThemeResult);

    public IReportSection? Section => ThemesSection.Instance;

    public void Analyze(AnalysisContext context) =>
        context.SetResult(ThemeClusterer.Cluster(context.Features, context.Options.Themes, Settings, context.Options.ThemeSegments));
}

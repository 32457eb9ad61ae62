namespace TextLens.Core.Analysis;

/// <summary>
/// An analyzer reads the shared parsed document and featurisation, publishes at most one result
/// and reports diagnostics for the rules it declares. Analyzers are stateless and thread-safe: one
/// instance serves every document, possibly in parallel.
/// </summary>
public interface IDocumentAnalyzer
{
    /// <summary>A short stable name (keywords, themes, stance).</summary>
    string Name { get; }

    /// <summary>The rules this analyzer may report; reporting any other rule is a bug.</summary>
    IReadOnlyList<RuleDescriptor> SupportedRules { get; }

    /// <summary>The type of result it publishes with <see cref="AnalysisContext.SetResult{T}"/>, if any.</summary>
    Type? ResultType { get; }

    void Analyze(AnalysisContext context);
}

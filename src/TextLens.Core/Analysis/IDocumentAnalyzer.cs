namespace TextLens.Core.Analysis;

/// <summary>
/// An analyzer reads the shared parsed document and featurisation, publishes at most one result
/// and reports diagnostics for the rules it declares. Analyzers are stateless and thread-safe: one
/// instance serves every document, possibly in parallel.
/// </summary>
/// <remarks>
/// An analyzer is a vertical slice: its folder holds the analyzer, its settings, its result and, when the result
/// belongs in the report, its <see cref="Section"/> (the JSON it adds to each document, the JSON Schema of that,
/// and what console, Markdown and HTML show). It declares what it reads of other analyzers in
/// <see cref="Dependencies"/>; reading anything else is a bug the engine reports.
/// </remarks>
public interface IDocumentAnalyzer
{
    /// <summary>A short stable name (keywords, themes, stance).</summary>
    string Name { get; }

    /// <summary>The rules this analyzer may report; reporting any other rule is a bug.</summary>
    IReadOnlyList<RuleDescriptor> SupportedRules { get; }

    /// <summary>The type of result it publishes with <see cref="AnalysisContext.SetResult{T}"/>, if any.</summary>
    Type? ResultType { get; }

    /// <summary>
    /// The results of other analyzers this one reads with <see cref="AnalysisContext.GetResult{T}"/>. The engine
    /// refuses a set of analyzers where one is missing or the dependencies form a cycle, and reading an
    /// undeclared result fails the analyzer (TL0007).
    /// </summary>
    IReadOnlyList<Type> Dependencies => [];

    /// <summary>The report section this analyzer owns, or null when its result is not reported on its own (or is one of the built-in sections).</summary>
    IReportSection? Section => null;

    void Analyze(AnalysisContext context);
}

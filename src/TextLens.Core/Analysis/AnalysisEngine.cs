using TextLens.Core.Analysis.Baselines;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analysis.Suppressions;
using TextLens.Core.Features;
using TextLens.Core.Language;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analysis;

/// <summary>
/// Runs analyzers over documents: parse once, featurise once, run every analyzer (in parallel where
/// it helps) against the same immutable model, then apply configured severities and sort the
/// diagnostics. The engine has no I/O of its own beyond what the loader reads.
/// </summary>
public sealed class AnalysisEngine
{
    private readonly IReadOnlyList<IDocumentAnalyzer> _analyzers;
    private readonly ModelSet _models;
    private readonly TextFeaturizer _featurizer = new();
    private readonly LanguageCheck _languageCheck;

    /// <param name="analyzers">The analyzers, run in this order when not in parallel.</param>
    /// <param name="models">The models the pipeline and the analyzers read (each loads when first needed).</param>
    public AnalysisEngine(IEnumerable<IDocumentAnalyzer> analyzers, ModelSet models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _analyzers = [.. analyzers];
        _models = models;
        _languageCheck = new LanguageCheck(models.Languages);
        var producers = new HashSet<Type>();
        foreach (IDocumentAnalyzer a in _analyzers)
        {
            if (a.ResultType is { } t && !producers.Add(t))
            {
                throw new ArgumentException($"Two analyzers produce {t.Name}.", nameof(analyzers));
            }
        }

        CheckDependencies(_analyzers);
        Sections = ReportSections.Check([.. _analyzers.Select(a => a.Section).OfType<IReportSection>()]);
        RuleDescriptor[] declared = [.. InputRules.All.Concat(_analyzers.SelectMany(a => a.SupportedRules))];
        foreach (IGrouping<string, RuleDescriptor> sameId in declared.GroupBy(r => r.Id, StringComparer.Ordinal))
        {
            if (sameId.Distinct().Count() > 1)
            {
                throw new ArgumentException($"Rule id {sameId.Key} is declared twice with different descriptors.", nameof(analyzers));
            }
        }

        Rules = [.. declared.DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    public IReadOnlyList<IDocumentAnalyzer> Analyzers => _analyzers;

    /// <summary>The report sections the analyzers own, in analyzer order (the order of their properties in each document).</summary>
    public IReadOnlyList<IReportSection> Sections { get; }

    /// <summary>The models this engine's pipeline reads.</summary>
    public ModelSet Models => _models;

    /// <summary>The rule catalogue: input rules and every rule the analyzers declare, by id.</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; }

    public RuleDescriptor? FindRule(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every declared dependency has exactly one producer here, and no analyzer depends on itself through others.</summary>
    private static void CheckDependencies(IReadOnlyList<IDocumentAnalyzer> analyzers)
    {
        var producerOf = new Dictionary<Type, IDocumentAnalyzer>();
        foreach (IDocumentAnalyzer a in analyzers)
        {
            if (a.ResultType is { } t)
            {
                producerOf[t] = a;
            }
        }

        foreach (IDocumentAnalyzer a in analyzers)
        {
            foreach (Type needed in a.Dependencies)
            {
                if (!producerOf.ContainsKey(needed))
                {
                    throw new ArgumentException($"Analyzer '{a.Name}' depends on {needed.Name}, which no analyzer here produces.", nameof(analyzers));
                }
            }
        }

        // Depth-first search with three colours: a grey analyzer met again closes a cycle.
        var state = new Dictionary<IDocumentAnalyzer, bool>(ReferenceEqualityComparer.Instance);
        foreach (IDocumentAnalyzer a in analyzers)
        {
            Visit(a, []);
        }

        void Visit(IDocumentAnalyzer a, List<string> path)
        {
            if (state.TryGetValue(a, out bool done))
            {
                if (!done)
                {
                    throw new ArgumentException($"Analyzer dependencies form a cycle: {string.Join(" -> ", path.Append(a.Name))}.", nameof(analyzers));
                }

                return;
            }

            state[a] = false;
            path.Add(a.Name);
            foreach (Type needed in a.Dependencies)
            {
                Visit(producerOf[needed], path);
            }

            path.RemoveAt(path.Count - 1);
            state[a] = true;
        }
    }

    /// <summary>An input that failed to load: its diagnostic, with the configured severity.</summary>
    public DocumentAnalysis Failed(LoadResult load, ISeverityConfiguration severities)
    {
        Diagnostic failure = load.Failure ?? throw new ArgumentException("The load did not fail.", nameof(load));
        Severity severity = severities.GetSeverity(failure.Rule, load.Path);
        IReadOnlyList<Diagnostic> diagnostics = severity == Severity.None ? [] : DiagnosticFingerprints.Assign([failure with { Severity = severity }], null);
        return new DocumentAnalysis(load.Path, null, new Dictionary<Type, object>(), diagnostics);
    }

    public DocumentAnalysis Analyze(LoadResult load, AnalysisOptions options, ISeverityConfiguration severities, CancellationToken cancellationToken = default) =>
        load.Text is null ? Failed(load, severities) : Analyze(load.Text, options, severities, cancellationToken);

    public DocumentAnalysis Analyze(SourceText source, AnalysisOptions options, ISeverityConfiguration severities, CancellationToken cancellationToken = default) =>
        Analyze(ParsedDocument.Parse(source, _models), options, severities, cancellationToken);

    /// <summary>
    /// Analyses a document that is already parsed (e.g. built from pre-split sentences by an evaluation).
    /// A model that is missing or corrupt is not an analyzer's bug: its <see cref="ModelLoadException"/> propagates.
    /// </summary>
    public DocumentAnalysis Analyze(ParsedDocument document, AnalysisOptions options, ISeverityConfiguration severities, CancellationToken cancellationToken = default)
    {
        document = document.Models is null ? document.WithModels(_models) : document;
        SourceText source = document.Source;
        if (severities.GetSeverity(InputRules.NotEnglish, source.Path) is var languageSeverity and not Severity.None
            && _languageCheck.FindNonEnglish(document.Prose.Text) is { } language)
        {
            return NotEnglish(document, language, languageSeverity);
        }

        // In parallel, the featurisation (the first use of ML.NET in a process is its slowest step) runs beside the
        // analyzers that do not read it: stance tags the document and loads its models meanwhile.
        Task<DocumentFeatures> features = options.Parallel
            ? Task.Run(() => _featurizer.Featurize(document, _models), cancellationToken)
            : Task.FromResult(_featurizer.Featurize(document, _models));
        var session = new DocumentAnalysisSession(document, features, options, rule => severities.GetSeverity(rule, source.Path), cancellationToken);

        var runs = new List<Lazy<bool>>(_analyzers.Count);
        foreach (IDocumentAnalyzer analyzer in _analyzers)
        {
            var context = new AnalysisContext(analyzer, session);
            var run = new Lazy<bool>(() =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    analyzer.Analyze(context);
                    return true;
                }
                catch (Exception ex) when (ex is not (OperationCanceledException or ModelLoadException))
                {
                    // A bug in one analyzer must not lose the rest of the report: say so, and go on.
                    session.ReportFileLevel(InputRules.AnalyzerFailed, analyzer.Name, source.Path, $"{ex.GetType().Name}: {ex.Message}");
                    return false;
                }
            }, LazyThreadSafetyMode.ExecutionAndPublication);
            runs.Add(run);
            if (analyzer.ResultType is { } type)
            {
                session.RegisterProducer(type, run);
            }
        }

        if (options.Parallel && runs.Count > 1)
        {
            try
            {
                System.Threading.Tasks.Parallel.ForEach(runs, new ParallelOptions { CancellationToken = cancellationToken }, r => _ = r.Value);
            }
            catch (AggregateException ex) when (ex.Flatten().InnerExceptions.OfType<ModelLoadException>().FirstOrDefault() is { } failed)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
            }
        }
        else
        {
            foreach (Lazy<bool> r in runs)
            {
                _ = r.Value;
            }
        }

        // A featurisation that failed is not an analyzer's bug: it fails the document, as it did before any analyzer ran.
        _ = features.GetAwaiter().GetResult();
        var diagnostics = session.Diagnostics.ToList();
        if (document.WordCount == 0 && severities.GetSeverity(InputRules.Empty, source.Path) is var emptySeverity and not Severity.None)
        {
            diagnostics.Add(Diagnostic.ForFile(InputRules.Empty, source.Path, source.Path) with { Severity = emptySeverity });
        }

        if (document.Prose.Refusal is not MarkdownRefusal.None and var refusal
            && severities.GetSeverity(InputRules.ReadAsPlainText, source.Path) is var plainSeverity and not Severity.None)
        {
            string reason = refusal switch
            {
                MarkdownRefusal.UnclosedLinks => $"more than {MarkdownLinkTails.MaximumLongTails} inline links ('](') do not close within {MarkdownLinkTails.Reach:N0} characters",
                MarkdownRefusal.NestedTooDeep => $"its block quotes and lists may nest deeper than {ProseLayout.MaximumMarkdownDepth} levels",
                _ => $"the Markdown parser refused it as nested deeper than {ProseLayout.MaximumMarkdownDepth} levels",
            };
            diagnostics.Add(Diagnostic.ForFile(InputRules.ReadAsPlainText, source.Path, source.Path, reason) with { Severity = plainSeverity });
        }

        InlineSuppressions suppressions = InlineSuppressions.Parse(source, document.Prose.Html);
        diagnostics.AddRange(suppressions.Problems(severities, Rules));
        diagnostics.Sort(DiagnosticOrder.Instance);
        IReadOnlyList<Diagnostic> final = DiagnosticFingerprints.Assign(suppressions.Apply(diagnostics), document);
        return new DocumentAnalysis(source.Path, document, session.Results, final);
    }

    /// <summary>A document in another language: the TL0008 warning and no analyzer results (they would be English analyses of it).</summary>
    private static DocumentAnalysis NotEnglish(ParsedDocument document, LanguageGuess language, Severity severity)
    {
        SourceText source = document.Source;
        Diagnostic warning = Diagnostic.ForFile(InputRules.NotEnglish, source.Path, source.Path, language.Name) with { Severity = severity };
        IReadOnlyList<Diagnostic> final = DiagnosticFingerprints.Assign(InlineSuppressions.Parse(source).Apply([warning]), document);
        return new DocumentAnalysis(source.Path, document, new Dictionary<Type, object>(), final);
    }
}

/// <summary>File-level diagnostics first, then by start offset, rule id, and message.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static readonly DiagnosticOrder Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int c = string.CompareOrdinal(x.Path, y.Path);
        if (c != 0)
        {
            return c;
        }

        c = (x.Span?.Start ?? -1).CompareTo(y.Span?.Start ?? -1);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Id, y.Id);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}

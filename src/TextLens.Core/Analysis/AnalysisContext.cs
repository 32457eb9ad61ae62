using System.Collections.Concurrent;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analysis;

/// <summary>
/// What one analyzer sees of one document: the parsed document, the shared features, the options,
/// results published by other analyzers, and a sink for its diagnostics.
/// </summary>
public sealed class AnalysisContext
{
    private readonly IDocumentAnalyzer _analyzer;
    private readonly DocumentAnalysisSession _session;

    internal AnalysisContext(IDocumentAnalyzer analyzer, DocumentAnalysisSession session)
    {
        _analyzer = analyzer;
        _session = session;
    }

    public ParsedDocument Document => _session.Document;

    public SourceText Source => _session.Document.Source;

    public DocumentFeatures Features => _session.Features;

    public AnalysisOptions Options => _session.Options;

    public CancellationToken CancellationToken => _session.CancellationToken;

    /// <summary>
    /// The result another analyzer publishes; runs that analyzer first if it has not run yet. Only results the
    /// analyzer declares in <see cref="IDocumentAnalyzer.Dependencies"/> may be read.
    /// </summary>
    public T GetResult<T>()
        where T : class
    {
        if (!_analyzer.Dependencies.Contains(typeof(T)))
        {
            throw new InvalidOperationException($"Analyzer '{_analyzer.Name}' reads {typeof(T).Name} but does not declare it in its Dependencies.");
        }

        return _session.GetResult<T>();
    }

    public void SetResult<T>(T result)
        where T : class
    {
        if (_analyzer.ResultType != typeof(T))
        {
            throw new InvalidOperationException($"Analyzer '{_analyzer.Name}' declares result {_analyzer.ResultType?.Name ?? "none"} but set {typeof(T).Name}.");
        }

        _session.SetResult(result);
    }

    public void Report(RuleDescriptor rule, TextSpan span, params object?[] messageArgs)
    {
        if (!_analyzer.SupportedRules.Contains(rule))
        {
            throw new InvalidOperationException($"Analyzer '{_analyzer.Name}' reported {rule.Id}, which it does not declare.");
        }

        _session.Report(rule, span, messageArgs);
    }
}

/// <summary>The state of analysing one document: results by type and the diagnostics reported so far.</summary>
internal sealed class DocumentAnalysisSession
{
    private readonly ConcurrentDictionary<Type, object> _results = new();
    private readonly Dictionary<Type, Lazy<bool>> _producers = [];
    private readonly ConcurrentBag<Diagnostic> _diagnostics = [];
    private readonly Func<RuleDescriptor, Severity> _severityOf;

    private readonly Task<DocumentFeatures> _features;

    public DocumentAnalysisSession(ParsedDocument document, Task<DocumentFeatures> features, AnalysisOptions options, Func<RuleDescriptor, Severity> severityOf, CancellationToken cancellationToken)
    {
        Document = document;
        _features = features;
        Options = options;
        _severityOf = severityOf;
        CancellationToken = cancellationToken;
    }

    public ParsedDocument Document { get; }

    /// <summary>The shared featurisation; waits for it when it is still being computed.</summary>
    public DocumentFeatures Features => _features.GetAwaiter().GetResult();

    public AnalysisOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    public IReadOnlyDictionary<Type, object> Results => _results;

    public IEnumerable<Diagnostic> Diagnostics => _diagnostics;

    public void RegisterProducer(Type resultType, Lazy<bool> run) => _producers[resultType] = run;

    public T GetResult<T>()
        where T : class
    {
        if (!_results.ContainsKey(typeof(T)))
        {
            if (!_producers.TryGetValue(typeof(T), out Lazy<bool>? run))
            {
                throw new InvalidOperationException($"No analyzer produces {typeof(T).Name}.");
            }

            _ = run.Value;
        }

        return _results.TryGetValue(typeof(T), out object? result)
            ? (T)result
            : throw new InvalidOperationException($"The analyzer that produces {typeof(T).Name} failed on this document.");
    }

    public void SetResult<T>(T result)
        where T : class => _results[typeof(T)] = result;

    public void ReportFileLevel(RuleDescriptor rule, params object?[] args)
    {
        Severity severity = _severityOf(rule);
        if (severity != Severity.None)
        {
            _diagnostics.Add(Diagnostic.ForFile(rule, Document.Source.Path, args) with { Severity = severity });
        }
    }

    public void Report(RuleDescriptor rule, TextSpan span, object?[] args)
    {
        Severity severity = _severityOf(rule);
        if (severity == Severity.None)
        {
            return;
        }

        SourceText source = Document.Source;
        _diagnostics.Add(new Diagnostic(rule, severity, rule.FormatMessage(args), source.Path, span, source.GetLinePositionSpan(span))
        {
            Snippet = Snippet(source, span),
        });
    }

    private static string Snippet(SourceText source, TextSpan span)
    {
        string text = source.ToString(span);
        int newline = text.IndexOfAny(['\r', '\n']);
        return newline >= 0 ? text[..newline] : text;
    }
}

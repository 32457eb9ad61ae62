using TextLens.Core.Parsing;

namespace TextLens.Core.Analysis;

/// <summary>Everything known about one input after analysis: the parsed document (when it loaded), results and diagnostics.</summary>
public sealed class DocumentAnalysis
{
    private readonly IReadOnlyDictionary<Type, object> _results;

    public DocumentAnalysis(string path, ParsedDocument? document, IReadOnlyDictionary<Type, object> results, IReadOnlyList<Diagnostic> diagnostics)
    {
        Path = path;
        Document = document;
        _results = results;
        Diagnostics = diagnostics;
    }

    public string Path { get; }

    /// <summary>Null when the input could not be loaded (see <see cref="Diagnostics"/>).</summary>
    public ParsedDocument? Document { get; }

    /// <summary>Sorted by position, then rule id; file-level diagnostics first.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool Loaded => Document is not null;

    public T? GetResult<T>()
        where T : class => _results.TryGetValue(typeof(T), out object? r) ? (T)r : null;

    public DocumentAnalysis WithDiagnostics(IReadOnlyList<Diagnostic> diagnostics) => new(Path, Document, _results, diagnostics);
}

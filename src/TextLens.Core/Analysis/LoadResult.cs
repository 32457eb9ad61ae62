using TextLens.Core.Text;

namespace TextLens.Core.Analysis;

/// <summary>The outcome of loading one input (see Loading/DocumentLoader): the text, or the diagnostic that says why not.</summary>
public sealed record LoadResult(string Path, SourceText? Text, Diagnostic? Failure);

using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Corpus;

/// <summary>
/// Turns documents into index entries with the one shared featurisation: parse (<see cref="ParsedDocument"/>),
/// featurise (<see cref="TextFeaturizer"/>), keep the index terms (<see cref="CorpusTerms"/>). The entry of a document
/// depends on its text and id alone. Thread-safe: one indexer serves parallel loads.
/// </summary>
public sealed class CorpusIndexer(ModelSet models)
{
    private readonly ModelSet _models = models ?? throw new ArgumentNullException(nameof(models));
    private readonly TextFeaturizer _featurizer = new();

    /// <summary>The entry of one document, with its path as its id.</summary>
    public CorpusDocument Index(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ParsedDocument parsed = ParsedDocument.Parse(source, _models);
        return CorpusTerms.Document(source.Path, _featurizer.Featurize(parsed, _models));
    }
}

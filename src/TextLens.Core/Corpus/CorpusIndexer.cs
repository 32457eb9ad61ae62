using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Corpus;

/// <summary>
/// Turns documents into index entries: parse (<see cref="ParsedDocument"/>) and count the index terms of the shared
/// featurisation's token chunks (<see cref="CorpusTerms.Count"/>, the same entries as featurising with
/// <see cref="TextFeaturizer"/> and keeping the index terms gives). The entry of a document depends on its text and id
/// alone. Thread-safe: one indexer serves parallel loads.
/// </summary>
public sealed class CorpusIndexer(ModelSet models)
{
    private readonly ModelSet _models = models ?? throw new ArgumentNullException(nameof(models));

    /// <summary>The entry of one document, with its path as its id.</summary>
    public CorpusDocument Index(SourceText source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return CorpusTerms.Count(source.Path, ParsedDocument.Parse(source, _models));
    }
}

using TextLens.Core.Models;

namespace TextLens.Core.Parsing;

/// <summary>
/// Universal Dependencies part-of-speech tags for a parsed document, one per token, from the
/// shipped model models/pos-ewt.bin (trained with ML.NET on UD English-EWT; see its card).
/// The model set (<c>ModelSet.PartOfSpeech</c>, through <see cref="IPartOfSpeechSource"/>) loads it once, when an analyzer first needs tags; tagging is greedy
/// left to right within each sentence. Thread-safe.
/// </summary>
public sealed class PartOfSpeechTagger
{
    public const string FileName = "pos-ewt.bin";

    public PartOfSpeechTagger(PartOfSpeechModel model) => Model = model;

    public PartOfSpeechModel Model { get; }

    public PartOfSpeech[] Tag(IReadOnlyList<string> words) => Model.Tag(words);

    /// <summary>One tag per token of <paramref name="document"/> (index-aligned with <see cref="ParsedDocument.Tokens"/>).</summary>
    public PartOfSpeech[] Tag(ParsedDocument document) => TagWithVerbProbability(document).Tags;

    /// <summary>
    /// One tag per token of <paramref name="document"/>, and the probability of a verb reading of
    /// every token (see <see cref="PartOfSpeechModel.Tag(IReadOnlyList{string}, Span{float})"/>).
    /// </summary>
    public (PartOfSpeech[] Tags, float[] VerbProbability) TagWithVerbProbability(ParsedDocument document)
    {
        var tags = new PartOfSpeech[document.Tokens.Count];
        var verb = new float[document.Tokens.Count];
        Array.Fill(tags, PartOfSpeech.X); // a token outside every sentence (none in practice) is tagged "other"
        var words = new List<string>();
        foreach (Sentence sentence in document.Sentences)
        {
            words.Clear();
            foreach (Token t in document.TokensOf(sentence))
            {
                words.Add(t.Text);
            }

            Model.Tag(words, verb.AsSpan(sentence.FirstToken, words.Count)).CopyTo(tags, sentence.FirstToken);
        }

        return (tags, verb);
    }
}

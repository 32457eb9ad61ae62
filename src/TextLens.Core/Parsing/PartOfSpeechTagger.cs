using TextLens.Core.Features;
using TextLens.Core.Models;

namespace TextLens.Core.Parsing;

/// <summary>
/// Universal Dependencies part-of-speech tags for a parsed document, one per token, from the
/// shipped model models/pos-ewt.bin.gz (trained with ML.NET on UD English-EWT; see its card).
/// The model loads once per process, lazily and thread-safely; tagging is greedy left to right
/// within each sentence.
/// </summary>
public sealed class PartOfSpeechTagger
{
    public const string FileName = "pos-ewt.bin.gz";

    private static readonly Lazy<PartOfSpeechTagger> Shared = new(() =>
    {
        using Stream s = ModelStore.Open(FileName);
        return new PartOfSpeechTagger(PartOfSpeechModel.Load(s));
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    public PartOfSpeechTagger(PartOfSpeechModel model) => Model = model;

    public static PartOfSpeechTagger Default => Shared.Value;

    public PartOfSpeechModel Model { get; }

    /// <summary>Starts loading the shared model on the thread pool.</summary>
    public static void Preload() => ThreadPool.QueueUserWorkItem(static _ => _ = Shared.Value);

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

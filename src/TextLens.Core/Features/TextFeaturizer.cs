using System.Runtime.InteropServices;
using TextLens.Core.Parsing;

namespace TextLens.Core.Features;

/// <summary>
/// Computes <see cref="DocumentFeatures"/>: each chunk of a sentence (<see cref="FindChunks"/>) is a run of
/// lower-case tokens whose 1–3-grams are counted; sentence bags are the sums of their chunks' counts. The
/// vocabulary and its order are exactly those of ML.NET's n-gram transform fitted to the document's chunks
/// (<c>MapValueToKey</c> then <c>ProduceNgrams(ngramLength: 3, useAllLengths: true, weighting: Tf)</c>): an n-gram's
/// index is the order of its first occurrence, chunk by chunk, left to right, and at each token the unigram,
/// bigram and trigram starting there, in that order. Counting directly replaces fitting that transform per document
/// (a new pipeline, key map and multi-threaded cursors for every document: about half of a cold report); the
/// tests check the bags against the ML.NET transform on real documents. Stateless and thread-safe.
/// </summary>
public sealed class TextFeaturizer
{
    public const int MaxNgramLength = 3;

    public DocumentFeatures Featurize(ParsedDocument document, ModelSet models)
    {
        ArgumentNullException.ThrowIfNull(document);
        List<TokenChunk> chunks = FindChunks(document);
        var ngrams = new NgramVocabulary();
        var perSentence = new Dictionary<int, float>?[document.Sentences.Count];
        var keys = new int[MaxNgramLength];
        foreach (TokenChunk chunk in chunks)
        {
            Dictionary<int, float> bag = perSentence[chunk.Sentence] ??= [];
            for (int k = 0; k < Math.Min(MaxNgramLength - 1, chunk.TokenCount); k++)
            {
                keys[k + 1] = ngrams.KeyOf(document.Tokens[chunk.FirstToken + k].Lower);
            }

            for (int start = 0; start < chunk.TokenCount; start++)
            {
                // keys holds the keys of the words at start, start + 1 and start + 2 (those inside the chunk).
                keys.AsSpan(1).CopyTo(keys);
                if (start + MaxNgramLength - 1 < chunk.TokenCount)
                {
                    keys[MaxNgramLength - 1] = ngrams.KeyOf(document.Tokens[chunk.FirstToken + start + MaxNgramLength - 1].Lower);
                }

                for (int n = 1; n <= Math.Min(MaxNgramLength, chunk.TokenCount - start); n++)
                {
                    var gram = new Ngram(keys[0], n >= 2 ? keys[1] : -1, n >= 3 ? keys[2] : -1);
                    int term = ngrams.TermOf(gram);
                    ngrams.TermFrequency[term]++;
                    CollectionsMarshal.GetValueRefOrAddDefault(bag, term, out _)++;
                }
            }
        }

        var sentenceTerms = new SparseVector[document.Sentences.Count];
        for (int s = 0; s < sentenceTerms.Length; s++)
        {
            sentenceTerms[s] = perSentence[s] is { } bag ? ToSparse(bag) : SparseVector.Empty;
        }

        return new DocumentFeatures(document, chunks, [.. ngrams.Vocabulary], [.. ngrams.TermFrequency], sentenceTerms, models);
    }

    /// <summary>Runs of word and number tokens within a sentence; clitics, punctuation and symbols end a run.</summary>
    public static List<TokenChunk> FindChunks(ParsedDocument document)
    {
        var chunks = new List<TokenChunk>();
        foreach (Sentence sentence in document.Sentences)
        {
            int start = -1;
            int end = sentence.FirstToken + sentence.TokenCount;
            for (int t = sentence.FirstToken; t <= end; t++)
            {
                bool inside = t < end && document.Tokens[t].Kind is TokenKind.Word or TokenKind.Number;
                if (inside && start < 0)
                {
                    start = t;
                }
                else if (!inside && start >= 0)
                {
                    chunks.Add(new TokenChunk(sentence.Index, start, t - start));
                    start = -1;
                }
            }
        }

        return chunks;
    }

    private static SparseVector ToSparse(Dictionary<int, float> bag)
    {
        int[] indices = [.. bag.Keys];
        Array.Sort(indices);
        var values = new float[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            values[i] = bag[indices[i]];
        }

        return new SparseVector(indices, values);
    }

    /// <summary>An n-gram as the keys of its words, in text order; −1 pads an n-gram shorter than three.</summary>
    private readonly record struct Ngram(int First, int Second, int Third);

    /// <summary>One document's token keys and n-gram terms, each numbered in order of first occurrence.</summary>
    private sealed class NgramVocabulary
    {
        private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);
        private readonly List<string> _words = [];
        private readonly Dictionary<Ngram, int> _terms = [];

        /// <summary>The n-grams, words joined by one space (a '|' inside a word also reads as a space, as in ML.NET's slot names).</summary>
        public List<string> Vocabulary { get; } = [];

        public List<int> TermFrequency { get; } = [];

        public int KeyOf(string word)
        {
            ref int key = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, word, out bool exists);
            if (!exists)
            {
                key = _words.Count;
                _words.Add(word);
            }

            return key;
        }

        public int TermOf(Ngram gram)
        {
            ref int term = ref CollectionsMarshal.GetValueRefOrAddDefault(_terms, gram, out bool exists);
            if (!exists)
            {
                term = Vocabulary.Count;
                Vocabulary.Add(Name(gram).Replace('|', ' '));
                TermFrequency.Add(0);
            }

            return term;
        }

        private string Name(Ngram gram) => (gram.Second, gram.Third) switch
        {
            (_, >= 0) => string.Join(' ', _words[gram.First], _words[gram.Second], _words[gram.Third]),
            (>= 0, _) => string.Join(' ', _words[gram.First], _words[gram.Second]),
            _ => _words[gram.First],
        };
    }
}

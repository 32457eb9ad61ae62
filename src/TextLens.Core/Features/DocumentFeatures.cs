using TextLens.Core.Parsing;

namespace TextLens.Core.Features;

/// <summary>
/// A run of word and number tokens inside one sentence with no punctuation between them: n-grams
/// never cross a chunk's edge.
/// </summary>
public readonly record struct TokenChunk(int Sentence, int FirstToken, int TokenCount);

/// <summary>
/// The featurisation every analyzer shares, computed once per document by <see cref="TextFeaturizer"/>:
/// the n-gram vocabulary (1–3 words, lower case) of ML.NET's hashed n-gram transform, the bag of
/// n-grams of each sentence, document term frequencies and the background IDF table (loaded when first read).
/// </summary>
public sealed class DocumentFeatures
{
    private readonly Dictionary<string, int> _termIndex;

    internal DocumentFeatures(
        ParsedDocument document,
        IReadOnlyList<TokenChunk> chunks,
        string[] vocabulary,
        int[] termFrequency,
        IReadOnlyList<SparseVector> sentenceTerms,
        ModelSet models)
    {
        Document = document;
        Chunks = chunks;
        Vocabulary = vocabulary;
        TermFrequency = termFrequency;
        SentenceTerms = sentenceTerms;
        Models = models;
        _termIndex = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (int i = 0; i < vocabulary.Length; i++)
        {
            _termIndex[vocabulary[i]] = i;
        }
    }

    public ParsedDocument Document { get; }

    public IReadOnlyList<TokenChunk> Chunks { get; }

    /// <summary>The n-grams (words joined by one space, lower case) in order of first occurrence (by chunk, start token,
    /// shorter first: the slot order of the ML.NET n-gram chain once fitted to each document).</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>How often each vocabulary n-gram occurs in the document.</summary>
    public IReadOnlyList<int> TermFrequency { get; }

    /// <summary>Per sentence, the counts of its n-grams (indices into <see cref="Vocabulary"/>).</summary>
    public IReadOnlyList<SparseVector> SentenceTerms { get; }

    /// <summary>The models of the run; <see cref="Background"/> loads the background table on first use.</summary>
    public ModelSet Models { get; }

    public BackgroundFrequencies Background => Models.Background;

    public int TermIndex(string lowerNgram) => _termIndex.GetValueOrDefault(lowerNgram, -1);

    public int FrequencyOf(string lowerNgram) => _termIndex.TryGetValue(lowerNgram, out int i) ? TermFrequency[i] : 0;

    /// <summary>Number of words in a vocabulary n-gram.</summary>
    public int LengthOf(int term) => Vocabulary[term].AsSpan().Count(' ') + 1;
}

/// <summary>A sparse vector of (index, value) pairs sorted by index.</summary>
public sealed record SparseVector(int[] Indices, float[] Values)
{
    public static readonly SparseVector Empty = new([], []);

    public int Count => Indices.Length;
}

using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using TextLens.Core.Parsing;

namespace TextLens.Core.Features;

/// <summary>
/// Computes <see cref="DocumentFeatures"/> with ML.NET: each chunk of a sentence becomes a row of lower-case tokens,
/// hashed to keys (<see cref="ConversionsExtensionsCatalog.Hash(TransformsCatalog.ConversionTransforms, string, string, int, int)"/>,
/// <see cref="TokenHashBits"/> bits) and turned into hashed 1–3-gram counts
/// (<see cref="TextCatalog.ProduceHashedNgrams(TransformsCatalog.TextTransforms, string, string, int, int, int, bool, uint, bool, int, bool)"/>,
/// <see cref="NgramHashBits"/> bits); sentence bags are the sums of their chunks' rows.
/// <para>
/// Nothing is fitted per document: the two transforms need no data (no inverted hashes are kept), so the chain is
/// fitted once per process, on an empty view of the row schema (<see cref="TransformersFitted"/> counts it). Each
/// thread reads its documents through a row-to-row mapper of that one transformer, made once per thread over the
/// thread's own data view (whose rows are the current document's).
/// </para>
/// <para>
/// The document's vocabulary (slot → n-gram) is recovered without a fit, the way ML.NET's own inverted hashing
/// names slots: the n-grams of each chunk are walked in the order ML.NET's n-gram builder walks them (by start
/// token, shorter first), each one's slot is computed from the token keys ML.NET produced with the same hash as
/// <c>NgramHashingTransformer</c> (<see cref="NgramSlot"/>, ML.NET's <c>Hashing</c> being internal; a test compares
/// it with ML.NET's inverted slot names and output on real text), and a slot seen for the first time becomes the next
/// vocabulary term. So the vocabulary is in order of first occurrence, as the fitted <c>MapValueToKey</c> +
/// <c>ProduceNgrams</c> chain numbered its slots, and the features are the same. ML.NET's counts are then read per
/// slot; every slot of a row must be one the walk found and the row's counts must sum to its number of n-grams, or the
/// featurisation throws (the hash cannot drift silently). Two different n-grams of one document that share a slot (a
/// hash collision: one over the 76 CRS reports, 15 in the 4 MB benchmark document) are told apart by their tokens, and
/// that slot's count in the rows where it occurs is split by counting those n-grams in the row; the counts still sum to
/// ML.NET's. Two different tokens with one ML.NET key (its token hash folds some non-ASCII words together, e.g. "xπn"
/// and "yπn") get their own ids the same way. So the features are those of the per-document fit, byte for
/// byte (that fit kept at most 1,000,000 distinct n-grams of each length per document; the hashed chain has no cap).
/// </para>
/// <para>
/// Thread-safe: the shared <see cref="MLContext"/> is only used to register hosts (locked inside ML.NET) when a
/// thread makes its data view and mapper, and a fitted transformer is immutable (the pattern of ML.NET's prediction
/// engine pool: one transformer, one engine per thread); the data view, the mapper and its cursors belong to one thread.
/// </para>
/// </summary>
public sealed class TextFeaturizer
{
    public const int MaxNgramLength = 3;

    /// <summary>Bits of ML.NET's token hash (its maximum): the keys the n-grams are hashed from.</summary>
    public const int TokenHashBits = 31;

    /// <summary>Bits of ML.NET's n-gram hash (its maximum): a row's vector has 2^30 slots, almost all empty.</summary>
    public const int NgramHashBits = 30;

    /// <summary>The n-gram hash seed (ML.NET's default for <c>ProduceHashedNgrams</c>).</summary>
    public const uint NgramHashSeed = 314489979;

    private static readonly Lazy<SharedModel> Model = new(static () => new SharedModel(), LazyThreadSafetyMode.ExecutionAndPublication);

    private static int s_fitted;
    private static long s_sharedSlots;
    private static long s_tokensSharingKeys;

    private readonly ThreadLocal<Reader> _readers = new(static () => new Reader(Model.Value));

    /// <summary>How many times this process has fitted the ML.NET chain (once, at the first featurisation).</summary>
    public static int TransformersFitted => Volatile.Read(ref s_fitted);

    /// <summary>Hash collisions met so far in this process (for the benchmarks): slots that two distinct n-grams of one
    /// document shared, and distinct tokens of one document whose key another of its tokens had.</summary>
    public static (long SharedSlots, long TokensSharingKeys) Collisions => (Interlocked.Read(ref s_sharedSlots), Interlocked.Read(ref s_tokensSharingKeys));

    /// <summary>The one fitted ML.NET transformer every featurizer and thread of the process reads through.</summary>
    internal static ITransformer Transformer => Model.Value.Transformer;

    public DocumentFeatures Featurize(ParsedDocument document, ModelSet models)
    {
        List<TokenChunk> chunks = FindChunks(document);
        if (chunks.Count == 0)
        {
            return new DocumentFeatures(document, chunks, [], [], document.Sentences.Select(_ => SparseVector.Empty).ToArray(), models);
        }

        var rows = new ChunkRow[chunks.Count];
        for (int c = 0; c < chunks.Count; c++)
        {
            TokenChunk chunk = chunks[c];
            var words = new string[chunk.TokenCount];
            for (int k = 0; k < chunk.TokenCount; k++)
            {
                words[k] = document.Tokens[chunk.FirstToken + k].Lower;
            }

            rows[c] = new ChunkRow { Tokens = words };
        }

        Reader reader = _readers.Value!;
        reader.Rows.Current = rows;
        try
        {
            return Featurize(document, models, chunks, rows, reader);
        }
        finally
        {
            reader.Rows.Current = []; // the thread's data view keeps no document alive
        }
    }

    /// <summary>
    /// The slot ML.NET's <c>NgramHashingTransformer</c> gives the n-gram of <paramref name="keys"/> (1 to 3 token keys)
    /// with all lengths, ordered hashing, no rehashed unigrams, one source column and <see cref="NgramHashBits"/> bits:
    /// a unigram's hash is its key, a longer n-gram's the Murmur3 hash of its keys; either is mixed once more and masked.
    /// </summary>
    public static int NgramSlot(ReadOnlySpan<uint> keys)
    {
        uint hash;
        if (keys.Length == 1)
        {
            hash = keys[0];
        }
        else
        {
            hash = NgramHashSeed;
            foreach (uint key in keys)
            {
                hash = MurmurRound(hash, key);
            }

            hash = MixHash(MurmurRound(hash, (uint)keys.Length));
        }

        return (int)(MixHash(hash) & ((1u << NgramHashBits) - 1));
    }

    private static uint MurmurRound(uint hash, uint chunk)
    {
        chunk *= 0xCC9E2D51;
        chunk = uint.RotateLeft(chunk, 15);
        chunk *= 0x1B873593;
        hash ^= chunk;
        hash = uint.RotateLeft(hash, 13);
        return (hash * 5) + 0xE6546B64;
    }

    private static uint MixHash(uint hash)
    {
        hash ^= hash >> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >> 16;
        return hash;
    }

    private static DocumentFeatures Featurize(ParsedDocument document, ModelSet models, List<TokenChunk> chunks, ChunkRow[] rows, Reader reader)
    {
        var vocabulary = new HashedNgramVocabulary(chunks.Count);
        var sentenceTerms = new SparseVector[document.Sentences.Count];
        Array.Fill(sentenceTerms, SparseVector.Empty);

        // The chunks come sentence by sentence (FindChunks), so one bag, emptied after each sentence, holds the
        // sentence being counted: a dictionary per sentence alive until the last row was ~60 MB of a 5 MB document.
        var bag = new Dictionary<int, float>();
        int bagSentence = -1;
        int row = 0;
        using (DataViewRowCursor cursor = reader.Data.GetRowCursor(reader.Mapper.GetDependencies(reader.Columns)))
        using (DataViewRow mapped = reader.Mapper.GetRow(cursor, reader.Columns))
        {
            ValueGetter<VBuffer<uint>> getKeys = mapped.GetGetter<VBuffer<uint>>(reader.Columns[0]);
            ValueGetter<VBuffer<float>> getNgrams = mapped.GetGetter<VBuffer<float>>(reader.Columns[1]);
            VBuffer<uint> keys = default;
            VBuffer<float> vector = default;
            while (cursor.MoveNext())
            {
                getKeys(ref keys);
                getNgrams(ref vector);
                int sentence = chunks[row].Sentence;
                if (sentence != bagSentence)
                {
                    if (sentence < bagSentence)
                    {
                        throw new InvalidOperationException($"chunk {row} of sentence {sentence} came after sentence {bagSentence}: the chunks are not in sentence order.");
                    }

                    Flush();
                    bagSentence = sentence;
                }

                vocabulary.Count(rows[row++].Tokens, in keys, in vector, bag);
            }
        }

        Flush();
        if (vocabulary.SharedSlots > 0 || vocabulary.TokensSharingKeys > 0)
        {
            Interlocked.Add(ref s_sharedSlots, vocabulary.SharedSlots);
            Interlocked.Add(ref s_tokensSharingKeys, vocabulary.TokensSharingKeys);
        }

        return new DocumentFeatures(document, chunks, [.. vocabulary.Terms], [.. vocabulary.TermFrequency], sentenceTerms, models);

        void Flush()
        {
            if (bagSentence >= 0)
            {
                sentenceTerms[bagSentence] = ToSparse(bag);
                if (bag.Count > 4096)
                {
                    bag = [];   // Clear costs the capacity: a huge sentence's would be paid again by every later one
                }
                else
                {
                    bag.Clear();
                }
            }
        }
    }

    /// <summary>Runs of word and number tokens within a sentence, sentence by sentence in order; clitics, punctuation and symbols end a run.</summary>
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

    private sealed class ChunkRow
    {
        public string[] Tokens { get; set; } = [];
    }

    /// <summary>
    /// The rows of the document being featurised on this thread. The thread's data view reads them through this
    /// holder, so the view (whose construction emits and compiles a row accessor) is made once per thread, not once per
    /// document. A read-only collection, as the rows array was, so ML.NET knows the row count as before.
    /// </summary>
    private sealed class CurrentRows : ICollection<ChunkRow>
    {
        public ChunkRow[] Current { get; set; } = [];

        public int Count => Current.Length;

        public bool IsReadOnly => true;

        public bool Contains(ChunkRow item) => Array.IndexOf(Current, item) >= 0;

        public void CopyTo(ChunkRow[] array, int arrayIndex) => Current.CopyTo(array, arrayIndex);

        public IEnumerator<ChunkRow> GetEnumerator() => ((IEnumerable<ChunkRow>)Current).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public void Add(ChunkRow item) => throw new NotSupportedException();

        public void Clear() => throw new NotSupportedException();

        public bool Remove(ChunkRow item) => throw new NotSupportedException();
    }

    /// <summary>The process's ML.NET context and the hashing chain, fitted once on an empty view of the row schema.</summary>
    private sealed class SharedModel
    {
        public SharedModel()
        {
            Context = new MLContext(seed: 0);
            Schema = SchemaDefinition.Create(typeof(ChunkRow));
            IEstimator<ITransformer> chain = Context.Transforms.Conversion.Hash("Keys", nameof(ChunkRow.Tokens), numberOfBits: TokenHashBits, maximumNumberOfInverts: 0)
                .Append(Context.Transforms.Text.ProduceHashedNgrams(
                    "Ngrams", "Keys", numberOfBits: NgramHashBits, ngramLength: MaxNgramLength, skipLength: 0, useAllLengths: true,
                    seed: NgramHashSeed, useOrderedHashing: true, maximumNumberOfInverts: 0, rehashUnigrams: false));
            Transformer = chain.Fit(Context.Data.LoadFromEnumerable(Array.Empty<ChunkRow>(), Schema));
            Interlocked.Increment(ref s_fitted);
        }

        public MLContext Context { get; }

        public SchemaDefinition Schema { get; }

        public ITransformer Transformer { get; }
    }

    /// <summary>One thread's data view over its current rows and its row-to-row mapper of the shared transformer, made once.</summary>
    private sealed class Reader
    {
        public Reader(SharedModel model)
        {
            Data = model.Context.Data.LoadFromEnumerable(Rows, model.Schema);
            Mapper = model.Transformer.GetRowToRowMapper(Data.Schema);
            Columns = [Mapper.OutputSchema["Keys"], Mapper.OutputSchema["Ngrams"]];
        }

        public CurrentRows Rows { get; } = new();

        /// <summary>The rows of <see cref="Rows"/> as an ML.NET data view (read afresh by every cursor).</summary>
        public IDataView Data { get; }

        public IRowToRowMapper Mapper { get; }

        /// <summary>The token keys and the n-gram counts.</summary>
        public DataViewSchema.Column[] Columns { get; }
    }
}

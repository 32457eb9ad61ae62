using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using TextLens.Core.Parsing;

namespace TextLens.Core.Features;

/// <summary>
/// Computes <see cref="DocumentFeatures"/> with ML.NET: each chunk of a sentence becomes a row of
/// lower-case tokens, mapped to keys and turned into 1–3-gram counts by
/// <see cref="TextCatalog.ProduceNgrams"/>; sentence bags are the sums of their chunks' rows. The ML.NET context,
/// the estimator chain and the row schema are built once per featurizer and thread (an <see cref="MLContext"/> is
/// not thread-safe), not once per document; each document fits the chain to its own vocabulary, and its rows are read
/// through the fitted chain as a row-to-row mapper on one cursor. Thread-safe.
/// </summary>
public sealed class TextFeaturizer
{
    public const int MaxNgramLength = 3;

    /// <summary>
    /// How many documents one thread's pipeline featurises before it is replaced. ML.NET's context records every fit in
    /// its progress tracker and host list, which nothing here reads: kept for a whole corpus run they grew the heap by
    /// about 6 KB a document. A fresh context costs about a millisecond once the code is compiled.
    /// </summary>
    public const int DocumentsPerPipeline = 256;

    private readonly ThreadLocal<Pipeline> _pipelines = new(static () => new Pipeline());

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

        Pipeline ml = _pipelines.Value!;
        if (ml.Documents++ == DocumentsPerPipeline)
        {
            _pipelines.Value = ml = new Pipeline { Documents = 1 };
        }

        ml.Rows.Current = rows;
        try
        {
            return Featurize(document, models, chunks, ml);
        }
        finally
        {
            ml.Rows.Current = []; // the thread's pipeline keeps no document alive
        }
    }

    private static DocumentFeatures Featurize(ParsedDocument document, ModelSet models, List<TokenChunk> chunks, Pipeline ml)
    {
        IDataView data = ml.Data;

        // The chain is fitted one estimator at a time, and the n-gram estimator reads the keys through the fitted key
        // mapping as a row-to-row mapper on one cursor (OneCursorView), as the fitted chain is then read: reading the
        // transformed view instead makes ML.NET split the rows over background threads and merge them again, for every
        // document (the same rows in the same order either way, so the same n-gram slots).
        ITransformer keys = ml.Keys.Fit(data);
        ITransformer counts = ml.Ngrams.Fit(new OneCursorView(data, keys.GetRowToRowMapper(data.Schema)));
        IRowToRowMapper mapper = ((ITransformer)new TransformerChain<ITransformer>(keys, counts)).GetRowToRowMapper(data.Schema);
        DataViewSchema.Column ngrams = mapper.OutputSchema["Ngrams"];
        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        ngrams.GetSlotNames(ref slotNames);
        var vocabulary = new string[slotNames.Length];
        ReadOnlySpan<ReadOnlyMemory<char>> names = slotNames.DenseValues().ToArray();
        for (int i = 0; i < vocabulary.Length; i++)
        {
            vocabulary[i] = names[i].ToString().Replace('|', ' ');
        }

        var termFrequency = new int[vocabulary.Length];
        var perSentence = new Dictionary<int, float>[document.Sentences.Count];
        int row = 0;
        using (DataViewRowCursor cursor = data.GetRowCursor(mapper.GetDependencies([ngrams])))
        using (DataViewRow mapped = mapper.GetRow(cursor, [ngrams]))
        {
            ValueGetter<VBuffer<float>> getNgrams = mapped.GetGetter<VBuffer<float>>(ngrams);
            VBuffer<float> vector = default;
            while (cursor.MoveNext())
            {
                getNgrams(ref vector);
                int sentence = chunks[row++].Sentence;
                Dictionary<int, float> bag = perSentence[sentence] ??= [];
                ReadOnlySpan<int> indices = vector.GetIndices();
                ReadOnlySpan<float> values = vector.GetValues();
                if (vector.IsDense)
                {
                    for (int i = 0; i < values.Length; i++)
                    {
                        Add(bag, termFrequency, i, values[i]);
                    }
                }
                else
                {
                    for (int i = 0; i < indices.Length; i++)
                    {
                        Add(bag, termFrequency, indices[i], values[i]);
                    }
                }
            }
        }

        var sentenceTerms = new SparseVector[document.Sentences.Count];
        for (int s = 0; s < sentenceTerms.Length; s++)
        {
            sentenceTerms[s] = perSentence[s] is { } bag ? ToSparse(bag) : SparseVector.Empty;
        }

        return new DocumentFeatures(document, chunks, vocabulary, termFrequency, sentenceTerms, models);
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

    private static void Add(Dictionary<int, float> bag, int[] termFrequency, int index, float value)
    {
        if (value == 0)
        {
            return;
        }

        termFrequency[index] += (int)value;
        bag[index] = bag.GetValueOrDefault(index) + value;
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

    /// <summary>One thread's ML.NET context, the n-gram estimator chain, the row schema and the data view over its current rows, made once.</summary>
    private sealed class Pipeline
    {
        public Pipeline()
        {
            Context = new MLContext(seed: 0);
            Schema = SchemaDefinition.Create(typeof(ChunkRow));
            Data = Context.Data.LoadFromEnumerable(Rows, Schema);
            Keys = Context.Transforms.Conversion.MapValueToKey("Keys", nameof(ChunkRow.Tokens));
            Ngrams = Context.Transforms.Text.ProduceNgrams(
                "Ngrams", "Keys", ngramLength: MaxNgramLength, skipLength: 0, useAllLengths: true,
                maximumNgramsCount: 1_000_000, weighting: NgramExtractingEstimator.WeightingCriteria.Tf);
        }

        public MLContext Context { get; }

        public SchemaDefinition Schema { get; }

        public CurrentRows Rows { get; } = new();

        /// <summary>How many documents this pipeline has featurised (see <see cref="DocumentsPerPipeline"/>).</summary>
        public int Documents { get; set; }

        /// <summary>The rows of <see cref="Rows"/> as an ML.NET data view (read afresh by every cursor).</summary>
        public IDataView Data { get; }

        /// <summary>The chain's first estimator: the tokens mapped to keys (the document's vocabulary).</summary>
        public IEstimator<ITransformer> Keys { get; }

        /// <summary>The chain's second estimator: the 1–3-gram counts of the keys.</summary>
        public IEstimator<ITransformer> Ngrams { get; }
    }

    /// <summary>
    /// A data view of <paramref name="source"/> read through <paramref name="mapper"/> on a single cursor: a cursor set is
    /// that one cursor, so ML.NET reads the rows on the calling thread, in order, without splitting them over threads.
    /// </summary>
    private sealed class OneCursorView(IDataView source, IRowToRowMapper mapper) : IDataView
    {
        public bool CanShuffle => false;

        public DataViewSchema Schema => mapper.OutputSchema;

        public long? GetRowCount() => source.GetRowCount();

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        {
            DataViewSchema.Column[] needed = [.. columnsNeeded];
            DataViewRowCursor input = source.GetRowCursor(mapper.GetDependencies(needed));
            return new Cursor(input, mapper.GetRow(input, needed));
        }

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
            => [GetRowCursor(columnsNeeded, rand)];

        /// <summary>The mapped row, moved by the source's cursor.</summary>
        private sealed class Cursor(DataViewRowCursor input, DataViewRow row) : DataViewRowCursor
        {
            public override DataViewSchema Schema => row.Schema;

            public override long Position => input.Position;

            public override long Batch => input.Batch;

            public override bool MoveNext() => input.MoveNext();

            public override bool IsColumnActive(DataViewSchema.Column column) => row.IsColumnActive(column);

            public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => row.GetGetter<TValue>(column);

            public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();

            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    row.Dispose();
                    input.Dispose();
                }

                base.Dispose(disposing);
            }
        }
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;
using TextLens.Core.Features;
using TextLens.Core.Parsing;

/// <summary>The steps of <see cref="TextFeaturizer"/>'s ML.NET path, timed one by one (cold, in a fresh process).</summary>
internal static class Phases
{
    public static void Run(ParsedDocument document, ModelSet models)
    {
        var clock = Clock.Start();
        List<TokenChunk> chunks = TextFeaturizer.FindChunks(document);
        Row[] rows = [.. chunks.Select(c => new Row { Tokens = [.. Enumerable.Range(c.FirstToken, c.TokenCount).Select(t => document.Tokens[t].Lower)] })];
        Console.WriteLine($"rows            {clock.Lap()}");
        var ml = new MLContext(seed: 0);
        Console.WriteLine($"MLContext       {clock.Lap()}");
        SchemaDefinition schema = SchemaDefinition.Create(typeof(Row));
        IEstimator<ITransformer> chain = ml.Transforms.Conversion.Hash("Keys", nameof(Row.Tokens), numberOfBits: TextFeaturizer.TokenHashBits, maximumNumberOfInverts: 0)
            .Append(ml.Transforms.Text.ProduceHashedNgrams("Ngrams", "Keys", numberOfBits: TextFeaturizer.NgramHashBits, ngramLength: TextFeaturizer.MaxNgramLength,
                useAllLengths: true, seed: TextFeaturizer.NgramHashSeed, useOrderedHashing: true, maximumNumberOfInverts: 0));
        Console.WriteLine($"estimator       {clock.Lap()}");
        ITransformer model = chain.Fit(ml.Data.LoadFromEnumerable(Array.Empty<Row>(), schema));
        Console.WriteLine($"fit (empty)     {clock.Lap()}   once per process");
        IDataView data = ml.Data.LoadFromEnumerable(rows, schema);
        IRowToRowMapper mapper = model.GetRowToRowMapper(data.Schema);
        Console.WriteLine($"view + mapper   {clock.Lap()}   once per thread");
        DataViewSchema.Column[] columns = [mapper.OutputSchema["Keys"], mapper.OutputSchema["Ngrams"]];
        int n = 0;
        using (DataViewRowCursor cursor = data.GetRowCursor(mapper.GetDependencies(columns)))
        using (DataViewRow row = mapper.GetRow(cursor, columns))
        {
            ValueGetter<VBuffer<float>> getNgrams = row.GetGetter<VBuffer<float>>(columns[1]);
            VBuffer<float> v = default;
            while (cursor.MoveNext())
            {
                getNgrams(ref v);
                n += v.GetValues().Length;
            }
        }

        Console.WriteLine($"read rows       {clock.Lap()}  ({n} values)");
        var featurizer = new TextFeaturizer();
        DocumentFeatures f = featurizer.Featurize(document, models);
        Console.WriteLine($"featurize #1    {clock.Lap()}  ({f.Vocabulary.Count} terms; the featurizer's own shared chain and mapper)");
        f = featurizer.Featurize(document, models);
        Console.WriteLine($"featurize #2    {clock.Lap()}");
    }

    private sealed class Row
    {
        public string[] Tokens { get; set; } = [];
    }
}

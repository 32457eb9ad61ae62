using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using TextLens.Core.Features;
using TextLens.Core.Parsing;

/// <summary>The steps of <see cref="TextFeaturizer"/>'s ML.NET path, timed one by one (cold, in a fresh process).</summary>
internal static class Phases
{
    public static void Run(ParsedDocument document)
    {
        var clock = Clock.Start();
        List<TokenChunk> chunks = TextFeaturizer.FindChunks(document);
        Row[] rows = [.. chunks.Select(c => new Row { Tokens = [.. Enumerable.Range(c.FirstToken, c.TokenCount).Select(t => document.Tokens[t].Lower)] })];
        Console.WriteLine($"rows          {clock.Lap()}");
        var ml = new MLContext(seed: 0);
        Console.WriteLine($"MLContext     {clock.Lap()}");
        SchemaDefinition schema = SchemaDefinition.Create(typeof(Row));
        var estimator = ml.Transforms.Conversion.MapValueToKey("Keys", nameof(Row.Tokens))
            .Append(ml.Transforms.Text.ProduceNgrams("Ngrams", "Keys", ngramLength: 3, skipLength: 0, useAllLengths: true,
                maximumNgramsCount: 1_000_000, weighting: NgramExtractingEstimator.WeightingCriteria.Tf));
        Console.WriteLine($"estimator     {clock.Lap()}");
        IDataView data = ml.Data.LoadFromEnumerable(rows, schema);
        Console.WriteLine($"load          {clock.Lap()}");
        var keyModel = ml.Transforms.Conversion.MapValueToKey("Keys", nameof(Row.Tokens)).Fit(data);
        Console.WriteLine($"fit keys      {clock.Lap()}");
        IDataView keyed = keyModel.Transform(data);
        var ngramModel = ml.Transforms.Text.ProduceNgrams("Ngrams", "Keys", ngramLength: 3, skipLength: 0, useAllLengths: true,
                maximumNgramsCount: 1_000_000, weighting: NgramExtractingEstimator.WeightingCriteria.Tf).Fit(keyed);
        Console.WriteLine($"fit ngrams    {clock.Lap()}");
        ITransformer model = estimator.Fit(data);
        Console.WriteLine($"fit chain     {clock.Lap()}");
        IDataView transformed = model.Transform(data);
        Console.WriteLine($"transform     {clock.Lap()}");
        VBuffer<ReadOnlyMemory<char>> names = default;
        transformed.Schema["Ngrams"].GetSlotNames(ref names);
        Console.WriteLine($"slot names    {clock.Lap()}  ({names.Length})");
        int n = 0;
        foreach (VBuffer<float> v in transformed.GetColumn<VBuffer<float>>("Ngrams"))
        {
            n += v.GetValues().Length;
        }

        Console.WriteLine($"read column   {clock.Lap()}  ({n} values)");
    }

    private sealed class Row
    {
        public string[] Tokens { get; set; } = [];
    }
}

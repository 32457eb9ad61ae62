using System.Buffers.Binary;
using System.IO.Compression;
using TextLens.Core.Analyzers.Stance;

namespace TextLens.Core.Tests.Stance;

/// <summary>The fixed-layout stance model format (TLSM format 3): round trips, reproducible bytes, strict reading.</summary>
public class LinearStanceModelFormatTests
{
    private static readonly string[] ShippedFiles =
    [
        StanceTagger.PolarityModelFile, StanceTagger.PolarityRatingModelFile, StanceTagger.PolarityOrdinalModelFile,
        StanceTagger.SubjectivityModelFile, StanceTagger.SubjectivityOtherModelFile, StanceTagger.SubjectivityGenreModelFile,
        StanceTagger.PolarityOtherModelFile, StanceTagger.PolarityGenreModelFile,
        StanceTagger.EpistemicModelFile,
    ];

    private static LinearStanceModel Sample() => new LinearStanceModel(
        "polarity",
        ["negative", "neutral", "positivé"],
        [0.25f, -0.5f, 0.125f],
        new Dictionary<int, float[]> { [StanceFeaturizer.Dimension - 1] = [1f, 0f, -1f], [40] = [-2f, 0.5f, 3f], [3] = [0f, 0f, 1e-7f] })
        .WithClassValues([-1.5, 0, 1.5]);

    private static byte[] Bytes(LinearStanceModel model)
    {
        using var buffer = new MemoryStream();
        model.Save(buffer);
        return buffer.ToArray();
    }

    private static LinearStanceModel Read(byte[] bytes) => LinearStanceModel.Load(new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true));

    [Fact]
    public void A_model_survives_a_round_trip_with_the_same_predictions_and_the_same_bytes()
    {
        LinearStanceModel model = Sample();
        byte[] saved = Bytes(model);
        LinearStanceModel loaded = Read(saved);

        Assert.Equal("polarity", loaded.Axis);
        Assert.Equal(model.Classes, loaded.Classes);
        Assert.Equal(model.ClassValues!, loaded.ClassValues!);
        Assert.Equal(3, loaded.NonZeroFeatures);
        int[] indices = [2, 3, 40, 41, StanceFeaturizer.Dimension - 1];
        float[] values = [5f, 0.5f, 0.25f, 9f, 2f];
        Assert.Equal(model.Predict(indices, values), loaded.Predict(indices, values));
        Assert.Equal(model.Expected(indices, values), loaded.Expected(indices, values));
        Assert.Equal(saved, Bytes(loaded));
        Assert.Equal(saved, Bytes(Sample()));
        Assert.Equal("TLSM"u8.ToArray(), saved[..4]);
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(saved.AsSpan(4)));
    }

    [Fact]
    public void A_model_that_reads_the_sentence_embedding_says_so_in_its_file()
    {
        LinearStanceModel model = Sample().WithDocumentContext().WithEmbeddings();
        LinearStanceModel loaded = Read(Bytes(model));
        Assert.True(loaded.ReadsEmbeddings);
        Assert.True(loaded.ReadsDocument);
        Assert.False(loaded.ReadsSourceStance);
        Assert.False(Read(Bytes(Sample())).ReadsEmbeddings);
        Assert.Equal(Bytes(model), Bytes(loaded));
    }

    [Fact]
    public void The_shipped_polarity_models_do_not_read_the_sentence_embedding_so_the_tool_never_loads_it()
    {
        // The embedding was tried and not shipped (models/stance-polarity.md): the table is not in models/ and must not be needed.
        StanceTagger tagger = TestModels.Set.Stance;
        Assert.False(tagger.NeedsEmbeddings);
        Assert.Null(tagger.Embeddings);
        Assert.False(File.Exists(TestPaths.Repo("models", TextLens.Core.Features.SentenceEmbeddings.FileName)));
    }

    [Fact]
    public void Each_feature_reads_its_own_weight_row_across_the_whole_feature_space()
    {
        // Rows on both sides of 64-slot word boundaries, the first and the last slot, and dense runs: the regression
        // scores are the bias plus each present feature's weight times its value, in feature order.
        int[] rowSlots = [0, 1, 62, 63, 64, 65, 127, 128, 129, 4095, 4096, 70_000, StanceFeaturizer.Dimension - 2, StanceFeaturizer.Dimension - 1];
        var weights = rowSlots.Select((slot, i) => (slot, w: (float)(i + 1) / 8)).ToDictionary(x => x.slot, x => new[] { x.w });
        LinearStanceModel built = new("polarity", ["score"], [0.5f], weights, regression: true);
        LinearStanceModel loaded = Read(Bytes(built));
        var random = new Random(7);
        for (int trial = 0; trial < 200; trial++)
        {
            int[] indices = [.. Enumerable.Range(0, 12).Select(_ => random.Next(3) == 0 ? random.Next(StanceFeaturizer.Dimension) : rowSlots[random.Next(rowSlots.Length)]).Distinct().Order()];
            float[] values = [.. indices.Select(_ => (float)random.Next(1, 9) / 4)];
            double expected = 0.5f;
            for (int i = 0; i < indices.Length; i++)
            {
                expected += weights.TryGetValue(indices[i], out float[]? row) ? row[0] * values[i] : 0;
            }

            Assert.Equal(expected, built.Predict(indices, values)[0]);
            Assert.Equal(expected, loaded.Predict(indices, values)[0]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => new LinearStanceModel("polarity", ["score"], [0f], new Dictionary<int, float[]> { [StanceFeaturizer.Dimension] = [1f] }, regression: true));
    }

    [Fact]
    public void A_feature_without_a_weight_row_adds_nothing()
    {
        LinearStanceModel model = Read(Bytes(Sample()));
        Assert.Equal(model.Predict([], []), model.Predict([2, 41, 1000], [1f, 1f, 1f]));
        Assert.NotEqual(model.Predict([], []), model.Predict([40], [1f]));
    }

    [Fact]
    public void Every_shipped_stance_model_is_format_3_and_saves_to_exactly_its_own_bytes()
    {
        foreach (string file in ShippedFiles)
        {
            byte[] shipped = File.ReadAllBytes(TestPaths.Repo("models", file));
            LinearStanceModel model = Read(shipped);
            Assert.True(model.NonZeroFeatures > 1000, file);
            Assert.Equal(shipped, Bytes(model));
        }
    }

    [Fact]
    public void A_model_cut_short_anywhere_is_truncated_and_one_with_extra_bytes_is_rejected()
    {
        byte[] saved = Bytes(Sample());
        foreach (int length in new[] { 0, 3, 7, 20, 31, 40, saved.Length / 2, saved.Length - 1 })
        {
            Exception ex = Assert.ThrowsAny<Exception>(() => Read(saved[..length]));
            Assert.True(ex is EndOfStreamException or InvalidDataException, $"{length}: {ex.GetType().Name}");
        }

        Assert.Throws<EndOfStreamException>(() => Read(saved[..^1]));
        InvalidDataException trailing = Assert.Throws<InvalidDataException>(() => Read([.. saved, 0]));
        Assert.Contains("trailing", trailing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_slots_out_of_order_and_the_old_gzip_format_are_rejected()
    {
        byte[] saved = Bytes(Sample());
        byte[] future = (byte[])saved.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(future.AsSpan(4), 4);
        Assert.Contains("format 3", Assert.Throws<InvalidDataException>(() => Read(future)).Message, StringComparison.Ordinal);

        // The slots follow the header, the names block, the class values and the biases; swap the first two.
        int names = BinaryPrimitives.ReadInt32LittleEndian(saved.AsSpan(28));
        int slotsAt = 32 + names + (3 * sizeof(double)) + 16;
        Assert.Equal(3, BinaryPrimitives.ReadInt32LittleEndian(saved.AsSpan(slotsAt)));
        byte[] unordered = (byte[])saved.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(unordered.AsSpan(slotsAt), 40);
        BinaryPrimitives.WriteInt32LittleEndian(unordered.AsSpan(slotsAt + 4), 3);
        Assert.Contains("out of order", Assert.Throws<InvalidDataException>(() => Read(unordered)).Message, StringComparison.Ordinal);

        using var gzip = new MemoryStream();
        using (var gz = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(saved);
        }

        Assert.Contains("earlier format", Assert.Throws<InvalidDataException>(() => Read(gzip.ToArray())).Message, StringComparison.Ordinal);
    }
}

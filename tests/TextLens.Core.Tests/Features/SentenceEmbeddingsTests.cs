using System.Text;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Features;

namespace TextLens.Core.Tests.Features;

public class SentenceEmbeddingsTests
{
    private const string Tsv = "#N_DOCS\t100\tsource=test\nterm\tdf\nplay\t50\nplaying\t10\nthe\t99\nbudget\t5\n";

    private static readonly BackgroundFrequencies Background = BackgroundFrequencies.LoadTsv(new MemoryStream(Encoding.UTF8.GetBytes(Tsv)), compressed: false);

    /// <summary>A three-dimensional table: "play" and "##ing" point along x and y, "un" and "##able" along z.</summary>
    private static SentenceEmbeddings Tiny()
    {
        string[] tokens = ["[UNK]", "play", "##ing", "un", "##play", "##able", "budget"];
        float[] vectors =
        [
            0, 0, 0,
            1, 0, 0,
            0, 1, 0,
            0, 0, 1,
            1, 0, 0,
            0, 0, 0.5f,
            0, -2, 0,
        ];
        using var buffer = new MemoryStream();
        SentenceEmbeddings.Write(buffer, tokens, vectors, 3);
        buffer.Position = 0;
        return SentenceEmbeddings.Load(buffer, Background);
    }

    [Fact]
    public void Words_are_split_as_bert_uncased_splits_them()
    {
        Assert.Equal(
            ["cafe", "'", "s", "u", ".", "s", ".", "budget", "—", "cut", "$", "1", ",", "000"],
            SentenceEmbeddings.Words("Café's U.S. budget—cut $1,000"));
    }

    [Fact]
    public void Words_are_split_into_the_longest_pieces_from_the_left()
    {
        SentenceEmbeddings table = Tiny();
        Span<int> pieces = stackalloc int[SentenceEmbeddings.MaxWordLength];
        Assert.Equal(2, table.Split("playing", pieces));
        Assert.Equal([1, 2], pieces[..2].ToArray());
        Assert.Equal(3, table.Split("unplayable", pieces));
        Assert.Equal([3, 4, 5], pieces[..3].ToArray());

        // No split, a continuation piece alone, and a word past BERT's length limit add nothing.
        Assert.Equal(0, table.Split("xyz", pieces));
        Assert.Equal(0, table.Split("able", pieces));
        Assert.Equal(0, table.Split("play" + new string('s', 200), pieces));
    }

    [Fact]
    public void A_sentence_vector_is_the_idf_weighted_mean_of_its_pieces_at_unit_length()
    {
        SentenceEmbeddings table = Tiny();

        // "playing" has two pieces (x and y), each with half of the word's IDF: equal parts, so the unit vector is (1, 1, 0)/√2.
        float[] v = table.Embed("Playing!");
        Assert.Equal(1 / Math.Sqrt(2), v[0], 3);
        Assert.Equal(1 / Math.Sqrt(2), v[1], 3);
        Assert.Equal(0, v[2], 3);

        // A rarer word weighs more: "budget" (df 5) against "play" (df 50).
        float[] w = table.Embed("play budget");
        double play = Background.Idf(50);
        double budget = Background.Idf(5) * 2;
        double norm = Math.Sqrt((play * play) + (budget * budget));
        Assert.Equal(play / norm, w[0], 2);
        Assert.Equal(-budget / norm, w[1], 2);

        // Nothing known: all zeros, not NaN.
        Assert.All(table.Embed("xyz ... ??"), x => Assert.Equal(0, x));
        Assert.Equal(table.Embed("Playing budget"), table.Embed("Playing budget"));
    }

    [Theory]
    [InlineData(0, "bad magic")]
    [InlineData(1, "truncated")]
    [InlineData(2, "trailing")]
    public void A_damaged_table_is_refused(int damage, string what)
    {
        using var buffer = new MemoryStream();
        SentenceEmbeddings.Write(buffer, ["a", "b"], [1, 0, 0, 1], 2);
        byte[] bytes = buffer.ToArray();
        bytes = damage switch
        {
            0 => [.. "XXXX"u8.ToArray(), .. bytes[4..]],
            1 => bytes[..(bytes.Length - 3)],
            _ => [.. bytes, 0],
        };
        Exception ex = Assert.ThrowsAny<Exception>(() => SentenceEmbeddings.Load(new MemoryStream(bytes), Background));
        Assert.True(ex is InvalidDataException or EndOfStreamException, what);
    }

    [Fact]
    public void A_model_folder_without_the_table_names_it_when_a_model_needs_it()
    {
        string folder = Path.Combine(Path.GetTempPath(), "textlens-emb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var models = new ModelSet(folder);
            ModelLoadException ex = Assert.Throws<ModelLoadException>(() => models.Embeddings);
            Assert.Equal(SentenceEmbeddings.FileName, ex.FileName);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Related_sentences_lie_closer_than_unrelated_ones()
    {
        SentenceEmbeddings table = Tiny();
        Assert.True(Cosine(table.Embed("playing"), table.Embed("play")) > Cosine(table.Embed("playing"), table.Embed("unplayable")));
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }
}

using System.Text;
using TextLens.Core.Features;

namespace TextLens.Core.Tests.Features;

public class BackgroundFrequenciesTests
{
    [Theory]
    [InlineData("said", 19600, 3.18)]
    [InlineData("korea", 2232, 5.35)]
    [InlineData("abduction", 187, 7.83)]
    [InlineData("remittance", 46, 9.21)]
    public void Shipped_table_matches_the_published_document_frequencies(string term, int df, double idf)
    {
        BackgroundFrequencies table = TestModels.Set.Background;
        Assert.Equal(173_701, table.DocumentCount);
        Assert.Equal(663_574, table.Count);
        Assert.Equal(df, table.DocumentFrequency(term));
        Assert.Equal(idf, table.Idf(table.DocumentFrequency(term)), 2);
    }

    [Fact]
    public void Tsv_and_binary_forms_agree()
    {
        const string tsv = "#N_DOCS\t100\tsource=test\nterm\tdf\nthe\t99\nnorth\t20\nkorea\t10\nnorth korea\t8\n";
        BackgroundFrequencies fromTsv = BackgroundFrequencies.LoadTsv(new MemoryStream(Encoding.UTF8.GetBytes(tsv)), compressed: false);
        using var buffer = new MemoryStream();
        fromTsv.WriteBinary(buffer);
        buffer.Position = 0;
        BackgroundFrequencies fromBinary = BackgroundFrequencies.ReadBinary(buffer);
        foreach (string term in new[] { "the", "north", "korea", "north korea", "missing" })
        {
            Assert.Equal(fromTsv.DocumentFrequency(term), fromBinary.DocumentFrequency(term));
        }

        Assert.Equal(8, fromBinary.DocumentFrequency("north korea"));
        Assert.Equal(0, fromBinary.DocumentFrequency("missing"));
        Assert.Equal(fromBinary.Idf(8), fromBinary.PhraseIdf(["North", "Korea"]));
        Assert.Equal(fromBinary.Idf(8), fromBinary.PhraseIdf(["north-korea"]));
        Assert.Equal(fromBinary.Idf(0), fromBinary.PhraseIdf(["unknown", "words"]));
    }

    [Fact]
    public void Phrase_idf_is_the_same_double_as_joining_normalising_and_splitting_the_words()
    {
        // PhraseIdf hashes the normalised words in place; the reference builds the strings as it did before: join, normalise,
        // split, and look up each bigram (or the unigram) by its string. Mixed case, punctuation, empty and non-ASCII words,
        // runs longer than the stack buffer.
        BackgroundFrequencies table = TestModels.Set.Background;
        string[] pool = ["North", "Korea", "korea's", "U.S.", "Jong-un", "", " ", "--", "said", "abduction", "remittance", "Kim",
            "the", "of", "Ünited", "KELVIN\u212A", "2001", "a1b2", "’s", "new", "york", "times", "...", "x"];
        var random = new Random(11);
        List<string[]> phrases =
        [
            [], [""], ["..."], ["North", "Korea"], ["north-korea"], ["unknown", "words"], [new string('a', 300)],
            [.. Enumerable.Repeat("new york", 60)], [string.Join(" ", Enumerable.Repeat("ab.", 200))],
        ];
        for (int i = 0; i < 400; i++)
        {
            phrases.Add([.. Enumerable.Range(0, random.Next(1, 6)).Select(_ => pool[random.Next(pool.Length)])]);
        }

        foreach (string[] words in phrases)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(ReferencePhraseIdf(table, words)), BitConverter.DoubleToInt64Bits(table.PhraseIdf(words)));
        }
    }

    private static double ReferencePhraseIdf(BackgroundFrequencies table, IReadOnlyList<string> words)
    {
        string[] parts = BackgroundFrequencies.Normalize(string.Join(' ', words)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return table.MaxIdf;
        }

        if (parts.Length == 1)
        {
            return table.Idf(table.DocumentFrequency(parts[0]));
        }

        double sum = 0;
        for (int i = 0; i + 1 < parts.Length; i++)
        {
            int df = table.DocumentFrequency(parts[i] + " " + parts[i + 1]);
            sum += table.Idf(df == 0
                ? Math.Min(BackgroundFrequencies.MissingBigramDf, Math.Min(table.DocumentFrequency(parts[i]), table.DocumentFrequency(parts[i + 1])))
                : df);
        }

        return sum / (parts.Length - 1);
    }

    [Fact]
    public void Corrupt_binary_is_rejected()
    {
        Assert.Throws<InvalidDataException>(() => BackgroundFrequencies.ReadBinary(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])));
    }

    [Fact]
    public void Binary_form_round_trips_byte_for_byte_and_rejects_truncation_trailing_bytes_and_disorder()
    {
        byte[] bytes = SmallTableBytes();
        using var again = new MemoryStream();
        BackgroundFrequencies.ReadBinary(new MemoryStream(bytes)).WriteBinary(again);
        Assert.Equal(bytes, again.ToArray());

        // 16-byte header ("TDF2", N, count, 0), then 4 hashes of 8 bytes, then 4 dfs of 4 bytes.
        Assert.Equal(16 + (4 * 12), bytes.Length);
        Assert.Throws<EndOfStreamException>(() => BackgroundFrequencies.ReadBinary(new MemoryStream(bytes[..^1])));
        Assert.Throws<InvalidDataException>(() => BackgroundFrequencies.ReadBinary(new MemoryStream([.. bytes, 0])));

        byte[] swapped = (byte[])bytes.Clone();
        bytes.AsSpan(16, 8).CopyTo(swapped.AsSpan(24, 8));
        bytes.AsSpan(24, 8).CopyTo(swapped.AsSpan(16, 8));
        Assert.Throws<InvalidDataException>(() => BackgroundFrequencies.ReadBinary(new MemoryStream(swapped)));

        byte[] version1 = (byte[])bytes.Clone();
        version1[3] = (byte)'1';
        InvalidDataException old = Assert.Throws<InvalidDataException>(() => BackgroundFrequencies.ReadBinary(new MemoryStream(version1)));
        Assert.Contains("of this version", old.Message);
    }

    [Fact]
    public void Shipped_table_is_what_train_background_writes_from_the_published_tsv()
    {
        string tsv = TextLens.Testing.SharedData.RequireOrSkip("data", "background", "df-wiki.tsv");
        BackgroundFrequencies table;
        using (FileStream input = File.OpenRead(tsv))
        {
            table = BackgroundFrequencies.LoadTsv(input, compressed: false);
        }

        using var written = new MemoryStream();
        table.WriteBinary(written);
        Assert.Equal(File.ReadAllBytes(TestModels.Set.PathOf(BackgroundFrequencies.FileName)), written.ToArray());
    }

    private static byte[] SmallTableBytes()
    {
        const string tsv = "#N_DOCS\t100\tsource=test\nterm\tdf\nthe\t99\nnorth\t20\nkorea\t10\nnorth korea\t8\n";
        using var buffer = new MemoryStream();
        BackgroundFrequencies.LoadTsv(new MemoryStream(Encoding.UTF8.GetBytes(tsv)), compressed: false).WriteBinary(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void Normalisation_matches_the_table_tokeniser()
    {
        Assert.Equal("jong un", BackgroundFrequencies.Normalize("Jong-un"));
        Assert.Equal("u s", BackgroundFrequencies.Normalize("U.S."));
        Assert.Equal("korea s", BackgroundFrequencies.Normalize("Korea’s"));
    }
}

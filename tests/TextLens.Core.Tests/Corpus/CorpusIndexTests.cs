using TextLens.Core.Corpus;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Corpus;

/// <summary>The corpus index: its terms, round trip through the file form, merge, determinism, and files it must refuse.</summary>
public class CorpusIndexTests
{
    private static readonly CorpusIndexer Indexer = new(TestModels.Set);

    private static CorpusDocument Seed(string name) =>
        Indexer.Index(SourceText.From(File.ReadAllText(Path.Combine(TestPaths.Seeds, name)), "seeds/" + name));

    private static CorpusDocument[] Seeds() =>
        [.. Directory.GetFiles(TestPaths.Seeds).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(n => Seed(n!))];

    [Fact]
    public void Terms_are_content_words_and_two_word_phrases_from_the_shared_featurisation()
    {
        CorpusDocument doc = Seed("crs-if10753-energy-star-program.md");

        Assert.Equal("seeds/crs-if10753-energy-star-program.md", doc.Id);
        Assert.Equal("crs-if10753-energy-star-program", doc.Name);
        Assert.True(doc.Words > 500);
        Dictionary<string, int> counts = doc.Terms.ToDictionary(t => t.Term, t => t.Count, StringComparer.Ordinal);
        Assert.True(counts["energy star"] >= 10, $"'energy star' counted {counts.GetValueOrDefault("energy star")} times");
        Assert.Contains("epa", counts.Keys);
        Assert.DoesNotContain("the", counts.Keys);
        Assert.DoesNotContain(counts.Keys, t => t.StartsWith("the ", StringComparison.Ordinal) || t.EndsWith(" of", StringComparison.Ordinal));
        Assert.DoesNotContain(counts.Keys, t => t.Count(c => c == ' ') > 1);
        Assert.Equal(doc.Terms.Select(t => t.Term).Order(StringComparer.Ordinal), doc.Terms.Select(t => t.Term));
    }

    [Fact]
    public void Round_trip_through_the_file_keeps_every_document_term_and_frequency()
    {
        CorpusIndex index = CorpusIndex.Build(Seeds());

        byte[] bytes = CorpusIndexFormat.Write(index);
        CorpusIndex read = CorpusIndexFormat.Read(bytes);

        Assert.Equal(3, read.Documents.Count);
        Assert.Equal(index.Terms, read.Terms);
        Assert.Equal(index.DocumentFrequency, read.DocumentFrequency);
        Assert.Equal(index.ToDocuments().Select(Describe), read.ToDocuments().Select(Describe));
        Assert.Equal(bytes, CorpusIndexFormat.Write(read));
        int energyStar = read.Terms.ToList().IndexOf("energy star");
        Assert.Equal(1, read.DocumentFrequency[energyStar]);
    }

    [Fact]
    public void Bytes_do_not_depend_on_the_order_documents_arrive_in()
    {
        CorpusDocument[] docs = Seeds();

        byte[] forward = CorpusIndexFormat.Write(CorpusIndex.Build(docs));
        byte[] backward = CorpusIndexFormat.Write(CorpusIndex.Build(docs.Reverse()));
        byte[] again = CorpusIndexFormat.Write(CorpusIndex.Build(Seeds()));

        Assert.Equal(forward, backward);
        Assert.Equal(forward, again);
    }

    [Fact]
    public void Merging_two_indexes_gives_the_bytes_of_one_index_of_their_union()
    {
        CorpusDocument[] docs = Seeds();
        CorpusIndex first = CorpusIndexFormat.Read(CorpusIndexFormat.Write(CorpusIndex.Build(docs[..1])));
        CorpusIndex second = CorpusIndexFormat.Read(CorpusIndexFormat.Write(CorpusIndex.Build(docs[1..])));

        byte[] merged = CorpusIndexFormat.Write(CorpusIndex.Merge([second, first]));

        Assert.Equal(CorpusIndexFormat.Write(CorpusIndex.Build(docs)), merged);
    }

    [Fact]
    public void A_document_in_both_indexes_is_refused()
    {
        CorpusDocument[] docs = Seeds();
        CorpusIndex a = CorpusIndex.Build(docs[..2]);
        CorpusIndex b = CorpusIndex.Build(docs[1..]);

        var ex = Assert.Throws<CorpusIndexException>(() => CorpusIndex.Merge([a, b]));

        Assert.Contains(docs[1].Id, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_index_round_trips()
    {
        CorpusIndex empty = CorpusIndex.Build([]);

        CorpusIndex read = CorpusIndexFormat.Read(CorpusIndexFormat.Write(empty));

        Assert.Empty(read.Documents);
        Assert.Empty(read.Terms);
    }

    [Fact]
    public void Every_truncation_of_an_index_is_refused_as_truncated_or_corrupt()
    {
        byte[] bytes = CorpusIndexFormat.Write(CorpusIndex.Build(Seeds()[..1]));

        for (int length = 0; length < bytes.Length; length += Math.Max(1, length / 7))
        {
            var ex = Assert.Throws<CorpusIndexException>(() => CorpusIndexFormat.Read(bytes.AsSpan(0, length)));
            Assert.Matches("truncated|corrupt|not a TextLens corpus index", ex.Message);
        }
    }

    [Fact]
    public void A_changed_byte_anywhere_is_refused()
    {
        byte[] bytes = CorpusIndexFormat.Write(CorpusIndex.Build(Seeds()[..1]));

        for (int at = 6; at < bytes.Length; at += 97)
        {
            byte[] bad = (byte[])bytes.Clone();
            bad[at] ^= 0x5A;
            Assert.Throws<CorpusIndexException>(() => CorpusIndexFormat.Read(bad));
        }
    }

    [Fact]
    public void Another_format_version_or_magic_number_or_trailing_bytes_are_named()
    {
        byte[] bytes = CorpusIndexFormat.Write(CorpusIndex.Build(Seeds()[..1]));

        byte[] version = (byte[])bytes.Clone();
        version[4] = 9;
        Assert.Contains("format version 9; this TextLens reads version 1", Assert.Throws<CorpusIndexException>(() => CorpusIndexFormat.Read(version)).Message, StringComparison.Ordinal);

        byte[] text = "The committee met on Tuesday."u8.ToArray();
        Assert.Contains("not a TextLens corpus index", Assert.Throws<CorpusIndexException>(() => CorpusIndexFormat.Read(text)).Message, StringComparison.Ordinal);

        byte[] longer = [.. bytes, 0];
        Assert.Throws<CorpusIndexException>(() => CorpusIndexFormat.Read(longer));
    }

    [Fact]
    public void The_file_loader_names_the_file_and_bounds_the_read()
    {
        using var dir = new TempFolder();
        string good = dir.Write("corpus.tlx", CorpusIndexFormat.Write(CorpusIndex.Build(Seeds()[..1])));
        string truncated = dir.Write("short.tlx", File.ReadAllBytes(good)[..40]);

        Assert.Single(CorpusIndexFile.Load(good).Documents);
        Assert.True(CorpusIndexFile.LooksLikeIndex(good));
        Assert.False(CorpusIndexFile.LooksLikeIndex(dir.Path));

        string tooLarge = Assert.Throws<CorpusIndexException>(() => CorpusIndexFile.Load(good, maxBytes: 100)).Message;
        Assert.Contains(good, tooLarge, StringComparison.Ordinal);
        Assert.Contains("larger than 100 bytes", tooLarge, StringComparison.Ordinal);
        Assert.Contains($"corpus index '{truncated}' is truncated", Assert.Throws<CorpusIndexException>(() => CorpusIndexFile.Load(truncated)).Message, StringComparison.Ordinal);
        Assert.Contains("is a directory", Assert.Throws<CorpusIndexException>(() => CorpusIndexFile.Load(dir.Path)).Message, StringComparison.Ordinal);
        Assert.Contains("cannot be read", Assert.Throws<CorpusIndexException>(() => CorpusIndexFile.Load(Path.Combine(dir.Path, "missing.tlx"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_is_checked_for_the_magic_before_it_is_read_whole()
    {
        byte[] index = CorpusIndexFormat.Write(CorpusIndex.Build(Seeds()[..1]));

        // Seekable or not (a pipe), the index reads the same, and the limit still counts the whole file.
        Assert.Equal(index, CorpusIndexFormat.Write(CorpusIndexFile.Load(new MemoryStream(index), "a.tlx")));
        Assert.Equal(index, CorpusIndexFormat.Write(CorpusIndexFile.Load(new PipeStream(new MemoryStream(index)), "a.tlx")));
        Assert.Contains("larger than 100 bytes", Assert.Throws<CorpusIndexException>(() => CorpusIndexFile.Load(new PipeStream(new MemoryStream(index)), "a.tlx", maxBytes: 100)).Message, StringComparison.Ordinal);
        Assert.Equal(index.Length, CorpusIndexFormat.Write(CorpusIndexFile.Load(new PipeStream(new MemoryStream(index)), "a.tlx", maxBytes: index.Length)).Length);

        // Something else fails at its first bytes: an endless stream is not read on.
        var endless = new PipeStream();
        Assert.Contains("'zero' is not a TextLens corpus index", Assert.Throws<CorpusIndexException>(() => CorpusIndexFile.Load(endless, "zero")).Message, StringComparison.Ordinal);
        Assert.True(endless.Served <= 4, $"read {endless.Served} bytes");
    }

    private static string Describe(CorpusDocument d) => $"{d.Id} {d.Words} {string.Join(",", d.Terms.Select(t => $"{t.Term}={t.Count}"))}";

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("textlens-corpus-").FullName;

        public string Write(string name, byte[] bytes)
        {
            string path = System.IO.Path.Combine(Path, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

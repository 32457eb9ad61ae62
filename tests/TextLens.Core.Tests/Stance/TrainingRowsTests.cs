using System.IO.Compression;
using TextLens.Core.Analyzers.Stance;
using TextLens.Testing;
using TextLens.Training;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The fingerprint of a stance model's training rows (<see cref="TrainingRows"/>), which 'eval stance' reads to say that a
/// figure on the model's own training rows is an in-sample fit.
/// </summary>
public class TrainingRowsTests
{
    private static readonly string MoreFile = RepositoryPaths.Combine("data", "stance", "crs_more.jsonl");

    private static byte[] Bytes(TrainingRows rows)
    {
        using var stream = new MemoryStream();
        rows.Save(stream);
        return stream.ToArray();
    }

    /// <summary>The bytes through a stream that cannot seek (gzip's, decompressing).</summary>
    private static Stream Unseekable(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        compressed.Position = 0;
        return new GZipStream(compressed, CompressionMode.Decompress);
    }

    [Fact]
    public void A_fingerprint_knows_its_rows_across_white_space_and_reads_back_the_same()
    {
        TrainingRows rows = TrainingRows.Of(["The House passed H.R. 1156.", "Chongryon membership has also declined.", "The House passed H.R. 1156."]);
        Assert.Equal(2, rows.Count);
        Assert.True(rows.Contains("The House passed H.R. 1156."));
        Assert.True(rows.Contains("  The House\npassed  H.R.\t1156. "));
        Assert.False(rows.Contains("The House passed H.R. 1157."));
        Assert.False(rows.Contains("TheHouse passed H.R. 1156."));

        byte[] bytes = Bytes(rows);
        Assert.Equal(12 + (2 * 8), bytes.Length);
        TrainingRows back = TrainingRows.Read(new MemoryStream(bytes));
        Assert.True(back.Contains("Chongryon membership has also declined."));
        Assert.Equal(bytes, Bytes(back));

        // The order of the texts does not change the file.
        Assert.Equal(bytes, Bytes(TrainingRows.Of(["Chongryon membership has also declined.", "The House passed H.R. 1156."])));
        Assert.Equal("models/stance-polarity.rows", TrainingRows.PathFor("models/stance-polarity.tlsm"));
    }

    [Fact]
    public void A_file_that_is_not_a_fingerprint_is_refused_with_the_reason()
    {
        byte[] good = Bytes(TrainingRows.Of(["a", "b", "c"]));

        byte[] magic = [.. good];
        magic[0] = (byte)'X';
        Assert.Contains("TLRW", Assert.Throws<InvalidDataException>(() => TrainingRows.Read(new MemoryStream(magic))).Message, StringComparison.Ordinal);

        byte[] version = [.. good];
        version[4] = 9;
        Assert.Contains("version is 9", Assert.Throws<InvalidDataException>(() => TrainingRows.Read(new MemoryStream(version))).Message, StringComparison.Ordinal);

        byte[] count = [.. good];
        count[11] = 0x7f;
        Assert.Contains("more than its length", Assert.Throws<InvalidDataException>(() => TrainingRows.Read(new MemoryStream(count))).Message, StringComparison.Ordinal);

        byte[] unsorted = [.. good];
        Array.Copy(good, 12, unsorted, 20, 8);
        Array.Copy(good, 20, unsorted, 12, 8);
        Assert.Contains("ascending", Assert.Throws<InvalidDataException>(() => TrainingRows.Read(new MemoryStream(unsorted))).Message, StringComparison.Ordinal);

        // Cut short: a file whose length is known says so before reading; a stream that cannot tell runs out.
        Assert.Contains("more than its length", Assert.Throws<InvalidDataException>(() => TrainingRows.Read(new MemoryStream(good[..^3]))).Message, StringComparison.Ordinal);
        Assert.Throws<EndOfStreamException>(() => TrainingRows.Read(Unseekable(good[..^3])));
        Assert.Throws<EndOfStreamException>(() => TrainingRows.Read(new MemoryStream(good[..5])));

        // A stream that cannot tell its length and claims two billion rows reads what is there, without allocating ahead.
        byte[] huge = [.. good];
        huge[11] = 0x7f;
        Assert.Throws<EndOfStreamException>(() => TrainingRows.Read(Unseekable(huge)));
    }

    [Fact]
    public void Training_fingerprints_the_rows_it_fits_and_leaves_out_rows_without_the_axis_label()
    {
        IReadOnlyList<StanceItem> items = StanceEvaluation.ReadJsonl(new[]
        {
            """{"id": "a", "text": "The court denied the motion.", "label": "neutral"}""",
            """{"id": "b", "text": "Costs rose sharply.", "polarity": "negative"}""",
            """{"id": "c", "text": "A row labelled on another axis only.", "subjectivity": "objective"}""",
        });
        string[] texts = [.. StanceTrainer.TrainedTexts(StanceAxis.Polarity, items)];
        Assert.Equal(["The court denied the motion.", "Costs rose sharply."], texts);
    }

    [Fact]
    public void Dropping_a_label_leaves_out_that_class_only_and_keeps_the_document_context()
    {
        IReadOnlyList<StanceItem> items = StanceEvaluation.ReadJsonl(new[]
        {
            """{"id": "r-x1", "doc": "r", "text": "The program helps rural hospitals.", "polarity": "positive"}""",
            """{"id": "r-x2", "doc": "r", "prev": "The program helps rural hospitals.", "text": "Costs rose sharply.", "polarity": "negative"}""",
            """{"id": "r-x3", "doc": "r", "prev": "Costs rose sharply.", "text": "The court denied the motion.", "label": " Neutral "}""",
            """{"id": "r-x4", "doc": "r", "prev": "The court denied the motion.", "text": "A row labelled on another axis only.", "subjectivity": "objective"}""",
        });
        IReadOnlyList<StanceItem> kept = StanceTrainer.WithoutLabel(StanceAxis.Polarity, items, "positive");
        Assert.Equal(["r-x2", "r-x3", "r-x4"], kept.Select(i => i.Id));
        Assert.Equal(["Costs rose sharply.", "The court denied the motion."], StanceTrainer.TrainedTexts(StanceAxis.Polarity, kept));
        // The kept rows read the whole document, the dropped row's sentence included.
        Assert.Same(items[1].Document, kept[0].Document);
        Assert.NotNull(kept[0].Document);

        Assert.Equal(["r-x1", "r-x2", "r-x4"], StanceTrainer.WithoutLabel(StanceAxis.Polarity, items, "NEUTRAL").Select(i => i.Id));
        Assert.Contains("not a class of the polarity axis", Assert.Throws<ArgumentException>(() => StanceTrainer.WithoutLabel(StanceAxis.Polarity, items, "subjective")).Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The shipped fingerprints are those of the rows the model cards' commands train on (models/stance-*.md, Current
    /// version): `train stance … --rows-only` writes them. The repository's own crs_more.jsonl is among the epistemic rows.
    /// </summary>
    [Theory]
    // Polarity: the thirtieth round's negative stage trains on crs_more.jsonl too (`--negative-stage`), so its rows are listed.
    [InlineData("stance-polarity.rows", "polarity", "analysis_prose_crs.polarity.dev.jsonl", "polarity_nyt_vader.dev.jsonl", true)]
    [InlineData("stance-subjectivity.rows", "subjectivity", "analysis_prose_crs.subjectivity.dev.jsonl", "subjectivity_newssd_eng.dev.jsonl", false)]
    [InlineData("stance-epistemic.rows", "epistemic", "analysis_prose_crs.epistemic.dev.jsonl", null, false)]
    public void The_shipped_fingerprint_is_that_of_the_card_commands_data(string file, string axis, string first, string? second, bool withMore)
    {
        StanceAxis a = Enum.Parse<StanceAxis>(axis, ignoreCase: true);
        List<StanceItem> items = [.. StanceEvaluation.ReadJsonl(SharedData.RequireOrSkip("data", "stance", first))];
        items.AddRange(second is null ? StanceEvaluation.ReadJsonl(MoreFile) : StanceEvaluation.ReadJsonl(SharedData.RequireOrSkip("data", "stance", second)));
        items.AddRange(withMore ? StanceEvaluation.ReadJsonl(MoreFile) : []);
        byte[] expected = Bytes(TrainingRows.Of(StanceTrainer.TrainedTexts(a, items)));
        Assert.Equal(expected, File.ReadAllBytes(RepositoryPaths.Combine("models", file)));
    }
}

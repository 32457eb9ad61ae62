using System.Text.Json;
using TextLens.Testing;
using TextLens.Training.Evaluation;
using TextLens.Training;
using TextLens.Core.Analyzers.Stance;

namespace TextLens.Core.Tests.Stance;

/// <summary>The stance training data the repository ships (<c>data/stance/crs_more.jsonl</c>, card <c>data/stance/README.md</c>).</summary>
public class TrainingDataTests
{
    private static readonly string MoreFile = RepositoryPaths.Combine("data", "stance", "crs_more.jsonl");

    [Fact]
    public void The_shipped_crs_file_is_labelled_on_every_axis_with_the_derived_marks_consistent()
    {
        IReadOnlyList<StanceItem> items = StanceEvaluation.ReadJsonl(MoreFile);
        Assert.Equal(8542, items.Count);
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (StanceItem i in items)
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Doc), i.Id);
            Assert.StartsWith(i.Doc + "-x", i.Id, StringComparison.Ordinal);
            Assert.NotNull(i.Prev);
            string epistemic = i.Label("epistemic")!;
            Assert.Contains(epistemic, StanceTrainer.ClassesOf(StanceAxis.Epistemic));
            Assert.Contains(i.Label("polarity"), StanceTrainer.ClassesOf(StanceAxis.Polarity));
            Assert.Contains(i.Label("subjectivity"), StanceTrainer.ClassesOf(StanceAxis.Subjectivity));
        }

        // The binary marks are derived from the 4-way tag, as in analysis_prose_crs.dev.jsonl.
        foreach (string line in File.ReadLines(MoreFile))
        {
            using var row = JsonDocument.Parse(line);
            JsonElement r = row.RootElement;
            string epistemic = r.GetProperty("epistemic").GetString()!;
            Assert.Equal(epistemic == "hedged" ? "uncertain" : "certain", r.GetProperty("hedged").GetString());
            Assert.Equal(epistemic == "attributed" ? "attributed" : "not_attributed", r.GetProperty("attributed").GetString());
            Assert.Equal(epistemic == "prescriptive" ? "suggestion" : "non_suggestion", r.GetProperty("prescriptive").GetString());
        }

        // The card's one adjudication: questions follow the DEV convention (hedged or asserted, never prescriptive).
        Assert.DoesNotContain(items, i => i.Text.TrimEnd().EndsWith('?') && i.Label("epistemic") == "prescriptive");
    }

    /// <summary>
    /// Step 6 of the card (models/stance-polarity.md, twenty-fifth round): every row the annotators labelled positive was
    /// read again under the DEV convention; 163 of 439 stay positive, 276 are neutral, and each keeps its first label in
    /// <c>polarity_file</c>, which training does not read as a label.
    /// </summary>
    [Fact]
    public void The_files_positive_rows_were_read_again_under_the_dev_convention_and_keep_their_first_label()
    {
        int reread = 0, positive = 0;
        foreach (string line in File.ReadLines(MoreFile))
        {
            using var row = JsonDocument.Parse(line);
            JsonElement r = row.RootElement;
            string polarity = r.GetProperty("polarity").GetString()!;
            if (r.TryGetProperty("polarity_file", out JsonElement first))
            {
                Assert.Equal("positive", first.GetString());
                Assert.Contains(polarity, new[] { "positive", "neutral", "negative" });
                reread++;
                positive += polarity == "positive" ? 1 : 0;
            }
            else
            {
                // No positive label escaped the second reading.
                Assert.NotEqual("positive", polarity);
            }
        }

        Assert.Equal(439, reread);
        Assert.Equal(163, positive);

        // Training reads the adjudicated label: the first one is not among a row's labels.
        IReadOnlyList<StanceItem> items = StanceEvaluation.ReadJsonl(MoreFile);
        Assert.Equal(163, items.Count(i => i.Label("polarity") == "positive"));
        Assert.Equal(7609, items.Count(i => i.Label("polarity") == "neutral"));
        Assert.Equal(770, items.Count(i => i.Label("polarity") == "negative"));
        Assert.DoesNotContain(items, i => i.Label("polarity_file") is not null);
        StanceItem purpose = Assert.Single(items, i => i.Id == "IF13201-x0027");
        Assert.Equal("neutral", purpose.Label("polarity"));
        StanceItem outcome = Assert.Single(items, i => i.Id == "R47194-x0087");
        Assert.Equal("positive", outcome.Label("polarity"));
    }

    [Fact]
    public void The_shipped_crs_file_shares_no_sentence_with_the_dev_set_it_is_scored_against()
    {
        string dev = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.dev.jsonl");
        var devTexts = StanceEvaluation.ReadJsonl(dev).Select(i => (i.Doc, i.Text)).ToHashSet();
        IReadOnlyList<StanceItem> more = StanceEvaluation.ReadJsonl(MoreFile);
        Assert.DoesNotContain(more, i => devTexts.Contains((i.Doc, i.Text)));
        Assert.Equal(devTexts.Select(t => t.Doc).ToHashSet(), more.Select(i => i.Doc).ToHashSet());
    }
}

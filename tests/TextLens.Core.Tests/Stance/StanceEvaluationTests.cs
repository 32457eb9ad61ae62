using System.Globalization;
using System.Text.Json;
using TextLens.Core.Analyzers.Stance;
using TextLens.Training.Evaluation;
using TextLens.Training;

namespace TextLens.Core.Tests.Stance;

public class StanceEvaluationTests
{
    [Fact]
    public void Scorer_matches_hand_computed_figures()
    {
        var gold = new Dictionary<string, string> { ["a"] = "pos", ["b"] = "pos", ["c"] = "neg", ["d"] = "neu" };
        var pred = new Dictionary<string, string> { ["a"] = "pos", ["b"] = "neg", ["c"] = "neg", ["x"] = "pos" };
        ClassificationScore s = StanceScorer.Classify(gold, pred);
        Assert.Equal(0.5, s.Accuracy);
        Assert.Equal(1, s.Missing);
        ClassScore neg = s.PerClass.Single(c => c.Label == "neg");
        Assert.Equal(0.5, neg.Precision);
        Assert.Equal(1.0, neg.Recall);
        Assert.Equal((2 / 3.0 + 2 / 3.0 + 0) / 3, s.MacroF1, 12);
        Assert.Equal([1.5, 1.5, 3], StanceScorer.Ranks([2.0, 2.0, 5.0]));
    }

    /// <summary>Runs the tool on a slice of each DEV set and checks every figure against ../shared/tools/stance_score.py.</summary>
    [Theory]
    [InlineData("polarity", "polarity_nyt_vader", "label")]
    [InlineData("hedged", "hedging_szeged_factbank", "label_nocond")]
    [InlineData("attributed", "attribution_polnear", "label")]
    [InlineData("epistemic", "analysis_prose_crs.epistemic", "label")]
    [InlineData("polarity", "analysis_prose_crs.polarity", "label")]
    [InlineData("subjectivity", "analysis_prose_crs.subjectivity", "label")]
    public void Figures_agree_with_the_reference_scorer(string axisName, string set, string field)
    {
        string data = SharedData.RequireOrSkip("data", "stance", set + ".dev.jsonl");
        SharedData.RequireOrSkip("tools", "stance_score.py");
        SharedData.RequirePythonOrSkip();
        string dir = Directory.CreateTempSubdirectory("textlens-stance-").FullName;
        try
        {
            string gold = Path.Combine(dir, "gold.jsonl");
            File.WriteAllLines(gold, File.ReadLines(data).Take(400));
            StanceAxis axis = Enum.Parse<StanceAxis>(axisName, ignoreCase: true);
            IReadOnlyList<StanceItem> items = StanceEvaluation.ReadJsonl(gold);
            StanceEvaluationResult r = StanceEvaluation.Evaluate(axis, items, TestModels.Set.Stance, field);
            string pred = Path.Combine(dir, "pred.jsonl");
            File.WriteAllLines(pred, r.Predictions.Select(StanceEvaluation.ToJsonLine));

            using JsonDocument reference = RunScorer(gold, pred, field);
            JsonElement c = reference.RootElement.GetProperty("classification");
            Assert.Equal(c.GetProperty("accuracy").GetDouble(), r.Classification.Accuracy, 10);
            Assert.Equal(c.GetProperty("macro_f1").GetDouble(), r.Classification.MacroF1, 10);
            Assert.Equal(c.GetProperty("weighted_f1").GetDouble(), r.Classification.WeightedF1, 10);
            foreach (ClassScore k in r.Classification.PerClass)
            {
                JsonElement e = c.GetProperty("per_class").GetProperty(k.Label);
                Assert.Equal(e.GetProperty("precision").GetDouble(), k.Precision, 10);
                Assert.Equal(e.GetProperty("recall").GetDouble(), k.Recall, 10);
                Assert.Equal(e.GetProperty("f1").GetDouble(), k.F1, 10);
                Assert.Equal(e.GetProperty("support").GetInt32(), k.Support);
            }

            // Correlation needs gold scores (the NYT set has them, the analysis-prose set does not): both scorers agree on whether it exists.
            Assert.Equal(reference.RootElement.TryGetProperty("correlation", out _), r.Correlation is not null);
            if (r.Correlation is not null)
            {
                JsonElement corr = reference.RootElement.GetProperty("correlation");
                Assert.NotNull(r.Correlation);
                // Predictions are written rounded to 4 decimals; the correlation agrees to that precision.
                Assert.Equal(corr.GetProperty("pearson").GetDouble(), r.Correlation.Pearson!.Value, 3);
                Assert.Equal(corr.GetProperty("spearman").GetDouble(), r.Correlation.Spearman!.Value, 3);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Binary_axes_map_to_the_data_sets_labels()
    {
        SentenceStance s = StanceTestSupport.Tag("Officials said the costs may rise.");
        Assert.Equal("uncertain", StanceEvaluation.Predict(StanceAxis.Hedged, "1", s).Label);
        Assert.Equal("attributed", StanceEvaluation.Predict(StanceAxis.Attributed, "1", s).Label);
        Assert.Equal("non_suggestion", StanceEvaluation.Predict(StanceAxis.Prescriptive, "1", s).Label);
        Assert.Contains(StanceEvaluation.Predict(StanceAxis.Polarity, "1", s).Label, new[] { "positive", "neutral", "negative" });
    }

    [Fact]
    public void Model_files_round_trip()
    {
        var model = new LinearStanceModel("polarity", ["negative", "neutral", "positive"], [0.1f, 0f, -0.1f], new Dictionary<int, float[]> { [3] = [1f, 0f, -1f], [40] = [-2f, 0.5f, 2f] });
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        LinearStanceModel loaded = LinearStanceModel.Load(buffer);
        double[] a = model.Predict([3, 40], [0.5f, 1f]);
        double[] b = loaded.Predict([3, 40], [0.5f, 1f]);
        Assert.Equal(a, b);
        Assert.Equal(1.0, a.Sum(), 10);
        Assert.True(a[2] > a[0]);
    }

    [Fact]
    public void Analysis_prose_rows_carry_their_document_and_previous_sentence()
    {
        string data = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.epistemic.dev.jsonl");
        IReadOnlyList<StanceItem> items = [.. StanceEvaluation.ReadJsonl(data).Take(50)];
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.Doc)));
        Assert.Contains(items, i => i.Prev is not null && i.Context.Previous == i.Prev);
        Assert.All(items, i => Assert.Equal("doc:" + i.Doc, StanceTrainer.GroupOf(i)));
    }

    [Fact]
    public void Rows_without_prev_are_tagged_in_isolation()
    {
        using var file = new TempFile("""{"id": "x1", "text": "Overview", "label": "asserted"}""" + "\n");
        StanceItem item = Assert.Single(StanceEvaluation.ReadJsonl(file.Path));
        Assert.Null(item.Prev);
        Assert.Same(StanceContext.None, item.Context);
        Assert.Equal("x1", StanceTrainer.GroupOf(item));
    }

    [Fact]
    public void The_epistemic_axis_scores_the_four_way_tag_and_prints_a_confusion_matrix()
    {
        var items = new[]
        {
            new StanceItem("a", "x", new Dictionary<string, string> { ["label"] = "asserted" }, null),
            new StanceItem("b", "y", new Dictionary<string, string> { ["label"] = "hedged" }, null),
        };
        StanceEvaluationResult r = StanceEvaluation.Score(StanceAxis.Epistemic, items, [new StancePrediction("a", "asserted", null), new StancePrediction("b", "attributed", null)]);
        Assert.Equal(0.5, r.Classification.Accuracy);
        string text = StanceEvaluation.Format(r, "gold.jsonl", 2);
        Assert.Contains("confusion (rows gold, columns predicted):", text, StringComparison.Ordinal);
        Assert.Matches(@"hedged\s+0\s+1\s+0", text);
    }

    [Fact]
    public void Training_is_reproducible_byte_for_byte()
    {
        string data = SharedData.RequireOrSkip("data", "stance", "subjectivity_newssd_eng.dev.jsonl");
        IReadOnlyList<StanceItem> items = [.. StanceEvaluation.ReadJsonl(data).Take(80)];
        byte[] Train()
        {
            LinearStanceModel model = StanceTrainer.Train(StanceAxis.Subjectivity, items, new StanceTrainingOptions(), TestModels.Set.Valence);
            using var buffer = new MemoryStream();
            model.Save(buffer);
            return buffer.ToArray();
        }

        byte[] first = Train();
        Assert.Equal(first, Train());
        Assert.True(first.Length > 100);
    }

    [Fact]
    public void Axes_without_permissive_training_data_cannot_be_trained()
    {
        Assert.Throws<NotSupportedException>(() => StanceTrainer.ClassesOf(StanceAxis.Hedged));
        Assert.Equal(["objective", "subjective"], StanceTrainer.ClassesOf(StanceAxis.Subjectivity));
        Assert.Equal(["asserted", "hedged", "attributed", "prescriptive"], StanceTrainer.ClassesOf(StanceAxis.Epistemic));
    }

    [Fact]
    public void Cross_validation_keeps_another_files_rows_of_a_held_out_document_out_of_its_training_fold()
    {
        // Twenty one-sentence "reports", each named by a word no other report uses; the labels alternate, so the shared words say
        // nothing. A second file labels the same sentences again. If its rows of the held-out reports trained the fold's model,
        // every held-out sentence would be answered from its own twin; grouped by doc they cannot be, and the rows without a doc
        // (another corpus) still train every fold.
        string[] words = ["harbour", "glacier", "orchard", "quarry", "lantern", "meadow", "canyon", "foundry", "vineyard", "reservoir",
            "lighthouse", "tannery", "monastery", "causeway", "granary", "observatory", "aqueduct", "brewery", "armoury", "sawmill"];
        StanceItem Row(int i, string set, bool withDoc) => new(set + i, $"The {words[i]} report describes the {words[i]} budget.",
            new Dictionary<string, string> { ["label"] = i % 2 == 0 ? "subjective" : "objective" }, null) { Doc = withDoc ? "R" + i : null };
        IReadOnlyList<StanceItem> scored = [.. Enumerable.Range(0, words.Length).Select(i => Row(i, "dev-", withDoc: true))];
        double Accuracy(bool extraWithDoc)
        {
            IReadOnlyList<StanceItem> extra = [.. Enumerable.Range(0, words.Length).Select(i => Row(i, "extra-", extraWithDoc) with { Weight = 50 })];
            return StanceTrainer.CrossValidate(StanceAxis.Subjectivity, scored, extra, new StanceTrainingOptions(), TestModels.Set.Valence).Scores.Classification.Accuracy;
        }

        double leaked = Accuracy(extraWithDoc: false), grouped = Accuracy(extraWithDoc: true);
        Assert.True(leaked >= 0.9, $"the control: twins that always train answer their sentences ({leaked})");
        Assert.True(grouped <= 0.6, $"twins of the held-out reports must not train the fold that scores them ({grouped})");
    }

    [Fact]
    public void Cross_validation_on_a_file_without_documents_keeps_every_row_of_the_other_files()
    {
        // Scoring news sentences (no doc) beside reports (a doc each): no report is held out, so every report row trains every
        // fold, exactly as if the reports had no doc. Dropping the rows of the reports whose doc hashes to the fold (the rule
        // before) trained each fold on four fifths of them, and the held-out sentences lost their twins in one fold of five.
        string[] words = ["harbour", "glacier", "orchard", "quarry", "lantern", "meadow", "canyon", "foundry", "vineyard", "reservoir",
            "lighthouse", "tannery", "monastery", "causeway", "granary", "observatory", "aqueduct", "brewery", "armoury", "sawmill"];
        StanceItem Row(int i, string set, bool withDoc) => new(set + i, $"The {words[i]} report describes the {words[i]} budget.",
            new Dictionary<string, string> { ["label"] = i % 2 == 0 ? "subjective" : "objective" }, null) { Doc = withDoc ? "R" + i : null };
        IReadOnlyList<StanceItem> scored = [.. Enumerable.Range(0, words.Length).Select(i => Row(i, "news-", withDoc: false))];
        IReadOnlyList<SentenceStance> Stances(bool extraWithDoc)
        {
            IReadOnlyList<StanceItem> extra = [.. Enumerable.Range(0, words.Length).Select(i => Row(i, "report-", extraWithDoc) with { Weight = 50 })];
            return StanceTrainer.CrossValidate(StanceAxis.Subjectivity, scored, extra, new StanceTrainingOptions(), TestModels.Set.Valence).Stances;
        }

        IReadOnlyList<SentenceStance> withoutDocs = Stances(extraWithDoc: false), withDocs = Stances(extraWithDoc: true);
        Assert.Equal(withoutDocs.Select(s => s.Subjectivity), withDocs.Select(s => s.Subjectivity));
    }

    [Fact]
    public void A_file_labelled_on_every_axis_trains_the_same_model_as_its_one_axis_copy()
    {
        string data = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.dev.jsonl");
        IReadOnlyList<StanceItem> all = [.. StanceEvaluation.ReadJsonl(data).Take(120)];
        Assert.All(all, i => Assert.Null(i.Label("label")));
        IReadOnlyList<StanceItem> oneAxis = [.. all.Select(i => i with { Labels = i.Label("subjectivity") is { } l ? new Dictionary<string, string> { ["label"] = l } : new Dictionary<string, string>() })];
        byte[] Train(IReadOnlyList<StanceItem> items)
        {
            LinearStanceModel model = StanceTrainer.Train(StanceAxis.Subjectivity, items, new StanceTrainingOptions(), TestModels.Set.Valence);
            using var buffer = new MemoryStream();
            model.Save(buffer);
            return buffer.ToArray();
        }

        Assert.Equal(Train(oneAxis), Train(all));
        Assert.Contains(all, i => i.Label("subjectivity") == "subjective");
    }

    [Fact]
    public void Cross_validation_groups_nyt_sentences_by_article()
    {
        Assert.Equal("nyt:12", StanceTrainer.GroupOf("nyt:12_7"));
        Assert.Equal("newssd:train:0001", StanceTrainer.GroupOf("newssd:train:0001"));
    }

    private sealed class TempFile : IDisposable
    {
        public TempFile(string content)
        {
            Path = System.IO.Path.GetTempFileName();
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }

    private static JsonDocument RunScorer(string gold, string pred, string field) =>
        JsonDocument.Parse(SharedData.RunScorer("stance_score.py", gold, pred, "--json", "--gold-label-field", field));
}

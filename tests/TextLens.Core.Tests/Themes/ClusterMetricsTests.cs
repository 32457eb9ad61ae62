using System.Globalization;
using System.Text;
using System.Text.Json;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Themes;

public sealed class ClusterMetricsTests
{
    // Expected values computed with ../shared/tools/cluster_score.py (score_doc).
    [Theory]
    [InlineData(new[] { 0, 0, 1, 1 }, new[] { 0, 0, 1, 2 }, 0.571428571429, 0.8, 1.0, 0.666666666667, 1.0)]
    [InlineData(new[] { 0, 0, 0, 1, 1, 1 }, new[] { 1, 1, 0, 0, 2, 2 }, 0.242424242424, 0.515803742979, 0.666666666667, 0.420619835714, 0.833333333333)]
    [InlineData(new[] { 0, 1, 2, 0, 1, 2 }, new[] { 0, 0, 0, 1, 1, 1 }, -0.363636363636, 0.0, 0.0, 0.0, 0.333333333333)]
    [InlineData(new[] { 0, 0, 0, 0 }, new[] { 0, 1, 2, 3 }, 0.0, 0.0, 1.0, 0.0, 1.0)]
    [InlineData(new[] { 0, 0, 1, 1, 2, 2, 2 }, new[] { 5, 5, 5, -1, -1, 3, 3 }, 0.2125, 0.563635553099, 0.563635553099, 0.563635553099, 0.714285714286)]
    [InlineData(new[] { 1, 1, 1 }, new[] { 7, 7, 7 }, 1.0, 1.0, 1.0, 1.0, 1.0)]
    public void Matches_the_reference_scorer_on_hand_made_cases(int[] gold, int[] predicted, double ari, double nmi, double homogeneity, double completeness, double purity)
    {
        ClusterScores s = ClusterMetrics.Score(gold, predicted);
        Assert.Equal(ari, s.Ari, 10);
        Assert.Equal(nmi, s.Nmi, 10);
        Assert.Equal(nmi, s.VMeasure, 10);
        Assert.Equal(homogeneity, s.Homogeneity, 10);
        Assert.Equal(completeness, s.Completeness, 10);
        Assert.Equal(purity, s.Purity, 10);
    }

    [Fact]
    public void Label_values_do_not_matter()
    {
        int[] gold = [0, 0, 1, 1, 1, 2];
        ClusterScores a = ClusterMetrics.Score(gold, [3, 3, 9, 9, 1, 1]);
        ClusterScores b = ClusterMetrics.Score(gold, [0, 0, 1, 1, 2, 2]);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Rejects_mismatched_lengths() =>
        Assert.Throws<ArgumentException>(() => ClusterMetrics.Score([0, 1], [0]));

    /// <summary>
    /// Random partitions (and the analyzer's own predictions on a sample of bbc-mix) scored here and
    /// by the reference scorer itself, when python3 is on the PATH.
    /// </summary>
    [Fact]
    public void Agrees_with_the_reference_scorer_run_by_python()
    {
        SharedData.RequireOrSkip("tools", "cluster_score.py");
        SharedData.RequirePythonOrSkip();

        var random = new Random(7);
        var gold = new StringBuilder();
        var pred = new StringBuilder();
        var ours = new List<ClusterScores>();
        for (int d = 0; d < 40; d++)
        {
            int n = random.Next(2, 60);
            int[] g = [.. Enumerable.Range(0, n).Select(_ => random.Next(1 + (d % 5)))];
            int[] p = [.. Enumerable.Range(0, n).Select(i => d % 3 == 0 ? g[i] : random.Next(-1, 1 + (d % 7)))];
            gold.Append(JsonSerializer.Serialize(new { id = $"r{d}", labels = g })).Append('\n');
            pred.Append(JsonSerializer.Serialize(new { id = $"r{d}", labels = p })).Append('\n');
            ours.Add(ClusterMetrics.Score(g, p));
        }

        string dir = Directory.CreateTempSubdirectory("textlens-metrics-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "gold.jsonl"), gold.ToString());
            File.WriteAllText(Path.Combine(dir, "pred.jsonl"), pred.ToString());
            using JsonDocument reference = RunScorer(Path.Combine(dir, "gold.jsonl"), Path.Combine(dir, "pred.jsonl"));
            JsonElement r = reference.RootElement;
            Assert.Equal(r.GetProperty("ari").GetDouble(), ours.Average(s => s.Ari), 12);
            Assert.Equal(r.GetProperty("nmi").GetDouble(), ours.Average(s => s.Nmi), 12);
            Assert.Equal(r.GetProperty("v").GetDouble(), ours.Average(s => s.VMeasure), 12);
            Assert.Equal(r.GetProperty("purity").GetDouble(), ours.Average(s => s.Purity), 12);
            Assert.Equal(r.GetProperty("mean_abs_k_err").GetDouble(), ours.Average(s => Math.Abs(s.PredictedK - s.GoldK)), 12);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Evaluator_scores_agree_with_python_on_a_bbc_mix_sample()
    {
        string data = SharedData.RequireOrSkip("data", "clustering", "bbc-mix.dev.jsonl");
        List<string> lines = [.. File.ReadLines(data).Take(12)];
        IReadOnlyList<ClusteringDocument> docs = ClusteringDataset.Read(new StringReader(string.Join('\n', lines)));
        ClusteringSummary summary = ClusteringEvaluator.Evaluate(docs, ClusterCountMode.Auto, TestModels.Set);
        Assert.Equal(12, summary.Documents);
        Assert.All(summary.Predictions, p => Assert.Equal(docs.Single(d => d.Id == p.Id).Sentences.Count, p.Labels.Count));
        string dir = Directory.CreateTempSubdirectory("textlens-eval-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(dir, "gold.jsonl"), lines);
            File.WriteAllLines(Path.Combine(dir, "pred.jsonl"), summary.Predictions.Select(p => JsonSerializer.Serialize(new { id = p.Id, labels = p.Labels })));
            using JsonDocument reference = RunScorer(Path.Combine(dir, "gold.jsonl"), Path.Combine(dir, "pred.jsonl"));
            Assert.Equal(reference.RootElement.GetProperty("ari").GetDouble(), summary.Ari, 12);
            Assert.Equal(reference.RootElement.GetProperty("nmi").GetDouble(), summary.Nmi, 12);
            Assert.Equal(reference.RootElement.GetProperty("v").GetDouble(), summary.VMeasure, 12);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static JsonDocument RunScorer(string gold, string pred) =>
        JsonDocument.Parse(SharedData.RunScorer("cluster_score.py", gold, pred, "--json"));
}

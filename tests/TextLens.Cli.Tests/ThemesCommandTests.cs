using System.Globalization;
using System.Text.Json;
using TextLens.Cli.Commands;
using TextLens.Core.Analysis;
using TextLens.Training.Evaluation;

namespace TextLens.Cli.Tests;

public sealed class ThemesCommandTests
{
    private static readonly string[][] Topics =
    [
        ["The striker scored twice as the football club won the league match.", "The goalkeeper saved a penalty late in the football match.", "The league title race tightened after the club lost to its rivals.", "Fans cheered the striker and the goalkeeper after the match."],
        ["Shares fell on the stock exchange as investors sold bank bonds.", "The central bank raised interest rates to curb inflation.", "Investors expect inflation to push bond yields and interest rates higher.", "Bank shares led the stock market lower on the exchange."],
        ["Plant tomato seedlings in compost once the soil is warm.", "Water the tomato plants and roses in the garden every evening.", "Prune the roses and add compost to the garden soil in spring.", "Seedlings need warm soil, water and plenty of compost."],
    ];

    [Fact]
    public void Report_respects_a_fixed_number_of_themes_and_every_sentence_has_a_cluster()
    {
        var request = Tool.Request(TestPaths.RepoRoot, TestPaths.SeedArticle) with { Themes = new ThemeCount(2) };
        Tool.Result result = Tool.Run(request);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement document = json.RootElement.GetProperty("documents")[0];
        JsonElement[] clusters = [.. document.GetProperty("clusters").EnumerateArray()];
        Assert.Equal(2, clusters.Length);
        int[] assigned = [.. document.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("cluster").GetInt32())];
        for (int id = 0; id < clusters.Length; id++)
        {
            int[] members = [.. clusters[id].GetProperty("sentences").EnumerateArray().Select(e => e.GetInt32())];
            Assert.Equal([.. Enumerable.Range(0, assigned.Length).Where(i => assigned[i] == id)], members);
            Assert.Contains(clusters[id].GetProperty("representative").GetInt32(), members);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    [InlineData("-3")]
    public void Report_rejects_a_bad_theme_count(string value) =>
        Assert.Throws<UsageException>(() => ReportCommand.ParseThemes(value));

    [Fact]
    public void Console_and_markdown_show_the_themes()
    {
        foreach (string format in (string[])["console", "markdown"])
        {
            var request = Tool.Request(TestPaths.RepoRoot, TestPaths.SeedArticle) with { Formats = [format] };
            Tool.Result result = Tool.Run(request);
            Assert.Contains(format == "console" ? "themes:" : "**Themes:**", result.Stdout, StringComparison.Ordinal);
            Assert.Contains("ethnic Koreans, Chosen-seki, Japan", result.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("asia forum", result.Stdout, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Eval_clusters_scores_the_given_sentences_and_writes_predictions()
    {
        using var dir = new TempDir();
        var lines = new List<string>();
        var gold = new Dictionary<string, int[]>();
        for (int d = 0; d < 3; d++)
        {
            // Interleave the topics (rotated per document) so that position says nothing; 'meta' is present but unused.
            var sentences = new List<string>();
            var labels = new List<int>();
            for (int i = 0; i < 4; i++)
            {
                for (int t = 0; t < 3; t++)
                {
                    int topic = (t + d) % 3;
                    sentences.Add(Topics[topic][i]);
                    labels.Add(topic);
                }
            }

            gold[$"doc{d}"] = [.. labels];
            lines.Add(JsonSerializer.Serialize(new { id = $"doc{d}", sentences, labels, k = 3, meta = new { titles = new[] { "sport", "markets", "garden" } } }));
        }

        string data = dir.File("set.jsonl", string.Join('\n', lines) + "\n");
        string predictions = Path.Combine(dir.Path, "pred.jsonl");
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        Assert.Equal(0, EvalClustersCommand.Run(data, "true", predictions, json: true, TestCli.OnDisk(stdout, TextWriter.Null)));

        using JsonDocument summary = JsonDocument.Parse(stdout.ToString());
        Assert.Equal(3, summary.RootElement.GetProperty("docs").GetInt32());
        double ari = summary.RootElement.GetProperty("ari").GetDouble();
        string[] written = File.ReadAllLines(predictions);
        Assert.Equal(3, written.Length);
        double sum = 0;
        foreach (string line in written)
        {
            using JsonDocument p = JsonDocument.Parse(line);
            string id = p.RootElement.GetProperty("id").GetString()!;
            int[] labels = [.. p.RootElement.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32())];
            Assert.Equal(gold[id].Length, labels.Length);
            sum += ClusterMetrics.Ari(gold[id], labels);
        }

        Assert.Equal(Math.Round(sum / 3, 4), ari);
        Assert.True(ari > 0.9, $"three clearly separate topics should be recovered (ARI {ari})");
    }

    [Fact]
    public void Eval_clusters_rejects_bad_input()
    {
        using var dir = new TempDir();
        string bad = dir.File("bad.jsonl", "{\"id\": \"a\", \"sentences\": [\"One.\", \"Two.\"], \"labels\": [0], \"k\": 1}\n");
        Assert.Throws<UsageException>(() => EvalClustersCommand.Run(bad, "auto", null, json: false, TestCli.OnDisk(TextWriter.Null, TextWriter.Null)));
        Assert.Throws<UsageException>(() => EvalClustersCommand.Run(Path.Combine(dir.Path, "missing.jsonl"), "auto", null, json: false, TestCli.OnDisk(TextWriter.Null, TextWriter.Null)));
        string ok = dir.File("ok.jsonl", "{\"id\": \"a\", \"sentences\": [\"One.\"], \"labels\": [0], \"k\": 1}\n");
        Assert.Throws<UsageException>(() => EvalClustersCommand.Run(ok, "7", null, json: false, TestCli.OnDisk(TextWriter.Null, TextWriter.Null)));
    }
}

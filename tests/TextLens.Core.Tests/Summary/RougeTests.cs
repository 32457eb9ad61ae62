using System.Globalization;
using System.Text.Json;
using TextLens.Core.Features;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Summary;

public sealed class RougeTests
{
    [Fact]
    public void Matches_the_values_in_rouge_scores_readme()
    {
        RougeScores s = Rouge.Score("The quick brown fox jumps over the lazy dog", "The quick brown dog jumps on the log.");
        Assert.Equal(0.75, s.Rouge1.Precision, 12);
        Assert.Equal(0.6666666666666666, s.Rouge1.Recall, 12);
        Assert.Equal(0.7058823529411765, s.Rouge1.F1, 12);
        Assert.Equal(0.625, s.RougeL.Precision, 12);
        Assert.Equal(0.5555555555555556, s.RougeL.Recall, 12);
        Assert.Equal(0.5882352941176471, s.RougeL.F1, 12);
    }

    [Fact]
    public void Counts_clipped_bigrams_and_scores_empty_text_as_zero()
    {
        RougeScores s = Rouge.Score("the cat sat on the mat", "the cat the cat the cat");
        Assert.Equal(1.0 / 5, s.Rouge2.Precision, 12); // "the cat" once in gold, five bigrams predicted
        Assert.Equal(1.0 / 5, s.Rouge2.Recall, 12);
        Assert.Equal(RougeScore.Zero, Rouge.Score("the cat", string.Empty).Rouge1);
        Assert.Equal(RougeScore.Zero, Rouge.Score(string.Empty, "the cat").RougeL);
    }

    [Fact]
    public void Tokenises_as_rouge_score_does()
    {
        // Lower case, every non-[a-z0-9] character separates, tokens over three letters stemmed.
        Assert.Equal(["congress", "appropri", "1", "5", "billion", "for", "fy2026", "caf", "s"], Rouge.Tokenize("Congress appropriated $1.5 billion for FY2026 — cafés"));
    }

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "tie")]
    [InlineData("agreed", "agre")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("skies", "sky")]
    [InlineData("dying", "die")]
    [InlineData("spied", "spi")]
    [InlineData("relational", "relat")]
    [InlineData("conformabli", "conform")]
    [InlineData("radicalli", "radic")]
    [InlineData("vietnamization", "vietnam")]
    [InlineData("sensibiliti", "sensibl")]
    [InlineData("electrical", "electr")]
    [InlineData("adoption", "adopt")]
    [InlineData("generalization", "gener")]
    [InlineData("congressional", "congression")]
    [InlineData("hopefulli", "hope")]
    [InlineData("archaeology", "archaeolog")]
    [InlineData("fully", "fulli")]
    [InlineData("controll", "control")]
    [InlineData("exceeding", "exceed")]
    public void Stems_as_nltk_porter_stemmer_does(string word, string stem) =>
        Assert.Equal(stem, NltkPorterStemmer.Stem(word));

    [Fact]
    public void Evaluator_agrees_with_summary_score_py_on_bbc_and_crs_samples()
    {
        SharedData.RequireOrSkip("tools", "summary_score.py");
        SharedData.RequirePythonOrSkip();
        foreach ((string set, int take) in new[] { ("bbc", 60), ("crs", 3) })
        {
            string data = SharedData.RequireOrSkip("data", "summaries", set + ".dev.jsonl");
            List<string> lines = [.. File.ReadLines(data).Take(take)];
            IReadOnlyList<SummaryDocument> docs = SummaryDataset.Read(new StringReader(string.Join('\n', lines)));
            SummaryEvaluation ours = SummaryEvaluator.Evaluate(docs, sentences: 3, TestModels.Set);
            Assert.Equal(take, ours.Documents);
            Assert.All(ours.Predictions, p => Assert.Equal(3, p.Sentences.Count));

            string dir = Directory.CreateTempSubdirectory("textlens-rouge-").FullName;
            try
            {
                File.WriteAllLines(Path.Combine(dir, "gold.jsonl"), lines);
                File.WriteAllLines(Path.Combine(dir, "pred.jsonl"), ours.Predictions.Select(p => JsonSerializer.Serialize(new { id = p.Id, sentences = p.Sentences })));
                using JsonDocument reference = JsonDocument.Parse(SharedData.RunScorer("summary_score.py", Path.Combine(dir, "gold.jsonl"), Path.Combine(dir, "pred.jsonl"), "--json"));
                foreach ((string key, RougeScore score) in new[] { ("rouge1", ours.Mean.Rouge1), ("rouge2", ours.Mean.Rouge2), ("rougeL", ours.Mean.RougeL) })
                {
                    JsonElement r = reference.RootElement.GetProperty(key);
                    Assert.Equal(r.GetProperty("f1").GetDouble(), score.F1, 12);
                    Assert.Equal(r.GetProperty("recall").GetDouble(), score.Recall, 12);
                    Assert.Equal(r.GetProperty("precision").GetDouble(), score.Precision, 12);
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}

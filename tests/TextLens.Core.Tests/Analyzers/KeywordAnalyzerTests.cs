using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Analyzers;

public class KeywordAnalyzerTests
{
    private static (SourceText Source, KeywordResult Result) Seed(int top = 15)
    {
        var source = SourceText.From(File.ReadAllText(TestPaths.SeedArticle), "seed.txt");
        DocumentAnalysis analysis = BuiltInAnalyzers.CreateEngine(TestModels.Set).Analyze(source, AnalysisOptions.Default with { TopKeywords = top }, DefaultSeverities.Instance);
        return (source, analysis.GetResult<KeywordResult>()!);
    }

    [Fact]
    public void Seed_keywords_are_sane()
    {
        (SourceText source, KeywordResult result) = Seed();
        Assert.Equal(15, result.Keywords.Count);
        Assert.Equal("Chongryon", result.Keywords[0].Text);
        Assert.Contains(result.Keywords.Take(5), k => k.Text == "North Korea");
        foreach (Keyword k in result.Keywords)
        {
            string[] words = k.Text.ToLowerInvariant().Split(' ');
            Assert.False(StopWords.Contains(words[0]), k.Text);
            Assert.False(StopWords.Contains(words[^1]), k.Text);
            Assert.True(words.Length <= 4, k.Text);
            Assert.DoesNotContain(k.Text, new[] { "s", "chongryons", "Chongryons" });
            Assert.InRange(k.Score, 0, 1);
            Assert.All(k.Occurrences, o =>
            {
                // Variants merge (chosen school / Chosen schools, North Korean embassy / North Korea embassy).
                Assert.True(KeyphraseVariants.Same(k.Text, source.ToString(o.Span)), $"{k.Text} at {o.Span.Start}");
                Assert.Equal(source.GetLinePosition(o.Span.Start), o.Position);
            });
        }

        Assert.Equal(Enumerable.Range(1, 15), result.Keywords.Select(k => k.Rank));
        Assert.Equal(1.0, result.Keywords[0].Score);
        Assert.True(result.Keywords.Zip(result.Keywords.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    /// <summary>
    /// A run of nouns with nothing between them (a word list or a data dump saved as text) started up to four candidate
    /// phrases at every word: a megabyte-long run cost about 1.5 KB of memory per word (bench/README.md). A run longer
    /// than any noun phrase is a list, not a phrase: none of its words is a candidate, and the prose around it keeps its
    /// keywords. (The longest runs in the seeds and the CRS documents are 8 words; in the SemEval papers, a table of 42.)
    /// </summary>
    [Fact]
    public void A_run_of_nouns_longer_than_any_noun_phrase_gives_no_candidates()
    {
        string dump = string.Join(' ', Enumerable.Repeat("word", 200));
        var source = SourceText.From("The Energy Star program labels efficient appliances.\n\n" + dump + "\n\nThe Energy Star program is voluntary.\n", "dump.txt");
        ParsedDocument document = ParsedDocument.Parse(source, TestModels.Set);
        List<KeywordCandidate> candidates = KeywordCandidates.Find(TestModels.Featurizer.Featurize(document, TestModels.Set), KeywordSettings.Default);

        int start = source.Content.IndexOf(dump, StringComparison.Ordinal);
        Assert.Single(document.Sentences, s => s.Span.Start == start && s.Span.Length == dump.Length); // one sentence, one run of nouns
        Assert.DoesNotContain(candidates.SelectMany(c => c.Occurrences), o => document.Tokens[o.FirstToken].Span.Start >= start && document.Tokens[o.FirstToken].Span.Start < start + dump.Length);
        Assert.Equal(2, Assert.Single(candidates, c => c.Display == "Energy Star program").Frequency);

        // A run of ordinary length is still a phrase with its sub-phrases.
        string list = string.Join(' ', Enumerable.Repeat("word", 12));
        var shorter = SourceText.From("The Energy Star program labels efficient appliances.\n\n" + list + "\n", "list.txt");
        ParsedDocument listed = ParsedDocument.Parse(shorter, TestModels.Set);
        List<KeywordCandidate> found = KeywordCandidates.Find(TestModels.Featurizer.Featurize(listed, TestModels.Set), KeywordSettings.Default);
        Assert.Equal(["word", "word word", "word word word", "word word word word"], found.Where(c => c.Stems[0] == "word").Select(c => c.Display).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_occurrence_is_found()
    {
        (SourceText source, KeywordResult result) = Seed();
        Keyword chongryon = result.Keywords.Single(k => k.Text == "Chongryon");
        int expected = System.Text.RegularExpressions.Regex.Count(source.Content, @"\bChongryon\b");
        Assert.Equal(expected, chongryon.Occurrences.Count);
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.1, 0.5)]
    [InlineData(0.01, 1.0 / 3)]
    [InlineData(0.0, 0.0)]
    public void Display_score_is_a_log_scale_of_the_ratio_to_the_top(double ratio, double expected) =>
        Assert.Equal(expected, KeywordAnalyzer.DisplayScore(ratio), 10);

    [Fact]
    public void Display_score_keeps_the_order()
    {
        double[] ratios = [1, 0.9, 0.5, 0.2, 0.05, 1e-3, 1e-6];
        double[] shown = [.. ratios.Select(KeywordAnalyzer.DisplayScore)];
        Assert.True(shown.Zip(shown.Skip(1)).All(p => p.First > p.Second));
        Assert.All(shown, s => Assert.InRange(s, 0, 1));
    }

    [Fact]
    public void Top_is_honoured()
    {
        Assert.Equal(3, Seed(3).Result.Keywords.Count);
    }
}

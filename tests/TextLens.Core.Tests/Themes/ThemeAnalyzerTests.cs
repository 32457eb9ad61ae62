using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Themes;
using TextLens.Training.Evaluation;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Reporting;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Themes;

public sealed class ThemeAnalyzerTests
{
    private static readonly string[] Sport =
    [
        "The striker scored twice as the football club won the league match.",
        "The goalkeeper saved a penalty late in the football match.",
        "The league title race tightened after the club lost to its rivals.",
        "Fans cheered the striker and the goalkeeper after the match.",
        "The coach praised the defence after the league win.",
    ];

    private static readonly string[] Markets =
    [
        "Shares fell on the stock exchange as investors sold bank bonds.",
        "The central bank raised interest rates to curb inflation.",
        "Investors expect inflation to push bond yields and interest rates higher.",
        "Bank shares led the stock market lower on the exchange.",
        "Bond traders watched the central bank for news on inflation.",
    ];

    private static readonly string[] Garden =
    [
        "Plant tomato seedlings in compost once the soil is warm.",
        "Water the tomato plants and roses in the garden every evening.",
        "Prune the roses and add compost to the garden soil in spring.",
        "Seedlings need warm soil, water and plenty of compost.",
        "The garden roses bloomed beside the tomato plants.",
    ];

    private static ThemeResult Analyze(SourceText text, ThemeCount count)
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        DocumentAnalysis analysis = engine.Analyze(text, AnalysisOptions.Default with { Themes = count }, new SeverityConfiguration(useEditorConfig: false));
        return analysis.GetResult<ThemeResult>()!;
    }

    private static ThemeResult AnalyzeSentences(IReadOnlyList<string> sentences, ThemeCount count)
    {
        ParsedDocument document = ParsedDocument.FromSentences(sentences);
        return ThemeClusterer.Cluster(TestModels.Featurizer.Featurize(document, TestModels.Set), count);
    }

    private static SourceText Seed() => SourceText.From(File.ReadAllText(TestPaths.SeedArticle), TestPaths.SeedArticle);

    private static void AssertInvariants(ThemeResult result, int sentenceCount)
    {
        Assert.Equal(sentenceCount, result.Assignments.Count);
        var seen = new HashSet<int>();
        for (int id = 0; id < result.Themes.Count; id++)
        {
            Theme theme = result.Themes[id];
            Assert.Equal(id, theme.Id);
            Assert.False(string.IsNullOrWhiteSpace(theme.Label));
            Assert.NotEmpty(theme.Terms);
            Assert.All(theme.Terms, t => Assert.InRange(t.Weight, 0.0, 1.0));
            Assert.NotEmpty(theme.Sentences);
            Assert.Equal(theme.Sentences.Order(), theme.Sentences);
            Assert.Contains(theme.Representative, theme.Sentences);
            Assert.Equal(Math.Round((double)theme.Sentences.Count / sentenceCount, 4), theme.Share);
            foreach (int s in theme.Sentences)
            {
                Assert.True(seen.Add(s), $"sentence {s} is in two themes");
                Assert.Equal(id, result.Assignments[s]);
            }

            if (id > 0)
            {
                Assert.True(theme.Sentences[0] > result.Themes[id - 1].Sentences[0], "themes are numbered in order of first appearance");
            }
        }

        for (int s = 0; s < sentenceCount; s++)
        {
            Assert.Equal(seen.Contains(s), result.Assignments[s] != ThemeResult.Outlier);
        }
    }

    [Fact]
    public void Seed_article_themes_keep_their_invariants()
    {
        SourceText seed = Seed();
        ThemeResult result = Analyze(seed, ThemeCount.Auto);
        ParsedDocument parsed = ParsedDocument.Parse(seed);
        int sentences = parsed.Sentences.Count;
        AssertInvariants(result, sentences);
        Assert.InRange(result.Themes.Count, 2, 6);

        // The back matter (from "*About the author: …" on: the publisher's note, masthead and comment form) joins no theme;
        // of the article's own sentences few are outliers.
        int backMatter = BackMatter.Start(parsed);
        Assert.StartsWith("*About the author", parsed.Sentences[backMatter].Text, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(backMatter, sentences - backMatter), s => Assert.Equal(ThemeResult.Outlier, result.Assignments[s]));
        Assert.True(result.Assignments.Take(backMatter).Count(a => a == ThemeResult.Outlier) <= backMatter / 10, "few outliers");

        // The article's subject dominates one theme; no label or representative comes from the publisher's masthead.
        Assert.Contains(result.Themes, t => t.Label.Contains("chongryon", StringComparison.OrdinalIgnoreCase) && t.Share >= 0.5);
        Assert.DoesNotContain(result.Themes, t => t.Terms.Any(term => term.Text.Contains("forum", StringComparison.OrdinalIgnoreCase) || term.Text.Contains("quarterly", StringComparison.OrdinalIgnoreCase)));
        Assert.All(result.Themes, t => Assert.True(t.Representative < backMatter));

        // The byline names the writer, not a theme: "By Soyoung Kim*" joins none, and no label carries her name.
        int byline = ParsedDocument.Parse(seed).Sentences.Single(s => s.IsByline).Index;
        Assert.Equal(ThemeResult.Outlier, result.Assignments[byline]);
        Assert.DoesNotContain(result.Themes, t => t.Terms.Any(term => term.Text.Contains("soyoung", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_fixed_number_of_themes_is_respected(int k)
    {
        SourceText seed = Seed();
        ThemeResult result = Analyze(seed, new ThemeCount(k));
        AssertInvariants(result, ParsedDocument.Parse(seed).Sentences.Count);
        Assert.Equal(k, result.Themes.Count);
        Assert.Equal(k.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Requested);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        SourceText seed = Seed();
        string Json()
        {
            AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
            return JsonSerializer.Serialize(
                ReportBuilder.Build([engine.Analyze(seed, AnalysisOptions.Default, new SeverityConfiguration(useEditorConfig: false))], sections: engine.Sections),
                TextLens.Core.Reporting.Formats.JsonReportFormatter.Options);
        }

        string json = Json();
        Assert.Contains("\"clusters\": [", json, StringComparison.Ordinal);
        Assert.Equal(json, Json());
    }

    [Fact]
    public void Interleaved_topics_are_recovered_from_text_alone()
    {
        // Sentences of three topics interleaved, so position carries no signal.
        var sentences = new List<string>();
        var gold = new List<int>();
        for (int i = 0; i < 5; i++)
        {
            sentences.AddRange([Sport[i], Markets[i], Garden[i]]);
            gold.AddRange([0, 1, 2]);
        }

        ThemeResult result = AnalyzeSentences(sentences, ThemeCount.Auto);
        AssertInvariants(result, sentences.Count);
        Assert.Equal(3, result.Themes.Count);
        Assert.Equal(1.0, ClusterMetrics.Ari(gold, [.. result.Assignments]), 6);
        Assert.Contains(result.Themes, t => t.Terms.Any(x => x.Text.ToLowerInvariant() is "football" or "league" or "match" or "striker"));
        Assert.Contains(result.Themes, t => t.Terms.Any(x => x.Text.ToLowerInvariant() is "bank" or "inflation" or "interest rates" or "bond"));
    }

    [Fact]
    public void Shuffling_sentences_does_not_change_the_partition()
    {
        string[] ordered = [.. Sport, .. Markets, .. Garden];
        int[] permutation = [.. Enumerable.Range(0, ordered.Length).OrderBy(i => (i * 7) % ordered.Length)];
        ThemeResult a = AnalyzeSentences(ordered, new ThemeCount(3));
        ThemeResult b = AnalyzeSentences([.. permutation.Select(i => ordered[i])], new ThemeCount(3));
        int[] bInOriginalOrder = new int[ordered.Length];
        for (int j = 0; j < permutation.Length; j++)
        {
            bInOriginalOrder[permutation[j]] = b.Assignments[j];
        }

        Assert.Equal(1.0, ClusterMetrics.Ari([.. a.Assignments], bInOriginalOrder), 6);
    }

    [Fact]
    public void Short_documents_get_one_theme_or_none()
    {
        ThemeResult three = AnalyzeSentences([Sport[0], Markets[0], Garden[0]], ThemeCount.Auto);
        AssertInvariants(three, 3);
        Assert.Single(three.Themes);

        ThemeResult one = AnalyzeSentences([Sport[0]], ThemeCount.Auto);
        AssertInvariants(one, 1);
        Assert.Empty(one.Themes);

        ThemeResult noContent = AnalyzeSentences(["It is what it is.", "So it was."], ThemeCount.Auto);
        Assert.Empty(noContent.Themes);
        Assert.All(noContent.Assignments, a => Assert.Equal(ThemeResult.Outlier, a));
    }

    [Fact]
    public void A_sentence_without_content_words_is_an_outlier()
    {
        string[] sentences = [.. Sport, "And so it was.", .. Markets];
        ThemeResult result = AnalyzeSentences(sentences, new ThemeCount(2));
        AssertInvariants(result, sentences.Length);
        Assert.Equal(ThemeResult.Outlier, result.Assignments[Sport.Length]);
    }

    [Fact]
    public void Given_sentences_stay_one_sentence_each()
    {
        string[] given = ["Dr. Smith arrived. He left at 5 p.m. on Jan. 3.", "Short one", "", "Third?! Yes."];
        ParsedDocument document = ParsedDocument.FromSentences(given);
        Assert.Equal(given.Length, document.Sentences.Count);
        Assert.Equal("Dr. Smith arrived. He left at 5 p.m. on Jan. 3.", document.Sentences[0].Text);
        Assert.Equal("Short one", document.Sentences[1].Text);
        Assert.Equal(0, document.Sentences[2].TokenCount);
        Assert.Equal("Third?! Yes.", document.Sentences[3].Text);
        Assert.All(document.Sentences, s => Assert.Equal(s.Text, document.Source.ToString(s.Span)));
    }

    [Fact]
    public void Segments_are_contiguous_and_cover_every_sentence()
    {
        SourceText seed = Seed();
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var options = AnalysisOptions.Default with { Themes = new ThemeCount(4), ThemeSegments = true };
        ThemeResult result = engine.Analyze(seed, options, new SeverityConfiguration(useEditorConfig: false)).GetResult<ThemeResult>()!;
        int sentences = ParsedDocument.Parse(seed).Sentences.Count;
        AssertInvariants(result, sentences);
        Assert.Equal(4, result.Themes.Count);
        Assert.DoesNotContain(ThemeResult.Outlier, result.Assignments);
        for (int s = 1; s < sentences; s++)
        {
            Assert.InRange(result.Assignments[s] - result.Assignments[s - 1], 0, 1);
        }
    }

    [Fact]
    public void Long_documents_are_clustered_through_landmarks()
    {
        var sentences = new List<string>();
        var gold = new List<int>();
        for (int i = 0; i < 5; i++)
        {
            sentences.AddRange([Sport[i], Markets[i], Garden[i]]);
            gold.AddRange([0, 1, 2]);
        }

        // Only 8 of the 15 sentences form the graph; the rest join the themes their text is closest to.
        var settings = ThemeSettings.Default with { MaxGraphSentences = 8, MinSentences = 4, Neighbours = 4 };
        ParsedDocument document = ParsedDocument.FromSentences(sentences);
        ThemeResult result = ThemeClusterer.Cluster(TestModels.Featurizer.Featurize(document, TestModels.Set), new ThemeCount(3), settings);
        AssertInvariants(result, sentences.Count);
        Assert.Equal(1.0, ClusterMetrics.Ari(gold, [.. result.Assignments]), 6);
    }
}

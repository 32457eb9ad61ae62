using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Analyzers;

/// <summary>Invariants of the seed article's top keyphrases and of the extractor in general.</summary>
public class KeywordSalienceTests
{
    private static KeywordResult Analyze(string text, int top = 10)
    {
        DocumentAnalysis analysis = BuiltInAnalyzers.CreateEngine(TestModels.Set).Analyze(SourceText.From(text, "doc.txt"), AnalysisOptions.Default with { TopKeywords = top }, DefaultSeverities.Instance);
        return analysis.GetResult<KeywordResult>()!;
    }

    private static KeywordResult SeedTop10() => Analyze(File.ReadAllText(TestPaths.SeedArticle));

    [Fact]
    public void Seed_top_10_reads_right()
    {
        IReadOnlyList<Keyword> top = SeedTop10().Keywords;
        Assert.Equal(10, top.Count);
        Assert.Contains(top, k => k.Text == "Chongryon"); // casing as written, not 'chongryon'
        Assert.Contains(top.Take(5), k => k.Text == "North Korea");
        foreach (Keyword k in top)
        {
            string[] words = k.Text.ToLowerInvariant().Split(' ');
            Assert.InRange(words.Length, 1, 4);
            Assert.False(StopWords.Contains(words[0]), $"'{k.Text}' starts with a stop word");
            Assert.False(StopWords.Contains(words[^1]), $"'{k.Text}' ends with a stop word");
            Assert.DoesNotContain(words, w => w is "s" or "'s");
            Assert.NotEmpty(k.Occurrences);
            Assert.InRange(k.Score, 0, 1);
            Assert.Contains("idf", k.Features.Keys);
            Assert.Contains("graph", k.Features.Keys);
        }
    }

    [Fact]
    public void Seed_top_10_has_no_near_duplicates()
    {
        IReadOnlyList<Keyword> top = SeedTop10().Keywords;
        for (int i = 0; i < top.Count; i++)
        {
            for (int j = i + 1; j < top.Count; j++)
            {
                Assert.NotEqual(top[i].Key, top[j].Key);
                Assert.False(KeyphraseVariants.Same(top[i].Text, top[j].Text), $"{top[i].Text} / {top[j].Text}");
            }
        }
    }

    [Fact]
    public void Variants_merge_under_the_form_most_often_written()
    {
        const string text = "North Korea tested a missile. The North Korean leader watched. North Korea said the test of "
            + "North Korea worked. Chosen schools teach Korean. A Chosen school opened in Tokyo. Chosen schools are old. "
            + "Chosen schools get no subsidies from the Japanese government.";
        IReadOnlyList<Keyword> keywords = Analyze(text, 20).Keywords;
        Keyword korea = Assert.Single(keywords, k => k.Key == "north korea");
        Assert.Equal("North Korea", korea.Text);
        Assert.Equal(3, korea.Occurrences.Count); // 3 × North Korea; "North Korean" on its own is an adjective, not the place
        Keyword leader = Assert.Single(keywords, k => k.Key == "north korea leader"); // a demonym modifying a noun is folded onto its place
        Assert.Equal("North Korean leader", leader.Text);
        Keyword schools = Assert.Single(keywords, k => k.Key == "chosen school");
        Assert.Equal("Chosen schools", schools.Text);
        Assert.Equal(4, schools.Occurrences.Count); // 3 × Chosen schools, 1 × Chosen school
    }

    [Fact]
    public void Occurrences_point_at_the_phrase_in_the_text()
    {
        string text = File.ReadAllText(TestPaths.SeedArticle);
        var source = SourceText.From(text, "seed.txt");
        foreach (Keyword k in SeedTop10().Keywords)
        {
            foreach (KeywordOccurrence o in k.Occurrences)
            {
                string written = source.ToString(o.Span);
                Assert.True(KeyphraseVariants.Same(written, k.Text), $"'{written}' at {o.Span.Start} is not '{k.Text}'");
                Assert.Equal(source.GetLinePosition(o.Span.Start), o.Position);
            }

            Assert.Equal(k.Occurrences.OrderBy(o => o.Span.Start).Select(o => o.Span), k.Occurrences.Select(o => o.Span));
        }
    }

    [Fact]
    public void Output_is_deterministic()
    {
        string text = File.ReadAllText(TestPaths.SeedArticle);
        KeywordResult a = Analyze(text, 15);
        KeywordResult b = Analyze(text, 15);
        Assert.Equal(a.Keywords.Select(k => (k.Text, k.Score, k.Rank, k.Occurrences.Count)), b.Keywords.Select(k => (k.Text, k.Score, k.Rank, k.Occurrences.Count)));
    }
}

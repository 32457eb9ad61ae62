using System.Buffers;
using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The publisher's notes after an article (an author note, the masthead, a comment form: <see cref="BackMatter"/>) are not the
/// author's stance. Before, the seed's "Your email address will not be published." was tagged negative and the masthead's
/// "It consists of an online publication and a quarterly magazine …" positive, and six more counted as neutral sentences of
/// the article.
/// </summary>
public class BackMatterStanceTests
{
    private static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);

    private static DocumentAnalysis Analyze(string text, string path) =>
        Engine.Analyze(SourceText.From(text, path), AnalysisOptions.Default, DefaultSeverities.Instance);

    [Fact]
    public void The_seeds_author_note_masthead_and_comment_form_are_not_tagged_and_count_nowhere()
    {
        DocumentAnalysis analysis = Analyze(File.ReadAllText(TestPaths.SeedArticle), TestPaths.SeedArticle);
        ParsedDocument doc = analysis.Document!;
        StanceResult stance = analysis.GetResult<StanceResult>()!;
        int start = doc.BackMatterStart;
        Assert.StartsWith("*About the author", doc.Sentences[start].Text, StringComparison.Ordinal);
        Assert.Equal(doc.Sentences.Count, stance.Sentences.Count);
        Assert.Equal(8, doc.Sentences.Count - start);

        int email = Enumerable.Range(0, doc.Sentences.Count).Single(i => doc.Sentences[i].Text == "Your email address will not be published.");
        Assert.True(email >= start);
        foreach (SentenceStance s in stance.Sentences)
        {
            Assert.Equal(s.Sentence >= start, s.InBackMatter);
        }

        Assert.All(stance.Sentences.Skip(start), s => Assert.Empty(s.Cues));

        // The profile counts the article's 39 sentences, every tag once.
        Assert.Equal(start, stance.Profile.Sentences);
        Assert.Equal(start, stance.Profile.Polarity.Values.Sum());
        Assert.Equal(start, stance.Profile.Epistemic.Values.Sum());
        Assert.All(stance.MostHedged.Concat(stance.MostPrescriptive).Concat(stance.MostPolar), i => Assert.True(i < start));
        Assert.All(stance.KeyTerms.SelectMany(k => k.Sentences), i => Assert.True(i < start));
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Id.StartsWith("TL3", StringComparison.Ordinal) && d.Span!.Value.Start >= doc.Sentences[start].Span.Start);

        // The report: no stance for a back-matter sentence, a stance for every sentence of the article.
        Assert.Null(StanceSection.Instance.BuildSentence(analysis, email));
        Assert.NotNull(StanceSection.Instance.BuildSentence(analysis, start - 1));
        SentenceValueWriter write = StanceSection.Instance.SentenceWriter(analysis)!;
        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        Assert.False(write(json, email, "stance"));
        Assert.True(write(json, 0, "stance"));
        json.WriteEndObject();
        json.Flush();
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(buffer.WrittenMemory).RootElement.GetProperty("stance").ValueKind);
    }

    [Fact]
    public void A_key_terms_mention_in_the_author_note_is_not_a_mention_in_the_article()
    {
        const string article = """
            The Acme dam holds back the river above the town of Millford.

            Engineers inspected the Acme dam in March and found cracks in its spillway.

            The state closed the road across the Acme dam while repairs are planned.

            Repairs to the Acme dam are expected to cost about 12 million dollars.

            Residents below the Acme dam were told that the risk of a breach is low.

            The Acme dam was built in 1931 and last repaired in 1988.

            About the author: Jo Smith has covered the Acme dam for the Millford Courier since 2015.
            """;
        DocumentAnalysis analysis = Analyze(article, "dam.txt");
        ParsedDocument doc = analysis.Document!;
        StanceResult stance = analysis.GetResult<StanceResult>()!;
        Assert.Equal(doc.Sentences.Count - 1, doc.BackMatterStart);
        KeyTermStance dam = stance.KeyTerms.First(k => k.Term.Contains("Acme", StringComparison.Ordinal));
        Assert.Equal(6, dam.Sentences.Count);
        Assert.DoesNotContain(doc.BackMatterStart, dam.Sentences);
        Assert.Equal(doc.BackMatterStart, stance.Profile.Sentences);
    }
}

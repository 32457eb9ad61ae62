using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Loading;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Core.Tests.Reporting;

/// <summary>The readable formats show a stance tag only where it is confident; JSON carries every tag with its confidence.</summary>
public class StanceDisplayTests
{
    private static readonly Lazy<(AnalysisEngine Engine, CorpusReport Report)> Seed = new(() =>
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var options = AnalysisOptions.Default;
        DocumentAnalysis analysis = engine.Analyze(DocumentLoader.LoadFile(TestPaths.SeedArticle, "seeds/seed.txt", options.MaxFileBytes), options, DefaultSeverities.Instance);
        return (engine, ReportBuilder.Build([analysis], sections: engine.Sections));
    });

    private static SectionView View(params JsonObject?[] sentences) =>
        StanceSection.Instance.Present(StanceJson.Document([.. sentences.OfType<JsonObject>()], -0.1), SentenceValueView.Of(StanceJson.Column(sentences)));

    [Fact]
    public void A_tag_below_the_confidence_threshold_is_shown_as_uncertain()
    {
        SectionView view = View(
            StanceJson.Sentence("asserted", 0.97, "neutral", 0, 0.93),
            StanceJson.Sentence("hedged", StanceSection.EpistemicConfidentAt - 0.01, "negative", -0.3, 0.41),
            StanceJson.Sentence("hedged", StanceSection.EpistemicConfidentAt, "negative", -0.3, StanceSection.PolarityConfidentAt),
            null);

        // The tooltip notes and the timeline's categories show the tag where it is confident, else "uncertain" (the note names the lean).
        Assert.Equal(["asserted, tone 0.00", "uncertain (leans hedged 0.69), tone uncertain -0.30", "hedged, tone -0.30", null], view.SentenceNotes!);
        Assert.Equal(["asserted", StanceSection.Uncertain, "hedged"], view.Series!.Points.OfType<SeriesPoint>().Select(p => view.Series.Categories[p.Category].Name));
        Assert.Null(view.Series.Points[3]);
        Assert.True(view.Series.Categories.Single(c => c.Name == StanceSection.Uncertain).Muted);
    }

    [Fact]
    public void The_profile_line_counts_unconfident_tags_as_uncertain()
    {
        SectionView view = View(
            StanceJson.Sentence("asserted", 0.97, "neutral", 0, 0.93),
            StanceJson.Sentence("hedged", 0.55, "neutral", 0, 0.9),
            StanceJson.Sentence("prescriptive", 0.91, "negative", -0.4, 0.5),
            StanceJson.Sentence("attributed", 0.88, "negative", -0.4, 0.8));
        SectionFact line = Assert.Single(view.Facts);
        Assert.Equal(string.Empty, line.Label);
        Assert.Equal("25% asserted, 0% hedged, 25% attributed, 25% prescriptive, 25% uncertain; 0% positive, 50% neutral, 25% negative, 25% uncertain (mean -0.10); 0% subjective", line.Value);
    }

    [Fact]
    public void The_profile_line_counts_the_tagged_sentences_and_says_how_many_of_the_back_matter_are_not()
    {
        SectionView view = View(
            StanceJson.Sentence("asserted", 0.97, "neutral", 0, 0.93),
            StanceJson.Sentence("hedged", 0.91, "negative", -0.3, 0.9),
            null,
            null);
        Assert.Equal("50% asserted, 50% hedged, 0% attributed, 0% prescriptive, 0% uncertain; 0% positive, 50% neutral, 50% negative, 0% uncertain (mean -0.10); 0% subjective; 2 sentences of back matter not tagged", Assert.Single(view.Facts).Value);
    }

    [Fact]
    public void Json_carries_the_confidence_of_each_tag_and_html_marks_the_unconfident_ones()
    {
        (AnalysisEngine engine, CorpusReport report) = Seed.Value;
        JsonElement[] all = [.. report.Documents.Single().SentenceValues!["stance"].EnumerateArray()];

        // The seed's last eight sentences are back matter (the author note, the masthead, the comment form): no stance.
        Assert.Equal(8, all.Count(s => s.ValueKind == JsonValueKind.Null));
        Assert.All(all[^8..], s => Assert.Equal(JsonValueKind.Null, s.ValueKind));
        JsonElement[] stances = all[..^8];
        Assert.All(stances, s => Assert.InRange(s.GetProperty("epistemicConfidence").GetDouble(), 0, 1));
        Assert.All(stances, s => Assert.InRange(s.GetProperty("polarityConfidence").GetDouble(), 0, 1));

        var json = new StringWriter();
        new JsonReportFormatter().Write(report, json, FormatSettings.Default with { Sections = engine.Sections });
        Assert.Contains("\"epistemicConfidence\": ", json.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"polarityConfidence\": ", json.ToString(), StringComparison.Ordinal);

        // JSON says which labels are confident, with the same thresholds as the readable formats.
        using var parsed = JsonDocument.Parse(json.ToString());
        JsonElement[] sentences = [.. parsed.RootElement.GetProperty("documents")[0].GetProperty("sentences").EnumerateArray()];
        Assert.Equal(all.Length, sentences.Length);
        Assert.All(sentences[^8..], s => Assert.False(s.TryGetProperty("stance", out _)));
        for (int i = 0; i < stances.Length; i++)
        {
            JsonElement st = sentences[i].GetProperty("stance");
            Assert.Equal(stances[i].GetProperty("epistemicConfidence").GetDouble() >= StanceSection.EpistemicConfidentAt, st.GetProperty("epistemicConfident").GetBoolean());
            Assert.Equal(stances[i].GetProperty("polarityConfidence").GetDouble() >= StanceSection.PolarityConfidentAt, st.GetProperty("polarityConfident").GetBoolean());
        }

        Assert.Contains(stances, s => s.GetProperty("polarityConfident").GetBoolean());

        var html = new StringWriter();
        new HtmlReportFormatter().Write(report, html, FormatSettings.Default with { Sections = engine.Sections });
        int unconfident = stances.Count(s => !s.GetProperty("epistemicConfident").GetBoolean());
        Assert.Contains($"uncertain (not tagged) ({unconfident})", html.ToString(), StringComparison.Ordinal);

        // The timeline's blank tail is named: the back matter, which has no stance.
        Assert.Contains("<span class=\"swatch blank\"></span>back matter (no stance) (8)</li>", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_stance_results_carry_the_confidence_of_the_tag_they_rest_on()
    {
        (AnalysisEngine engine, CorpusReport report) = Seed.Value;
        DocumentReport doc = report.Documents.Single();
        JsonElement[] tags = [.. doc.SentenceValues!["stance"].EnumerateArray()];
        var writer = new StringWriter();
        new SarifReportFormatter().Write(report, writer, FormatSettings.Default with { Rules = engine.Rules, Sections = engine.Sections });
        using var sarif = JsonDocument.Parse(writer.ToString());
        JsonElement[] results = [.. sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];
        JsonElement[] stance = [.. results.Where(r => r.GetProperty("properties").GetProperty("category").GetString() == "Stance")];
        Assert.NotEmpty(stance);
        foreach (JsonElement r in stance)
        {
            JsonElement p = r.GetProperty("properties");
            int offset = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("charOffset").GetInt32();
            JsonElement tagged = tags[doc.Sentences.Single(s => offset >= s.Start && offset < s.Start + s.Length).Index];
            bool polarity = r.GetProperty("ruleId").GetString() == "TL3005";
            Assert.Equal(polarity ? "polarity" : "epistemic", p.GetProperty("stanceAxis").GetString());
            Assert.Equal(tagged.GetProperty(polarity ? "polarity" : "epistemic").GetString(), p.GetProperty("stanceTag").GetString());
            Assert.Equal(tagged.GetProperty(polarity ? "polarityConfidence" : "epistemicConfidence").GetDouble(), p.GetProperty("confidence").GetDouble());
            Assert.Equal(tagged.GetProperty(polarity ? "polarityConfident" : "epistemicConfident").GetBoolean(), p.GetProperty("confident").GetBoolean());
        }

        // Other rules' results carry no stance confidence.
        Assert.All(results.Where(r => r.GetProperty("properties").GetProperty("category").GetString() != "Stance"),
            r => Assert.False(r.GetProperty("properties").TryGetProperty("confidence", out _)));
    }

    [Fact]
    public void The_stance_section_publishes_its_schemas_and_is_the_analyzers_section()
    {
        SectionTestSupport.AssertPublished(StanceSection.Instance);
        Assert.Same(StanceSection.Instance, Seed.Value.Engine.Analyzers.OfType<StanceAnalyzer>().Single().Section);
    }
}

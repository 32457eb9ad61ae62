using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Loading;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Core.Tests.Reporting;

/// <summary>The readable formats show a stance tag only where it is confident; JSON carries every tag with its confidence.</summary>
public class StanceDisplayTests
{
    private static SentenceReport Sentence(int index, string text, string epistemic, double epistemicConfidence, string polarity, double polarityConfidence) =>
        new(index, text, index * 100, text.Length, index + 1, 1)
        {
            Stance = new SentenceStanceReport(epistemic, 0.1, 0.1, 0.1, polarity, 0, "objective", 0.1, 0.9, [])
            {
                EpistemicConfidence = epistemicConfidence,
                PolarityConfidence = polarityConfidence,
            },
        };

    [Fact]
    public void A_tag_below_the_confidence_threshold_is_shown_as_uncertain()
    {
        SentenceReport confident = Sentence(0, "The Army awarded the contract in 2023.", "asserted", 0.97, "neutral", 0.93);
        SentenceReport unsure = Sentence(1, "Such authority may be limited.", "hedged", StanceReports.EpistemicConfidentAt - 0.01, "negative", 0.41);
        Assert.Equal("asserted", confident.Stance!.ShownEpistemic);
        Assert.Equal("neutral", confident.Stance.ShownPolarity);
        Assert.Equal(StanceReports.Uncertain, unsure.Stance!.ShownEpistemic);
        Assert.Equal(StanceReports.Uncertain, unsure.Stance.ShownPolarity);

        Assert.False(unsure.Stance.EpistemicConfident);
        Assert.False(unsure.Stance.PolarityConfident);

        // At each axis's own threshold the tag is shown.
        Assert.Equal("hedged", (unsure.Stance with { EpistemicConfidence = StanceReports.EpistemicConfidentAt }).ShownEpistemic);
        Assert.Equal("negative", (unsure.Stance with { PolarityConfidence = StanceReports.PolarityConfidentAt }).ShownPolarity);
        Assert.Equal(StanceReports.Uncertain, (unsure.Stance with { PolarityConfidence = StanceReports.PolarityConfidentAt - 0.01 }).ShownPolarity);
    }

    [Fact]
    public void The_profile_line_counts_unconfident_tags_as_uncertain()
    {
        SentenceReport[] sentences =
        [
            Sentence(0, "The Army awarded the contract in 2023.", "asserted", 0.97, "neutral", 0.93),
            Sentence(1, "Such authority may be limited.", "hedged", 0.55, "neutral", 0.9),
            Sentence(2, "Congress may wish to consider requiring reports.", "prescriptive", 0.91, "negative", 0.5),
            Sentence(3, "GAO found that costs rose.", "attributed", 0.88, "negative", 0.8),
        ];
        var counts = new TagCount(1, 0.25);
        var doc = new DocumentStanceReport(4, new EpistemicCounts(counts, counts, counts, counts), new PolarityCounts(counts, counts, counts),
            new SubjectivityCounts(new TagCount(0, 0), new TagCount(4, 1)), -0.1, [], [], [], []);
        string line = StanceReports.ProfileLine(doc, sentences);
        Assert.Equal("25% asserted, 0% hedged, 25% attributed, 25% prescriptive, 25% uncertain; 0% positive, 50% neutral, 25% negative, 25% uncertain (mean -0.10); 0% subjective", line);
    }

    [Fact]
    public void Json_carries_the_confidence_of_each_tag_and_html_marks_the_unconfident_ones()
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var options = AnalysisOptions.Default;
        DocumentAnalysis analysis = engine.Analyze(DocumentLoader.LoadFile(TestPaths.SeedArticle, "seeds/seed.txt", options.MaxFileBytes), options, DefaultSeverities.Instance);
        CorpusReport report = ReportBuilder.Build([analysis]);
        SentenceStanceReport[] stances = [.. report.Documents.Single().Sentences.Select(s => s.Stance!)];
        Assert.All(stances, s => Assert.InRange(s.EpistemicConfidence, 0, 1));
        Assert.All(stances, s => Assert.InRange(s.PolarityConfidence, 0, 1));

        var json = new StringWriter();
        new JsonReportFormatter().Write(report, json, FormatSettings.Default);
        Assert.Contains("\"epistemicConfidence\": ", json.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"polarityConfidence\": ", json.ToString(), StringComparison.Ordinal);

        // JSON says which labels are confident, with the same thresholds as the readable formats.
        using var parsed = System.Text.Json.JsonDocument.Parse(json.ToString());
        System.Text.Json.JsonElement[] sentences = [.. parsed.RootElement.GetProperty("documents")[0].GetProperty("sentences").EnumerateArray()];
        Assert.Equal(stances.Length, sentences.Length);
        for (int i = 0; i < stances.Length; i++)
        {
            System.Text.Json.JsonElement st = sentences[i].GetProperty("stance");
            Assert.Equal(stances[i].EpistemicConfidence >= StanceReports.EpistemicConfidentAt, st.GetProperty("epistemicConfident").GetBoolean());
            Assert.Equal(stances[i].PolarityConfidence >= StanceReports.PolarityConfidentAt, st.GetProperty("polarityConfident").GetBoolean());
        }

        Assert.Contains(stances, s => s.PolarityConfident);

        var html = new StringWriter();
        new HtmlReportFormatter().Write(report, html, FormatSettings.Default);
        int unconfident = stances.Count(s => s.ShownEpistemic == StanceReports.Uncertain);
        Assert.Contains($"uncertain (not tagged) ({unconfident})", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_stance_results_carry_the_confidence_of_the_tag_they_rest_on()
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var options = AnalysisOptions.Default;
        DocumentAnalysis analysis = engine.Analyze(DocumentLoader.LoadFile(TestPaths.SeedArticle, "seeds/seed.txt", options.MaxFileBytes), options, DefaultSeverities.Instance);
        CorpusReport report = ReportBuilder.Build([analysis]);
        DocumentReport doc = report.Documents.Single();
        var writer = new StringWriter();
        new SarifReportFormatter().Write(report, writer, FormatSettings.Default with { Rules = engine.Rules });
        using var sarif = System.Text.Json.JsonDocument.Parse(writer.ToString());
        System.Text.Json.JsonElement[] results = [.. sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];
        System.Text.Json.JsonElement[] stance = [.. results.Where(r => r.GetProperty("properties").GetProperty("category").GetString() == "Stance")];
        Assert.NotEmpty(stance);
        foreach (System.Text.Json.JsonElement r in stance)
        {
            System.Text.Json.JsonElement p = r.GetProperty("properties");
            int offset = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("charOffset").GetInt32();
            SentenceStanceReport tagged = doc.Sentences.Single(s => offset >= s.Start && offset < s.Start + s.Length).Stance!;
            bool polarity = r.GetProperty("ruleId").GetString() == "TL3005";
            Assert.Equal(polarity ? "polarity" : "epistemic", p.GetProperty("stanceAxis").GetString());
            Assert.Equal(polarity ? tagged.Polarity : tagged.Epistemic, p.GetProperty("stanceTag").GetString());
            Assert.Equal(polarity ? tagged.PolarityConfidence : tagged.EpistemicConfidence, p.GetProperty("confidence").GetDouble());
            Assert.Equal(polarity ? tagged.PolarityConfident : tagged.EpistemicConfident, p.GetProperty("confident").GetBoolean());
        }

        // Other rules' results carry no stance confidence.
        Assert.All(results.Where(r => r.GetProperty("properties").GetProperty("category").GetString() != "Stance"),
            r => Assert.False(r.GetProperty("properties").TryGetProperty("confidence", out _)));
    }
}

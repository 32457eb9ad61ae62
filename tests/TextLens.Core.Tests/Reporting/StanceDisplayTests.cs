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
        SentenceReport unsure = Sentence(1, "Such authority may be limited.", "hedged", StanceReports.ConfidentAt - 0.01, "negative", 0.41);
        Assert.Equal("asserted", confident.Stance!.ShownEpistemic);
        Assert.Equal("neutral", confident.Stance.ShownPolarity);
        Assert.Equal(StanceReports.Uncertain, unsure.Stance!.ShownEpistemic);
        Assert.Equal(StanceReports.Uncertain, unsure.Stance.ShownPolarity);

        // At the threshold the tag is shown.
        Assert.Equal("hedged", (unsure.Stance with { EpistemicConfidence = StanceReports.ConfidentAt }).ShownEpistemic);
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

        var html = new StringWriter();
        new HtmlReportFormatter().Write(report, html, FormatSettings.Default);
        int unconfident = stances.Count(s => s.ShownEpistemic == StanceReports.Uncertain);
        Assert.Contains($"uncertain (not tagged) ({unconfident})", html.ToString(), StringComparison.Ordinal);
    }
}

using NJsonSchema;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Loading;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Reporting;

public class JsonReportTests
{
    private static string Json(IEnumerable<DocumentAnalysis> analyses)
    {
        var writer = new StringWriter();
        new JsonReportFormatter().Write(ReportBuilder.Build(analyses, sections: Engine.Value.Sections), writer, FormatSettings.Default);
        return writer.ToString();
    }

    private static readonly Lazy<AnalysisEngine> Engine = new(() => BuiltInAnalyzers.CreateEngine(TestModels.Set));

    private static List<DocumentAnalysis> Analyse()
    {
        AnalysisEngine engine = Engine.Value;
        var options = AnalysisOptions.Default;
        return
        [
            engine.Analyze(DocumentLoader.LoadFile(TestPaths.SeedArticle, "seeds/seed.txt", options.MaxFileBytes), options, DefaultSeverities.Instance),
            engine.Analyze(DocumentLoader.FromBytes("bad.txt", [0x63, 0x61, 0x66, 0xE9], options.MaxFileBytes, DocumentFormat.PlainText), options, DefaultSeverities.Instance),
            engine.Analyze(DocumentLoader.FromBytes("empty.md", [], options.MaxFileBytes, DocumentFormat.Markdown), options, DefaultSeverities.Instance),
        ];
    }

    [Fact]
    public async Task Report_validates_against_the_published_schema()
    {
        JsonSchema schema = await JsonSchema.FromFileAsync(TestPaths.Repo("docs", "report.schema.json"));
        string json = Json(Analyse());
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        Assert.Contains("\"schemaVersion\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"failed\"", json, StringComparison.Ordinal);
        Assert.Contains("TL0003", json, StringComparison.Ordinal);
        Assert.Contains("TL0005", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_rejects_a_broken_report()
    {
        JsonSchema schema = await JsonSchema.FromFileAsync(TestPaths.Repo("docs", "report.schema.json"));
        string json = Json(Analyse()).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 7", StringComparison.Ordinal);
        Assert.NotEmpty(schema.Validate(json));
    }

    [Fact]
    public void Output_is_byte_identical_across_runs_and_input_order()
    {
        List<DocumentAnalysis> first = Analyse();
        List<DocumentAnalysis> second = Analyse();
        second.Reverse();
        Assert.Equal(Json(first), Json(second));
    }

    [Fact]
    public void Documents_are_sorted_and_offsets_point_into_the_file()
    {
        CorpusReport report = ReportBuilder.Build(Analyse(), sections: Engine.Value.Sections);
        Assert.Equal(["bad.txt", "empty.md", "seeds/seed.txt"], report.Documents.Select(d => d.Path));
        DocumentReport seed = report.Documents[2];
        string text = File.ReadAllText(TestPaths.SeedArticle);
        Assert.NotEmpty(seed.Sections!["keywords"].EnumerateArray());
        foreach (System.Text.Json.JsonElement k in seed.Sections!["keywords"].EnumerateArray())
        {
            // Variants merge under one keyword (North Korea / North Korean, Chosen school / Chosen schools).
            string keyword = k.GetProperty("text").GetString()!;
            Assert.All(k.GetProperty("occurrences").EnumerateArray(), o => Assert.True(
                Analyzers.KeyphraseVariants.Same(keyword, text.Substring(o.GetProperty("start").GetInt32(), o.GetProperty("length").GetInt32())), $"{keyword} at {o.GetProperty("start")}"));
        }

        Assert.Equal(1, seed.Sentences[0].Line);
        Assert.Equal(1, report.Summary.Failed);
    }
}

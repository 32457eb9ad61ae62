using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Reporting;

/// <summary>What the tests of analyzer-owned report sections share: rendering one document in a format, and the published schema check.</summary>
internal static class SectionTestSupport
{
    private static readonly Lazy<AnalysisEngine> Engine = new(() => BuiltInAnalyzers.CreateEngine(TestModels.Set));

    /// <summary>The HTML report of <paramref name="text"/> analysed as the file <paramref name="path"/> with the built-in analyzers and default settings.</summary>
    public static string Html(string text, string path)
    {
        AnalysisEngine engine = Engine.Value;
        CorpusReport report = ReportBuilder.Build([engine.Analyze(SourceText.From(text, path), AnalysisOptions.Default, DefaultSeverities.Instance)], sections: engine.Sections);
        var writer = new StringWriter { NewLine = "\n" };
        new HtmlReportFormatter().Write(report, writer, FormatSettings.Default with { Sections = engine.Sections });
        return writer.ToString();
    }

    /// <summary>The report of <paramref name="document"/> alone in the format <paramref name="name"/>.</summary>
    public static string Format(string name, DocumentReport document, FormatSettings settings)
    {
        var writer = new StringWriter();
        ReportFormatters.Find(name)!.Write(ReportBuilder.FromDocuments([document]), writer, settings);
        return writer.ToString();
    }

    /// <summary>A document's <c>keywords</c> value (<see cref="Analyzers.Keywords.KeywordsSection"/>): each keyword with its score, rank and count, no occurrences.</summary>
    public static JsonElement Keywords(params (string Text, double Score, int Count)[] keywords) =>
        JsonSerializer.SerializeToElement(new JsonArray([.. keywords.Select((k, i) => (JsonNode)new JsonObject
        {
            ["text"] = k.Text,
            ["score"] = k.Score,
            ["rank"] = i + 1,
            ["count"] = k.Count,
            ["occurrences"] = new JsonArray(),
            ["features"] = null,
            ["variants"] = null,
        })]));

    /// <summary>Asserts that docs/report.schema.json publishes exactly the section's own schema under its key.</summary>
    public static void AssertPublished(IReportSection section)
    {
        JsonNode published = JsonNode.Parse(File.ReadAllText(TestPaths.Repo("docs", "report.schema.json")))!["definitions"]!["document"]!["properties"]![section.Key]!;
        Assert.True(JsonNode.DeepEquals(published, JsonNode.Parse(section.Schema)), $"docs/report.schema.json's {section.Key} differs from {section.GetType().Name}.Schema");
        if (section.SentenceKey is { } key)
        {
            JsonNode sentence = JsonNode.Parse(File.ReadAllText(TestPaths.Repo("docs", "report.schema.json")))!["definitions"]!["document"]!["properties"]!["sentences"]!["items"]!["properties"]![key]!;
            Assert.True(JsonNode.DeepEquals(sentence, JsonNode.Parse(section.SentenceSchema!)), $"docs/report.schema.json's sentence {key} differs from {section.GetType().Name}.SentenceSchema");
        }

        if (section.Definitions is { } definitions)
        {
            JsonNode all = JsonNode.Parse(File.ReadAllText(TestPaths.Repo("docs", "report.schema.json")))!["definitions"]!;
            foreach ((string name, JsonNode? definition) in JsonNode.Parse(definitions)!.AsObject())
            {
                Assert.True(JsonNode.DeepEquals(all[name], definition), $"docs/report.schema.json's definition {name} differs from {section.GetType().Name}.Definitions");
            }
        }

        if (section.CorpusKey is { } corpusKey)
        {
            JsonNode corpus = JsonNode.Parse(File.ReadAllText(TestPaths.Repo("docs", "report.schema.json")))!["properties"]!["summary"]!["properties"]![corpusKey]!;
            Assert.True(JsonNode.DeepEquals(corpus, JsonNode.Parse(section.CorpusSchema!)), $"docs/report.schema.json's summary {corpusKey} differs from {section.GetType().Name}.CorpusSchema");
        }
    }
}

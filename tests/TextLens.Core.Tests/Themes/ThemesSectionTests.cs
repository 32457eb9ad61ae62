using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Tests.Reporting;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Themes;

/// <summary>
/// The themes are a slice: their folder holds the document's <c>clusters</c>, each sentence's <c>cluster</c>, both
/// schemas and the view (sentence groups); the report writes the values where schema version 1 had them, and every
/// human format shows the themes between the keywords and the stance without knowing the theme types.
/// </summary>
public sealed class ThemesSectionTests
{
    private const string Value = """
        [
          { "id": 0, "label": "<b>bill</b> | `costs`", "terms": [ { "text": "bill", "weight": 1 }, { "text": "costs", "weight": 0.5 } ], "sentences": [0, 2], "representative": 2, "share": 0.5 },
          { "id": 1, "label": "membership, decline", "terms": [ { "text": "membership", "weight": 1 } ], "sentences": [1], "representative": 1, "share": 0.25 }
        ]
        """;

    private static readonly Lazy<AnalysisEngine> Engine = new(() => BuiltInAnalyzers.CreateEngine(TestModels.Set));

    private static readonly Lazy<DocumentAnalysis> Seed = new(() =>
        Engine.Value.Analyze(SourceText.From(File.ReadAllText(TestPaths.SeedArticle), "seeds/seed.txt"), AnalysisOptions.Default, DefaultSeverities.Instance));

    [Fact]
    public void The_schemas_in_its_folder_are_the_ones_docs_publish()
    {
        SectionTestSupport.AssertPublished(ThemesSection.Instance);
        Assert.Equal("cluster", ThemesSection.Instance.SentenceKey);
    }

    [Fact]
    public void The_theme_analyzer_declares_its_section_and_the_engine_publishes_it()
    {
        Assert.Same(ThemesSection.Instance, Engine.Value.Analyzers.OfType<ThemeAnalyzer>().Single().Section);
        Assert.Contains(ThemesSection.Instance, Engine.Value.Sections);
        Assert.DoesNotContain("clusters", ReportSections.ReservedKeys);
        Assert.DoesNotContain("cluster", ReportSections.ReservedSentenceKeys);
    }

    [Fact]
    public void The_values_of_a_real_document_are_its_themes_and_each_sentences_theme()
    {
        DocumentAnalysis analysis = Seed.Value;
        ThemeResult result = analysis.GetResult<ThemeResult>()!;
        Assert.NotEmpty(result.Themes);

        JsonArray value = ThemesSection.Instance.Build(analysis)!.AsArray();
        Assert.Equal(result.Themes.Count, value.Count);
        for (int t = 0; t < value.Count; t++)
        {
            Theme theme = result.Themes[t];
            Assert.Equal(theme.Id, (int)value[t]!["id"]!);
            Assert.Equal(theme.Label, (string?)value[t]!["label"]);
            Assert.Equal(theme.Sentences, value[t]!["sentences"]!.AsArray().Select(s => (int)s!));
            Assert.Equal(theme.Representative, (int)value[t]!["representative"]!);
            Assert.Equal(theme.Share, (double)value[t]!["share"]!);
            Assert.Equal(theme.Terms.Select(x => (x.Text, x.Weight)), value[t]!["terms"]!.AsArray().Select(x => ((string)x!["text"]!, (double)x["weight"]!)));
        }

        DocumentReport document = ReportBuilder.BuildDocument(analysis, Engine.Value.Sections);
        JsonElement column = document.SentenceValues!["cluster"];
        Assert.Equal(document.Sentences.Count, column.GetArrayLength());
        Assert.Equal(result.Assignments, column.EnumerateArray().Select(c => c.GetInt32()));
    }

    [Fact]
    public void A_failed_document_has_no_themes_and_its_sentences_none()
    {
        var failed = new DocumentAnalysis("missing.md", null, new Dictionary<Type, object>(), []);
        Assert.Null(ThemesSection.Instance.Build(failed));
        Assert.Null(ThemesSection.Instance.BuildSentence(failed, 0));
        Assert.Null(ReportBuilder.BuildDocument(failed, Engine.Value.Sections).SentenceValues);
    }

    [Fact]
    public void The_values_go_where_schema_version_1_had_them_and_read_back_the_same()
    {
        DocumentReport document = Document() with
        {
            Sections = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            {
                ["sentenceLength"] = Json("""{"meanWords":2}"""),
                ["stance"] = Json("""{"sentences":4}"""),
                ["clusters"] = Json(Value),
                ["summary"] = Json("""{"budget":0,"sentences":[]}"""),
                ["keywords"] = Json("[]"),
            },

            // The stance keeps its schema version 1 place, last in the sentence, whatever the order of the values.
            SentenceValues = new Dictionary<string, JsonElement> { ["stance"] = Json("""[{"epistemic":"asserted"},null,null,null]"""), ["cluster"] = Json("[0,1,0,-1]") },
            Settings = new ReportSettings("TextLens 1.0.0", 15, "auto", false, 1000, new Dictionary<string, string>()),
        };

        string json = JsonSerializer.Serialize(document, JsonLinesReportFormatter.Options);
        JsonElement root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["path", "status", "stats", "keywords", "sentences", "diagnostics", "summary", "clusters", "stance", "settings", "sentenceLength"], root.EnumerateObject().Select(p => p.Name));
        JsonElement[] sentences = [.. root.GetProperty("sentences").EnumerateArray()];
        Assert.Equal(["index", "text", "start", "length", "line", "column", "cluster", "stance"], sentences[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal([0, 1, 0, -1], sentences.Select(s => s.GetProperty("cluster").GetInt32()));

        DocumentReport read = JsonSerializer.Deserialize<DocumentReport>(json, JsonLinesReportFormatter.Options)!;
        Assert.Equal("[0,1,0,-1]", read.SentenceValues!["cluster"].GetRawText());
        Assert.Equal(["cluster"], sentences[1].EnumerateObject().Skip(6).Select(p => p.Name));
        Assert.Equal(json, JsonSerializer.Serialize(read, JsonLinesReportFormatter.Options));
    }

    [Fact]
    public void A_sentence_without_a_value_has_no_property_and_reads_back_as_such()
    {
        DocumentReport document = Document() with { SentenceValues = new Dictionary<string, JsonElement> { ["cluster"] = Json("[0,null,0,-1]"), ["other"] = Json("[null,null,null,{\"a\":[1]}]") } };
        string json = JsonSerializer.Serialize(document, JsonLinesReportFormatter.Options);
        JsonElement[] sentences = [.. JsonDocument.Parse(json).RootElement.GetProperty("sentences").EnumerateArray()];
        Assert.False(sentences[1].TryGetProperty("cluster", out _));
        Assert.Equal(["index", "text", "start", "length", "line", "column", "cluster", "other"], sentences[3].EnumerateObject().Select(p => p.Name));

        DocumentReport read = JsonSerializer.Deserialize<DocumentReport>(json, JsonLinesReportFormatter.Options)!;
        Assert.Equal(["cluster", "other"], read.SentenceValues!.Keys);
        Assert.Equal("[0,null,0,-1]", read.SentenceValues["cluster"].GetRawText());
        Assert.Equal("[null,null,null,{\"a\":[1]}]", read.SentenceValues["other"].GetRawText());
        Assert.Equal(json, JsonSerializer.Serialize(read, JsonLinesReportFormatter.Options));
    }

    [Fact]
    public void Every_human_format_lists_the_themes_between_keywords_and_stance_escaped_for_itself()
    {
        // A stance profile after the themes (the first sentence tagged), as the stance analyzer writes it.
        System.Text.Json.Nodes.JsonObject asserted = StanceJson.Sentence("asserted", 1, "neutral", 0);
        DocumentReport document = Document() with
        {
            Sections = new Dictionary<string, JsonElement> { ["keywords"] = SectionTestSupport.Keywords(("bill", 1, 2)), ["clusters"] = Json(Value), ["stance"] = StanceJson.Document([asserted], 0) },
            SentenceValues = new Dictionary<string, JsonElement> { ["cluster"] = Json("[0,1,0,-1]"), ["stance"] = StanceJson.Column([asserted, null, null, null]) },
        };
        var settings = FormatSettings.Default with { Sections = [KeywordsSection.Instance, ThemesSection.Instance, StanceSection.Instance] };

        string console = SectionTestSupport.Format("console", document, settings);
        Assert.Contains(
            "  keywords: bill 1.00\n  themes:\n    1. <b>bill</b> | `costs` 50%, 2 sentence(s)\n       \u201cThe <b>bill</b> & its *new* | costs.\u201d\n    2. membership, decline 25%, 1 sentence(s)\n       \u201cMembership has \\u001B[31mdeclined.\u201d\n  stance: ",
            console,
            StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", console, StringComparison.Ordinal);

        string markdown = SectionTestSupport.Format("markdown", document, settings);
        Assert.Contains(
            "**Themes:**\n\n| # | Theme | Share | Sentences | Representative sentence |\n|---:|---|---:|---:|---|\n| 1 | &lt;b&gt;bill&lt;/b&gt; \\| \\`costs\\` | 50% | 2 | The &lt;b&gt;bill&lt;/b&gt; &amp; its \\*new\\* \\| costs. |\n| 2 | membership, decline | 25% | 1 | Membership has \\u001B\\[31mdeclined. |\n\n",
            markdown,
            StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("**Keywords:**", StringComparison.Ordinal) < markdown.IndexOf("**Themes:**", StringComparison.Ordinal), "Markdown lists the themes after the keywords");

        string html = SectionTestSupport.Format("html", document, settings);
        Assert.Contains("<h3>Themes</h3>\n<svg class=\"strip\"", html, StringComparison.Ordinal);
        Assert.Contains("<li><span class=\"swatch\" style=\"background:#1b7c83\"></span><a href=\"#doc-0-s2\" title=\"Most typical sentence: The &lt;b&gt;bill&lt;/b&gt; &amp; its *new* | costs.\">&lt;b&gt;bill&lt;/b&gt; | `costs`</a> · 50%</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><span class=\"swatch\" style=\"background:#d0d7de\"></span>no theme · 25%</li>", html, StringComparison.Ordinal); // sentence 3 is in no theme
        Assert.Contains("<span id=\"doc-0-s2\" class=\"s rep\" style=\"--theme:#1b7c83\" title=\"sentence 3, line 1 &#183; theme: &lt;b&gt;bill&lt;/b&gt; | `costs` (representative)", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"doc-0-s3\" class=\"s\" title=\"sentence 4, line 1 &#183; theme: no theme", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sentences_own_values_win_in_the_page()
    {
        // The theme lists say sentence 3 is in no theme; its own value puts it in theme 1.
        DocumentReport document = Document() with
        {
            Sections = new Dictionary<string, JsonElement> { ["clusters"] = Json(Value) },
            SentenceValues = new Dictionary<string, JsonElement> { ["cluster"] = Json("[0,1,0,1]") },
        };
        string html = SectionTestSupport.Format("html", document, FormatSettings.Default with { Sections = [ThemesSection.Instance] });
        Assert.Contains("<span id=\"doc-0-s3\" class=\"s\" style=\"--theme:#a0522d\" title=\"sentence 4, line 1 &#183; theme: membership, decline", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no theme", html, StringComparison.Ordinal);
    }

    [Fact]
    public void No_themes_show_nothing_but_the_page_says_so()
    {
        var settings = FormatSettings.Default with { Sections = [ThemesSection.Instance] };
        const string note = "<h3>Themes</h3>\n<p class=\"muted\">No themes in this report (the theme analysis did not run or found none).</p>\n";
        DocumentReport empty = Document() with { Sections = new Dictionary<string, JsonElement> { ["clusters"] = Json("[]") } };
        DocumentReport absent = Document();
        foreach (DocumentReport document in (DocumentReport[])[empty, absent])
        {
            Assert.DoesNotContain("themes", SectionTestSupport.Format("console", document, settings), StringComparison.Ordinal);
            Assert.DoesNotContain("Themes", SectionTestSupport.Format("markdown", document, settings), StringComparison.Ordinal);
            string html = SectionTestSupport.Format("html", document, settings);
            Assert.Contains(note, html, StringComparison.Ordinal);
            Assert.DoesNotContain("style=\"--theme", html, StringComparison.Ordinal);
        }

        // Without the section among the settings' sections, the page knows nothing of themes.
        Assert.DoesNotContain("Themes", SectionTestSupport.Format("html", empty, FormatSettings.Default), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("jsonl")]
    [InlineData("console")]
    [InlineData("markdown")]
    [InlineData("html")]
    public void A_result_read_back_as_merge_does_gives_the_same_bytes(string format)
    {
        CorpusReport report = ReportBuilder.Build([Seed.Value], sections: Engine.Value.Sections);
        var settings = FormatSettings.Default with { Sections = Engine.Value.Sections };
        string jsonl = Write("jsonl", report, settings);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(jsonl));
        CorpusReport readBack = ReportBuilder.FromDocuments([.. DocumentRecordReader.Read(stream)], Engine.Value.Sections);

        string expected = Write(format, report, settings);
        Assert.Equal(expected, Write(format, readBack, settings));
        Assert.Contains(format switch { "console" => "  themes:\n", "markdown" => "**Themes:**", "html" => "<svg class=\"strip\"", _ => "\"cluster\":" }, expected, StringComparison.Ordinal);
    }

    private static string Write(string format, CorpusReport report, FormatSettings settings)
    {
        var writer = new StringWriter { NewLine = "\n" };
        ReportFormatters.Find(format)!.Write(report, writer, settings);
        return writer.ToString();
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    /// <summary>Four sentences on line 1 (the third with markup, the fourth with a terminal escape) and a keyword.</summary>
    private static DocumentReport Document()
    {
        string[] texts = ["The bill passed.", "Membership has \u001b[31mdeclined.", "The <b>bill</b> & its *new* | costs.", "Nothing else."];
        int start = 0;
        SentenceReport[] sentences = [.. texts.Select((t, i) =>
        {
            var s = new SentenceReport(i, t, start, t.Length, 1, start + 1);
            start += t.Length + 1;
            return s;
        })];
        return new DocumentReport("a.md", "analysed", new DocumentStats(start, 14, 4, 1), sentences, []);
    }
}

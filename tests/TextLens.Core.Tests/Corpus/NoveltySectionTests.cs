using System.Text;
using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Novelty;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Tests.Reporting;

namespace TextLens.Core.Tests.Corpus;

/// <summary>
/// The corpus comparison is a slice: its folder holds its JSON, its schema and its view, and the report writes its
/// value where the document object had it before (just before <c>settings</c>), in every format.
/// </summary>
public sealed class NoveltySectionTests
{
    private const string Close = """
        {
          "documents": 29,
          "nearest": [
            { "path": "docs/IF12094.md", "name": "IF12094", "similarity": 0.1912, "sharedTerms": ["XM-30", "Army", "Fighting Vehicle"] },
            { "path": "docs/R46463.md", "name": "R46463", "similarity": 0.0831, "sharedTerms": [] }
          ],
          "newTerms": [ { "text": "M-1 Abrams tanks", "documents": 0 }, { "text": "M-1E3", "documents": 0 } ],
          "themes": [
            { "cluster": 0, "label": "tank modernisation", "closest": "docs/IF12094.md", "similarity": 0.12, "new": false },
            { "cluster": 1, "label": "Abrams <upgrade> & cost", "closest": null, "similarity": 0, "new": true }
          ]
        }
        """;

    private const string Far = """
        {
          "documents": 76,
          "nearest": [ { "path": "RL30857", "name": "RL30857", "similarity": 0.0123, "sharedTerms": ["budget"] } ],
          "newTerms": [],
          "themes": []
        }
        """;

    [Fact]
    public void The_schema_in_its_folder_is_the_one_docs_publish()
    {
        SectionTestSupport.AssertPublished(NoveltySection.Instance);
    }

    [Fact]
    public void The_headline_names_the_closest_document_the_new_terms_and_the_unseen_themes()
    {
        SectionView view = Present(Close);
        Assert.Equal("Closest to IF12094 (0.19: XM-30, Army, Fighting Vehicle); new here: M-1 Abrams tanks, M-1E3; unseen theme: Abrams <upgrade> & cost", view.Headline);
        Assert.Equal("nearest", view.Details!.Name);
        Assert.Equal(["IF12094 (0.19): XM-30, Army, Fighting Vehicle", "R46463 (0.08)"], view.Details.Items);
    }

    [Fact]
    public void A_nearest_document_below_the_close_similarity_is_not_called_close()
    {
        SectionView view = Present(Far);
        Assert.Equal("Nothing in the corpus (76 documents) is close (the nearest, RL30857, 0.01); new here: no rare keyword", view.Headline);
        Assert.Null(view.Details);
    }

    [Fact]
    public void The_value_goes_just_before_settings_and_other_sections_after_it_and_reads_back_the_same()
    {
        var document = new DocumentReport("a.md", "analysed", new DocumentStats(10, 2, 1, 1), [], [])
        {
            Settings = new ReportSettings("TextLens 1.0.0", 15, "auto", false, 1000, new Dictionary<string, string>()),
            Sections = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            {
                ["sentenceLength"] = JsonDocument.Parse("""{"meanWords":2}""").RootElement,
                ["corpus"] = JsonDocument.Parse(Far).RootElement,
                ["keywords"] = JsonDocument.Parse("[]").RootElement,
            },
        };

        string json = JsonSerializer.Serialize(document, JsonLinesReportFormatter.Options);
        string[] keys = [.. JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["path", "status", "stats", "keywords", "sentences", "diagnostics", "corpus", "settings", "sentenceLength"], keys);

        DocumentReport read = JsonSerializer.Deserialize<DocumentReport>(json, JsonLinesReportFormatter.Options)!;
        Assert.Equal(["corpus", "keywords", "sentenceLength"], read.Sections!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(json, JsonSerializer.Serialize(read, JsonLinesReportFormatter.Options));
    }

    [Fact]
    public void Every_human_format_shows_the_headline_under_the_heading_escaped_for_itself()
    {
        var document = new DocumentReport("a.md", "analysed", new DocumentStats(10, 2, 1, 1), [], [])
        {
            Sections = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["corpus"] = JsonDocument.Parse(Close).RootElement },
        };
        var settings = FormatSettings.Default with { Sections = [NoveltySection.Instance] };

        string console = SectionTestSupport.Format("console", document, settings);
        string markdown = SectionTestSupport.Format("markdown", document, settings);
        string html = SectionTestSupport.Format("html", document, settings);
        Assert.Contains("\n  corpus: Closest to IF12094 (0.19: XM-30, Army, Fighting Vehicle); new here: M-1 Abrams tanks, M-1E3; unseen theme: Abrams <upgrade> & cost\n", console, StringComparison.Ordinal);
        Assert.Contains("**Against the corpus:** Closest to IF12094 (0.19: XM-30, Army, Fighting Vehicle); new here: M-1 Abrams tanks, M-1E3; unseen theme: Abrams &lt;upgrade&gt; &amp; cost\n\n", markdown, StringComparison.Ordinal);
        Assert.Contains("<p class=\"corpus\"><strong>Against the corpus:</strong> Closest to IF12094", html, StringComparison.Ordinal);
        Assert.Contains("unseen theme: Abrams &lt;upgrade&gt; &amp; cost</p>\n<ul class=\"nearest\">\n<li>IF12094 (0.19): XM-30, Army, Fighting Vehicle</li>\n<li>R46463 (0.08)</li>\n</ul>\n", html, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("**Against the corpus:**", StringComparison.Ordinal) < markdown.IndexOf("2 words · 1 sentence · 1 paragraph", StringComparison.Ordinal), "Markdown shows the comparison before the document's counts");

        // A format that does not know the section keeps the value in JSON and shows nothing of it.
        Assert.DoesNotContain("corpus", SectionTestSupport.Format("console", document, FormatSettings.Default), StringComparison.Ordinal);
    }

    private static SectionView Present(string json) => NoveltySection.Instance.Present(JsonDocument.Parse(json).RootElement);
}

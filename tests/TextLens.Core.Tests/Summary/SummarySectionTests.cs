using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Summary;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Tests.Reporting;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Summary;

/// <summary>
/// The summary is a slice: its folder holds its JSON, its schema and its view; the report writes its value where the
/// document object had it in schema version 1 (just after <c>diagnostics</c>), and every human format shows the chosen
/// sentences before the keywords without knowing the summary's types.
/// </summary>
public sealed class SummarySectionTests
{
    private const string Value = """
        {
          "budget": 3,
          "sentences": [
            { "index": 0, "start": 0, "length": 38, "line": 1, "column": 1, "text": "Chongryon membership has also declined." },
            { "index": 4, "start": 210, "length": 44, "line": 3, "column": 1, "text": "The <b>bill</b> & its \u001b[31mcosts\u001b[0m are *new*." }
          ]
        }
        """;

    private static readonly Lazy<AnalysisEngine> Engine = new(() => BuiltInAnalyzers.CreateEngine(TestModels.Set));

    [Fact]
    public void The_schema_in_its_folder_is_the_one_docs_publish()
    {
        SectionTestSupport.AssertPublished(SummarySection.Instance);
    }

    [Fact]
    public void The_summary_analyzer_declares_its_section_and_the_engine_publishes_it()
    {
        Assert.Same(SummarySection.Instance, Engine.Value.Analyzers.OfType<SummaryAnalyzer>().Single().Section);
        Assert.Contains(SummarySection.Instance, Engine.Value.Sections);
        Assert.DoesNotContain("summary", ReportSections.ReservedKeys);
    }

    [Fact]
    public void The_value_of_a_real_document_quotes_its_sentences_with_their_spans_and_lines()
    {
        string text = File.ReadAllText(TestPaths.SeedArticle);
        DocumentAnalysis analysis = Engine.Value.Analyze(SourceText.From(text, "seeds/seed.txt"), AnalysisOptions.Default, DefaultSeverities.Instance);
        JsonNode value = SummarySection.Instance.Build(analysis)!;

        JsonArray sentences = value["sentences"]!.AsArray();
        Assert.InRange(sentences.Count, 3, value["budget"]!.GetValue<int>());
        foreach (JsonNode? s in sentences)
        {
            Core.Parsing.Sentence sentence = analysis.Document!.Sentences[s!["index"]!.GetValue<int>()];
            Assert.Equal(sentence.Span.Start, s["start"]!.GetValue<int>());
            Assert.Equal(sentence.Span.Length, s["length"]!.GetValue<int>());
            Assert.Equal(sentence.Text, s["text"]!.GetValue<string>());
            Assert.Equal(text[..sentence.Span.Start].Count(c => c == '\n') + 1, s["line"]!.GetValue<int>());
        }

        int[] indexes = [.. sentences.Select(s => s!["index"]!.GetValue<int>())];
        Assert.Equal(indexes.Order(), indexes);
    }

    [Fact]
    public void A_failed_document_has_no_summary()
    {
        var failed = new DocumentAnalysis("missing.md", null, new Dictionary<Type, object>(), []);
        Assert.Null(SummarySection.Instance.Build(failed));
    }

    [Fact]
    public void The_value_goes_just_after_diagnostics_and_reads_back_the_same()
    {
        DocumentReport document = Document(("sentenceLength", """{"meanWords":2}"""), ("summary", Value));
        document = document with { Settings = new ReportSettings("TextLens 1.0.0", 15, "auto", false, 1000, new Dictionary<string, string>()) };

        string json = JsonSerializer.Serialize(document, JsonLinesReportFormatter.Options);
        string[] keys = [.. JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["path", "status", "stats", "sentences", "diagnostics", "summary", "settings", "sentenceLength"], keys);

        DocumentReport read = JsonSerializer.Deserialize<DocumentReport>(json, JsonLinesReportFormatter.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(read, JsonLinesReportFormatter.Options));
    }

    [Fact]
    public void Every_human_format_quotes_the_sentences_before_the_keywords_escaped_for_itself()
    {
        DocumentReport document = Document(("summary", Value), ("keywords", SectionTestSupport.Keywords(("Chongryon", 1, 1)).GetRawText()));
        var settings = FormatSettings.Default with { Sections = [SummarySection.Instance, KeywordsSection.Instance] };

        string console = SectionTestSupport.Format("console", document, settings);
        Assert.Contains("\n  summary:\n    line 1: Chongryon membership has also declined.\n    line 3: The <b>bill</b> & its \\u001B[31mcosts\\u001B[0m are *new*.\n  keywords: Chongryon", console, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", console, StringComparison.Ordinal); // the document's escape codes never reach a terminal

        string markdown = SectionTestSupport.Format("markdown", document, settings);
        Assert.Contains("**Summary:**\n\n> Chongryon membership has also declined.\n>\n> The \\<b\\>bill\\</b\\> & its", markdown, StringComparison.Ordinal);
        Assert.True(markdown.IndexOf("**Summary:**", StringComparison.Ordinal) < markdown.IndexOf("**Keywords:**", StringComparison.Ordinal), "Markdown quotes the summary before the keywords");
        Assert.True(markdown.IndexOf("2 words", StringComparison.Ordinal) < markdown.IndexOf("**Summary:**", StringComparison.Ordinal), "Markdown quotes the summary after the document's counts");

        string html = SectionTestSupport.Format("html", document, settings);
        // The record carries no sentences, so the page shows no text to link to (HtmlReportTests checks the links on the seed).
        Assert.Contains("<h3>Summary</h3>\n<ol class=\"summary\">\n<li>Chongryon membership has also declined.</li>\n<li>The &lt;b&gt;bill&lt;/b&gt; &amp; its", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_corpus_overview_gives_the_first_summary_sentence_a_column()
    {
        DocumentReport first = Document(("summary", Value));
        DocumentReport second = Document() with { Path = "b.md" };
        var writer = new StringWriter();
        new HtmlReportFormatter().Write(ReportBuilder.FromDocuments([first, second]), writer, FormatSettings.Default with { Sections = [SummarySection.Instance] });
        string html = writer.ToString();

        Assert.Contains("<th>Document</th><th class=\"num\">Words</th><th class=\"col\">Summary</th><th class=\"num\">Findings</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"col\">Chongryon membership has also declined.</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">2</td><td class=\"col\"></td><td class=\"num\">0</td>", html, StringComparison.Ordinal); // b.md has no summary: an empty cell

        // Without the summary among the sections, no column and no quotation: the value stays in the JSON only.
        var plain = new StringWriter();
        new HtmlReportFormatter().Write(ReportBuilder.FromDocuments([first, second]), plain, FormatSettings.Default);
        Assert.DoesNotContain("<th class=\"col\">Summary</th>", plain.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Chongryon", plain.ToString(), StringComparison.Ordinal);

        // A narrow screen hides the sections' sentence-long columns, found by their class, not by their place: without the
        // summary the third column is the findings', which stays.
        Assert.Contains("<th>Document</th><th class=\"num\">Words</th><th class=\"num\">Findings</th>", plain.ToString(), StringComparison.Ordinal);
        Assert.Contains("#overview .col { display: none; }", html, StringComparison.Ordinal);
        Assert.DoesNotContain("nth-child", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_summary_shows_nothing_and_an_empty_document_says_so()
    {
        DocumentReport empty = new DocumentReport("e.md", "analysed", new DocumentStats(0, 0, 0, 0), [], []) with
        {
            Sections = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["summary"] = JsonDocument.Parse("""{"budget":0,"sentences":[]}""").RootElement },
        };
        var settings = FormatSettings.Default with { Sections = [SummarySection.Instance] };

        Assert.DoesNotContain("summary", SectionTestSupport.Format("console", empty, settings), StringComparison.Ordinal);
        Assert.DoesNotContain("Summary", SectionTestSupport.Format("markdown", empty, settings), StringComparison.Ordinal);
        string html = SectionTestSupport.Format("html", empty, settings);
        Assert.DoesNotContain("<h3>Summary</h3>", html, StringComparison.Ordinal);
        Assert.Contains("The document is empty.", html, StringComparison.Ordinal);
    }

    private static DocumentReport Document(params (string Key, string Json)[] sections) =>
        new("a.md", "analysed", new DocumentStats(10, 2, 1, 1), [], [])
        {
            Sections = sections.Length == 0 ? null : sections.ToDictionary(s => s.Key, s => JsonDocument.Parse(s.Json).RootElement, StringComparer.Ordinal),
        };
}

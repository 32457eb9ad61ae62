using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Loading;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Tests.Reporting;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Keywords;

/// <summary>
/// The keywords are a slice: their folder holds their JSON (at its schema version 1 place, before <c>sentences</c>, in
/// every record), their schemas, the corpus total (<c>summary.topKeywords</c>) and their views; the formats show the
/// keyword line, the bars, the overview column and the shared keywords without knowing the keywords' types.
/// </summary>
public sealed class KeywordsSectionTests
{
    private static readonly Lazy<AnalysisEngine> Engine = new(() => BuiltInAnalyzers.CreateEngine(TestModels.Set));

    private static FormatSettings Settings => FormatSettings.Default with { Sections = [KeywordsSection.Instance] };

    [Fact]
    public void The_schemas_in_its_folder_are_the_ones_docs_publish()
    {
        SectionTestSupport.AssertPublished(KeywordsSection.Instance);
    }

    [Fact]
    public void The_keyword_analyzer_declares_its_section_and_the_engine_publishes_it_first()
    {
        Assert.Same(KeywordsSection.Instance, Engine.Value.Analyzers.OfType<KeywordAnalyzer>().Single().Section);
        Assert.Same(KeywordsSection.Instance, Engine.Value.Sections[0]);
        Assert.DoesNotContain("keywords", ReportSections.ReservedKeys);
        Assert.Contains("keywords", ReportSections.BeforeSentences);
    }

    [Fact]
    public void Every_record_has_its_keywords_just_before_the_sentences_a_failed_one_an_empty_list()
    {
        AnalysisOptions options = AnalysisOptions.Default;
        DocumentAnalysis seed = Engine.Value.Analyze(DocumentLoader.LoadFile(TestPaths.SeedArticle, "seeds/seed.txt", options.MaxFileBytes), options, DefaultSeverities.Instance);
        DocumentAnalysis bad = Engine.Value.Analyze(DocumentLoader.FromBytes("bad.txt", [0x63, 0x61, 0x66, 0xE9], options.MaxFileBytes, DocumentFormat.PlainText), options, DefaultSeverities.Instance);
        Assert.Null(bad.Document);

        foreach ((DocumentAnalysis analysis, bool empty) in new[] { (seed, false), (bad, true) })
        {
            string json = JsonSerializer.Serialize(ReportBuilder.BuildDocument(analysis, Engine.Value.Sections), JsonLinesReportFormatter.Options);
            JsonElement record = JsonDocument.Parse(json).RootElement;
            Assert.Equal(["path", "status", "stats", "keywords", "sentences", "diagnostics"], record.EnumerateObject().Select(p => p.Name).Take(6));
            Assert.Equal(empty, record.GetProperty("keywords").GetArrayLength() == 0);
        }
    }

    [Fact]
    public void The_report_keeps_the_keywords_writer_not_their_JSON_and_writes_the_same_bytes()
    {
        DocumentAnalysis seed = Engine.Value.Analyze(SourceText.From(File.ReadAllText(TestPaths.SeedArticle), "seeds/seed.txt"), AnalysisOptions.Default, DefaultSeverities.Instance);
        DocumentReport document = ReportBuilder.BuildDocument(seed, Engine.Value.Sections);

        // A long document's keywords (100,000 occurrences each) are written from the result, never held as JSON.
        SectionValues values = Assert.IsType<SectionValues>(document.Sections);
        Assert.True(values.TryGetWriter("keywords", out _));
        Assert.False(values.TryGetWriter("clusters", out _));
        Assert.Equal(["keywords", "clusters", "stance", "summary"], values.Keys);

        // Read as JSON it is written afresh each time: equal values, not one kept element.
        JsonElement once = values["keywords"];
        JsonElement again = values["keywords"];
        Assert.Equal(once.GetRawText(), again.GetRawText());
        Assert.Throws<NotSupportedException>(() => values.Remove("keywords"));

        // A record written from the writer and one read back (held as JSON) are the same bytes.
        string written = JsonSerializer.Serialize(document, JsonLinesReportFormatter.Options);
        DocumentReport read = JsonSerializer.Deserialize<DocumentReport>(written, JsonLinesReportFormatter.Options)!;
        Assert.IsNotType<SectionValues>(read.Sections);
        Assert.Equal(written, JsonSerializer.Serialize(read, JsonLinesReportFormatter.Options));
    }

    [Fact]
    public void The_written_value_is_the_built_one_and_has_every_keyword_of_the_result()
    {
        DocumentAnalysis seed = Engine.Value.Analyze(SourceText.From(File.ReadAllText(TestPaths.SeedArticle), "seeds/seed.txt"), AnalysisOptions.Default, DefaultSeverities.Instance);
        IReadOnlyList<Keyword> keywords = seed.GetResult<KeywordResult>()!.Keywords;
        JsonElement written = ReportBuilder.BuildDocument(seed, [KeywordsSection.Instance]).Sections!["keywords"];

        Assert.True(JsonNode.DeepEquals(KeywordsSection.Instance.Build(seed), JsonNode.Parse(written.GetRawText())));
        Assert.Equal(keywords.Select(k => (k.Text, k.Rank, k.Occurrences.Count)), written.EnumerateArray().Select(k => (k.GetProperty("text").GetString()!, k.GetProperty("rank").GetInt32(), k.GetProperty("occurrences").GetArrayLength())));
        JsonElement first = written[0].GetProperty("occurrences")[0];
        LinePosition at = seed.Document!.Source.GetLinePosition(keywords[0].Occurrences[0].Span.Start);
        Assert.Equal((at.DisplayLine, at.DisplayColumn), (first.GetProperty("line").GetInt32(), first.GetProperty("column").GetInt32()));
    }

    [Fact]
    public void The_corpus_total_keeps_the_first_spelling_counts_documents_and_sums_scores()
    {
        DocumentReport[] documents =
        [
            Document("a.md", ("Bill", 1, 3), ("tax", 0.5, 2)),
            Document("b.md", ("bill", 0.25, 1), ("budget", 1, 4)),
            Document("c.md"),
        ];
        CorpusReport report = ReportBuilder.FromDocuments(documents, [KeywordsSection.Instance]);
        JsonElement top = report.Summary.Aggregates!["topKeywords"];
        Assert.Equal(
            [("Bill", 2, 1.25), ("budget", 1, 1.0), ("tax", 1, 0.5)],
            top.EnumerateArray().Select(k => (k.GetProperty("text").GetString()!, k.GetProperty("documents").GetInt32(), k.GetProperty("score").GetDouble())));

        string json = Format("json", report, Settings);
        Assert.Equal("topKeywords", JsonNode.Parse(json)!["summary"]!.AsObject().Last().Key);

        // The same total from the records read back, as merge reads them.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        Assert.Equal(json, Format("json", ReportBuilder.FromDocuments([.. DocumentRecordReader.Read(stream)], [KeywordsSection.Instance]), Settings));

        // Without the section, no total.
        Assert.Null(ReportBuilder.FromDocuments(documents).Summary.Aggregates);
    }

    /// <summary>
    /// The human-readable formats read a fresh report's keywords to show them: written whole, with every occurrence, and
    /// parsed (a five-megabyte document of nouns in sentences of 60 words: a million occurrences a keyword, 700 MB at the
    /// console report's peak, bench/README.md). They read each keyword's text, score and count now, and show the same as
    /// from the whole records that merge reads back.
    /// </summary>
    [Fact]
    public void The_views_read_only_text_score_and_count_of_a_fresh_report_and_show_as_from_whole_records()
    {
        AnalysisOptions options = AnalysisOptions.Default;
        DocumentReport[] fresh = [.. Directory.GetFiles(TestPaths.Seeds).Order(StringComparer.Ordinal).Select(path =>
            ReportBuilder.BuildDocument(Engine.Value.Analyze(DocumentLoader.LoadFile(path, "seeds/" + Path.GetFileName(path), options.MaxFileBytes), options, DefaultSeverities.Instance), Engine.Value.Sections))];

        SectionValues values = Assert.IsType<SectionValues>(fresh[0].Sections);
        Assert.True(values.TryGetViewValue("keywords", out JsonElement shown));
        Assert.Equal(["text", "score", "count"], shown.EnumerateArray().SelectMany(k => k.EnumerateObject().Select(p => p.Name)).Distinct());
        JsonElement whole = values["keywords"];
        Assert.Equal(
            whole.EnumerateArray().Select(k => (k.GetProperty("text").GetString(), k.GetProperty("score").GetDouble(), k.GetProperty("count").GetInt32(), k.GetProperty("occurrences").GetArrayLength())),
            shown.EnumerateArray().Select(k => (k.GetProperty("text").GetString(), k.GetProperty("score").GetDouble(), k.GetProperty("count").GetInt32(), k.GetProperty("count").GetInt32())));
        Assert.True(values.TryGetViewValue("clusters", out JsonElement clusters)); // a section without a view writer: the whole value
        Assert.Equal(values["clusters"].GetRawText(), clusters.GetRawText());

        // Every human-readable format shows the same from the fresh documents as from their records read back whole.
        CorpusReport report = ReportBuilder.FromDocuments(fresh, Engine.Value.Sections);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Format("json", report, Settings)));
        CorpusReport merged = ReportBuilder.FromDocuments([.. DocumentRecordReader.Read(stream)], Engine.Value.Sections);
        foreach (string format in (string[])["console", "markdown", "html"])
        {
            string text = Format(format, report, Settings);
            Assert.Contains(JsonNode.Parse(whole.GetRawText())!.AsArray()[0]!["text"]!.GetValue<string>(), text, StringComparison.Ordinal);
            Assert.Equal(Format(format, merged, Settings), text);
        }
    }

    [Fact]
    public void The_corpus_total_reads_only_text_and_score_of_a_fresh_report_and_totals_as_from_whole_records()
    {
        AnalysisOptions options = AnalysisOptions.Default;
        DocumentReport[] fresh = [.. Directory.GetFiles(TestPaths.Seeds).Order(StringComparer.Ordinal).Select(path =>
            ReportBuilder.BuildDocument(Engine.Value.Analyze(DocumentLoader.LoadFile(path, "seeds/" + Path.GetFileName(path), options.MaxFileBytes), options, DefaultSeverities.Instance), Engine.Value.Sections))];
        Assert.Equal(3, fresh.Length);

        // What the total reads: the keywords' texts and scores, the same strings and doubles as in the whole value.
        SectionValues values = Assert.IsType<SectionValues>(fresh[0].Sections);
        Assert.True(values.TryGetCorpusValue("keywords", out JsonElement reduced));
        JsonElement whole = values["keywords"];
        Assert.Equal(["text", "score"], reduced.EnumerateArray().SelectMany(k => k.EnumerateObject().Select(p => p.Name)).Distinct());
        Assert.Equal(
            whole.EnumerateArray().Select(k => (k.GetProperty("text").GetString(), BitConverter.DoubleToInt64Bits(k.GetProperty("score").GetDouble()))),
            reduced.EnumerateArray().Select(k => (k.GetProperty("text").GetString(), BitConverter.DoubleToInt64Bits(k.GetProperty("score").GetDouble()))));
        Assert.True(values.TryGetCorpusValue("clusters", out JsonElement clusters));
        Assert.Equal(values["clusters"].GetRawText(), clusters.GetRawText());

        // The whole report from the fresh documents and from their records read back (as merge reads them, whole) are the same bytes.
        string json = Format("json", ReportBuilder.FromDocuments(fresh, Engine.Value.Sections), Settings);
        Assert.NotEmpty(JsonNode.Parse(json)!["summary"]!["topKeywords"]!.AsArray());
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        DocumentReport[] read = [.. DocumentRecordReader.Read(stream)];
        Assert.All(read, r => Assert.IsNotType<SectionValues>(r.Sections));
        Assert.Equal(json, Format("json", ReportBuilder.FromDocuments(read, Engine.Value.Sections), Settings));
    }

    [Fact]
    public void The_shared_keywords_are_a_line_under_the_markdown_overview_and_bars_over_the_html_one()
    {
        CorpusReport report = ReportBuilder.FromDocuments(
            [Document("a.md", ("Bill", 1, 3), ("tax", 0.5, 2)), Document("b.md", ("bill", 0.25, 1), ("budget", 1, 4))],
            [KeywordsSection.Instance]);

        string markdown = Format("markdown", report, Settings);
        Assert.Contains("| Document | Words | Sentences | Top keywords | Diagnostics |\n|---|---:|---:|---|---:|\n| `a.md` | 14 | 1 | Bill, tax | 0 |\n| `b.md` | 14 | 1 | bill, budget | 0 |\n\n**Keywords across documents:** Bill (2 documents)\n\n", markdown, StringComparison.Ordinal);

        string html = Format("html", report, Settings);
        Assert.Contains("<h2>Overview</h2>\n<h3>Keywords several documents share</h3>\n<svg class=\"bars\" role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Bill: a keyword of 2 documents</title>", html, StringComparison.Ordinal);
        Assert.Contains("<th>Document</th><th class=\"num\">Words</th><th class=\"num\">Findings</th>", html, StringComparison.Ordinal); // no keyword column in the page's overview

        // Without the section among the formats' sections: no column, no line, no bars.
        Assert.DoesNotContain("keywords", Format("markdown", report, FormatSettings.Default), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Keywords several", Format("html", report, FormatSettings.Default), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_human_format_shows_the_keywords_escaped_for_itself_and_at_most_top()
    {
        DocumentReport document = Document("a.md", ("<b>bill</b> | `x`\u001b[31m", 1, 2), ("tax", 0.5, 1), ("budget", 0.25, 1));
        CorpusReport report = ReportBuilder.FromDocuments([document], [KeywordsSection.Instance]);

        Assert.Contains("\n  keywords: <b>bill</b> | `x`\\u001B[31m 1.00, tax 0.50, budget 0.25\n", Format("console", report, Settings), StringComparison.Ordinal);
        Assert.Contains("\n  keywords: \u001b[36m<b>bill</b> | `x`\\u001B[31m\u001b[0m \u001b[2m1.00\u001b[0m, \u001b[36mtax\u001b[0m \u001b[2m0.50\u001b[0m\n", Format("console", report, Settings with { Color = true, TopKeywords = 2 }), StringComparison.Ordinal);
        Assert.Contains("\n**Keywords:** &lt;b&gt;bill&lt;/b&gt; \\| \\`x\\`\\u001B\\[31m (1.00) · tax (0.50)\n\n", Format("markdown", report, Settings with { TopKeywords = 2 }), StringComparison.Ordinal);

        string html = Format("html", report, Settings);
        Assert.Contains("<div class=\"cols\">\n<div><h3>Keywords</h3>\n<svg class=\"bars\" role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Keyword salience in a.md (1 = the most salient)</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>&lt;b&gt;bill&lt;/b&gt; | `x`\\u001B[31m: salience 1.00 (1 = the most salient), 2 occurrences</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>tax: salience 0.50 (1 = the most salient), 1 occurrence</title>", html, StringComparison.Ordinal);

        // A compact section (a page of more than 50 documents): one line of the first terms.
        var page = new StringWriter { NewLine = "\n" };
        using (IReportWriter stream = new HtmlReportFormatter().Open(page, Settings with { ExpectedDocuments = HtmlReportFormatter.DetailedDocumentLimit + 1 }, MemorySpool.Factory))
        {
            stream.WriteDocument(document);
            stream.Complete(new ReportCompletion(report.Tool, report.Summary, null));
        }

        string compact = page.ToString();
        Assert.Contains("<p class=\"keywords\"><strong>Keywords:</strong> &lt;b&gt;bill&lt;/b&gt; | `x`\\u001B[31m &#183; tax &#183; budget</p>\n", compact, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg class=\"bars\"", compact, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_without_keywords_shows_no_keyword_line()
    {
        CorpusReport report = ReportBuilder.FromDocuments([Document("a.md")], [KeywordsSection.Instance]);
        Assert.DoesNotContain("keywords", Format("console", report, Settings), StringComparison.Ordinal);
        Assert.DoesNotContain("Keywords", Format("markdown", report, Settings), StringComparison.Ordinal);
        Assert.DoesNotContain("<h3>Keywords</h3>", Format("html", report, Settings), StringComparison.Ordinal);
    }

    /// <summary>
    /// A text of nothing but nouns gives its keywords an occurrence for nearly every word: 5 MB of them made a JSON record
    /// whose keywords (three million occurrences) waited whole in the record writer's buffer, 800 MB of the JSON report's
    /// 1.6 GB peak, because a section's value was written without a flush. The value is now passed on to the stream as
    /// it is written, in pieces of the record writer's size, and the bytes are those of the whole record.
    /// </summary>
    [Fact]
    public void A_long_keyword_list_reaches_the_stream_in_pieces_with_the_same_bytes()
    {
        string text = string.Concat(Enumerable.Repeat("Word " + string.Concat(Enumerable.Repeat("word ", 58)) + "word. ", 100));
        DocumentAnalysis analysis = Engine.Value.Analyze(SourceText.From(text, "nouns.txt"), AnalysisOptions.Default, DefaultSeverities.Instance);
        DocumentReport document = ReportBuilder.BuildDocument(analysis, Engine.Value.Sections);

        var stream = new LargestWriteStream();
        JsonText.SerializeUtf8(stream, document, JsonReportFormatter.Options, indent: 4);

        Assert.True(stream.Length > 2_000_000, $"{stream.Length} bytes");
        Assert.True(stream.Largest < 4 * JsonText.FlushAt, $"a write of {stream.Largest} bytes");
        var whole = new StringWriter { NewLine = "\n" };
        JsonText.Serialize(whole, document, JsonReportFormatter.Options, indent: 4);
        Assert.Equal(whole.ToString(), Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>A memory stream that records its largest single write.</summary>
    private sealed class LargestWriteStream : MemoryStream
    {
        public int Largest { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Largest = Math.Max(Largest, count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Largest = Math.Max(Largest, buffer.Length);
            base.Write(buffer);
        }
    }

    private static string Format(string name, CorpusReport report, FormatSettings settings)
    {
        var writer = new StringWriter { NewLine = "\n" };
        ReportFormatters.Find(name)!.Write(report, writer, settings);
        return writer.ToString();
    }

    private static DocumentReport Document(string path, params (string Text, double Score, int Count)[] keywords) =>
        new(path, "analysed", new DocumentStats(80, 14, 1, 1), [new SentenceReport(0, "The bill and the tax.", 0, 21, 1, 1)], [])
        {
            Sections = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["keywords"] = SectionTestSupport.Keywords(keywords) },
        };
}

using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Loading;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Reporting;

/// <summary>The streaming shape of the formats: jsonl, the JSON record round trip, and SARIF rule indices.</summary>
public class StreamingFormatsTests
{
    private static CorpusReport Report()
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var options = AnalysisOptions.Default;
        return ReportBuilder.Build(
        [
            engine.Analyze(DocumentLoader.LoadFile(TestPaths.SeedArticle, "seeds/seed.txt", options.MaxFileBytes), options, DefaultSeverities.Instance),
            engine.Analyze(DocumentLoader.FromBytes("bad.txt", [0x63, 0x61, 0x66, 0xE9], options.MaxFileBytes, DocumentFormat.PlainText), options, DefaultSeverities.Instance),
            engine.Analyze(SourceText.From("Officials said the talks may resume.\n\nThe minister should resign, critics said.", "b.md"), options, DefaultSeverities.Instance),
        ]);
    }

    private static string Write(IReportFormatter formatter, CorpusReport report, FormatSettings? settings = null)
    {
        var writer = new StringWriter();
        formatter.Write(report, writer, settings ?? FormatSettings.Default);
        return writer.ToString();
    }

    /// <summary>A spool of text only: the JSON report's path before records were spooled as UTF-8.</summary>
    private sealed class TextOnlySpool : IReportSpool
    {
        private readonly StringWriter _writer = new();

        public TextWriter Writer => _writer;

        public void CopyTo(TextWriter destination) => destination.Write(_writer.ToString());

        public void Dispose() => _writer.Dispose();
    }

    [Fact]
    public void Json_records_spooled_as_utf8_give_the_bytes_of_the_text_path()
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var options = AnalysisOptions.Default;
        CorpusReport report = ReportBuilder.Build(
        [
            engine.Analyze(DocumentLoader.LoadFile(TestPaths.SeedArticle, "seeds/seed.txt", options.MaxFileBytes), options, DefaultSeverities.Instance),
            engine.Analyze(SourceText.From("Le ministre « a dit » non — the café’s 中文 sign 😀 said the talks may resume.\n\nOfficials said so.", "u.md"), options, DefaultSeverities.Instance),

            // Long enough for the sentences to be written in parallel chunks of 1,024 (the first item, two pairs, an odd end).
            engine.Analyze(SourceText.From(string.Concat(Enumerable.Range(0, 3_500).Select(i =>
                i % 7 == 0 ? $"Officials said budget {i} may “pass” 😀.\n" : $"The council approved budget {i}.\n")), "long.txt"), options, DefaultSeverities.Instance),
        ]);
        Assert.Equal(3_500, report.Documents.Single(d => d.Path == "long.txt").Sentences.Count);

        string Through(Func<IReportSpool> spools, bool bytes, int? expected = -1)
        {
            using var stream = new MemoryStream();
            using (var file = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 10, leaveOpen: true) { NewLine = "\n" })
            {
                TextWriter output = bytes ? Utf8OutputWriter.Over(file) : file;
                using IReportWriter writer = new JsonReportFormatter().Open(output, FormatSettings.Default with { ExpectedDocuments = expected == -1 ? report.Documents.Count : expected }, spools);
                foreach (DocumentReport d in report.Documents)
                {
                    writer.WriteDocument(d);
                }

                writer.Complete(new ReportCompletion(report.Tool, report.Summary, null));
                output.Flush();
            }

            return Convert.ToHexString(stream.ToArray());
        }

        string text = Through(() => new TextOnlySpool(), bytes: false);
        Assert.Equal(text, Through(MemorySpool.Factory, bytes: false));
        Assert.Equal(text, Through(MemorySpool.Factory, bytes: true));
        Assert.Equal(text, Through(() => new TextOnlySpool(), bytes: true));

        // The document expected last is written straight to the output, not spooled; the bytes are the same whether the
        // count is unknown (every record spooled), right, or too small (the held record is spooled when another comes).
        foreach (int? expected in new int?[] { null, 1, report.Documents.Count })
        {
            Assert.Equal(text, Through(MemorySpool.Factory, bytes: true, expected));
            Assert.Equal(text, Through(MemorySpool.Factory, bytes: false, expected));
            Assert.Equal(text, Through(() => new TextOnlySpool(), bytes: false, expected));
        }
    }

    [Fact]
    public void The_json_record_of_a_one_document_report_goes_straight_to_the_output_not_through_the_spool()
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var options = AnalysisOptions.Default;
        CorpusReport report = ReportBuilder.Build(
            [engine.Analyze(DocumentLoader.LoadFile(TestPaths.SeedArticle, "seeds/seed.txt", options.MaxFileBytes), options, DefaultSeverities.Instance)]);
        string expected = JsonSerializer.Serialize(report, JsonReportFormatter.Options) + "\n";
        foreach (bool bytes in new[] { true, false })
        {
            var spool = new MemorySpool();
            using var stream = new MemoryStream();
            using (var file = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 10, leaveOpen: true) { NewLine = "\n" })
            {
                TextWriter output = bytes ? Utf8OutputWriter.Over(file) : file;
                using IReportWriter writer = new JsonReportFormatter().Open(output, FormatSettings.Default with { ExpectedDocuments = 1 }, () => spool);
                writer.WriteDocument(report.Documents[0]);
                long spooled = 0;
                spool.ReadUtf8(chunk => spooled += chunk.Length);
                Assert.Equal(0, spooled);
                writer.Complete(new ReportCompletion(report.Tool, report.Summary, null));
                output.Flush();
            }

            Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        }
    }

    [Fact]
    public void Jsonl_is_one_object_per_line_equal_to_the_json_documents()
    {
        CorpusReport report = Report();
        string jsonl = Write(new JsonLinesReportFormatter(), report);
        string[] lines = jsonl.Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        Assert.Equal(report.Documents.Count, lines.Length - 1);
        JsonArray documents = JsonNode.Parse(Write(new JsonReportFormatter(), report))!["documents"]!.AsArray();
        for (int i = 0; i < documents.Count; i++)
        {
            JsonNode line = JsonNode.Parse(lines[i])!;
            Assert.True(JsonNode.DeepEquals(documents[i], line), $"line {i + 1} differs from documents[{i}]");
        }

        Assert.Equal(["b.md", "bad.txt", "seeds/seed.txt"], lines[..^1].Select(l => JsonNode.Parse(l)!["path"]!.GetValue<string>()));
    }

    [Fact]
    public void Document_records_round_trip_through_json_and_give_the_same_summary()
    {
        CorpusReport report = Report();
        string jsonl = Write(new JsonLinesReportFormatter(), report);
        DocumentReport[] read = [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<DocumentReport>(l, JsonLinesReportFormatter.Options)!)];
        CorpusReport rebuilt = ReportBuilder.FromDocuments(read);
        Assert.Equal(Write(new JsonReportFormatter(), report), Write(new JsonReportFormatter(), rebuilt));
        Assert.Equal(Write(new MarkdownReportFormatter(), report), Write(new MarkdownReportFormatter(), rebuilt));
    }

    [Fact]
    public void Streamed_json_equals_the_serialised_report_object()
    {
        CorpusReport report = Report();
        string expected = JsonSerializer.Serialize(report, JsonReportFormatter.Options) + "\n";
        Assert.Equal(expected, Write(new JsonReportFormatter(), report));
        CorpusReport empty = ReportBuilder.FromDocuments([]);
        Assert.Equal(JsonSerializer.Serialize(empty, JsonReportFormatter.Options) + "\n", Write(new JsonReportFormatter(), empty));
    }

    [Fact]
    public void Sarif_rule_indices_point_at_their_rules_when_the_catalogue_grows_while_streaming()
    {
        // No catalogue given: every rule is met in a diagnostic, in an order unlike the catalogue's (sorted by id).
        using JsonDocument doc = JsonDocument.Parse(Write(new SarifReportFormatter(), Report()));
        JsonElement run = doc.RootElement.GetProperty("runs")[0];
        string[] ids = [.. run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        JsonElement[] results = [.. run.GetProperty("results").EnumerateArray()];
        Assert.True(results.Length > 3);
        foreach (JsonElement r in results)
        {
            Assert.Equal(r.GetProperty("ruleId").GetString(), ids[r.GetProperty("ruleIndex").GetInt32()]);
        }
    }

    [Fact]
    public void Every_format_writes_an_empty_corpus()
    {
        CorpusReport empty = ReportBuilder.FromDocuments([]);
        foreach (IReportFormatter f in ReportFormatters.All)
        {
            string text = Write(f, empty);
            if (f.Name is "json" or "sarif")
            {
                using JsonDocument _ = JsonDocument.Parse(text);
            }
        }

        Assert.Equal(string.Empty, Write(new JsonLinesReportFormatter(), empty));
        Assert.Contains("0 of 0 document(s) analysed", Write(new ConsoleReportFormatter(), empty), StringComparison.Ordinal);
    }
}

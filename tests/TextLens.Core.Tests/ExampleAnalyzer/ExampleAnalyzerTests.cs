using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.ExampleAnalyzer;

/// <summary>
/// The one-folder claim of docs/architecture.md: an analyzer written in this folder alone, added with one
/// registration, reaches every format (JSON under its key and valid against the schema with its fragment; console,
/// Markdown and HTML from its view), declares the result it reads, reports its rule, and survives <c>merge</c>.
/// </summary>
public sealed class ExampleAnalyzerTests
{
    private static readonly Lazy<AnalysisEngine> Engine = new(() =>
        new AnalysisEngine([.. BuiltInAnalyzers.Create(TestModels.Set), new SentenceLengthAnalyzer()], TestModels.Set));

    private static readonly Lazy<CorpusReport> Report = new(() => ReportBuilder.Build(
        [
            Engine.Value.Analyze(SourceText.From(File.ReadAllText(TestPaths.SeedArticle), "seeds/seed.txt"), AnalysisOptions.Default, DefaultSeverities.Instance),
            Engine.Value.Analyze(SourceText.From("# Short notes\n\nRates rose. Rates fell.\n", "notes.md"), AnalysisOptions.Default, DefaultSeverities.Instance),
        ],
        sections: Engine.Value.Sections));

    private static FormatSettings Settings => FormatSettings.Default with { Rules = Engine.Value.Rules, Sections = Engine.Value.Sections };

    private static string Format(string name, CorpusReport report)
    {
        var writer = new StringWriter { NewLine = "\n" };
        ReportFormatters.Find(name)!.Write(report, writer, Settings);
        return writer.ToString();
    }

    [Fact]
    public void Its_section_is_in_each_analysed_document_under_its_key()
    {
        JsonNode seed = JsonNode.Parse(Format("json", Report.Value))!["documents"]![1]!;
        Assert.Equal("seeds/seed.txt", (string?)seed["path"]);
        JsonObject section = seed["sentenceLength"]!.AsObject();
        Assert.InRange((double)section["meanWords"]!, 10, 40);
        Assert.Equal(40, (int)section["longWords"]!);
        JsonArray longOnes = section["long"]!.AsArray();
        Assert.NotEmpty(longOnes);
        Assert.All(longOnes, s => Assert.True((int)s!["words"]! > 40));
        Assert.Contains(longOnes, s => s!["keywords"]!.AsArray().Count > 0);

        JsonObject notes = JsonNode.Parse(Format("json", Report.Value))!["documents"]![0]!["sentenceLength"]!.AsObject();
        Assert.Equal(2, (int)notes["medianWords"]!);
        Assert.Empty(notes["long"]!.AsArray());
    }

    [Fact]
    public void Its_sentence_values_are_in_each_sentence_and_its_view_reads_them()
    {
        JsonNode notes = JsonNode.Parse(Format("json", Report.Value))!["documents"]![0]!;
        JsonArray sentences = notes["sentences"]!.AsArray();
        Assert.Equal("Short notes", (string?)sentences[0]!["text"]);
        Assert.Null(sentences[0]!["words"]); // a heading has no value: no property
        Assert.Equal([2, 2], sentences.Skip(1).Select(s => (int)s!["words"]!));
        Assert.Equal("words", sentences[1]!.AsObject().Last(p => p.Key != "stance").Key); // after the sentence's position and the themes' cluster

        JsonNode seed = JsonNode.Parse(Format("json", Report.Value))!["documents"]![1]!;
        int longest = seed["sentences"]!.AsArray().Max(s => (int?)s!["words"] ?? 0);
        Assert.Contains($"longest {longest} words", Format("console", Report.Value), StringComparison.Ordinal);
        Assert.Contains($"longest <strong>{longest} words</strong>", Format("html", Report.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void Its_rule_is_reported_and_catalogued()
    {
        DocumentReport seed = Report.Value.Documents[1];
        int flagged = seed.Diagnostics.Count(d => d.Id == "TL9101");
        Assert.Equal(seed.Sections!["sentenceLength"].GetProperty("long").GetArrayLength(), flagged);
        Assert.Contains(Engine.Value.Rules, r => r.Id == "TL9101");
        Assert.Contains("\"TL9101\"", Format("sarif", Report.Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_validates_against_the_schema_with_its_fragment_and_not_without()
    {
        string json = Format("json", Report.Value);

        JsonSchema composed = await JsonSchema.FromJsonAsync(ReportSchema.For(Engine.Value.Sections));
        Assert.Empty(composed.Validate(json));

        // The published schema, the built-in sections alone, does not know the example's.
        JsonSchema plain = await JsonSchema.FromFileAsync(TestPaths.Repo("docs", "report.schema.json"));
        Assert.NotEmpty(plain.Validate(json));

        JsonNode root = JsonNode.Parse(json)!;
        root["documents"]![1]!["sentenceLength"]!.AsObject().Add("undocumented", 1);
        ICollection<ValidationError> errors = composed.Validate(root.ToJsonString());
        Assert.NotEmpty(errors);

        // A sentence value that breaks its fragment fails too.
        JsonNode wrong = JsonNode.Parse(json)!;
        wrong["documents"]![1]!["sentences"]![1]!["words"] = -1;
        Assert.NotEmpty(composed.Validate(wrong.ToJsonString()));
    }

    [Theory]
    [InlineData("console", "Sentence length: mean ")]
    [InlineData("markdown", "**Sentence length:** mean ")]
    [InlineData("html", "<h3>Sentence length</h3>")]
    public void Human_formats_show_its_view(string format, string expected)
    {
        string text = Format(format, Report.Value);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("over 40 words", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_marks_and_sentence_notes_reach_the_text_of_the_page()
    {
        // The view's sentence notes go into each sentence's tooltip, its marks around the keywords of the long sentences.
        string html = Format("html", Report.Value);
        JsonNode seed = JsonNode.Parse(Format("json", Report.Value))!["documents"]![1]!;
        JsonArray sentences = seed["sentences"]!.AsArray();
        foreach (JsonNode? s in sentences.Where(s => s!["words"] is not null).Take(20))
        {
            int i = (int)s!["index"]!;
            Assert.Matches($"<span id=\"doc-1-s{i}\" class=\"[^\"]*\"( style=\"[^\"]*\")? title=\"sentence {i + 1}, line {(int)s["line"]!}[^\"]* &#183; {(int)s["words"]!} words\"", html);
        }

        JsonNode first = seed["sentenceLength"]!["long"]!.AsArray().First(l => l!["keywords"]!.AsArray().Count > 0)!;
        int index = (int)first["sentence"]!;
        int start = html.IndexOf($"<span id=\"doc-1-s{index}\"", StringComparison.Ordinal);
        string span = html[start..html.IndexOf("</span>", start, StringComparison.Ordinal)];
        Assert.Contains($"<mark class=\"long keyword\" title=\"a keyword of a sentence of {(int)first["words"]!} words\">", span, StringComparison.Ordinal);

        // The table's number columns are aligned right.
        Assert.Contains("| Line | Words | Keywords in it |\n|---:|---:|---|\n", Format("markdown", Report.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_table_lists_every_long_sentence()
    {
        string md = Format("markdown", Report.Value);
        Assert.Contains("| Line | Words | Keywords in it |", md, StringComparison.Ordinal);
        int rows = Report.Value.Documents[1].Sections!["sentenceLength"].GetProperty("long").GetArrayLength();
        string table = md[md.IndexOf("| Line | Words | Keywords in it |", StringComparison.Ordinal)..];
        Assert.Equal(rows, table.Split('\n').Skip(2).TakeWhile(l => l.StartsWith('|')).Count());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("console")]
    [InlineData("markdown")]
    [InlineData("html")]
    public void A_result_read_back_as_merge_does_gives_the_same_bytes(string format)
    {
        string json = Format("json", Report.Value);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        CorpusReport readBack = ReportBuilder.FromDocuments([.. DocumentRecordReader.Read(stream)], Engine.Value.Sections);
        Assert.Equal(Format(format, Report.Value), Format(format, readBack));
    }

    [Fact]
    public void Its_corpus_total_is_in_the_summary_and_under_the_markdown_overview()
    {
        JsonNode summary = JsonNode.Parse(Format("json", Report.Value))!["summary"]!;
        int longOnes = Report.Value.Documents.Sum(d => d.Sections!["sentenceLength"].GetProperty("long").GetArrayLength());
        Assert.Equal(longOnes, (int)summary["longSentences"]!["sentences"]!);
        Assert.Equal(1, (int)summary["longSentences"]!["documents"]!); // the notes have none
        Assert.Equal("longSentences", summary.AsObject().Last().Key); // after the summary's own properties and the keywords'

        string md = Format("markdown", Report.Value);
        Assert.Contains($"\n**Long sentences:** {longOnes} in 1 document(s)\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_overview_column_is_in_both_overviews_and_its_style_in_the_page()
    {
        string md = Format("markdown", Report.Value);
        Assert.Contains("| Document | Words | Sentences | Top keywords | Long sentences | Diagnostics |\n|---|---:|---:|---|---|---:|\n", md, StringComparison.Ordinal);
        Assert.Matches(@"\| `notes.md` \| \d+ \| \d+ \| [^|]* \| 0 \| \d+ \|\n", md);

        string html = Format("html", Report.Value);
        Assert.Contains("<th>Document</th><th class=\"num\">Words</th><th class=\"col\">Summary</th><th class=\"col\">Long sentences</th><th class=\"num\">Findings</th>", html, StringComparison.Ordinal);
        Assert.Contains("\n.text mark.long { background: #ffebe9; }\n", html[..html.IndexOf("</style>", StringComparison.Ordinal)], StringComparison.Ordinal);
        var builtIn = new StringWriter { NewLine = "\n" };
        new HtmlReportFormatter().Write(Report.Value, builtIn, FormatSettings.Default with { Sections = BuiltInAnalyzers.CreateEngine(TestModels.Set).Sections });
        Assert.DoesNotContain("mark.long", builtIn.ToString(), StringComparison.Ordinal);
        Assert.Contains("\n.text mark.cue { border-bottom: 2px dotted; }", builtIn.ToString(), StringComparison.Ordinal); // the stance's marks
    }

    [Fact]
    public void A_format_without_the_section_keeps_the_json_and_shows_nothing()
    {
        var writer = new StringWriter { NewLine = "\n" };
        new ConsoleReportFormatter().Write(Report.Value, writer, FormatSettings.Default);
        Assert.DoesNotContain("Sentence length", writer.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"sentenceLength\"", Format("json", Report.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_report_is_unchanged_by_the_registration()
    {
        AnalysisEngine builtIn = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        Assert.Equal(["keywords", "clusters", "stance", "summary"], builtIn.Sections.Select(s => s.Key));
        CorpusReport plain = ReportBuilder.Build([builtIn.Analyze(SourceText.From(File.ReadAllText(TestPaths.SeedArticle), "seeds/seed.txt"), AnalysisOptions.Default, DefaultSeverities.Instance)], sections: builtIn.Sections);
        Assert.Equal(["keywords", "clusters", "stance", "summary"], plain.Documents[0].Sections!.Keys);
        Assert.Equal(["topKeywords"], plain.Summary.Aggregates!.Keys);
        Assert.Equal(["cluster", "stance"], plain.Documents[0].SentenceValues!.Keys);
        Assert.DoesNotContain("sentenceLength", Format("json", plain), StringComparison.Ordinal);
    }
}

/// <summary>Keys a section may not take: exactly the document object's own JSON properties.</summary>
public sealed class ReportSectionKeyTests
{
    [Fact]
    public void Reserved_keys_are_the_document_objects_own_properties()
    {
        Assert.Equal(JsonProperties(typeof(DocumentReport)), ReportSections.ReservedKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reserved_corpus_keys_are_the_summary_objects_own_properties()
    {
        Assert.Equal(JsonProperties(typeof(CorpusSummary)), ReportSections.ReservedCorpusKeys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("words", "built-in property of the corpus summary")]
    [InlineData("topKeywords", "Two report sections use the corpus key 'topKeywords'")]
    [InlineData("Top", "not a camelCase name")]
    public void A_bad_corpus_key_is_refused_when_the_engine_is_built(string corpusKey, string reason)
    {
        var ex = Assert.Throws<ArgumentException>(() => new AnalysisEngine([.. BuiltInAnalyzers.Create(TestModels.Set), new Keyed("totals") { Corpus = corpusKey }], TestModels.Set));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_style_sheet_that_could_close_the_style_element_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AnalysisEngine([new Keyed("styled") { Style = "</style><script>alert(1)</script>\n" }], TestModels.Set));
        Assert.Contains("style sheet with a '<'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserved_sentence_keys_are_the_sentence_objects_own_properties()
    {
        Assert.Equal(JsonProperties(typeof(SentenceReport)), ReportSections.ReservedSentenceKeys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("text", "built-in property of the sentence object")]
    [InlineData("line", "built-in property of the sentence object")]
    [InlineData("stance", "Two report sections use the sentence key 'stance'")]
    [InlineData("Cluster", "not a camelCase name")]
    [InlineData("cluster", "Two report sections use the sentence key 'cluster'")]
    public void A_bad_sentence_key_is_refused_when_the_engine_is_built(string sentenceKey, string reason)
    {
        var ex = Assert.Throws<ArgumentException>(() => new AnalysisEngine([.. BuiltInAnalyzers.Create(TestModels.Set), new Keyed("perSentence", sentenceKey)], TestModels.Set));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>The JSON names of a record's properties (camelCase), less those never written as such (extension data, ignored).</summary>
    private static string[] JsonProperties(Type type) =>
        [.. type.GetProperties()
            .Where(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonExtensionDataAttribute), false).Length == 0)
            .Where(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), false)
                .Cast<System.Text.Json.Serialization.JsonIgnoreAttribute>().All(i => i.Condition != System.Text.Json.Serialization.JsonIgnoreCondition.Always))
            .Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("sentences", "built-in property")]
    [InlineData("keywords", "Two report sections use the key 'keywords'")]
    [InlineData("stance", "Two report sections use the key 'stance'")]
    [InlineData("Sentence", "not a camelCase name")]
    [InlineData("sentence-length", "not a camelCase name")]
    [InlineData("", "not a camelCase name")]
    public void A_bad_section_key_is_refused_when_the_engine_is_built(string key, string reason)
    {
        var ex = Assert.Throws<ArgumentException>(() => new AnalysisEngine([.. BuiltInAnalyzers.Create(TestModels.Set), new Keyed(key)], TestModels.Set));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_sections_with_one_key_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AnalysisEngine([new Keyed("same"), new Keyed("same")], TestModels.Set));
        Assert.Contains("Two report sections use the key 'same'", ex.Message, StringComparison.Ordinal);
    }

    private sealed class Keyed(string key, string? sentenceKey = null) : IDocumentAnalyzer, IReportSection
    {
        public string Name => "keyed-" + key;

        public IReadOnlyList<RuleDescriptor> SupportedRules => [];

        public Type? ResultType => null;

        public IReportSection Section => this;

        public string Key => key;

        public string Title => key;

        public string Schema => "{}";

        public string? SentenceKey => sentenceKey;

        public string? SentenceSchema => "{}";

        public string? Corpus { get; init; }

        public string? Style { get; init; }

        public string? CorpusKey => Corpus;

        public string? CorpusSchema => "{}";

        public string? Css => Style;

        public void Analyze(AnalysisContext context)
        {
        }

        public JsonNode? Build(DocumentAnalysis analysis) => null;

        public SectionView Present(System.Text.Json.JsonElement value) => SectionView.Empty;
    }
}

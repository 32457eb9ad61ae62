using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Loading;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Reporting;

/// <summary>
/// The report schema is composed: the base (what the core writes) plus each section's fragments, a section's key
/// required only where the section says every record carries it. docs/report.schema.json is that composition for
/// the built-in sections, so an engine without the keyword analyzer has a schema its reports pass.
/// </summary>
public sealed class ReportSchemaCompositionTests
{
    private const string Regenerate = "TEXTLENS_WRITE_SCHEMA";

    [Fact]
    public void Docs_report_schema_json_is_the_base_plus_the_built_in_sections()
    {
        string expected = ReportSchema.For(BuiltInAnalyzers.ResultSections(BuiltInAnalyzers.CreateEngine(TestModels.Set)));
        string path = TestPaths.Repo("docs", "report.schema.json");
        if (Environment.GetEnvironmentVariable(Regenerate) == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(
            expected == File.ReadAllText(path).ReplaceLineEndings("\n"),
            $"docs/report.schema.json is stale: regenerate it with '{Regenerate}=1 dotnet test tests/TextLens.Core.Tests --filter Docs_report_schema_json'.");
    }

    [Fact]
    public void The_base_names_only_what_the_core_writes()
    {
        JsonNode schema = JsonNode.Parse(ReportSchema.Base)!;
        JsonNode document = schema["definitions"]!["document"]!;
        string[] sectionKeys = [.. BuiltInAnalyzers.ResultSections(BuiltInAnalyzers.CreateEngine(TestModels.Set)).Select(s => s.Key)];
        Assert.Equal(["path", "status", "stats", "sentences", "diagnostics"], document["required"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Empty(document["properties"]!.AsObject().Select(p => p.Key).Intersect(sectionKeys));
        Assert.Equal(["index", "text", "start", "length", "line", "column"], document["properties"]!["sentences"]!["items"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("topKeywords", schema["properties"]!["summary"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("topKeywords", schema["properties"]!["summary"]!["required"]!.AsArray().Select(k => k!.GetValue<string>()));
    }

    /// <summary>
    /// A definition one section alone refers to is that section's (<see cref="IReportSection.Definitions"/>: the stance's
    /// tagCount and polarityScore), not the base's; what the base defines is the core's (the base refers to it) or shared
    /// by sections (probability), location being the shape of the core's location writer (SpanJson.WriteLocation).
    /// </summary>
    [Fact]
    public void A_definition_one_section_alone_uses_is_that_sections()
    {
        IReportSection[] sections = [.. BuiltInAnalyzers.ResultSections(BuiltInAnalyzers.CreateEngine(TestModels.Set))];
        Dictionary<string, string[]> usedBy = sections
            .SelectMany(s => new[] { s.Schema, s.SentenceSchema, s.CorpusSchema, s.Definitions }.OfType<string>()
                .SelectMany(text => Regex.Matches(text, "\"#/definitions/([A-Za-z]+)\"").Select(m => m.Groups[1].Value))
                .Distinct()
                .Select(name => (Name: name, s.Key)))
            .GroupBy(u => u.Name)
            .ToDictionary(g => g.Key, g => g.Select(u => u.Key).Distinct().ToArray());

        JsonObject baseDefinitions = JsonNode.Parse(ReportSchema.Base)!["definitions"]!.AsObject();
        foreach ((string name, JsonNode? _) in baseDefinitions)
        {
            bool core = ReportSchema.Base.Contains($"\"#/definitions/{name}\"", StringComparison.Ordinal);
            string[] users = usedBy.GetValueOrDefault(name, []);
            Assert.True(core || users.Length > 1 || name == "location", $"the base defines '{name}', which only section {string.Join(", ", users)} uses");
        }

        foreach (IReportSection section in sections.Where(s => s.Definitions is not null))
        {
            foreach ((string name, JsonNode? _) in JsonNode.Parse(section.Definitions!)!.AsObject())
            {
                Assert.False(baseDefinitions.ContainsKey(name), $"{section.Key} defines '{name}', which the base defines too");
                Assert.Equal([section.Key], usedBy.GetValueOrDefault(name, []));
            }
        }

        JsonObject published = JsonNode.Parse(ReportSchema.For(sections))!["definitions"]!.AsObject();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(StanceSection.Instance.Definitions!)!["tagCount"], published["tagCount"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(StanceSection.Instance.Definitions!)!["polarityScore"], published["polarityScore"]));
    }

    [Fact]
    public void A_section_defining_a_name_the_schema_defines_otherwise_is_refused()
    {
        string probability = """{ "probability": { "type": "number", "minimum": 0, "maximum": 1 } }""";
        Assert.Contains("probability", ReportSchema.WithSections(ReportSchema.Base, [new Defining(probability)]), StringComparison.Ordinal);
        ArgumentException refused = Assert.Throws<ArgumentException>(() =>
            ReportSchema.WithSections(ReportSchema.Base, [new Defining("""{ "probability": { "type": "number" } }""")]));
        Assert.Contains("'probability'", refused.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ReportSchema.For([StanceSection.Instance, new Defining("""{ "tagCount": { "type": "integer" } }""")]));
    }

    /// <summary>The stance's section with other definitions, under another key.</summary>
    private sealed class Defining(string definitions) : IReportSection
    {
        public string Key => "defining";

        public string Title => "Defining";

        public string Schema => StanceSection.Instance.Schema;

        public string? Definitions => definitions;

        public JsonNode? Build(DocumentAnalysis analysis) => null;

        public SectionView Present(JsonElement value) => new([]);
    }

    [Fact]
    public void A_section_that_every_record_carries_is_required_and_its_corpus_total_too()
    {
        JsonNode published = JsonNode.Parse(ReportSchema.For(BuiltInAnalyzers.CreateEngine(TestModels.Set).Sections))!;
        string[] required = [.. published["definitions"]!["document"]!["required"]!.AsArray().Select(k => k!.GetValue<string>())];
        Assert.Equal(["path", "status", "stats", "sentences", "diagnostics", "keywords"], required);
        Assert.Contains("topKeywords", published["properties"]!["summary"]!["required"]!.AsArray().Select(k => k!.GetValue<string>()));

        // Composing twice changes nothing: a key is required once.
        Assert.Equal(ReportSchema.For(BuiltInAnalyzers.CreateEngine(TestModels.Set).Sections), ReportSchema.WithSections(ReportSchema.For(BuiltInAnalyzers.CreateEngine(TestModels.Set).Sections), BuiltInAnalyzers.CreateEngine(TestModels.Set).Sections));
    }

    [Fact]
    public void A_built_in_section_is_always_written_exactly_when_it_says_so()
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        AnalysisOptions options = AnalysisOptions.Default;
        DocumentAnalysis bad = engine.Analyze(DocumentLoader.FromBytes("bad.txt", [0x63, 0x61, 0x66, 0xE9], options.MaxFileBytes, DocumentFormat.PlainText), options, DefaultSeverities.Instance);
        Assert.Null(bad.Document);
        foreach (IReportSection section in BuiltInAnalyzers.ResultSections(engine))
        {
            Assert.True(section.AlwaysWritten == section.Build(bad) is not null, $"{section.Key}: AlwaysWritten is {section.AlwaysWritten}, a failed document's value is {section.Build(bad)?.ToJsonString() ?? "none"}");
        }
    }

    /// <summary>
    /// Engines without the keyword analyzer: none at all, and the themes alone. Their reports have no <c>keywords</c> and
    /// no <c>summary.topKeywords</c>, which the published schema (the built-in sections) requires: before the base named
    /// only what the core writes, no composition of the published schema passed them.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_report_without_the_keyword_analyzer_passes_the_schema_of_its_sections_and_only_that(bool themes)
    {
        var engine = new AnalysisEngine(themes ? [new ThemeAnalyzer()] : [], TestModels.Set);
        AnalysisOptions options = AnalysisOptions.Default;
        CorpusReport report = ReportBuilder.Build(
            [
                engine.Analyze(SourceText.From(File.ReadAllText(TestPaths.SeedArticle), "seeds/seed.txt"), options, DefaultSeverities.Instance),
                engine.Analyze(DocumentLoader.FromBytes("bad.txt", [0x63, 0x61, 0x66, 0xE9], options.MaxFileBytes, DocumentFormat.PlainText), options, DefaultSeverities.Instance),
            ],
            sections: engine.Sections);
        var writer = new StringWriter();
        ReportFormatters.Find("json")!.Write(report, writer, FormatSettings.Default with { Sections = engine.Sections });
        string json = writer.ToString();
        JsonNode root = JsonNode.Parse(json)!;
        Assert.Equal("seeds/seed.txt", root["documents"]![1]!["path"]!.GetValue<string>());
        Assert.Null(root["documents"]![1]!["keywords"]);
        Assert.Equal(themes, root["documents"]![1]!["clusters"] is not null);

        JsonSchema composed = await JsonSchema.FromJsonAsync(ReportSchema.For(engine.Sections));
        Assert.Empty(composed.Validate(json));

        // The published schema (the built-in sections) requires the keywords and their corpus total.
        JsonSchema published = await JsonSchema.FromFileAsync(TestPaths.Repo("docs", "report.schema.json"));
        ICollection<ValidationError> missing = published.Validate(json);
        Assert.Contains(missing, e => Flatten(e).Prepend(e).Any(c => c.Kind == ValidationErrorKind.PropertyRequired && c.Property == "topKeywords"));
        Assert.Contains(missing, e => Flatten(e).Prepend(e).Any(c => c.Kind == ValidationErrorKind.PropertyRequired && c.Property == "keywords"));

        // What this engine does not write is undocumented for it: the keywords fail its schema, as any other field.
        JsonNode withKeywords = root.DeepClone();
        withKeywords["documents"]![1]!["keywords"] = new JsonArray();
        Assert.Contains(composed.Validate(withKeywords.ToJsonString()), e => Flatten(e).Prepend(e).Any(c => c.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed));

        JsonNode undocumented = root.DeepClone();
        undocumented["summary"]!["undocumentedField"] = 1;
        Assert.Contains(composed.Validate(undocumented.ToJsonString()), e => e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed);
        Assert.Contains(published.Validate(undocumented.ToJsonString()), e => e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed);
    }

    private static IEnumerable<ValidationError> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child ? child.Errors.SelectMany(e => e.Value).SelectMany(e => Flatten(e).Prepend(e)) : [];
}

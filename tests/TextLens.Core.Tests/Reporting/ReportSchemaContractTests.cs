using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Loading;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Reporting;

/// <summary>
/// The report schema is a contract that can fail: every object in it lists its fields and allows no others,
/// so a field the code starts writing fails validation until docs/report.schema.json (and report-schema.md)
/// document it.
/// </summary>
public class ReportSchemaContractTests
{
    private static readonly Lazy<string> Report = new(BuildReport);

    [Fact]
    public void Every_object_in_the_schema_allows_no_undocumented_fields()
    {
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(TestPaths.Repo("docs", "report.schema.json")));
        var open = new List<string>();
        Walk(schema.RootElement, "#", open);
        Assert.True(open.Count == 0, "objects without \"additionalProperties\": " + string.Join(", ", open));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tool")]
    [InlineData("summary")]
    [InlineData("documents/*")]
    [InlineData("documents/*/keywords/*")]
    [InlineData("documents/*/sentences/*")]
    [InlineData("documents/*/sentences/*/stance")]
    [InlineData("documents/*/diagnostics/*")]
    [InlineData("documents/*/clusters/*")]
    [InlineData("documents/*/stance")]
    public async Task An_undocumented_field_fails_validation(string where)
    {
        JsonSchema schema = await JsonSchema.FromFileAsync(TestPaths.Repo("docs", "report.schema.json"));
        Assert.Empty(schema.Validate(Report.Value));

        JsonNode root = JsonNode.Parse(Report.Value)!;
        JsonObject target = Find(root, where.Length == 0 ? [] : where.Split('/'))
            ?? throw new InvalidOperationException($"the test report has no object at '{where}'");
        target.Add("undocumentedField", 1);

        ICollection<ValidationError> errors = schema.Validate(root.ToJsonString());
        Assert.Contains(errors, e => e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed || Flatten(e).Any(c => c.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed));
    }

    private static IEnumerable<ValidationError> Flatten(ValidationError error) =>
        error is ChildSchemaValidationError child ? child.Errors.SelectMany(e => e.Value).SelectMany(e => Flatten(e).Prepend(e)) : [];

    /// <summary>The first object at a path whose '*' steps take any element of an array.</summary>
    private static JsonObject? Find(JsonNode? node, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty)
        {
            return node as JsonObject;
        }

        if (path[0] == "*")
        {
            if (node is JsonArray array)
            {
                foreach (JsonNode? item in array)
                {
                    if (Find(item, path[1..]) is { } found)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        return node is JsonObject obj && obj.TryGetPropertyValue(path[0], out JsonNode? next) ? Find(next, path[1..]) : null;
    }

    private static void Walk(JsonElement node, string pointer, List<string> open)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object
                && !node.TryGetProperty("additionalProperties", out _))
            {
                open.Add(pointer);
            }

            foreach (JsonProperty p in node.EnumerateObject())
            {
                Walk(p.Value, pointer + "/" + p.Name, open);
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (JsonElement item in node.EnumerateArray())
            {
                Walk(item, pointer + "/" + i++, open);
            }
        }
    }

    private static string BuildReport()
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var options = AnalysisOptions.Default;
        DocumentAnalysis[] analyses =
        [
            engine.Analyze(DocumentLoader.LoadFile(TestPaths.SeedArticle, "seeds/seed.txt", options.MaxFileBytes), options, DefaultSeverities.Instance),
            engine.Analyze(DocumentLoader.FromBytes("empty.md", [], options.MaxFileBytes, DocumentFormat.Markdown), options, DefaultSeverities.Instance),
        ];
        var writer = new StringWriter();
        new JsonReportFormatter().Write(ReportBuilder.Build(analyses, sections: engine.Sections), writer, FormatSettings.Default);
        return writer.ToString();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;

namespace TextLens.Core.Analyzers.Themes;

/// <summary>
/// The themes' part of the report: the document's <c>"clusters": [ { "id", "label", "terms", "sentences",
/// "representative", "share" } ]</c>, written just after the summary (<see cref="ReportSections.AfterDiagnostics"/>, its
/// place in schema version 1), each sentence's <c>"cluster"</c> (its theme's id, or -1), their schemas
/// (docs/report.schema.json holds the same, a test keeps them equal), and what the other formats show: the themes
/// between the keywords and the stance (console and Markdown list them with their representative sentences; HTML
/// draws the document as a strip coloured by theme, and colours its text the same way).
/// </summary>
public sealed class ThemesSection : IReportSection
{
    public static ThemesSection Instance { get; } = new();

    private ThemesSection()
    {
    }

    public string Key => "clusters";

    public string Title => "Themes";

    public string ShortTitle => "themes";

    public SectionPlacement Placement => SectionPlacement.Body;

    public string? MissingNote => "No themes in this report (the theme analysis did not run or found none).";

    public string Schema => """
        {
          "type": "array",
          "description": "Themes in order of first appearance (ids 0, 1, ...). Present for analysed documents.",
          "items": {
            "type": "object",
            "required": ["id", "label", "terms", "sentences", "representative", "share"],
            "properties": {
              "id": { "type": "integer", "minimum": 0 },
              "label": { "type": "string", "minLength": 1 },
              "terms": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["text", "weight"],
                  "properties": {
                    "text": { "type": "string", "minLength": 1 },
                    "weight": { "type": "number", "minimum": 0, "maximum": 1 }
                  },
                  "additionalProperties": false
                }
              },
              "sentences": { "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 0 } },
              "representative": { "type": "integer", "minimum": 0 },
              "share": { "type": "number", "minimum": 0, "maximum": 1 }
            },
            "additionalProperties": false
          }
        }
        """;

    public string? SentenceKey => "cluster";

    public string? SentenceSchema => """
        { "type": "integer", "minimum": -1, "description": "Id of the sentence's theme in 'clusters', or -1 when it fits no theme." }
        """;

    public JsonNode? Build(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Document is null || analysis.GetResult<ThemeResult>() is not { } result)
        {
            return null;
        }

        return new JsonArray([.. result.Themes.Select(t => (JsonNode)new JsonObject
        {
            ["id"] = t.Id,
            ["label"] = t.Label,
            ["terms"] = new JsonArray([.. t.Terms.Select(x => (JsonNode)new JsonObject { ["text"] = x.Text, ["weight"] = x.Weight })]),
            ["sentences"] = new JsonArray([.. t.Sentences.Select(i => (JsonNode)i)]),
            ["representative"] = t.Representative,
            ["share"] = t.Share,
        })]);
    }

    /// <summary>The sentence's theme id (<see cref="ThemeResult.Outlier"/> when it fits none).</summary>
    public JsonNode? BuildSentence(DocumentAnalysis analysis, int index)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return analysis.GetResult<ThemeResult>() is { } result ? result.Assignments[index] : null;
    }

    public SectionView Present(JsonElement value) => Present(value, null);

    /// <summary>The themes as sentence groups, in the order of the value; the sentences' <c>cluster</c> values say which sentence is in which.</summary>
    public SectionView Present(JsonElement value, SentenceValueView? sentenceValues)
    {
        SentenceGroup[] groups = [.. value.EnumerateArray().Select(t => new SentenceGroup(
            t.GetProperty("id").GetInt32(),
            t.GetProperty("label").GetString() ?? string.Empty,
            t.GetProperty("share").GetDouble(),
            [.. t.GetProperty("sentences").EnumerateArray().Select(s => s.GetInt32())],
            t.GetProperty("representative").GetInt32()))];
        int?[]? membership = sentenceValues?.Read(s => s.ValueKind == JsonValueKind.Number ? s.GetInt32() : (int?)null);
        return new SectionView([]) { Groups = new SentenceGroups("theme", groups) { Membership = membership } };
    }
}

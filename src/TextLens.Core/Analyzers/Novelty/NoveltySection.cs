using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;

namespace TextLens.Core.Analyzers.Novelty;

/// <summary>
/// The corpus comparison's part of the report (<c>report --corpus</c>, docs/corpus.md): the document's
/// <c>"corpus": { "documents", "nearest", "newTerms", "themes" }</c>, written just before <c>settings</c>
/// (<see cref="ReportSections.BeforeSettings"/>), its schema (docs/report.schema.json holds the same, a test keeps them
/// equal), and the line a reviewer reads first, under the document's heading: <c>Closest to IF12094 (0.19: XM-30,
/// Army, Fighting Vehicle); new here: M-1 Abrams tanks, M-1E3</c>, with the nearest documents listed in HTML.
/// </summary>
public sealed class NoveltySection : IReportSection
{
    /// <summary>
    /// Below this similarity the nearest document is not called close: BBC news stories compared with the 76 CRS
    /// reports reach at most 0.04 in 49 of 51 cases, while half the CRS reports have a neighbour above 0.07 among the
    /// others and sibling reports reach 0.19 to 0.42 (docs/corpus.md).
    /// </summary>
    public const double CloseSimilarity = 0.05;

    public static NoveltySection Instance { get; } = new();

    private NoveltySection()
    {
    }

    public string Key => "corpus";

    public string Title => "Against the corpus";

    public string ShortTitle => "corpus";

    public SectionPlacement Placement => SectionPlacement.Lead;

    public string Schema => """
        {
          "type": "object",
          "description": "With --corpus: what the document adds to that body of documents (docs/corpus.md).",
          "required": ["documents", "nearest", "newTerms", "themes"],
          "properties": {
            "documents": { "type": "integer", "minimum": 0, "description": "Corpus documents compared with (less the document itself when the corpus holds it)." },
            "nearest": {
              "type": "array",
              "maxItems": 3,
              "items": {
                "type": "object",
                "required": ["path", "name", "similarity", "sharedTerms"],
                "properties": {
                  "path": { "type": "string", "minLength": 1, "description": "The document's id in the index (its path when indexed)." },
                  "name": { "type": "string", "minLength": 1, "description": "Its file name without the extension." },
                  "similarity": { "$ref": "#/definitions/probability", "description": "Cosine similarity of the tf-idf vectors, 4 decimals." },
                  "sharedTerms": { "type": "array", "maxItems": 3, "items": { "type": "string", "minLength": 1 } }
                },
                "additionalProperties": false
              }
            },
            "newTerms": {
              "type": "array",
              "maxItems": 5,
              "items": {
                "type": "object",
                "required": ["text", "documents"],
                "properties": {
                  "text": { "type": "string", "minLength": 1 },
                  "documents": { "type": "integer", "minimum": 0, "description": "Corpus documents holding it (at most 2% of them)." }
                },
                "additionalProperties": false
              }
            },
            "themes": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["cluster", "label", "closest", "similarity", "new"],
                "properties": {
                  "cluster": { "type": "integer", "minimum": 0 },
                  "label": { "type": "string" },
                  "closest": { "type": ["string", "null"] },
                  "similarity": { "$ref": "#/definitions/probability" },
                  "new": { "type": "boolean" }
                },
                "additionalProperties": false
              }
            }
          },
          "additionalProperties": false
        }
        """;

    public JsonNode? Build(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.GetResult<NoveltyResult>() is not { } result)
        {
            return null;
        }

        return new JsonObject
        {
            ["documents"] = result.CorpusDocuments,
            ["nearest"] = new JsonArray([.. result.Nearest.Select(n => (JsonNode)new JsonObject
            {
                ["path"] = n.Id,
                ["name"] = n.Name,
                ["similarity"] = n.Similarity,
                ["sharedTerms"] = new JsonArray([.. n.SharedTerms.Select(t => (JsonNode)t)]),
            })]),
            ["newTerms"] = new JsonArray([.. result.NewTerms.Select(t => (JsonNode)new JsonObject
            {
                ["text"] = t.Text,
                ["documents"] = t.Documents,
            })]),
            ["themes"] = new JsonArray([.. result.Themes.Select(t => (JsonNode)new JsonObject
            {
                ["cluster"] = t.Theme,
                ["label"] = t.Label,
                ["closest"] = t.Closest,
                ["similarity"] = t.Similarity,
                ["new"] = t.New,
            })]),
        };
    }

    /// <summary>
    /// The headline, e.g. <c>Closest to IF12094 (0.19: XM-30, Army, Fighting Vehicle); new here: M-1 Abrams tanks,
    /// M-1E3</c>, or <c>Nothing in the corpus (76 documents) is close (the nearest, RL30857, 0.01)</c>; when more than
    /// one document is near, the details list them all with their similarity and shared terms.
    /// </summary>
    public SectionView Present(JsonElement value)
    {
        int documents = value.GetProperty("documents").GetInt32();
        Near[] nearest = [.. value.GetProperty("nearest").EnumerateArray().Select(n => new Near(
            n.GetProperty("name").GetString() ?? string.Empty,
            n.GetProperty("similarity").GetDouble(),
            string.Join(", ", n.GetProperty("sharedTerms").EnumerateArray().Select(t => t.GetString())),
            n.GetProperty("sharedTerms").GetArrayLength() > 0))];
        string[] newTerms = [.. value.GetProperty("newTerms").EnumerateArray().Select(t => t.GetProperty("text").GetString() ?? string.Empty)];
        string[] newThemes = [.. value.GetProperty("themes").EnumerateArray()
            .Where(t => t.GetProperty("new").GetBoolean())
            .Select(t => t.GetProperty("label").GetString() ?? string.Empty)];

        string closest = nearest.Length == 0
            ? Inv($"Nothing in the corpus ({documents:N0} documents) is close")
            : nearest[0].Similarity < CloseSimilarity
            ? Inv($"Nothing in the corpus ({documents:N0} documents) is close (the nearest, {nearest[0].Name}, {nearest[0].Similarity:0.00})")
            : Inv($"Closest to {nearest[0].Name} ({nearest[0].Similarity:0.00}{(nearest[0].HasShared ? ": " + nearest[0].Shared : "")})");
        string terms = newTerms.Length == 0 ? "no rare keyword" : string.Join(", ", newTerms);
        string themes = newThemes.Length == 0 ? "" : $"; unseen theme{(newThemes.Length == 1 ? "" : "s")}: {string.Join("; ", newThemes)}";
        SectionList? details = nearest.Length > 1
            ? new SectionList("nearest", [.. nearest.Select(n => Inv($"{n.Name} ({n.Similarity:0.00}){(n.HasShared ? ": " + n.Shared : "")}"))])
            : null;
        return new SectionView([]) { Headline = $"{closest}; new here: {terms}{themes}", Details = details };
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Near(string Name, double Similarity, string Shared, bool HasShared);
}

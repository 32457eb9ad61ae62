using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Summary;

/// <summary>
/// The summary's part of the report: the document's <c>"summary": { "budget", "sentences" }</c>, written just after
/// <c>diagnostics</c> (<see cref="ReportSections.AfterDiagnostics"/>, its place in schema version 1), its schema
/// (docs/report.schema.json holds the same, a test keeps them equal), and what the other formats show: the chosen
/// sentences before the keywords (console with their lines, Markdown as a block quotation, HTML as a list linked to
/// the text), and the first of them in the HTML corpus overview.
/// </summary>
public sealed class SummarySection : IReportSection
{
    public static SummarySection Instance { get; } = new();

    private SummarySection()
    {
    }

    public string Key => "summary";

    public string Title => "Summary";

    public string ShortTitle => "summary";

    public SectionPlacement Placement => SectionPlacement.Start;

    public string? OverviewColumn => "Summary";

    public string Schema => """
        {
          "type": "object",
          "description": "The extractive summary: the sentences that best say what the document says, in document order (see docs/summary.md).",
          "required": ["budget", "sentences"],
          "properties": {
            "budget": { "type": "integer", "minimum": 0, "description": "Sentences the length rule (3-5, scaled to the document) or --summary-sentences asked for." },
            "sentences": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["index", "start", "length", "line", "column", "text"],
                "properties": {
                  "index": { "type": "integer", "minimum": 0, "description": "Index into 'sentences'." },
                  "start": { "type": "integer", "minimum": 0 },
                  "length": { "type": "integer", "minimum": 0 },
                  "line": { "type": "integer", "minimum": 1 },
                  "column": { "type": "integer", "minimum": 1 },
                  "text": { "type": "string" }
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
        if (analysis.Document is not { } document || analysis.GetResult<SummaryResult>() is not { } result)
        {
            return null;
        }

        SourceText source = document.Source;
        IReadOnlyList<Sentence> sentences = document.Sentences;
        return new JsonObject
        {
            ["budget"] = result.Budget,
            ["sentences"] = new JsonArray([.. result.Sentences.Select(s =>
            {
                LinePosition p = source.GetLinePosition(s.Span.Start);
                return (JsonNode)new JsonObject
                {
                    ["index"] = s.Index,
                    ["start"] = s.Span.Start,
                    ["length"] = s.Span.Length,
                    ["line"] = p.DisplayLine,
                    ["column"] = p.DisplayColumn,
                    ["text"] = sentences[s.Index].Text,
                };
            })]),
        };
    }

    /// <summary>The chosen sentences as an excerpt; the first of them is the document's cell in the corpus overview.</summary>
    public SectionView Present(JsonElement value)
    {
        QuotedSentence[] quoted = [.. value.GetProperty("sentences").EnumerateArray().Select(s => new QuotedSentence(
            s.GetProperty("index").GetInt32(),
            s.GetProperty("line").GetInt32(),
            s.GetProperty("text").GetString() ?? string.Empty))];
        return new SectionView([]) { Excerpt = new SectionExcerpt(quoted), Overview = quoted.FirstOrDefault()?.Text };
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Keywords;

/// <summary>
/// The keywords' part of the report: the document's <c>"keywords"</c> (each keyword with its score, rank, every
/// occurrence, its features and variants), written just before <c>sentences</c> (<see cref="ReportSections.BeforeSentences"/>,
/// its place in schema version 1) and present in every document record (an empty list where none, a failed document
/// too); the corpus summary's <c>"topKeywords"</c> (<see cref="CorpusKey"/>: the keywords most documents share, totalled
/// as the documents go by, <see cref="Aggregate"/>); their schemas (docs/report.schema.json holds the same, a test keeps
/// them equal); and what the other formats show: the keyword line (console and Markdown), the salience bars (HTML; one
/// line of them in a compact document section), the Markdown overview's "Top keywords" column, and the keywords
/// several documents share (a line under the Markdown overview, bars above the HTML one).
/// </summary>
public sealed class KeywordsSection : IReportSection
{
    /// <summary>How many corpus keywords the summary lists.</summary>
    public const int TopKeywordCount = 15;

    /// <summary>How many keywords a document's cell in the Markdown overview names.</summary>
    public const int OverviewKeywords = 5;

    /// <summary>How many shared keywords the line under the Markdown overview names.</summary>
    public const int SharedKeywordsLine = 10;

    /// <summary>The class of the keywords' bars in HTML (<see cref="Css"/>).</summary>
    private const string ChartName = "bars";

    public static KeywordsSection Instance { get; } = new();

    private KeywordsSection()
    {
    }

    public string Key => "keywords";

    public string Title => "Keywords";

    public string ShortTitle => "keywords";

    /// <summary>Among the analyses, first (analyzer order): before the themes and the stance.</summary>
    public SectionPlacement Placement => SectionPlacement.Body;

    public string? OverviewColumn => "Top keywords";

    /// <summary>In the Markdown overview only: the HTML one shows the keywords the documents share as bars instead.</summary>
    public OverviewFormats OverviewIn => OverviewFormats.Markdown;

    /// <summary>On a narrow screen the keywords' bars (<see cref="RankedTerms.Name"/> <c>bars</c>, here and over the overview) keep their labels readable and scroll instead.</summary>
    public string? Css => """
        @media (max-width: 900px) { svg.bars { min-width: 460px; } }

        """;

    public string Schema => """
        {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["text", "score", "rank", "count", "occurrences"],
            "properties": {
              "text": { "type": "string", "minLength": 1 },
              "score": { "type": "number", "minimum": 0, "maximum": 1 },
              "rank": { "type": "integer", "minimum": 1 },
              "count": { "type": "integer", "minimum": 1 },
              "occurrences": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/location" } },
              "variants": {
                "description": "The other forms written in the document and counted as this keyword (their occurrences are in 'occurrences'; 'text' is the spelled-out form when an acronym on its own is merged with its expansion), most frequent first: plurals and other forms with the same stems, and an acronym or its expansion defined in the text ('UC' / 'Unemployment Compensation'); then the forms with a selecting adjective ('different UC programs' under 'UC programs'; their words are already in this keyword's occurrences). Empty when there is one form.",
                "oneOf": [
                  { "type": "null" },
                  { "type": "array", "items": { "type": "string", "minLength": 1 } }
                ]
              },
              "features": {
                "oneOf": [
                  { "type": "null" },
                  { "type": "object", "additionalProperties": { "type": "number" } }
                ]
              }
            },
            "additionalProperties": false
          }
        }
        """;

    /// <summary>Every record has the keywords: an empty list where there are none, a failed document's too.</summary>
    public bool AlwaysWritten => true;

    public string? CorpusKey => "topKeywords";

    public string? CorpusSchema => """
        {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["text", "documents", "score"],
            "properties": {
              "text": { "type": "string", "minLength": 1 },
              "documents": { "type": "integer", "minimum": 1 },
              "score": { "type": "number", "minimum": 0 }
            },
            "additionalProperties": false
          }
        }
        """;

    /// <summary>The document's keywords as nodes (<see cref="ValueWriter"/>).</summary>
    public JsonNode? Build(DocumentAnalysis analysis)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ValueWriter(analysis)(writer);
        }

        return JsonNode.Parse(buffer.WrittenSpan);
    }

    /// <summary>
    /// The document's keywords, best first: an empty list for a document without any (a failed one, one not in English).
    /// The report keeps this writer, which holds the keyword result and the text, not the keywords' JSON: a keyword of a
    /// long document has 100,000 occurrences, whose JSON and its index would weigh several times the result's records.
    /// </summary>
    public SectionValueWriter ValueWriter(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Document is { } document && analysis.GetResult<KeywordResult>() is { } result)
        {
            IReadOnlyList<Keyword> keywords = result.Keywords;
            SourceText source = document.Source;
            return writer => Write(writer, keywords, source);
        }

        return static writer =>
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStartArray();
            writer.WriteEndArray();
        };
    }

    /// <summary>
    /// What the corpus total (<see cref="Aggregate"/>) reads of the document's keywords: each one's text and score, in
    /// the value's shape, without the occurrences, features and variants (the same strings and doubles, so the same total).
    /// </summary>
    public SectionValueWriter? CorpusValueWriter(DocumentAnalysis analysis) => KeywordsValue(analysis, withCount: false);

    /// <summary>
    /// What <see cref="Present"/> reads of the document's keywords: each one's text, score and count, in the value's shape,
    /// without the occurrences, features and variants (a keyword of a long document has a million occurrences: written
    /// and parsed to be shown, they were the console report's peak).
    /// </summary>
    public SectionValueWriter? ViewValueWriter(DocumentAnalysis analysis) => KeywordsValue(analysis, withCount: true);

    /// <summary>The document's keywords in the value's shape, each with its text and score (and its count), nothing more.</summary>
    private static SectionValueWriter? KeywordsValue(DocumentAnalysis analysis, bool withCount)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Document is null || analysis.GetResult<KeywordResult>() is not { } result)
        {
            return null;
        }

        IReadOnlyList<Keyword> keywords = result.Keywords;
        return writer =>
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStartArray();
            foreach (Keyword k in keywords)
            {
                writer.WriteStartObject();
                writer.WriteString("text"u8, k.Text);
                writer.WriteNumber("score"u8, k.Score);
                if (withCount)
                {
                    writer.WriteNumber("count"u8, k.Occurrences.Count);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        };
    }

    /// <summary>Written directly, not built as nodes.</summary>
    private static void Write(Utf8JsonWriter writer, IReadOnlyList<Keyword> keywords, SourceText source)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (Keyword k in keywords)
        {
            writer.WriteStartObject();
            writer.WriteString("text"u8, k.Text);
            writer.WriteNumber("score"u8, k.Score);
            writer.WriteNumber("rank"u8, k.Rank);
            writer.WriteNumber("count"u8, k.Occurrences.Count);
            writer.WriteStartArray("occurrences"u8);
            foreach (KeywordOccurrence o in k.Occurrences)
            {
                writer.WriteStartObject();
                SpanJson.WriteLocation(writer, source, o.Span);
                writer.WriteEndObject();
                if (writer.BytesPending > Reporting.Formats.JsonText.FlushAt)
                {
                    // A keyword of a long document has millions of occurrences: passed on as they are written, not held
                    // whole in the writer's buffer (on a stream; on a buffer, flushing only commits what is there).
                    writer.Flush();
                }
            }

            writer.WriteEndArray();
            writer.WritePropertyName("features"u8);
            if (k.Features is { } features)
            {
                writer.WriteStartObject();
                foreach ((string name, double value) in features)
                {
                    writer.WriteNumber(name, value);
                }

                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WritePropertyName("variants"u8);
            if (k.Variants is { } variants)
            {
                writer.WriteStartArray();
                foreach (string variant in variants)
                {
                    writer.WriteStringValue(variant);
                }

                writer.WriteEndArray();
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>The keywords as ranked terms (the salience from 0 to 1, two decimals); the first few are the document's cell in the Markdown overview.</summary>
    public SectionView Present(JsonElement value)
    {
        RankedTerm[] terms = [.. value.EnumerateArray().Select(k =>
        {
            string text = k.GetProperty("text").GetString() ?? string.Empty;
            double score = k.GetProperty("score").GetDouble();
            int count = k.GetProperty("count").GetInt32();
            return new RankedTerm(text, score, Inv($"{score:0.00}"), Inv($"{text}: salience {score:0.00} (1 = the most salient), {count} occurrence{(count == 1 ? string.Empty : "s")}"));
        })];
        return new SectionView([])
        {
            Terms = new RankedTerms("Keyword salience in {0} (1 = the most salient)", terms) { Name = ChartName },
            Overview = string.Join(", ", terms.Take(OverviewKeywords).Select(t => t.Text)),
        };
    }

    public ICorpusAggregate? CreateAggregate() => new Aggregate();

    /// <summary>
    /// The keywords several documents share (a keyword of one document says nothing about the set): a line naming the
    /// first few with their number of documents (Markdown), and bars of them all, the longest for the most documents (HTML).
    /// </summary>
    public SectionView PresentCorpus(JsonElement value)
    {
        (string Text, int Documents)[] shared = [.. value.EnumerateArray()
            .Select(k => (Text: k.GetProperty("text").GetString() ?? string.Empty, Documents: k.GetProperty("documents").GetInt32()))
            .Where(k => k.Documents >= 2)];
        if (shared.Length == 0)
        {
            return SectionView.Empty;
        }

        int max = shared.Max(k => k.Documents);
        const string Shared = "Keywords several documents share";
        return new SectionView(
            [new SectionFact("Keywords across documents", string.Join(", ", shared.Take(SharedKeywordsLine).Select(k => Inv($"{k.Text} ({k.Documents} documents)"))))])
        {
            Terms = new RankedTerms(Shared, [.. shared.Select(k => new RankedTerm(k.Text, (double)k.Documents / max, Inv($"{k.Documents} documents"), Inv($"{k.Text}: a keyword of {k.Documents} documents")))])
            {
                Title = Shared,
                Name = ChartName,
            },
        };
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The corpus keywords as a running total: each keyword (by its lower-case text) keeps its first spelling, the number
    /// of documents it is a keyword of and its scores summed in report order. Memory grows with the number of distinct
    /// keywords, not with the number of documents.
    /// </summary>
    private sealed class Aggregate : ICorpusAggregate
    {
        private readonly Dictionary<string, Total> _keywords = new(StringComparer.Ordinal);

        public void Add(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (JsonElement k in value.EnumerateArray())
            {
                string text = k.GetProperty("text").GetString() ?? string.Empty;
                double score = k.GetProperty("score").GetDouble();
                string key = text.ToLowerInvariant();
                _keywords[key] = _keywords.TryGetValue(key, out Total total)
                    ? total with { Documents = total.Documents + 1, Score = total.Score + score }
                    : new Total(text, 1, score);
            }
        }

        /// <summary>The <see cref="TopKeywordCount"/> keywords of the most documents, then of the highest summed score (rounded to 4 decimals), then by text.</summary>
        public JsonNode Build() => new JsonArray([.. _keywords.Values
            .Select(k => k with { Score = Math.Round(k.Score, 4) })
            .OrderByDescending(k => k.Documents).ThenByDescending(k => k.Score).ThenBy(k => k.Text, StringComparer.Ordinal)
            .Take(TopKeywordCount)
            .Select(k => (JsonNode)new JsonObject { ["text"] = k.Text, ["documents"] = k.Documents, ["score"] = k.Score })]);

        private readonly record struct Total(string Text, int Documents, double Score);
    }
}

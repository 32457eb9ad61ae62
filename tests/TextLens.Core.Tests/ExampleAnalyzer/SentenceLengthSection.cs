using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.ExampleAnalyzer;

/// <summary>
/// The analyzer's part of the report: <c>"sentenceLength": { "meanWords", "medianWords", "longWords", "long": [ … ] }</c>
/// in each document object, each sentence's <c>"words"</c> (none for a heading), the corpus summary's
/// <c>"longSentences"</c> (totalled over the documents), their schemas, its view for console, Markdown and HTML (built
/// from the JSON alone), a column in both corpus overviews, and the style of its marks in the HTML page.
/// </summary>
public sealed class SentenceLengthSection : IReportSection
{
    public string Key => "sentenceLength";

    public string Title => "Sentence length";

    public string? OverviewColumn => "Long sentences";

    public OverviewFormats OverviewIn => OverviewFormats.Html | OverviewFormats.Markdown;

    public string? Css => """
        .text mark.long { background: #ffebe9; }

        """;

    public string? CorpusKey => "longSentences";

    public string? CorpusSchema => """
        {
          "type": "object",
          "required": ["sentences", "documents"],
          "additionalProperties": false,
          "properties": {
            "sentences": { "type": "integer", "minimum": 0, "description": "Long sentences in the corpus." },
            "documents": { "type": "integer", "minimum": 0, "description": "Documents with at least one." }
          }
        }
        """;

    public ICorpusAggregate? CreateAggregate() => new LongSentences();

    public SectionView PresentCorpus(JsonElement value) => new(
        [new SectionFact("Long sentences", Inv($"{value.GetProperty("sentences").GetInt32()} in {value.GetProperty("documents").GetInt32()} document(s)"))]);

    public string Schema => """
        {
          "type": "object",
          "description": "Words per sentence (headings left out) and the sentences over the limit.",
          "required": ["meanWords", "medianWords", "longWords", "long"],
          "additionalProperties": false,
          "properties": {
            "meanWords": { "type": "number", "minimum": 0 },
            "medianWords": { "type": "integer", "minimum": 0 },
            "longWords": { "type": "integer", "minimum": 1 },
            "long": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["sentence", "line", "words", "keywords"],
                "additionalProperties": false,
                "properties": {
                  "sentence": { "type": "integer", "minimum": 0 },
                  "line": { "type": "integer", "minimum": 1 },
                  "words": { "type": "integer", "minimum": 1 },
                  "keywords": { "type": "array", "items": { "type": "string" } }
                }
              }
            }
          }
        }
        """;

    public string? SentenceKey => "words";

    public string? SentenceSchema => """{ "type": "integer", "minimum": 0, "description": "Words in the sentence (none for a heading)." }""";

    public JsonNode? BuildSentence(DocumentAnalysis analysis, int index)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return analysis.GetResult<SentenceLengthResult>()?.Words[index] is { } words ? words : null;
    }

    public JsonNode? Build(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.GetResult<SentenceLengthResult>() is not { } result || analysis.Document is not { } doc)
        {
            return null;
        }

        var longOnes = new JsonArray();
        foreach (LongSentence s in result.Long)
        {
            LinePosition at = doc.Source.GetLinePosition(s.Span.Start);
            longOnes.Add(new JsonObject
            {
                ["sentence"] = s.Index,
                ["line"] = at.DisplayLine,
                ["words"] = s.Words,
                ["keywords"] = new JsonArray([.. s.Keywords.Select(k => (JsonNode)k)]),
            });
        }

        return new JsonObject
        {
            ["meanWords"] = Math.Round(result.MeanWords, 2),
            ["medianWords"] = result.MedianWords,
            ["longWords"] = result.LongWords,
            ["long"] = longOnes,
        };
    }

    public SectionView Present(JsonElement value) => Present(value, null);

    /// <summary>
    /// The facts and the long sentences; the longest sentence's words are read from the sentences' own values, which
    /// HTML also puts in each sentence's tooltip ("42 words"), and the keywords of each long sentence are marked in it.
    /// </summary>
    public SectionView Present(JsonElement value, SentenceValueView? sentenceValues)
    {
        JsonElement[] longOnes = [.. value.GetProperty("long").EnumerateArray()];
        int?[] perSentence = sentenceValues?.Read(w => w.ValueKind == JsonValueKind.Number ? w.GetInt32() : (int?)null) ?? [];
        int[] words = [.. perSentence.OfType<int>()];
        var marks = new List<TextMark>?[perSentence.Length];
        foreach (JsonElement s in longOnes)
        {
            int index = s.GetProperty("sentence").GetInt32();
            if (index >= 0 && index < marks.Length)
            {
                (marks[index] ??= []).AddRange(s.GetProperty("keywords").EnumerateArray().Select(k =>
                    new TextMark(k.GetString() ?? string.Empty, "keyword", Inv($"a keyword of a sentence of {s.GetProperty("words").GetInt32()} words"))));
            }
        }

        SectionFact[] facts =
        [
            new("mean", Inv($"{value.GetProperty("meanWords").GetDouble():0.0} words")),
            new("median", Inv($"{value.GetProperty("medianWords").GetInt32()} words")),
            new($"over {value.GetProperty("longWords").GetInt32()} words", Inv($"{longOnes.Length} sentence{(longOnes.Length == 1 ? "" : "s")}")),
            .. words.Length == 0 ? [] : (SectionFact[])[new("longest", Inv($"{words.Max()} words"))],
        ];
        IReadOnlyList<string?> notes = [.. perSentence.Select(w => w is { } n ? Inv($"{n} words") : null)];
        var marked = new SentenceMarks("long", [.. marks]);
        string overview = Inv($"{longOnes.Length}");
        if (longOnes.Length == 0)
        {
            return new SectionView(facts) { SentenceNotes = notes, Marks = marked, Overview = overview };
        }

        IReadOnlyList<string>[] rows = [.. longOnes.Select(s => (IReadOnlyList<string>)
        [
            Inv($"{s.GetProperty("line").GetInt32()}"),
            Inv($"{s.GetProperty("words").GetInt32()}"),
            string.Join(", ", s.GetProperty("keywords").EnumerateArray().Select(k => k.GetString())),
        ])];
        return new SectionView(facts, new SectionTable(["Line", "Words", "Keywords in it"], rows) { Numeric = [0, 1] }) { SentenceNotes = notes, Marks = marked, Overview = overview };
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>The long sentences of the corpus and the documents that have any: two running counts.</summary>
    private sealed class LongSentences : ICorpusAggregate
    {
        private int _sentences;
        private int _documents;

        public void Add(JsonElement value)
        {
            int count = value.GetProperty("long").GetArrayLength();
            _sentences += count;
            _documents += count > 0 ? 1 : 0;
        }

        public JsonNode Build() => new JsonObject { ["sentences"] = _sentences, ["documents"] = _documents };
    }
}

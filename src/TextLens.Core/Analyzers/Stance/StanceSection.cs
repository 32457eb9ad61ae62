using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The stance's part of the report: the document's <c>"stance"</c> (the profile of tags, the most hedged, prescriptive
/// and polar sentences, and the stance toward the key terms), written just after the themes
/// (<see cref="ReportSections.AfterDiagnostics"/>, its place in schema version 1), each sentence's <c>"stance"</c> (its
/// tags, their probabilities and confidences, the cues behind them; last in the sentence,
/// <see cref="ReportSections.SentenceValuesLast"/>), their schemas (docs/report.schema.json holds the same, a test keeps
/// them equal), and what the other formats show: the profile line (console and Markdown), the key-term line (console)
/// or the collapsed lists and key-term table (Markdown), and in HTML the tone-and-certainty timeline, the bars of tone
/// toward the key terms beside the keyword bars, the cues marked in the text and each sentence's tags in its tooltip.
/// The readable formats show a tag only where it is confident (<see cref="EpistemicConfidentAt"/>,
/// <see cref="PolarityConfidentAt"/>); JSON and SARIF carry every tag with its confidence.
/// </summary>
public sealed class StanceSection : IReportSection
{
    /// <summary>
    /// The console, Markdown and HTML show a sentence's epistemic tag only where its confidence reaches this; below
    /// it they show <see cref="Uncertain"/> rather than a guess (JSON and SARIF carry every tag with its confidence).
    /// Each axis's threshold follows one rule on its own reliability on grouped cross-validation of the analysis-prose
    /// DEV set: the lowest bin edge from which every confidence bin is right at least 70% of the time
    /// (<c>StanceCalibration.DisplayThreshold</c>, printed by <c>textlens train stance --cv-on</c>; see
    /// models/stance-epistemic.md).
    /// </summary>
    public const double EpistemicConfidentAt = 0.7;

    /// <summary>As <see cref="EpistemicConfidentAt"/>, for the polarity label (see models/stance-polarity.md).</summary>
    public const double PolarityConfidentAt = 0.6;

    /// <summary>What the readable formats show in place of a tag that is not confident.</summary>
    public const string Uncertain = "uncertain";

    /// <summary>How many key terms the console's key-term line names.</summary>
    public const int ConsoleKeyTerms = 5;

    // The epistemic tags in the order the formats list them, with the words the timeline's legend and tooltips use.
    private static readonly (string Tag, string Label)[] EpistemicTags =
    [
        ("asserted", "stated as fact"),
        ("hedged", "hedged"),
        ("attributed", "attributed to a source"),
        ("prescriptive", "recommends or demands"),
        (Uncertain, "uncertain (not tagged)"),
    ];

    private static readonly IReadOnlyList<SeriesCategory> Categories =
        [.. EpistemicTags.Select(t => new SeriesCategory(t.Tag, t.Label) { Muted = t.Tag == Uncertain })];

    public static StanceSection Instance { get; } = new();

    private StanceSection()
    {
    }

    public string Key => "stance";

    public string Title => "Stance";

    public string ShortTitle => "stance";

    /// <summary>Among the analyses, after the themes (analyzer order).</summary>
    public SectionPlacement Placement => SectionPlacement.Body;

    public string ChartTitle => "Tone and certainty, sentence by sentence";

    public string? MissingNote => "No stance in this report (the stance analysis did not run).";

    /// <summary>
    /// The cue marks in the HTML page's text (<see cref="SentenceMarks"/> "cue", kinds hedge, attribution, prescription): a
    /// dotted underline in the category's colour; on a narrow screen the bars of tone toward the key terms
    /// (<see cref="SectionBars.Name"/> <c>keyterms</c>) and the tone and certainty timeline (<see cref="SentenceSeries.Name"/>
    /// <c>timeline</c>) keep their labels readable and scroll instead, the timeline no lower than 150 px.
    /// </summary>
    public string? Css => """
        .text mark.cue { border-bottom: 2px dotted; } .text mark.hedge { border-color: #9a6700; } .text mark.attribution { border-color: #0550ae; } .text mark.prescription { border-color: #8250df; }
        @media (max-width: 900px) { svg.keyterms { min-width: 460px; } svg.timeline { min-height: 150px; min-width: 720px; } }

        """;

    /// <summary>A tag's count and share of the sentences (the profile's), and a tone score in [−1, 1] (the document's, a key term's, a sentence's).</summary>
    public string? Definitions => """
        {
          "tagCount": {
            "type": "object",
            "required": ["count", "share"],
            "properties": { "count": { "type": "integer", "minimum": 0 }, "share": { "$ref": "#/definitions/probability" } }, "additionalProperties": false
          },
          "polarityScore": { "type": "number", "minimum": -1, "maximum": 1 }
        }
        """;

    public string Schema => """
        {
          "type": "object",
          "required": ["sentences", "epistemic", "polarity", "subjectivity", "meanPolarity", "mostHedged", "mostPrescriptive", "mostPolar", "keyTerms"],
          "properties": {
            "sentences": { "type": "integer", "minimum": 0 },
            "epistemic": {
              "type": "object",
              "required": ["asserted", "hedged", "attributed", "prescriptive"],
              "additionalProperties": { "$ref": "#/definitions/tagCount" }
            },
            "polarity": {
              "type": "object",
              "required": ["positive", "neutral", "negative"],
              "additionalProperties": { "$ref": "#/definitions/tagCount" }
            },
            "subjectivity": {
              "type": "object",
              "required": ["subjective", "objective"],
              "additionalProperties": { "$ref": "#/definitions/tagCount" }
            },
            "meanPolarity": { "$ref": "#/definitions/polarityScore" },
            "mostHedged": { "type": "array", "items": { "type": "integer", "minimum": 0 } },
            "mostPrescriptive": { "type": "array", "items": { "type": "integer", "minimum": 0 } },
            "mostPolar": { "type": "array", "items": { "type": "integer", "minimum": 0 } },
            "keyTerms": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["term", "rank", "mentions", "sentences", "meanPolarity", "positive", "negative", "hedgedShare", "attributedShare"],
                "properties": {
                  "term": { "type": "string", "minLength": 1 },
                  "rank": { "type": "integer", "minimum": 1 },
                  "mentions": { "type": "integer", "minimum": 1 },
                  "sentences": { "type": "array", "items": { "type": "integer", "minimum": 0 } },
                  "meanPolarity": { "$ref": "#/definitions/polarityScore" },
                  "positive": { "type": "integer", "minimum": 0 },
                  "negative": { "type": "integer", "minimum": 0 },
                  "hedgedShare": { "$ref": "#/definitions/probability" },
                  "attributedShare": { "$ref": "#/definitions/probability" }
                },
                "additionalProperties": false
              }
            }
          },
          "additionalProperties": false
        }
        """;

    public string? SentenceKey => "stance";

    public string? SentenceSchema => """
        {
          "type": "object",
          "required": ["epistemic", "hedged", "attributed", "prescriptive", "polarity", "polarityScore", "subjectivity", "subjectiveProbability", "confidence", "cues", "epistemicConfidence", "polarityConfidence", "epistemicConfident", "polarityConfident"],
          "properties": {
            "epistemic": { "enum": ["asserted", "hedged", "attributed", "prescriptive"] },
            "hedged": { "$ref": "#/definitions/probability" },
            "attributed": { "$ref": "#/definitions/probability" },
            "prescriptive": { "$ref": "#/definitions/probability" },
            "polarity": { "enum": ["positive", "neutral", "negative"] },
            "polarityScore": { "$ref": "#/definitions/polarityScore" },
            "subjectivity": { "enum": ["subjective", "objective"] },
            "subjectiveProbability": { "$ref": "#/definitions/probability" },
            "confidence": { "$ref": "#/definitions/probability" },
            "epistemicConfidence": { "$ref": "#/definitions/probability" },
            "polarityConfidence": { "$ref": "#/definitions/probability" },
            "epistemicConfident": { "type": "boolean" },
            "polarityConfident": { "type": "boolean" },
            "cues": {
              "type": "array",
              "items": {
                "type": "object",
                "required": ["kind", "text", "start", "length", "line", "column"],
                "properties": {
                  "kind": { "enum": ["hedge", "attribution", "prescription", "quotation", "booster"] },
                  "text": { "type": "string" },
                  "start": { "type": "integer", "minimum": 0 },
                  "length": { "type": "integer", "minimum": 0 },
                  "line": { "type": "integer", "minimum": 1 },
                  "column": { "type": "integer", "minimum": 1 }
                },
                "additionalProperties": false
              }
            }
          },
          "additionalProperties": false
        }
        """;

    /// <summary>The document's profile, its most hedged, prescriptive and polar sentences (indices, strongest first) and its stance toward the top keywords.</summary>
    public JsonNode? Build(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Document is null || analysis.GetResult<StanceResult>() is not { } r)
        {
            return null;
        }

        StanceProfile p = r.Profile;
        JsonObject Count(int count, double share) => new() { ["count"] = count, ["share"] = Math.Round(share, 4) };
        return new JsonObject
        {
            ["sentences"] = p.Sentences,
            ["epistemic"] = new JsonObject
            {
                ["asserted"] = Count(p.Epistemic.GetValueOrDefault(EpistemicStance.Asserted), p.Share(EpistemicStance.Asserted)),
                ["hedged"] = Count(p.Epistemic.GetValueOrDefault(EpistemicStance.Hedged), p.Share(EpistemicStance.Hedged)),
                ["attributed"] = Count(p.Epistemic.GetValueOrDefault(EpistemicStance.Attributed), p.Share(EpistemicStance.Attributed)),
                ["prescriptive"] = Count(p.Epistemic.GetValueOrDefault(EpistemicStance.Prescriptive), p.Share(EpistemicStance.Prescriptive)),
            },
            ["polarity"] = new JsonObject
            {
                ["positive"] = Count(p.Polarity.GetValueOrDefault(Polarity.Positive), p.Share(Polarity.Positive)),
                ["neutral"] = Count(p.Polarity.GetValueOrDefault(Polarity.Neutral), p.Share(Polarity.Neutral)),
                ["negative"] = Count(p.Polarity.GetValueOrDefault(Polarity.Negative), p.Share(Polarity.Negative)),
            },
            ["subjectivity"] = new JsonObject
            {
                ["subjective"] = Count(p.Subjective, p.SubjectiveShare),
                ["objective"] = Count(p.Sentences - p.Subjective, 1 - p.SubjectiveShare),
            },
            ["meanPolarity"] = p.MeanPolarity,
            ["mostHedged"] = Indices(r.MostHedged),
            ["mostPrescriptive"] = Indices(r.MostPrescriptive),
            ["mostPolar"] = Indices(r.MostPolar),
            ["keyTerms"] = new JsonArray([.. r.KeyTerms.Select(k => (JsonNode)new JsonObject
            {
                ["term"] = k.Term,
                ["rank"] = k.Rank,
                ["mentions"] = k.Sentences.Count,
                ["sentences"] = Indices(k.Sentences),
                ["meanPolarity"] = k.MeanPolarity,
                ["positive"] = k.Positive,
                ["negative"] = k.Negative,
                ["hedgedShare"] = k.HedgedShare,
                ["attributedShare"] = k.AttributedShare,
            })]),
        };
    }

    /// <summary>The stance of one sentence (<see cref="WriteSentence"/>) as a node.</summary>
    public JsonNode? BuildSentence(DocumentAnalysis analysis, int index)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (!WriteSentence(writer, analysis, index))
            {
                return null;
            }
        }

        return JsonNode.Parse(buffer.WrittenSpan);
    }

    /// <summary>The stance of one sentence (<see cref="Write"/>).</summary>
    public bool WriteSentence(Utf8JsonWriter writer, DocumentAnalysis analysis, int index)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Document is not { } document || analysis.GetResult<StanceResult>() is not { } result)
        {
            return false;
        }

        if (result.Sentences[index].InBackMatter)
        {
            return false;
        }

        Write(writer, result.Sentences[index], document.Source);
        return true;
    }

    /// <summary>
    /// The report keeps the stance result's sentences and the text, not their JSON: a document of 100,000 sentences would
    /// hold some 70 MB of JSON and its index where the result's records take a fraction of that. Every sentence has a value
    /// but those of the back matter, which are not tagged (<see cref="SentenceStance.InBackMatter"/>).
    /// </summary>
    public SentenceValueWriter? SentenceWriter(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Document is not { } document || analysis.GetResult<StanceResult>() is not { } result)
        {
            return null;
        }

        IReadOnlyList<SentenceStance> sentences = result.Sentences;
        SourceText source = document.Source;
        return (writer, index, propertyName) =>
        {
            if (sentences[index].InBackMatter)
            {
                return false;
            }

            if (propertyName is not null)
            {
                writer.WritePropertyName(propertyName);
            }

            Write(writer, sentences[index], source);
            return true;
        };
    }

    /// <summary>
    /// The stance of one sentence: probabilities in [0, 1], polarityScore in [−1, 1], each tag's confidence and whether it
    /// is confident, and the cues. Written directly, not built as nodes: a document of 100,000 sentences writes 100,000.
    /// </summary>
    private static void Write(Utf8JsonWriter writer, SentenceStance s, SourceText source)
    {
        writer.WriteStartObject();
        writer.WriteString("epistemic"u8, EpistemicName(s.Epistemic));
        writer.WriteNumber("hedged"u8, s.Hedged);
        writer.WriteNumber("attributed"u8, s.Attributed);
        writer.WriteNumber("prescriptive"u8, s.Prescriptive);
        writer.WriteString("polarity"u8, PolarityName(s.Polarity));
        writer.WriteNumber("polarityScore"u8, s.PolarityScore);
        writer.WriteString("subjectivity"u8, s.Subjective ? "subjective"u8 : "objective"u8);
        writer.WriteNumber("subjectiveProbability"u8, s.Subjectivity);
        writer.WriteNumber("confidence"u8, s.Confidence);
        writer.WriteStartArray("cues"u8);
        foreach (StanceCue c in s.Cues)
        {
            writer.WriteStartObject();
            writer.WriteString("kind"u8, Name(c.Kind));
            writer.WriteString("text"u8, c.Text);
            SpanJson.WriteLocation(writer, source, c.Span);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("epistemicConfidence"u8, s.EpistemicConfidence);
        writer.WriteNumber("polarityConfidence"u8, s.PolarityConfidence);
        writer.WriteBoolean("epistemicConfident"u8, s.EpistemicConfidence >= EpistemicConfidentAt);
        writer.WriteBoolean("polarityConfident"u8, s.PolarityConfidence >= PolarityConfidentAt);
        writer.WriteEndObject();
    }

    public SectionView Present(JsonElement value) => Present(value, null);

    /// <summary>
    /// The profile line (a fact); the lists and the key-term table folded (the console's key-term line in their place);
    /// for HTML, the timeline of tone and tags, the bars of tone toward the key terms, the cues to mark, and each
    /// sentence's tags for its tooltip.
    /// </summary>
    public SectionView Present(JsonElement value, SentenceValueView? sentenceValues)
    {
        // Read sentence by sentence: what the view keeps of each (its tags as shown, scores, cues to mark), not its JSON.
        Tags?[] tags = sentenceValues?.Read(Tags.Read) ?? [];
        KeyTerm[] keyTerms = [.. value.GetProperty("keyTerms").EnumerateArray().Select(KeyTerm.Read)];
        var fold = new SectionFold(
            "Stance details: the most hedged, prescriptive and polar sentences; stance toward the key terms",
            [
                List("Most hedged", value.GetProperty("mostHedged"), tags, t => Inv($"hedged {t.Hedged:0.00}")),
                List("Most prescriptive", value.GetProperty("mostPrescriptive"), tags, t => Inv($"prescriptive {t.Prescriptive:0.00}")),
                List("Most polar", value.GetProperty("mostPolar"), tags, t => Inv($"{t.ShownPolarity} {t.PolarityScore:+0.00;-0.00;0.00}")),
            ],
            keyTerms.Length == 0 ? null : new SectionTable(
                ["Key term", "Mentions", "Mean polarity", "+ / −", "Hedged", "Attributed"],
                [.. keyTerms.Select(k => (IReadOnlyList<string>)
                [
                    k.Term,
                    Inv($"{k.Mentions}"),
                    Inv($"{k.MeanPolarity:+0.00;-0.00;0.00}"),
                    Inv($"{k.Positive} / {k.Negative}"),
                    Percent(k.HedgedShare),
                    Percent(k.AttributedShare),
                ])])
            {
                Numeric = [1, 2, 3, 4, 5],
            })
        {
            Brief = keyTerms.Length == 0 ? [] : [new SectionFact("key-term stance", KeyTermsLine(keyTerms))],
        };

        return new SectionView([new SectionFact(string.Empty, ProfileLine(value, tags))])
        {
            Fold = fold,
            Series = new SentenceSeries(
                "Tone of each sentence (up: positive, down: negative) and how it holds its claim, in document order",
                "Tone (mean of each group of about {0} sentences; up: positive, down: negative) and how the sentences hold their claims, in document order",
                "tone",
                "how",
                Categories,
                [.. tags.Select(t => t is null ? (SeriesPoint?)null : new SeriesPoint(t.PolarityScore, Array.FindIndex(EpistemicTags, e => e.Tag == t.ShownEpistemic)))])
            {
                Name = "timeline",
                MissingLabel = "back matter (no stance)",
            },
            Bars = BarsOf(keyTerms),
            Marks = new SentenceMarks("cue", [.. tags.Select(t => t?.Marks)]),
            SentenceNotes = [.. tags.Select(t => t?.Note)],
        };
    }

    /// <summary>A stance finding (TL3001–TL3005) rests on a tag of the sentence it falls in: its axis, tag and confidence.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>>? FindingProperties(string ruleId, string category, JsonElement sentenceValue)
    {
        if (category != StanceRules.Category || sentenceValue.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // TL3005 (one-sided toward a key term) rests on the polarity label of the sentence it points at; TL3001–TL3004 on the epistemic tag.
        bool polarity = ruleId == StanceRules.OneSidedDocument.Id;
        string axis = polarity ? "polarity" : "epistemic";
        return
        [
            new("stanceAxis", axis),
            new("stanceTag", sentenceValue.GetProperty(axis).GetString()),
            new("confidence", sentenceValue.GetProperty(polarity ? "polarityConfidence" : "epistemicConfidence").GetDouble()),
            new("confident", sentenceValue.GetProperty(polarity ? "polarityConfident" : "epistemicConfident").GetBoolean()),
        ];
    }

    /// <summary>
    /// One line of tag shares, counting only the confident tags and the rest as uncertain: "62% asserted, 12% hedged,
    /// 5% attributed, 1% prescriptive, 20% uncertain; 9% positive, 70% neutral, 15% negative, 6% uncertain (mean +0.05);
    /// 38% subjective", over the tagged sentences; where some are not tagged (the back matter after an article:
    /// <see cref="SentenceStance.InBackMatter"/>), the line ends by saying how many: "; 8 sentences of back matter not tagged".
    /// </summary>
    internal static string ProfileLine(JsonElement value, IReadOnlyList<Tags?> sentences)
    {
        Tags[] tagged = [.. sentences.OfType<Tags>()];
        int untagged = sentences.Count - tagged.Length;
        string Share(Func<Tags, bool> which) => Percent(tagged.Length == 0 ? 0 : tagged.Count(which) / (double)tagged.Length);
        string epistemic = string.Join(", ", ((string[])["asserted", "hedged", "attributed", "prescriptive", Uncertain]).Select(t => Share(x => x.ShownEpistemic == t) + " " + t));
        string polarity = string.Join(", ", ((string[])["positive", "neutral", "negative", Uncertain]).Select(t => Share(x => x.ShownPolarity == t) + " " + t));
        double mean = value.GetProperty("meanPolarity").GetDouble();
        double subjective = value.GetProperty("subjectivity").GetProperty("subjective").GetProperty("share").GetDouble();
        string rest = untagged == 0 ? string.Empty : Inv($"; {untagged} sentence{(untagged == 1 ? string.Empty : "s")} of back matter not tagged");
        return epistemic + "; " + polarity + Inv($" (mean {mean:+0.00;-0.00;0.00}); {Percent(subjective)} subjective") + rest;
    }

    /// <summary>"term +0.12 (4×, 25% hedged, 50% attributed)" for the first few key terms.</summary>
    private static string KeyTermsLine(IEnumerable<KeyTerm> terms) => string.Join(", ", terms.Take(ConsoleKeyTerms).Select(k =>
        Inv($"{k.Term} {k.MeanPolarity:+0.00;-0.00;0.00} ({k.Mentions}×, {Percent(k.HedgedShare)} hedged, {Percent(k.AttributedShare)} attributed)")));

    /// <summary>Mean tone toward each key term, with the share of its sentences hedged beside the bar.</summary>
    private static SectionBars? BarsOf(KeyTerm[] keyTerms)
    {
        SectionBar[] rows = [.. keyTerms.Where(t => t.Term.Length > 0).Select(t =>
        {
            double polarity = Math.Clamp(t.MeanPolarity, -1, 1);
            string value = Inv($"{polarity:+0.00;−0.00;0.00}");
            string detail = Inv($"{t.Mentions} mention{(t.Mentions == 1 ? string.Empty : "s")}, mean tone {value}, {t.HedgedShare * 100:0}% hedged, {t.AttributedShare * 100:0}% attributed");
            return new SectionBar(t.Term, polarity, value, t.Term + ": " + detail) { Side = Inv($"{t.HedgedShare * 100:0}%") };
        })];
        return keyTerms.Length == 0 ? null : new SectionBars(
            "Tone toward the key terms",
            "Mean tone of the sentences that mention each key term, from −1 (negative) to +1 (positive)",
            rows)
        {
            SideColumn = "hedged",
            Name = "keyterms",
        };
    }

    private static SentenceList List(string title, JsonElement indices, Tags?[] tags, Func<Tags, string> tag) =>
        new(title, [.. indices.EnumerateArray().Select(i => i.GetInt32()).Select(i => new TaggedSentence(i, i >= 0 && i < tags.Length && tags[i] is { } t ? tag(t) : string.Empty))]);

    private static JsonArray Indices(IEnumerable<int> indices) => new([.. indices.Select(i => (JsonNode)i)]);

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static ReadOnlySpan<byte> EpistemicName(EpistemicStance tag) => tag switch
    {
        EpistemicStance.Asserted => "asserted"u8,
        EpistemicStance.Hedged => "hedged"u8,
        EpistemicStance.Attributed => "attributed"u8,
        EpistemicStance.Prescriptive => "prescriptive"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(tag), tag, null),
    };

    private static ReadOnlySpan<byte> PolarityName(Polarity polarity) => polarity switch
    {
        Polarity.Positive => "positive"u8,
        Polarity.Negative => "negative"u8,
        Polarity.Neutral => "neutral"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(polarity), polarity, null),
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the views read of a sentence's stance: its tags as shown (confident or uncertain), scores and cues to mark.</summary>
    internal sealed record Tags(
        string ShownEpistemic, string Epistemic, double EpistemicConfidence, string ShownPolarity, double Hedged, double Prescriptive, double PolarityScore, IReadOnlyList<TextMark>? Marks)
    {
        /// <summary>
        /// The sentence's tooltip: its tags as shown ("hedged, tone -0.30"). An uncertain epistemic tag names the tag the model
        /// leans to and its confidence ("uncertain (leans prescriptive 0.63)"), so a finding that rests on that lean (TL3001
        /// fires at p(prescriptive) ≥ 0.5) does not stand beside a bare "uncertain".
        /// </summary>
        public string Note
        {
            get
            {
                string epistemic = ShownEpistemic == Uncertain ? Inv($"{Uncertain} (leans {Epistemic} {EpistemicConfidence:0.00})") : ShownEpistemic;
                return Inv($"{epistemic}, {(ShownPolarity == Uncertain ? "tone uncertain" : "tone")} {PolarityScore:+0.00;-0.00;0.00}");
            }
        }

        public static Tags? Read(JsonElement s)
        {
            if (s.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            List<TextMark>? marks = null;
            foreach (JsonElement cue in s.GetProperty("cues").EnumerateArray())
            {
                // Hedges, attributions and prescriptions are marked; quotation marks and boosters are not.
                JsonElement kindValue = cue.GetProperty("kind");
                string? kind = kindValue.ValueEquals("hedge") ? "hedge" : kindValue.ValueEquals("attribution") ? "attribution" : kindValue.ValueEquals("prescription") ? "prescription" : null;
                if (kind is not null)
                {
                    (marks ??= []).Add(new TextMark(cue.GetProperty("text").GetString() ?? string.Empty, kind, kind switch
                    {
                        "hedge" => "hedge",
                        "attribution" => "attribution to a source",
                        _ => "recommendation",
                    }));
                }
            }

            string epistemic = Known(s.GetProperty("epistemic"), "asserted", "hedged", "attributed", "prescriptive");
            return new Tags(
                s.GetProperty("epistemicConfident").GetBoolean() ? epistemic : Uncertain,
                epistemic,
                s.GetProperty("epistemicConfidence").GetDouble(),
                s.GetProperty("polarityConfident").GetBoolean() ? Known(s.GetProperty("polarity"), "positive", "neutral", "negative") : Uncertain,
                s.GetProperty("hedged").GetDouble(),
                s.GetProperty("prescriptive").GetDouble(),
                s.GetProperty("polarityScore").GetDouble(),
                marks);
        }
    }

    /// <summary>The tag's name: one string for every sentence with that tag (a document's 100,000 sentences share a few), or the text itself when it is none of them.</summary>
    private static string Known(JsonElement tag, params ReadOnlySpan<string> names)
    {
        foreach (string name in names)
        {
            if (tag.ValueEquals(name))
            {
                return name;
            }
        }

        return tag.GetString()!;
    }

    /// <summary>What the views read of a key term's stance.</summary>
    private sealed record KeyTerm(string Term, int Mentions, double MeanPolarity, int Positive, int Negative, double HedgedShare, double AttributedShare)
    {
        public static KeyTerm Read(JsonElement k) => new(
            k.GetProperty("term").GetString() ?? string.Empty,
            k.GetProperty("mentions").GetInt32(),
            k.GetProperty("meanPolarity").GetDouble(),
            k.GetProperty("positive").GetInt32(),
            k.GetProperty("negative").GetInt32(),
            k.GetProperty("hedgedShare").GetDouble(),
            k.GetProperty("attributedShare").GetDouble());
    }
}

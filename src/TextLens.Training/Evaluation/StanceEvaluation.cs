using System.Globalization;
using System.Text.Json;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Training.Evaluation;

/// <summary>The axes 'textlens eval stance' and 'textlens train stance' work on.</summary>
public enum StanceAxis
{
    /// <summary>The 4-way epistemic tag (asserted / hedged / attributed / prescriptive).</summary>
    Epistemic,
    Polarity,
    Subjectivity,
    Hedged,
    Attributed,
    Prescriptive,
}

/// <summary>One labelled item of a stance data set (JSON Lines: id, text, label fields, optional score).</summary>
public sealed record StanceItem(string Id, string Text, IReadOnlyDictionary<string, string> Labels, double? Score)
{
    /// <summary>The standard deviation of the raters' ratings, where the data set gives it (<c>rating_sd</c>, polarity DEV only).</summary>
    public double? RatingSd { get; init; }

    /// <summary>The item's training weight (1 unless the trainer is told to weigh its data set otherwise).</summary>
    public double Weight { get; init; } = 1;

    /// <summary>The item is analysis prose (the genre the tool reads): with other items, training fits a <see cref="GenreBlend"/>.</summary>
    public bool InDomain { get; init; }

    /// <summary>The label comes from the cue rules, not from a person (<c>train stance --rule-labelled</c>): the item takes no part in class balancing.</summary>
    public bool RuleLabelled { get; init; }

    /// <summary>The document the item comes from (<c>doc</c>), where the data set gives it: the cross-validation group.</summary>
    public string? Doc { get; init; }

    /// <summary>The previous sentence of the document (<c>prev</c>), where the data set gives it.</summary>
    public string? Prev { get; init; }

    /// <summary>
    /// The tagger's context for the item: with a previous sentence (the item comes from a document), that sentence and
    /// whether the item reads as a heading; an isolated item (no <c>prev</c> field) has none.
    /// </summary>
    public StanceContext Context => Prev is null && Document is null && Discourse is null ? StanceContext.None
        : (Prev is null ? StanceContext.None : StanceContext.For(Text, Prev)) with { Document = Document, Discourse = Discourse, Position = Position };

    /// <summary>
    /// The item's document (<see cref="DocumentTone"/>): the texts of the items of the same <c>doc</c> in the data set, shared
    /// by those items (<see cref="StanceEvaluation.ReadJsonl(string, IEnumerable{string})"/> sets it); null without <c>doc</c>.
    /// </summary>
    public DocumentTone? Document { get; init; }

    /// <summary>
    /// The item's document as the epistemic document context reads it (<see cref="EpistemicDocument"/>): the items of the
    /// same <c>doc</c> in file order, each following the one before when its <c>prev</c> is that item's text; null without <c>doc</c>.
    /// </summary>
    public EpistemicDocument? Discourse { get; init; }

    /// <summary>The item's index in <see cref="Discourse"/>.</summary>
    public int Position { get; init; }

    /// <summary>
    /// Every string field of the item's row as read (<c>id</c>, <c>text</c>, the labels and any other, e.g. <c>polarity_file</c>):
    /// what <c>train stance --keep-rows</c> filters on. Empty for items not read from a file.
    /// </summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = EmptyFields;

    private static readonly IReadOnlyDictionary<string, string> EmptyFields = new Dictionary<string, string>(StringComparer.Ordinal);

    public string? Label(string field) => Labels.TryGetValue(field, out string? v) ? v : null;

    /// <summary>The row's string field <paramref name="name"/> (<see cref="Fields"/>), or null when the row has none.</summary>
    public string? Field(string name) => Fields.TryGetValue(name, out string? v) ? v : null;
}

/// <summary>The tool's answer for one item, in the data set's label vocabulary.</summary>
public sealed record StancePrediction(string Id, string Label, double? Score);

/// <summary>Scores of one evaluation run.</summary>
public sealed record StanceEvaluationResult(StanceAxis Axis, string GoldField, ClassificationScore Classification, CorrelationScore? Correlation, IReadOnlyList<StancePrediction> Predictions);

/// <summary>
/// Runs the stance tagger of 'textlens report' (<see cref="ModelSet.Stance"/>, default options) on
/// each item's text as one unit, in its context where the row gives one (<c>prev</c>: the previous sentence,
/// and whether the item reads as a heading; see <see cref="StanceItem.Context"/>), and maps its output to the
/// data set's labels: epistemic → asserted/hedged/attributed/prescriptive; polarity → the label and the score
/// in [−1, 1]; subjectivity → subjective/objective; hedged → uncertain/certain; attributed →
/// attributed/not_attributed; prescriptive → suggestion/non_suggestion (marked when it is the primary tag or
/// its probability is 0.5 or more, so precedence — a hedged prescription — does not hide a hedge).
/// </summary>
public static class StanceEvaluation
{
    public static IReadOnlyList<StanceItem> ReadJsonl(string path) => ReadJsonl(File.ReadLines(path));

    /// <summary>Reads the items of a labelled set from its lines.</summary>
    /// <exception cref="InvalidDataException">A line is not an item ("line N: reason").</exception>
    public static IReadOnlyList<StanceItem> ReadJsonl(IEnumerable<string> lines)
    {
        var items = new List<StanceItem>();
        foreach ((int line, JsonElement root) in JsonLines.Parse(lines))
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out JsonElement idElement))
            {
                throw JsonLines.Error(line, "each line must be an object with an 'id'.");
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            double? score = null;
            double? ratingSd = null;
            foreach (JsonProperty p in root.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String)
                {
                    // Each string is read once: the labels, doc, prev and text below are these same instances (a later
                    // duplicate property wins, as it does for JsonElement.TryGetProperty).
                    string value = p.Value.GetString()!;
                    fields[p.Name] = value;
                    if (p.Name == "label" || p.Name.StartsWith("label_", StringComparison.Ordinal) || p.Name is "polarity" or "subjectivity" or "epistemic")
                    {
                        labels[p.Name] = value;
                    }
                }
                else if (p.Name == "score" && p.Value.ValueKind == JsonValueKind.Number)
                {
                    score = p.Value.GetDouble();
                }
                else if (p.Name == "rating_sd" && p.Value.ValueKind == JsonValueKind.Number)
                {
                    ratingSd = p.Value.GetDouble();
                }
            }

            string id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText();
            string text = fields.GetValueOrDefault("text", string.Empty);
            string? doc = fields.GetValueOrDefault("doc");
            string? prev = fields.GetValueOrDefault("prev");
            items.Add(new StanceItem(id, text, labels, score) { RatingSd = ratingSd, Doc = doc, Prev = prev, Fields = fields });
        }

        // The document of each item with a doc: the texts of that doc's items, in file order (the document context of polarity).
        foreach (IGrouping<string, int> group in Enumerable.Range(0, items.Count).Where(i => items[i].Doc is not null).GroupBy(i => items[i].Doc!, StringComparer.Ordinal))
        {
            DocumentTone document = DocumentTone.OfTexts([.. group.Select(i => items[i].Text)]);
            int[] members = [.. group];
            EpistemicDocument discourse = EpistemicDocument.OfTexts(
                [.. members.Select(i => items[i].Text)],
                [.. members.Select((i, k) => k > 0 && string.Equals(items[i].Prev, items[members[k - 1]].Text, StringComparison.Ordinal))],
                [.. members.Select(i => items[i].Prev)]);
            for (int k = 0; k < members.Length; k++)
            {
                items[members[k]] = items[members[k]] with { Document = document, Discourse = discourse, Position = k };
            }
        }

        return items;
    }

    /// <summary>Tags one text the way the report tags a sentence.</summary>
    public static SentenceStance Tag(StanceTagger tagger, string text) => Tag(tagger, text, StanceContext.None);

    /// <summary>Tags one text in its context (previous sentence, heading status) the way the report tags a sentence.</summary>
    public static SentenceStance Tag(StanceTagger tagger, string text, StanceContext context)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        return tagger.Tag(0, text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), context);
    }

    /// <summary>
    /// The prediction on <paramref name="axis"/>: the binary axes are marked when the primary tag is theirs or their
    /// probability reaches 0.5 (so a hedged prescription still counts as hedged under the cue rules).
    /// </summary>
    public static StancePrediction Predict(StanceAxis axis, string id, SentenceStance s) => axis switch
    {
        StanceAxis.Epistemic => new StancePrediction(id, s.Epistemic.ToString().ToLowerInvariant(), null),
        StanceAxis.Polarity => new StancePrediction(id, s.Polarity.ToString().ToLowerInvariant(), s.PolarityScore),
        StanceAxis.Subjectivity => new StancePrediction(id, s.Subjective ? "subjective" : "objective", null),
        StanceAxis.Hedged => new StancePrediction(id, Marked(s, EpistemicStance.Hedged, s.Hedged) ? "uncertain" : "certain", null),
        StanceAxis.Attributed => new StancePrediction(id, Marked(s, EpistemicStance.Attributed, s.Attributed) ? "attributed" : "not_attributed", null),
        StanceAxis.Prescriptive => new StancePrediction(id, Marked(s, EpistemicStance.Prescriptive, s.Prescriptive) ? "suggestion" : "non_suggestion", null),
        _ => throw new ArgumentOutOfRangeException(nameof(axis)),
    };

    private static bool Marked(SentenceStance s, EpistemicStance tag, double probability) => s.Epistemic == tag || probability >= 0.5;

    public static StanceEvaluationResult Evaluate(StanceAxis axis, IReadOnlyList<StanceItem> items, StanceTagger tagger, string goldField = "label")
    {
        ArgumentNullException.ThrowIfNull(tagger);
        var predictions = new StancePrediction[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            predictions[i] = Predict(axis, items[i].Id, Tag(tagger, items[i].Text, items[i].Context));
        });

        return Score(axis, items, predictions, goldField);
    }

    /// <summary>Scores predictions against gold exactly as stance_score.py does (last duplicate id wins on both sides).</summary>
    public static StanceEvaluationResult Score(StanceAxis axis, IReadOnlyList<StanceItem> items, IReadOnlyList<StancePrediction> predictions, string goldField = "label")
    {
        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        var goldScores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (StanceItem item in items)
        {
            if (StanceScorer.NormalizeLabel(item.Label(goldField)) is { } g)
            {
                gold[item.Id] = g;
            }
            else
            {
                gold.Remove(item.Id);
            }

            if (item.Score is { } s)
            {
                goldScores[item.Id] = s;
            }
        }

        if (gold.Count == 0)
        {
            throw new InvalidDataException($"No item has a '{goldField}' label.");
        }

        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        var predictedScores = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (StancePrediction p in predictions)
        {
            predicted[p.Id] = StanceScorer.NormalizeLabel(p.Label)!;
            if (p.Score is { } s)
            {
                predictedScores[p.Id] = s;
            }
        }

        CorrelationScore? correlation = goldScores.Count > 0 && predictedScores.Count > 0 ? StanceScorer.Correlate(goldScores, predictedScores) : null;
        return new StanceEvaluationResult(axis, goldField, StanceScorer.Classify(gold, predicted), correlation, predictions);
    }

    /// <summary>
    /// The held-out predictions of 'train stance --cv-predictions' on <paramref name="axis"/>: the binary axes from their mark
    /// (fields hedged, attributed, prescriptive), the others from <c>label</c>; so that 'eval stance --held-out' scores the
    /// cross-validated tagging with the same scorer as the shipped tagger's.
    /// </summary>
    public static IReadOnlyList<StancePrediction> ReadHeldOut(IEnumerable<string> lines, StanceAxis axis)
    {
        string field = axis is StanceAxis.Hedged or StanceAxis.Attributed or StanceAxis.Prescriptive ? axis.ToString().ToLowerInvariant() : "label";
        var predictions = new List<StancePrediction>();
        foreach ((int line, JsonElement root) in JsonLines.Parse(lines))
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out JsonElement id) || !root.TryGetProperty(field, out JsonElement label) || label.ValueKind != JsonValueKind.String)
            {
                throw JsonLines.Error(line, $"each line must be an object with an 'id' and a '{field}' string (written by 'train stance --cv-predictions').");
            }

            double? score = axis == StanceAxis.Polarity && root.TryGetProperty("score", out JsonElement sc) && sc.ValueKind == JsonValueKind.Number ? sc.GetDouble() : null;
            predictions.Add(new StancePrediction(id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText(), label.GetString()!, score));
        }

        return predictions;
    }

    public static string ToJsonLine(StancePrediction p)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", p.Id);
            w.WriteString("label", p.Label);
            if (p.Score is { } s)
            {
                w.WriteNumber("score", Math.Round(s, 4));
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The scorer's text report (the same lines and number formats as stance_score.py).</summary>
    public static string Format(StanceEvaluationResult r, string goldPath, int goldItems)
    {
        var sb = new System.Text.StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        ClassificationScore c = r.Classification;
        sb.AppendLine(inv, $"axis: {r.Axis.ToString().ToLowerInvariant()}   gold: {goldPath} ({goldItems} items, field '{r.GoldField}')");
        sb.AppendLine();
        sb.AppendLine(inv, $"CLASSIFICATION  n={c.N}  coverage={c.Coverage:F4}  missing={c.Missing}");
        sb.AppendLine(inv, $"accuracy    {c.Accuracy:F4}");
        sb.AppendLine(inv, $"macro-F1    {c.MacroF1:F4}   (mean over {c.PerClass.Count} gold classes)");
        sb.AppendLine(inv, $"weighted-F1 {c.WeightedF1:F4}");
        int w = Math.Max("class".Length, c.PerClass.Count == 0 ? 0 : c.PerClass.Max(p => p.Label.Length));
        sb.AppendLine();
        sb.AppendLine(inv, $"{"class".PadRight(w)}  {"precision",9}  {"recall",9}  {"f1",9}  {"support",7}  {"predicted",9}");
        foreach (ClassScore p in c.PerClass)
        {
            sb.AppendLine(inv, $"{p.Label.PadRight(w)}  {p.Precision,9:F4}  {p.Recall,9:F4}  {p.F1,9:F4}  {p.Support,7}  {p.Predicted,9}");
        }

        if (c.UnknownPredictedLabels.Count > 0)
        {
            sb.AppendLine(inv, $"predicted labels not in gold: {string.Join(", ", c.UnknownPredictedLabels)}");
        }

        sb.AppendLine();
        sb.AppendLine("confusion (rows gold, columns predicted):");
        string[] cols = [.. c.PerClass.Select(p => p.Label).Concat(c.Confusion.Values.SelectMany(v => v.Keys)).Distinct().Order(StringComparer.Ordinal)];
        int cw = Math.Max(7, cols.Max(x => x.Length));
        sb.AppendLine(inv, $"{string.Empty.PadRight(w)}  {string.Join("  ", cols.Select(x => x.PadLeft(cw)))}");
        foreach ((string gold, IReadOnlyDictionary<string, int> row) in c.Confusion)
        {
            sb.AppendLine(inv, $"{gold.PadRight(w)}  {string.Join("  ", cols.Select(x => row.GetValueOrDefault(x).ToString(inv).PadLeft(cw)))}");
        }

        if (r.Correlation is { } k)
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"CORRELATION  n={k.N}");
            sb.AppendLine(inv, $"pearson     {(k.Pearson is { } pr ? pr.ToString("F4", inv) : "n/a")}");
            sb.AppendLine(inv, $"spearman    {(k.Spearman is { } sr ? sr.ToString("F4", inv) : "n/a")}");
        }

        return sb.ToString();
    }
}

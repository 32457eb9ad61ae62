using System.Globalization;
using TextLens.Core.Analyzers.Stance;

namespace TextLens.Training.Evaluation;

/// <summary>Reliability of one axis's confidences: expected calibration error over equal-width bins, and the bins.</summary>
public sealed record CalibrationScore(int N, double ExpectedCalibrationError, IReadOnlyList<(double Low, int Count, double Confidence, double Accuracy)> Bins);

/// <summary>
/// Expected calibration error (ECE) of the tagger's per-axis confidences: the items are binned by the
/// confidence of their predicted label (10 equal-width bins), and ECE is the support-weighted mean of
/// |accuracy − mean confidence| over the bins (Guo et al. 2017).
/// </summary>
public static class StanceCalibration
{
    public const int BinCount = 10;

    /// <summary>The confidence the tagger gives its label on <paramref name="axis"/>.</summary>
    public static double ConfidenceOf(StanceAxis axis, SentenceStance s) => axis switch
    {
        StanceAxis.Epistemic or StanceAxis.Hedged or StanceAxis.Attributed or StanceAxis.Prescriptive => s.EpistemicConfidence,
        StanceAxis.Polarity => s.PolarityConfidence,
        StanceAxis.Subjectivity => Math.Max(s.Subjectivity, 1 - s.Subjectivity),
        _ => throw new ArgumentOutOfRangeException(nameof(axis)),
    };

    public static CalibrationScore Score(IEnumerable<(double Confidence, bool Correct)> items)
    {
        var list = items.ToList();
        var bins = new List<(double, int, double, double)>();
        double ece = 0;
        for (int b = 0; b < BinCount; b++)
        {
            double low = b / (double)BinCount;
            double high = (b + 1) / (double)BinCount;
            var inBin = list.Where(x => x.Confidence >= low && (x.Confidence < high || (b == BinCount - 1 && x.Confidence <= high))).ToList();
            if (inBin.Count == 0)
            {
                continue;
            }

            double conf = inBin.Average(x => x.Confidence);
            double acc = inBin.Count(x => x.Correct) / (double)inBin.Count;
            bins.Add((low, inBin.Count, conf, acc));
            ece += inBin.Count / (double)list.Count * Math.Abs(acc - conf);
        }

        return new CalibrationScore(list.Count, ece, bins);
    }

    /// <summary>The least accuracy of every confidence bin a display threshold keeps (<see cref="DisplayThreshold"/>).</summary>
    public const double DisplayAccuracy = 0.7;

    /// <summary>
    /// The display threshold of an axis (<c>StanceSection.EpistemicConfidentAt</c>, <c>PolarityConfidentAt</c>): the lowest
    /// bin edge from which every non-empty confidence bin is right at least <paramref name="minAccuracy"/> of the time; 1 when
    /// even the top bin is not (no tag would be shown), the lowest bin's edge when all are.
    /// </summary>
    public static double DisplayThreshold(CalibrationScore score, double minAccuracy = DisplayAccuracy)
    {
        double threshold = 1;
        for (int b = score.Bins.Count - 1; b >= 0 && score.Bins[b].Accuracy >= minAccuracy; b--)
        {
            threshold = score.Bins[b].Low;
        }

        return threshold;
    }

    /// <summary>ECE of <paramref name="axis"/> over tagged items against their gold (<paramref name="goldField"/>); items without gold are left out.</summary>
    public static CalibrationScore Score(StanceAxis axis, IReadOnlyList<SentenceStance> stances, IReadOnlyList<StanceItem> items, string goldField = "label")
    {
        var pairs = new List<(double, bool)>();
        for (int i = 0; i < items.Count; i++)
        {
            if (StanceScorer.NormalizeLabel(items[i].Label(goldField)) is { } gold)
            {
                pairs.Add((ConfidenceOf(axis, stances[i]), StanceEvaluation.Predict(axis, items[i].Id, stances[i]).Label == gold));
            }
        }

        return Score(pairs);
    }

    /// <summary>The calibration lines printed after the scores.</summary>
    public static string Format(StanceAxis axis, IReadOnlyList<SentenceStance> stances, IReadOnlyList<StanceItem> items, string goldField = "label")
    {
        if (stances.Count != items.Count)
        {
            return string.Empty;
        }

        CalibrationScore c = Score(axis, stances, items, goldField);
        var inv = CultureInfo.InvariantCulture;
        var sb = new System.Text.StringBuilder();
        sb.Append(inv, $"\nCALIBRATION  n={c.N}  ECE={c.ExpectedCalibrationError:F4}  ({BinCount} bins of the label's confidence)\n");
        foreach ((double low, int count, double conf, double acc) in c.Bins)
        {
            sb.Append(inv, $"  [{low:F1}, {low + (1.0 / BinCount):F1})  n={count,5}  confidence {conf:F4}  accuracy {acc:F4}\n");
        }

        double threshold = DisplayThreshold(c);
        int shown = items.Select((item, i) => (item, i)).Count(x => StanceScorer.NormalizeLabel(x.item.Label(goldField)) is not null && ConfidenceOf(axis, stances[x.i]) >= threshold);
        sb.Append(inv, $"DISPLAY THRESHOLD {threshold:F1} (lowest bin edge from which every bin is right >= {DisplayAccuracy:F1}): {c.N - shown} of {c.N} shown as uncertain\n");

        return sb.ToString();
    }

    /// <summary>One held-out prediction as JSON: id, predicted label, gold label, the label's confidence and the text.</summary>
    public static string ToJsonLine(StanceAxis axis, StanceItem item, SentenceStance s, PolarityParts? parts = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", item.Id);
            w.WriteString("label", StanceEvaluation.Predict(axis, item.Id, s).Label);
            w.WriteString("gold", item.Label("label"));
            w.WriteNumber("confidence", Math.Round(ConfidenceOf(axis, s), 4));
            w.WriteNumber("score", s.PolarityScore);
            w.WriteString("text", item.Text);
            w.WriteString("prev", item.Prev);
            if (axis == StanceAxis.Epistemic)
            {
                // The report's binary marks of the held-out tagging, which 'eval stance --held-out' scores on the per-axis files.
                foreach (StanceAxis binary in (StanceAxis[])[StanceAxis.Hedged, StanceAxis.Attributed, StanceAxis.Prescriptive])
                {
                    w.WriteString(binary.ToString().ToLowerInvariant(), StanceEvaluation.Predict(binary, item.Id, s).Label);
                }

                if (s.EpistemicParts is { } e)
                {
                    // What the marks are computed from (the class probabilities and the cue strengths), for studying the marks out of fold.
                    WriteNumbers(w, "p_epistemic", [e.Asserted, e.Hedged, e.Attributed, e.Prescriptive]);
                    w.WriteNumber("hedge_cues", Math.Round(e.HedgeCues, 6));
                    w.WriteNumber("attribution_cues", Math.Round(e.AttributionCues, 6));
                }
            }

            if (parts is not null)
            {
                WriteNumbers(w, "p_analysis", parts.Analysis);
                if (parts.Other is { } other && parts.AnalysisProbability is double g)
                {
                    WriteNumbers(w, "p_other", other);
                    w.WriteNumber("p_genre_analysis", Math.Round(g, 6));
                }

                if (axis == StanceAxis.Polarity)
                {
                    w.WriteNumber("rating_score", Math.Round(parts.RatingScore, 6));
                }

                w.WriteBoolean("heading", item.Context.Heading);
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNumbers(System.Text.Json.Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (double v in values)
        {
            w.WriteNumberValue(Math.Round(v, 6));
        }

        w.WriteEndArray();
    }

    /// <summary>The items with a binary gold label derived from their 4-way epistemic label in <c>label</c> (as the analysis-prose files derive it).</summary>
    public static IReadOnlyList<StanceItem> BinaryGold(StanceAxis binary, IReadOnlyList<StanceItem> items) =>
        [.. items.Select(i =>
        {
            string? e = StanceScorer.NormalizeLabel(i.Label("label"));
            string? label = e is null ? null : binary switch
            {
                StanceAxis.Hedged => e == "hedged" ? "uncertain" : "certain",
                StanceAxis.Attributed => e == "attributed" ? "attributed" : "not_attributed",
                StanceAxis.Prescriptive => e == "prescriptive" ? "suggestion" : "non_suggestion",
                _ => throw new ArgumentOutOfRangeException(nameof(binary)),
            };
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (label is not null)
            {
                labels["label"] = label;
            }

            return i with { Labels = labels };
        })];
}

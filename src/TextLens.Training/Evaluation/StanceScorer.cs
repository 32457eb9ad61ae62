namespace TextLens.Training.Evaluation;

/// <summary>Precision, recall and F1 of one gold class, with its support and how often it was predicted.</summary>
public sealed record ClassScore(string Label, double Precision, double Recall, double F1, int Support, int Predicted);

/// <summary>Classification scores as ../shared/tools/stance_score.py computes them.</summary>
public sealed record ClassificationScore(
    int N,
    int Missing,
    double Coverage,
    double Accuracy,
    double MacroF1,
    double WeightedF1,
    IReadOnlyList<ClassScore> PerClass,
    IReadOnlyList<string> UnknownPredictedLabels,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion);

/// <summary>Pearson and Spearman correlation over the ids scored on both sides (null when undefined).</summary>
public sealed record CorrelationScore(int N, double? Pearson, double? Spearman);

/// <summary>
/// A port of the reference scorer ../shared/tools/stance_score.py: labels compared after trim and
/// lower-casing; a gold id with no prediction is wrong ("&lt;missing&gt;"); macro-F1 is the mean over the
/// classes that occur in gold (sorted ordinally); Spearman is Pearson over average ranks.
/// </summary>
public static class StanceScorer
{
    public const string MissingLabel = "<missing>";

    public static string? NormalizeLabel(string? label) => label?.Trim().ToLowerInvariant();

    public static ClassificationScore Classify(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        string[] ids = [.. gold.Keys.Order(StringComparer.Ordinal)];
        string[] classes = [.. gold.Values.Distinct().Order(StringComparer.Ordinal)];
        (string Gold, string Pred)[] pairs = [.. ids.Select(i => (gold[i], predicted.TryGetValue(i, out string? p) ? p : MissingLabel))];
        int n = pairs.Length;
        int correct = pairs.Count(p => p.Gold == p.Pred);
        var per = new List<ClassScore>(classes.Length);
        foreach (string c in classes)
        {
            int tp = pairs.Count(p => p.Gold == c && p.Pred == c);
            int fp = pairs.Count(p => p.Gold != c && p.Pred == c);
            int fn = pairs.Count(p => p.Gold == c && p.Pred != c);
            double precision = SafeDiv(tp, tp + fp);
            double recall = SafeDiv(tp, tp + fn);
            double f1 = SafeDiv(2 * precision * recall, precision + recall);
            per.Add(new ClassScore(c, precision, recall, f1, tp + fn, tp + fp));
        }

        double macro = SafeDiv(per.Sum(c => c.F1), per.Count);
        double weighted = SafeDiv(per.Sum(c => c.F1 * c.Support), n);
        var classSet = new HashSet<string>(classes, StringComparer.Ordinal);
        string[] unknown = [.. pairs.Select(p => p.Pred).Where(p => !classSet.Contains(p) && p != MissingLabel).Distinct().Order(StringComparer.Ordinal)];
        int missing = pairs.Count(p => p.Pred == MissingLabel);
        var confusion = new SortedDictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var g in pairs.GroupBy(p => p.Gold))
        {
            confusion[g.Key] = new SortedDictionary<string, int>(g.GroupBy(p => p.Pred).ToDictionary(x => x.Key, x => x.Count()), StringComparer.Ordinal);
        }

        return new ClassificationScore(n, missing, SafeDiv(n - missing, n), SafeDiv(correct, n), macro, weighted, per, unknown, confusion);
    }

    /// <summary>Correlation over the ids (in ordinal order) that have a score in both maps.</summary>
    public static CorrelationScore Correlate(IReadOnlyDictionary<string, double> gold, IReadOnlyDictionary<string, double> predicted)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (string id in gold.Keys.Order(StringComparer.Ordinal))
        {
            if (predicted.TryGetValue(id, out double p))
            {
                xs.Add(gold[id]);
                ys.Add(p);
            }
        }

        return new CorrelationScore(xs.Count, Pearson(xs, ys), xs.Count < 2 ? null : Pearson(Ranks(xs), Ranks(ys)));
    }

    public static double? Pearson(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        int n = xs.Count;
        if (n < 2)
        {
            return null;
        }

        double mx = xs.Sum() / n;
        double my = ys.Sum() / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++)
        {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
            syy += (ys[i] - my) * (ys[i] - my);
        }

        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>1-based ranks, ties sharing their average rank.</summary>
    public static double[] Ranks(IReadOnlyList<double> values)
    {
        int[] order = [.. Enumerable.Range(0, values.Count).OrderBy(i => values[i])];
        double[] r = new double[values.Count];
        int a = 0;
        while (a < order.Length)
        {
            int b = a;
            while (b + 1 < order.Length && values[order[b + 1]] == values[order[a]])
            {
                b++;
            }

            double avg = ((a + b) / 2.0) + 1.0;
            for (int k = a; k <= b; k++)
            {
                r[order[k]] = avg;
            }

            a = b + 1;
        }

        return r;
    }

    private static double SafeDiv(double a, double b) => b != 0 ? a / b : 0.0;
}

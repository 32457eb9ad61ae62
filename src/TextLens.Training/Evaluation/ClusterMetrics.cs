namespace TextLens.Training.Evaluation;

/// <summary>The scores of one predicted partition against the gold one.</summary>
public sealed record ClusterScores(double Ari, double Nmi, double VMeasure, double Homogeneity, double Completeness, double Purity, int GoldK, int PredictedK);

/// <summary>
/// Partition agreement exactly as ../shared/tools/cluster_score.py computes it (same formulas, same
/// special cases, same order of operations): adjusted Rand index, NMI with arithmetic-mean
/// normalisation, V-measure with homogeneity and completeness, and purity. Label values are
/// arbitrary; only the partitions matter.
/// </summary>
public static class ClusterMetrics
{
    public static ClusterScores Score(IReadOnlyList<int> gold, IReadOnlyList<int> predicted)
    {
        (double h, double c, double v) = HomogeneityCompletenessV(gold, predicted);
        var table = Contingency.Of(gold, predicted);
        return new ClusterScores(Ari(gold, predicted), Nmi(gold, predicted), v, h, c, Purity(gold, predicted), table.Gold.Count, table.Predicted.Count);
    }

    public static double Ari(IReadOnlyList<int> gold, IReadOnlyList<int> predicted)
    {
        Contingency t = Contingency.Of(gold, predicted);
        int n = gold.Count;
        if ((t.Gold.Count == 1 && t.Predicted.Count == 1) || (t.Gold.Count == n && t.Predicted.Count == n))
        {
            return 1.0;
        }

        double sumIj = t.Cells.Values.Sum(Comb2);
        double sumA = t.Gold.Values.Sum(Comb2);
        double sumB = t.Predicted.Values.Sum(Comb2);
        double expected = sumA * sumB / Comb2(n);
        double maxIndex = (sumA + sumB) / 2.0;
        if (maxIndex == expected)
        {
            return sumIj == expected ? 1.0 : 0.0;
        }

        return (sumIj - expected) / (maxIndex - expected);
    }

    public static double Nmi(IReadOnlyList<int> gold, IReadOnlyList<int> predicted)
    {
        Contingency t = Contingency.Of(gold, predicted);
        int n = gold.Count;
        double ha = Entropy(t.Gold, n);
        double hb = Entropy(t.Predicted, n);
        if (ha == 0.0 && hb == 0.0)
        {
            return 1.0;
        }

        if (ha == 0.0 || hb == 0.0)
        {
            return 0.0;
        }

        return MutualInformation(t, n) / ((ha + hb) / 2.0);
    }

    public static (double Homogeneity, double Completeness, double V) HomogeneityCompletenessV(IReadOnlyList<int> gold, IReadOnlyList<int> predicted)
    {
        Contingency t = Contingency.Of(gold, predicted);
        int n = gold.Count;
        double hc = Entropy(t.Gold, n);
        double hk = Entropy(t.Predicted, n);
        double mi = MutualInformation(t, n);
        double h = hc == 0.0 ? 1.0 : mi / hc;
        double c = hk == 0.0 ? 1.0 : mi / hk;
        double v = h + c == 0 ? 0.0 : 2.0 * h * c / (h + c);
        return (h, c, v);
    }

    public static double Purity(IReadOnlyList<int> gold, IReadOnlyList<int> predicted)
    {
        Contingency t = Contingency.Of(gold, predicted);
        var best = new Dictionary<int, int>();
        foreach (((int _, int j), int nij) in t.Cells)
        {
            best[j] = Math.Max(best.GetValueOrDefault(j), nij);
        }

        return (double)best.Values.Sum() / gold.Count;
    }

    private static double Comb2(int n) => n * (n - 1) / 2.0;

    private static double Entropy(Dictionary<int, int> counts, int n)
    {
        double sum = 0;
        foreach (int c in counts.Values)
        {
            if (c != 0)
            {
                sum += (double)c / n * Math.Log((double)c / n);
            }
        }

        return -sum;
    }

    private static double MutualInformation(Contingency t, int n)
    {
        double mi = 0.0;
        foreach (((int i, int j), int nij) in t.Cells)
        {
            mi += (double)nij / n * Math.Log((double)((long)nij * n) / ((long)t.Gold[i] * t.Predicted[j]));
        }

        return Math.Max(mi, 0.0);
    }

    /// <summary>Counts per (gold, predicted) pair and per label, each in order of first appearance like Python's Counter.</summary>
    private sealed record Contingency(Dictionary<(int, int), int> Cells, Dictionary<int, int> Gold, Dictionary<int, int> Predicted)
    {
        public static Contingency Of(IReadOnlyList<int> gold, IReadOnlyList<int> predicted)
        {
            if (gold.Count != predicted.Count)
            {
                throw new ArgumentException($"{predicted.Count} predicted labels for {gold.Count} gold labels.", nameof(predicted));
            }

            if (gold.Count == 0)
            {
                throw new ArgumentException("A partition needs at least one item.", nameof(gold));
            }

            var cells = new Dictionary<(int, int), int>();
            var a = new Dictionary<int, int>();
            var b = new Dictionary<int, int>();
            for (int i = 0; i < gold.Count; i++)
            {
                cells[(gold[i], predicted[i])] = cells.GetValueOrDefault((gold[i], predicted[i])) + 1;
                a[gold[i]] = a.GetValueOrDefault(gold[i]) + 1;
                b[predicted[i]] = b.GetValueOrDefault(predicted[i]) + 1;
            }

            return new Contingency(cells, a, b);
        }
    }
}

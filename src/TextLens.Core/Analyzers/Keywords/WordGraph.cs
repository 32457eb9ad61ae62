namespace TextLens.Core.Analyzers.Keywords;

/// <summary>
/// Position-biased PageRank (PositionRank, Florescu and Caragea 2017) over a word co-occurrence
/// graph: nodes are the stems of candidate words, edges join two that occur within a window of
/// each other (weighted by how often), and the random jump prefers words that occur early and often.
/// </summary>
public static class WordGraph
{
    public const double Damping = 0.85;
    public const int Iterations = 30;

    /// <summary>
    /// Ranks nodes. <paramref name="sequence"/> is the document as node ids in reading order, with -1
    /// for words that are not nodes; the result is one score per node, the largest being 1.
    /// </summary>
    public static double[] Rank(IReadOnlyList<int> sequence, int nodeCount, int window)
    {
        var scores = new double[nodeCount];
        if (nodeCount == 0)
        {
            return scores;
        }

        var edges = new Dictionary<long, double>(PairComparer.Instance);
        var jump = new double[nodeCount];
        for (int i = 0; i < sequence.Count; i++)
        {
            int a = sequence[i];
            if (a < 0)
            {
                continue;
            }

            jump[a] += 1.0 / (i + 1);
            for (int j = i + 1; j < Math.Min(sequence.Count, i + window); j++)
            {
                int b = sequence[j];
                if (b < 0 || b == a)
                {
                    continue;
                }

                long key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
                System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(edges, key, out _) += 1.0;
            }
        }

        var adjacency = new List<(int To, double Weight)>[nodeCount];
        var outWeight = new double[nodeCount];
        for (int n = 0; n < nodeCount; n++)
        {
            adjacency[n] = [];
        }

        foreach (KeyValuePair<long, double> e in edges.OrderBy(e => e.Key))
        {
            int a = (int)(e.Key >> 32);
            int b = (int)(e.Key & 0xFFFFFFFF);
            adjacency[a].Add((b, e.Value));
            adjacency[b].Add((a, e.Value));
            outWeight[a] += e.Value;
            outWeight[b] += e.Value;
        }

        double jumpTotal = jump.Sum();
        for (int n = 0; n < nodeCount; n++)
        {
            jump[n] /= jumpTotal;
            scores[n] = jump[n];
        }

        var next = new double[nodeCount];
        for (int it = 0; it < Iterations; it++)
        {
            double dangling = 0;
            for (int n = 0; n < nodeCount; n++)
            {
                if (outWeight[n] == 0)
                {
                    dangling += scores[n];
                }
            }

            for (int n = 0; n < nodeCount; n++)
            {
                next[n] = ((1 - Damping) + (Damping * dangling)) * jump[n];
            }

            for (int n = 0; n < nodeCount; n++)
            {
                if (outWeight[n] == 0)
                {
                    continue;
                }

                double share = Damping * scores[n] / outWeight[n];
                foreach ((int to, double w) in adjacency[n])
                {
                    next[to] += share * w;
                }
            }

            (scores, next) = (next, scores);
        }

        double max = scores.Max();
        for (int n = 0; n < nodeCount; n++)
        {
            scores[n] = max > 0 ? scores[n] / max : 0;
        }

        return scores;
    }

    /// <summary>
    /// Hashes a node pair (a &lt;&lt; 32 | b) by mixing all its bits: the default hash of a long, the XOR of its halves,
    /// gives every pair with the same a ^ b the same code, so a large document's co-occurrence table degraded into
    /// long collision chains.
    /// </summary>
    private sealed class PairComparer : IEqualityComparer<long>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long pair) => (int)((ulong)pair * 0x9E3779B97F4A7C15UL >> 32);
    }
}

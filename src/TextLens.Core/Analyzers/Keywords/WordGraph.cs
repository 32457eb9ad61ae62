using System.Buffers;
using System.Runtime.InteropServices;

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
    /// The most pair keys taken from the shared pool (1 MB): a long document's (two million for 4 MB of text) are
    /// allocated for the one ranking and left to the collector, since the pool would keep them, 16 MB, to the end.
    /// </summary>
    private const int PooledPairs = 1 << 17;

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

        // Every co-occurrence within the window as a pair key (smaller node << 32 | larger), sorted: equal keys are then
        // adjacent (their count is the edge's weight) and the distinct keys ascend, so each node's neighbours come in
        // ascending order, as the ordered walk over a table of pair counts gave them.
        ReadOnlySpan<int> words = sequence switch
        {
            List<int> list => CollectionsMarshal.AsSpan(list),
            int[] array => array,
            _ => [.. sequence],
        };
        int pairCount = 0;
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i] < 0)
            {
                continue;
            }

            for (int j = i + 1; j < Math.Min(words.Length, i + window); j++)
            {
                if (words[j] >= 0 && words[j] != words[i])
                {
                    pairCount++;
                }
            }
        }

        var jump = new double[nodeCount];
        bool pooled = pairCount <= PooledPairs;
        long[] pairs = pooled ? ArrayPool<long>.Shared.Rent(pairCount) : GC.AllocateUninitializedArray<long>(pairCount);
        pairCount = 0;
        for (int i = 0; i < words.Length; i++)
        {
            int a = words[i];
            if (a < 0)
            {
                continue;
            }

            jump[a] += 1.0 / (i + 1);
            for (int j = i + 1; j < Math.Min(words.Length, i + window); j++)
            {
                int b = words[j];
                if (b < 0 || b == a)
                {
                    continue;
                }

                pairs[pairCount++] = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
            }
        }

        Span<long> sorted = pairs.AsSpan(0, pairCount);
        sorted.Sort();

        // Adjacency in compressed rows: node n's neighbours are at [start[n], start[n + 1]), ascending, each with the
        // number of times the pair occurred as the edge's weight. First the degrees, then the rows, run by run of equal keys.
        var start = new int[nodeCount + 1];
        for (int k = 0; k < pairCount; k++)
        {
            if (k == 0 || sorted[k] != sorted[k - 1])
            {
                start[(int)(sorted[k] >> 32) + 1]++;
                start[(int)(sorted[k] & 0xFFFFFFFF) + 1]++;
            }
        }

        for (int n = 0; n < nodeCount; n++)
        {
            start[n + 1] += start[n];
        }

        var to = new int[start[nodeCount]];
        var weight = new double[start[nodeCount]];
        var outWeight = new double[nodeCount];
        int[] fill = start[..nodeCount];
        for (int k = 0; k < pairCount;)
        {
            long key = sorted[k];
            int run = 1;
            while (k + run < pairCount && sorted[k + run] == key)
            {
                run++;
            }

            int a = (int)(key >> 32);
            int b = (int)(key & 0xFFFFFFFF);
            to[fill[a]] = b;
            weight[fill[a]++] = run;
            to[fill[b]] = a;
            weight[fill[b]++] = run;
            outWeight[a] += run;
            outWeight[b] += run;
            k += run;
        }

        if (pooled)
        {
            ArrayPool<long>.Shared.Return(pairs);
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
                for (int e = start[n]; e < start[n + 1]; e++)
                {
                    next[to[e]] += share * weight[e];
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
}

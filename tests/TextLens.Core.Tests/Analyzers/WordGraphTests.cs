using TextLens.Core.Analyzers.Keywords;

namespace TextLens.Core.Tests.Analyzers;

public class WordGraphTests
{
    [Fact]
    public void The_hub_of_a_star_ranks_first_and_scores_are_normalised()
    {
        // 0 co-occurs with 1, 2 and 3; they never meet each other (window 2, -1 separates).
        int[] sequence = [1, 0, -1, 2, 0, -1, 3, 0];
        double[] scores = WordGraph.Rank(sequence, 4, window: 2);
        Assert.Equal(1.0, scores[0]);
        Assert.All(scores[1..], s => Assert.InRange(s, 0.0, 0.999));
    }

    [Fact]
    public void Earlier_words_are_preferred_when_the_graph_is_symmetric()
    {
        // A chain 0-1-2-3: ends are alike, but 0 comes first, so the position-biased jump favours it over 3.
        double[] scores = WordGraph.Rank([0, 1, 2, 3], 4, window: 2);
        Assert.True(scores[0] > scores[3], string.Join(", ", scores));
        Assert.True(scores[1] > scores[2], string.Join(", ", scores));
    }

    [Fact]
    public void Empty_and_isolated_graphs_are_handled()
    {
        Assert.Empty(WordGraph.Rank([], 0, 10));
        double[] single = WordGraph.Rank([0, -1, -1], 1, 10);
        Assert.Equal([1.0], single);
    }

    [Theory]
    [InlineData(1, 40, 300, 20)]
    [InlineData(2, 5, 60, 3)]
    [InlineData(3, 400, 5000, 20)]
    [InlineData(4, 2, 10, 1)]
    [InlineData(5, 3000, 30000, 10)] // about 150,000 pair keys: more than the pool is asked for, allocated instead
    public void Scores_are_bit_identical_to_the_table_of_pair_counts_walked_in_key_order(int seed, int nodes, int length, int window)
    {
        // The graph is built from sorted pair keys; the reference counts pairs in a table and walks it in key order, as
        // WordGraph did before: every score must be the same double.
        var random = new Random(seed);
        int[] sequence = [.. Enumerable.Range(0, length).Select(_ => random.Next(4) == 0 ? -1 : random.Next(nodes))];
        double[] expected = ReferenceRank(sequence, nodes, window);
        double[] actual = WordGraph.Rank(sequence, nodes, window);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(actual, WordGraph.Rank(sequence.ToList(), nodes, window));
    }

    private static double[] ReferenceRank(IReadOnlyList<int> sequence, int nodeCount, int window)
    {
        var scores = new double[nodeCount];
        var edges = new Dictionary<long, double>();
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
                if (b >= 0 && b != a)
                {
                    long key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
                    edges[key] = edges.GetValueOrDefault(key) + 1.0;
                }
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
            int a = (int)(e.Key >> 32), b = (int)(e.Key & 0xFFFFFFFF);
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
        for (int it = 0; it < WordGraph.Iterations; it++)
        {
            double dangling = 0;
            for (int n = 0; n < nodeCount; n++)
            {
                dangling += outWeight[n] == 0 ? scores[n] : 0;
            }

            for (int n = 0; n < nodeCount; n++)
            {
                next[n] = ((1 - WordGraph.Damping) + (WordGraph.Damping * dangling)) * jump[n];
            }

            for (int n = 0; n < nodeCount; n++)
            {
                if (outWeight[n] != 0)
                {
                    double share = WordGraph.Damping * scores[n] / outWeight[n];
                    foreach ((int to, double w) in adjacency[n])
                    {
                        next[to] += share * w;
                    }
                }
            }

            (scores, next) = (next, scores);
        }

        double max = scores.Max();
        return [.. scores.Select(s => max > 0 ? s / max : 0)];
    }

    [Theory]
    [InlineData("korea", "korean", true)]
    [InlineData("america", "american", true)]
    [InlineData("europ", "european", true)]
    [InlineData("ira", "iran", false)] // too short to trust: IRA is not Iran
    [InlineData("school", "school", false)]
    [InlineData("korea", "koreas", false)]
    public void Demonym_pairs(string a, string b, bool expected)
    {
        Assert.Equal(expected, PhraseStemmer.IsDemonymPair(a, b));
        Assert.Equal(expected, PhraseStemmer.IsDemonymPair(b, a));
    }

    [Fact]
    public void Stems_merge_plurals_but_not_different_words()
    {
        Assert.Equal(PhraseStemmer.Stem("schools"), PhraseStemmer.Stem("school"));
        Assert.NotEqual(PhraseStemmer.Stem("chongryon"), PhraseStemmer.Stem("chosen"));
    }
}

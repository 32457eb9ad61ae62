using TextLens.Core.Analyzers.Themes;

namespace TextLens.Core.Tests.Themes;

public sealed class AlgorithmTests
{
    [Fact]
    public void Eigen_decomposition_reconstructs_a_symmetric_matrix()
    {
        var random = new Random(3);
        const int n = 9;
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                a[i, j] = a[j, i] = random.NextDouble() - 0.5;
            }
        }

        double[] values = SymmetricEigen.Decompose((double[,])a.Clone(), out double[,] v);
        for (int c = 1; c < n; c++)
        {
            Assert.True(values[c - 1] >= values[c]);
        }

        for (int c = 0; c < n; c++)
        {
            for (int i = 0; i < n; i++)
            {
                double av = 0;
                for (int j = 0; j < n; j++)
                {
                    av += a[i, j] * v[j, c];
                }

                Assert.Equal(values[c] * v[i, c], av, 9);
            }
        }
    }

    [Fact]
    public void Eigengap_counts_disconnected_blocks()
    {
        // Three blocks: eigenvalue 1 three times, then much smaller.
        double[] spectrum = [1.0, 1.0, 1.0, 0.3, 0.25, 0.2, 0.1, 0.05, 0.0, -0.1, -0.2, -0.3];
        Assert.Equal(3, ThemeClusterer.ChooseNumber(spectrum, 30, ThemeSettings.Default));
        Assert.Equal(1, ThemeClusterer.ChooseNumber(spectrum, 5, ThemeSettings.Default));
    }

    [Fact]
    public void KMeans_is_deterministic_and_separates_clear_groups()
    {
        var random = new Random(11);
        double[][] points = [.. Enumerable.Range(0, 60).Select(i => new[] { (i % 3 * 10) + random.NextDouble(), (i % 3 == 1 ? 5 : 0) + random.NextDouble() })];
        KMeansSolution a = KMeans.Fit(points, 3, restarts: 4, seed: 1);
        KMeansSolution b = KMeans.Fit(points, 3, restarts: 4, seed: 1);
        Assert.Equal(a.Assignments, b.Assignments);
        for (int i = 0; i < points.Length; i++)
        {
            Assert.Equal(a.Assignments[i % 3], a.Assignments[i]);
        }

        Assert.Equal(3, a.Assignments.Distinct().Count());
    }

    [Fact]
    public void Segmentation_finds_the_best_contiguous_runs()
    {
        double[][] points = [[0.0], [0.1], [0.0], [5.0], [5.2], [9.0], [9.1], [8.9], [9.0]];
        Assert.Equal([0, 0, 0, 1, 1, 2, 2, 2, 2], ThemeClusterer.Segment(points, 3));
        Assert.Equal([0, 0, 0, 1, 1, 1, 1, 1, 1], ThemeClusterer.Segment(points, 2));
        Assert.Equal(new int[points.Length], ThemeClusterer.Segment(points, 1));
        Assert.Equal([.. Enumerable.Range(0, 3)], ThemeClusterer.Segment([[1.0], [1.0], [1.0]], 5));
    }
}

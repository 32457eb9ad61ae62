using TextLens.Core.Analysis;
using TextLens.Core.Features;

namespace TextLens.Core.Analyzers.Themes;

/// <summary>
/// Groups a document's sentences into themes from their text alone (never their position):
/// <list type="number">
/// <item>TF-IDF sentence vectors over stemmed content terms (<see cref="SentenceVectors"/>);</item>
/// <item>a sparse similarity graph: cosine affinities, each sentence keeping its nearest neighbours;</item>
/// <item>a dense spectral embedding (Ng, Jordan and Weiss 2002): the leading eigenvectors of the
/// normalised affinity D^-1/2 A D^-1/2, rows scaled to unit length;</item>
/// <item>k-means with seeded restarts in that space, for the requested number of themes or for the
/// number chosen by the largest eigengap, which does not over-split as the silhouette does.</item>
/// </list>
/// A sentence with no content word, or sharing none with any other sentence, fits no theme (outlier).
/// Labels come from <see cref="ThemeLabeler"/>.
/// </summary>
public static class ThemeClusterer
{
    public static ThemeResult Cluster(DocumentFeatures features, ThemeCount count, ThemeSettings? settings = null)
    {
        settings ??= ThemeSettings.Default;
        SentenceVectors vectors = SentenceVectors.Build(features, settings);
        ThemePartition partition = Partition(vectors, count, settings);
        return ThemeLabeler.Label(vectors, partition, count.ToString(), settings);
    }

    /// <summary>The partition before labelling: each sentence's group (or -1) and its embedded row.</summary>
    public static ThemePartition Partition(SentenceVectors vectors, ThemeCount count, ThemeSettings settings)
    {
        int n = vectors.SentenceCount;
        var assignment = new int[n];
        Array.Fill(assignment, ThemeResult.Outlier);
        var embedded = new double[]?[n];
        int[] content = [.. Enumerable.Range(0, n).Where(i => !vectors.Rows[i].IsEmpty)];
        if (content.Length < 2 || count.Fixed is 0)
        {
            return new ThemePartition(assignment, embedded, 0);
        }

        if (content.Length < settings.MinSentences || count.Fixed is 1)
        {
            foreach (int i in content)
            {
                assignment[i] = 0;
            }

            return new ThemePartition(assignment, embedded, 1);
        }

        double[,] affinity = Affinity(vectors, content, settings.Neighbours);
        int[] connected = [.. Enumerable.Range(0, content.Length).Where(i => RowSum(affinity, i) > 0)];
        if (connected.Length < settings.MinSentences)
        {
            foreach (int i in connected)
            {
                assignment[content[i]] = 0;
            }

            return new ThemePartition(assignment, embedded, connected.Length > 0 ? 1 : 0);
        }

        double[,] graph = Normalize(affinity, connected);
        double[] spectrum = SymmetricEigen.Decompose(graph, out double[,] eigenvectors);
        int m = connected.Length;
        int k = count.Fixed is { } f ? Math.Min(f, m) : ChooseNumber(spectrum, m, settings);
        double[][] points = Embed(eigenvectors, m, k);
        KMeansSolution solution = KMeans.Fit(points, k, settings.Restarts, settings.Seed);
        for (int i = 0; i < m; i++)
        {
            assignment[content[connected[i]]] = solution.Assignments[i];
            embedded[content[connected[i]]] = points[i];
        }

        return new ThemePartition(assignment, embedded, solution.K);
    }

    /// <summary>
    /// The number of themes: the k in 2..max with the largest gap between the k-th and (k+1)-th
    /// eigenvalues of the normalised affinity (k well-separated groups give k eigenvalues near 1).
    /// At most <see cref="ThemeSettings.MaxThemes"/> themes, and on average at least
    /// <see cref="ThemeSettings.MinSentencesPerTheme"/> sentences per theme.
    /// </summary>
    public static int ChooseNumber(IReadOnlyList<double> spectrum, int sentences, ThemeSettings settings)
    {
        int maxK = Math.Min(Math.Min(settings.MaxThemes, sentences / settings.MinSentencesPerTheme), spectrum.Count - 1);
        if (maxK < 2)
        {
            return 1;
        }

        int best = 2;
        double bestGap = double.NegativeInfinity;
        for (int k = 2; k <= maxK; k++)
        {
            double gap = spectrum[k - 1] - spectrum[k];
            if (gap > bestGap + 1e-12)
            {
                bestGap = gap;
                best = k;
            }
        }

        return best;
    }

    /// <summary>Cosine affinities between content sentences (zero diagonal), keeping an edge when either end has the other among its nearest neighbours.</summary>
    private static double[,] Affinity(SentenceVectors vectors, int[] content, int neighbours)
    {
        int m = content.Length;
        var affinity = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            SparseRow a = vectors.Rows[content[i]];
            for (int j = i + 1; j < m; j++)
            {
                affinity[i, j] = affinity[j, i] = Math.Max(0, SparseRow.Dot(a, vectors.Rows[content[j]]));
            }
        }

        if (neighbours <= 0 || neighbours >= m - 1)
        {
            return affinity;
        }

        var keep = new bool[m, m];
        var order = new int[m];
        var row = new double[m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                order[j] = j;
                row[j] = j == i ? double.PositiveInfinity : -affinity[i, j];
            }

            // Most similar first (the sentence itself last); Array.Sort is deterministic for a given input.
            Array.Sort(row, order);
            for (int r = 0; r < neighbours; r++)
            {
                int j = order[r];
                if (affinity[i, j] > 0)
                {
                    keep[i, j] = keep[j, i] = true;
                }
            }
        }

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                if (!keep[i, j])
                {
                    affinity[i, j] = 0;
                }
            }
        }

        return affinity;
    }

    private static double RowSum(double[,] matrix, int row)
    {
        double s = 0;
        for (int j = 0; j < matrix.GetLength(1); j++)
        {
            s += matrix[row, j];
        }

        return s;
    }

    /// <summary>D^-1/2 A D^-1/2 over the given rows and columns of A.</summary>
    private static double[,] Normalize(double[,] affinity, int[] nodes)
    {
        int m = nodes.Length;
        var scale = new double[m];
        for (int i = 0; i < m; i++)
        {
            scale[i] = 1.0 / Math.Sqrt(RowSum(affinity, nodes[i]));
        }

        var graph = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                graph[i, j] = affinity[nodes[i], nodes[j]] * scale[i] * scale[j];
            }
        }

        return graph;
    }

    /// <summary>Each node's row of the k leading eigenvectors, scaled to unit length.</summary>
    private static double[][] Embed(double[,] eigenvectors, int m, int k)
    {
        var rows = new double[m][];
        for (int i = 0; i < m; i++)
        {
            var p = new double[k];
            double norm = 0;
            for (int c = 0; c < k; c++)
            {
                p[c] = eigenvectors[i, c];
                norm += p[c] * p[c];
            }

            norm = Math.Sqrt(norm);
            for (int c = 0; norm > 0 && c < k; c++)
            {
                p[c] /= norm;
            }

            rows[i] = p;
        }

        return rows;
    }
}

/// <summary>Each sentence's group (-1 for outliers), the unit-length embedded row of each clustered sentence (null otherwise), and the number of groups.</summary>
public sealed record ThemePartition(int[] Assignments, double[]?[] Points, int K);

using TextLens.Core.Analysis;
using TextLens.Core.Features;

namespace TextLens.Core.Analyzers.Themes;

/// <summary>
/// Groups a document's sentences into themes from their text alone (never their position):
/// TF-IDF sentence vectors (<see cref="SentenceVectors"/>) → truncated SVD (LSA) of the
/// sentence-term matrix → L2-normalised rows → k-means with seeded restarts, for a fixed number of
/// themes or for every candidate number, chosen by a criterion that does not over-split.
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

    /// <summary>The partition before labelling: each sentence's group (or -1) and the embedded rows.</summary>
    public static ThemePartition Partition(SentenceVectors vectors, ThemeCount count, ThemeSettings settings)
    {
        int n = vectors.SentenceCount;
        var assignment = new int[n];
        Array.Fill(assignment, ThemeResult.Outlier);
        int[] content = [.. Enumerable.Range(0, n).Where(i => !vectors.Rows[i].IsEmpty)];
        var embedded = new double[n][];
        if (content.Length < 2 || count.Fixed is 0)
        {
            return new ThemePartition(assignment, embedded, 0);
        }

        Embedding embedding = Embed(vectors, content, settings);
        double[]? spectrum = null;
        for (int i = 0; i < content.Length; i++)
        {
            embedded[content[i]] = embedding.Points[i];
        }

        int[] inliers = [.. Enumerable.Range(0, content.Length).Where(i => embedding.Energy[i] >= settings.OutlierEnergy)];
        if (content.Length < settings.MinSentences || inliers.Length < 2 || count.Fixed is 1)
        {
            foreach (int i in content)
            {
                assignment[i] = 0;
            }

            return new ThemePartition(assignment, embedded, 1);
        }

        double[][] points = [.. inliers.Select(i => embedding.Points[i])];
        Func<int, double[][]> space = settings.Embedding == 0
            ? _ => points
            : Spectral(points, vectors, [.. inliers.Select(i => content[i])], settings, out spectrum);
        KMeansSolution solution = count.Fixed is { } k
            ? KMeans.Fit(space(Math.Min(k, points.Length)), Math.Min(k, points.Length), settings.Restarts, settings.Seed)
            : ChooseNumber(points, space, settings.Embedding == 0 ? embedding.Spectrum : spectrum!, settings);
        for (int i = 0; i < inliers.Length; i++)
        {
            assignment[content[inliers[i]]] = solution.Assignments[i];
        }

        return new ThemePartition(assignment, embedded, solution.K);
    }

    /// <summary>
    /// Spectral embedding (Ng, Jordan and Weiss 2002): affinities between sentences (cosine of their
    /// TF-IDF or LSA vectors, kept for each sentence's nearest neighbours), normalised as
    /// D^-1/2 A D^-1/2; for k themes, the rows of its k leading eigenvectors scaled to unit length.
    /// </summary>
    private static Func<int, double[][]> Spectral(double[][] lsa, SentenceVectors vectors, int[] sentences, ThemeSettings settings, out double[] spectrum)
    {
        int m = lsa.Length;
        var affinity = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            for (int j = i + 1; j < m; j++)
            {
                double sim = settings.Embedding == 1
                    ? SparseRow.Dot(vectors.Rows[sentences[i]], vectors.Rows[sentences[j]])
                    : Dot(lsa[i], lsa[j]);
                affinity[i, j] = affinity[j, i] = Math.Pow(Math.Max(0, sim), settings.AffinityPower);
            }
        }

        if (settings.Neighbours > 0 && settings.Neighbours < m - 1)
        {
            var keep = new bool[m, m];
            var row = new double[m];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    row[j] = j == i ? double.NegativeInfinity : affinity[i, j];
                }

                int[] order = [.. Enumerable.Range(0, m).OrderByDescending(j => row[j]).ThenBy(j => j).Take(settings.Neighbours)];
                foreach (int j in order)
                {
                    keep[i, j] = keep[j, i] = true;
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
        }

        var degree = new double[m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                degree[i] += affinity[i, j];
            }

            degree[i] = 1.0 / Math.Sqrt(Math.Max(degree[i], 1e-9));
        }

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                affinity[i, j] *= degree[i] * degree[j];
            }
        }

        double[] values = SymmetricEigen.Decompose(affinity, out double[,] u);
        spectrum = values;
        return k =>
        {
            var rows = new double[m][];
            for (int i = 0; i < m; i++)
            {
                var p = new double[k];
                double norm = 0;
                for (int c = 0; c < k; c++)
                {
                    p[c] = u[i, c];
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
        };
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++)
        {
            s += a[j] * b[j];
        }

        return s;
    }

    private static KMeansSolution ChooseNumber(double[][] common, Func<int, double[][]> space, double[] spectrum, ThemeSettings settings)
    {
        int n = common.Length;
        int maxK = Math.Min(settings.MaxThemes, n / settings.MinSentencesPerTheme);
        if (maxK < 2)
        {
            return KMeans.Fit(common, 1, 1, settings.Seed);
        }

        if (settings.SelectionMethod == 1)
        {
            int bestK = 2;
            double bestGap = double.NegativeInfinity;
            for (int k = 2; k <= maxK && k < spectrum.Length; k++)
            {
                double gap = spectrum[k - 1] - spectrum[k];
                if (gap > bestGap + 1e-12)
                {
                    bestGap = gap;
                    bestK = k;
                }
            }

            return KMeans.Fit(space(bestK), bestK, settings.Restarts, settings.Seed);
        }

        double[,]? fixedDistance = settings.SelectionMethod == 2 ? Distances(common) : null;
        KMeansSolution? best = null;
        double bestScore = double.NegativeInfinity;
        for (int k = 2; k <= maxK; k++)
        {
            double[][] pts = space(k);
            KMeansSolution s = KMeans.Fit(pts, k, settings.Restarts, settings.Seed);
            double score = Silhouette(fixedDistance ?? Distances(pts), s.Assignments, s.K) - (settings.SilhouettePenalty * k);
            if (score > bestScore + 1e-12)
            {
                bestScore = score;
                best = s;
            }
        }

        return best!;
    }

    /// <summary>The mean silhouette (Rousseeuw 1987) of a partition, 0 for singletons, as scikit-learn computes it.</summary>
    public static double Silhouette(double[,] distance, int[] assignment, int k)
    {
        int n = assignment.Length;
        var sizes = new int[k];
        foreach (int a in assignment)
        {
            sizes[a]++;
        }

        var sums = new double[k];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (int j = 0; j < n; j++)
            {
                sums[assignment[j]] += distance[i, j];
            }

            int own = assignment[i];
            if (sizes[own] <= 1)
            {
                continue;
            }

            double a = sums[own] / (sizes[own] - 1);
            double b = double.MaxValue;
            for (int c = 0; c < k; c++)
            {
                if (c != own && sizes[c] > 0)
                {
                    b = Math.Min(b, sums[c] / sizes[c]);
                }
            }

            double m = Math.Max(a, b);
            total += m > 0 ? (b - a) / m : 0;
        }

        return total / n;
    }

    private static double[,] Distances(double[][] points)
    {
        int n = points.Length;
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                d[i, j] = d[j, i] = Math.Sqrt(KMeans.SquaredDistance(points[i], points[j]));
            }
        }

        return d;
    }

    /// <summary>
    /// LSA: the eigen-decomposition of the sentence Gram matrix X·Xᵀ gives X's left singular vectors
    /// U and singular values σ; a sentence's coordinates are its row of U·Σ truncated to the leading
    /// dimensions. Energy is the share of the (unit) sentence vector kept in those dimensions.
    /// </summary>
    private static Embedding Embed(SentenceVectors vectors, int[] content, ThemeSettings settings)
    {
        int m = content.Length;
        var gram = new double[m, m];
        for (int i = 0; i < m; i++)
        {
            SparseRow a = vectors.Rows[content[i]];
            gram[i, i] = SparseRow.Dot(a, a);
            for (int j = i + 1; j < m; j++)
            {
                gram[i, j] = gram[j, i] = SparseRow.Dot(a, vectors.Rows[content[j]]);
            }
        }

        double[] values = SymmetricEigen.Decompose(gram, out double[,] u);
        int dims = 0;
        while (dims < Math.Min(settings.MaxDimensions, m - 1) && values[dims] > 1e-9)
        {
            dims++;
        }

        dims = Math.Max(dims, 1);
        var points = new double[m][];
        var energy = new double[m];
        for (int i = 0; i < m; i++)
        {
            var p = new double[dims];
            double norm = 0;
            for (int c = 0; c < dims; c++)
            {
                p[c] = u[i, c] * Math.Sqrt(Math.Max(values[c], 0));
                norm += p[c] * p[c];
            }

            energy[i] = norm;
            norm = Math.Sqrt(norm);
            for (int c = 0; norm > 0 && c < dims; c++)
            {
                p[c] /= norm;
            }

            points[i] = p;
        }

        return new Embedding(points, energy, values);
    }

    private sealed record Embedding(double[][] Points, double[] Energy, double[] Spectrum);
}

/// <summary>Each sentence's group (-1 for outliers), the unit-length embedded row of each content sentence (null otherwise), and the number of groups.</summary>
public sealed record ThemePartition(int[] Assignments, double[]?[] Points, int K);

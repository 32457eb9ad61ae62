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
/// number chosen from the eigengaps (<see cref="ChooseNumber"/>), which does not over-split as the silhouette does.</item>
/// </list>
/// A sentence with no content word, or sharing none with any other sentence, fits no theme (outlier).
/// Labels come from <see cref="ThemeLabeler"/>.
/// </summary>
public static class ThemeClusterer
{
    /// <param name="features">The document's shared featurisation.</param>
    /// <param name="count">How many themes: automatic or fixed.</param>
    /// <param name="settings">Tuned constants; <see cref="ThemeSettings.Default"/> when null.</param>
    /// <param name="segments">
    /// Contiguous sections instead of text-only clusters: the same embedding and number of themes,
    /// but each theme is a run of consecutive sentences (<see cref="Segment"/>). Uses position.
    /// </param>
    public static ThemeResult Cluster(DocumentFeatures features, ThemeCount count, ThemeSettings? settings = null, bool segments = false)
    {
        settings ??= ThemeSettings.Default;
        SentenceVectors vectors = SentenceVectors.Build(features, settings);
        ThemePartition partition = Partition(vectors, count, settings, segments);
        return ThemeLabeler.Label(vectors, partition, segments ? $"{count} segments" : count.ToString(), settings, features.Document) with { Vectors = vectors };
    }

    /// <summary>The partition before labelling: each sentence's group (or -1) and its embedded row.</summary>
    public static ThemePartition Partition(SentenceVectors vectors, ThemeCount count, ThemeSettings settings, bool segments = false)
    {
        ThemePartition clusters = PartitionByText(vectors, count, settings, segments);
        return segments ? FillGaps(clusters) : clusters;
    }

    private static ThemePartition PartitionByText(SentenceVectors vectors, ThemeCount count, ThemeSettings settings, bool segments)
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

        // A long document is clustered through landmarks: every s-th content sentence forms the graph
        // (its eigen-decomposition is cubic in size), and every other sentence then joins the theme of
        // the landmarks its text is most similar to.
        int[] others = [];
        if (content.Length > settings.MaxGraphSentences)
        {
            int stride = (int)Math.Ceiling(content.Length / (double)settings.MaxGraphSentences);
            others = [.. content.Where((_, i) => i % stride != 0)];
            content = [.. content.Where((_, i) => i % stride == 0)];
        }

        double[,] affinity = Affinity(vectors, content, settings.Neighbours);
        int[] connected = [.. Enumerable.Range(0, content.Length).Where(i => RowSum(affinity, i) > 0)];
        if (connected.Length < settings.MinSentences)
        {
            foreach (int i in connected)
            {
                assignment[content[i]] = 0;
            }

            JoinNearest(vectors, assignment, others, settings.Neighbours);
            return new ThemePartition(assignment, embedded, connected.Length > 0 ? 1 : 0);
        }

        double[,] graph = Normalize(affinity, connected);
        double[] spectrum = SymmetricEigen.Decompose(graph, out double[,] eigenvectors);
        int m = connected.Length;
        int k = count.Fixed is { } f ? Math.Min(f, m) : ChooseNumber(spectrum, m, settings);
        double[][] points = Embed(eigenvectors, m, k);
        int[] groups = segments ? Segment(points, k) : KMeans.Fit(points, k, settings.Restarts, settings.Seed).Assignments;
        for (int i = 0; i < m; i++)
        {
            assignment[content[connected[i]]] = groups[i];
            embedded[content[connected[i]]] = points[i];
        }

        if (!segments)
        {
            JoinNearest(vectors, assignment, others, settings.Neighbours);
        }

        return new ThemePartition(assignment, embedded, groups.Distinct().Count());
    }

    /// <summary>
    /// Gives each of <paramref name="sentences"/> the theme with the largest summed cosine among its
    /// most similar assigned sentences (ties to the lower theme id); a sentence similar to none stays an outlier.
    /// </summary>
    private static void JoinNearest(SentenceVectors vectors, int[] assignment, int[] sentences, int neighbours)
    {
        if (sentences.Length == 0)
        {
            return;
        }

        int[] assigned = [.. Enumerable.Range(0, assignment.Length).Where(i => assignment[i] != ThemeResult.Outlier)];
        var similarity = new AssignedSimilarity(vectors, assigned);
        var nearest = new (double Similarity, int Theme)[Math.Max(1, neighbours)];
        var votes = new Dictionary<int, double>();
        var result = new int[sentences.Length];

        // The vote is a function of the row alone (assignments change only after the loop): a repeated sentence (boilerplate,
        // a directive's sentence) is voted on once.
        var voted = new Dictionary<SparseRow, int>(SameRow.Instance);
        for (int x = 0; x < sentences.Length; x++)
        {
            SparseRow row = vectors.Rows[sentences[x]];
            if (voted.TryGetValue(row, out int theme))
            {
                result[x] = theme;
                continue;
            }

            // The k most similar assigned sentences, kept sorted as they are found (k is small: no full sort per sentence).
            int found = 0;
            ReadOnlySpan<double> sims = similarity.To(row);
            for (int p = 0; p < assigned.Length; p++)
            {
                int a = assigned[p];
                double sim = sims[p];
                if (sim <= 0 || (found == nearest.Length && sim <= nearest[found - 1].Similarity))
                {
                    continue;
                }

                int at = Math.Min(found, nearest.Length - 1);
                while (at > 0 && nearest[at - 1].Similarity < sim)
                {
                    nearest[at] = nearest[at - 1];
                    at--;
                }

                nearest[at] = (sim, assignment[a]);
                found = Math.Min(found + 1, nearest.Length);
            }

            votes.Clear();
            for (int i = 0; i < Math.Min(found, neighbours); i++)
            {
                votes[nearest[i].Theme] = votes.GetValueOrDefault(nearest[i].Theme) + nearest[i].Similarity;
            }

            result[x] = votes.Count == 0
                ? ThemeResult.Outlier
                : votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).First().Key;
            voted[row] = result[x];
        }

        for (int x = 0; x < sentences.Length; x++)
        {
            assignment[sentences[x]] = result[x];
        }
    }

    /// <summary>Two rows with the same terms and the same weights (bit for bit).</summary>
    private sealed class SameRow : IEqualityComparer<SparseRow>
    {
        public static readonly SameRow Instance = new();

        public bool Equals(SparseRow x, SparseRow y) =>
            x.Indices.AsSpan().SequenceEqual(y.Indices)
            && System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(x.Values.AsSpan()).SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.Cast<double, long>(y.Values.AsSpan()));

        public int GetHashCode(SparseRow row)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(row.Indices.AsSpan()));
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(row.Values.AsSpan()));
            return hash.ToHashCode();
        }
    }

    /// <summary>
    /// The dot products of one row with every assigned sentence's row, through an inverted index of the assigned rows
    /// (term → the assigned sentences that have it, in order): only sentences that share a term are visited. Each
    /// sum adds the same products in the same order (ascending term) as <see cref="SparseRow.Dot"/>, so the values
    /// are identical, bit for bit; a sentence that shares no term has 0.
    /// </summary>
    private sealed class AssignedSimilarity
    {
        private readonly Dictionary<int, List<(int Position, double Value)>> _postings = [];
        private readonly double[] _sums;
        private readonly List<int> _touched = [];

        public AssignedSimilarity(SentenceVectors vectors, int[] assigned)
        {
            _sums = new double[assigned.Length];
            for (int p = 0; p < assigned.Length; p++)
            {
                SparseRow row = vectors.Rows[assigned[p]];
                for (int i = 0; i < row.Indices.Length; i++)
                {
                    if (!_postings.TryGetValue(row.Indices[i], out List<(int, double)>? list))
                    {
                        _postings[row.Indices[i]] = list = [];
                    }

                    list.Add((p, row.Values[i]));
                }
            }
        }

        /// <summary>The similarities of <paramref name="row"/> to the assigned sentences, by position (valid until the next call).</summary>
        public ReadOnlySpan<double> To(SparseRow row)
        {
            foreach (int p in _touched)
            {
                _sums[p] = 0;
            }

            _touched.Clear();
            for (int i = 0; i < row.Indices.Length; i++)
            {
                if (!_postings.TryGetValue(row.Indices[i], out List<(int Position, double Value)>? list))
                {
                    continue;
                }

                double value = row.Values[i];
                foreach ((int p, double other) in list)
                {
                    if (_sums[p] == 0)
                    {
                        _touched.Add(p);
                    }

                    _sums[p] += value * other;
                }
            }

            return _sums;
        }
    }

    /// <summary>
    /// The split of points, in document order, into k runs of consecutive points with the least total
    /// within-run sum of squares (contiguity-constrained k-means, solved exactly by dynamic programming
    /// in O(k·n²) with prefix sums). Returns each point's run, 0..k-1.
    /// </summary>
    public static int[] Segment(IReadOnlyList<double[]> points, int k)
    {
        int n = points.Count;
        k = Math.Clamp(k, 1, n);
        int dim = n == 0 ? 0 : points[0].Length;
        var sum = new double[n + 1, dim];
        var squares = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            squares[i + 1] = squares[i];
            for (int j = 0; j < dim; j++)
            {
                sum[i + 1, j] = sum[i, j] + points[i][j];
                squares[i + 1] += points[i][j] * points[i][j];
            }
        }

        // Sum of squared distances to the mean of points [a, b).
        double Cost(int a, int b)
        {
            double s = squares[b] - squares[a];
            double norm = 0;
            for (int j = 0; j < dim; j++)
            {
                double t = sum[b, j] - sum[a, j];
                norm += t * t;
            }

            return s - (norm / (b - a));
        }

        var best = new double[k + 1, n + 1];
        var cut = new int[k + 1, n + 1];
        for (int g = 0; g <= k; g++)
        {
            for (int b = 0; b <= n; b++)
            {
                best[g, b] = double.PositiveInfinity;
            }
        }

        best[0, 0] = 0;
        for (int g = 1; g <= k; g++)
        {
            for (int b = g; b <= n; b++)
            {
                for (int a = g - 1; a < b; a++)
                {
                    double c = best[g - 1, a] + Cost(a, b);
                    if (c < best[g, b] - 1e-12)
                    {
                        best[g, b] = c;
                        cut[g, b] = a;
                    }
                }
            }
        }

        var runs = new int[n];
        for (int g = k, b = n; g > 0; g--)
        {
            int a = cut[g, b];
            for (int i = a; i < b; i++)
            {
                runs[i] = g - 1;
            }

            b = a;
        }

        return runs;
    }

    /// <summary>In a segmentation every sentence belongs to the section it stands in: a sentence left out of the clustering takes the section of the sentence before it (or after it, at the start).</summary>
    private static ThemePartition FillGaps(ThemePartition partition)
    {
        int[] a = (int[])partition.Assignments.Clone();
        int previous = ThemeResult.Outlier;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == ThemeResult.Outlier)
            {
                a[i] = previous;
            }

            previous = a[i];
        }

        int next = ThemeResult.Outlier;
        for (int i = a.Length - 1; i >= 0; i--)
        {
            if (a[i] == ThemeResult.Outlier)
            {
                a[i] = next;
            }

            next = a[i];
        }

        return partition with { Assignments = a };
    }

    /// <summary>
    /// The number of themes from the eigengaps of the normalised affinity (k well-separated groups
    /// give k eigenvalues near 1, then a drop): the smallest k in 2..max whose gap between the k-th
    /// and (k+1)-th eigenvalues is at least <see cref="ThemeSettings.GapTolerance"/> of the largest
    /// such gap, which leans towards fewer themes when two cuts are about as clear. At most
    /// <see cref="ThemeSettings.MaxThemes"/> themes, and on average at least
    /// <see cref="ThemeSettings.MinSentencesPerTheme"/> sentences per theme.
    /// </summary>
    public static int ChooseNumber(IReadOnlyList<double> spectrum, int sentences, ThemeSettings settings)
    {
        int maxK = Math.Min(Math.Min(settings.MaxThemes, sentences / settings.MinSentencesPerTheme), spectrum.Count - 1);
        if (maxK < 2)
        {
            return 1;
        }

        double largest = 0;
        for (int k = 2; k <= maxK; k++)
        {
            largest = Math.Max(largest, spectrum[k - 1] - spectrum[k]);
        }

        for (int k = 2; k <= maxK; k++)
        {
            if (spectrum[k - 1] - spectrum[k] >= settings.GapTolerance * largest)
            {
                return k;
            }
        }

        return 2;
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

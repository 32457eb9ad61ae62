namespace TextLens.Core.Analyzers.Themes;

/// <summary>A partition of points into k groups: each point's group, the centres and the within-group sum of squares.</summary>
public sealed record KMeansSolution(int[] Assignments, double[][] Centres, double Inertia)
{
    public int K => Centres.Length;
}

/// <summary>
/// Lloyd's k-means with k-means++ seeding and several restarts, each from its own fixed seed, keeping
/// the restart with the lowest inertia. Ties and empty groups are resolved deterministically, so the
/// same points always give the same partition.
/// </summary>
public static class KMeans
{
    public static KMeansSolution Fit(IReadOnlyList<double[]> points, int k, int restarts, int seed, int maxIterations = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int n = points.Count;
        if (n == 0)
        {
            return new KMeansSolution([], [], 0);
        }

        k = Math.Min(k, n);
        KMeansSolution? best = null;
        for (int r = 0; r < Math.Max(1, restarts); r++)
        {
            KMeansSolution s = Run(points, k, new Random(unchecked((seed * 7919) + r)), maxIterations);
            if (best is null || s.Inertia < best.Inertia - 1e-12)
            {
                best = s;
            }
        }

        return best!;
    }

    private static KMeansSolution Run(IReadOnlyList<double[]> points, int k, Random random, int maxIterations)
    {
        int n = points.Count;
        int dim = points[0].Length;
        double[][] centres = SeedPlusPlus(points, k, random);
        var assignment = new int[n];
        Array.Fill(assignment, -1);
        var counts = new int[k];
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            bool changed = false;
            for (int i = 0; i < n; i++)
            {
                int nearest = Nearest(points[i], centres, out _);
                if (nearest != assignment[i])
                {
                    assignment[i] = nearest;
                    changed = true;
                }
            }

            if (!changed && iteration > 0)
            {
                break;
            }

            Array.Clear(counts);
            foreach (double[] c in centres)
            {
                Array.Clear(c);
            }

            for (int i = 0; i < n; i++)
            {
                double[] c = centres[assignment[i]];
                double[] p = points[i];
                counts[assignment[i]]++;
                for (int j = 0; j < dim; j++)
                {
                    c[j] += p[j];
                }
            }

            for (int c = 0; c < k; c++)
            {
                for (int j = 0; counts[c] > 0 && j < dim; j++)
                {
                    centres[c][j] /= counts[c];
                }
            }

            for (int c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    // An empty group takes the point farthest from its own centre.
                    int far = FarthestPoint(points, centres, assignment, counts);
                    counts[assignment[far]]--;
                    assignment[far] = c;
                    counts[c] = 1;
                    Array.Copy(points[far], centres[c], dim);
                }
            }
        }

        double inertia = 0;
        for (int i = 0; i < n; i++)
        {
            inertia += SquaredDistance(points[i], centres[assignment[i]]);
        }

        return new KMeansSolution(assignment, centres, inertia);
    }

    private static double[][] SeedPlusPlus(IReadOnlyList<double[]> points, int k, Random random)
    {
        int n = points.Count;
        var centres = new double[k][];
        centres[0] = (double[])points[random.Next(n)].Clone();
        var d2 = new double[n];
        for (int i = 0; i < n; i++)
        {
            d2[i] = SquaredDistance(points[i], centres[0]);
        }

        for (int c = 1; c < k; c++)
        {
            double total = d2.Sum();
            int chosen;
            if (total <= 0)
            {
                chosen = random.Next(n);
            }
            else
            {
                double target = random.NextDouble() * total;
                chosen = n - 1;
                double acc = 0;
                for (int i = 0; i < n; i++)
                {
                    acc += d2[i];
                    if (acc >= target && d2[i] > 0)
                    {
                        chosen = i;
                        break;
                    }
                }
            }

            centres[c] = (double[])points[chosen].Clone();
            for (int i = 0; i < n; i++)
            {
                d2[i] = Math.Min(d2[i], SquaredDistance(points[i], centres[c]));
            }
        }

        return centres;
    }

    private static int FarthestPoint(IReadOnlyList<double[]> points, double[][] centres, int[] assignment, int[] counts)
    {
        int far = -1;
        double farDistance = -1;
        for (int i = 0; i < points.Count; i++)
        {
            if (counts[assignment[i]] <= 1)
            {
                continue;
            }

            double d = SquaredDistance(points[i], centres[assignment[i]]);
            if (d > farDistance)
            {
                farDistance = d;
                far = i;
            }
        }

        return far < 0 ? 0 : far;
    }

    public static int Nearest(double[] point, double[][] centres, out double squaredDistance)
    {
        int best = 0;
        squaredDistance = double.MaxValue;
        for (int c = 0; c < centres.Length; c++)
        {
            double d = SquaredDistance(point, centres[c]);
            if (d < squaredDistance - 1e-15)
            {
                squaredDistance = d;
                best = c;
            }
        }

        return best;
    }

    public static double SquaredDistance(double[] a, double[] b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double t = a[j] - b[j];
            s += t * t;
        }

        return s;
    }
}

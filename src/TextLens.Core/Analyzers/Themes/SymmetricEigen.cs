using System.Numerics;
using System.Runtime.CompilerServices;

namespace TextLens.Core.Analyzers.Themes;

/// <summary>
/// Eigen-decomposition of a small dense symmetric matrix: Householder reduction to tridiagonal form
/// followed by the implicit QL algorithm (the EISPACK tred2/tql2 routines as published in JAMA,
/// public domain). O(n³); fine for the few hundred sentences of one document. Deterministic.
/// </summary>
public static class SymmetricEigen
{
    /// <summary>
    /// Decomposes <paramref name="matrix"/> (n×n, symmetric; left as it is). Returns the
    /// eigenvalues in descending order and, in <paramref name="vectors"/>, the matching unit
    /// eigenvectors as columns (vectors[row, column]).
    /// </summary>
    public static double[] Decompose(double[,] matrix, out double[,] vectors)
    {
        int n = matrix.GetLength(0);
        if (n != matrix.GetLength(1))
        {
            throw new ArgumentException("The matrix must be square.", nameof(matrix));
        }

        // The routines walk the matrix by columns in their O(n³) loops (tql2 rotates two columns of the eigenvectors
        // per step): they run on the transpose, flat, so that a column is contiguous (w[column * n + row] is v[row,
        // column]); the arithmetic is the same operations in the same order, so the results are the same bits.
        var w = new double[n * n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                w[(c * n) + r] = matrix[r, c];
            }
        }

        var d = new double[n];
        var e = new double[n];
        if (n > 0)
        {
            Tred2(n, w, d, e);
            Tql2(n, w, d, e);
        }

        // Sort descending, eigenvectors with them; fix each vector's sign so that its largest
        // component is positive (deterministic output independent of rounding paths).
        int[] order = [.. Enumerable.Range(0, n).OrderByDescending(i => d[i]).ThenBy(i => i)];
        var values = new double[n];
        vectors = new double[n, n];
        for (int c = 0; c < n; c++)
        {
            int src = order[c];
            values[c] = d[src];
            ReadOnlySpan<double> column = w.AsSpan(src * n, n);
            int argmax = 0;
            for (int r = 1; r < n; r++)
            {
                if (Math.Abs(column[r]) > Math.Abs(column[argmax]) + 1e-12)
                {
                    argmax = r;
                }
            }

            double sign = column[argmax] < 0 ? -1.0 : 1.0;
            for (int r = 0; r < n; r++)
            {
                vectors[r, c] = sign * column[r];
            }
        }

        return values;
    }

    private static void Tred2(int n, double[] w, double[] d, double[] e)
    {
        for (int j = 0; j < n; j++)
        {
            d[j] = w[(j * n) + n - 1];
        }

        for (int i = n - 1; i > 0; i--)
        {
            double scale = 0.0;
            double h = 0.0;
            for (int k = 0; k < i; k++)
            {
                scale += Math.Abs(d[k]);
            }

            if (scale == 0.0)
            {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++)
                {
                    d[j] = w[(j * n) + i - 1];
                    w[(j * n) + i] = 0.0;
                    w[(i * n) + j] = 0.0;
                }
            }
            else
            {
                for (int k = 0; k < i; k++)
                {
                    d[k] /= scale;
                    h += d[k] * d[k];
                }

                double f = d[i - 1];
                double g = Math.Sqrt(h);
                if (f > 0)
                {
                    g = -g;
                }

                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                for (int j = 0; j < i; j++)
                {
                    e[j] = 0.0;
                }

                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    w[(i * n) + j] = f;
                    ReadOnlySpan<double> column = w.AsSpan(j * n, i);
                    g = e[j] + (column[j] * f);
                    for (int k = j + 1; k < column.Length; k++)
                    {
                        g += column[k] * d[k];
                        e[k] += column[k] * f;
                    }

                    e[j] = g;
                }

                f = 0.0;
                for (int j = 0; j < i; j++)
                {
                    e[j] /= h;
                    f += e[j] * d[j];
                }

                double hh = f / (h + h);
                for (int j = 0; j < i; j++)
                {
                    e[j] -= hh * d[j];
                }

                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    g = e[j];
                    Span<double> column = w.AsSpan(j * n, i);
                    for (int k = j; k < column.Length; k++)
                    {
                        column[k] -= (f * e[k]) + (g * d[k]);
                    }

                    d[j] = w[(j * n) + i - 1];
                    w[(j * n) + i] = 0.0;
                }
            }

            d[i] = h;
        }

        for (int i = 0; i < n - 1; i++)
        {
            w[(i * n) + n - 1] = w[(i * n) + i];
            w[(i * n) + i] = 1.0;
            double h = d[i + 1];
            if (h != 0.0)
            {
                for (int k = 0; k <= i; k++)
                {
                    d[k] = w[((i + 1) * n) + k] / h;
                }

                ReadOnlySpan<double> next = w.AsSpan((i + 1) * n, i + 1);
                for (int j = 0; j <= i; j++)
                {
                    Span<double> column = w.AsSpan(j * n, i + 1);
                    double g = 0.0;
                    for (int k = 0; k < column.Length; k++)
                    {
                        g += next[k] * column[k];
                    }

                    for (int k = 0; k < column.Length; k++)
                    {
                        column[k] -= g * d[k];
                    }
                }
            }

            for (int k = 0; k <= i; k++)
            {
                w[((i + 1) * n) + k] = 0.0;
            }
        }

        for (int j = 0; j < n; j++)
        {
            d[j] = w[(j * n) + n - 1];
            w[(j * n) + n - 1] = 0.0;
        }

        w[((n - 1) * n) + n - 1] = 1.0;
        e[0] = 0.0;
    }

    private static void Tql2(int n, double[] w, double[] d, double[] e)
    {
        for (int i = 1; i < n; i++)
        {
            e[i - 1] = e[i];
        }

        e[n - 1] = 0.0;
        double f = 0.0;
        double tst1 = 0.0;
        double eps = Math.Pow(2.0, -52.0);
        for (int l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n)
            {
                if (Math.Abs(e[m]) <= eps * tst1)
                {
                    break;
                }

                m++;
            }

            if (m > l)
            {
                int iter = 0;
                do
                {
                    if (++iter > 60)
                    {
                        throw new InvalidOperationException("The eigenvalue iteration did not converge.");
                    }

                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = Hypot(p, 1.0);
                    if (p < 0)
                    {
                        r = -r;
                    }

                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++)
                    {
                        d[i] -= h;
                    }

                    f += h;
                    p = d[m];
                    double c = 1.0;
                    double c2 = c;
                    double c3 = c;
                    double el1 = e[l + 1];
                    double s = 0.0;
                    double s2 = 0.0;
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = (c * d[i]) - (s * g);
                        d[i + 1] = h + (s * ((c * g) + (s * d[i])));
                        Rotate(w.AsSpan((i + 1) * n, n), w.AsSpan(i * n, n), s, c);
                    }

                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > eps * tst1);
            }

            d[l] += f;
            e[l] = 0.0;
        }
    }

    /// <summary>
    /// tql2's plane rotation of two eigenvector columns: next = s·here + c·next, here = c·here − s·next, element by
    /// element. Each element's operations are the scalar ones (a multiply, a multiply, an add or subtract, in that
    /// order, never fused), so the vector lanes give the scalar loop's bits. Optimised at its first call: a report
    /// runs few decompositions, and a tier-0 vector loop is slower than the scalar one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rotate(Span<double> next, Span<double> here, double s, double c)
    {
        int k = 0;
        if (Vector.IsHardwareAccelerated && next.Length >= Vector<double>.Count)
        {
            var vs = new Vector<double>(s);
            var vc = new Vector<double>(c);
            for (; k <= next.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                var h = new Vector<double>(next[k..]);
                var x = new Vector<double>(here[k..]);
                ((vs * x) + (vc * h)).CopyTo(next[k..]);
                ((vc * x) - (vs * h)).CopyTo(here[k..]);
            }
        }

        for (; k < next.Length; k++)
        {
            double h = next[k];
            next[k] = (s * here[k]) + (c * h);
            here[k] = (c * here[k]) - (s * h);
        }
    }

    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a);
        double y = Math.Abs(b);
        if (x < y)
        {
            (x, y) = (y, x);
        }

        if (x == 0)
        {
            return 0;
        }

        double t = y / x;
        return x * Math.Sqrt(1 + (t * t));
    }
}

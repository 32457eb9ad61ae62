using TextLens.Core.Analyzers.Themes;

namespace TextLens.Core.Tests.Themes;

/// <summary>
/// <see cref="SymmetricEigen"/> runs tred2/tql2 on the flat transpose of the matrix (columns contiguous) for speed; it
/// must give the same bits as the routines on the matrix as given (the JAMA code it had before, kept here as the
/// reference), on random matrices, on ones with zero rows (tred2's scale = 0 branch), on repeated eigenvalues, and on
/// one not quite symmetric (the transpose is taken, not assumed). The real documents' graphs: bench/identical.sh.
/// </summary>
public sealed class SymmetricEigenLayoutTests
{
    public static TheoryData<string> Cases => ["random 1", "random 2", "random 3", "random 40", "random 173", "zero rows", "blocks", "identity", "zeros", "nearly symmetric"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_transposed_layout_gives_the_same_bits_as_the_routines_on_the_matrix_as_given(string name)
    {
        double[,] matrix = Make(name);
        double[] expected = ColumnStridedEigen.Decompose((double[,])matrix.Clone(), out double[,] expectedVectors);
        double[,] input = (double[,])matrix.Clone();
        double[] actual = SymmetricEigen.Decompose(input, out double[,] actualVectors);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), actual.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(expectedVectors.Cast<double>().Select(BitConverter.DoubleToInt64Bits), actualVectors.Cast<double>().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(matrix.Cast<double>(), input.Cast<double>());   // the input is left as it is
    }

    private static double[,] Make(string name)
    {
        string[] parts = name.Split(' ');
        int n = parts[0] == "random" ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 30;
        var random = new Random(n + name.Length);
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                double x = name switch
                {
                    "zero rows" => i % 4 == 0 || j % 4 == 0 ? 0 : random.NextDouble(),
                    "blocks" => i / 10 == j / 10 ? 1.0 / 10 : 0,
                    "identity" => i == j ? 1 : 0,
                    "zeros" => 0,
                    _ => random.NextDouble() - 0.5,
                };
                a[i, j] = a[j, i] = x;
            }
        }

        if (name == "nearly symmetric")
        {
            // The routines read one triangle: the transpose must be taken, not assumed.
            for (int i = 1; i < n; i++)
            {
                a[i - 1, i] += 1e-9 * i;
            }
        }

        return a;
    }

    internal static class ColumnStridedEigen
    {
        /// <summary>
        /// Decomposes <paramref name="matrix"/> (n×n, row-major, symmetric; overwritten). Returns the
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

            var v = matrix;
            var d = new double[n];
            var e = new double[n];
            if (n > 0)
            {
                Tred2(n, v, d, e);
                Tql2(n, v, d, e);
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
                int argmax = 0;
                for (int r = 1; r < n; r++)
                {
                    if (Math.Abs(v[r, src]) > Math.Abs(v[argmax, src]) + 1e-12)
                    {
                        argmax = r;
                    }
                }

                double sign = v[argmax, src] < 0 ? -1.0 : 1.0;
                for (int r = 0; r < n; r++)
                {
                    vectors[r, c] = sign * v[r, src];
                }
            }

            return values;
        }

        private static void Tred2(int n, double[,] v, double[] d, double[] e)
        {
            for (int j = 0; j < n; j++)
            {
                d[j] = v[n - 1, j];
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
                        d[j] = v[i - 1, j];
                        v[i, j] = 0.0;
                        v[j, i] = 0.0;
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
                        v[j, i] = f;
                        g = e[j] + (v[j, j] * f);
                        for (int k = j + 1; k <= i - 1; k++)
                        {
                            g += v[k, j] * d[k];
                            e[k] += v[k, j] * f;
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
                        for (int k = j; k <= i - 1; k++)
                        {
                            v[k, j] -= (f * e[k]) + (g * d[k]);
                        }

                        d[j] = v[i - 1, j];
                        v[i, j] = 0.0;
                    }
                }

                d[i] = h;
            }

            for (int i = 0; i < n - 1; i++)
            {
                v[n - 1, i] = v[i, i];
                v[i, i] = 1.0;
                double h = d[i + 1];
                if (h != 0.0)
                {
                    for (int k = 0; k <= i; k++)
                    {
                        d[k] = v[k, i + 1] / h;
                    }

                    for (int j = 0; j <= i; j++)
                    {
                        double g = 0.0;
                        for (int k = 0; k <= i; k++)
                        {
                            g += v[k, i + 1] * v[k, j];
                        }

                        for (int k = 0; k <= i; k++)
                        {
                            v[k, j] -= g * d[k];
                        }
                    }
                }

                for (int k = 0; k <= i; k++)
                {
                    v[k, i + 1] = 0.0;
                }
            }

            for (int j = 0; j < n; j++)
            {
                d[j] = v[n - 1, j];
                v[n - 1, j] = 0.0;
            }

            v[n - 1, n - 1] = 1.0;
            e[0] = 0.0;
        }

        private static void Tql2(int n, double[,] v, double[] d, double[] e)
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
                            for (int k = 0; k < n; k++)
                            {
                                h = v[k, i + 1];
                                v[k, i + 1] = (s * v[k, i]) + (c * h);
                                v[k, i] = (c * v[k, i]) - (s * h);
                            }
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
}

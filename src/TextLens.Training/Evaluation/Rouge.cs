using System.Text;

namespace TextLens.Training.Evaluation;

/// <summary>Precision, recall and F1 of one ROUGE measure.</summary>
public readonly record struct RougeScore(double Precision, double Recall, double F1)
{
    public static RougeScore Zero => default;

    internal static RougeScore From(int overlap, int predicted, int gold)
    {
        double p = overlap / (double)Math.Max(predicted, 1);
        double r = overlap / (double)Math.Max(gold, 1);
        return new RougeScore(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
}

/// <summary>ROUGE-1, ROUGE-2 and ROUGE-L of one summary against its reference.</summary>
public readonly record struct RougeScores(RougeScore Rouge1, RougeScore Rouge2, RougeScore RougeL);

/// <summary>
/// ROUGE exactly as ../shared/tools/summary_score.py (and Google's rouge-score with
/// <c>use_stemmer=True</c>) computes it: lower-case, every character outside [a-z0-9] separates
/// tokens, tokens longer than three characters are Porter-stemmed (<see cref="NltkPorterStemmer"/>);
/// ROUGE-N counts clipped n-gram overlap; ROUGE-L is the longest common subsequence over the whole
/// text ("rougeL", not "rougeLsum").
/// </summary>
public static class Rouge
{
    public static RougeScores Score(string gold, string predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        string[] g = Tokenize(gold);
        string[] p = Tokenize(predicted);
        return new RougeScores(RougeN(g, p, 1), RougeN(g, p, 2), RougeL(g, p));
    }

    public static string[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (char raw in text)
        {
            char c = char.ToLowerInvariant(raw);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                current.Append(c);
            }
            else
            {
                Flush(current, tokens);
            }
        }

        Flush(current, tokens);
        return [.. tokens];
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length == 0)
        {
            return;
        }

        string token = current.ToString();
        current.Clear();
        tokens.Add(token.Length > 3 ? NltkPorterStemmer.Stem(token) : token);
    }

    public static RougeScore RougeN(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        Dictionary<string, int> g = NGrams(gold, n);
        Dictionary<string, int> p = NGrams(predicted, n);
        int overlap = 0;
        foreach ((string gram, int count) in g)
        {
            overlap += Math.Min(count, p.GetValueOrDefault(gram));
        }

        return RougeScore.From(overlap, Math.Max(predicted.Count - n + 1, 0), Math.Max(gold.Count - n + 1, 0));
    }

    public static RougeScore RougeL(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count == 0 || predicted.Count == 0)
        {
            return RougeScore.Zero;
        }

        int lcs = LongestCommonSubsequence(gold, predicted);
        double p = lcs / (double)predicted.Count;
        double r = lcs / (double)gold.Count;
        return new RougeScore(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }

    public static int LongestCommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (b.Count > a.Count)
        {
            (a, b) = (b, a);
        }

        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        foreach (string x in a)
        {
            current[0] = 0;
            for (int j = 1; j <= b.Count; j++)
            {
                current[j] = string.Equals(x, b[j - 1], StringComparison.Ordinal)
                    ? previous[j - 1] + 1
                    : Math.Max(previous[j], current[j - 1]);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Count];
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            string gram = n == 1 ? tokens[i] : string.Join('\u0001', Enumerable.Range(i, n).Select(j => tokens[j]));
            counts[gram] = counts.GetValueOrDefault(gram) + 1;
        }

        return counts;
    }
}

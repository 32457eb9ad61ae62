using System.Globalization;
using System.IO.Compression;
using System.Text;
using TextLens.Core.Features;
using TextLens.Core.Models;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// Word valence from the VADER lexicon (Hutto &amp; Gilbert 2014, MIT licence; models/stance-valence-vader.tsv.gz:
/// token and mean rating on −4..4), with VADER's negation and intensity rules. Loaded once by <see cref="ModelSet.Valence"/>.
/// </summary>
public sealed class ValenceLexicon
{
    public const string FileName = "stance-valence-vader.tsv.gz";

    private const double BoosterIncrement = 0.293;
    private const double NegationScalar = -0.74;

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "not", "n't", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without", "cannot", "hardly", "rarely", "seldom", "despite",
        "aint", "isnt", "wasnt", "dont", "doesnt", "didnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt",
    };

    private static readonly Dictionary<string, double> Boosters = new(StringComparer.Ordinal)
    {
        ["absolutely"] = 1, ["amazingly"] = 1, ["awfully"] = 1, ["completely"] = 1, ["considerably"] = 1, ["decidedly"] = 1, ["deeply"] = 1,
        ["enormously"] = 1, ["entirely"] = 1, ["especially"] = 1, ["exceptionally"] = 1, ["extremely"] = 1, ["greatly"] = 1, ["highly"] = 1,
        ["hugely"] = 1, ["incredibly"] = 1, ["intensely"] = 1, ["majorly"] = 1, ["more"] = 1, ["most"] = 1, ["particularly"] = 1, ["purely"] = 1,
        ["quite"] = 1, ["really"] = 1, ["remarkably"] = 1, ["so"] = 1, ["substantially"] = 1, ["thoroughly"] = 1, ["totally"] = 1,
        ["tremendously"] = 1, ["truly"] = 1, ["utterly"] = 1, ["very"] = 1, ["severely"] = 1, ["seriously"] = 1,
        ["almost"] = -1, ["barely"] = -1, ["hardly"] = -1, ["less"] = -1, ["little"] = -1, ["marginally"] = -1, ["occasionally"] = -1,
        ["partly"] = -1, ["scarcely"] = -1, ["slightly"] = -1, ["somewhat"] = -1, ["sort"] = -1, ["kind"] = -1,
    };

    private readonly Dictionary<string, float> _valence;

    /// <summary>The same table looked up by a span of characters: base forms are tried without building their strings.</summary>
    private readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private ValenceLexicon(Dictionary<string, float> valence)
    {
        _valence = valence;
        _bySpan = valence.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _valence.Count;

    public static ValenceLexicon Load(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        var map = new Dictionary<string, float>(8000, StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || line[0] == '#')
            {
                continue;
            }

            int tab2 = line.IndexOf('\t', tab + 1);
            string value = tab2 < 0 ? line[(tab + 1)..] : line[(tab + 1)..tab2];
            map[line[..tab]] = float.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return new ValenceLexicon(map);
    }

    public bool TryGet(string lower, out float valence) => _valence.TryGetValue(lower, out valence);

    /// <summary>
    /// The valence of a word, or of its base form when only that is in the lexicon: VADER lists many
    /// words in one form only ("crime" but not "crimes", "help" but not "helped"). Tries the plural
    /// (-s, -es, -ies → -y), past (-ed, -d, -ied → -y, doubled consonant) and -ing forms, in that order,
    /// and accepts a base of four letters or more (so "tied" does not become "ty").
    /// </summary>
    public bool TryGetInflected(string lower, out float valence)
    {
        if (_valence.TryGetValue(lower, out valence))
        {
            return true;
        }

        // The base forms of BaseForms, in its order, looked up as spans (a form ending in a letter the word lacks is
        // written into a small buffer): the first of four letters or more that the lexicon lists.
        ReadOnlySpan<char> w = lower;
        if (w.Length >= 5 && !w.ContainsAnyExceptInRange('a', 'z'))
        {
            Span<char> buffer = w.Length <= 64 ? stackalloc char[64] : new char[w.Length];
            if ((w.EndsWith("ies") || w.EndsWith("ied")) && TryBase(w[..^3], 'y', buffer, out valence))
            {
                return true;
            }

            if ((w.EndsWith("es") && TryBase(w[..^2], out valence))
                || (w.EndsWith('s') && !w.EndsWith("ss") && TryBase(w[..^1], out valence)))
            {
                return true;
            }

            if (w.EndsWith("ed")
                && (TryBase(w[..^2], out valence) || TryBase(w[..^1], out valence) || (w[^3] == w[^4] && TryBase(w[..^3], out valence))))
            {
                return true;
            }

            if (w.EndsWith("ing") && w.Length > 5
                && (TryBase(w[..^3], out valence) || TryBase(w[..^3], 'e', buffer, out valence) || (w[^4] == w[^5] && TryBase(w[..^4], out valence))))
            {
                return true;
            }
        }

        valence = 0;
        return false;
    }

    private bool TryBase(ReadOnlySpan<char> lemma, out float valence)
    {
        valence = 0;
        return lemma.Length >= 4 && _bySpan.TryGetValue(lemma, out valence);
    }

    private bool TryBase(ReadOnlySpan<char> stem, char last, Span<char> buffer, out float valence)
    {
        stem.CopyTo(buffer);
        buffer[stem.Length] = last;
        return TryBase(buffer[..(stem.Length + 1)], out valence);
    }

    /// <summary>Candidate base forms of an inflected English word (no lexicon involved), most specific first.</summary>
    public static IEnumerable<string> BaseForms(string w)
    {
        if (w.Length < 5 || !w.All(char.IsAsciiLetterLower))
        {
            yield break;
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal))
        {
            yield return w[..^3] + "y";
        }

        if (w.EndsWith("es", StringComparison.Ordinal))
        {
            yield return w[..^2];
        }

        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            yield return w[..^1];
        }

        if (w.EndsWith("ed", StringComparison.Ordinal))
        {
            yield return w[..^2];
            yield return w[..^1];
            if (w[^3] == w[^4])
            {
                yield return w[..^3];
            }
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            yield return w[..^3];
            yield return w[..^3] + "e";
            if (w[^4] == w[^5])
            {
                yield return w[..^4];
            }
        }
    }

    public static bool IsNegation(string lower) => Negations.Contains(lower);

    /// <summary>
    /// The VADER-style valence of each word (0 when the word is not in the lexicon), after boosters
    /// and dampeners up to three words before it, negation up to three words before it, and the 'but'
    /// shift (before ×0.5, after ×1.5).
    /// </summary>
    public double[] Valences(IReadOnlyList<string> words) => Valences(words, inflected: false);

    /// <summary>As <see cref="Valences(IReadOnlyList{string})"/>; with <paramref name="inflected"/>, words missing from the lexicon are looked up by their base form (<see cref="TryGetInflected"/>).</summary>
    public double[] Valences(IReadOnlyList<string> words, bool inflected)
    {
        var v = new double[words.Count];
        int but = -1;
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i] == "but" && but < 0)
            {
                but = i;
            }

            float baseValence;
            if (!(inflected ? TryGetInflected(words[i], out baseValence) : _valence.TryGetValue(words[i], out baseValence)) || Boosters.ContainsKey(words[i]))
            {
                continue;
            }

            double s = baseValence;
            for (int k = 1; k <= 3 && i - k >= 0; k++)
            {
                if (Boosters.TryGetValue(words[i - k], out double dir))
                {
                    double inc = BoosterIncrement * dir * (k == 1 ? 1 : k == 2 ? 0.95 : 0.9);
                    s += s > 0 ? inc : -inc;
                }

                if (Negations.Contains(words[i - k]))
                {
                    s *= NegationScalar;
                    break;
                }
            }

            v[i] = s;
        }

        if (but >= 0)
        {
            for (int i = 0; i < v.Length; i++)
            {
                v[i] *= i < but ? 0.5 : 1.5;
            }
        }

        return v;
    }

    /// <summary>VADER's normalisation of a valence sum into (−1, 1).</summary>
    public static double Compound(double sum) => sum / Math.Sqrt((sum * sum) + 15);
}

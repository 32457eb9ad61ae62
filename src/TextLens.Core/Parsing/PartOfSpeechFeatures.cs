using TextLens.Core.Text;

namespace TextLens.Core.Parsing;

/// <summary>
/// The features of one word for the greedy left-to-right tagger, hashed into
/// <see cref="Buckets"/> slots: the word (as written and lower case), prefixes and suffixes,
/// its shape, the neighbouring words (±2), and the two previous predicted tags. Hashing is
/// FNV-1a over the template id and the characters, so it is stable across runs and platforms.
/// Training (ML.NET) and run time use this one definition.
/// </summary>
public static class PartOfSpeechFeatures
{
    public const int BucketBits = 18;

    public const int Buckets = 1 << BucketBits;

    /// <summary>Upper bound on the number of features of one word.</summary>
    public const int MaxFeatures = 24;

    /// <summary>The "tag" before the start of a sentence.</summary>
    public const int StartTag = PartOfSpeechNames.Count;

    /// <summary>Lower-case forms with typographic apostrophes unified, as the features expect them.</summary>
    public static string[] LowerForms(IReadOnlyList<string> words)
    {
        var lower = new string[words.Count];
        for (int i = 0; i < lower.Length; i++)
        {
            lower[i] = Normalize(words[i]).ToLowerInvariant();
        }

        return lower;
    }

    public static string Normalize(string word) => word.Replace('\u2019', '\'').Replace('\u2018', '\'');

    /// <summary>Writes the feature slots of word <paramref name="i"/> into <paramref name="output"/>; returns how many.</summary>
    public static int Extract(IReadOnlyList<string> words, string[] lower, int i, int prevTag, int prev2Tag, Span<int> output)
    {
        int n = 0;
        string w = lower[i];
        string form = words[i];
        Span<char> shapeBuffer = stackalloc char[32];
        ReadOnlySpan<char> shape = Shape(form, shapeBuffer);
        string prev = i > 0 ? lower[i - 1] : "<s>";
        string prev2 = i > 1 ? lower[i - 2] : "<s>";
        string next = i + 1 < lower.Length ? lower[i + 1] : "</s>";
        string next2 = i + 2 < lower.Length ? lower[i + 2] : "</s>";

        output[n++] = Slot(0, "");
        output[n++] = Slot(1, w);
        output[n++] = Slot(2, form);
        for (int k = 1; k <= 4; k++)
        {
            if (w.Length > k)
            {
                output[n++] = Slot((uint)(2 + k), w.AsSpan(w.Length - k));
            }
        }

        for (int k = 1; k <= 3; k++)
        {
            if (w.Length > k)
            {
                output[n++] = Slot((uint)(6 + k), w.AsSpan(0, k));
            }
        }

        output[n++] = Slot(10, shape);
        output[n++] = Slot(11, shape, i == 0 ? "^" : "");
        output[n++] = Tag(12, prevTag);
        output[n++] = Tag(13, prevTag * 32 + prev2Tag);
        output[n++] = Slot(14, w, (char)('A' + prevTag));
        output[n++] = Slot(15, prev);
        output[n++] = Slot(16, Suffix(prev, 3));
        output[n++] = Slot(17, prev2);
        output[n++] = Slot(18, next);
        output[n++] = Slot(19, Suffix(next, 3));
        output[n++] = Slot(20, next2);
        output[n++] = Slot(21, prev, w);
        output[n++] = Slot(22, w, next);
        return n;
    }

    private static ReadOnlySpan<char> Suffix(string s, int k) => s.Length > k ? s.AsSpan(s.Length - k) : s.AsSpan();

    /// <summary>Word shape with runs collapsed: Chongryon → Xx, U.S. → X.X., 1,000 → d,d, Jong-un → Xx-x.</summary>
    public static ReadOnlySpan<char> Shape(string form, Span<char> buffer)
    {
        int n = 0;
        char last = '\0';
        foreach (char c in form)
        {
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'x' : c;
            if (s == last && (s is 'X' or 'x' or 'd'))
            {
                continue;
            }

            if (n == buffer.Length)
            {
                break;
            }

            buffer[n++] = s;
            last = s;
        }

        return buffer[..n];
    }

    private static int Tag(uint template, int value)
    {
        uint h = Fnv1a.AppendBytes(Fnv1a.Basis32, template);
        h = Fnv1a.AppendBytes(h, (uint)value);
        return Fold(h);
    }

    private static int Slot(uint template, ReadOnlySpan<char> a)
    {
        uint h = Fnv1a.AppendBytes(Fnv1a.Basis32, template);
        h = Fnv1a.AppendBytes(h, a);
        return Fold(h);
    }

    private static int Slot(uint template, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        uint h = Fnv1a.AppendBytes(Fnv1a.Basis32, template);
        h = Fnv1a.AppendBytes(h, a);
        h = Fnv1a.AppendBytes(h, 0xFFFF);
        h = Fnv1a.AppendBytes(h, b);
        return Fold(h);
    }

    private static int Slot(uint template, ReadOnlySpan<char> a, char b)
    {
        uint h = Fnv1a.AppendBytes(Fnv1a.Basis32, template);
        h = Fnv1a.AppendBytes(h, a);
        h = Fnv1a.AppendBytes(h, 0xFFFF);
        h = Fnv1a.AppendBytes(h, b);
        return Fold(h);
    }

    private static int Fold(uint h) => (int)((h ^ (h >> BucketBits)) & (Buckets - 1));
}

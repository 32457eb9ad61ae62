namespace TextLens.Training.Evaluation;

/// <summary>
/// The original Porter (1980) stemmer exactly as ../shared/tools/kp_score.py implements it (no later
/// departures such as 'logi' or 'bli' → 'ble'; short words are processed like any other). Used
/// only for scoring, so that TextLens's numbers equal the reference scorer's.
/// </summary>
public static class OriginalPorterStemmer
{
    private static readonly (string Suffix, string Replacement)[] Step2 = ByLength(
    [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("abli", "able"),
        ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
        ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
        ("iviti", "ive"), ("biliti", "ble"),
    ]);

    private static readonly (string Suffix, string Replacement)[] Step3 = ByLength(
        [("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", "")]);

    private static readonly (string Suffix, string Replacement)[] Step4 = ByLength(
    [
        ("al", ""), ("ance", ""), ("ence", ""), ("er", ""), ("ic", ""), ("able", ""), ("ible", ""), ("ant", ""), ("ement", ""),
        ("ment", ""), ("ent", ""), ("ou", ""), ("ism", ""), ("ate", ""), ("iti", ""), ("ous", ""), ("ive", ""), ("ize", ""), ("ion", ""),
    ]);

    public static string Stem(string word)
    {
        string w = word.ToLowerInvariant();

        // Step 1a
        if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.EndsWith("ies", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (!w.EndsWith("ss", StringComparison.Ordinal) && w.EndsWith('s'))
        {
            w = w[..^1];
        }

        // Step 1b
        if (w.EndsWith("eed", StringComparison.Ordinal))
        {
            if (Measure(w.AsSpan(0, w.Length - 3)) > 0)
            {
                w = w[..^1];
            }
        }
        else
        {
            string? stem = null;
            foreach (string suffix in (ReadOnlySpan<string>)["ed", "ing"])
            {
                if (w.EndsWith(suffix, StringComparison.Ordinal) && HasVowel(w.AsSpan(0, w.Length - suffix.Length)))
                {
                    stem = w[..^suffix.Length];
                    break;
                }
            }

            if (stem is not null)
            {
                w = stem;
                if (w.EndsWith("at", StringComparison.Ordinal) || w.EndsWith("bl", StringComparison.Ordinal) || w.EndsWith("iz", StringComparison.Ordinal))
                {
                    w += "e";
                }
                else if (EndsDoubleConsonant(w) && w[^1] is not ('l' or 's' or 'z'))
                {
                    w = w[..^1];
                }
                else if (Measure(w) == 1 && EndsCvc(w))
                {
                    w += "e";
                }
            }
        }

        // Step 1c
        if (w.EndsWith('y') && HasVowel(w.AsSpan(0, w.Length - 1)))
        {
            w = w[..^1] + "i";
        }

        w = Apply(w, Step2, static s => Measure(s) > 0);
        w = Apply(w, Step3, static s => Measure(s) > 0);
        w = ApplyStep4(w);

        // Step 5a
        if (w.EndsWith('e'))
        {
            int m = Measure(w.AsSpan(0, w.Length - 1));
            if (m > 1 || (m == 1 && !EndsCvc(w.AsSpan(0, w.Length - 1))))
            {
                w = w[..^1];
            }
        }

        // Step 5b
        if (w.EndsWith("ll", StringComparison.Ordinal) && Measure(w) > 1)
        {
            w = w[..^1];
        }

        return w;
    }

    private delegate bool StemCondition(ReadOnlySpan<char> stem);

    /// <summary>The longest matching suffix decides; if its condition fails the step ends.</summary>
    private static string Apply(string w, (string Suffix, string Replacement)[] rules, StemCondition condition)
    {
        foreach ((string suffix, string replacement) in rules)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                ReadOnlySpan<char> stem = w.AsSpan(0, w.Length - suffix.Length);
                return condition(stem) ? string.Concat(stem, replacement) : w;
            }
        }

        return w;
    }

    private static string ApplyStep4(string w)
    {
        foreach ((string suffix, _) in Step4)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                ReadOnlySpan<char> stem = w.AsSpan(0, w.Length - suffix.Length);
                bool ok = Measure(stem) > 1 && (suffix != "ion" || (stem.Length > 0 && stem[^1] is 's' or 't'));
                return ok ? stem.ToString() : w;
            }
        }

        return w;
    }

    private static (string, string)[] ByLength((string Suffix, string Replacement)[] rules) =>
        [.. rules.Select((r, i) => (r, i)).OrderByDescending(x => x.r.Suffix.Length).ThenBy(x => x.i).Select(x => x.r)];

    private static bool IsConsonant(ReadOnlySpan<char> w, int i)
    {
        char c = w[i];
        if (c is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            return false;
        }

        if (c == 'y')
        {
            return i == 0 || !IsConsonant(w, i - 1);
        }

        return true;
    }

    /// <summary>m in [C](VC)^m[V].</summary>
    private static int Measure(ReadOnlySpan<char> stem)
    {
        int m = 0;
        bool previousVowel = false;
        for (int i = 0; i < stem.Length; i++)
        {
            bool consonant = IsConsonant(stem, i);
            if (consonant && previousVowel)
            {
                m++;
            }

            previousVowel = !consonant;
        }

        return m;
    }

    private static bool HasVowel(ReadOnlySpan<char> stem)
    {
        for (int i = 0; i < stem.Length; i++)
        {
            if (!IsConsonant(stem, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsDoubleConsonant(ReadOnlySpan<char> w) => w.Length >= 2 && w[^1] == w[^2] && IsConsonant(w, w.Length - 1);

    private static bool EndsCvc(ReadOnlySpan<char> w) =>
        w.Length >= 3 && IsConsonant(w, w.Length - 3) && !IsConsonant(w, w.Length - 2) && IsConsonant(w, w.Length - 1) && w[^1] is not ('w' or 'x' or 'y');
}

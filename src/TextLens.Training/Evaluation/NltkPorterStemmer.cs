namespace TextLens.Training.Evaluation;

/// <summary>
/// The Porter stemmer as NLTK's <c>PorterStemmer()</c> runs it (mode NLTK_EXTENSIONS), which Google's
/// rouge-score uses, ported rule for rule from ../shared/tools/summary_score.py so that TextLens's
/// ROUGE equals the reference scorer's. Used only for scoring. Input is a lower-case ASCII token.
/// </summary>
public static class NltkPorterStemmer
{
    private delegate bool Condition(string stem);

    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["sky"] = "sky", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["news"] = "news", ["innings"] = "inning", ["inning"] = "inning", ["outings"] = "outing",
        ["outing"] = "outing", ["cannings"] = "canning", ["canning"] = "canning", ["howe"] = "howe",
        ["proceed"] = "proceed", ["exceed"] = "exceed", ["succeed"] = "succeed",
    };

    private static readonly Condition Positive = s => Measure(s) > 0;

    private static readonly Condition AboveOne = s => Measure(s) > 1;

    private static readonly (string Suffix, string Replacement, Condition? Condition)[] Step1aRules =
        [("sses", "ss", null), ("ies", "i", null), ("ss", "ss", null), ("s", "", null)];

    private static readonly (string Suffix, string Replacement, Condition? Condition)[] Step3Rules =
    [
        ("icate", "ic", Positive), ("ative", "", Positive), ("alize", "al", Positive), ("iciti", "ic", Positive),
        ("ical", "ic", Positive), ("ful", "", Positive), ("ness", "", Positive),
    ];

    private static readonly (string Suffix, string Replacement, Condition? Condition)[] Step4Rules =
    [
        ("al", "", AboveOne), ("ance", "", AboveOne), ("ence", "", AboveOne), ("er", "", AboveOne),
        ("ic", "", AboveOne), ("able", "", AboveOne), ("ible", "", AboveOne), ("ant", "", AboveOne),
        ("ement", "", AboveOne), ("ment", "", AboveOne), ("ent", "", AboveOne),
        ("ion", "", s => Measure(s) > 1 && s.Length > 0 && s[^1] is 's' or 't'),
        ("ou", "", AboveOne), ("ism", "", AboveOne), ("ate", "", AboveOne), ("iti", "", AboveOne),
        ("ous", "", AboveOne), ("ive", "", AboveOne), ("ize", "", AboveOne),
    ];

    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        string w = word.ToLowerInvariant();
        if (Irregular.TryGetValue(word, out string? irregular))
        {
            return irregular;
        }

        if (word.Length <= 2)
        {
            return w;
        }

        w = Step1a(w);
        w = Step1b(w);
        w = Step1c(w);
        w = Step2(w);
        w = Rules(w, Step3Rules);
        w = Rules(w, Step4Rules);
        w = Step5a(w);
        return Step5b(w);
    }

    private static bool IsConsonant(string w, int i)
    {
        char c = w[i];
        if (c is 'a' or 'e' or 'i' or 'o' or 'u')
        {
            return false;
        }

        return c != 'y' || i == 0 || !IsConsonant(w, i - 1);
    }

    private static int Measure(string stem)
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

    private static bool HasVowel(string stem)
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

    private static bool EndsInDoubleConsonant(string w) => w.Length >= 2 && w[^1] == w[^2] && IsConsonant(w, w.Length - 1);

    private static bool EndsCvc(string w)
    {
        int n = w.Length;
        if (n >= 3 && IsConsonant(w, n - 3) && !IsConsonant(w, n - 2) && IsConsonant(w, n - 1) && w[^1] is not ('w' or 'x' or 'y'))
        {
            return true;
        }

        return n == 2 && !IsConsonant(w, 0) && IsConsonant(w, 1);
    }

    /// <summary>Applies the first rule whose suffix matches, and only that one.</summary>
    private static string Rules(string w, (string Suffix, string Replacement, Condition? Condition)[] rules)
    {
        foreach ((string suffix, string replacement, Condition? condition) in rules)
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                string stem = w[..^suffix.Length];
                return condition is null || condition(stem) ? stem + replacement : w;
            }
        }

        return w;
    }

    private static string Step1a(string w) =>
        w.EndsWith("ies", StringComparison.Ordinal) && w.Length == 4 ? w[..^3] + "ie" : Rules(w, Step1aRules);

    private static string Step1b(string w)
    {
        if (w.EndsWith("ied", StringComparison.Ordinal))
        {
            return w[..^3] + (w.Length == 4 ? "ie" : "i");
        }

        if (w.EndsWith("eed", StringComparison.Ordinal))
        {
            string stem = w[..^3];
            return Measure(stem) > 0 ? stem + "ee" : w;
        }

        string? intermediate = null;
        foreach (string suffix in (ReadOnlySpan<string>)["ed", "ing"])
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal))
            {
                string candidate = w[..^suffix.Length];
                if (HasVowel(candidate))
                {
                    intermediate = candidate;
                    break;
                }
            }
        }

        if (intermediate is null)
        {
            return w;
        }

        if (intermediate.EndsWith("at", StringComparison.Ordinal) || intermediate.EndsWith("bl", StringComparison.Ordinal) || intermediate.EndsWith("iz", StringComparison.Ordinal))
        {
            return intermediate + "e";
        }

        if (EndsInDoubleConsonant(intermediate))
        {
            return intermediate[^1] is 'l' or 's' or 'z' ? intermediate : intermediate[..^1];
        }

        return Measure(intermediate) == 1 && EndsCvc(intermediate) ? intermediate + "e" : intermediate;
    }

    private static string Step1c(string w)
    {
        if (w.EndsWith('y'))
        {
            string stem = w[..^1];
            if (stem.Length > 1 && IsConsonant(stem, stem.Length - 1))
            {
                return stem + "i";
            }
        }

        return w;
    }

    private static string Step2(string w)
    {
        if (w.EndsWith("alli", StringComparison.Ordinal) && Measure(w[..^4]) > 0)
        {
            return Step2(w[..^4] + "al");
        }

        string full = w;
        (string, string, Condition?)[] rules =
        [
            ("ational", "ate", Positive), ("tional", "tion", Positive), ("enci", "ence", Positive),
            ("anci", "ance", Positive), ("izer", "ize", Positive), ("bli", "ble", Positive),
            ("alli", "al", Positive), ("entli", "ent", Positive), ("eli", "e", Positive),
            ("ousli", "ous", Positive), ("ization", "ize", Positive), ("ation", "ate", Positive),
            ("ator", "ate", Positive), ("alism", "al", Positive), ("iveness", "ive", Positive),
            ("fulness", "ful", Positive), ("ousness", "ous", Positive), ("aliti", "al", Positive),
            ("iviti", "ive", Positive), ("biliti", "ble", Positive), ("fulli", "ful", Positive),
            ("logi", "log", _ => Measure(full[..^3]) > 0),
        ];
        return Rules(w, rules);
    }

    private static string Step5a(string w)
    {
        if (w.EndsWith('e'))
        {
            string stem = w[..^1];
            int m = Measure(stem);
            if (m > 1 || (m == 1 && !EndsCvc(stem)))
            {
                return stem;
            }
        }

        return w;
    }

    private static string Step5b(string w) => w.EndsWith("ll", StringComparison.Ordinal) && Measure(w[..^1]) > 1 ? w[..^1] : w;
}

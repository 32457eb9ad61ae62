using System.Collections.Frozen;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The frame of a sentence's polar words, for the polarity classifier (a model trained with `train stance --outcome-frames`,
/// <see cref="LinearStanceModel.ReadsOutcomeFrames"/>): a positive word stated as a purpose ("to improve", "intended to
/// reduce", "would support") or as a realised outcome ("achieved", "has increased", "successfully demonstrated"), and a budget
/// level going down ("$147.9 million less (-10%) than the FY2026 enacted", "would decrease in funding"). Three named features
/// (saturated counts n / (n + 1)) read by the in-domain classifier only, as the previous sentence's are
/// (<see cref="PolarityContext"/>). A word-level model sees "to improve" and "improved" as two unrelated n-grams, and the
/// budget cuts in the bag of budget words that are neutral almost everywhere; on the analysis-prose DEV set a budget level
/// going down is negative in 30 of 45 sentences (the model without these features called 16 of them negative).
/// Screened forms that did not help (negative words as hypothesis vs fact; budget rises): models/stance-polarity.md.
/// </summary>
public static class OutcomeFrames
{
    /// <summary>Words of intent or modality up to five words before a positive word make it a purpose.</summary>
    private static readonly FrozenSet<string> Intent = FrozenSet.Create(StringComparer.Ordinal,
        "designed", "intended", "intends", "intend", "aims", "aim", "aimed", "seeks", "seek", "sought", "goal", "goals", "purpose",
        "purposes", "objective", "objectives", "would", "could", "may", "might", "will", "can", "should", "plans", "plan", "planned",
        "proposed", "propose", "proposes", "expected", "hope", "hopes", "intention", "intentions");

    private static readonly FrozenSet<string> Perfect = FrozenSet.Create(StringComparer.Ordinal, "has", "have", "had");

    private static readonly FrozenSet<string> IrregularPast = FrozenSet.Create(StringComparer.Ordinal,
        "grew", "rose", "fell", "won", "met", "became", "gave", "made", "saw", "took", "brought", "began", "led", "built", "found",
        "held", "kept", "paid", "sold");

    /// <summary>
    /// The named features of a sentence's lower-cased words (<see cref="DocumentTone.Words"/>): <c>fr:pos-purpose</c> (positive
    /// words — inflection-aware VADER valence above zero or a good-news event of <see cref="PolicyChangeFeatures"/> — right after
    /// "to" or within five words after a word of intent or modality), <c>fr:pos-realised</c> (the other positive words that are
    /// in the past tense or follow a past-tense or perfect auxiliary within three words) and <c>fr:bud-down</c> (falls of a
    /// budget level, <see cref="PolicyChangeFeatures.BudgetChanges"/>).
    /// </summary>
    public static IReadOnlyList<(string Name, float Value)> Of(IReadOnlyList<string> words, ValenceLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(lexicon);
        int purpose = 0, realised = 0;
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            if (!((lexicon.TryGetInflected(w, out float v) && v > 0) || PolicyChangeFeatures.IsGoodEvent(w)))
            {
                continue;
            }

            if ((i > 0 && words[i - 1] == "to") || Before(words, i, 5, Intent.Contains))
            {
                purpose++;
            }
            else if (IsPast(w) || Before(words, i, 3, x => IsPast(x) || Perfect.Contains(x)))
            {
                realised++;
            }
        }

        return
        [
            ("fr:pos-purpose", Saturate(purpose)),
            ("fr:pos-realised", Saturate(realised)),
            ("fr:bud-down", Saturate(PolicyChangeFeatures.BudgetChanges(words).Down)),
        ];
    }

    private static bool IsPast(string w) => (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)) || IrregularPast.Contains(w);

    private static bool Before(IReadOnlyList<string> words, int i, int window, Func<string, bool> test)
    {
        for (int k = Math.Max(0, i - window); k < i; k++)
        {
            if (test(words[k]))
            {
                return true;
            }
        }

        return false;
    }

    private static float Saturate(int n) => n / (n + 1f);
}

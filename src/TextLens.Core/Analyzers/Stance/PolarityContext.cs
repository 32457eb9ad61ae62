using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// What the polarity model (feature version 6) reads of the previous sentence: bad news comes in runs — a budget table of
/// cuts, a paragraph of litigation — and on the analysis-prose DEV set a negative sentence follows a negative one 38% of the
/// time (base rate 10%). Two named features: the saturated count of the previous sentence's bad-news kinds
/// (<see cref="PolicyChangeFeatures"/>: bad events, legal conflict, voiced concern, bad changes) and its negative VADER
/// tone (the compound score of its inflection-aware valences, below zero). Good news of the previous sentence is not read:
/// with it the positive class fell (grouped CV, see models/stance-polarity.md).
/// </summary>
public static class PolarityContext
{
    /// <summary>The named context features of <paramref name="context"/>'s previous sentence; empty without one.</summary>
    public static IReadOnlyList<(string Name, float Value)> Of(StanceContext context, ValenceLexicon lexicon)
    {
        if (context.Previous is not { Length: > 0 })
        {
            return [];
        }

        var words = new List<string>();
        foreach (Token t in context.PreviousTokens)
        {
            if (t.Kind is TokenKind.Word or TokenKind.Clitic)
            {
                words.Add(t.Lower);
            }
        }

        PolicyChangeFeatures.Counts c = PolicyChangeFeatures.Of(words);
        int bad = c.BadEvents + c.LegalConflict + c.Concern + c.BadChanges;
        double compound = ValenceLexicon.Compound(lexicon.Valences(words, inflected: true).Sum());
        return [("prev:bad", (float)(bad / (bad + 1.0))), ("prev:vneg", (float)Math.Max(0, -compound))];
    }
}

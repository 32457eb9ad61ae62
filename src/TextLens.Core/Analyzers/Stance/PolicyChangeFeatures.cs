using System.Collections.Frozen;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// Bad and good news in the vocabulary of policy analysis, which a general sentiment lexicon (VADER) mostly leaves
/// unscored: events that are bad news in themselves ("shortfall", "cost overrun", "temporarily halted"), legal conflict
/// ("litigation", "alleged"), voiced concern ("expressed concerns", "difficulties"), and changes of a quantity whose sign
/// depends on what changes — "cost growth" and "membership has declined" are bad news, "revenue grew" and "emissions fell"
/// good. The polarity model (feature version <see cref="StanceFeaturizer.PolarityVersion"/>) reads them as dense features
/// and learns their weights; the lists only say which words belong to which kind.
/// </summary>
public static class PolicyChangeFeatures
{
    /// <summary>Words up to this far from a direction word ("rose", "declined") are read as the quantity that changes.</summary>
    public const int ChangeWindow = 6;

    private static readonly FrozenSet<string> BadEvents = FrozenSet.Create(StringComparer.Ordinal,
        "decline", "declined", "declines", "declining", "fell", "fallen", "plunged", "slumped", "shrank", "shrunk", "eroded", "erosion",
        "deteriorated", "deteriorating", "deterioration", "deficit", "deficits", "shortfall", "shortfalls", "shortage", "shortages",
        "overrun", "overruns", "backlog", "backlogs", "delay", "delays", "delayed", "halted", "suspended", "stalled", "terminated",
        "termination", "cancelled", "canceled", "cancellation", "improper", "improperly", "deficient", "deficiencies", "insufficient",
        "inadequate", "lacks", "lacked", "lacking", "vulnerable", "vulnerability", "vulnerabilities", "undermine", "undermined",
        "undermines", "strain", "strained", "tension", "tensions", "burden", "burdens", "burdensome", "overreach", "layoffs",
        "unpaid", "waste", "wasteful", "misconduct", "noncompliance", "shutdown", "disrupted", "disruption", "disruptions",
        "obstacles", "barriers", "hindered", "impeded", "unable", "weakened", "worsened", "escalated", "escalation", "casualties",
        "losses", "cuts", "lessen", "shortcomings", "setbacks", "setback", "defaulted", "default", "insolvent", "insolvency");

    private static readonly FrozenSet<string> LegalConflict = FrozenSet.Create(StringComparer.Ordinal,
        "litigation", "lawsuit", "lawsuits", "sued", "suing", "alleged", "alleges", "allegations", "violated", "violating",
        "violation", "violations", "vacated", "enjoined", "injunction", "complaint", "complaints", "unlawful", "unconstitutional",
        "indicted", "convicted", "prosecuted", "sanctioned", "sanctions", "penalties", "fined");

    private static readonly FrozenSet<string> Concern = FrozenSet.Create(StringComparer.Ordinal,
        "concern", "concerns", "concerned", "criticism", "criticisms", "criticized", "criticised", "critics", "critical", "challenges",
        "difficulties", "difficulty", "risk", "risks", "worry", "worried", "worries", "questioned", "opposed", "opposition",
        "objected", "objections", "skeptical", "doubts", "controversial", "controversy", "disputed", "dispute", "disputes");

    private static readonly FrozenSet<string> GoodEvents = FrozenSet.Create(StringComparer.Ordinal,
        "improved", "improvement", "improvements", "improving", "savings", "saved", "gains", "strengthened", "success", "successful",
        "successfully", "achieved", "surplus", "recovered", "recovery", "boosted", "bolstered", "progress", "accomplished",
        "exceeded", "milestone", "breakthrough", "benefited", "benefits", "effective", "efficiency", "enhanced", "resolved");

    private static readonly FrozenSet<string> Up = FrozenSet.Create(StringComparer.Ordinal,
        "increase", "increased", "increases", "increasing", "rise", "rose", "risen", "rising", "grew", "grow", "grows", "growing",
        "grown", "growth", "higher", "more", "expanded", "expansion", "surge", "surged", "doubled", "tripled", "climbed", "jumped",
        "spiked", "soared", "above");

    /// <summary>
    /// The word the polarity features put before a number written with a minus sign ("(-20%)"): a fall, read like "down"
    /// (the sign is punctuation and the number a bare "&lt;num&gt;" otherwise, so "-20%" and "20%" looked the same).
    /// </summary>
    public const string MinusSign = "<minus>";

    private static readonly FrozenSet<string> Down = FrozenSet.Create(StringComparer.Ordinal, MinusSign,
        "decrease", "decreased", "decreases", "decreasing", "decline", "declined", "declines", "declining", "fell", "fall", "falls",
        "fallen", "falling", "drop", "dropped", "drops", "lower", "less", "fewer", "reduced", "reduce", "reduces", "reducing",
        "reduction", "reductions", "cut", "cuts", "shrank", "below", "lost", "plunged", "slumped");

    /// <summary>Quantities whose growth is bad news.</summary>
    private static readonly FrozenSet<string> BadQuantities = FrozenSet.Create(StringComparer.Ordinal,
        "cost", "costs", "price", "prices", "deficit", "deficits", "debt", "unemployment", "inflation", "crime", "crimes",
        "emissions", "pollution", "deaths", "fatalities", "casualties", "injuries", "violence", "poverty", "delays", "backlog",
        "backlogs", "risk", "risks", "overdoses", "homelessness", "shortages", "fraud", "losses", "attacks", "incidents", "vacancies",
        "premiums", "fees", "uninsured", "wait", "waiting", "tariffs", "threats", "arrests", "defaults", "foreclosures");

    /// <summary>Quantities whose growth is good news.</summary>
    private static readonly FrozenSet<string> GoodQuantities = FrozenSet.Create(StringComparer.Ordinal,
        "revenue", "revenues", "membership", "members", "funding", "jobs", "employment", "wages", "income", "incomes", "investment",
        "investments", "exports", "production", "output", "capacity", "readiness", "support", "participation", "enrollment",
        "savings", "access", "coverage", "confidence", "trust", "sales", "supply", "supplies", "productivity", "availability",
        "quantities", "quantity", "workforce", "recruitment", "retention", "profits", "earnings", "competition");

    /// <summary>
    /// Budget levels (a fiscal year, an appropriation, a request, a sum in millions): a fall is a cut to what the money pays for,
    /// bad news ("$323.2 million below the FY2026 enacted amount"); a rise is routine and not counted (on the analysis-prose
    /// DEV set a fall near these words is negative in 29 of 44 sentences, a rise in 7 of 78).
    /// </summary>
    private static readonly FrozenSet<string> BudgetLevels = FrozenSet.Create(StringComparer.Ordinal,
        "enacted", "appropriation", "appropriations", "appropriated", "budget", "budgets", "funding", "funds", "million", "billion",
        "trillion", "request", "requests", "requested", "spending");

    /// <summary>The counts of one sentence's words (lower case, in order).</summary>
    public readonly record struct Counts(int BadEvents, int LegalConflict, int Concern, int BadChanges, int GoodChanges, int GoodEvents);

    public static Counts Of(IReadOnlyList<string> words)
    {
        int bad = 0, legal = 0, concern = 0, badChange = 0, goodChange = 0, good = 0;
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            bad += BadEvents.Contains(w) ? 1 : 0;
            legal += LegalConflict.Contains(w) ? 1 : 0;
            concern += Concern.Contains(w) ? 1 : 0;
            good += GoodEvents.Contains(w) ? 1 : 0;
            int direction = Up.Contains(w) ? 1 : Down.Contains(w) ? -1 : 0;
            if (direction == 0)
            {
                continue;
            }

            // The nearest quantity of known valence decides: "cost growth" (bad up), "membership has also declined" (good down),
            // "funding was cut" (a budget level down).
            int valence = 0;
            for (int d = 1; d <= ChangeWindow && valence == 0; d++)
            {
                valence = QuantityValence(words, i - d, direction);
                valence = valence != 0 ? valence : QuantityValence(words, i + d, direction);
            }

            int change = direction * valence;
            badChange += change < 0 ? 1 : 0;
            goodChange += change > 0 ? 1 : 0;
        }

        return new Counts(bad, legal, concern, badChange, goodChange, good);
    }

    /// <summary>Whether <paramref name="word"/> is a good-news event word (<see cref="GoodEvents"/>).</summary>
    public static bool IsGoodEvent(string word) => GoodEvents.Contains(word);

    /// <summary>
    /// Changes of a budget level: direction words (<see cref="Up"/>, <see cref="Down"/>) with a budget level
    /// (<see cref="BudgetLevels"/> or a fiscal year) within <see cref="ChangeWindow"/> words either side.
    /// </summary>
    public static (int Up, int Down) BudgetChanges(IReadOnlyList<string> words)
    {
        int up = 0, down = 0;
        for (int i = 0; i < words.Count; i++)
        {
            int direction = Up.Contains(words[i]) ? 1 : Down.Contains(words[i]) ? -1 : 0;
            if (direction == 0)
            {
                continue;
            }

            for (int j = Math.Max(0, i - ChangeWindow); j <= Math.Min(words.Count - 1, i + ChangeWindow); j++)
            {
                if (j != i && IsBudgetLevel(words[j]))
                {
                    up += direction > 0 ? 1 : 0;
                    down += direction < 0 ? 1 : 0;
                    break;
                }
            }
        }

        return (up, down);
    }

    private static int QuantityValence(IReadOnlyList<string> words, int at, int direction) =>
        at < 0 || at >= words.Count ? 0
        : BadQuantities.Contains(words[at]) ? -1
        : GoodQuantities.Contains(words[at]) ? 1
        : direction < 0 && IsBudgetLevel(words[at]) ? 1
        : 0;

    /// <summary>A <see cref="BudgetLevels"/> word or a fiscal year ("fy2026"; "FY" alone).</summary>
    private static bool IsBudgetLevel(string word) =>
        BudgetLevels.Contains(word) || (word.StartsWith("fy", StringComparison.Ordinal) && word.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0);
}

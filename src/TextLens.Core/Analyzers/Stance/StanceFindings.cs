using System.Globalization;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// Which sentences raise TL3001–TL3004, and on which words: the scope of each rule, read off the
/// stance tags (<see cref="SentenceStance"/>) and the sentence's own words (<see cref="FindingSentence"/>).
/// Each method returns at most one site per sentence. The exceptions are classes of text, stated in
/// each rule's help (<see cref="StanceRules"/>): the law's own words, options put to a decision-maker,
/// questions the text reports, references and identifiers, sourced figures, terms of art.
/// </summary>
internal static class StanceFindings
{
    /// <summary>Words that introduce a reported or indirect clause: a "should" after them is someone else's, or a question.</summary>
    private static readonly HashSet<string> ClauseOpeners = new(StringComparer.Ordinal)
    {
        "whether", "how", "what", "which", "why", "when", "where", "who", "whom", "if", "extent", "unless",
    };

    /// <summary>Verbs and nouns that report what someone else holds; "that" after one opens their clause, not the author's.</summary>
    private static readonly HashSet<string> ReportingWords = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "argue", "argues", "argued", "argument", "claim", "claims", "claimed", "provide", "provides", "provided",
        "hold", "holds", "held", "state", "states", "stated", "find", "finds", "found", "note", "notes", "noted", "conclude", "concludes",
        "concluded", "acknowledge", "acknowledges", "acknowledged", "recommend", "recommends", "recommended", "recommendation",
        "suggest", "suggests", "suggested", "believe", "believes", "believed", "contend", "contends", "contended", "assert", "asserts",
        "asserted", "maintain", "maintains", "maintained", "require", "requires", "required", "specify", "specifies", "specified",
        "direct", "directs", "directed", "view", "position", "principle", "urged", "urges", "insisted", "insists", "warned", "warns",
        "ruled", "rules", "determined", "determines", "explained", "explains", "wrote", "writes", "observed", "agreed", "agree",
    };

    /// <summary>Evidential hedges: the claim is hearsay or an impression (reportedly, allegedly, seems).</summary>
    private static readonly HashSet<string> Evidential = new(StringComparer.Ordinal)
    {
        "reportedly", "allegedly", "purportedly", "supposedly", "apparently", "seemingly", "reputedly",
        "rumoured", "rumored", "seem", "seems", "seemed",
    };

    private static readonly HashSet<string> Appear = new(StringComparer.Ordinal) { "appear", "appears", "appeared" };

    private static readonly HashSet<string> PassiveEvidential = new(StringComparer.Ordinal)
    {
        "said", "believed", "thought", "reported", "alleged", "rumoured", "rumored", "understood", "suspected",
    };

    private static readonly HashSet<string> BeForms = new(StringComparer.Ordinal) { "is", "are", "was", "were", "been", "being", "be" };

    private static readonly HashSet<string> ImpersonalNecessity = new(StringComparer.Ordinal) { "essential", "imperative", "crucial", "vital", "necessary", "critical" };

    /// <summary>Words before a figure that make it a threshold or limit (a parameter of a rule or a model), not a measured statistic.</summary>
    private static readonly string[][] Thresholds =
    [
        ["at", "least"], ["at", "most"], ["no", "more", "than"], ["not", "more", "than"], ["no", "less", "than"], ["not", "less", "than"],
        ["no", "fewer", "than"], ["up", "to"], ["not", "to", "exceed"], ["exceed"], ["exceeds"], ["exceeded"], ["exceeding"], ["above"],
        ["below"], ["maximum", "of"], ["minimum", "of"], ["cap", "of"], ["capped", "at"], ["capping"], ["limit", "of"], ["threshold", "of"],
        ["more", "than"], ["less", "than"], ["fewer", "than"], ["higher", "than"], ["lower", "than"], ["greater", "than"], ["over"], ["under"],
    ];

    /// <summary>Words that make an amount of money a funding level a program, agency or Congress sets (provided $274.5 million in funding, allocated $300 million annually), not a measured statistic.</summary>
    private static readonly HashSet<string> FundingWords = new(StringComparer.Ordinal)
    {
        "funding", "allocated", "allocates", "allocate", "allocation", "allocations",
    };

    /// <summary>Words that make the figures after them (as do e.g. and i.e.) a worked example or a hypothesis, not a claim about the world.</summary>
    private static readonly HashSet<string> Hypothetical = new(StringComparer.Ordinal) { "if", "suppose", "supposing", "assume", "assuming", "hypothetical", "hypothetically" };

    /// <summary>Adjectives and adverbs whose valence comes from an everyday sense while reports use a legal, financial or technical one (an outstanding loan, an honorable discharge, illegal fishing, a negative quantity, a successful test).</summary>
    private static readonly HashSet<string> TechnicalSense = new(StringComparer.Ordinal)
    {
        "outstanding", "honorable", "dishonorable", "illegal", "unlawful", "lawful", "legal", "criminal", "fraudulent", "guilty", "innocent",
        "negative", "positive", "successful", "unsuccessful", "successfully", "critical", "traumatic", "suicidal", "fair", "perfect",
        "perfectly", "free", "liberal", "hostile", "enemy", "violent", "abusive", "harmful", "dangerous", "hazardous", "toxic", "fatal",
    };

    /// <summary>Generic grading words (good, best, great, worst): they rank or measure; loaded language is the charged word (disastrous, heroic, propaganda).</summary>
    private static readonly HashSet<string> GenericGrades = new(StringComparer.Ordinal)
    {
        "good", "better", "best", "great", "greater", "greatest", "bad", "worse", "worst", "well", "nice", "fine", "largest", "top",
    };

    /// <summary>Nouns of quantity or degree: "great" or "best" before one measures, it does not judge (the greatest number, great flexibility, best estimate).</summary>
    private static readonly HashSet<string> QuantityNouns = new(StringComparer.Ordinal)
    {
        "number", "numbers", "amount", "amounts", "deal", "extent", "degree", "majority", "share", "portion", "part", "flexibility",
        "estimate", "estimates", "estimator", "estimators", "fit", "practice", "practices", "interest", "interests", "available", "incidence",
        "increase", "decrease", "detail", "care", "importance", "variety", "range", "depth", "length", "distance", "speed", "risk",
    };

    /// <summary>Words that name events and states of the world (killed, war, crisis, free, safe): news of them is not the author's evaluation.</summary>
    private static readonly HashSet<string> EventWords = new(StringComparer.Ordinal)
    {
        "killed", "kill", "kills", "killing", "killings", "died", "die", "dies", "dead", "death", "deaths", "war", "wars", "attack", "attacks",
        "attacked", "bomb", "bombs", "bombing", "murder", "murdered", "cancer", "disease", "crisis", "crises", "victims", "victim", "injured",
        "wounded", "fire", "arrested", "prison", "jail", "crime", "crimes", "terrorism", "terrorist", "terrorists", "abuse", "violence",
        "poverty", "disaster", "disasters", "collapse", "emergency", "hostage", "hostages", "kidnapping", "suicide", "lost", "loss",
        "losses", "protest", "protests", "damage", "damaged", "destroyed", "failed", "failure", "debt", "charges", "guilty", "sentenced",
        "love", "like", "free", "freedom", "peace", "win", "won", "support", "help", "care", "rights", "security", "safe", "safety", "justice",
        "benefit", "benefits", "please", "honor", "award", "prize", "ill", "illness", "pain", "fear", "fears", "fatal", "missile", "missiles",
        "weapon", "weapons", "threat", "threats", "sanctions", "funeral", "tragedy", "accident", "shooting", "gun", "guns", "hurt",
        "crude", "killer", "depression", "recession", "killers", "storm", "storms", "tornado", "tornadoes", "hurricane", "flood", "floods", "earthquake", "spill",
    };

    /// <summary>TL3001: the author's own recommendation, or null. Needs a prescriptive tag.</summary>
    public static Token? AuthorPrescription(FindingSentence s)
    {
        if (s.Stance.Prescriptive < 0.5)
        {
            return null;
        }

        for (int i = 0; i < s.Tokens.Length; i++)
        {
            if (!s.IsAuthorWord(i))
            {
                continue;
            }

            string w = s.Lower(i);
            bool recommendation = w is "should" or "ought" && !ConditionalInversion(s, i);
            bool firstPerson = w is "must" or "need" or "needs" or "have" or "recommend" or "urge" && s.Lower(i - 1) is "we" or "i" or "us";
            bool impersonal = w == "it" && BeForms.Contains(s.Lower(i + 1)) && ImpersonalNecessity.Contains(s.Lower(i + 2)) && s.Lower(i + 3) is "that" or "to";
            if (!recommendation && !firstPerson && !impersonal)
            {
                continue;
            }

            // The law's own words, a question the text reports, or someone else's view are not the author's recommendation.
            if ((recommendation && s.DescribesLaw) || InReportedClause(s, i))
            {
                return null;
            }

            return s.Tokens[i];
        }

        return null;
    }

    /// <summary>"Should it desire…", "should Bitcoin replace…": a conditional, not a recommendation.</summary>
    private static bool ConditionalInversion(FindingSentence s, int i) =>
        i + 1 < s.Tokens.Length && s.Tokens[i + 1].Kind == TokenKind.Word
        && (s.Tokens[i + 1].IsCapitalized || s.Tags[i + 1] is not (PartOfSpeech.Verb or PartOfSpeech.Aux or PartOfSpeech.Adv or PartOfSpeech.Part))
        && s.Lower(i + 1) is not ("not" or "be" or "have");

    /// <summary>
    /// The word stands in a clause the text reports: after whether/how/what/to what extent (an indirect
    /// question), after a reporting word and "that" (the memorandum provides that …), or after an attribution cue.
    /// A comma, semicolon or colon before the clause opener ends the search for it.
    /// </summary>
    private static bool InReportedClause(FindingSentence s, int i) => InReportedClause(s.Tokens, s.Stance.Cues, i);

    /// <summary>The same, for token <paramref name="i"/> of <paramref name="tokens"/> with the sentence's <paramref name="cues"/> (one token: a scan back).</summary>
    internal static bool InReportedClause(Token[] tokens, IReadOnlyList<StanceCue> cues, int i)
    {
        foreach (StanceCue c in cues)
        {
            if (c.Kind == StanceCueKind.Attribution && c.Weight >= 0.5 && c.Span.End <= tokens[i].Span.Start)
            {
                return true;
            }
        }

        static string Lower(Token[] tokens, int k) => k >= 0 && k < tokens.Length ? tokens[k].Lower : string.Empty;
        bool clauseEnded = false;
        for (int k = i - 1; k >= 0; k--)
        {
            string w = Lower(tokens, k);
            clauseEnded |= w is "," or ";" or ":" or "—" or "(";
            if (!clauseEnded && ClauseOpeners.Contains(w))
            {
                return true;
            }

            if (w == "that" && (ReportingWords.Contains(Lower(tokens, k - 1)) || ReportingWords.Contains(Lower(tokens, k - 2))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="InReportedClause"/> for every token of a sentence at once, in one pass: after an attribution cue, after a
    /// clause opener with no comma, semicolon, colon, dash or parenthesis since, or after a reporting word's "that". (Asked
    /// word by word, each a scan back to the sentence's start and over every cue, "would seem to " × n was quadratic.)
    /// </summary>
    internal static bool[] ReportedClauses(Token[] tokens, IReadOnlyList<StanceCue> cues)
    {
        int attributed = int.MaxValue;
        foreach (StanceCue c in cues)
        {
            if (c.Kind == StanceCueKind.Attribution && c.Weight >= 0.5)
            {
                attributed = Math.Min(attributed, c.Span.End);
            }
        }

        var reported = new bool[tokens.Length];
        bool opened = false;
        bool that = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            reported[i] = attributed <= tokens[i].Span.Start || opened || that;
            string w = tokens[i].Lower;
            if (w is "," or ";" or ":" or "—" or "(")
            {
                opened = false;
            }
            else if (ClauseOpeners.Contains(w))
            {
                opened = true;
            }

            that |= w == "that" && ((i >= 1 && ReportingWords.Contains(tokens[i - 1].Lower)) || (i >= 2 && ReportingWords.Contains(tokens[i - 2].Lower)));
        }

        return reported;
    }

    /// <summary>
    /// TL3003: an evidential hedge in the author's voice with no source named — hearsay (reportedly,
    /// allegedly, is said to, it is believed that), an impression (seems, appears to, apparently) or a
    /// guess about the past (may have, might have) — or null. Possibility and permission (may, might,
    /// could), predictions (likely to, potential) and options for Congress are analysis, not hearsay.
    /// </summary>
    public static Token? UnsourcedHedge(FindingSentence s)
    {
        if (s.Stance.Attributed >= 0.5 || s.Stance.Cues.Any(c => c.Kind == StanceCueKind.Attribution && c.Weight >= 0.5))
        {
            return null;
        }

        bool[]? reported = null;
        for (int i = 0; i < s.Tokens.Length; i++)
        {
            if (!s.IsAuthorWord(i) || s.Tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            string w = s.Lower(i);
            bool hearsay = Evidential.Contains(w)
                || (Appear.Contains(w) && s.Lower(i + 1) is "to" or "that")
                || (PassiveEvidential.Contains(w) && BeForms.Contains(s.Lower(i - 1)) && (s.Lower(i + 1) == "to" || (s.Lower(i + 1) == "that" && s.Lower(i - 2) == "it")))
                || (w is "may" or "might" && s.Lower(i + 1) == "have" && i + 2 < s.Tokens.Length && s.Tags[i + 2] is PartOfSpeech.Verb or PartOfSpeech.Aux);
            // "would seem", "would seemingly": the author's tentative reasoning about a conditional, not hearsay.
            if (hearsay && !(reported ??= ReportedClauses(s.Tokens, s.Stance.Cues))[i] && s.Lower(i - 1) != "would" && WordCount(s) >= 3)
            {
                return s.Tokens[i];
            }
        }

        return null;
    }

    private static int WordCount(FindingSentence s) => s.Tokens.Count(t => t.Kind is TokenKind.Word or TokenKind.Number);

    /// <summary>
    /// TL3002: the first statistic (a percentage, an amount of money, a count of 1,000 or more) stated
    /// in the author's voice with no source in this sentence or the one before it in the paragraph, or
    /// null; <paramref name="previous"/> is that sentence (for a list item, the list's lead-in: "The bill would:").
    /// A sentence after one that states what a law provides continues it: its figures are the law's parameters.
    /// A conditional ("would result in 33.3%") is not an assertion. Never a reference or identifier (H.R. 1156, Section 73100, Form 1099), a year, a threshold or limit (at least 5%,
    /// up to $1,000,000), a figure in a sentence that states what a law, bill or rule provides, or a worked example (if the elasticity is 0.5 …).
    /// </summary>
    public static TextSpan? UnsourcedFigure(FindingSentence s, FindingSentence? previous)
    {
        if (s.NamesSource || s.DescribesLaw || (previous is not null && (previous.NamesSource || previous.DescribesLaw)))
        {
            return null;
        }

        // The sentence-wide tests are asked once, at the first figure, not once a figure: a sentence of n figures
        // was O(n²) ("1-1-1-…" × 100,000 characters took minutes).
        int firstHypothetical = -1;
        bool? funding = null;
        for (int i = 0; i < s.Tokens.Length; i++)
        {
            Token t = s.Tokens[i];
            if (t.Kind != TokenKind.Number || !s.IsAuthorWord(i))
            {
                continue;
            }

            if (firstHypothetical < 0)
            {
                if (WorkedExample(s) || AnyBefore(s, s.Tokens.Length, w => w == "would"))
                {
                    return null;
                }

                firstHypothetical = FirstAuthorWord(s, w => Hypothetical.Contains(w) || w is "e.g." or "i.e.");
            }

            if (firstHypothetical < i)
            {
                return null; // a hypothetical word before the figure
            }

            if (IsStatistic(s, i) && !IsBound(s, i) && !IsIdentifier(s, i) && !(AfterThreshold(s, i) && StatesRule(s)) && !NamesLimit(s, i) && !IsCostShare(s, i)
                && !(IsMoney(s, i) && (funding ??= AnyBefore(s, s.Tokens.Length, FundingWords.Contains))))
            {
                return t.Span;
            }
        }

        return null;
    }

    /// <summary>
    /// The sentence states a standing rule or a possibility (a modal, or no verb in the past tense): "EB may
    /// provide up to 13 weeks", "the charge applies above 25,000 tons". A threshold in a past-tense account
    /// ("repatriated up to 90,000 Koreans") is an estimate that needs a source like any other figure.
    /// </summary>
    private static bool StatesRule(FindingSentence s)
    {
        bool past = false;
        for (int i = 0; i < s.Tokens.Length; i++)
        {
            string w = s.Lower(i);
            if (w is "may" or "must" or "shall" or "can" or "cannot" or "could" or "would" or "will" or "might" or "should")
            {
                return true;
            }

            past |= w is "was" or "were" or "had" or "did"
                || (s.Tags[i] == PartOfSpeech.Verb && w.EndsWith("ed", StringComparison.Ordinal) && !BeForms.Contains(s.Lower(i - 1)) && s.Lower(i - 1) is not ("has" or "have"));
        }

        return !past;
    }

    /// <summary>"In this example", "the example above", "For example, a retailer with …": figures made up to show how something works.</summary>
    private static bool WorkedExample(FindingSentence s)
    {
        for (int i = 0; i < s.Tokens.Length; i++)
        {
            if (s.Lower(i) != "example")
            {
                continue;
            }

            if (s.Lower(i - 1) is "this" or "that" or "the" || (s.Lower(i - 1) == "for" && s.Lower(i + 1) == "," && s.Lower(i + 2) is "a" or "an" or "if" or "suppose" or "assume"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A figure followed within three words by a noun of limit (the WEC's 25,000 MTCO2e emissions threshold, a $10 million cap): a parameter.</summary>
    private static bool NamesLimit(FindingSentence s, int i)
    {
        for (int k = i + 1; k <= i + 4 && k < s.Tokens.Length; k++)
        {
            if (s.Lower(k) is "threshold" or "thresholds" or "cap" or "caps" or "ceiling" or "floor" or "limit" or "limits" or "trigger" or "maximum" or "minimum")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A percentage that is a government's or a party's share of a programme's cost, as a law or programme sets it: "the
    /// federal share (50%) of EB payments", "a federal cost share of 80%", "a nonfederal match of 25%". The share noun
    /// stands just before the figure (across "of" or an opening parenthesis), with a payer or "cost" before it.
    /// </summary>
    private static bool IsCostShare(FindingSentence s, int i)
    {
        if (s.Lower(i + 1) is not ("%" or "percent") || i < 2 || s.Lower(i - 1) is not ("of" or "("))
        {
            return false;
        }

        int noun = i - 2;
        if (s.Lower(noun) is not ("share" or "match" or "cost-share"))
        {
            return false;
        }

        for (int k = noun - 1; k >= Math.Max(0, noun - 2); k--)
        {
            if (s.Lower(k) is "federal" or "nonfederal" or "non-federal" or "state" or "local" or "cost" or "matching")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>0% and 100% are the bounds of a share (full federal financing, a zero rate), not measurements.</summary>
    private static bool IsBound(FindingSentence s, int i) => s.Tokens[i].Text is "0" or "100" && s.Lower(i + 1) is "%" or "percent";

    /// <summary>The index of the first author word that passes <paramref name="test"/>, or the sentence's length when none does.</summary>
    private static int FirstAuthorWord(FindingSentence s, Func<string, bool> test)
    {
        for (int k = 0; k < s.Tokens.Length; k++)
        {
            if (s.IsAuthorWord(k) && test(s.Lower(k)))
            {
                return k;
            }
        }

        return s.Tokens.Length;
    }

    private static bool AnyBefore(FindingSentence s, int i, Func<string, bool> test)
    {
        for (int k = 0; k < i; k++)
        {
            if (s.IsAuthorWord(k) && test(s.Lower(k)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number with a unit of quantity (per cent, million, a currency) or a count of 1,000 or more that is not a year.</summary>
    private static bool IsStatistic(FindingSentence s, int i)
    {
        Token t = s.Tokens[i];
        string next = s.Lower(i + 1);
        string prev = i > 0 ? s.Tokens[i - 1].Text : string.Empty;
        if (next is "%" or "percent" or "million" or "billion" or "trillion" or "bn" or "yen" or "dollars" or "euros" or "pounds" or "won" or "yuan"
            || (next == "per" && s.Lower(i + 2) == "cent") || prev is "$" or "US$" or "€" or "£" or "¥" || prev.EndsWith('$'))
        {
            return true;
        }

        string digits = t.Text.Replace(",", string.Empty, StringComparison.Ordinal);
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && value >= 1000 && !(value is >= 1800 and <= 2100 && !t.Text.Contains(',') && !digits.Contains('.'));
    }

    /// <summary>An amount of money: after a currency sign, or before a currency word.</summary>
    private static bool IsMoney(FindingSentence s, int i)
    {
        string prev = i > 0 ? s.Tokens[i - 1].Text : string.Empty;
        string next = s.Lower(i + (s.Lower(i + 1) is "million" or "billion" or "trillion" ? 2 : 1));
        return prev is "$" or "US$" or "€" or "£" or "¥" || prev.EndsWith('$') || next is "yen" or "dollars" or "euros" or "yuan";
    }

    /// <summary>A number that names rather than measures: after a capitalised word or "No." (Form 1099, Flight 370, Interstate 95), or joined to another by a hyphen or slash (119-21, 2025/2026).</summary>
    private static bool IsIdentifier(FindingSentence s, int i)
    {
        Token t = s.Tokens[i];
        if (i > 0)
        {
            Token p = s.Tokens[i - 1];
            bool capitalisedName = p.Kind == TokenKind.Word && p.IsCapitalized && i - 1 > 0 && p.Span.End < t.Span.Start && !IsUnit(p.Lower);
            if (capitalisedName || p.Lower is "no." or "#" or "nos." || (p.Text is "-" or "/" or "–" && p.Span.End == t.Span.Start && i > 1 && s.Tokens[i - 2].Kind == TokenKind.Number))
            {
                return true;
            }
        }

        return i + 1 < s.Tokens.Length && s.Tokens[i + 1].Text is "-" or "/" or "–" && s.Tokens[i + 1].Span.Start == t.Span.End
            && i + 2 < s.Tokens.Length && s.Tokens[i + 2].Kind == TokenKind.Number && s.Tokens[i + 2].Span.Start == s.Tokens[i + 1].Span.End
            && !s.Tokens[i + 2].Text.Contains('.') && !IsStatistic(s, i + 2);
    }

    private static bool IsUnit(string lower) => lower is "us$" or "usd" or "eur" or "gbp" or "jpy" or "rs." or "rs";

    private static bool AfterThreshold(FindingSentence s, int i)
    {
        int at = i;
        while (at > 0 && s.Tokens[at - 1].Kind == TokenKind.Symbol)
        {
            at--; // "up to $1,000,000": skip the currency sign
        }

        foreach (string[] phrase in Thresholds)
        {
            if (at - phrase.Length < 0)
            {
                continue;
            }

            bool match = true;
            for (int k = 0; k < phrase.Length && match; k++)
            {
                match = s.Lower(at - phrase.Length + k) == phrase[k];
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The word is a point on a scale, not a verdict: an end of a range of grades ("ratings from good to
    /// excellent", "poor to excellent") or graded down in a comparison ("far less sophisticated equipment",
    /// "the least efficient plants").
    /// </summary>
    private static bool OnScale(FindingSentence s, int i)
    {
        bool rangeEnd = s.Lower(i - 1) == "to" && i >= 2 && s.Tags[i - 2] is PartOfSpeech.Adj or PartOfSpeech.Adv;
        bool rangeStart = s.Lower(i + 1) == "to" && i + 2 < s.Tokens.Length && s.Tags[i + 2] is PartOfSpeech.Adj && s.Lower(i - 1) == "from";
        return rangeEnd || rangeStart || s.Lower(i - 1) is "less" or "least";
    }

    /// <summary>
    /// TL3004: the most strongly valenced adjective or adverb (VADER valence 2.5 or more) used as an
    /// evaluation, or null. Not: nouns and verbs (fraud, assault, violating name acts), words inside
    /// names or quotations, words that grade the adjective or verb after them (perfectly elastic, best linear, best achieved), words of quantity
    /// before a noun of quantity (the greatest number, great flexibility), words in their legal,
    /// financial or technical sense (an outstanding loan, an honorable discharge), and words the
    /// document uses three or more times (a term of its subject, not a slip of judgement).
    /// </summary>
    public static Token? LoadedWord(FindingSentence s, ValenceLexicon lexicon, IReadOnlyDictionary<string, int> documentCounts)
    {
        Token? best = null;
        double bestValence = 2.5 - 1e-9;
        for (int i = 0; i < s.Tokens.Length; i++)
        {
            Token t = s.Tokens[i];
            bool name = t.IsCapitalized && i > 0;
            if (t.Kind != TokenKind.Word || name || !s.IsAuthorWord(i) || s.Tags[i] is not (PartOfSpeech.Adj or PartOfSpeech.Adv)
                || TechnicalSense.Contains(t.Lower) || EventWords.Contains(t.Lower) || GenericGrades.Contains(t.Lower) || documentCounts.GetValueOrDefault(t.Lower) >= 3)
            {
                continue;
            }

            if ((i + 1 < s.Tokens.Length && s.Tags[i + 1] is PartOfSpeech.Adj or PartOfSpeech.Verb)
                || QuantityNouns.Contains(s.Lower(i + 1)) || OnScale(s, i))
            {
                continue;
            }

            if (lexicon.TryGet(t.Lower, out float v) && Math.Abs(v) > bestValence)
            {
                best = t;
                bestValence = Math.Abs(v);
            }
        }

        return best;
    }
}

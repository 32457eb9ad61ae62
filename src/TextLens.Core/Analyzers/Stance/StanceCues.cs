using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// A cue phrase: lower-case words matched as a run of tokens, its kind, strength and an optional context check.
/// <paramref name="Intensifiable"/>: degree adverbs may stand after its modal, "be" or article ("it would be very useful").
/// </summary>
internal sealed record CuePattern(string[] Words, StanceCueKind Kind, double Weight, Func<CueSite, bool>? Guard = null, bool Intensifiable = false);

/// <summary>Where a cue matched: the tokens of the unit, the first matched token and the match length.</summary>
internal readonly ref struct CueSite(ReadOnlySpan<Token> tokens, int start, int length)
{
    public ReadOnlySpan<Token> Tokens { get; } = tokens;

    public int Start { get; } = start;

    public int Length { get; } = length;

    public int End => Start + Length;

    public string Before(int k = 1) => Start - k >= 0 ? Tokens[Start - k].Lower : string.Empty;

    public string After(int k = 0) => End + k < Tokens.Length ? Tokens[End + k].Lower : string.Empty;

    public bool AtSentenceStart
    {
        get
        {
            for (int i = 0; i < Start; i++)
            {
                if (Tokens[i].Kind is TokenKind.Word or TokenKind.Number)
                {
                    return false;
                }
            }

            return true;
        }
    }
}

/// <summary>
/// The cue lexicon of the stance tagger: hedges (epistemic, doxastic and investigation cues; plain
/// conditionals are not hedges), attribution (reporting verbs and source phrases, including reports and
/// agencies as sources), prescription (obligation, recommendation, requests and imperatives) and
/// boosters. Written for TextLens (CC0), starting from ../shared/data/lexicons/stance_cues.json and tuned
/// on the DEV sets' cue recall and precision; the weights are the strength of a single cue
/// (combined by noisy-or).
/// </summary>
internal static class StanceCues
{
    private static readonly HashSet<string> Be = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "not", "widely", "generally", "often", "also", "commonly", "now", "still", "long",
    };

    private static readonly HashSet<string> Subjects = new(StringComparer.Ordinal)
    {
        "congress", "policymakers", "lawmakers", "legislators", "government", "governments", "administration", "agencies", "agency",
        "officials", "we", "you", "leaders", "states", "washington", "parliament", "they", "it", "department", "dod", "members",
        "regulators", "countries", "allies", "users", "microsoft", "one",
    };

    private static readonly HashSet<string> ImperativeVerbs = new(StringComparer.Ordinal)
    {
        "add", "allow", "make", "provide", "include", "give", "let", "consider", "ensure", "use", "create", "enable", "support",
        "remove", "fix", "change", "implement", "improve", "bring", "put", "keep", "stop", "avoid", "try", "offer", "expand",
        "increase", "reduce", "require", "update", "show", "display", "introduce", "integrate", "limit", "establish", "develop",
        "adopt", "build", "invest", "focus", "prioritize", "prioritise", "strengthen", "open", "publish", "extend", "reconsider",
        "rethink", "do", "don't", "never", "be", "get", "have", "take", "start", "think", "look", "remember", "note", "imagine",
        "stick", "tell", "fund", "end", "rename", "merge", "expose", "unify", "port", "drop", "deprecate", "release", "define",
        "set", "move", "replace", "switch", "separate", "combine", "restore", "simplify", "clarify", "document", "accept",
        "approve", "pass", "repeal", "reform", "revise", "insist", "demand", "encourage", "engage", "pursue", "resist", "reject",
    };

    private static readonly HashSet<string> NotAfterImperative = new(StringComparer.Ordinal)
    {
        "of", "is", "was", "are", "were", "has", "had", "'s", "and", "to", ",", ":", "in", "for", "by", ")", "-", "–", "—", "will", "would",
    };

    /// <summary>Degree and focus adverbs that may stand inside an intensifiable cue: "it would be <i>very</i> useful", "it'd <i>also</i> be great".</summary>
    private static readonly HashSet<string> Intensifiers = new(StringComparer.Ordinal)
    {
        "very", "really", "so", "extremely", "particularly", "especially", "quite", "incredibly", "super", "much", "more", "even",
        "also", "truly", "most", "hugely", "immensely", "tremendously", "enormously", "pretty", "definitely", "certainly",
        "absolutely", "greatly", "highly", "equally", "just", "still", "rather", "far", "awfully", "exceedingly", "vitally",
        "critically", "increasingly", "ever", "doubly",
    };

    /// <summary>Pattern words after which an intensifiable cue admits degree adverbs: its modal, "be" (or "is"), the article.</summary>
    private static readonly HashSet<string> IntensifierSlots = new(StringComparer.Ordinal) { "would", "will", "be", "is", "a", "an" };

    /// <summary>At most this many adverbs inside one cue ("would be <i>really, really</i> useful" is two).</summary>
    internal const int MaxIntensifiers = 2;

    internal static bool IsIntensifier(string lower) => Intensifiers.Contains(lower);

    internal static bool AdmitsIntensifier(string patternWord) => IntensifierSlots.Contains(patternWord);

    /// <summary>The form a token is matched as: the contractions 'd and 'll are "would" and "will" ("it'd be great", "it'll be nice").</summary>
    internal static string CueWord(string lower) => lower switch
    {
        "'d" or "’d" => "would",
        "'ll" or "’ll" => "will",
        _ => lower,
    };

    private static readonly Lazy<Dictionary<string, CuePattern[]>> Index = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyDictionary<string, CuePattern[]> ByFirstWord => Index.Value;

    /// <summary>Capitalised 'May' after the first word, or next to a number, is the month.</summary>
    private static bool NotMonth(CueSite s)
    {
        Token t = s.Tokens[s.Start];
        if (t.Text == "May" && !s.AtSentenceStart)
        {
            return false;
        }

        return !(s.After() is { Length: > 0 } a && char.IsAsciiDigit(a[0])) && !(s.Before() is { Length: > 0 } b && char.IsAsciiDigit(b[0]));
    }

    /// <summary>"I" after a capitalised word or before "and"/"or" is a numeral (Category I, World War I, Title I and II).</summary>
    private static bool NotRomanNumeral(CueSite s)
    {
        bool afterName = s.Start > 0 && s.Tokens[s.Start - 1].IsCapitalized && !s.AtSentenceStart;
        return s.Tokens[s.Start].Text == "I" && !afterName && s.After() is not ("and" or "or" or "through" or "-" or "–" or ")" or "," or ".");
    }

    /// <summary>"added" reports speech when followed by "that" or punctuation, or preceded by a comma or quote ("…," he added).</summary>
    private static bool ReportingAdded(CueSite s) =>
        s.After() is "that" or "," or "." or ":" or "\"" or "“" or "”" || s.Before() is "," or "\"" or "”" || s.Before(2) is "," or "\"" or "”";

    private static bool AfterBe(CueSite s) => Be.Contains(s.Before());

    private static bool NotAfterI(CueSite s) => s.Before() is not ("i" or "you");

    private static bool NotThinkTank(CueSite s) => s.After() is not ("tank" or "tanks" or "about" or "of");

    /// <summary>Words that may follow a predicate adjective that evaluates a proposed action ("would be handy to", "… if", "… for users").</summary>
    private static readonly HashSet<string> AfterEvaluation = new(StringComparer.Ordinal)
    {
        "", "to", "if", "for", "when", "that", "and", "or", "but", "because", "since", "as", "in", "on", "with", "here", "there", "too",
        "now", "though", "so", "than", "also", "again", "both", "especially", "particularly", "given", ".", ",", "!", "?", ";", ":", ")", "-", "–", "—",
    };

    /// <summary>"it would be handy to …", "… would be appropriate for Congress to": not an attributive use ("which circuits would be appropriate venues").</summary>
    private static bool EvaluatesAction(CueSite s) => AfterEvaluation.Contains(s.After());

    private static bool SubjectBefore(CueSite s) => Subjects.Contains(s.Before()) || (s.Start >= 2 && Subjects.Contains(s.Before(2)));

    /// <summary>
    /// "could …" recommends when an actor is the subject ("Congress could direct", "you could also consider"); after
    /// "they" or "it" it mostly states a possibility ("They could also contribute to retaliation").
    /// </summary>
    private static bool ActorBefore(CueSite s) => SubjectBefore(s) && s.Before() is not ("they" or "it") && s.Before(2) is not ("they" or "it");

    /// <summary>
    /// "request" recommends as a verb with its requester ("I request that", "we would like to request", a sentence opening
    /// "Requesting …"); as a noun ("the request is called twice", "FY2027 Budget Request") it names a thing.
    /// </summary>
    private static bool RequestVerb(CueSite s) =>
        s.Before() is "i" or "we" or "to" || (s.AtSentenceStart && s.After() is not ("" or "for" or "is" or "was" or ":" or "per"));

    private static bool NotSentenceStart(CueSite s) => !s.AtSentenceStart;

    private static bool NotPastNeed(CueSite s) => s.Before() is not ("no" or "the" or "a" or "any");

    private static bool NotConditionalStart(CueSite s) => !s.AtSentenceStart && s.After() is not ("have" or "'ve");

    /// <summary>Words that make "called" name a thing ("also called", "so-called", "is called") rather than report a call.</summary>
    private static readonly HashSet<string> NamingBefore = new(StringComparer.Ordinal)
    {
        "also", "so", "-", "—", "–", "often", "sometimes", "commonly", "formerly", "now", "informally", "officially", "collectively", "generally", ",", "(",
    };

    /// <summary>"also called", "so-called", "is called", "a program called": the word names something.</summary>
    private static bool NotNaming(CueSite s) => !NamingBefore.Contains(s.Before()) && !Be.Contains(s.Before()) && s.After() is not ("the" or "a" or "an") || s.After() is "for" or "on";

    /// <summary>A statement made by someone ("in a statement", "the statement said"), not a document named by its kind ("incidental take statement", "financial statements").</summary>
    private static bool SpeechStatement(CueSite s) => s.Before() is "a" or "an" or "the" or "his" or "her" or "their" or "its" or "this" or "that" or "joint" or "public" or "written" or "official" or "opening" or "closing" or "recent" or "separate" or "later" or "in" or "such" or "similar";

    /// <summary>"Table 1 indicates", "Figure 2 indicates", "the data indicate": a figure's label, not a source's words.</summary>
    private static bool IsFigureLabel(CueSite s) => s.Start > 0 && (s.Tokens[s.Start - 1].Kind == TokenKind.Number || s.Before() is "table" or "figure" or "chart" or "graph" or "map" or "exhibit" or "data" or "appendix");

    /// <summary>"US$1billion", "the US economy": the country, not the pronoun.</summary>
    private static bool NotCountryAbbreviation(CueSite s) => s.Tokens[s.Start].Text != "US";

    /// <summary>"Your email address will not be published", "your password": a web page's interface text, not speech.</summary>
    private static bool NotInterfaceText(CueSite s) => s.After() is not ("email" or "e-mail" or "password" or "comment" or "comments" or "browser" or "cart" or "account" or "subscription" or "inbox" or "privacy" or "username" or "data");

    /// <summary>"approximately $4.2 billion", "roughly 1,200 people": a rounded figure, not doubt.</summary>
    private static bool NotBeforeFigure(CueSite s) => !(s.End < s.Tokens.Length && (s.Tokens[s.End].Kind == TokenKind.Number || s.After() is "$" or "us$" or "€" or "£" or "half" or "one" or "two" or "three" or "four" or "five" or "ten" or "a"));

    /// <summary>"CBO estimated that…", "EPA estimated revenue…": a named source's estimate is attributed, not the author's hedge.</summary>
    private static bool NoSourceBefore(CueSite s) => s.Before() is "an" or "the" or "is" or "are" or "was" or "were" or "be" or "been" || !EpistemicFeatures.NamedSourceBefore(s.Tokens, s.Start);

    /// <summary>Nouns a source is named by in "the … projects that" ("the Energy Information Administration", "the agency", "the study").</summary>
    private static readonly HashSet<string> EstimateSourceNouns = new(StringComparer.Ordinal)
    {
        "administration", "agency", "department", "office", "bureau", "commission", "board", "institute", "council", "service",
        "government", "fund", "report", "study", "analysis", "model",
    };

    /// <summary>What an estimate states as its object: "CBO estimates it would cost", "(NHCCI) estimates a much higher level", "estimates $4 billion".</summary>
    private static readonly HashSet<string> EstimateObjects = new(StringComparer.Ordinal)
    {
        "it", "a", "an", "the", "about", "approximately", "roughly", "nearly", "more", "less", "over", "$",
    };

    private static bool IsAcronym(Token t)
    {
        if (t.Kind != TokenKind.Word || t.Text.Length < 2 || t.Text.Length > 8)
        {
            return false;
        }

        foreach (char c in t.Text)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCapitalWord(ReadOnlySpan<Token> tokens, int i) => i >= 0 && tokens[i].Kind == TokenKind.Word && tokens[i].IsCapitalized;

    /// <summary>
    /// Where the subject of the verb at <paramref name="verb"/> ends: the index before the verb, back over at most four adverbs
    /// (-ly, also, further, again, now) and have/has/had ("CBO has also estimated", "The plaintiffs further alleged"); -1 when
    /// nothing is left. Shared by the named-source, litigant and acronym-subject checks.
    /// </summary>
    internal static int SubjectEnd(ReadOnlySpan<Token> tokens, int verb)
    {
        int j = verb - 1;
        for (int skipped = 0; j >= 0 && skipped < 4 && tokens[j].Kind == TokenKind.Word; skipped++, j--)
        {
            string w = tokens[j].Lower;
            if (!(w is "also" or "further" or "again" or "now" or "have" or "has" or "had" || (w.Length > 3 && w.EndsWith("ly", StringComparison.Ordinal))))
            {
                break;
            }
        }

        return j;
    }

    /// <summary>
    /// The subject of the report verb at <paramref name="verb"/> names a source (thirtieth round of models/stance-epistemic.md):
    /// back over at most four adverbs (-ly, also, further, again, now) and have/has/had, an acronym at the start of its clause or
    /// after "the" ("CBO projects that", "CBO has estimated"), a parenthesised acronym ("The Federal Highway Administration (FHWA)
    /// projects that"), a name of two or more capitalised words ("The Tax Policy Center estimates"), or "the" and a source noun
    /// within four words ("the agency projects that"). Not the document itself ("CRS calculated that") and not an acronym after
    /// another word ("all BRIC projects that have been awarded": the noun). Bounded: at most eight tokens back.
    /// </summary>
    internal static bool NamedEstimateSubject(ReadOnlySpan<Token> tokens, int verb)
    {
        int j = SubjectEnd(tokens, verb);

        if (j < 0 || tokens[j].Lower == "crs")
        {
            return false;
        }

        if (IsAcronym(tokens[j]))
        {
            bool clauseStart = true;
            for (int k = j - 1; k >= 0 && clauseStart; k--)
            {
                if (tokens[k].Kind is TokenKind.Word or TokenKind.Number)
                {
                    clauseStart = false;
                }
                else if (tokens[k].Text is "," or ";" or ":")
                {
                    break;
                }
            }

            return clauseStart || tokens[j - 1].Lower == "the";
        }

        if (tokens[j].Text == ")" && j >= 2 && IsAcronym(tokens[j - 1]) && tokens[j - 2].Text == "(")
        {
            return tokens[j - 1].Lower != "crs";
        }

        if (IsCapitalWord(tokens, j) && (IsCapitalWord(tokens, j - 1) || (j >= 2 && tokens[j - 1].Lower is "of" or "and" or "&" or "for" && IsCapitalWord(tokens, j - 2))))
        {
            return true;
        }

        if (EstimateSourceNouns.Contains(tokens[j].Lower))
        {
            for (int k = j - 1; k >= 0 && k >= j - 4; k--)
            {
                if (tokens[k].Lower == "the")
                {
                    return true;
                }

                if (tokens[k].Kind != TokenKind.Word)
                {
                    break;
                }
            }
        }

        return false;
    }

    /// <summary>A party to a suit: its pleading or its name ("The complaint alleged that", "The plaintiffs also alleged that", "state claims alleging that").</summary>
    private static readonly HashSet<string> LitigantNouns = new(StringComparer.Ordinal)
    {
        "complaint", "complaints", "lawsuit", "lawsuits", "suit", "suits", "petition", "petitions", "plaintiff", "plaintiffs", "petitioner",
        "petitioners", "prosecutors", "claim", "claims", "counterclaim", "counterclaims", "indictment",
    };

    /// <summary>Verbs that bring a suit, whose participle "alleging" states the suit's allegation ("sued Uber, alleging that").</summary>
    private static readonly HashSet<string> SuitVerbs = new(StringComparer.Ordinal)
    {
        "sued", "sue", "sues", "suing", "filed", "file", "files", "filing",
    };

    /// <summary>Irregular past and present forms of verbs a party acts with ("NFB sought an extension, alleging that", "the plaintiffs brought claims … alleging that").</summary>
    private static readonly HashSet<string> PartyActIrregular = new(StringComparer.Ordinal)
    {
        "sought", "seeks", "brought", "brings", "asks", "moves", "petitions", "challenges", "appeals", "requests", "objects", "argues",
    };

    /// <summary>A finite verb a party acts with: a word in -ed ("petitioned", "challenged", "moved", "asked") or one of <see cref="PartyActIrregular"/>.</summary>
    private static bool IsPartyActVerb(in Token t) =>
        t.Kind == TokenKind.Word && ((t.Lower.Length > 4 && t.Lower.EndsWith("ed", StringComparison.Ordinal)) || PartyActIrregular.Contains(t.Lower));

    /// <summary>
    /// Organisations and groups that are parties when "the" makes them definite ("The union sought an injunction …, alleging that",
    /// "the companies alleged that", "the plaintiffs' association alleged"): a definite party's allegation is attributed like a
    /// named one's; "unions allege" and "some states have alleged" (nobody in particular) stay hedges.
    /// </summary>
    private static readonly HashSet<string> PartyNouns = new(StringComparer.Ordinal)
    {
        "union", "unions", "association", "associations", "company", "companies", "corporation", "corporations", "firm", "firms",
        "coalition", "coalitions", "group", "groups", "organization", "organizations", "organisation", "organisations", "employer",
        "employers", "employees", "workers", "tribe", "tribes", "state", "states", "city", "county", "district", "manufacturer",
        "manufacturers", "carrier", "carriers", "operator", "operators", "utility", "utilities", "landlord", "landlords", "tenants",
        "residents", "members", "defendant", "defendants", "respondent", "respondents", "appellant", "appellants", "litigants",
        "challengers",
    };

    /// <summary>
    /// The token at <paramref name="j"/> is a pleading or a litigant ("complaint", "plaintiffs"), or a party noun made definite by
    /// "the" within four tokens before it, over words and possessives only ("the union", "the plaintiffs' association"), where that
    /// "the" does not follow "of" ("Members of the group allege": the subject is the members).
    /// </summary>
    private static bool IsLitigant(ReadOnlySpan<Token> tokens, int j)
    {
        if (j < 0)
        {
            return false;
        }

        if (LitigantNouns.Contains(tokens[j].Lower))
        {
            return true;
        }

        if (!PartyNouns.Contains(tokens[j].Lower))
        {
            return false;
        }

        for (int k = j - 1; k >= 0 && k >= j - 4; k--)
        {
            if (tokens[k].Lower == "the")
            {
                // Not the object of "of": in "Members of the group allege" the subject is the members, nobody in particular.
                return k == 0 || tokens[k - 1].Lower != "of";
            }

            if (tokens[k].Kind != TokenKind.Word && tokens[k].Text is not ("'" or "’" or "'s" or "’s"))
            {
                break;
            }
        }

        return false;
    }

    /// <summary>The subject of the verb at <paramref name="verb"/>, back over at most four adverbs and have/has/had, is a pleading or a litigant ("the plaintiffs brought", "The petitioners have also asked", "The union sought").</summary>
    private static bool LitigantSubject(ReadOnlySpan<Token> tokens, int verb) => IsLitigant(tokens, SubjectEnd(tokens, verb));

    /// <summary>
    /// The verb "allege" at <paramref name="verb"/> states a party's allegation in a suit, which the sentence attributes to the party
    /// (thirty-fourth round of models/stance-epistemic.md): its subject, back over at most four adverbs (-ly, also, further, again,
    /// now) and have/has/had, is a pleading or a litigant ("The complaint alleged that", "The plaintiffs also alleged that", "state
    /// claims alleging that") or a name as <see cref="NamedEstimateSubject"/> reads it ("The DOJ alleged that", "the NFB alleged,");
    /// or it is the participle "alleging" in a clause that brings a suit ("DOJ sued Uber, alleging that", "filed an amended
    /// complaint alleging"), or whose clause's verb, whatever it is, has a named or litigant subject ("NFB sought an extension of
    /// monitoring, alleging that", "the plaintiffs brought claims … alleging that": thirty-sixth round, the class widened); a
    /// pleading's relative clause counts as the pleading ("suits that alleged"). Not the attributive or passive "alleged" ("the defendants' alleged conduct", "is alleged to be"), and
    /// not an allegation by others ("Critics … allege that", "an article alleging that"): those stay hedges. Bounded: at most
    /// twenty tokens back. The same decision makes "allege / alleging" an attribution cue (thirty-seventh round: a party's
    /// allegation keeps evidence of the right kind; "alleged / alleges" were attribution cues already), so the hedge and the
    /// attribution reading of the word can never disagree.
    /// </summary>
    internal static bool LitigantAllegation(ReadOnlySpan<Token> tokens, int verb)
    {
        string w = tokens[verb].Lower;
        if (w is not ("allege" or "alleges" or "alleged" or "alleging") || verb == 0)
        {
            return false;
        }

        string before = tokens[verb - 1].Lower;
        if (before is "is" or "are" or "was" or "were" or "be" or "been" or "being" || (w == "alleged" && (before is "the" or "a" or "an" or "its" or "their" or "his" or "her" or "our" or "your"
            or "this" or "these" or "those" or "such" or "any" or "no" or "of" or "for" or "'s" or "'" or "’s" or "’" || before.EndsWith("'s", StringComparison.Ordinal))))
        {
            return false;
        }

        int j = SubjectEnd(tokens, verb);

        if (j >= 0 && (IsLitigant(tokens, j) || (j >= 1 && tokens[j].Lower is "that" or "which" or "who" && IsLitigant(tokens, j - 1))))
        {
            return true;
        }

        if (w == "alleging")
        {
            for (int i = verb - 1; i >= 0 && i >= verb - 20; i--)
            {
                if (tokens[i].Text is ";" or ":")
                {
                    break;
                }

                if (SuitVerbs.Contains(tokens[i].Lower) || (IsPartyActVerb(tokens[i]) && (NamedEstimateSubject(tokens, i) || LitigantSubject(tokens, i))))
                {
                    return true;
                }
            }
        }

        return NamedEstimateSubject(tokens, verb);
    }

    /// <summary>"CBO estimates it would cost", "(NHCCI) estimates a much higher level": a named source's estimate with its object; not the noun ("SAIPE estimates are model-based").</summary>
    private static bool NamedEstimateWithObject(CueSite s) =>
        NamedEstimateSubject(s.Tokens, s.Start) && (EstimateObjects.Contains(s.After()) || (s.End < s.Tokens.Length && s.Tokens[s.End].Kind == TokenKind.Number));

    /// <summary>
    /// An estimate credited to a name: "By", "Based on" or "According to", a name (capitalised words, "the", and/of/&amp; inside it;
    /// at most eight tokens) with 's, an optional parenthesised acronym, then the estimate within three words ("By FDA's estimate,",
    /// "By the Food and Drug Administration's (FDA's) own estimate,", "Based on EPA's estimates in Table 1"). Not an estimate as an
    /// object ("Table 2 includes EPA's estimates of …"). Bounded: the preposition is looked for at most fourteen tokens back.
    /// </summary>
    private static bool CreditedEstimate(CueSite s)
    {
        ReadOnlySpan<Token> tokens = s.Tokens;
        for (int i = Math.Max(0, s.Start - 14); i < s.Start; i++)
        {
            string w = tokens[i].Lower;
            int from = w == "by" ? i + 1
                : w == "based" && tokens[i + 1].Lower == "on" ? i + 2
                : w == "according" && tokens[i + 1].Lower == "to" ? i + 2
                : -1;
            if (from >= 0 && from < s.Start && CreditedEstimateAt(tokens, from) == s.Start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The estimate noun a name starting at <paramref name="from"/> is credited with (see <see cref="CreditedEstimate"/>), or -1.</summary>
    private static int CreditedEstimateAt(ReadOnlySpan<Token> tokens, int from)
    {
        for (int k = from; k < tokens.Length - 1 && k <= from + 8; k++)
        {
            if (tokens[k].Lower is "'s" or "’s" && k > from && tokens[k - 1].IsCapitalized)
            {
                int m = k + 1;
                if (m + 2 < tokens.Length && tokens[m].Text == "(")
                {
                    int close = m + 1;
                    while (close < tokens.Length && close <= m + 4 && tokens[close].Text != ")")
                    {
                        close++;
                    }

                    m = close < tokens.Length && tokens[close].Text == ")" ? close + 1 : m;
                }

                for (int end = m + 3; m < tokens.Length && m < end; m++)
                {
                    if (tokens[m].Kind is not (TokenKind.Word or TokenKind.Number))
                    {
                        break;
                    }

                    if (tokens[m].Lower is "estimate" or "estimates" or "projection" or "projections" or "forecast" or "forecasts" or "calculations")
                    {
                        return m;
                    }
                }

                return -1;
            }

            bool nameWord = tokens[k].Kind == TokenKind.Word && (tokens[k].IsCapitalized || tokens[k].Lower == "the"
                || (tokens[k].Lower is "and" or "of" or "&" && k > from && tokens[k - 1].IsCapitalized));
            if (!nameWord)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>Verbs after "may" that grant a power or a permission when the sentence describes law ("States may apply for a waiver under Section 1115").</summary>
    private static readonly HashSet<string> PermissionVerbs = new(StringComparer.Ordinal)
    {
        "apply", "use", "receive", "submit", "request", "elect", "choose", "file", "award", "issue", "grant", "waive", "transfer", "obligate",
        "spend", "designate", "establish", "require", "direct", "enter", "provide", "purchase", "petition", "appeal", "exercise", "certify",
        "retain", "access", "qualify", "claim", "deduct", "exclude", "carry", "opt", "participate", "authorize", "approve", "terminate",
        "suspend", "revoke", "impose", "assess", "collect", "accept", "make", "not",
    };

    /// <summary>"may" grants a permission or power in a sentence that describes law ("eligible entities may use the funds"): not a hedge.</summary>
    private static bool NotPermission(CueSite s) => !(PermissionVerbs.Contains(s.After()) && s.After(1) is not ("be" or "have") && EpistemicFeatures.DescribesLaw(s.Tokens));

    /// <summary>
    /// "the rules described below", "the bills mentioned above", "as noted earlier", "as previously stated": a cross-reference to
    /// another part of the document, which reports nobody's words (issue 10). "Earlier" and "previously" point into the document
    /// only after "as": "Stumpf explained earlier in the committee hearing" reports what a source said.
    /// </summary>
    private static bool NotCrossReference(CueSite s) =>
        s.After() is not ("above" or "below" or "elsewhere")
        && !(s.Before() == "as" && s.After() is "earlier" or "previously" or "later")
        && !(s.Before() is "previously" or "earlier" && s.Before(2) == "as");

    /// <summary>Deliberating bodies and the document's own parts: what they "consider" is on their agenda, not a belief.</summary>
    private static readonly HashSet<string> Deliberators = new(StringComparer.Ordinal)
    {
        "congress", "members", "lawmakers", "policymakers", "legislators", "appropriators", "committee", "committees", "senate", "house",
        "section", "report", "chapter",
    };

    /// <summary>What follows "consider" as a question or an action weighed: "whether", "how", a gerund ("consider conducting research").</summary>
    private static readonly HashSet<string> Interrogatives = new(StringComparer.Ordinal) { "whether", "how", "what", "which", "why", "when", "if" };

    /// <summary>
    /// "considers" reports a source's view ("the Army considers the current configuration too large"); it deliberates when a
    /// question or a gerund follows ("considers authorizing", "considers whether to pursue") or a deliberating body or the
    /// document is its subject ("As Congress considers the next farm bill", "This section considers the other two studies"):
    /// nobody's view is reported (issue 10). The hedge cue "consider" keeps no such guard: guarding it too moved the wiki
    /// uncertainty set (models/stance-epistemic.md, eighteenth round).
    /// </summary>
    private static bool NotDeliberation(CueSite s)
    {
        string next = s.After();
        if (Interrogatives.Contains(next) || (next.Length > 5 && next.EndsWith("ing", StringComparison.Ordinal) && next is not ("nothing" or "something" or "anything" or "everything" or "during")))
        {
            return false;
        }

        string before = s.Before() is "also" or "further" or "potentially" or "now" or "then" or "first" or "again" ? s.Before(2) : s.Before();
        return !Deliberators.Contains(before);
    }

    /// <summary>
    /// A legal standard or canon named by an uncertainty word: "probable cause", "noted probable jurisdiction", "a reasonable belief",
    /// "the presumption against preemption", "a presumption in favor of a scienter requirement". The term names the test a court
    /// applies; it does not hedge the sentence (issue 10).
    /// </summary>
    private static bool NotLegalStandard(CueSite s) => s.Tokens[s.Start].Lower switch
    {
        "probable" => s.After() is not ("cause" or "jurisdiction"),
        "belief" => s.Before() != "reasonable",
        _ => s.After() != "against" && !(s.After() == "in" && s.After(1) is "favor" or "favour"),
    };

    /// <summary>What a taxpayer or beneficiary claims: a benefit, not a statement.</summary>
    private static readonly HashSet<string> Benefits = new(StringComparer.Ordinal)
    {
        "credit", "credits", "deduction", "deductions", "exemption", "exemptions", "benefit", "benefits", "refund", "refunds", "allowance",
        "allowances", "expense", "expenses", "loss", "losses", "reimbursement", "reimbursements", "rebate", "rebates", "depreciation",
        "eitc", "ctc", "actc", "aotc",
    };

    /// <summary>Who claims benefits: "claimed by 30% of EEHIC recipients".</summary>
    private static readonly HashSet<string> Claimants = new(StringComparer.Ordinal)
    {
        "taxpayers", "taxpayer", "recipients", "filers", "households", "claimants", "beneficiaries", "individuals", "businesses", "firms",
    };

    /// <summary>A credit's acronym: capitals ending in C ("the RCEC", "RCECs", "the EEHIC"), not followed by a verb of its own.</summary>
    private static bool IsCreditAcronym(ReadOnlySpan<Token> t, int i)
    {
        string w = t[i].Text.EndsWith('s') ? t[i].Text[..^1] : t[i].Text;
        if (w.Length < 3 || w[^1] != 'C')
        {
            return false;
        }

        foreach (char c in w)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return !(i + 1 < t.Length && t[i + 1].Lower is "had" or "has" or "have" or "was" or "is" or "were" or "are" or "would" or "will" or "could" or "did" or "does");
    }

    /// <summary>
    /// "taxpayers who claimed the RCEC", "could claim a credit of up to $2,000", "claims a $100,000 deduction", "claimed by 30% of
    /// EEHIC recipients": claiming a benefit is an action, not a reported statement (issue 10). Looks at most six tokens past the
    /// verb, up to "that", "to" or punctuation ("claimed that the credit was misused" stays a report).
    /// </summary>
    private static bool NotBenefitClaim(CueSite s)
    {
        ReadOnlySpan<Token> t = s.Tokens;
        bool passive = s.After() == "by";
        for (int i = s.End; i < t.Length && i < s.End + 6; i++)
        {
            if (t[i].Lower is "that" or "to" || (t[i].Kind == TokenKind.Punctuation && t[i].Text != "-"))
            {
                break;
            }

            if (Benefits.Contains(t[i].Lower) || IsCreditAcronym(t, i) || (passive && Claimants.Contains(t[i].Lower)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"That said, …", "Having said that, …": a concessive connective, nobody's words (issue 10, twentieth round).</summary>
    private static bool NotConnectiveSaid(CueSite s) =>
        !(s.Before() == "that" && s.After() == "," && (s.Start == 1 || s.Before(2) is "," or ";" or "but" or "and"))
        && !(s.Before() == "having" && s.After() == "that" && s.After(1) == ",");

    /// <summary>"Foods may be recalled from the market", "Voluntary recalls may be initiated": a product recall, not a memory (issue 10, twentieth round).</summary>
    private static bool NotProductRecall(CueSite s) =>
        !Be.Contains(s.Before()) && s.After() is not ("from" or "of")
        && s.Before() is not ("voluntarily" or "voluntary" or "mandatory" or "food" or "product" or "products" or "drug" or "vehicle" or "safety");

    /// <summary>"the markup charged on the product", "prices dealerships charged consumers": a price, not an accusation (issue 10, twentieth round).</summary>
    private static bool NotPriceCharged(CueSite s) =>
        s.After() is not ("consumers" or "customers" or "riders" or "users" or "patients" or "students" or "borrowers" or "buyers" or "on" or "per")
        && s.Before() is not ("markup" or "markups" or "fee" or "fees" or "price" or "prices" or "rate" or "rates" or "interest" or "premium" or "premiums" or "amount" or "amounts" or "tuition" or "toll" or "tolls");

    /// <summary>The document's own parts: "This Legal Sidebar describes …", "This report describes …".</summary>
    private static readonly HashSet<string> DocumentParts = new(StringComparer.Ordinal)
    {
        "report", "sidebar", "section", "chapter", "focus", "insight", "product", "appendix", "paper", "memorandum",
    };

    /// <summary>"This Legal Sidebar describes the ESA framework": the document describing itself reports nobody (issue 10, twentieth round).</summary>
    private static bool NotDocumentSelf(CueSite s) =>
        !(DocumentParts.Contains(s.Before()) && (s.Before(2) == "this" || s.Before(3) == "this"));

    /// <summary>
    /// "It then describes some proposals", "It also considers legislative options": after "This report provides an overview …",
    /// a sentence that opens with "It" and a sequencing adverb is the document describing itself (issue 10, twenty-third round).
    /// Without the adverb the pronoun may be a source ("It describes how Band helped run …", PolNeAR, attributed), so the cue stays.
    /// </summary>
    private static bool NotPronounDocumentSelf(CueSite s) =>
        !(s.Start == 2 && s.Tokens[0].Lower == "it" && s.Before() is "then" or "also" or "next" or "further" or "first" or "finally" or "briefly" or "subsequently");

    /// <summary>"filed suit …, seeking to block the meeting", "proposals would … by seeking to limit indirect costs": a lawsuit's or a bill's aim (issue 10, twentieth round).</summary>
    private static bool NotInstrumentAim(CueSite s)
    {
        for (int i = Math.Max(0, s.Start - 12); i < s.Start; i++)
        {
            if (s.Tokens[i].Lower is "suit" or "lawsuit" or "lawsuits" or "complaint" or "petition" or "motion" or "proposals" or "proposal" or "bill" or "bills" or "legislation" or "amendment" or "amendments")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"In response, the U.S. Army is improving …": a connective that reports nobody's words; "in response to press inquiries" stays a cue.</summary>
    private static bool NotConnectiveResponse(CueSite s) => s.After() != ",";

    /// <summary>"speculative tickets": the name of a kind of ticket (sold before the seller holds it), not speculation.</summary>
    private static bool NotTicketName(CueSite s) => s.After() is not ("ticket" or "tickets" or "ticketing");

    /// <summary>"knew or had reason to believe": the mental state a statute or guideline requires, not a belief (like "a reasonable belief").</summary>
    private static bool NotKnowledgeStandard(CueSite s) =>
        !(s.Before() == "to" && s.Before(2) == "reason" && s.Before(3) is "had" or "has" or "have" && s.Before(4) == "or");

    /// <summary>What a court, an agency or a board rules on: "denied Uber's motion to dismiss", "approves or denies permission".</summary>
    private static readonly HashSet<string> Requests = new(StringComparer.Ordinal)
    {
        "motion", "motions", "cross-motion", "request", "requests", "petition", "petitions", "application", "applications", "permission",
        "approval", "extension", "extensions", "stay", "appeal", "appeals", "permit", "permits", "license", "licenses", "licence",
        "certiorari", "rehearing", "exemption", "exemptions", "waiver", "waivers", "benefits", "upgrade", "upgrades",
    };

    /// <summary>
    /// "the district court denied Uber's motion to dismiss", "the agency approves or denies permission": a ruling on a request is an
    /// action, not a reported denial (issue 10, twenty-second round). Looks at most six tokens past the verb, up to "that" or
    /// punctuation, so "denied the charges" and "denied that the company gave permission" stay reports.
    /// </summary>
    private static bool NotRequestDenied(CueSite s)
    {
        ReadOnlySpan<Token> t = s.Tokens;
        for (int i = s.End; i < t.Length && i < s.End + 6; i++)
        {
            if (t[i].Lower == "that" || (t[i].Kind == TokenKind.Punctuation && t[i].Text is not ("-" or "'" or "’")))
            {
                break;
            }

            if (Requests.Contains(t[i].Lower))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Superlatives that "possible" follows as a degree ("the highest possible score", "the best score possible").</summary>
    private static readonly HashSet<string> SuperlativesOfDegree = new(StringComparer.Ordinal)
    {
        "maximum", "minimum", "highest", "lowest", "best", "worst", "greatest", "least", "largest", "smallest", "fastest", "earliest",
        "latest", "shortest", "longest", "strongest", "broadest", "widest", "fullest", "maximal", "minimal", "optimal",
    };

    /// <summary>
    /// "possible" as a degree or an enablement, no possibility of the content (issue 10, thirty-eighth round): "as many cars as
    /// possible", "as full a response as possible", "wherever possible", "to the extent possible", "the highest possible score",
    /// "the best score possible", "was made possible by", "made it possible for students to". Only the word "possible"; "it is
    /// possible that", "a possible explanation" and "it is possible to" stay hedges. Bounded: at most seven tokens back.
    /// </summary>
    private static bool NotDegreeOrEnablementPossible(CueSite s)
    {
        string b1 = s.Before();
        if (b1 is "where" or "wherever" or "when" or "whenever" or "extent" || (SuperlativesOfDegree.Contains(b1) && s.Before(2) != "at"))
        {
            return false;
        }

        if ((b1 is "made" or "make" or "makes" or "making" && (s.End >= s.Tokens.Length || s.Tokens[s.End].Kind != TokenKind.Word || s.After() is "by" or "in" or "through" or "with" or "thanks" or "only" or "largely" or "partly" or "partially" or "for"))
            || (b1 is "it" or "this" or "that" or "them" && s.Before(2) is "made" or "make" or "makes" or "making"))
        {
            return false;
        }

        if (SuperlativesOfDegree.Contains(s.Before(2)) && s.Start >= 1 && s.Tokens[s.Start - 1].Kind == TokenKind.Word)
        {
            return false;
        }

        if (b1 == "as" && !(s.Before(2) == "well" && s.Before(3) == "as"))
        {
            for (int k = 3; k <= 7 && s.Start - k >= 0; k++)
            {
                Token t = s.Tokens[s.Start - k];
                if (t.Kind == TokenKind.Punctuation)
                {
                    break;
                }

                if (t.Lower == "as")
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>"prediction markets", "a prediction market": the name of a kind of exchange, not a prediction.</summary>
    private static bool NotMarketName(CueSite s) => s.After() is not ("market" or "markets" or "market's" or "markets'");

    private static bool NotEpistemicMust(CueSite s) => s.After() is not ("have" or "'ve" or "be" or "know") || s.After(1) is "done" or "made" or "taken" or "given" or "paid" or "addressed";

    private static bool Imperative(CueSite s)
    {
        if (!s.AtSentenceStart)
        {
            // Allow a leading "please", "also", "so", "and", "then" or "just".
            if (s.Start > 2)
            {
                return false;
            }

            for (int i = 0; i < s.Start; i++)
            {
                if (s.Tokens[i].Kind is TokenKind.Word && s.Tokens[i].Lower is not ("please" or "also" or "so" or "and" or "then" or "just" or "simply" or "instead" or "but" or "at" or "least"))
                {
                    return false;
                }
            }
        }

        if (!s.Tokens[s.Start].IsCapitalized && s.AtSentenceStart)
        {
            return false;
        }

        string next = s.After();
        return next.Length > 0 && !NotAfterImperative.Contains(next) && !next.EndsWith("ing", StringComparison.Ordinal) && !next.EndsWith("ed", StringComparison.Ordinal);
    }

    private static Dictionary<string, CuePattern[]> Build()
    {
        var all = new List<CuePattern>();

        void Add(StanceCueKind kind, double weight, string phrases, Func<CueSite, bool>? guard = null, bool intensifiable = false)
        {
            foreach (string p in phrases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                all.Add(new CuePattern(Tokenize(p), kind, weight, guard, intensifiable));
            }
        }

        const StanceCueKind H = StanceCueKind.Hedge;
        Add(H, 0.9, "may", s => NotMonth(s) && NotPermission(s));
        Add(H, 0.9, "might, perhaps, maybe, possibly, probably, presumably, apparently, seemingly, reportedly, allegedly, purportedly, supposedly, reputedly, conceivably, arguably, likely, unlikely, likelihood, improbable");
        Add(H, 0.85, "seem, seems, seemed, seeming, appear to, appears to, appeared to, appear that, appears that, it appears, it appeared, appearing to");
        Add(H, 0.85, "suggest, suggests, suggested, suggesting, suggestion that, suggestions that, suggestive of, indicate that, indicates that, indicated that, indication that, imply, implies, implied, implying, implication");
        Add(H, 0.85, "possible", NotDegreeOrEnablementPossible);
        Add(H, 0.85, "possibility, possibilities, potential, potentially, uncertain, uncertainty, uncertainties, unclear, unknown, not known, not clear, unsure, doubtful, unproven, unconfirmed, unverified, questionable");
        Add(H, 0.8, "whether, whether or not, remains to be seen, remain to be seen, yet to be seen, yet to be determined, little is known, not well understood, not fully understood, no evidence, is not clear, it is unclear, if not");
        // "beliefs" (the plural noun) is a hedge cue only before a content clause ("the beliefs that the earth is flat"): elsewhere
        // it names a creed or the views people hold, a topic ("their religious beliefs", "criticise the Shia for certain beliefs and
        // practices"), and the author hedges nothing (issue 10, thirty-ninth round of models/stance-epistemic.md).
        Add(H, 0.85, "beliefs", s => s.After() == "that");
        Add(H, 0.85, "believes, believed, believing, suspect, suspects, suspected, suspicion, suspicions, speculate, speculates, speculated, speculation, hypothesis, hypothesized, hypothesised, hypothetical, hypothetically, presume, presumed, putative");
        Add(H, 0.85, "believe", NotKnowledgeStandard);
        Add(H, 0.85, "speculative", NotTicketName);
        Add(H, 0.75, "think, thinks", NotThinkTank);
        Add(H, 0.85, "rumor, rumors, rumored, rumour, rumours, rumoured");
        Add(H, 0.75, "assume, assumes, assumed, assuming, assumption, assumptions, doubt, doubts, doubted, allegation, allegations, accused, accuse, accuses, accusation, accusations");
        Add(H, 0.75, "alleged, allege, alleges, alleging", s => !LitigantAllegation(s.Tokens, s.Start));
        Add(H, 0.8, "expected, expects, expect, expecting, expectation, expectations, predicted, predicts, predict, forecast to, projected to, is projected, are projected");
        Add(H, 0.8, "thought, considered, regarded, viewed, seen as, deemed, said to, understood to", AfterBe);
        Add(H, 0.7, "regarded as, viewed as, considered to be, considered as, considered one, considered the, considered a, regard, regards as, views that, view that, the view that, idea that, feel that, feels that, felt that, fear that, fears that, feared that, fear, feared, worry that, worries that, worried that, concern that, concerns that");
        Add(H, 0.9, "probable", NotLegalStandard);
        Add(H, 0.85, "belief, presumption", NotLegalStandard);
        Add(H, 0.8, "prediction", NotMarketName);
        Add(H, 0.7, "consider, considers");
        Add(H, 0.75, "an estimated, tentative, tentatively, apparent, almost certainly, in all likelihood, it is possible, there is a chance, chance that, cast doubt, casts doubt, raise questions, raises questions, raised questions, questioned, could not be confirmed, unconfirmed reports, is said, are said");
        Add(H, 0.75, "estimated, estimate, estimates, estimated at", NoSourceBefore);
        Add(H, 0.75, "approximately, roughly", NotBeforeFigure);
        Add(H, 0.55, "could", NotAfterI);
        Add(H, 0.3, "would likely, would probably, may have, might have, could have");

        const StanceCueKind A = StanceCueKind.Attribution;
        // A named source's estimate or projection (thirtieth round of models/stance-epistemic.md): "CBO projects that", "The
        // Congressional Budget Office estimates it would cost", "By FDA's estimate,", "Projections indicate that". "estimated",
        // "projected", "forecast" and "estimates that" are cues below already; the agentless "is projected to" stays a hedge.
        Add(A, 0.8, "projects that, forecasts that, forecasted that, calculates that, calculated that", s => NamedEstimateSubject(s.Tokens, s.Start));
        Add(A, 0.8, "estimates", s => NamedEstimateWithObject(s) || CreditedEstimate(s));
        Add(A, 0.8, "estimate, projection, projections, forecast, forecasts, calculations", CreditedEstimate);
        Add(A, 0.8, "projections indicate, projections indicated, projections show, projections shows, projections showed, projections suggest, projections suggested, projections also indicate, projections also show, projections also suggest, forecasts indicate, forecasts indicated, forecasts show, forecasts showed, forecasts suggest, forecasts suggested, estimates indicate, estimates indicated, estimates show, estimates showed, estimates also indicate, estimates also show");
        Add(A, 0.9, "added", ReportingAdded);
        Add(A, 0.9, "said", NotConnectiveSaid);
        Add(A, 0.9, "says, told, according to, states that, announced, announces, announcing, declared, declares, testified, testifies, tweeted, wrote, writes, notes that, argued, argues, insisted, insists, acknowledged, acknowledges, admitted, admits, confirmed, confirms, warned, warns, contended, contends, asserted, asserts, maintained that, maintains that, stressed, emphasized, emphasised, replied, responded, commented, remarked, conceded, concedes, complained, complains, proclaimed, vowed, vows, promised, promises, predicted that, cautioned, observed, pointed out, points out, reported, reports that, reporting that, quoted, quoting, citing, in a statement, in an interview, in a letter, told reporters, spokesman, spokeswoman, spokesperson, press secretary, press release, press conference");
        Add(A, 0.9, "stated, explained, noted, cited", NotCrossReference);
        Add(A, 0.9, "explains", NotPronounDocumentSelf);
        Add(A, 0.9, "denied, denies", NotRequestDenied);
        Add(A, 0.9, "claimed", NotBenefitClaim);
        Add(A, 0.9, "claims", NotBenefitClaim);
        Add(A, 0.9, "recalled, recalls", NotProductRecall);
        Add(A, 0.85, "say, saying, tell, telling, asked, asks, ask, asking, suggested that, estimates that, found that, finds that, find that, concluded that, concludes that, conclude that, determined that, reported to, report by, report from, reports by, analysis by, data from, data show, data shows, figures from, statistics from, officials say");
        // Reporting forms the lexicon lacked (issue 10, twenty-third round): a court's holding or ruling, a conclusion or finding
        // reported in a participle ("denied the cross-motion, concluding that"), a view, a concern or support a party expressed,
        // and a name a source gives ("MTA refers to it as a congestion relief program").
        Add(A, 0.85, "held that, holds that, holding that, ruled that, concluding that, determining that, finding that, recognized that, recognizes that, point out, in its view, in their view, in his view, in her view");
        Add(A, 0.75, "expressed concern, expressed concerns, expressed support, expressed opposition, expresses concern, expresses concerns, expresses support, expresses opposition, express a preference, expressed a preference, raised concerns, raise concerns, raises concerns, raising concerns, refers to it as, refer to it as, refers to them as, refer to them as");
        // Sources named by a noun: people are a stronger sign of attribution than documents ("the survey covered 500 firms").
        Add(A, 0.5, "sources, officials, critics, supporters, advocates, experts, analysts, observers");
        Add(A, 0.45, "a report, the report, survey, surveys, poll, polls, study, studies, source");
        Add(A, 0.75, "thinks, think", NotThinkTank);
        Add(A, 0.75, "believes, believed, feels, felt, hopes, hoped, hoping, wants, wanted, fears, feared, knows, knew, accused, accuses, blamed, blames, criticized, criticised, praised, condemned, urged, urges, demanded, demands, questioned, agreed, agrees, disagreed, rejected, dismissed, welcomed, defended, attacked, slammed, blasted, touted, hailed, objected, opposed, signaled, signalled, indicated, revealed, disclosed, showed, shows, suggests, suggested, estimated, projected, forecast, argued, argue, alleged, alleges, accusing, questioning");
        Add(A, 0.75, "allege, alleging", s => LitigantAllegation(s.Tokens, s.Start));
        Add(A, 0.75, "believe", NotKnowledgeStandard);
        Add(A, 0.75, "considers", s => NotDeliberation(s) && NotPronounDocumentSelf(s));
        Add(A, 0.75, "described", NotCrossReference);
        Add(A, 0.75, "describes", s => NotDocumentSelf(s) && NotPronounDocumentSelf(s));
        Add(A, 0.7, "want, know, knows, speech, speeches, remarks, comments, commented, criticism, message, spoke, speaking, released a, offered, showed, showing, interview, testimony, letter, memo, op-ed, announcement, voiced, echoed, touted, framed, dubbed, calling, call on, called on, endorsed, backed, declined to comment, declined to, responding, vowing, pledging, promising, insisting, arguing, warning, noting, explaining, answered, answers, mentions, applauded, declaring, study found, poll found, polls found, survey found, report found, analysis found, researchers found, investigators found, audit found, review found, gao found, inspector general found, requests for comment, request for comment, did not respond, did not immediately respond, could not be reached, blasting, swipes at, swiped at, slams, rips, touts, implied, implies, waffled, expected to, is expected, are expected, expect, expects, polls show, poll shows, aides, hope, hopes that");
        Add(A, 0.7, "mentioned, discussed", NotCrossReference);
        Add(A, 0.7, "seeking to", NotInstrumentAim);
        Add(A, 0.7, "in response", NotConnectiveResponse);
        Add(A, 0.7, "claiming", NotBenefitClaim);
        Add(A, 0.7, "predictions", NotMarketName);
        Add(A, 0.75, "calls, called", NotNaming);
        Add(A, 0.75, "charged", s => !Be.Contains(s.Before()) && s.After() is not ("with" or "for" or "a" or "an" or "the" or "$" or "to" or "by") && NotPriceCharged(s));
        Add(A, 0.7, "statement, statements", SpeechStatement);
        Add(A, 0.7, "adding", s => s.Before() != "by");
        Add(A, 0.7, "indicates", s => !IsFigureLabel(s));

        // Speech markers: in reporting prose, first- and second-person words outside quotation marks are
        // mostly quoted speech whose quotation marks lie in a neighbouring sentence; weak alone for 'we'.
        Add(A, 0.55, "i", NotRomanNumeral);
        Add(A, 0.55, "me, my, you, i'm, you're");
        Add(A, 0.55, "your", NotInterfaceText);
        Add(A, 0.5, "we, our");
        Add(A, 0.5, "us", NotCountryAbbreviation);

        const StanceCueKind P = StanceCueKind.Prescription;
        Add(P, 0.85, "should, shouldn't, ought to, ought not, oughtn't", NotConditionalStart);
        Add(P, 0.8, "must, mustn't", s => NotEpistemicMust(s) && !EpistemicFeatures.DescribesLaw(s.Tokens));
        Add(P, 0.75, "need to, needs to, needs to be, need to be, have to, has to, have got to", NotPastNeed);
        Add(P, 0.85, "it is essential, it is important, it is necessary, it is crucial, it is vital, it is imperative, it is critical, it is time, it's time, it is urgent, is essential that, is important that, is necessary that, is crucial that, is vital that, is imperative that, is critical that, it would be wise, it would be better, it would be best, it would be prudent, it would be advisable, it would be helpful, it would be useful, it would be good, it would be nice, it would be great, it will be nice, it will be great, would be nice, would be great, would be good, would be helpful, would be useful, would be better, would be awesome, would be cool, would be ideal, would be wise, would be prudent, would be advisable, would do well to, would benefit from, would be well advised", intensifiable: true);
        // The same evaluation of a proposed action with other heads ("it would be very handy to", "it'd be a great addition"),
        // and a hedged one with its action after it ("it might be worthwhile to consider", "it may be useful if …").
        Add(P, 0.85, "would be handy, would be convenient, would be beneficial, would be valuable, would be preferable, would be desirable, would be worthwhile, would be fantastic, would be excellent, would be wonderful, would be amazing, would be appropriate, would be sensible", EvaluatesAction, intensifiable: true);
        Add(P, 0.85, "would be worth", s => s.After().EndsWith("ing", StringComparison.Ordinal), intensifiable: true);
        Add(P, 0.85, "would make sense, would be a good idea, would be a great idea, would be a better idea, would be a good addition, would be a great addition, would be a nice addition, would be a welcome addition, would be a useful addition, would be a valuable addition, would be a good improvement, would be a great improvement, would be a big help, would be a great help, would be a huge help, would be a great benefit, would be a plus, would be a nice feature, would be a great feature, would be a good feature, would be a useful feature, would be a nice touch, would be an improvement, would be a good solution, would be a better solution, would be a great solution, would be a good option, would be a better option, would be a great option", intensifiable: true);
        // Requests in the first person ("I'd suggest including…", "My suggestion is to…") and "why not …?".
        Add(P, 0.85, "i would suggest, we would suggest, i would propose, we would propose, i would recommend, we would recommend, my suggestion, our suggestion, my recommendation, our recommendation, my proposal, our proposal, would like you to, why not");
        Add(P, 0.8, "it may be worthwhile, it might be worthwhile, it may be worth, it might be worth, it may be useful, it might be useful, it may be helpful, it might be helpful, it might be nice, it may be nice, it might be good, it might be better, it may be better, it might be wise, it may be wise, it may be prudent, it might be prudent, it could be useful, it could be helpful, it could be worthwhile", s => s.After() is "to" or "if" or "for" or "that", intensifiable: true);
        Add(P, 0.85, "recommend, recommends, recommended that, recommendation, recommendations, recommending, we urge, i urge, urge, call on, calls on, we call, propose that, proposes that, i propose, we propose, i suggest, we suggest, suggest adding, suggest using, please, let us, let's, i wish, we wish, i would like, i'd like, we would like, we'd like, would like to see, i would love, i'd love, would love to, we need, i want, we want, needs to be, there should be, there needs to be, there must be, should be able, should be paid, should be given, should be made, should be considered");
        Add(P, 0.8, "may wish to, might wish to, may want to, might want to, may wish to consider, may consider, might consider, may choose to, might choose to, may seek to, may also wish to, may also want to, may also consider, might also consider, may also seek to, may also choose to", SubjectBefore);
        Add(P, 0.8, "could consider, could choose to, could seek to, could also, could require, could direct, could establish, could provide, could expand, could increase, could strengthen, could mandate, could enact, could pass, could amend, could use, could create, could fund, could prohibit, could limit, could encourage, could request, could ask", ActorBefore);
        Add(P, 0.85, "request, requesting", RequestVerb);
        Add(P, 0.7, "is needed, are needed, is required to, are required to, is urgently needed, greater attention, more attention, more needs to, more must, more should, it is up to, have a responsibility, has a responsibility, should", SubjectBefore);
        Add(P, 0.7, ImperativeList(), Imperative);

        const StanceCueKind B = StanceCueKind.Booster;
        Add(B, 0.8, "clearly, clear that, certainly, undoubtedly, no doubt, without doubt, obviously, indeed, definitely, in fact, surely, of course, undeniably, unquestionably, evidently, always, never, inevitably, inevitable, demonstrates, demonstrate, demonstrated, shows that, showed that, proves, proved, very, extremely, highly, deeply, truly, really, absolutely, utterly, totally");

        return all
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ToArray(), StringComparer.Ordinal);
    }

    private static string ImperativeList() => string.Join(", ", ImperativeVerbs);

    /// <summary>Splits a cue phrase the way the tokenizer splits prose (clitics apart: let's → let 's, shouldn't → should n't).</summary>
    internal static string[] Tokenize(string phrase)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(phrase, new Text.TextSpan(0, phrase.Length), tokens);
        return [.. tokens.Select(t => CueWord(t.Lower))];
    }
}

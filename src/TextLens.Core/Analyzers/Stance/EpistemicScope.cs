using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>Who stands before a reporting verb or a modal in its clause.</summary>
public enum SourceKind
{
    /// <summary>Nothing that can say or decide anything (or the start of the sentence).</summary>
    None,

    /// <summary>A name or acronym ("GAO", "the Ninth Circuit", "Senator Nelson").</summary>
    Named,

    /// <summary>A source noun ("the agency", "officials", "the Court", "the study").</summary>
    Noun,

    /// <summary>A pronoun that refers back to a source ("it", "they", "she").</summary>
    Pronoun,

    /// <summary>The document itself ("this report", "Table 2", "Column A", "CRS"): the author's own voice.</summary>
    Self,

    /// <summary>Unnamed people ("some", "critics", "many observers"): hearsay.</summary>
    Vague,
}

/// <summary>
/// The scope of the epistemic cues, read off the words around them: the subject and verb group of a modal ("States
/// may apply" grants a permission, "the rule may reduce" is a possibility, "Congress could require" is an option put to
/// Congress), the kind of source before a reporting verb ("GAO found" vs "Table 1 shows"), and whether a hedge stands
/// inside the content a source reports ("the Court concluded that it likely violated…"). Features of
/// <see cref="EpistemicFeatures"/>; no state.
/// </summary>
public static class EpistemicScope
{
    private static readonly string[] Pos = ["pos0", "pos1", "pos2"];

    private static readonly HashSet<string> ModalWords = new(StringComparer.Ordinal) { "may", "might", "could", "can", "should", "must", "shall", "would", "will" };

    /// <summary>The modals that put an option to their subject ("Congress could", "Members should"); not the future or the statutory "shall".</summary>
    private static readonly HashSet<string> OptionModals = new(StringComparer.Ordinal) { "may", "might", "could", "can", "should", "must", "would" };

    /// <summary>Adverbs that stand between a subject and its modal or between a modal and its verb ("Congress also might", "may not directly").</summary>
    private static readonly HashSet<string> Adverbs = new(StringComparer.Ordinal)
    {
        "also", "not", "n't", "still", "then", "only", "therefore", "thus", "now", "generally", "similarly", "likewise", "instead", "further",
        "ultimately", "potentially", "directly", "already", "typically", "usually", "often", "sometimes", "alternatively", "additionally",
        "either", "each", "all", "both", "otherwise", "accordingly", "consequently", "nonetheless", "nevertheless", "however", "in", "turn",
    };

    /// <summary>The actors analysis addresses its options to.</summary>
    private static readonly HashSet<string> PolicyActors = new(StringComparer.Ordinal)
    {
        "congress", "policymakers", "lawmakers", "legislators", "members", "senate", "house", "appropriators", "committees", "congressional",
    };

    /// <summary>People and bodies that act under a rule: a modal after them grants or describes a power or permission.</summary>
    private static readonly HashSet<string> Agents = new(StringComparer.Ordinal)
    {
        "states", "state", "members", "member", "individuals", "individual", "users", "user", "people", "persons", "person", "entities",
        "entity", "agencies", "agency", "companies", "company", "firms", "firm", "families", "veterans", "servicemembers", "servicemember",
        "students", "parents", "employers", "employees", "taxpayers", "owners", "owner", "producers", "producer", "consumers", "businesses",
        "institutions", "organizations", "nonprofits", "tribes", "localities", "governments", "government", "courts", "court", "plaintiffs",
        "applicants", "applicant", "recipients", "recipient", "grantees", "grantee", "borrowers", "borrower", "participants", "beneficiaries",
        "secretary", "administrator", "president", "director", "commissioner", "committee", "committees", "department", "administration",
        "officials", "official", "manufacturers", "retailers", "importers", "exporters", "providers", "provider", "insurers", "lenders",
        "banks", "schools", "universities", "hospitals", "employer", "employee", "claimant", "claimants", "defendant", "defendants",
        "petitioner", "petitioners", "he", "she", "they", "who", "one", "you", "we", "senators", "representatives", "congress", "sponsors",
        "cities", "counties", "communities", "territories", "countries", "nations", "governors", "voters", "workers", "farmers",
    };

    /// <summary>Verbs of deliberation: after a modal with a policy actor, an option put to the reader ("Congress might examine").</summary>
    private static readonly HashSet<string> Deliberation = new(StringComparer.Ordinal)
    {
        "consider", "evaluate", "assess", "examine", "contemplate", "choose", "opt", "explore", "review", "weigh", "revisit", "wish", "want",
        "decide", "look", "reconsider", "study", "investigate", "monitor", "continue", "pursue", "seek", "debate", "question", "ask",
    };

    /// <summary>Verbs of acting under a rule ("may apply", "could claim", "may vote").</summary>
    private static readonly HashSet<string> Acts = new(StringComparer.Ordinal)
    {
        "apply", "use", "vote", "submit", "request", "claim", "elect", "file", "receive", "obtain", "contact", "deposit", "participate", "appeal",
        "petition", "designate", "waive", "purchase", "access", "enroll", "qualify", "deduct", "exclude", "carry", "offer", "transfer", "spend",
        "award", "issue", "grant", "obligate", "establish", "enter", "exercise", "certify", "retain", "authorize", "approve", "terminate",
        "suspend", "revoke", "impose", "collect", "accept", "click", "sell", "buy", "trade", "register", "recall", "sue", "bring", "seek",
        "provide", "require", "direct", "allocate", "distribute", "borrow", "lend", "pay", "invest", "hire", "delegate", "nominate", "appoint",
        "hold", "conduct", "adopt", "comply", "rely", "report", "refuse", "convene", "meet", "object", "amend", "override",
    };

    /// <summary>Verbs that end like an adverb ("may apply", "must comply").</summary>
    private static readonly HashSet<string> LyVerbs = new(StringComparer.Ordinal) { "apply", "comply", "rely", "supply", "reply", "imply", "multiply", "fly", "ally" };

    /// <summary>Verbs of consequence: after a modal, a possibility ("may reduce", "could affect").</summary>
    private static readonly HashSet<string> Effects = new(StringComparer.Ordinal)
    {
        "affect", "reduce", "increase", "decrease", "lead", "result", "cause", "create", "limit", "make", "help", "hinder", "raise", "lower",
        "improve", "harm", "undermine", "contribute", "become", "prove", "differ", "vary", "depend", "exist", "include", "reflect", "face",
        "pose", "serve", "need", "mean", "encourage", "discourage", "expand", "shift", "change", "alter", "complicate", "delay", "benefit",
        "cost", "exceed", "fall", "rise", "decline", "grow", "remain", "occur", "emerge", "indicate", "suggest", "explain", "account",
        "outweigh", "threaten", "jeopardize", "impede", "constrain", "strain", "weaken", "strengthen", "influence", "shape", "pave",
    };

    /// <summary>Words that make a clause's subject the document itself.</summary>
    private static readonly HashSet<string> SelfWords = new(StringComparer.Ordinal)
    {
        "this", "table", "tables", "figure", "figures", "column", "columns", "crs", "appendix", "box", "chart", "map", "section", "above", "below",
    };

    private static readonly HashSet<string> VagueWords = new(StringComparer.Ordinal)
    {
        "some", "many", "others", "critics", "observers", "commentators", "analysts", "stakeholders", "proponents", "opponents", "supporters",
        "skeptics", "advocates", "economists", "experts", "several", "various",
    };

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "it", "they", "he", "she", "its", "their", "his", "her" };

    /// <summary>Lemmas of verbs that report what a source said, found, decided or estimated (with verbs of belief and expectation: "officials believe").</summary>
    private static readonly HashSet<string> ReportingLemmas = new(StringComparer.Ordinal)
    {
        "say", "state", "find", "determine", "conclude", "hold", "rule", "indicate", "show", "identify", "estimate", "project", "report",
        "propose", "endorse", "argue", "note", "contend", "assert", "claim", "testify", "recommend", "warn", "observe", "acknowledge",
        "explain", "announce", "describe", "characterize", "maintain", "emphasize", "highlight", "express", "suggest", "predict", "allege",
        "question", "criticize", "oppose", "support", "urge", "call", "cite", "write", "tell", "believe", "expect", "anticipate", "consider",
        "concur", "dissent", "reason", "refer", "raise", "insist", "stress", "point", "agree", "disagree", "respond", "reply", "confirm",
        "deny", "reject", "admit", "caution", "advocate", "forecast", "calculate", "assess", "judge", "deem", "view", "recognize", "justify",
        "contest", "dispute", "challenge", "declare", "proclaim", "vow", "pledge", "promise", "signal", "reveal", "disclose", "stipulate",
        "opine", "reiterate", "underscore", "affirm", "clarify", "counter", "concede", "assert", "speculate", "worry", "fear", "hope",
    };

    private static readonly Dictionary<string, string> IrregularForms = new(StringComparer.Ordinal)
    {
        ["said"] = "say", ["found"] = "find", ["held"] = "hold", ["shown"] = "show", ["told"] = "tell", ["wrote"] = "write", ["written"] = "write",
        ["forecast"] = "forecast",
    };

    /// <summary>The lemma of <paramref name="word"/> when it is a form of a reporting verb (said, finds, estimated, argues), else null.</summary>
    public static string? ReportingLemma(string word)
    {
        if (IrregularForms.TryGetValue(word, out string? irregular))
        {
            return ReportingLemmas.Contains(irregular) ? irregular : null;
        }

        if (ReportingLemmas.Contains(word))
        {
            return word;
        }

        foreach (string candidate in Stems(word))
        {
            if (ReportingLemmas.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static IEnumerable<string> Stems(string w)
    {
        if (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal))
        {
            yield return w[..^3] + "y";
        }

        if (w.EndsWith("es", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal))
        {
            yield return w[..^2];
            yield return w[..^1];
        }
        else if (w.EndsWith('s'))
        {
            yield return w[..^1];
        }

        if (w.EndsWith("ing", StringComparison.Ordinal))
        {
            yield return w[..^3];
            yield return w[..^3] + "e";
        }
    }

    /// <summary>
    /// The kind of source in the clause before token <paramref name="at"/> (up to eight tokens back, stopping at a
    /// comma, semicolon, colon or parenthesis): the document itself wins over a name ("CRS calculated", "Table 2
    /// indicates"), a name or acronym over a source noun, a source noun over a pronoun, and unnamed people count as vague.
    /// </summary>
    public static SourceKind SourceBefore(ReadOnlySpan<Token> tokens, int at)
    {
        if (EpistemicFeatures.AcronymSubject(tokens, at))
        {
            // "The Government Accountability Office (GAO) estimated": the name's short form (thirty-third round).
            return SourceKind.Named;
        }

        SourceKind best = SourceKind.None;
        for (int i = at - 1; i >= 0 && i >= at - 8; i--)
        {
            Token t = tokens[i];
            if (t.Text is "," or ";" or ":" or "(" or ")")
            {
                break;
            }

            if (t.Kind != TokenKind.Word)
            {
                continue;
            }

            SourceKind kind = SelfWords.Contains(t.Lower) ? SourceKind.Self
                : (t.IsCapitalized && i > 0) || (t.Text.Length > 1 && t.Text.All(char.IsUpper)) ? SourceKind.Named
                : VagueWords.Contains(t.Lower) ? SourceKind.Vague
                : Pronouns.Contains(t.Lower) ? SourceKind.Pronoun
                : EpistemicFeatures.IsSourceNoun(t.Lower) ? SourceKind.Noun
                : SourceKind.None;
            best = Rank(kind) > Rank(best) ? kind : best;
        }

        return best;
    }

    private static int Rank(SourceKind k) => k switch
    {
        SourceKind.Self => 5,
        SourceKind.Named => 4,
        SourceKind.Vague => 3,
        SourceKind.Noun => 2,
        SourceKind.Pronoun => 1,
        _ => 0,
    };

    /// <summary>The first reporting verb outside quotation marks with a source of <paramref name="kind"/> other than the document before it, or -1.</summary>
    public static int FirstSourcedReport(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> quoted)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            if (quoted[i] || tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            if (tokens[i].Lower == "according" && i + 1 < tokens.Length && tokens[i + 1].Lower == "to")
            {
                return i;
            }

            if (ReportingLemma(tokens[i].Lower) is not null && SourceBefore(tokens, i) is SourceKind.Named or SourceKind.Noun or SourceKind.Pronoun)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Finite forms of the verbs by which evidence reports ("data indicate", "the study found", "projections show").</summary>
    private static readonly HashSet<string> EvidenceVerbs = new(StringComparer.Ordinal)
    {
        "indicate", "indicates", "indicated", "show", "shows", "showed", "find", "finds", "found", "reveal", "reveals", "revealed",
        "demonstrate", "demonstrates", "demonstrated", "confirm", "confirms", "confirmed",
    };

    /// <summary>Nouns of evidence that can be the source of a report (polls and surveys left out: CRS reads sentences about them asserted).</summary>
    private static readonly HashSet<string> EvidenceNouns = new(StringComparer.Ordinal)
    {
        "data", "projection", "projections", "estimate", "estimates", "result", "results", "study", "studies", "analysis", "analyses",
        "research", "evidence", "findings", "figures", "statistics", "report", "reports", "review", "audit", "evaluation", "evaluations",
        "records",
    };

    /// <summary>
    /// Evidence as the source: the first token outside quotation marks that is a finite indicate / show / find / reveal /
    /// demonstrate / confirm whose subject is a noun of evidence ("Congressional Budget Office (CBO) projections indicate a
    /// shortfall", "FY2024 grantee data indicate that", "The results of these studies largely indicated", "The IRS data, released
    /// in August 2024, show that"), else -1. Going back from the verb it skips at most four adverbs (-ly, also, further,
    /// likewise, both, all) and have/has/had, and once a parenthetical set off by commas (back to the previous comma within
    /// twelve tokens); the word reached must be the noun, so "studies that found", "the data could show" and "data appear to
    /// show" do not count. Each verb looks back at most 18 tokens.
    /// </summary>
    public static int EvidenceReport(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> quoted)
    {
        for (int i = 1; i < tokens.Length; i++)
        {
            if (quoted[i] || tokens[i].Kind != TokenKind.Word || !EvidenceVerbs.Contains(tokens[i].Lower))
            {
                continue;
            }

            int j = i - 1;
            int skipped = 0;
            bool parenthetical = false;
            while (j >= 0)
            {
                string w = tokens[j].Lower;
                if (skipped < 4 && tokens[j].Kind == TokenKind.Word && (w is "also" or "further" or "likewise" or "both" or "all" or "have" or "has" or "had" || (w.Length > 3 && w.EndsWith("ly", StringComparison.Ordinal))))
                {
                    skipped++;
                    j--;
                    continue;
                }

                if (w == "," && !parenthetical)
                {
                    parenthetical = true;
                    int k = j - 1;
                    while (k >= 0 && k >= j - 12 && tokens[k].Text != ",")
                    {
                        k--;
                    }

                    if (k < 0 || k < j - 12)
                    {
                        break;
                    }

                    j = k - 1;
                    continue;
                }

                break;
            }

            if (j >= 0 && tokens[j].Kind == TokenKind.Word && !quoted[j] && EvidenceNouns.Contains(tokens[j].Lower))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Forms of the verbs by which a court gives its holding ("held that", "concluded, …", "rejected the argument").</summary>
    private static readonly HashSet<string> RulingVerbs = new(StringComparer.Ordinal)
    {
        "held", "holds", "hold", "ruled", "rules", "concluded", "concludes", "found", "finds", "determined", "determines", "reasoned",
        "reasons", "decided", "decides", "explained", "explains", "observed", "observes", "noted", "notes", "stated", "states",
        "interpreted", "interprets", "construed", "construes", "rejected", "rejects",
    };

    /// <summary>Of <see cref="RulingVerbs"/>, those whose holding is their object ("rejected the argument", "has interpreted Section 2 … to require").</summary>
    private static readonly HashSet<string> RulingObjectVerbs = new(StringComparer.Ordinal)
    {
        "interpreted", "interprets", "construed", "construes", "rejected", "rejects",
    };

    /// <summary>Nouns that name a court or its bench ("the Court", "the Eleventh Circuit", "one court", "the judge", "a divided panel").</summary>
    private static readonly HashSet<string> CourtNouns = new(StringComparer.Ordinal)
    {
        "court", "courts", "circuit", "circuits", "judge", "judges", "justice", "justices", "panel", "panels", "tribunal", "tribunals",
        "magistrate",
    };

    /// <summary>
    /// A court's holding: the first token outside quotation marks that is a ruling verb (held, ruled, concluded, found,
    /// determined, reasoned, decided, explained, observed, noted, stated; interpreted, construed, rejected) whose subject is a
    /// court ("The Eleventh Circuit held that", "Courts have held, for example, that", "Moreover, one court held, it is …",
    /// "This, the Court concluded, likely violated", "The Supreme Court has interpreted Section 2 … to require", "Justice Alito
    /// wrote …" is not one: "wrote" is no ruling verb), else -1. The verb's complement must be a clause: "that", a comma, a colon or a dash
    /// after it; interpreted / construed / rejected take their object (a word after them). Going back from the verb it skips at
    /// most four adverbs (-ly, also, further, then, subsequently, ultimately, again) and have/has/had; the word reached must be a
    /// court noun, or a name after "Justice" or "Judge". A court under a condition or a question ("If the Court rules that",
    /// "how the Court rules", "whether courts hold") or after a modal ("courts may find") does not count, nor an act without a
    /// clause ("the panel held Pagliano in contempt", "to hold a legislative hearing"). Each verb looks back at most eight tokens.
    /// </summary>
    public static int CourtRuling(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> quoted)
    {
        for (int i = 1; i < tokens.Length; i++)
        {
            if (quoted[i] || tokens[i].Kind != TokenKind.Word || !RulingVerbs.Contains(tokens[i].Lower))
            {
                continue;
            }

            if (i + 1 >= tokens.Length)
            {
                continue;
            }

            Token next = tokens[i + 1];
            bool clause = next.Lower == "that" || next.Text is "," or ":" or "\u2014" or "--";
            bool objectTaken = RulingObjectVerbs.Contains(tokens[i].Lower) && next.Kind == TokenKind.Word;
            if (!clause && !objectTaken)
            {
                continue;
            }

            int j = i - 1;
            int skipped = 0;
            while (j >= 0 && skipped < 4 && tokens[j].Kind == TokenKind.Word && !quoted[j])
            {
                string w = tokens[j].Lower;
                if (w is "also" or "further" or "then" or "subsequently" or "ultimately" or "again" or "have" or "has" or "had"
                    || (w.Length > 3 && w.EndsWith("ly", StringComparison.Ordinal)))
                {
                    skipped++;
                    j--;
                    continue;
                }

                break;
            }

            if (j < 0 || tokens[j].Kind != TokenKind.Word || quoted[j])
            {
                continue;
            }

            bool court = CourtNouns.Contains(tokens[j].Lower)
                || (tokens[j].IsCapitalized && j > 0 && tokens[j - 1].Lower is "justice" or "judge");
            if (!court)
            {
                continue;
            }

            bool conditional = false;
            for (int k = j - 1; k >= 0 && k >= j - 6; k--)
            {
                string w = tokens[k].Lower;
                if (tokens[k].Text is "," or ";" or ":" or "(" or ")")
                {
                    break;
                }

                if (w is "if" or "whether" or "how" or "unless" or "until" or "once" or "when" or "whenever")
                {
                    conditional = true;
                    break;
                }
            }

            if (!conditional)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The scope features of one sentence: every modal's subject and verb group, every reporting verb's source, and the cues inside reported content.</summary>
    public static void AddFeatures(List<(string Name, float Value)> f, ReadOnlySpan<Token> tokens, StanceEvidence evidence)
    {
        Dictionary<(string, string, string?, string?), string>? names = null;
        AddFeatures(f, tokens, evidence, ref names);
    }

    /// <summary>The same, sharing the strings of repeated names with the sentence's other features (<see cref="EpistemicFeatures.Add"/>).</summary>
    internal static void AddFeatures(List<(string Name, float Value)> f, ReadOnlySpan<Token> tokens, StanceEvidence evidence, ref Dictionary<(string, string, string?, string?), string>? names)
    {
        ReadOnlySpan<bool> quoted = evidence.Quoted;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (quoted[i] || tokens[i].Kind != TokenKind.Word)
            {
                continue;
            }

            string w = tokens[i].Lower;
            if (ModalWords.Contains(w))
            {
                string subject = SubjectClass(tokens, i);
                (string verb, bool negated) = VerbClass(tokens, i);
                EpistemicFeatures.Add(f, ref names, 1, "modal:", w, subject);
                EpistemicFeatures.Add(f, ref names, 1, "modal:", w, "v", verb);
                EpistemicFeatures.Add(f, ref names, 1, "modal:", w, subject, verb);
                EpistemicFeatures.Add(f, ref names, 1, "modal:", subject, verb);
                if (negated)
                {
                    EpistemicFeatures.Add(f, ref names, 1, "modal:", w, "not", verb);
                }
            }

            if (BeliefReading(tokens, i) is { } belief)
            {
                EpistemicFeatures.Add(f, ref names, 1, "belief:", belief);
            }

            if (ReportingLemma(w) is { } lemma)
            {
                SourceKind source = SourceBefore(tokens, i);
                string kind = source.ToString().ToLowerInvariant();
                int third = i * 3 < tokens.Length ? 0 : i * 3 < 2 * tokens.Length ? 1 : 2;
                EpistemicFeatures.Add(f, ref names, 1, "report:", kind);
                EpistemicFeatures.Add(f, ref names, 1, "report:", kind, lemma);
                EpistemicFeatures.Add(f, ref names, 1, "report:", kind, Pos[third]);
            }
        }

        if (EvidenceReport(tokens, quoted) >= 0)
        {
            f.Add(("report:evidence", 1));
        }

        if (CourtRuling(tokens, quoted) >= 0)
        {
            f.Add(("report:court", 1));
        }

        int report = FirstSourcedReport(tokens, quoted);
        if (report < 0)
        {
            return;
        }

        f.Add(("sourced-report", 1));
        foreach (CueHit h in evidence.Hits)
        {
            if (h.Kind is StanceCueKind.Hedge or StanceCueKind.Prescription)
            {
                // A hedge or prescription after a source's reporting verb is the source's ("the Court concluded that it likely…").
                EpistemicFeatures.Add(f, ref names, 1, h.Token > report ? "inside-report:" : "before-report:", h.Kind.ToString());
            }
        }
    }

    /// <summary>
    /// The strength of the hedges that are not part of a prescription (noisy-or, as <see cref="CueScores.Hedge"/>): a hedge
    /// cue whose words belong to a prescription cue ("may" in "Congress may wish to consider", "could" in "could require"),
    /// a possibility modal whose subject is a policy actor ("Congress also might evaluate", "Members could"), and a question
    /// after either ("Congress may consider whether…", "lawmakers might examine whether…") put an option to the reader:
    /// they are the prescription, not a hedge on it. So is every hedge cue inside an option put to a policy actor
    /// (<see cref="PolicyOption"/>): "Congress may consider the potential effects of …", "Congress might evaluate how … market
    /// participants might respond" — the option's content, what Congress is asked to weigh, not the author's doubt; a hedge
    /// after the option's clause ends ("…, which may reduce costs", "although it may be constrained") still counts. What the
    /// hedged mark adds for a sentence tagged otherwise.
    /// </summary>
    public static double HedgeOutsidePrescription(ReadOnlySpan<Token> tokens, StanceEvidence evidence) =>
        HedgeOutsidePrescription(tokens, evidence, PolicyOption(tokens, evidence));

    /// <summary>The same, given the sentence's <see cref="PolicyOption"/> (found once for both marks).</summary>
    public static double HedgeOutsidePrescription(ReadOnlySpan<Token> tokens, StanceEvidence evidence, (int Start, int End) policyOption)
    {
        (int optionStart, int optionEnd) = policyOption;
        int option = int.MaxValue;
        foreach (CueHit h in evidence.Hits)
        {
            if (h.Kind == StanceCueKind.Prescription || IsPolicyModal(tokens, h))
            {
                option = Math.Min(option, h.Token);
            }
        }

        double hedge = 0;
        PrescriptionSpans prescriptions = PrescriptionSpans.Of(evidence.Hits);
        foreach (CueHit h in evidence.Hits)
        {
            if (h.Kind != StanceCueKind.Hedge || prescriptions.Overlaps(h.Token, h.Token + h.Length) || IsPolicyModal(tokens, h) || (h.Token > optionStart && h.Token < optionEnd)
                || (h.Token > option && h.Words is "whether" or "whether or not" or "consider" or "considers"))
            {
                continue;
            }

            hedge = 1 - ((1 - hedge) * (1 - h.Weight));
        }

        return hedge;
    }

    /// <summary>
    /// The strength of the attribution cues outside an option put to a policy actor (noisy-or, as <see cref="CueScores.Attribution"/>,
    /// with the quotation unless it opens inside the option): "Congress may examine actual and estimated spending levels reported
    /// for FY2025", "Congress could consider the economic impact … beyond the results reported in the benefit-cost analysis" ask
    /// Congress to weigh what a source reported; the author recommends, nobody is quoted. What the attributed mark adds for a
    /// sentence tagged otherwise; the cue strength itself where the sentence has no such option.
    /// </summary>
    public static double AttributionOutsideOption(ReadOnlySpan<Token> tokens, StanceEvidence evidence) =>
        AttributionOutsideOption(evidence, PolicyOption(tokens, evidence));

    /// <summary>The same, given the sentence's <see cref="PolicyOption"/> (found once for both marks).</summary>
    public static double AttributionOutsideOption(StanceEvidence evidence, (int Start, int End) policyOption)
    {
        (int start, int end) = policyOption;
        if (start == int.MaxValue)
        {
            return evidence.Scores.Attribution;
        }

        double attribution = 0;
        foreach (CueHit h in evidence.Hits)
        {
            if (h.Kind == StanceCueKind.Attribution && !(h.Token > start && h.Token < end))
            {
                attribution = 1 - ((1 - attribution) * (1 - h.Weight));
            }
        }

        int firstQuoted = Array.IndexOf(evidence.Quoted, true);
        return evidence.Scores.Quotation > 0 && firstQuoted >= 0 && !(firstQuoted > start && firstQuoted < end)
            ? 1 - ((1 - attribution) * (1 - evidence.Scores.Quotation))
            : attribution;
    }

    /// <summary>
    /// An option put to a policy actor: its first token, a modal outside quotation marks whose subject is a policy actor
    /// ("Congress could require", "Members may wish to", "lawmakers should") or a prescription cue with such a subject, and
    /// the end of its clause (", which", although, though, but, because, while, since, a semicolon; else the sentence's end).
    /// The tokens between are the option's content. (<see cref="int.MaxValue"/>, <see cref="int.MaxValue"/>) if the sentence has none.
    /// </summary>
    public static (int Start, int End) PolicyOption(ReadOnlySpan<Token> tokens, StanceEvidence evidence)
    {
        int option = int.MaxValue;
        ReadOnlySpan<bool> quoted = evidence.Quoted;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!quoted[i] && tokens[i].Kind == TokenKind.Word && OptionModals.Contains(tokens[i].Lower) && SubjectClass(tokens, i) == "policy")
            {
                option = i;
                break;
            }
        }

        foreach (CueHit h in evidence.Hits)
        {
            if (h.Kind == StanceCueKind.Prescription && h.Token < option && SubjectClass(tokens, h.Token) == "policy")
            {
                option = h.Token;
            }
        }

        if (option == int.MaxValue)
        {
            return (int.MaxValue, int.MaxValue);
        }

        for (int i = option + 1; i < tokens.Length; i++)
        {
            string w = tokens[i].Lower;
            if (w is ";" or "although" or "though" or "but" or "because" or "while" or "since" || (w == "which" && tokens[i - 1].Text == ","))
            {
                return (option, i);
            }
        }

        return (option, tokens.Length);
    }

    private static bool IsPolicyModal(ReadOnlySpan<Token> tokens, CueHit h) =>
        h.Kind == StanceCueKind.Hedge && h.Words is "may" or "might" or "could" && SubjectClass(tokens, h.Token) == "policy";

    /// <summary>
    /// The token spans of a sentence's prescription cues, to ask whether a hedge overlaps one in O(log n): a hedge
    /// [start, end) overlaps a prescription [p, q) when p &lt; end and start &lt; q, so it is enough to know the
    /// furthest end among the prescriptions starting before <c>end</c>. (Each hedge scanned every cue: a sentence of
    /// n hedges was O(n²), "may" × 40,000 took 45 s.)
    /// </summary>
    internal readonly struct PrescriptionSpans
    {
        private readonly int[] starts;   // sorted
        private readonly int[] maxEnds;  // maxEnds[k]: the furthest end among starts[0..k]

        private PrescriptionSpans(int[] starts, int[] maxEnds)
        {
            this.starts = starts;
            this.maxEnds = maxEnds;
        }

        public static PrescriptionSpans Of(IReadOnlyList<CueHit> hits)
        {
            var spans = new List<(int Start, int End)>();
            foreach (CueHit p in hits)
            {
                if (p.Kind == StanceCueKind.Prescription)
                {
                    spans.Add((p.Token, p.Token + p.Length));
                }
            }

            spans.Sort();
            int[] starts = new int[spans.Count];
            int[] maxEnds = new int[spans.Count];
            for (int k = 0; k < spans.Count; k++)
            {
                starts[k] = spans[k].Start;
                maxEnds[k] = Math.Max(spans[k].End, k > 0 ? maxEnds[k - 1] : int.MinValue);
            }

            return new PrescriptionSpans(starts, maxEnds);
        }

        /// <summary>Whether some prescription overlaps the tokens [<paramref name="start"/>, <paramref name="end"/>).</summary>
        public bool Overlaps(int start, int end)
        {
            if (starts is null || starts.Length == 0)
            {
                return false;
            }

            // The last prescription starting before end.
            int lo = 0;
            int hi = starts.Length - 1;
            int last = -1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] < end)
                {
                    last = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return last >= 0 && maxEnds[last] > start;
        }
    }

    /// <summary>Verbs of belief whose passive or participle reports a view held by people at large ("is widely considered", "regarded as one of").</summary>
    private static readonly HashSet<string> BeliefVerbs = new(StringComparer.Ordinal) { "considered", "regarded", "thought", "believed", "viewed", "seen" };

    /// <summary>Adverbs of how widely or how long a view is held ("widely considered", "once thought"); not "generally", which in law text classifies ("are generally considered gifts for purposes of the federal gift tax").</summary>
    private static readonly HashSet<string> PrevalenceAdverbs = new(StringComparer.Ordinal)
    {
        "widely", "commonly", "popularly", "traditionally", "universally", "often", "frequently", "sometimes", "once", "broadly", "historically",
    };

    /// <summary>People at large as the holders of a view ("considered by many", "by some critics", "by most investors").</summary>
    private static readonly HashSet<string> Holders = new(StringComparer.Ordinal)
    {
        "some", "many", "most", "others", "critics", "experts", "scholars", "historians", "observers", "analysts", "commentators", "fans",
        "people", "researchers", "economists", "reviewers",
    };

    /// <summary>Superlatives of judgement after "the" or a possessive ("considered the best", "his finest work"); not measures ("the highest risk").</summary>
    private static readonly HashSet<string> Evaluative = new(StringComparer.Ordinal)
    {
        "most", "least", "best", "worst", "greatest", "finest", "foremost", "strongest", "leading", "premier",
    };

    /// <summary>Words after "considered" that make it a classification under a rule ("considered eligible", "in good condition if", "for purposes of").</summary>
    private static readonly HashSet<string> RuleWords = new(StringComparer.Ordinal) { "if", "eligible", "ineligible", "pursuant", "purposes", "condition", "unless" };

    /// <summary>
    /// How a passive or participial verb of belief at <paramref name="at"/> reads (issue 10's hedge bar, twenty-fifth round):
    /// "widely-held" when a view is held by people at large — an adverb of prevalence before it ("is widely considered", "was
    /// once thought"), unnamed people as its agent ("considered by many"), or "one of" or a superlative of judgement after it
    /// ("is considered one of the", "considered the best", "considered to be the finest") — which wiki and FactBank label
    /// uncertain and CRS hedged; "by-rule" when "considered" classifies under a rule — a condition, eligibility or a purpose
    /// after it ("a bridge is considered in good condition if", "are considered eligible", "considered unemployed for the
    /// purposes of"), which CRS labels asserted. Since the twenty-sixth round, an active verb of belief whose holders are
    /// unnamed ("some think", "many cosmologists thought", "others view them as", "what they see as") is "widely-held" too
    /// (<see cref="HeldByUnnamed"/>). Null for an active verb with "have" and a named or no holder ("courts have
    /// considered"), a verb that is no verb of belief, and a belief verb in neither class. Bounded: six tokens back, eight
    /// ahead, and the sentence's rest for a rule word.
    /// </summary>
    public static string? BeliefReading(ReadOnlySpan<Token> tokens, int at)
    {
        string w = tokens[at].Lower;
        if (ActiveBeliefVerbs.Contains(w) && HeldByUnnamed(tokens, at))
        {
            return "widely-held";
        }

        if (!BeliefVerbs.Contains(w))
        {
            return null;
        }

        int j = at - 1;
        bool prevalence = false;
        while (j >= 0 && at - j <= 6 && tokens[j].Kind == TokenKind.Word && (Adverbs.Contains(tokens[j].Lower) || PrevalenceAdverbs.Contains(tokens[j].Lower) || tokens[j].Lower is "long" or "currently"))
        {
            prevalence |= PrevalenceAdverbs.Contains(tokens[j].Lower);
            j--;
        }

        string before = j >= 0 ? tokens[j].Lower : "<s>";
        if (before is "has" or "have" or "had" or "having" or "'ve" or "'d")
        {
            return null;
        }

        bool passive = before is "is" or "are" or "was" or "were" or "be" or "been" or "being" or "'s" or "'re" or "<s>" or "," or "and" or "who" or "which" or "what" or "that";
        string a0 = Word(tokens, at + 1), a1 = Word(tokens, at + 2), a2 = Word(tokens, at + 3), a3 = Word(tokens, at + 4);
        if (w is "seen" or "viewed" && a0 is not ("as" or "by"))
        {
            // "dolphins are often seen in the river": seeing, not a view.
            return null;
        }

        if (w is "seen" or "viewed" or "regarded" && a0 == "as")
        {
            // "seen as", "regarded as one of": the view's content follows "as".
            (a0, a1, a2, a3) = (a1, a2, a3, Word(tokens, at + 5));
        }

        if ((prevalence && passive)
            || (a0 == "by" && (Holders.Contains(a1) || (a1 is "a" or "the" && a2 is "many" or "most" or "some"))))
        {
            return "widely-held";
        }

        if (a0 == "to" && a1 == "be")
        {
            (a0, a1) = (a2, a3);
        }

        if ((a0 == "one" && a1 == "of") || (a0 is "the" or "his" or "her" or "its" or "their" && Evaluative.Contains(a1)))
        {
            return "widely-held";
        }

        if (w == "considered" && passive)
        {
            int end = Math.Min(tokens.Length, at + 1 + 64);
            for (int k = at + 1; k < end; k++)
            {
                string r = tokens[k].Lower;
                if (RuleWords.Contains(r) || (r == "under" && k == at + 1))
                {
                    return "by-rule";
                }
            }
        }

        return null;
    }

    private static string Word(ReadOnlySpan<Token> tokens, int i) => i < tokens.Length ? tokens[i].Lower : "</s>";

    /// <summary>Active verbs of belief (twenty-sixth round): "some think", "many regarded … as", "what they see as".</summary>
    private static readonly HashSet<string> ActiveBeliefVerbs = new(StringComparer.Ordinal)
    {
        "think", "thought", "believe", "believed", "consider", "considered", "regard", "regarded", "view", "viewed", "see", "saw", "feel", "felt",
        "attribute", "attributed",
    };

    /// <summary>Quantifiers that make a plural noun after them unnamed holders ("many cosmologists", "some astrologers", "most Americans").</summary>
    private static readonly HashSet<string> HolderQuantifiers = new(StringComparer.Ordinal) { "some", "many", "most" };

    /// <summary>What "consider" deliberates over rather than judges ("some Members considered legislation", "consider whether").</summary>
    private static readonly HashSet<string> DeliberationObjects = new(StringComparer.Ordinal)
    {
        "whether", "how", "legislation", "bill", "bills", "options", "option", "proposals", "proposal", "changes", "ways", "measures", "amendments",
        "the", "a", "an", "this", "these", "that",
    };

    /// <summary>Words that open the content of a felt view ("felt that", "felt the show took …"), not a sensation ("felt pain").</summary>
    private static readonly HashSet<string> FeltOpeners = new(StringComparer.Ordinal)
    {
        "that", "it", "he", "she", "they", "we", "the", "this", "there", "his", "her", "their",
    };

    /// <summary>
    /// Whether the active verb of belief at <paramref name="at"/> reports a view held by unnamed people (twenty-sixth round,
    /// the active counterpart of "widely-held"): its subject, adverbs and "have" skipped, is unnamed holders ("some", "many",
    /// "others", "critics", "people", "a number") or a plural noun after some/many/most ("many cosmologists thought",
    /// "many Vietnamese regarded"), or it is a relative "what" + pronoun or holder ("what they see as", "what he considered
    /// his land"). "see", "saw", "view", "regard" need "as" within eight tokens after ("some see him as", not "some saw the
    /// film"), "attribute" "to" within twelve ("many attribute the rise in … imports to …"); "consider" no deliberation ("some consider whether", "many considered the bill"); "feel", "felt" a clause
    /// after ("felt that", "felt the show took"), not a sensation. Wiki and FactBank label such views uncertain (doxastic),
    /// CRS hedged ("hearsay without an identifiable source"). Bounded: four tokens back, twelve ahead.
    /// </summary>
    private static bool HeldByUnnamed(ReadOnlySpan<Token> tokens, int at)
    {
        int j = at - 1;
        bool perfect = false;
        while (j >= 0 && at - j <= 4 && tokens[j].Kind == TokenKind.Word
            && (Adverbs.Contains(tokens[j].Lower) || PrevalenceAdverbs.Contains(tokens[j].Lower) || tokens[j].Lower is "have" or "had" or "long" or "still" or "do" or "did" or "would"))
        {
            perfect |= tokens[j].Lower is "have" or "had";
            j--;
        }

        if (j < 0 || tokens[j].Kind != TokenKind.Word)
        {
            return false;
        }

        string subject = tokens[j].Lower;
        string before = j > 0 ? tokens[j - 1].Lower : "<s>";
        bool relative = before == "what" && (Pronouns.Contains(subject) || subject is "we" or "you" || Holders.Contains(subject));
        bool holders = relative
            || Holders.Contains(subject)
            || (subject == "number" && before == "a")
            || (HolderQuantifiers.Contains(before) && !HolderQuantifiers.Contains(subject) && !Pronouns.Contains(subject) && subject.Length > 2
                && (subject.EndsWith('s') || tokens[j].IsCapitalized));
        if (!holders)
        {
            return false;
        }

        string w = tokens[at].Lower;
        string a0 = Word(tokens, at + 1);
        if (w is "see" or "saw" or "view" or "viewed" or "regard" or "regarded" or "attribute" or "attributed")
        {
            // "some see him as", "what they see as", "many attribute the rise … to"; not "some saw the film".
            bool attribute = w.StartsWith("attribut", StringComparison.Ordinal);
            string link = attribute ? "to" : "as";
            for (int k = at + 1; k < tokens.Length && k <= at + (attribute ? 12 : 8); k++)
            {
                if (tokens[k].Lower == link)
                {
                    return true;
                }
            }

            return false;
        }

        if (w is "consider" or "considered")
        {
            // "some consider it a comet", "what they consider a … corporation"; not "many considered the bill", "consider whether".
            // "Some states have considered or imposed limits" acts, as "courts have considered" does.
            return relative || !(perfect || DeliberationObjects.Contains(a0) || a0.EndsWith("ing", StringComparison.Ordinal));
        }

        if (w is "feel" or "felt")
        {
            return FeltOpeners.Contains(a0);
        }

        // "some thought the game was tasteless", "many believe that"; not the noun ("gave it some thought.", "some thought about").
        return Word(tokens, at + 1) is not ("</s>" or "." or "," or ";" or ":" or "of" or "about" or "into" or "on" or "in" or "for" or "and" or "or" or "to" or "was" or "is" or "has");
    }

    /// <summary>The subject class of the modal at <paramref name="modal"/>: the nearest word before it, skipping adverbs.</summary>
    private static string SubjectClass(ReadOnlySpan<Token> tokens, int modal)
    {
        for (int i = modal - 1; i >= 0; i--)
        {
            Token t = tokens[i];
            if (t.Kind != TokenKind.Word)
            {
                return t.Text is "," or ";" or ":" or "(" or ")" ? "<p>" : "<x>";
            }

            string w = t.Lower;
            if (Adverbs.Contains(w))
            {
                continue;
            }

            return PolicyActors.Contains(w) ? "policy"
                : w is "it" or "this" or "that" or "these" or "those" or "which" or "there" ? w is "these" or "those" ? "this" : w
                : Agents.Contains(w) || w.EndsWith("ees", StringComparison.Ordinal) || w.EndsWith("ants", StringComparison.Ordinal) ? "agent"
                : (t.IsCapitalized && i > 0) || (t.Text.Length > 1 && t.Text.All(char.IsUpper)) ? "name"
                : "thing";
        }

        return "<s>";
    }

    /// <summary>The verb group after the modal at <paramref name="modal"/>, skipping adverbs, and whether it is negated.</summary>
    private static (string Class, bool Negated) VerbClass(ReadOnlySpan<Token> tokens, int modal)
    {
        bool negated = false;
        for (int i = modal + 1; i < tokens.Length; i++)
        {
            Token t = tokens[i];
            if (t.Kind != TokenKind.Word && t.Kind != TokenKind.Clitic)
            {
                return ("<p>", negated);
            }

            string w = t.Lower;
            if (w is "not" or "n't" or "never")
            {
                negated = true;
                continue;
            }

            if (Adverbs.Contains(w) || (w.EndsWith("ly", StringComparison.Ordinal) && !LyVerbs.Contains(w)))
            {
                continue;
            }

            if (w is "be")
            {
                string next = i + 1 < tokens.Length ? tokens[i + 1].Lower : string.Empty;
                return (next.EndsWith("ed", StringComparison.Ordinal) || next.EndsWith("en", StringComparison.Ordinal) || next is "held" or "made" or "paid" or "sold" or "set" or "put" or "split" or "found" ? "be-done" : "be", negated);
            }

            return (w is "have" ? "have"
                : Deliberation.Contains(w) ? "deliberate"
                : Acts.Contains(w) ? "act"
                : Effects.Contains(w) ? "effect"
                : "other", negated);
        }

        return ("</s>", negated);
    }
}

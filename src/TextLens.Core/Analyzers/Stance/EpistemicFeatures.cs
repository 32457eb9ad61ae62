using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The context features of the learned epistemic model (feature version <see cref="StanceFeaturizer.EpistemicVersion"/>):
/// each cue match by kind and words with its position, what stands before and after it (a named source before
/// "estimated", a figure after "approximately", "also" before "called", the subject of a modal), whether it is
/// reported, the quotation state of the sentence, the previous sentence (a lead-in, a quotation left open, an
/// attribution, a heading), whether the sentence is a heading, its first words and whether it reads as a
/// description of law ("section", "the Act", "U.S.C."), and the scope of the cues (<see cref="EpistemicScope"/>: each
/// modal's subject and verb group, each reporting verb's source, hedges inside reported content). Named features;
/// <see cref="StanceFeaturizer"/> hashes them.
/// </summary>
public static class EpistemicFeatures
{
    private static readonly HashSet<string> SourceNouns = new(StringComparer.Ordinal)
    {
        "agency", "agencies", "department", "report", "reports", "study", "studies", "analysis", "court", "courts", "committee",
        "commission", "officials", "official", "experts", "analysts", "government", "administration", "survey", "researchers",
        "office", "service", "secretary", "president", "spokesperson", "spokesman", "spokeswoman", "estimate", "estimates",
        "data", "review", "audit", "he", "she", "they", "it", "witnesses", "critics", "proponents", "opponents", "stakeholders",
    };

    private static readonly HashSet<string> LawWords = new(StringComparer.Ordinal)
    {
        "section", "sections", "subsection", "act", "statute", "statutory", "law", "laws", "u.s.c.", "u.s.c", "c.f.r.", "regulation",
        "regulations", "rule", "p.l.", "h.r.", "s.", "paragraph", "clause", "provision", "provisions", "authorizes", "authorized",
        "requires", "required", "requirement", "requirements", "eligible", "eligibility", "program", "programs", "ndaa", "code",
        "title", "pursuant", "amended", "enacted", "applicant", "applicants", "recipients", "grantee", "grantees",
    };

    /// <summary>
    /// Verbs that report what a source said, found, decided or estimated. Not cues (they are not shown as evidence and
    /// many are ordinary verbs elsewhere); features whose weight the model learns, with and without a source before them.
    /// </summary>
    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "stated", "states", "found", "finds", "determined", "determines", "concluded", "concludes", "held", "holds", "ruled",
        "rules", "indicated", "indicates", "showed", "shows", "shown", "identified", "identifies", "estimated", "estimates", "projected",
        "projects", "reported", "reports", "proposed", "proposes", "endorsed", "argued", "argues", "noted", "notes", "contended", "contends",
        "asserted", "asserts", "claimed", "claims", "testified", "recommended", "recommends", "warned", "warns", "observed", "acknowledged",
        "explained", "explains", "announced", "announces", "described", "describes", "characterized", "maintained", "maintains",
        "emphasized", "highlighted", "expressed", "suggested", "suggests", "predicted", "predicts", "alleged", "alleges", "sued",
        "questioned", "criticized", "opposed", "supported", "urged", "called", "cited", "according", "wrote", "writes", "told",
        "believes", "believed", "expects", "expected", "anticipates", "considers", "considered", "concurred", "dissented", "reasoned",
    };

    /// <summary>Words that open an adjunct between a reporting verb and its "that" ("estimated in a 2025 report that", "argues before the Supreme Court that").</summary>
    private static readonly HashSet<string> AdjunctOpeners = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "by", "during", "after", "before", "since", "for", "from", "through", "under", "with", "among", "as", "last", "earlier",
    };

    /// <summary>What ends the search for the "that" of a separated reporting verb: a verb of its own, a clause boundary.</summary>
    private static readonly HashSet<string> NotInAdjunct = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "may", "might", "can", "could", "should",
        "must", "shall", "do", "does", "did", "and", "or", "but", "although", "though", "because", "while", "if", "whether", "which", "who",
        "when", "where", "unless",
    };

    /// <summary>At most this many tokens stand between a reporting verb and its separated "that".</summary>
    internal const int MaxAdjunct = 8;

    /// <summary>
    /// A reporting verb whose "that" stands after an adjunct, said by a named source (thirty-second round of
    /// models/stance-epistemic.md): "ED determined in early 2026 that", "the Government Accountability Office (GAO) estimated in a
    /// 2025 report that", "CBD argued, among other things, that", "CBO projected, in its baseline, that". The verb is lower-case
    /// (not "the League of Arab States by …"), its subject a name as <see cref="StanceCues.NamedEstimateSubject"/> reads it
    /// (an acronym, a parenthesised acronym, two capitalised words, "the" and a source noun); the adjunct opens with a
    /// preposition or an -ly adverb and runs to "that", or stands between commas (", among other things, that"), at most
    /// <see cref="MaxAdjunct"/> tokens, with no punctuation, auxiliary or clause boundary inside; and the "that" does not open a
    /// relative clause ("programs reported in 2024 that were …"); an -ly adverb stands alone before "that" ("states clearly that").
    /// Not a table's or figure's part as subject ("Column C indicates, for example, that"). Bounded: at most
    /// <see cref="MaxAdjunct"/> + 2 tokens forward and three back.
    /// </summary>
    internal static bool SeparatedThat(ReadOnlySpan<Token> tokens, int verb, ReadOnlySpan<bool> quoted)
    {
        if (verb + 2 >= tokens.Length || tokens[verb].IsCapitalized)
        {
            return false;
        }

        string first = tokens[verb + 1].Lower;
        if (first.Length > 3 && first.EndsWith("ly", StringComparison.Ordinal) && tokens[verb + 1].Kind == TokenKind.Word && !quoted[verb + 1])
        {
            // "states clearly that", "noted previously that": the adverb alone, then "that" (not "reported recently on a pen that writes").
            return tokens[verb + 2].Lower == "that" && !quoted[verb + 2] && ThatOpensClause(tokens, verb + 2) && NamedSubject(tokens, verb);
        }

        bool commas = first == ",";
        if (!commas && !AdjunctOpeners.Contains(first))
        {
            return false;
        }

        int end = Math.Min(tokens.Length - 1, verb + MaxAdjunct + 2);
        for (int j = verb + 2; j <= end; j++)
        {
            Token t = tokens[j];
            if (quoted[j])
            {
                return false;
            }

            if (commas && t.Text == ",")
            {
                // ", among other things, that": the closing comma, then "that".
                if (j == verb + 2 || j + 1 >= tokens.Length || tokens[j + 1].Lower != "that" || quoted[j + 1])
                {
                    return false;
                }

                return ThatOpensClause(tokens, j + 1) && NamedSubject(tokens, verb);
            }

            if (t.Lower == "that" && !commas)
            {
                return ThatOpensClause(tokens, j) && NamedSubject(tokens, verb);
            }

            if (t.Lower == "that" || (t.Kind == TokenKind.Punctuation && t.Text is not ("'" or "’" or "-")) || NotInAdjunct.Contains(t.Lower))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The verb's subject is a name (<see cref="StanceCues.NamedEstimateSubject"/>), not a part of a table or figure ("Column C
    /// indicates, for example, that": the document's own exhibit).
    /// </summary>
    private static bool NamedSubject(ReadOnlySpan<Token> tokens, int verb)
    {
        for (int k = verb - 1; k >= 0 && k >= verb - 3; k--)
        {
            if (tokens[k].Lower is "table" or "figure" or "column" or "row" or "chart" or "graph" or "exhibit" or "appendix" or "box" or "map")
            {
                return false;
            }
        }

        return StanceCues.NamedEstimateSubject(tokens, verb);
    }

    /// <summary>The "that" at <paramref name="that"/> opens a reported clause, not a relative one ("that were", "that would").</summary>
    private static bool ThatOpensClause(ReadOnlySpan<Token> tokens, int that) =>
        that + 1 < tokens.Length && !NotInAdjunct.Contains(tokens[that + 1].Lower);

    /// <summary>The named features of one sentence (value 1 unless stated), without the document context.</summary>
    public static List<(string Name, float Value)> Of(ReadOnlySpan<Token> tokens, StanceEvidence evidence, StanceContext context, PreviousSentence previous) =>
        Of(tokens, evidence, context, previous, document: false);

    /// <summary>
    /// The named features of one sentence (value 1 unless stated); with <paramref name="document"/> (a model trained with
    /// `--document-context`) also those of the document it stands in (<see cref="DocumentFeatures"/>).
    /// </summary>
    public static List<(string Name, float Value)> Of(ReadOnlySpan<Token> tokens, StanceEvidence evidence, StanceContext context, PreviousSentence previous, bool document)
    {
        // Room for what a sentence's cues usually add (a cue 7 to 12 features, a modal's scope 4 or 5 more): a long run of
        // cues fills its list without growing it through every power of two (550,000 features: 32 MB of arrays, not 9).
        var f = new List<(string, float)>(FeaturesBesideCues + (FeaturesPerCue * evidence.Hits.Count));
        Dictionary<(string, string, string?, string?), string>? names = null;
        int n = Math.Max(1, tokens.Length);
        bool law = DescribesLaw(tokens);

        if (law)
        {
            f.Add(("law", 1));
        }

        foreach (CueHit h in evidence.Hits)
        {
            string kind = h.Kind.ToString();
            Add(f, ref names, 1, "cue:", kind, h.Words);
            Add(f, ref names, (float)h.Weight, "kind:", kind);
            int bucket = h.Token == 0 ? 0 : h.Token * 3 < n ? 1 : h.Token * 3 < 2 * n ? 2 : 3;
            Add(f, ref names, 1, "pos:", kind, Digit(bucket));
            string before = h.Token > 0 ? Shape(tokens[h.Token - 1]) : "<s>";
            int after = h.Token + h.Length;
            string next = after < tokens.Length ? Shape(tokens[after]) : "</s>";
            Add(f, ref names, 1, "prev:", h.Words, before);
            Add(f, ref names, 1, "next:", h.Words, next);
            if (after < tokens.Length && (tokens[after].Kind == TokenKind.Number || tokens[after].Text is "$" or "US$" or "€" or "£"))
            {
                Add(f, ref names, 1, "figure-after:", kind);
            }

            if (NamedSourceBefore(tokens, h.Token))
            {
                Add(f, ref names, 1, "source:", kind);
                Add(f, ref names, 1, "source:", h.Words);
            }

            if (h.Kind == StanceCueKind.Hedge || h.Kind == StanceCueKind.Prescription)
            {
                // The verb group after a modal tells permission and duty ("may apply", "must submit") from possibility ("may be limited", "may have").
                string next2 = after + 1 < tokens.Length ? Ending(tokens[after + 1]) : "</s>";
                Add(f, ref names, 1, "next2:", h.Words, next, next2);
                Add(f, ref names, 1, "subject:", h.Words, Subject(tokens, h.Token));
            }

            if (h.Reported)
            {
                Add(f, ref names, 1, "reported:", kind);
            }

            if (law)
            {
                Add(f, ref names, 1, "law:", h.Words);
            }
        }

        bool vague = false;
        bool reportingVerb = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            vague |= tokens[i].Lower is "some" or "many" or "others" or "critics" or "observers" or "commentators" or "analysts" or "stakeholders" or "proponents" or "opponents" or "supporters";
            if (ReportingVerbs.Contains(tokens[i].Lower) && !evidence.Quoted[i])
            {
                bool source = NamedSourceBefore(tokens, i);
                reportingVerb = true;
                Add(f, ref names, 1, source ? "report-verb+source:" : "report-verb:", tokens[i].Lower);
                f.Add((source ? "report-verb+source" : "report-verb", 1));
                if ((i + 1 < tokens.Length && tokens[i + 1].Lower == "that") || SeparatedThat(tokens, i, evidence.Quoted))
                {
                    f.Add(("report-verb-that", 1));
                }

                if (vague)
                {
                    // "Some have argued", "many attribute", "described by some": hearsay without an identifiable source.
                    f.Add(("report-verb+vague-source", 1));
                }

                if (i > 0 && tokens[i - 1].Lower is "is" or "are" or "was" or "were" or "be" or "been" or "widely" or "generally" or "often")
                {
                    f.Add(("report-verb-passive", 1));
                }
            }
        }

        // The cue rules' decision, so that where the in-domain data is silent (other genres) the model can follow the rules.
        f.Add(($"rule:{StanceTagger.RuleDecision(evidence.Scores)}", 1));

        string quote = evidence.Scores.Quotation == 0 ? "none" : evidence.ContinuesQuotation ? "continued" : evidence.QuotedWords >= 3 ? "long" : "short";
        f.Add(($"quote:{quote}", 1));
        f.Add(("quoted-share", (float)Math.Min(1, evidence.QuotedWords / (double)n)));
        if (quote == "long" && law && !reportingVerb && !HasAttributionCue(evidence))
        {
            // "The bill authorizes $241 million for "the development, procurement, and integration of …"": the quoted words are a
            // law's, bill's or rule's own text in a description of it, with nobody reported outside the quotation marks (issue
            // 10, twenty-third round). CRS reads most such sentences as asserted, PolNeAR's few as attributed: a feature to weigh.
            f.Add(("quote:law-text", 1));
        }

        if (!previous.Present)
        {
            f.Add(("prev:none", 1));
        }

        if (previous.LeadIn)
        {
            f.Add(("prev:lead-in", 1));
            f.Add(($"prev:lead-in:quote:{quote}", 1));
        }

        if (previous.OpenQuote)
        {
            f.Add(("prev:open-quote", 1));
            f.Add(($"prev:open-quote:quote:{quote}", 1));
        }

        if (previous.Attributed)
        {
            f.Add(("prev:attributed", 1));
        }

        if (previous.Heading)
        {
            f.Add(("prev:heading", 1));
        }

        if (previous.SourcedReport)
        {
            // "According to CRS, … . It also found …": a sentence after a source's report that opens with a pronoun or "also" continues it.
            string opening = tokens.Length == 0 ? "</s>" : tokens[0].Lower is "it" or "they" or "he" or "she" or "the" or "this" or "these" or "its" or "their" ? tokens[0].Lower : "<w>";
            f.Add(("prev:sourced-report", 1));
            f.Add(($"prev:sourced-report:{opening}", 1));
            if (tokens.Length > 3 && (tokens[1].Lower == "also" || tokens[2].Lower == "also"))
            {
                f.Add(("prev:sourced-report:also", 1));
            }
        }

        EpistemicScope.AddFeatures(f, tokens, evidence, ref names);

        if (tokens.Length > 0 && tokens[^1].Text == "?")
        {
            f.Add(("question", 1));
        }

        if (context.Heading)
        {
            f.Add(("heading", 1));
        }

        if (evidence.Figure is not null)
        {
            f.Add(("figure", 1));
        }

        string w0 = tokens.Length > 0 ? tokens[0].Lower : "</s>";
        string w1 = tokens.Length > 1 ? tokens[1].Lower : "</s>";
        f.Add(($"w0:{w0}", 1));
        f.Add(($"w01:{w0}_{w1}", 1));
        if (document && context.Discourse is { } discourse)
        {
            DocumentFeatures(f, evidence, discourse, context.Position);
        }

        return f;
    }

    /// <summary>
    /// Past this many named features a sentence's names are shared (<see cref="Add"/>): its features are a few per cue,
    /// modal and reporting verb, and a long run of them repeats the same few names ("may may may …" of 200 KB: some 600,000
    /// names, a dozen distinct, each built as its own string). No sentence of the analysis-prose data or the CRS reports
    /// comes near it, and the names, their order and their values are the same either way.
    /// </summary>
    internal const int ShareNamesFrom = 256;

    /// <summary>The list's first capacity (<see cref="Of(ReadOnlySpan{Token}, StanceEvidence, StanceContext, PreviousSentence, bool)"/>): these, and so many per cue.</summary>
    private const int FeaturesBesideCues = 32, FeaturesPerCue = 11;

    private static readonly string[] Digits = ["0", "1", "2", "3"];

    /// <summary>
    /// Adds the feature named <paramref name="prefix"/> + <paramref name="a"/> (+ ":" + <paramref name="b"/>, + ":" +
    /// <paramref name="c"/>), with <paramref name="value"/>. Once the list holds <see cref="ShareNamesFrom"/> features, a
    /// name made of the same parts as an earlier one is that one's string, not built again (the same text: the model reads
    /// the same features).
    /// </summary>
    internal static void Add(List<(string Name, float Value)> f, ref Dictionary<(string, string, string?, string?), string>? names, float value, string prefix, string a, string? b = null, string? c = null)
    {
        string name;
        if (f.Count < ShareNamesFrom)
        {
            name = Join(prefix, a, b, c);
        }
        else
        {
            names ??= [];
            if (!names.TryGetValue((prefix, a, b, c), out name!))
            {
                name = names[(prefix, a, b, c)] = Join(prefix, a, b, c);
            }
        }

        f.Add((name, value));
    }

    /// <summary>A name's text: <paramref name="prefix"/> + <paramref name="a"/>, then ":" + <paramref name="b"/> and ":" + <paramref name="c"/> where given.</summary>
    private static string Join(string prefix, string a, string? b, string? c) =>
        b is null ? prefix + a : c is null ? string.Concat(prefix, a, ":", b) : string.Concat([prefix, a, ":", b, ":", c]);

    /// <summary>0–3 as text (a cue's position bucket), as interpolation writes them.</summary>
    private static string Digit(int value) => Digits[value];

    /// <summary>
    /// The document context of sentence <paramref name="i"/> of <paramref name="document"/> (a model trained with
    /// `--document-context`): the document's rates of hedge, attribution, prescription and law cues over its other
    /// sentences, centred on the analysis-prose DEV set's means (so that a sentence without a document reads as an average
    /// one) and scaled, alone and beside the sentence's own hedge and attribution cues (the same "may" reads differently in
    /// a statute's summary and in an analysis of options); and a question in a run of questions that a lead-in opens
    /// ("… concerns that Congress may consider, including the following:" then "Would the rural economy benefit …?"),
    /// which the data set's rows show only for the run's first question. The next sentence and the section's heading were
    /// tried as well and left out (models/stance-epistemic.md).
    /// </summary>
    private static void DocumentFeatures(List<(string, float)> f, StanceEvidence evidence, EpistemicDocument document, int i)
    {
        if (document.QuestionAfterLeadIn(i))
        {
            f.Add(("question:after-lead-in", 1));
        }

        if (document.OthersRates(i) is not { } r)
        {
            return;
        }

        float hedge = (float)((r.Hedge - DocumentHedge) * DocumentScale);
        float attribution = (float)((r.Attribution - DocumentAttribution) * DocumentScale);
        float law = (float)((r.Law - DocumentLaw) * DocumentScale);
        f.Add(("doc:hedge", hedge));
        f.Add(("doc:attribution", attribution));
        f.Add(("doc:prescription", (float)((r.Prescription - DocumentPrescription) * DocumentScale)));
        f.Add(("doc:law", law));
        foreach (CueHit h in evidence.Hits)
        {
            if (h.Kind == StanceCueKind.Hedge)
            {
                f.Add(("doc:law*hedge", law));
                f.Add(("doc:hedge*hedge", hedge));
            }
            else if (h.Kind == StanceCueKind.Attribution)
            {
                f.Add(("doc:attribution*attribution", attribution));
            }
        }
    }

    /// <summary>About the means of the document rates over the analysis-prose DEV set's rows (0.223, 0.213, 0.038, 0.392 over its 2,856 epistemic rows).</summary>
    internal const double DocumentHedge = 0.22, DocumentAttribution = 0.21, DocumentPrescription = 0.04, DocumentLaw = 0.39;

    /// <summary>The centred rates are scaled by this.</summary>
    internal const double DocumentScale = 5;

    /// <summary>An attribution cue outside the quotation marks (the cue rules read none inside them).</summary>
    private static bool HasAttributionCue(StanceEvidence evidence)
    {
        foreach (CueHit h in evidence.Hits)
        {
            if (h.Kind == StanceCueKind.Attribution)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sentence reads as a description of law or of a programme's rules: a word such as "section", "the Act", "U.S.C.", "eligible", "requirements", or "§".</summary>
    public static bool DescribesLaw(ReadOnlySpan<Token> tokens)
    {
        foreach (Token t in tokens)
        {
            if (LawWords.Contains(t.Lower) || t.Text == "§")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A noun that names a source of statements ("agency", "court", "officials", "study").</summary>
    internal static bool IsSourceNoun(string lower) => SourceNouns.Contains(lower);

    /// <summary>
    /// A named source stands before the cue in its clause: a capitalised word after the first, an acronym, or a source noun ("the agency",
    /// "officials"); or, as the verb's subject, a parenthesised acronym, the name's short form (<see cref="AcronymSubject"/>: "The
    /// Government Accountability Office (GAO) estimated"; thirty-third round of models/stance-epistemic.md). Bounded: at most eight tokens back.
    /// </summary>
    internal static bool NamedSourceBefore(ReadOnlySpan<Token> tokens, int cue)
    {
        if (AcronymSubject(tokens, cue))
        {
            return true;
        }

        for (int i = cue - 1; i >= 0 && i >= cue - 8; i--)
        {
            Token t = tokens[i];
            if (t.Text is "," or ";" or ":" or "(" or ")")
            {
                return false;
            }

            if (t.Kind == TokenKind.Word && ((t.IsCapitalized && i > 0) || (t.Text.Length > 1 && t.Text.All(char.IsUpper)) || SourceNouns.Contains(t.Lower)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The subject of the verb at <paramref name="verb"/> ends in a parenthesised acronym, back over at most four adverbs (-ly, also,
    /// further, again, now) and have/has/had: "The Government Accountability Office (GAO) estimated", "the Congressional Budget Office
    /// (CBO) has projected"; not "(DRF) monthly report shows" (another word between). Thirty-third round of models/stance-epistemic.md.
    /// </summary>
    internal static bool AcronymSubject(ReadOnlySpan<Token> tokens, int verb)
    {
        int j = StanceCues.SubjectEnd(tokens, verb);

        return j >= 2 && ParenthesisedAcronymEndsAt(tokens, j) && tokens[j - 1].Lower != "crs";
    }

    /// <summary>
    /// Token <paramref name="i"/> is the ")" of a parenthesised acronym: "(", one token of 2–12 characters, capitals, digits, "&amp;" or
    /// "-", at least one capital and no four digits in a row ("(GAO)", "(CBO)", "(NHCCI)", "(H-2A)"), ")". Not a year ("(2006)", "(FY2026)"), a
    /// letter ("(a)") or a word ("(Uber)").
    /// </summary>
    internal static bool ParenthesisedAcronymEndsAt(ReadOnlySpan<Token> tokens, int i)
    {
        if (i < 2 || tokens[i].Text != ")" || tokens[i - 2].Text != "(")
        {
            return false;
        }

        string a = tokens[i - 1].Text;
        if (a.Length < 2 || a.Length > 12)
        {
            return false;
        }

        bool capital = false;
        int digits = 0;
        foreach (char c in a)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                capital = true;
                digits = 0;
            }
            else if (char.IsAsciiDigit(c))
            {
                if (++digits == 4)
                {
                    return false;
                }
            }
            else if (c is '&' or '-')
            {
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        return capital;
    }

    /// <summary>The word before a modal as its subject's shape: a pronoun or "there" as itself, else a noun's shape.</summary>
    private static string Subject(ReadOnlySpan<Token> tokens, int modal)
    {
        if (modal == 0)
        {
            return "<s>";
        }

        Token t = tokens[modal - 1];
        return t.Lower is "it" or "this" or "these" or "that" or "there" or "they" or "which" or "who" or "congress" or "he" or "she" or "we" or "i" or "you"
            ? t.Lower
            : t.Kind == TokenKind.Word ? (t.IsCapitalized ? "<Cap>" : "<w>") : "<p>";
    }

    /// <summary>A word by its ending (-ed, -en, -ing) or, for short function words, as itself.</summary>
    private static string Ending(Token t) => t.Kind != TokenKind.Word ? "<p>"
        : t.Lower.EndsWith("ed", StringComparison.Ordinal) || t.Lower.EndsWith("en", StringComparison.Ordinal) ? "<ed>"
        : t.Lower.EndsWith("ing", StringComparison.Ordinal) ? "<ing>"
        : t.Lower.Length <= 4 ? t.Lower : "<w>";

    /// <summary>A token as a context word: numbers and capitalised words by shape, other words as themselves.</summary>
    private static string Shape(Token t) => t.Kind switch
    {
        TokenKind.Number => "<num>",
        TokenKind.Word when t.IsCapitalized && t.Text.Length > 1 && t.Text.All(char.IsUpper) => "<ACR>",
        TokenKind.Word when t.IsCapitalized => "<Cap>",
        _ => t.Lower,
    };
}

using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Keywords;

/// <summary>
/// Checks of English grammar that correct the noun-phrase chunks of a greedy tagger where its
/// errors would show as keyphrases: verb forms tagged as nouns at a phrase edge ("This
/// demonstrates Chongryon's role", "Table 1 presents a brief description", "since 2025 affecting
/// bank capital"), two noun phrases run together where a relative clause lost its "that" ("the
/// ways banks are regulated", "how much capital banks are required to hold"), and roman numerals
/// used as category labels ("Category III and IV banks"). Each rule rests on agreement or word
/// order, never on the particular words of a text.
/// </summary>
public static class PhraseGrammar
{
    /// <summary>Subjects that take a verb in -s (he demonstrates, this shows), never a plural noun.</summary>
    private static readonly HashSet<string> SingularSubjects = new(StringComparer.Ordinal) { "it", "he", "she", "this", "who" };

    /// <summary>Words that open a noun phrase; a verb form right before one is a verb taking an object (presents a description).</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "its", "their", "his", "her", "our", "these", "those",
    };

    /// <summary>
    /// The tagger's probability of a verb reading above which a word tagged as a noun right after a
    /// plural noun is taken as the verb of that noun (rules reduce capital, proposals change ...).
    /// </summary>
    public const float AmbiguousVerb = 0.2f;

    /// <summary>The verb probability above which a word after "to" or a list number, before a noun, is taken as a verb.</summary>
    public const float WeakVerb = 0.1f;

    /// <summary>Relative pronouns: an -s form right after one is the verb of the relative clause (that governs methane emissions, that EPA states).</summary>
    private static readonly HashSet<string> RelativePronouns = new(StringComparer.Ordinal) { "that", "which", "who" };

    /// <summary>Verbs of saying in their -s form: after an agency's acronym and before "is"/"are" and a quotation, the agency speaking.</summary>
    private static readonly HashSet<string> SayingVerbs = new(StringComparer.Ordinal)
    {
        "states", "notes", "says", "argues", "asserts", "contends", "claims", "maintains", "finds", "concludes", "writes", "explains",
    };

    /// <summary>Quantifiers of mass nouns (much capital): the noun after them is the head of its phrase, never a modifier of a plural.</summary>
    private static readonly HashSet<string> MassQuantifiers = new(StringComparer.Ordinal) { "much", "little", "less" };

    /// <summary>
    /// True when token <paramref name="t"/>, tagged as a noun or adjective, is a verb in this
    /// context: an -s form right after a singular subject (this demonstrates), a verb form (-s, -ed,
    /// -ing) right before a determiner (presents a), an -s form the tagger finds ambiguous between a
    /// singular noun and a preposition, adverb or determiner (the system consists of), a word the
    /// tagger finds ambiguous right after a plural noun (rules reduce capital), or an -ing form right
    /// after a number or a plural noun, where it opens a participle clause (since 2025 affecting).
    /// </summary>
    public static bool IsVerbInContext(IReadOnlyList<Token> tokens, IReadOnlyList<PartOfSpeech> tags, IReadOnlyList<float> verbProbability, int first, int end, int t) =>
        IsVerbInContext(tokens, tags, verbProbability, VerbForms.None, first, end, t);

    /// <summary>
    /// As <see cref="IsVerbInContext(IReadOnlyList{Token}, IReadOnlyList{PartOfSpeech}, IReadOnlyList{float}, int, int, int)"/>,
    /// with the word forms the document itself uses as verbs: such a form tagged as a noun where a verb
    /// with its object can stand (after "to" or a modal: "intention to issue new waivers"; as an -ing form
    /// after a preposition: "specialize in offering event contracts", where the text also has "from
    /// offering contracts") is that verb, not the first word of a noun phrase.
    /// </summary>
    public static bool IsVerbInContext(IReadOnlyList<Token> tokens, IReadOnlyList<PartOfSpeech> tags, IReadOnlyList<float> verbProbability, VerbForms verbs, int first, int end, int t)
    {
        Token token = tokens[t];
        if (token.Kind != TokenKind.Word || token.IsCapitalized || !tags[t].IsNominal())
        {
            return false;
        }

        string w = token.Lower;
        if (verbProbability[t] >= AmbiguousVerb && t > first && !IsPluralForm(w)
            && tags[t - 1] is PartOfSpeech.Noun or PartOfSpeech.Propn && IsPluralForm(tokens[t - 1].Lower))
        {
            return true;
        }

        // After "to", a modal or a list number ("(2) conduct space operations", "may issue new waivers"), a word the tagger gives
        // any verb reading opens a verb phrase; so does a word the document uses as a verb elsewhere when an adjective and a
        // noun follow it ("intention to issue new waivers"): an adjective never follows a noun modifier inside a noun phrase.
        // ("to end users", "to tax reductions", "access to material nonpublic information" stay noun phrases: "to" is a preposition there.)
        bool infinitiveSlot = t > first
            && (tokens[t - 1].Lower is "to" or "can" or "could" or "may" or "might" or "must" or "shall" or "should" or "will" or "would"
                || (t - 3 >= first && tokens[t - 1].Text == ")" && tokens[t - 2].Kind == TokenKind.Number && tokens[t - 3].Text == "("));
        if (infinitiveSlot && t + 1 < end && tags[t + 1] is PartOfSpeech.Noun or PartOfSpeech.Adj
            && (verbProbability[t] >= WeakVerb
                || (verbs.Contains(w) && tags[t + 1] == PartOfSpeech.Adj && t + 2 < end && tags[t + 2] is PartOfSpeech.Noun)))
        {
            return true;
        }

        // An -ing form after a preposition, before a lower-case noun phrase whose head the document shows it governing as a
        // verb elsewhere: a gerund with its object ("specialize in offering event contracts", where the text also has "from
        // offering contracts"). Nominal -ing words the text also writes as modifiers ("the training data", "our bidding
        // algorithms") stay.
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal) && t > first && tags[t - 1] is PartOfSpeech.Adp or PartOfSpeech.Sconj
            && VerbForms.HeadNoun(tokens, tags, t + 1, end) is { } head && verbs.Governs(w, PhraseStemmer.Stem(tokens[head].Lower)))
        {
            return true;
        }

        bool sForm = IsPluralForm(w);
        // An agency's acronym and an -s form before "that", a quotation or a singular auxiliary: the agency speaking (EPA states
        // that). Before an auxiliary that agrees with a plural or a modal, the -s form is the plural subject ("once regular UC
        // benefits are exhausted", "CBO estimates would").
        // So does a verb of saying before "is" or "are" and a quotation ("circumstances that EPA states are "the result of …"").
        if (sForm && t > first && tokens[t - 1].Text.Length >= 2 && tokens[t - 1].Text.All(char.IsUpper) && t + 1 < end
            && (tokens[t + 1].Lower is "that" or "\"" or "\u201c"
                || (SayingVerbs.Contains(w) && tokens[t + 1].Lower is "is" or "are" && t + 2 < end && tokens[t + 2].Text is "\"" or "\u201c")
                || (tags[t + 1] is PartOfSpeech.Aux && tokens[t + 1].Lower is not ("are" or "were" or "have" or "do" or "can" or "could"
                    or "may" or "might" or "must" or "shall" or "should" or "will" or "would"))))
        {
            return true;
        }

        // An -s form after a relative pronoun or a comma, with a noun phrase after it: the verb and its object
        // (that governs methane emissions, "the M-2 Bradley, which has been in service since 1981, transports infantry").
        if (sForm && t > first && (RelativePronouns.Contains(tokens[t - 1].Lower) || tokens[t - 1].Text == ",")
            && t + 1 < end && tokens[t + 1].Kind == TokenKind.Word && tags[t + 1] is PartOfSpeech.Noun or PartOfSpeech.Adj && !tokens[t + 1].IsCapitalized)
        {
            return true;
        }

        bool edForm = w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal);
        bool ingForm = w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal);
        if (!sForm && !edForm && !ingForm)
        {
            return false;
        }

        Token? previous = t > first ? tokens[t - 1] : null;
        Token? next = t + 1 < end ? tokens[t + 1] : null;
        if (sForm && previous is { } p && SingularSubjects.Contains(p.Lower))
        {
            return true;
        }

        // Written in lower case: a capital 'A' mid-sentence is a variable or the start of an unpunctuated title.
        if (next is { } n && n.Kind == TokenKind.Word && n.Text == n.Lower && Determiners.Contains(n.Lower))
        {
            return true;
        }

        // An -s form the tagger finds plausibly a verb, after a singular noun and before a word that
        // cannot continue or follow a noun phrase as its verb (the system consists of, the attractor varies with).
        if (sForm && verbProbability[t] >= AmbiguousVerb && previous is { } r && tags[t - 1] is PartOfSpeech.Noun or PartOfSpeech.Propn
            && !IsPluralForm(r.Lower) && next is { } m
            && (tags[t + 1] is PartOfSpeech.Adp or PartOfSpeech.Adv or PartOfSpeech.Det or PartOfSpeech.Sconj or PartOfSpeech.Adj
                || (tags[t + 1] == PartOfSpeech.Verb && m.Lower.EndsWith("ing", StringComparison.Ordinal))))
        {
            return true;
        }

        return ingForm && previous is { } q
            && (q.Kind == TokenKind.Number || IsPluralNoun(q, tags[t - 1]));
    }

    /// <summary>
    /// True when a noun phrase must end before token <paramref name="t"/> although both it and the
    /// token before are nominal: a plural noun followed by a noun and then a verb is the head of
    /// its phrase, and the noun the subject of a relative clause without 'that' (the ways banks are
    /// regulated; plural modifiers as in 'sales records', 'savings accounts' stay whole), and after a
    /// quantifier of mass nouns a plural noun does not continue a singular one (how much capital
    /// banks are required to hold).
    /// </summary>
    public static bool BreaksBefore(IReadOnlyList<Token> tokens, IReadOnlyList<PartOfSpeech> tags, int chunkStart, int t)
    {
        Token left = tokens[t - 1];
        Token right = tokens[t];
        if (left.IsCapitalized || right.IsCapitalized || tags[t] != PartOfSpeech.Noun)
        {
            return false;
        }

        if (IsPluralNoun(left, tags[t - 1]) && t + 1 < tokens.Count && tags[t + 1] is PartOfSpeech.Aux or PartOfSpeech.Verb)
        {
            return true;
        }

        return chunkStart > 0 && MassQuantifiers.Contains(tokens[chunkStart - 1].Lower)
            && IsPluralForm(right.Lower) && !IsPluralForm(left.Lower);
    }

    private static bool IsPluralNoun(Token token, PartOfSpeech tag) =>
        tag == PartOfSpeech.Noun && !token.IsCapitalized && IsPluralForm(token.Lower);

    /// <summary>
    /// A word with four or more digits (R47447, IF10211, FY2026): a report number, a year or a
    /// document code, cited rather than discussed. Model names with fewer digits (E15, SM-6) stay.
    /// </summary>
    public static bool IsCode(string text)
    {
        int digits = 0;
        foreach (char c in text)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return digits >= 4;
    }

    /// <summary>A roman numeral of two or more letters (II, IV, XII), written in capitals: a label, not a word.</summary>
    public static bool IsRomanNumeral(string text)
    {
        if (text.Length < 2 || text.Length > 6)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is not ('I' or 'V' or 'X' or 'L'))
            {
                return false;
            }
        }

        // Valid forms only (no IIII, VV, IL): tens, then units.
        ReadOnlySpan<char> s = text;
        int i = 0;
        if (s[i..].StartsWith("XL"))
        {
            i += 2;
        }
        else
        {
            if (s[i..].StartsWith("L"))
            {
                i++;
            }

            for (int k = 0; k < 3 && i < s.Length && s[i] == 'X'; k++)
            {
                i++;
            }
        }

        ReadOnlySpan<char> units = s[i..];
        return units is "" or "I" or "II" or "III" or "IV" or "V" or "VI" or "VII" or "VIII" or "IX";
    }

    /// <summary>
    /// A word that reads as a plural noun or a verb in -s: ends in s, but not in ss, us, is, ics
    /// ews (class, status, analysis, physics, news) nor in 's.
    /// </summary>
    public static bool IsPluralForm(string lower) =>
        lower.Length > 3
        && lower[^1] == 's'
        && !lower.EndsWith("ss", StringComparison.Ordinal)
        && !lower.EndsWith("us", StringComparison.Ordinal)
        && !lower.EndsWith("is", StringComparison.Ordinal)
        && !lower.EndsWith("ics", StringComparison.Ordinal)
        && !lower.EndsWith("ews", StringComparison.Ordinal)
        && !lower.EndsWith("'s", StringComparison.Ordinal);
}

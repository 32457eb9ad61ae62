using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Summary;

/// <summary>
/// Whether a sentence cannot stand without the one before it, so that quoted alone, as a summary shows it, it reads as a
/// fragment: an aside in parentheses ("(This is less than the 2023 Basel Endgame proposal, which would have …"), or the
/// continuation of a lead-in, opening in lower case ("[t]he award of two firm-fixed price contracts …", a quotation set
/// off after "On June 26, 2023, the Army announced"), or an illustration of the point made before it ("For example, if supply
/// chain disruptions prevent a retailer from acquiring new inventory, …"), or a phrase pointing back through a pro-form
/// ("If so,", "Since then,", "In that context,": <see cref="OpensWithProForm"/>). Sentences opening with a demonstrative or
/// a pronoun ("This increase is …", "It has …") lean on their predecessor too, but the summary DEV sets reward them
/// (docs/summary.md), so the summary leaves them alone (theme representatives pass them over:
/// <see cref="OpensWithPronounSubject"/>), and so are other connectives ("However,", "In addition,"), which lower the
/// <c>bbc</c> set.
/// </summary>
public static class SentenceOpening
{
    public static bool LeansOnPrevious(ParsedDocument document, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sentence);
        ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
        if (tokens.Length == 0)
        {
            return false;
        }

        if (tokens[0].Text == "(" || OpensWithExample(tokens) || OpensWithProForm(document, sentence))
        {
            return true;
        }

        // A bracketed alteration opens a quotation mid-sentence: "[t]he award …", "[i]n the event …".
        int first = tokens[0].Text == "[" && tokens.Length > 1 ? 1 : 0;
        return tokens[first].IsWord && StartsInLowerCase(tokens[first].Text);
    }

    /// <summary>
    /// True when the sentence's subject is a pronoun that refers back: a personal pronoun or a demonstrative standing alone,
    /// followed by a verb ("This is especially the case given …", "It has run dozens of schools …", "They were …"). A
    /// demonstrative before a noun ("This increase is …") names what it refers to; an expletive "It is … to / that" does not
    /// refer back ("It is unclear whether …"), nor does "There".
    /// </summary>
    public static bool OpensWithPronounSubject(ParsedDocument document, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sentence);
        ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
        if (tokens.Length < 3 || tokens[0].Lower is not ("this" or "that" or "these" or "those" or "it" or "they" or "he" or "she"))
        {
            return false;
        }

        // The verb right after it; an -s form after a singular subject is its verb even where the tagger reads a noun ("This
        // demonstrates …"), as the keyword grammar reads it; "This analysis", "This process", "This status" are no -s forms.
        bool verb = document.Tags[sentence.FirstToken + 1] is PartOfSpeech.Aux or PartOfSpeech.Verb
            || (tokens[0].Lower is "this" or "that" or "it" or "he" or "she" && tokens[1].IsWord && tokens[1].Text == tokens[1].Lower
                && Keywords.PhraseGrammar.IsPluralForm(tokens[1].Lower));
        if (!verb)
        {
            return false;
        }

        if (tokens[0].Lower == "it")
        {
            // "It is important to note that …", "It is unclear whether …": an expletive subject standing for a clause that follows.
            foreach (Token t in tokens[2..Math.Min(tokens.Length, 6)])
            {
                if (t.Lower is "to" or "that" or "whether" or "how" or "why" or "if")
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// True when the sentence opens with a phrase that points back through a pro-form, set off by a comma: "If so,", "If not,",
    /// "Even so,", "Since then,", "In that context,", "Under this proposal,", "For these reasons,". The phrase opens with a
    /// preposition or a subordinator and holds one of so, not, then, this, that, these, those, such, within its first four
    /// words; "In addition,", "However,", "In 2025," hold none.
    /// </summary>
    public static bool OpensWithProForm(ParsedDocument document, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sentence);
        ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
        if (tokens.Length < 3 || !ProFormOpeners.Contains(tokens[0].Lower))
        {
            return false;
        }

        bool proForm = false;
        for (int i = 1; i < Math.Min(tokens.Length, 5); i++)
        {
            if (tokens[i].Text == ",")
            {
                return proForm;
            }

            // "Given that …", "Now that …": a complementizer, not a pro-form.
            proForm |= tokens[i].Lower is "so" or "not" or "then" or "this" or "these" or "those" or "such"
                || (tokens[i].Lower == "that" && tokens[i - 1].Lower is not ("given" or "now" or "except" or "provided" or "assuming"));
        }

        return false;
    }

    /// <summary>Prepositions and subordinators that open a phrase pointing back ("If so,", "Since then,", "Under this proposal,").</summary>
    private static readonly HashSet<string> ProFormOpeners = new(StringComparer.Ordinal)
    {
        "if", "even", "since", "in", "under", "for", "despite", "because", "given", "with", "after", "before", "by", "until", "at",
        "as", "to", "on", "from", "without", "beyond", "besides", "unlike", "like", "through", "during", "against",
    };

    /// <summary>The openers of an illustration, each followed by a comma: "For example,", "As another example,".</summary>
    private static readonly string[][] ExampleOpeners =
    [
        ["for", "example"], ["for", "instance"], ["as", "an", "example"], ["as", "another", "example"], ["as", "one", "example"],
        ["in", "one", "example"], ["to", "illustrate"],
    ];

    private static bool OpensWithExample(ReadOnlySpan<Token> tokens)
    {
        foreach (string[] opener in ExampleOpeners)
        {
            if (tokens.Length > opener.Length && tokens[opener.Length].Text == "," && StartsWith(tokens, opener))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWith(ReadOnlySpan<Token> tokens, string[] words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            if (tokens[i].Lower != words[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A word in lower case from its first letter on: not a name written with a lower-case first letter ("eBay", "iPhone").</summary>
    private static bool StartsInLowerCase(string word)
    {
        if (!char.IsLower(word[0]))
        {
            return false;
        }

        foreach (char c in word)
        {
            if (char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}

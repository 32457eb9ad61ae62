using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Summary;

/// <summary>
/// Whether a sentence cannot stand without the one before it, so that quoted alone, as a summary shows it, it reads as a
/// fragment: an aside in parentheses ("(This is less than the 2023 Basel Endgame proposal, which would have …"), or the
/// continuation of a lead-in, opening in lower case ("[t]he award of two firm-fixed price contracts …", a quotation set
/// off after "On June 26, 2023, the Army announced"). Sentences opening with a demonstrative or a pronoun ("This increase
/// is …", "It has …") lean on their predecessor too, but the summary DEV sets reward them (docs/summary.md), so they are
/// left alone.
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

        if (tokens[0].Text == "(")
        {
            return true;
        }

        // A bracketed alteration opens a quotation mid-sentence: "[t]he award …", "[i]n the event …".
        int first = tokens[0].Text == "[" && tokens.Length > 1 ? 1 : 0;
        return tokens[first].IsWord && StartsInLowerCase(tokens[first].Text);
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

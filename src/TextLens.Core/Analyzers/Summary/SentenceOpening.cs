using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Summary;

/// <summary>
/// Whether a sentence cannot stand without the one before it, so that quoted alone, as a summary shows it, it reads as a
/// fragment: an aside in parentheses ("(This is less than the 2023 Basel Endgame proposal, which would have …"), or the
/// continuation of a lead-in, opening in lower case ("[t]he award of two firm-fixed price contracts …", a quotation set
/// off after "On June 26, 2023, the Army announced"), or an illustration of the point made before it ("For example, if supply
/// chain disruptions prevent a retailer from acquiring new inventory, …"). Sentences opening with a demonstrative or a pronoun ("This increase
/// is …", "It has …") lean on their predecessor too, but the summary DEV sets reward them (docs/summary.md), so they are
/// left alone, and so are other connectives ("However,", "In addition,"), which lower the <c>bbc</c> set.
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

        if (tokens[0].Text == "(" || OpensWithExample(tokens))
        {
            return true;
        }

        // A bracketed alteration opens a quotation mid-sentence: "[t]he award …", "[i]n the event …".
        int first = tokens[0].Text == "[" && tokens.Length > 1 ? 1 : 0;
        return tokens[first].IsWord && StartsInLowerCase(tokens[first].Text);
    }

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

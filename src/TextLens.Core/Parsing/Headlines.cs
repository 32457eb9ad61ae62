namespace TextLens.Core.Parsing;

/// <summary>
/// Recognises a headline written in title case ("Trump Says He Never Pledged…", "The Chongryon Element In
/// Japan–North Korea Relations"): there capitalisation says nothing about which words form a name.
/// </summary>
public static class Headlines
{
    /// <summary>At least three words of four or more letters, 80% of them capitalised.</summary>
    public static bool IsTitleCase(ReadOnlySpan<Token> sentence)
    {
        int words = 0;
        int capitalised = 0;
        foreach (Token t in sentence)
        {
            if (t.Kind == TokenKind.Word && t.Text.Length > 3)
            {
                words++;
                capitalised += t.IsCapitalized ? 1 : 0;
            }
        }

        return words >= 3 && capitalised >= 0.8 * words;
    }
}

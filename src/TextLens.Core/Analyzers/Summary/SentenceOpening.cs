using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Summary;

/// <summary>
/// Whether a sentence is an aside that leans on the sentence before it: it opens inside parentheses ("(This is less
/// than the 2023 Basel Endgame proposal, which would have …"). Quoted alone, as a summary shows it, it reads as a
/// remark on nothing. Sentences opening with a demonstrative or a pronoun ("This increase is …", "It has …") lean on
/// their predecessor too, but the summary DEV sets reward them (docs/summary.md), so they are left alone.
/// </summary>
public static class SentenceOpening
{
    public static bool IsAside(ParsedDocument document, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sentence);
        ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
        return tokens.Length > 0 && tokens[0].Text == "(";
    }
}

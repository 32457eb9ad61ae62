namespace TextLens.Core.Parsing;

/// <summary>
/// Recognises a byline or credit line ("By Soyoung Kim*", "By JOHN SMITH, Associated Press Writer"):
/// it names the writer, not the topic, so analyzers that look for what a text is about skip it.
/// </summary>
public static class Bylines
{
    /// <summary>Bylines are short: "By", then a name and perhaps an affiliation.</summary>
    public const int MaxTokens = 12;

    /// <summary>
    /// True when the sentence opens with "By" and every other word is capitalised or a stop word
    /// ("By Jane Doe and John Roe", "By the Editorial Board"); a sentence such as "By 2030 the fleet will…"
    /// has a lower-case content word and is not a byline.
    /// </summary>
    public static bool IsByline(ReadOnlySpan<Token> sentence)
    {
        if (sentence.Length < 2 || sentence.Length > MaxTokens || sentence[0].Lower != "by")
        {
            return false;
        }

        bool name = false;
        foreach (Token token in sentence[1..])
        {
            if (token.Kind == TokenKind.Number)
            {
                return false;
            }

            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            if (token.IsCapitalized)
            {
                name |= !StopWords.Contains(token.Lower);
            }
            else if (!StopWords.Contains(token.Lower))
            {
                return false;
            }
        }

        return name;
    }
}

using TextLens.Core.Text;

namespace TextLens.Core.Parsing;

/// <summary>
/// Finds sentence boundaries in the tokens of one block. A sentence ends at '.', '!', '?' or an
/// ellipsis (with any closing quotes and brackets after it) unless the next word is lower-case;
/// abbreviations that keep their period (Mr., U.S., etc.) end a sentence only before a word that
/// usually starts one. In plain text, a short line without final punctuation (a heading, byline or
/// list line) ends where its line ends.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Returns (first token, token count) ranges, relative to <paramref name="tokens"/>.</summary>
    public static List<(int Start, int Count)> Split(string text, ReadOnlySpan<Token> tokens, bool plainText)
    {
        var result = new List<(int Start, int Count)>();
        Split(text, tokens, plainText, result);
        return result;
    }

    /// <summary>As <see cref="Split(string, ReadOnlySpan{Token}, bool)"/>, appending the sentences to <paramref name="result"/>.</summary>
    public static void Split(string text, ReadOnlySpan<Token> tokens, bool plainText, List<(int Start, int Count)> result)
    {
        int start = 0;
        int maxLine = plainText ? LongestLine(text, tokens) : 0;
        int i = 0;
        while (i < tokens.Length)
        {
            int boundaryEnd = -1; // index after the last token of the sentence
            Token t = tokens[i];
            if (IsTerminal(t))
            {
                int j = i + 1;
                while (j < tokens.Length && IsCloser(text, tokens, j))
                {
                    j++;
                }

                if (j >= tokens.Length || (StartsSentence(tokens[j], t) && !IsAbbreviatedReference(tokens, i, j)))
                {
                    boundaryEnd = j;
                }
            }
            else if (t.IsAbbreviation && i + 1 < tokens.Length)
            {
                Token next = tokens[i + 1];
                bool ambiguous = t.Text.Count(ch => ch == '.') > 1 || Abbreviations.MaybeFinal.Contains(t.Text[..^1]);
                if (ambiguous && Abbreviations.SentenceStarters.Contains(next.Text))
                {
                    boundaryEnd = i + 1;
                }
            }

            if (boundaryEnd < 0 && plainText && i + 1 < tokens.Length && IsHardLineBreak(text, tokens, i, maxLine))
            {
                boundaryEnd = i + 1;
            }

            if (boundaryEnd > 0)
            {
                result.Add((start, boundaryEnd - start));
                start = boundaryEnd;
                i = boundaryEnd;
                continue;
            }

            i++;
        }

        if (start < tokens.Length)
        {
            result.Add((start, tokens.Length - start));
        }
    }

    private static bool IsTerminal(Token t) =>
        t.Kind == TokenKind.Punctuation && (t.Text is "." or "!" or "?" or "\u2026" or "?!" || t.Text.StartsWith("..", StringComparison.Ordinal));

    private static bool StartsSentence(Token next, Token terminal)
    {
        if (next.Kind is TokenKind.Word)
        {
            char c = next.Text[0];
            // A period before a lower-case word is an unlisted abbreviation, not a boundary; the same for an ellipsis.
            return !char.IsLower(c);
        }

        if (terminal.Text.Length > 1 && terminal.Text[0] == '.')
        {
            return false; // ellipsis before a number or punctuation: the sentence goes on
        }

        if (next.Kind == TokenKind.Punctuation && next.Text is "," or ";" or ":" or ".")
        {
            // No sentence opens with a comma: the period was an unlisted abbreviation's ("104th Cong., H.R. 1756"). Nor with a
            // period: a spaced ellipsis of a legal quotation ("measures. . . as are necessary") goes on; its last period
            // decides, by the word after it.
            return false;
        }

        return true; // numbers, opening quotes, brackets, symbols
    }

    /// <summary>
    /// A short capitalised word, a period and a number is a citation, not a boundary:
    /// H.Rept. 119-215, Doc. 4, Vol. 3, Fig. 2.
    /// </summary>
    private static bool IsAbbreviatedReference(ReadOnlySpan<Token> tokens, int period, int next)
    {
        if (next != period + 1 || period == 0 || tokens[next].Kind != TokenKind.Number || tokens[period].Text != ".")
        {
            return false;
        }

        Token prev = tokens[period - 1];
        return prev.Kind == TokenKind.Word && prev.Text.Length <= 5 && char.IsUpper(prev.Text[0]) && prev.Span.End == tokens[period].Span.Start
            && !Abbreviations.SentenceStarters.Contains(prev.Text);
    }

    private static bool IsCloser(string text, ReadOnlySpan<Token> tokens, int j)
    {
        Token t = tokens[j];
        if (t.Kind != TokenKind.Punctuation)
        {
            return false;
        }

        switch (t.Text)
        {
            case ")" or "]" or "}" or "\u2019" or "\u201D" or "\u00BB" or "'":
                return true;
            case "\"":
                // a straight quote closes when nothing follows it on its side
                int after = t.Span.End;
                return after >= text.Length || char.IsWhiteSpace(text[after]) || j + 1 >= tokens.Length;
            default:
                return false;
        }
    }

    private static bool IsHardLineBreak(string text, ReadOnlySpan<Token> tokens, int i, int maxLine)
    {
        Token prev = tokens[i];
        Token next = tokens[i + 1];
        if (text.AsSpan(prev.Span.End, next.Span.Start - prev.Span.End).IndexOfAny('\n', '\r') < 0)
        {
            return false;
        }

        if (prev.Kind == TokenKind.Punctuation && prev.Text is "," or ";" or ":" or "-" or "\u2013" or "\u2014" or "(" or "/")
        {
            return false;
        }

        bool nextStarts = next.Kind != TokenKind.Word || char.IsUpper(next.Text[0]);
        int lineStart = text.LastIndexOfAny(['\n', '\r'], Math.Max(0, prev.Span.End - 1)) + 1;
        int lineLength = prev.Span.End - lineStart;
        return nextStarts && lineLength < Math.Max(40, maxLine * 0.6);
    }

    private static int LongestLine(string text, ReadOnlySpan<Token> tokens)
    {
        if (tokens.IsEmpty)
        {
            return 0;
        }

        int longest = 0;
        int lineStart = tokens[0].Span.Start;
        int end = tokens[^1].Span.End;
        for (int k = lineStart; k < end; k++)
        {
            if (text[k] == '\n')
            {
                longest = Math.Max(longest, k - lineStart);
                lineStart = k + 1;
            }
        }

        return Math.Max(longest, end - lineStart);
    }
}

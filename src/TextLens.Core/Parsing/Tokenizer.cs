using System.Globalization;
using TextLens.Core.Text;

namespace TextLens.Core.Parsing;

/// <summary>
/// Splits prose into word, number, clitic, punctuation and symbol tokens. Curly apostrophes become
/// "'"; possessives and contractions are split off as clitics (PTB style: Korea 's, do n't);
/// hyphenated compounds, abbreviations with periods (U.S., e.g.) and initials stay one token;
/// decimals and grouped numbers (62.7, 29,559) are one number.
/// </summary>
public static class Tokenizer
{
    public static void Tokenize(string text, TextSpan span, List<Token> output) => Tokenize(text, span, output, null);

    /// <summary>Tokenizes <paramref name="span"/> of <paramref name="text"/> into <paramref name="tokens"/>, sharing the strings of repeated tokens through <paramref name="strings"/> (one per document).</summary>
    public static void Tokenize(string text, TextSpan span, List<Token> tokens, TokenStrings? strings)
    {
        var output = new Sink(tokens, strings);
        int i = span.Start;
        int end = span.End;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || IsInvisibleJoiner(c))
            {
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                i = ReadNumber(text, i, end, output);
            }
            else if (char.IsLetter(c))
            {
                i = ReadWord(text, i, end, output);
            }
            else if (IsApostrophe(c) && TryReadLeadingClitic(text, i, end, output, out int next))
            {
                i = next;
            }
            else
            {
                i = ReadPunctuation(text, i, end, output);
            }
        }
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '\u02BC';

    /// <summary>The characters of <see cref="IsInvisibleJoiner"/>, as a precomputed set for searching a token.</summary>
    private static readonly System.Buffers.SearchValues<char> InvisibleJoiners = System.Buffers.SearchValues.Create("\u00AD\u200B\u200C\u200D\u2060\uFEFF");

    /// <summary>Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible in rendered text, never a word break.</summary>
    public static bool IsInvisibleJoiner(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark;

    private static int ReadWord(string text, int start, int end, Sink output)
    {
        int i = start;
        bool? dottedAbbreviation = null; // the same answer at every period of the word: asked once, not once a period (a.a.a.… was quadratic)
        while (i < end)
        {
            char c = text[i];
            if (IsWordChar(c))
            {
                i++;
            }
            else if (IsInvisibleJoiner(c) && i + 1 < end && IsWordChar(text[i + 1]))
            {
                i++; // cap\u00ADital, zero\u200Bwidth: invisible characters do not split a word
            }
            else if ((c == '-' || c == '\u2011') && i + 1 < end && char.IsLetterOrDigit(text[i + 1]) && i > start)
            {
                i++; // hyphenated compound: Jong-un, Korea-leaning
            }
            else if (c == '.' && i + 1 < end && char.IsLetter(text[i + 1]) && (dottedAbbreviation ??= IsDottedAbbreviation(text, start, end)))
            {
                i++; // U.S., e.g., i.e., a.m.
            }
            else if (c == '&' && i + 1 < end && char.IsUpper(text[i + 1]) && char.IsUpper(text[start]) && i - start <= 2)
            {
                i++; // AT&T, R&D
            }
            else
            {
                break;
            }
        }

        // Split digits glued to a following non-suffix word (1billion → 1 billion) is handled by ReadNumber;
        // here a word may end with an abbreviation period.
        int wordEnd = i;
        string surface = text[start..wordEnd];
        bool dotted = surface.Contains('.');
        if (i < end && text[i] == '.' && (dotted || IsAbbreviationBeforePeriod(surface, text, i + 1, end)))
        {
            wordEnd = i + 1;
            surface = text[start..wordEnd];
        }

        // Contractions ending in n't: don't → do n't, can't → ca n't
        if (wordEnd == i && surface.Length > 1 && surface[^1] is 'n' or 'N' && i + 1 < end && IsApostrophe(text[i])
            && text[i + 1] is 't' or 'T' && (i + 2 >= end || !char.IsLetter(text[i + 2])))
        {
            Add(output, text, start, i - 1, TokenKind.Word);
            Add(output, text, i - 1, i + 2, TokenKind.Clitic);
            return i + 2;
        }

        Add(output, text, start, wordEnd, TokenKind.Word);
        int next = wordEnd;
        if (next < end && IsApostrophe(text[next]))
        {
            // Clitics: 's 're 've 'll 'd 'm, or a bare possessive apostrophe after s (Koreans').
            int j = next + 1;
            while (j < end && char.IsLetter(text[j]) && j - next <= 3)
            {
                j++;
            }

            string tail = text[(next + 1)..j].ToLowerInvariant();
            bool wordFollows = j < end && char.IsLetterOrDigit(text[j]);
            if (!wordFollows && tail is "s" or "re" or "ve" or "ll" or "d" or "m")
            {
                Add(output, text, next, j, TokenKind.Clitic);
                return j;
            }

            if (tail.Length == 0 && surface.Length > 1 && surface[^1] is 's' or 'S'
                && (j >= end || !char.IsLetterOrDigit(text[j])))
            {
                Add(output, text, next, next + 1, TokenKind.Clitic);
                return next + 1;
            }
        }

        return next;
    }

    private static bool IsDottedAbbreviation(string text, int start, int end)
    {
        // Letters alternating with single periods, each letter group 1-2 characters: U.S, e.g, a.m, U.K
        int i = start;
        int groups = 0;
        while (i < end)
        {
            int g = i;
            while (i < end && char.IsLetter(text[i]))
            {
                i++;
            }

            if (i - g == 0 || i - g > 2)
            {
                return false;
            }

            groups++;
            if (i < end && text[i] == '.')
            {
                i++;
                if (i >= end || !char.IsLetter(text[i]))
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }

        return groups >= 2;
    }

    private static bool IsAbbreviationBeforePeriod(string word, string text, int afterPeriod, int end)
    {
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial: John F. Kennedy, S. Rajaratnam
        }

        if (Abbreviations.Titles.Contains(word) || Abbreviations.MaybeFinal.Contains(word))
        {
            return true;
        }

        if (Abbreviations.BeforeNumber.Contains(word))
        {
            int k = afterPeriod;
            while (k < end && text[k] == ' ')
            {
                k++;
            }

            return k < end && char.IsAsciiDigit(text[k]);
        }

        return false;
    }

    private static int ReadNumber(string text, int start, int end, Sink output)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                i++;
            }
            else if ((c == '.' || c == ',') && i + 1 < end && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        // Ordinal and decade suffixes stay on the number: 25th, 1990s, 3rd.
        int j = i;
        while (j < end && char.IsLetter(text[j]))
        {
            j++;
        }

        string suffix = text[i..j].ToLowerInvariant();
        if (suffix is "st" or "nd" or "rd" or "th" or "s")
        {
            Add(output, text, start, j, TokenKind.Number);
            return j;
        }

        if (j - i == 1 && text.AsSpan(start, i - start).IndexOfAny('.', ',') < 0)
        {
            return ReadWordFrom(text, start, end, output); // 3D, 5G, 4x4 (but 7.7m is 7.7 + m, as 1.5bn is 1.5 + bn)
        }

        Add(output, text, start, i, TokenKind.Number);
        return i; // 1billion → 1 + billion (the word is read next)
    }

    private static int ReadWordFrom(string text, int start, int end, Sink output)
    {
        int i = start;
        while (i < end && IsWordChar(text[i]))
        {
            i++;
        }

        Add(output, text, start, i, TokenKind.Word);
        return i;
    }

    private static bool TryReadLeadingClitic(string text, int start, int end, Sink output, out int next)
    {
        // '90s → a number with its apostrophe
        next = start;
        if (start + 2 < end && char.IsAsciiDigit(text[start + 1]) && char.IsAsciiDigit(text[start + 2]))
        {
            int j = start + 1;
            while (j < end && char.IsLetterOrDigit(text[j]))
            {
                j++;
            }

            Add(output, text, start, j, TokenKind.Number);
            next = j;
            return true;
        }

        return false;
    }

    private static int ReadPunctuation(string text, int start, int end, Sink output)
    {
        char c = text[start];
        int i = start + 1;
        if (c == '.' && i < end && text[i] == '.')
        {
            while (i < end && text[i] == '.')
            {
                i++;
            }
        }
        else if (c == '-' && i < end && text[i] == '-')
        {
            while (i < end && text[i] == '-')
            {
                i++;
            }
        }
        else if (char.IsHighSurrogate(c) && i < end && char.IsLowSurrogate(text[i]))
        {
            i++;
        }

        UnicodeCategory cat = char.GetUnicodeCategory(c);
        TokenKind kind = cat is UnicodeCategory.CurrencySymbol or UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol
            or UnicodeCategory.ModifierSymbol || c is '%' or '#' or '@' or '&' or '*' or '/' or '\\' or '|' or '~' or '^'
            ? TokenKind.Symbol
            : TokenKind.Punctuation;
        Add(output, text, start, i, kind);
        return i;
    }

    private static void Add(Sink output, string text, int start, int end, TokenKind kind)
    {
        ReadOnlySpan<char> raw = text.AsSpan(start, end - start);
        if (output.Strings is { } shared && !(kind == TokenKind.Word && raw.IndexOfAny(InvisibleJoiners) >= 0)
            && !(kind != TokenKind.Punctuation && raw.IndexOfAny('\u2019', '\u2018', '\u02BC') >= 0))
        {
            (string surfaceText, string lower) = shared.Get(raw);
            output.Tokens.Add(new Token(TextSpan.FromBounds(start, end), kind, surfaceText, lower));
            return;
        }

        string surface = text[start..end];
        if (kind == TokenKind.Word && surface.AsSpan().IndexOfAny(InvisibleJoiners) >= 0)
        {
            surface = string.Concat(surface.Where(ch => !IsInvisibleJoiner(ch)));
        }

        if (kind != TokenKind.Punctuation && surface.AsSpan().IndexOfAny('\u2019', '\u2018', '\u02BC') >= 0)
        {
            surface = surface.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u02BC', '\'');
        }

        output.Tokens.Add(new Token(TextSpan.FromBounds(start, end), kind, surface, surface.ToLowerInvariant()));
    }

    /// <summary>Where tokens go, and the document's shared token strings (null: a new string per token).</summary>
    private readonly record struct Sink(List<Token> Tokens, TokenStrings? Strings);
}

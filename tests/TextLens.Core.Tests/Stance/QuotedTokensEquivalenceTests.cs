using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// <see cref="StanceTagger.QuotedTokens"/> asks "is there a word after this mark" and marks a continued quotation's
/// opening once a sentence instead of once a quotation mark (a sentence of n marks was O(n²)); these tests hold it to
/// the answers of the former logic, kept here as the reference.
/// </summary>
public class QuotedTokensEquivalenceTests
{
    [Fact]
    public void Quoted_tokens_are_those_of_the_former_logic_on_generated_sentences()
    {
        string[] pieces = ["\"", "“", "”", "«", "»", "‘", "’", "'", "''", "``", "`", "word", "Word", "12", ",", ".", "(", ")", "—", " ", " ", "s", "n't"];
        var random = new Random(38);
        int sentences = 0;
        for (int n = 0; n < 20_000; n++)
        {
            int length = random.Next(1, 24);
            var text = new System.Text.StringBuilder();
            for (int k = 0; k < length; k++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
                if (random.Next(3) == 0)
                {
                    text.Append(' ');
                }
            }

            string s = text.ToString();
            var tokens = new List<Token>();
            Tokenizer.Tokenize(s, new TextSpan(0, s.Length), tokens);
            if (tokens.Count == 0)
            {
                continue;
            }

            sentences++;
            bool[] expected = FormerQuotedTokens(s, [.. tokens], out int expectedWords, out int expectedMarks, out bool expectedContinued);
            bool[] actual = StanceTagger.QuotedTokens(s, [.. tokens], out int words, out int marks, out bool continued);
            Assert.True(expected.AsSpan().SequenceEqual(actual), s);
            Assert.Equal((expectedWords, expectedMarks, expectedContinued), (words, marks, continued));
        }

        Assert.True(sentences > 15_000, $"{sentences} sentences");
    }

    [Theory]
    [InlineData("He said \" \" \" \" \" \" it works.")]
    [InlineData("” ” ” word ” ” word.")]
    [InlineData("The \"plan\" works, \"they said\", and ” more.")]
    public void Quoted_tokens_are_those_of_the_former_logic_on_runs_of_marks(string s)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(s, new TextSpan(0, s.Length), tokens);
        bool[] expected = FormerQuotedTokens(s, [.. tokens], out int expectedWords, out int expectedMarks, out bool expectedContinued);
        bool[] actual = StanceTagger.QuotedTokens(s, [.. tokens], out int words, out int marks, out bool continued);
        Assert.Equal(expected, actual);
        Assert.Equal((expectedWords, expectedMarks, expectedContinued), (words, marks, continued));
    }

    // The logic before the change, verbatim.
    private static bool[] FormerQuotedTokens(string text, ReadOnlySpan<Token> tokens, out int quotedWords, out int quoteMarks, out bool continued)
    {
        bool[] quoted = new bool[tokens.Length];
        quotedWords = 0;
        quoteMarks = 0;
        continued = false;
        int open = -1;
        for (int i = 0; i < tokens.Length; i++)
        {
            Token t = tokens[i];
            if (t.Kind is not (TokenKind.Punctuation or TokenKind.Symbol or TokenKind.Clitic) || t.Text.Length is 0 or > 2 || (t.Text.Length == 2 && t.Text is not ("''" or "``")))
            {
                continue;
            }

            char c = t.Text.Length == 2 ? '"' : t.Text[0];
            int at = t.Span.Start;
            if (c is '\'' or '`' && i + 1 < tokens.Length && tokens[i + 1].Span.Start == t.Span.End && tokens[i + 1].Text is "'" or "`")
            {
                c = '"';
                i++;
            }

            bool spaceBefore = at == 0 || char.IsWhiteSpace(text[at - 1]) || text[at - 1] is '(' or '[' or '—' or '–';
            int after = t.Span.End;
            bool spaceAfter = after >= text.Length || char.IsWhiteSpace(text[after]) || char.IsPunctuation(text[after]);
            bool straightCloses = c == '"' && !spaceBefore && spaceAfter && i > 0;
            bool opening = c is '“' or '«' || ((c is '‘' or '\'') && spaceBefore && t.Kind != TokenKind.Clitic) || (c == '"' && open < 0 && !straightCloses);
            bool closing = c is '”' or '»' || (c is '’' or '\'' && !spaceBefore && open >= 0) || (c == '"' && (open >= 0 || straightCloses));
            bool lastMark = c == '"' && open < 0 && i > 0 && (straightCloses || !HasWordAfter(tokens, i));
            if ((closing && open < 0 && c is '”' or '»') || lastMark)
            {
                continued = true;
                quoteMarks++;
                Mark(quoted, 0, i, tokens, ref quotedWords);
            }
            else if (closing && open >= 0)
            {
                quoteMarks++;
                Mark(quoted, open + 1, i, tokens, ref quotedWords);
                open = -1;
            }
            else if (opening && open < 0)
            {
                open = i;
            }
        }

        if (open >= 0 && open < tokens.Length - 1)
        {
            quoteMarks++;
            Mark(quoted, open + 1, tokens.Length, tokens, ref quotedWords);
        }

        return quoted;
    }

    private static bool HasWordAfter(ReadOnlySpan<Token> tokens, int i)
    {
        for (int k = i + 1; k < tokens.Length; k++)
        {
            if (tokens[k].Kind is TokenKind.Word or TokenKind.Number)
            {
                return true;
            }
        }

        return false;
    }

    private static void Mark(bool[] quoted, int from, int to, ReadOnlySpan<Token> tokens, ref int words)
    {
        for (int k = from; k < to; k++)
        {
            if (!quoted[k] && tokens[k].Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
            }

            quoted[k] = true;
        }
    }
}

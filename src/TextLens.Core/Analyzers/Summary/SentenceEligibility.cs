using System.Buffers;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Summary;

/// <summary>Why a sentence can never be part of a summary, or <see cref="Eligible"/>.</summary>
public enum SummaryExclusion
{
    Eligible,
    Heading,
    Caption,
    Citation,
    Byline,
    Fragment,
}

/// <summary>
/// Which sentences may stand in a summary. A summary sentence must say something on its own, so these
/// never qualify: headings (Markdown headings, title-case lines, lines without final punctuation);
/// figure and table captions and their source notes ("Figure 2. …", "Source: …"); citations and
/// cross-references (a reference entry, a URL or DOI, "See CRS Report R48447 …", "For more
/// information, see …"); bylines; and fragments of fewer than <see cref="MinimumWords"/> words.
/// </summary>
public static class SentenceEligibility
{
    public const int MinimumWords = 6;

    private static readonly HashSet<string> CaptionOpeners = new(StringComparer.Ordinal)
    {
        "figure", "fig", "table", "chart", "graph", "map", "exhibit", "photo", "image", "illustration", "box",
    };

    private static readonly HashSet<string> NoteOpeners = new(StringComparer.Ordinal)
    {
        "source", "sources", "note", "notes", "credit", "credits", "photo", "caption",
    };

    public static bool IsEligible(ParsedDocument document, Sentence sentence) => Classify(document, sentence) == SummaryExclusion.Eligible;

    public static SummaryExclusion Classify(ParsedDocument document, Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(sentence);
        ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
        if (sentence.Kind == BlockKind.Heading)
        {
            return SummaryExclusion.Heading;
        }

        if (sentence.IsByline)
        {
            return SummaryExclusion.Byline;
        }

        if (IsCaption(tokens))
        {
            return SummaryExclusion.Caption;
        }

        if (IsCitation(tokens, sentence.Text))
        {
            return SummaryExclusion.Citation;
        }

        int words = 0;
        foreach (Token t in tokens)
        {
            words += t.Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
        }

        if (words < MinimumWords)
        {
            return SummaryExclusion.Fragment;
        }

        // A line that does not end like a sentence, or is set in title case, is a heading the
        // parser could not tell from a paragraph (plain text has no heading markup).
        if (!EndsLikeSentence(sentence.Text) || Headlines.IsTitleCase(tokens) && words <= 15)
        {
            return SummaryExclusion.Heading;
        }

        return SummaryExclusion.Eligible;
    }

    private static bool EndsLikeSentence(string text)
    {
        ReadOnlySpan<char> t = text.AsSpan().TrimEnd();
        while (t.Length > 0 && t[^1] is '"' or '\'' or '”' or '’' or ')' or ']' or '*')
        {
            t = t[..^1];
        }

        return t.Length > 0 && t[^1] is '.' or '!' or '?' or ':' or ';' or '…';
    }

    /// <summary>"Figure 3. Spending by year", "Table 2: …", "Source: CRS analysis", "Notes: …".</summary>
    private static bool IsCaption(ReadOnlySpan<Token> tokens)
    {
        if (tokens.Length < 2 || tokens[0].Kind != TokenKind.Word)
        {
            return false;
        }

        string first = tokens[0].Lower.TrimEnd('.');
        if (NoteOpeners.Contains(first) && tokens[1].Text == ":")
        {
            return true;
        }

        // "Figure 3", "Table A-1", "Fig. 2": a caption label followed by its number.
        return CaptionOpeners.Contains(first) && tokens[0].IsCapitalized && tokens[1].Kind == TokenKind.Number;
    }

    /// <summary>
    /// A reference entry or a pointer to another text rather than a statement: a URL or DOI, a
    /// leading "[12]" or "12." reference number, "See …" / "For more (information|details), see …",
    /// or "et al." with a year.
    /// </summary>
    /// <summary>A web or DOI link in a sentence marks a citation (one vectorised pass instead of five case-insensitive scans).</summary>
    private static readonly SearchValues<string> LinkMarks = SearchValues.Create(["http://", "https://", "www.", "doi:", "doi.org"], StringComparison.OrdinalIgnoreCase);

    private static bool IsCitation(ReadOnlySpan<Token> tokens, string text)
    {
        if (text.AsSpan().ContainsAny(LinkMarks))
        {
            return true;
        }

        if (tokens.Length >= 3 && tokens[0].Text == "[" && tokens[1].Kind == TokenKind.Number && tokens[2].Text == "]")
        {
            return true;
        }

        if (tokens.Length > 0 && tokens[0].Lower == "see")
        {
            return true;
        }

        // "For more information (on X), see CRS Report …", "For a discussion of …, see …"
        if (tokens.Length > 0 && tokens[0].Lower == "for")
        {
            for (int i = 1; i < tokens.Length - 1; i++)
            {
                if (tokens[i].Text == "," && tokens[i + 1].Lower == "see")
                {
                    return true;
                }
            }
        }

        return (text.Contains("et al.", StringComparison.Ordinal) && HasYear(tokens)) || PointsToAReport(tokens);
    }

    /// <summary>Nouns of further reading ("Additional information about … can be found in CRS reports …").</summary>
    private static readonly HashSet<string> ReadingNouns = new(StringComparer.Ordinal) { "information", "details", "discussion", "analysis", "background" };

    /// <summary>
    /// A pointer to a report without "see": information, details, discussion or analysis that "can be found", "is
    /// provided", "is available" or "is discussed" in a report ("Additional information about the Supreme Court
    /// appointment process can be found in CRS reports related to …"; "An accompanying figure and additional information
    /// for this step … is provided in CRS Report R44234").
    /// </summary>
    private static bool PointsToAReport(ReadOnlySpan<Token> tokens)
    {
        bool reading = false;
        for (int i = 0; i + 2 < tokens.Length; i++)
        {
            reading |= ReadingNouns.Contains(tokens[i].Lower);
            if (reading && tokens[i].Lower is "found" or "provided" or "available" or "discussed" or "described" or "analyzed" or "examined"
                && tokens[i + 1].Lower == "in" && i > 0 && tokens[i - 1].Lower is "be" or "is" or "are")
            {
                int next = i + 2;
                if (tokens[next].Lower is "the" or "a" or "other" or "related" or "several")
                {
                    next++;
                }

                if (next < tokens.Length && tokens[next].Lower is "crs" or "report" or "reports" or "gao" or "appendix")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasYear(ReadOnlySpan<Token> tokens)
    {
        foreach (Token t in tokens)
        {
            if (t.Kind == TokenKind.Number && t.Text.Length == 4 && t.Text[0] is '1' or '2')
            {
                return true;
            }
        }

        return false;
    }
}

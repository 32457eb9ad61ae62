using System.Text.RegularExpressions;
using TextLens.Core.Text;

namespace TextLens.Core.Parsing;

/// <summary>What a legal or bibliographic reference points to.</summary>
public enum ReferenceKind : byte
{
    /// <summary>A bill or resolution: H.R. 1156, S. 5, H.Res. 12, S.Con.Res. 33.</summary>
    Bill,

    /// <summary>A public law or a Statutes at Large cite: P.L. 119-21, Pub. L. No. 117-58, 136 Stat. 1818.</summary>
    PublicLaw,

    /// <summary>A code citation: 42 U.S.C. §5121, 50 C.F.R. Part 300, §§1531-1544.</summary>
    Code,

    /// <summary>A Federal Register cite: 89 Fed. Reg. 16820, 90 FR 1234.</summary>
    FederalRegister,

    /// <summary>A part of a law, rule or document by number: Section 73100, Title IV, Rule 14c-8, Article I.</summary>
    Section,

    /// <summary>A report or product number: CRS Report R48065 (with its title and authors), GAO-24-106123, S.Rept. 115-150.</summary>
    Report,

    /// <summary>A case or docket citation: 597 U.S. 697 (2022), No. 24-154, Executive Order 14154.</summary>
    Case,

    /// <summary>A web address: https://www.congress.gov/..., www.energystar.gov.</summary>
    Url,

    /// <summary>
    /// A parenthesised pointer to another part of the document: (see Figure 1 for a notional example), (see Table 2),
    /// (see below for definition), (see "Seafood Import Monitoring Program Reporting"). Its words point at the text; they
    /// are not about it.
    /// </summary>
    Pointer,
}

/// <summary>A reference found in the prose: its span (UTF-16 offsets into the document) and kind.</summary>
public readonly record struct Reference(TextSpan Span, ReferenceKind Kind);

/// <summary>
/// Finds legal and bibliographic references in prose — bill numbers, public laws, code and Federal
/// Register citations, section and title references, report numbers (with the title and authors of a
/// CRS cross-reference), case and docket citations, URLs — so that no analyzer reads them as a
/// figure, a keyword, a hedge or a stance cue. Patterns follow the citation forms of the Bluebook
/// and of congressional documents; each is anchored on a form word (U.S.C., P.L., Section, CRS
/// Report …) or a structure (letters-digits-digits), never on a particular number.
/// </summary>
public static partial class References
{
    /// <summary>The references in <paramref name="span"/> of <paramref name="text"/>, sorted, none overlapping (the longest wins).</summary>
    public static IReadOnlyList<Reference> Find(string text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<Reference>();
        Find(text, span, [], result);
        return result;
    }

    /// <summary>The references of many blocks, merged into one sorted list.</summary>
    public static Reference[] FindAll(string text, IEnumerable<TextSpan> spans)
    {
        var all = new List<Reference>();
        var found = new List<Reference>();
        foreach (TextSpan s in spans)
        {
            Find(text, s, found, all);
        }

        all.Sort((a, b) => a.Span.CompareTo(b.Span));
        return [.. all];
    }

    /// <summary>Appends the references of one span to <paramref name="result"/> (<paramref name="found"/> is scratch).</summary>
    private static void Find(string text, TextSpan span, List<Reference> found, List<Reference> result)
    {
        found.Clear();
        ReadOnlySpan<char> block = text.AsSpan(span.Start, span.Length);

        // Nine of the patterns need a digit (\d: any Unicode decimal digit): without one in the block they cannot match.
        bool digits = HasDigit(block);
        Collect(found, Url(), text, span, ReferenceKind.Url);
        if (digits)
        {
            Collect(found, CrsProduct(), text, span, ReferenceKind.Report);
            Collect(found, ReportNumber(), text, span, ReferenceKind.Report);
            Collect(found, CodeCitation(), text, span, ReferenceKind.Code);
            Collect(found, SectionSign(), text, span, ReferenceKind.Code);
        }

        Collect(found, CodeName(), text, span, ReferenceKind.Code);
        if (digits)
        {
            Collect(found, FederalRegister(), text, span, ReferenceKind.FederalRegister);
            Collect(found, PublicLaw(), text, span, ReferenceKind.PublicLaw);
            Collect(found, Bill(), text, span, ReferenceKind.Bill);
            Collect(found, CaseCitation(), text, span, ReferenceKind.Case);
            Collect(found, Docket(), text, span, ReferenceKind.Case);
        }

        Collect(found, PartReference(), text, span, ReferenceKind.Section);
        if (block.Contains("(see", StringComparison.OrdinalIgnoreCase) || block.Contains("(cf.", StringComparison.OrdinalIgnoreCase))
        {
            Collect(found, Pointer(), text, span, ReferenceKind.Pointer);
        }

        Resolve(found, result);
    }

    /// <summary>Whether the text holds a character the regex class \d matches (Unicode category Nd).</summary>
    private static bool HasDigit(ReadOnlySpan<char> text)
    {
        if (text.ContainsAnyInRange('0', '9'))
        {
            return true;
        }

        if (!text.ContainsAnyExceptInRange('\0', '\u007f'))
        {
            return false;
        }

        foreach (char c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The reference that contains <paramref name="offset"/> in a sorted list, if any. O(log n).</summary>
    public static Reference? At(IReadOnlyList<Reference> sorted, int offset)
    {
        int lo = 0;
        int hi = sorted.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            TextSpan s = sorted[mid].Span;
            if (offset < s.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= s.End)
            {
                lo = mid + 1;
            }
            else
            {
                return sorted[mid];
            }
        }

        return null;
    }

    private static void Collect(List<Reference> found, Regex regex, string text, TextSpan span, ReferenceKind kind)
    {
        if (kind == ReferenceKind.Report)
        {
            // A CRS cross-reference runs on to the end of its sentence: the ends of all of a block's found in one pass.
            List<(int Start, int End)>? matches = null;
            foreach (ValueMatch m in regex.EnumerateMatches(text.AsSpan(span.Start, span.Length)))
            {
                (matches ??= []).Add((span.Start + m.Index, span.Start + m.Index + m.Length));
            }

            if (matches is null)
            {
                return;
            }

            bool[] extended = CrossReferenceEnds(text, matches, span.End);
            for (int k = 0; k < matches.Count; k++)
            {
                Add(found, text, matches[k].Start, matches[k].End, kind, extended[k]);
            }

            return;
        }

        foreach (ValueMatch m in regex.EnumerateMatches(text.AsSpan(span.Start, span.Length)))
        {
            Add(found, text, span.Start + m.Index, span.Start + m.Index + m.Length, kind, extended: false);
        }
    }

    /// <summary>
    /// Adds the match [<paramref name="start"/>, <paramref name="end"/>) less its trailing punctuation. A match
    /// <paramref name="extended"/> as a cross-reference never loses a bracket: its scan stopped before any bracket it did
    /// not open (the match itself holds none), so every end it can be trimmed to closes no more brackets than it opens.
    /// </summary>
    private static void Add(List<Reference> found, string text, int start, int end, ReferenceKind kind, bool extended)
    {
        // Trailing punctuation belongs to the sentence, and a closing bracket only when it closes one opened inside.
        // The depth is counted once and kept as brackets come off (counted again for each, a URL ending in n
        // brackets was O(n²)).
        int depth = extended ? 0 : int.MinValue;
        while (end > start)
        {
            char last = text[end - 1];
            if (last is ',' or ';' or ':' or '.')
            {
                end--;
                continue;
            }

            if (last is ')' or ']')
            {
                if (depth == int.MinValue)
                {
                    depth = Depth(text, start, end);
                }

                if (depth < 0)
                {
                    end--;
                    depth++; // the bracket taken off counted -1
                    continue;
                }
            }

            break;
        }

        if (end > start)
        {
            found.Add(new Reference(TextSpan.FromBounds(start, end), kind));
        }
    }

    /// <summary>
    /// A CRS cross-reference runs on with its title and authors ("see CRS Report R47447, Bank Capital
    /// Requirements: A Primer and Policy Issues, by Jacob R. Straus."): to the end of the sentence, or to
    /// the parenthesis or semicolon that closes it. Rewrites the end of each of <paramref name="matches"/> (sorted, not
    /// overlapping) that starts with "CRS" and is followed by a comma; true for those.
    /// </summary>
    /// <remarks>
    /// From a comma at s, the scan stops at the first bracket closing at s's depth, or semicolon or sentence-ending period at
    /// s's depth (depth counted from the block's first such comma), else at the block's end. One pass over the block answers
    /// every comma at once, each waiting in the list of its depth (a scan from each was O(n²): "CRS Report R1, " × n).
    /// </remarks>
    internal static bool[] CrossReferenceEnds(string text, List<(int Start, int End)> matches, int blockEnd)
    {
        var extended = new bool[matches.Count];
        Dictionary<int, List<int>>? waiting = null;
        int next = 0;
        int depth = 0;
        int i = -1;
        while (true)
        {
            // The next comma to answer, or the next character while some wait.
            while (next < matches.Count)
            {
                (int start, int idEnd) = matches[next];
                if (text.AsSpan(start).StartsWith("CRS", StringComparison.Ordinal) && idEnd < blockEnd && text[idEnd] == ',')
                {
                    break;
                }

                next++;
            }

            if (waiting is not { Count: > 0 })
            {
                if (next == matches.Count)
                {
                    return extended;
                }

                i = matches[next].End; // nothing waits: the depth from here on is counted afresh
                depth = 0;
            }
            else if (++i >= blockEnd)
            {
                foreach (List<int> list in waiting.Values)
                {
                    foreach (int k in list)
                    {
                        matches[k] = (matches[k].Start, blockEnd);
                    }
                }

                return extended;
            }

            if (next < matches.Count && matches[next].End == i)
            {
                waiting ??= [];
                if (!waiting.TryGetValue(depth, out List<int>? list))
                {
                    waiting[depth] = list = [];
                }

                list.Add(next);
                extended[next] = true;
                next++;
            }

            char c = text[i];
            if (c is ')' or ']' or ';' || (c == '.' && (i + 1 >= blockEnd || char.IsWhiteSpace(text[i + 1])) && !EndsInitial(text, i)))
            {
                if (waiting!.Remove(depth, out List<int>? stopped))
                {
                    foreach (int k in stopped)
                    {
                        matches[k] = (matches[k].Start, i);
                    }
                }
            }

            depth += c is '(' or '[' ? 1 : c is ')' or ']' ? -1 : 0;
        }
    }

    /// <summary>A period after a single capital letter (Jacob R. Straus) or a dotted abbreviation (U.S.) does not end the cross-reference.</summary>
    private static bool EndsInitial(string text, int period) =>
        period >= 1 && char.IsUpper(text[period - 1]) && (period < 2 || !char.IsLetter(text[period - 2]));

    private static int Depth(string text, int start, int end)
    {
        int depth = 0;
        for (int i = start; i < end; i++)
        {
            depth += text[i] is '(' or '[' ? 1 : text[i] is ')' or ']' ? -1 : 0;
        }

        return depth;
    }

    /// <summary>Overlapping matches: the one starting first wins, then the longer. Appended to <paramref name="result"/>.</summary>
    private static void Resolve(List<Reference> found, List<Reference> result)
    {
        found.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.Length.CompareTo(a.Span.Length));
        int first = result.Count;
        foreach (Reference r in found)
        {
            if (result.Count > first && result[^1].Span.End > r.Span.Start)
            {
                if (r.Span.End > result[^1].Span.End)
                {
                    Reference last = result[^1];
                    result[^1] = last with { Span = TextSpan.FromBounds(last.Span.Start, r.Span.End) };
                }

                continue;
            }

            result.Add(r);
        }
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // A number with an optional letter and parenthesised subdivisions: 1536(j), 5c, 14c-8, 2(a)(1)(B).
    private const string Designator = @"\d+[A-Za-z]{0,2}(?:[-–.]\d+[A-Za-z]?)*(?:\([A-Za-z0-9]{1,4}\))*";

    // A run of further designators: "1531-1544", "1536(h) and (j)", "5121 et seq."
    private const string MoreDesignators = @"(?:\s*(?:,|and|or|through|to|-|–)\s*(?:" + Designator + @"|\([A-Za-z0-9]{1,4}\)(?:\([A-Za-z0-9]{1,4}\))*))*(?:\s+et\s+seq\.)?";

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""]+", Options | RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\bCRS\s+(?:Report|In\s+Focus|Insight|Legal\s+Sidebar|Testimony|Product)s?\s+(?:No\.\s*)?[A-Z]{0,3}\d[\d-]*[A-Z]?\b", Options)]
    private static partial Regex CrsProduct();

    // GAO-24-106123, GAO/HEHS-98-12, OIG-19-45; S.Rept. 115-150, H. Rept. 118-7, S.Doc. 12.
    [GeneratedRegex(@"\b(?:[A-Z]{2,6}(?:/[A-Z]{2,6})?-\d{2,4}-\d{2,7}[A-Z]{0,2}|[HS]\.\s?(?:Rept|Rpt|Doc|Prt)\.\s?(?:No\.\s?)?\d+(?:-\d+)?)\b", Options)]
    private static partial Regex ReportNumber();

    // 42 U.S.C. §5121, 16 U.S.C. §§1531-1544, 50 C.F.R. Part 300, 26 U.S.C. 45Z
    [GeneratedRegex(@"\b\d+\s+(?:U\.\s?S\.\s?C\.(?:\s?A\.)?|C\.\s?F\.\s?R\.|CFR|USC)\s*(?:(?:§§?|[Ss]ec(?:tions?|s?\.)|[Pp]arts?|[Cc]hapters?)\s*)?(?:" + Designator + MoreDesignators + ")?", Options)]
    private static partial Regex CodeCitation();

    // The name of a code or official publication, cited rather than discussed: "Title 10 of the U.S. Code".
    [GeneratedRegex(@"\b(?:U\.\s?S\.|United\s+States)\s+Code\b|\bCode\s+of\s+Federal\s+Regulations\b|\bCongressional\s+Record\b|\bStatutes\s+at\s+Large\b", Options)]
    private static partial Regex CodeName();

    [GeneratedRegex(@"§§?\s*" + Designator + MoreDesignators, Options)]
    private static partial Regex SectionSign();

    [GeneratedRegex(@"\b\d+\s+(?:Fed\.\s?Reg\.|FR)\s+\d[\d,]*(?:\s*\([^)]{0,30}\d{4}\))?", Options)]
    private static partial Regex FederalRegister();

    // P.L. 119-21, Pub. L. No. 117-58, Public Law 116-260, 136 Stat. 1818
    [GeneratedRegex(@"\b(?:(?:P\.\s?L\.|Pub\.\s?L\.(?:\s?No\.)?|Public\s+Laws?|Private\s+Laws?)\s?\d{1,3}-\d{1,4}(?:\s*(?:,|and)\s*\d{1,3}-\d{1,4})*|\d+\s+Stat\.\s+\d+)", Options)]
    private static partial Regex PublicLaw();

    // H.R. 1156, S. 5, H.Res. 12, S.J.Res. 7, H.Con.Res. 3, S.Amdt. 2; "H.R. 1156 and S. 2312" are two.
    [GeneratedRegex(@"(?<![A-Za-z.])(?:H\.\s?R\.|S\.|H\.\s?(?:J\.\s?|Con\.\s?)?Res\.|S\.\s?(?:J\.\s?|Con\.\s?)?Res\.|[HS]\.\s?Amdt\.)\s?\d{1,5}\b", Options)]
    private static partial Regex Bill();

    // 597 U.S. 697 (2022), 141 S. Ct. 2038, 987 F.3d 1234 (9th Cir. 2021), 2024 WL 123456
    [GeneratedRegex(@"\b\d{1,4}\s+(?:U\.S\.|S\.\s?Ct\.|F\.(?:\s?(?:2d|3d|4th))?|F\.\s?Supp\.(?:\s?(?:2d|3d))?|F\.\s?App'x|L\.\s?Ed\.(?:\s?2d)?|WL)\s+\d+(?:,\s*\d+)?(?:\s*\([^()]{0,40}\d{4}\))?", Options)]
    private static partial Regex CaseCitation();

    // No. 24-154, Case No. 2:24-cv-01234, Docket No. FDA-2024-N-1234, Executive Order 14154, E.O. 13985
    [GeneratedRegex(@"\b(?:(?:Case|Docket|Dkt\.)\s+)?No(?:s)?\.\s?(?:\d+:)?\d{1,4}-[A-Za-z]{0,4}-?\d+(?:-[A-Za-z0-9]+)*|\b(?:Docket|Dkt\.)\s+(?:No\.\s?)?[A-Z]{2,6}-\d{4}-[A-Z0-9-]+|\b(?:Executive\s+Order|E\.\s?O\.)\s+(?:No\.\s?)?\d{4,5}", Options)]
    private static partial Regex Docket();

    // Section 73100, Sections 5121 and 5122, Title IV, Subtitle A, Part 300, Article I, Rule 14c-8, section 1536(h), page 10, pages 5-6
    [GeneratedRegex(@"\b(?:[Ss]ections?|[Ss]ecs?\.|Titles?|Subtitles?|[Ss]ubsections?|[Pp]aragraphs?|[Ss]ubparagraphs?|[Cc]lauses?|Articles?|Parts?|Subparts?|Chapters?|Subchapters?|Divisions?|Rules?|Amendments?|[Pp]ages?)\s+(?:" + Designator + "|[IVXLC]{1,6}(?![a-z])|[A-Z](?![A-Za-z]))" + @"(?:\s*(?:,|and|or|through|to|-|–)\s*(?:" + Designator + @"|[IVXLC]{1,6}(?![a-z])|\([A-Za-z0-9]{1,4}\)))*", Options)]
    private static partial Regex PartReference();

    // (see Figure 1 for a notional example), (see Table 2), (see also Appendix A), (see textbox below), (see below for definition),
    // (see "A Section's Title"), (see appendix A), (see Fig. 1): a parenthesis that opens on "see" or "cf." and a figure, table, box, appendix, a direction or a
    // quoted heading, closed within 160 characters on the same line with no bracket inside. "(see page 10)" stays a Section
    // reference; "(see CRS Report R1, …)" a Report.
    [GeneratedRegex(@"\((?:[Ss]ee|[Cc]f\.)(?:\s+also)?\s+(?:(?:the\s+)?(?:(?i:figures?|tables?|box(?:es)?|text\s?box(?:es)?|appendix|appendices|exhibits?|maps?|charts?|graphs?)\b|(?i:figs?)\.)|(?:below|above|earlier|later)\b|[""“])[^()\[\]\n]{0,160}\)", Options)]
    private static partial Regex Pointer();
}

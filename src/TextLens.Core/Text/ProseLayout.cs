using System.Buffers;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace TextLens.Core.Text;

/// <summary>What kind of block a run of prose came from.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    ListItem,
    Quote,
}

/// <summary>Why a Markdown document was not given to Markdig and was laid out as plain text instead.</summary>
public enum MarkdownRefusal
{
    /// <summary>It was parsed as Markdown (or is plain text).</summary>
    None,

    /// <summary>Its block quotes and lists may nest deeper than Markdig's limit (<see cref="MarkdownNesting"/>).</summary>
    NestedTooDeep,

    /// <summary>It has more inline-link tails that do not close than Markdig reads in linear time (<see cref="MarkdownLinkTails"/>).</summary>
    UnclosedLinks,

    /// <summary>Markdig refused it: its blocks or inlines (e.g. thousands of emphasis marks in one paragraph) nest deeper than its limit.</summary>
    Refused,
}

/// <summary>A block of prose (a paragraph, heading, list item…) and its span in the original text.</summary>
public readonly record struct ProseBlock(TextSpan Span, BlockKind Kind);

/// <summary>
/// The prose of a document. <see cref="Text"/> has exactly the length of the original content, with
/// every character that is not prose (Markdown syntax, code, HTML, link targets, front matter)
/// replaced by a space, so that every offset found in it is an offset into the original file.
/// Tables are data, not prose, and are masked too.
/// </summary>
public sealed class ProseLayout
{
    private static readonly MarkdownPipeline Pipeline = Builder(autoLinks: true).Build();

    // The same pipeline without bare links, for a text on which the autolink extension would take time quadratic in its
    // length (MarkdownAutoLinks).
    private static readonly MarkdownPipeline PipelineWithoutAutoLinks = Builder(autoLinks: false).Build();

    // The opening characters of the inline parsers other than the autolink extension's (MarkdownAutoLinks.Work).
    internal static readonly SearchValues<char> InlineOpeners = OpeningCharacters(Builder(autoLinks: false));

    private static MarkdownPipelineBuilder Builder(bool autoLinks)
    {
        MarkdownPipelineBuilder builder = new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .UseGridTables();
        if (autoLinks)
        {
            builder = builder.UseAutoLinks();
        }

        return builder.UseFootnotes();
    }

    /// <summary>Whether <paramref name="content"/> is parsed with the autolink extension (<see cref="MarkdownAutoLinks"/>).</summary>
    internal static bool ReadsBareLinks(string content) =>
        MarkdownAutoLinks.Work(content, InlineOpeners, stopAt: MarkdownAutoLinks.MaximumWork + 1) <= MarkdownAutoLinks.MaximumWork;

    // Every character at which one of the builder's inline parsers may start an element (and the carriage return, a line
    // break on its own). The extensions add their parsers when the pipeline is built, so it is built first.
    internal static SearchValues<char> OpeningCharacters(MarkdownPipelineBuilder builder)
    {
        _ = builder.Build();
        return SearchValues.Create([.. builder.InlineParsers.SelectMany(p => p.OpeningCharacters ?? []).Append('\r').Distinct().Order()]);
    }

    /// <summary>The depth of nesting (blocks or inlines) beyond which Markdig refuses a document.</summary>
    public static int MaximumMarkdownDepth => Pipeline.MaximumNestingDepth;

    private ProseLayout(string text, IReadOnlyList<ProseBlock> blocks, IReadOnlyList<TextSpan>? html = null)
    {
        Text = text;
        Blocks = blocks;
        Html = html;
    }

    public string Text { get; }

    public IReadOnlyList<ProseBlock> Blocks { get; }

    /// <summary>
    /// For a layout made from a Markdown tree, the spans of raw HTML in it (<see cref="HtmlSpans(string)"/> of the same
    /// content, taken from the same parse so the inline-suppression parser need not parse the document again); for a
    /// Markdown document laid out as plain text (<see cref="Refusal"/>), the whole text, since its HTML could be anywhere;
    /// null for plain text.
    /// </summary>
    public IReadOnlyList<TextSpan>? Html { get; }

    /// <summary>Why a Markdown document was laid out as plain text (<see cref="MarkdownRefusal.None"/> when it was not).</summary>
    public MarkdownRefusal Refusal { get; private init; }

    public static ProseLayout Create(SourceText source) =>
        source.Format == DocumentFormat.Markdown ? FromMarkdown(source.Content) : FromPlainText(source.Content);

    public static ProseLayout FromPlainText(string content)
    {
        var blocks = new List<ProseBlock>();
        int i = 0;
        int n = content.Length;
        int blockStart = -1;
        int blockEnd = -1;
        List<TextSpan>? comments = null;
        while (i < n)
        {
            int lineStart = i;
            while (i < n && content[i] != '\n' && content[i] != '\r')
            {
                i++;
            }

            int lineEnd = i;
            if (i < n && content[i] == '\r' && i + 1 < n && content[i + 1] == '\n')
            {
                i += 2;
            }
            else if (i < n)
            {
                i++;
            }

            bool blank = content.AsSpan(lineStart, lineEnd - lineStart).IsWhiteSpace();
            bool comment = !blank && IsCommentLine(content.AsSpan(lineStart, lineEnd - lineStart));
            bool listItem = !blank && !comment && IsListItemLine(content.AsSpan(lineStart, lineEnd - lineStart));
            if (comment)
            {
                (comments ??= []).Add(TextSpan.FromBounds(lineStart, lineEnd));
            }

            if (blank || comment || listItem)
            {
                if (blockStart >= 0)
                {
                    blocks.Add(new ProseBlock(TextSpan.FromBounds(blockStart, blockEnd), BlockKind.Paragraph));
                    blockStart = -1;
                }

                if (listItem)
                {
                    blocks.Add(new ProseBlock(Trim(content, lineStart, lineEnd), BlockKind.ListItem));
                }

                continue;
            }

            if (blockStart < 0)
            {
                blockStart = lineStart;
            }

            blockEnd = lineEnd;
        }

        if (blockStart >= 0)
        {
            blocks.Add(new ProseBlock(TextSpan.FromBounds(blockStart, blockEnd), BlockKind.Paragraph));
        }

        for (int b = 0; b < blocks.Count; b++)
        {
            blocks[b] = blocks[b] with { Span = Trim(content, blocks[b].Span.Start, blocks[b].Span.End) };
        }

        blocks.RemoveAll(b => b.Span.IsEmpty);
        if (comments is null)
        {
            return new ProseLayout(content, blocks);
        }

        char[] text = content.ToCharArray();
        foreach (TextSpan c in comments)
        {
            Array.Fill(text, ' ', c.Start, c.Length);
        }

        return new ProseLayout(new string(text), blocks);
    }

    /// <summary>
    /// A plain-text comment line: its first non-blank characters are '%%'. Comment lines are not prose
    /// (they end a paragraph and are masked) and carry directives such as '%% textlens-disable TL1234'.
    /// </summary>
    public static bool IsCommentLine(ReadOnlySpan<char> line) => line.TrimStart().StartsWith("%%", StringComparison.Ordinal);

    /// <summary>
    /// The prose of a Markdown document. Markdig refuses input nested deeper than its limits (e.g. 64 list
    /// levels or 128 quote markers), and would take time quadratic in the length of a text with many unclosed inline
    /// links; such a document is laid out as plain text instead, so it is still analysed and no other document is affected.
    /// </summary>
    public static ProseLayout FromMarkdown(string content)
    {
        if (TryParseMarkdown(content, out MarkdownRefusal refusal) is not { } document)
        {
            ProseLayout plain = FromPlainText(WithoutHtmlComments(content));
            return new ProseLayout(plain.Text, plain.Blocks, Unknown(content)) { Refusal = refusal };
        }

        // One walk of the tree finds the prose (written straight into the layout's string) and the raw HTML.
        var blocks = new List<ProseBlock>();
        var html = new List<TextSpan>();
        string text = string.Create(content.Length, (content, document, blocks, html), static (masked, state) =>
        {
            (string content, MarkdownDocument document, List<ProseBlock> blocks, List<TextSpan> html) = state;
            masked.Fill(' ');
            foreach (LeafBlock leaf in document.Descendants<LeafBlock>())
            {
                if (leaf is HtmlBlock)
                {
                    AddHtmlSpan(html, leaf.Span.Start, leaf.Span.End, content.Length);
                }

                if (leaf.Inline is null)
                {
                    continue;
                }

                bool prose = !(leaf is CodeBlock || leaf is YamlFrontMatterBlock || leaf is HtmlBlock || IsInTable(leaf));
                int first = int.MaxValue;
                int last = -1;
                foreach (Inline inline in leaf.Inline.Descendants<Inline>())
                {
                    if (inline is HtmlInline)
                    {
                        AddHtmlSpan(html, inline.Span.Start, inline.Span.End, content.Length);
                        continue;
                    }

                    if (!prose || inline is not LiteralInline literal || IsInsideSkippedInline(literal))
                    {
                        continue;
                    }

                    int start = literal.Span.Start;
                    int end = literal.Span.End + 1;
                    if (start < 0 || end > content.Length || end <= start)
                    {
                        continue;
                    }

                    content.AsSpan(start, end - start).CopyTo(masked[start..]);
                    first = Math.Min(first, start);
                    last = Math.Max(last, end);
                }

                if (last > first)
                {
                    blocks.Add(new ProseBlock(TextSpan.FromBounds(first, last), KindOf(leaf)));
                }
            }
        });

        blocks.Sort((a, b) => a.Span.CompareTo(b.Span));
        html.Sort();
        return new ProseLayout(text, WithoutOverlaps(blocks), html);
    }

    /// <summary>
    /// A Markdown document laid out as plain text, its closed HTML comments (<c>&lt;!-- … --&gt;</c>, and the empty forms
    /// <c>&lt;!--&gt;</c> and <c>&lt;!---&gt;</c>) blanked out but for their line breaks: a comment is not prose (its
    /// suppression directives, its notes to editors), and a line that held only a comment ends a paragraph as a blank one
    /// does. One pass from left to right; an unclosed <c>&lt;!--</c> is left as text, since no later comment can close.
    /// </summary>
    internal static string WithoutHtmlComments(string content)
    {
        int open = content.IndexOf("<!--", StringComparison.Ordinal);
        if (open < 0)
        {
            return content;
        }

        char[]? text = null;
        while (open >= 0)
        {
            int end = CommentEnd(content, open);
            if (end < 0)
            {
                break;
            }

            text ??= content.ToCharArray();
            for (int i = open; i < end; i++)
            {
                if (text[i] is not ('\n' or '\r'))
                {
                    text[i] = ' ';
                }
            }

            open = content.IndexOf("<!--", end, StringComparison.Ordinal);
        }

        return text is null ? content : new string(text);
    }

    // The end (exclusive) of the HTML comment that opens at `open`, or -1 when it does not close (CommonMark 0.31: "<!-->"
    // and "<!--->" are comments too).
    private static int CommentEnd(string content, int open)
    {
        int body = open + 4;
        if (body < content.Length && content[body] == '>')
        {
            return body + 1;
        }

        if (body + 1 < content.Length && content[body] == '-' && content[body + 1] == '>')
        {
            return body + 2;
        }

        int close = content.IndexOf("-->", body, StringComparison.Ordinal);
        return close < 0 ? -1 : close + 3;
    }

    /// <summary>
    /// Blocks in order with no character in two of them: Markdig can give two leaf blocks overlapping literal
    /// spans on malformed input (found by fuzzing: <c>"##\u0001 \n #\t"</c>), which would analyse the same words
    /// twice and put sentences out of order. A block is cut to start where the previous one ends, or dropped.
    /// </summary>
    private static List<ProseBlock> WithoutOverlaps(List<ProseBlock> sorted)
    {
        var result = new List<ProseBlock>(sorted.Count);
        int end = 0;
        foreach (ProseBlock block in sorted)
        {
            if (block.Span.End <= end)
            {
                continue;
            }

            result.Add(block.Span.Start >= end ? block : block with { Span = TextSpan.FromBounds(end, block.Span.End) });
            end = block.Span.End;
        }

        return result;
    }

    /// <summary>
    /// The spans of raw HTML in a Markdown document (HTML blocks, including comments, and inline HTML),
    /// in document order. Code spans and code blocks are not HTML, so HTML shown as code is not included. A document that
    /// is not parsed (see <see cref="FromMarkdown"/>) is one span: all of it.
    /// </summary>
    public static IReadOnlyList<TextSpan> HtmlSpans(string content) =>
        TryParseMarkdown(content, out _) is { } document ? HtmlSpans(document, content.Length) : Unknown(content);

    /// <summary>
    /// The HTML spans of a Markdown document that is not parsed (<see cref="Refusal"/>): where its HTML is is unknown, so all
    /// of it may be, and an inline-suppression comment anywhere in it counts.
    /// </summary>
    private static TextSpan[] Unknown(string content) => [TextSpan.FromBounds(0, content.Length)];

    private static List<TextSpan> HtmlSpans(MarkdownDocument document, int length)
    {
        var spans = new List<TextSpan>();
        foreach (HtmlBlock block in document.Descendants<HtmlBlock>())
        {
            AddHtmlSpan(spans, block.Span.Start, block.Span.End, length);
        }

        foreach (HtmlInline inline in document.Descendants<HtmlInline>())
        {
            AddHtmlSpan(spans, inline.Span.Start, inline.Span.End, length);
        }

        spans.Sort();
        return spans;
    }

    // On malformed Markdown Markdig can give an inline an inverted span (fuzzing found end 5 before start 72):
    // its place is unknown, so it is left out rather than guessed.
    private static void AddHtmlSpan(List<TextSpan> spans, int start, int inclusiveEnd, int length)
    {
        int from = Math.Clamp(start, 0, length);
        int to = Math.Clamp(inclusiveEnd + 1, 0, length);
        if (to >= from)
        {
            spans.Add(TextSpan.FromBounds(from, to));
        }
    }

    /// <summary>
    /// The Markdig tree, or null when the input is nested beyond Markdig's depth limit or would take Markdig time
    /// quadratic in its length. A text whose containers may nest that deep is not parsed at all: Markdig would spend time
    /// cubic in the depth before refusing it (<see cref="MarkdownNesting"/>). Nor is a text with many inline-link tails
    /// that do not close, which Markdig reads again from every opening (<see cref="MarkdownLinkTails"/>). A text with so
    /// many bare links among other inline elements that the autolink extension's walks would take quadratic time is
    /// parsed without that extension (<see cref="MarkdownAutoLinks"/>).
    /// </summary>
    private static MarkdownDocument? TryParseMarkdown(string content, out MarkdownRefusal refusal)
    {
        refusal = MarkdownRefusal.None;
        if (MarkdownNesting.UpperBound(content, stopAt: Pipeline.MaximumNestingDepth) >= Pipeline.MaximumNestingDepth)
        {
            refusal = MarkdownRefusal.NestedTooDeep;
            return null;
        }

        if (MarkdownLinkTails.CountLong(content, stopAt: MarkdownLinkTails.MaximumLongTails + 1) > MarkdownLinkTails.MaximumLongTails)
        {
            refusal = MarkdownRefusal.UnclosedLinks;
            return null;
        }

        try
        {
            return Markdown.Parse(content, ReadsBareLinks(content) ? Pipeline : PipelineWithoutAutoLinks);
        }
        catch (ArgumentException)
        {
            refusal = MarkdownRefusal.Refused;
            return null;
        }
    }

    private static bool IsInsideSkippedInline(Inline inline)
    {
        for (ContainerInline? parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline { IsImage: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tables hold data, not prose: their cells are not analysed.</summary>
    private static bool IsInTable(Block block)
    {
        for (ContainerBlock? parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is Table)
            {
                return true;
            }
        }

        return false;
    }

    private static BlockKind KindOf(LeafBlock leaf)
    {
        if (leaf is HeadingBlock)
        {
            return BlockKind.Heading;
        }

        for (ContainerBlock? parent = leaf.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case ListItemBlock:
                    return BlockKind.ListItem;
                case QuoteBlock:
                    return BlockKind.Quote;
            }
        }

        return BlockKind.Paragraph;
    }

    private static bool IsListItemLine(ReadOnlySpan<char> line)
    {
        ReadOnlySpan<char> t = line.TrimStart();
        if (t.Length >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '•' || t[0] == '+') && t[1] == ' ')
        {
            return true;
        }

        int d = 0;
        while (d < t.Length && d < 3 && char.IsAsciiDigit(t[d]))
        {
            d++;
        }

        return d > 0 && d + 1 < t.Length && (t[d] == '.' || t[d] == ')') && t[d + 1] == ' ';
    }

    private static TextSpan Trim(string content, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(content[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(content[end - 1]))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }
}

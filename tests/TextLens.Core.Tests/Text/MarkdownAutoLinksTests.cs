using System.Text.Json;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Text;

/// <summary>
/// The bound that keeps Markdig's autolink extension off a text on which it would take quadratic time (it walks back
/// over the paragraph's inline elements before every bare link: 40,000 URLs in one paragraph took 18 s, 200,000 did
/// not end in 120 s): such a text is still parsed as Markdown, its bare links read as plain text; real documents keep
/// the extension; and the bound never under-estimates Markdig's walks.
/// </summary>
public sealed class MarkdownAutoLinksTests
{
    [Fact]
    public void Thousands_of_bare_links_in_one_paragraph_are_read_as_plain_text_of_a_markdown_document()
    {
        string links = string.Join(" ", Enumerable.Range(0, 20_000).Select(i => $"https://example.org/report/{i}"));
        string content = "# Sources\n\nThe council approved the budget after the vote.\n\n" + links + "\n";

        Assert.False(ProseLayout.ReadsBareLinks(content));
        ProseLayout layout = ProseLayout.FromMarkdown(content);
        Assert.Equal(MarkdownRefusal.None, layout.Refusal);
        Assert.Equal(3, layout.Blocks.Count);
        Assert.Equal(BlockKind.Heading, layout.Blocks[0].Kind);
        Assert.Equal(links, layout.Text.Substring(layout.Blocks[2].Span.Start, layout.Blocks[2].Span.Length));
    }

    [Fact]
    public void Lists_of_links_keep_the_extension_up_to_the_bound()
    {
        // A tight list is one run (no blank line), so its bound grows with the square of its items; a loose one is cut
        // at every item.
        string Item(int i) => $"- See https://example.org/r/{i} and *www.example.org/{i}*\n";
        string tight = "Further reading:\n\n" + string.Concat(Enumerable.Range(0, 300).Select(Item));
        string loose = "Further reading:\n\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => Item(i) + "\n"));

        Assert.True(ProseLayout.ReadsBareLinks(tight));
        Assert.True(ProseLayout.ReadsBareLinks(loose));
        MarkdownDocument document = Markdig.Markdown.Parse(loose, new MarkdownPipelineBuilder().UseAutoLinks().Build());
        Assert.Equal(40_000, document.Descendants<LinkInline>().Count(l => l.IsAutoLink));
    }

    [Fact]
    public void A_paragraph_with_a_few_bare_links_keeps_the_extension()
    {
        // With the extension a bare link is one literal, so the emphasis marks inside it stay part of it.
        string content = "The agency posts its data at https://www.epa.gov/energy and at www.energystar.gov, with questions to "
            + "mailto:info@energystar.gov; the draft is at https://example.org/*draft*/rule for comment.\n";

        Assert.True(ProseLayout.ReadsBareLinks(content));
        Assert.Equal(content.TrimEnd('\n'), ProseLayout.FromMarkdown(content).Text.TrimEnd('\n', ' '));
    }

    [Fact]
    public void The_repository_s_own_markdown_and_the_seeds_keep_the_extension()
    {
        IReadOnlyList<string> files = TestPaths.OwnMarkdownAndSeeds();
        Assert.True(files.Count > 10);
        foreach (string path in files)
        {
            Assert.True(ProseLayout.ReadsBareLinks(File.ReadAllText(path)), path);
        }
    }

    [Fact]
    public void The_crs_reports_keep_the_extension()
    {
        IReadOnlyList<(string Id, string Text, bool Markdown)> reports = SharedData.CrsReports();
        foreach ((string id, string text, _) in reports)
        {
            Assert.True(ProseLayout.ReadsBareLinks(text), id);
        }
    }

    /// <summary>
    /// Before each bare link Markdig walks back over at most the inline elements of its leaf block: the bound must be at
    /// least the sum, over leaf blocks, of their link starts times their inline elements. Checked on 20,000 generated
    /// texts of Markdown block and inline syntax.
    /// </summary>
    [Fact]
    public void The_bound_is_never_below_the_walks_markdig_can_take()
    {
        MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
            .UsePreciseSourceLocation().UseYamlFrontMatter().UsePipeTables().UseGridTables().UseAutoLinks().UseFootnotes().Build();
        string[] pieces =
        [
            "https://a.b/c ", "(", "~", "é", "(www.q.r", "www.x.y ", "HTTP://Q.R ", "mailto:a@b.c ", "tel:123 ", "ftp://f.g ", "word ", "text", "`c`", "*", "_", "**",
            "[a](b)", "[a]", "](", "![i](j)", "<a href=x>", "</a>", "<b>", "&amp;", "\\*", "[^1]", "|", " | ", "\n", "\n\n", "\n- ",
            "\n* ", "\n+ ", "\n# ", "\n## ", "\n> ", "\n  - ", "\n   - ", "\n    - ", "\n1. ", "\n2) ", "\n---\n", "\n```\n", "\t", "\r\n",
            "\r", "- ", " -", "#", "\n- - -\n", "\n|---|---|\n", "\n[^1]: note ",
        ];
        var random = new Random(20261207);
        long largest = 0;
        for (int n = 0; n < 20_000; n++)
        {
            string content = string.Concat(Enumerable.Range(0, random.Next(4, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            MarkdownDocument document = Markdig.Markdown.Parse(content, pipeline);
            long walks = 0;
            foreach (LeafBlock leaf in document.Descendants<LeafBlock>())
            {
                if (leaf.Inline is null)
                {
                    continue;
                }

                // The text the leaf's inlines were read from (a table cell's own span can be wider than its text).
                List<Inline> inlines = [.. leaf.Inline.Descendants<Inline>()];
                List<Inline> placed = [.. inlines.Where(i => i.Span.Length > 0)]; // a footnote link has no place (0..-1)
                if (placed.Count == 0)
                {
                    continue;
                }

                int start = Math.Max(0, placed.Min(i => i.Span.Start));
                int end = Math.Min(content.Length, placed.Max(i => i.Span.End) + 1);
                long starts = end > start ? LinkStarts(content.AsSpan(start, end - start)) : 0;
                walks += starts * (inlines.Count + 1);
            }

            long bound = MarkdownAutoLinks.Work(content, ProseLayout.InlineOpeners, stopAt: long.MaxValue);
            Assert.True(walks <= bound, $"walks {walks} > bound {bound} for {JsonSerializer.Serialize(content)}");
            largest = Math.Max(largest, walks);
        }

        Assert.True(largest > 0);
    }

    // The places Markdig tries a bare link (and walks): a scheme after the start, white space or one of AutoLinkOptions'
    // ValidPreviousCharacters ("*_~(").
    private static long LinkStarts(ReadOnlySpan<char> text)
    {
        long count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (i > 0 && !char.IsWhiteSpace(text[i - 1]) && "*_~(".IndexOf(text[i - 1]) < 0)
            {
                continue;
            }

            foreach (string scheme in (string[])["https://", "http://", "www.", "ftp://", "mailto:", "tel:"])
            {
                if (text[i..].StartsWith(scheme, StringComparison.Ordinal))
                {
                    count++;
                }
            }
        }

        return count;
    }
}

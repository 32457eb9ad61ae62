using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Text;

/// <summary>
/// The count that keeps Markdown with many unclosed inline-link tails away from Markdig, which reads such a tail again
/// from every opening inside it (<c>[a](</c> × 50,000 took 12.87 s): every form Markdig reads far must count, real
/// links must not, and the reading must never call long a tail that Markdig closes sooner.
/// </summary>
public sealed class MarkdownLinkTailsTests
{
    private const string Sentence = "The council approved the budget after the vote.";

    public static TheoryData<string, string> Unclosed() => new()
    {
        // Each form's Markdig time grows with the square of its openings in one paragraph.
        { "destination with no end", "[a](" },
        { "destination after a word", "[a](b" },
        { "empty link text", "[](" },
        { "balanced parentheses keep the destination open", "[a](x(y)" },
        { "escaped parenthesis", "[a](\\(" },
        { "quotation mark inside the destination", "[a](b\"" },
        { "a title in parentheses that never closes", "[a](b (x " },
        { "angle-bracketed destination then an open title", "[a](<b> (x " },
    };

    [Theory]
    [MemberData(nameof(Unclosed))]
    public void Many_unclosed_tails_are_counted_and_the_text_is_laid_out_as_plain_text(string form, string opening)
    {
        string content = Sentence + "\n\n" + string.Concat(Enumerable.Repeat(opening, 5_000)) + "\n\n" + Sentence + "\n";

        Assert.True(
            MarkdownLinkTails.CountLong(content, stopAt: MarkdownLinkTails.MaximumLongTails + 1) > MarkdownLinkTails.MaximumLongTails,
            form);
        ProseLayout layout = ProseLayout.FromMarkdown(content);
        Assert.Equal([TextSpan.FromBounds(0, content.Length)], layout.Html);
        Assert.Equal(MarkdownRefusal.UnclosedLinks, layout.Refusal);
        Assert.Equal(ProseLayout.FromPlainText(content).Text, layout.Text);
    }

    public static TheoryData<string, string> Closed() => new()
    {
        { "links with titles", Repeat("[the act](https://www.congress.gov/bill/117th-congress/house-bill/1156 \"H.R. 1156\") ") },
        { "links with no space between them", Repeat("[a](https://example.org/a)[b](https://example.org/b(c))") },
        { "badges: images inside links", Repeat("[![build](https://img.example/b.svg)](https://ci.example/b) ") },
        { "angle-bracketed destinations", Repeat("[a](<https://example.org/a b> 'title') ") },
        { "a tail over two lines", Repeat("[a](\nhttps://example.org/a\n\"title\") ") },
        { "link text without a tail", Repeat("[a] [b][c] [d]: not a definition ") },
        { "a few tails that do not close", Sentence + " [a](b " + Sentence + "\n\n" + string.Concat(Enumerable.Repeat("[a](", MarkdownLinkTails.MaximumLongTails)) },
    };

    [Theory]
    [MemberData(nameof(Closed))]
    public void Real_links_are_not_counted_and_the_text_is_parsed_as_markdown(string form, string content)
    {
        Assert.True(MarkdownLinkTails.CountLong(content, stopAt: int.MaxValue) <= MarkdownLinkTails.MaximumLongTails, form);
        Assert.NotNull(ProseLayout.FromMarkdown(content).Html);
    }

    [Fact]
    public void The_repository_s_own_markdown_and_the_seeds_have_no_long_tail()
    {
        IReadOnlyList<string> files = TestPaths.OwnMarkdownAndSeeds();
        Assert.True(files.Count > 10);
        foreach (string path in files)
        {
            Assert.True(MarkdownLinkTails.CountLong(File.ReadAllText(path), stopAt: int.MaxValue) == 0, path);
        }
    }

    [Fact]
    public void The_crs_reports_have_no_long_tail()
    {
        IReadOnlyList<(string Id, string Text, bool Markdown)> reports = SharedData.CrsReports();
        foreach ((string id, string text, _) in reports)
        {
            Assert.True(MarkdownLinkTails.CountLong(text, stopAt: int.MaxValue) == 0, id);
        }
    }

    /// <summary>
    /// The reading must over-estimate Markdig's: wherever Markdig closes an inline link within the reach, the tail is not
    /// long. Checked with small reaches on 20,000 generated texts of link syntax, on every link Markdig finds.
    /// </summary>
    [Fact]
    public void A_tail_markdig_closes_within_the_reach_is_never_long()
    {
        MarkdownPipeline pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();
        string[] pieces = ["[a](", "[a](", "](", "(", ")", ")", ")", "a", "b c", " ", "\n", "\"", "'", "\\", "<", ">", "\t", "![", "http://x.y/"];
        var random = new Random(20261207);
        int links = 0;
        for (int n = 0; n < 20_000; n++)
        {
            string content = string.Concat(Enumerable.Range(0, random.Next(4, 24)).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (LinkInline link in Markdown.Parse(content, pipeline).Descendants<LinkInline>())
            {
                if (link.IsAutoLink || link.Reference is not null || link.IsShortcut || link.UrlSpan.IsEmpty || link.UrlSpan.Start <= 1)
                {
                    continue;
                }

                int opening = content.LastIndexOf("](", link.UrlSpan.Start - 1, StringComparison.Ordinal);
                Assert.True(opening >= 0, content);
                int start = opening + 2;
                int read = link.Span.End + 1 - start;
                links++;
                foreach (int reach in new[] { 2, 4, 8, 16 })
                {
                    if (read < reach)
                    {
                        Assert.False(MarkdownLinkTails.IsLong(content, start, reach), $"reach {reach}: {content}");
                    }
                }
            }
        }

        Assert.True(links > 1_000, $"only {links} links");
    }

    private static string Repeat(string piece) =>
        Sentence + "\n\n" + string.Join("\n\n", Enumerable.Range(0, 200).Select(_ => string.Concat(Enumerable.Repeat(piece, 20)))) + "\n";
}

using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Text;

public class ProseLayoutTests
{
    private const string Markdown = """
        ---
        title: Front matter is skipped
        ---

        # Chongryon and Japan

        The **General Association** of Korean Residents is described in [a report](https://example.org/report).
        It runs `code` schools.

        ```python
        print("this is code, not prose")
        ```

        <div>HTML is skipped</div>

        - First item of a list
        - Second item

        | Year | Funding |
        |---|---|
        | 2015 | $44.2 |
        """;

    [Fact]
    public void Markdown_prose_keeps_original_offsets_and_skips_non_prose()
    {
        var source = SourceText.From(Markdown, "doc.md");
        ParsedDocument doc = ParsedDocument.Parse(source);
        string[] sentences = [.. doc.Sentences.Select(s => s.Text)];
        Assert.Equal(
            ["Chongryon and Japan", "The General Association of Korean Residents is described in a report.", "It runs schools.", "First item of a list", "Second item"],
            sentences);
        foreach (Token token in doc.Tokens)
        {
            Assert.Equal(token.Text.Replace("'", "’", StringComparison.Ordinal), source.ToString(token.Span).Replace("'", "’", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(doc.Tokens, t => t.Lower is "print" or "html" or "https" or "title" or "example" or "funding" or "2015");
        Assert.Equal(BlockKind.Heading, doc.Sentences[0].Kind);
        Assert.Equal(BlockKind.ListItem, doc.Sentences[^1].Kind);
    }

    [Fact]
    public void Markdown_layout_lists_the_raw_html_of_blocks_inlines_tables_and_lists_but_not_code()
    {
        string content = "# Head <b>x</b>\n\n<!-- a comment -->\nText <i>y</i>.\n\n- item <u>z</u>\n\n| <s>c</s> | d |\n|---|---|\n| e | f |\n\n" +
            "`<q>code</q>`\n\n```\n<p>code</p>\n```\n";
        ProseLayout layout = ProseLayout.FromMarkdown(content);
        string[] html = [.. layout.Html!.Select(s => content.Substring(s.Start, s.Length).TrimEnd('\n'))];
        Assert.Equal(["<b>", "</b>", "<!-- a comment -->", "<i>", "</i>", "<u>", "</u>", "<s>", "</s>"], html);
        Assert.Equal(ProseLayout.HtmlSpans(content), layout.Html);
    }

    [Fact]
    public void Markdown_with_crlf_maps_lines_and_columns()
    {
        string text = "# Title\r\n\r\nFirst sentence here. Second one\r\nwraps to the next line.\r\n";
        var source = SourceText.From(text, "crlf.md");
        ParsedDocument doc = ParsedDocument.Parse(source);
        Assert.Equal(3, doc.Sentences.Count);
        Sentence second = doc.Sentences[2];
        Assert.Equal("Second one wraps to the next line.", second.Text);
        LinePosition start = source.GetLinePosition(second.Span.Start);
        Assert.Equal((3, 22), (start.DisplayLine, start.DisplayColumn));
        LinePosition end = source.GetLinePosition(second.Span.End);
        Assert.Equal(4, end.DisplayLine);
    }

    [Fact]
    public void Plain_text_paragraphs_split_at_blank_lines_and_list_lines()
    {
        ProseLayout layout = ProseLayout.FromPlainText("One paragraph\nwrapped.\n\n- a list item\n- another\n\nLast.");
        Assert.Equal([BlockKind.Paragraph, BlockKind.ListItem, BlockKind.ListItem, BlockKind.Paragraph], layout.Blocks.Select(b => b.Kind));
    }
}

using CsCheck;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Robustness;

/// <summary>
/// Property tests (CsCheck) on spans and offsets over generated text that mixes prose, Markdown syntax, line breaks
/// of every kind, surrogate pairs, soft hyphens and zero-width characters: every offset TextLens reports must point
/// into the original text. A failing case is shrunk and printed with its seed.
/// </summary>
public sealed class SpanPropertyTests
{
    private static readonly string[] Pieces =
    [
        "The council ", "approved ", "the budget", ". ", "Dr. ", "U.S. ", "e.g. ", "2.5% ", "\"Yes,\" ", "he said", "! ", "? ", "...",
        "\n", "\r\n", "\r", "\n\n", "# ", "- ", "1. ", "> ", "* ", "`code`", "```\n", "<b>", "</b>", "<!-- textlens-disable -->", "[link](http://x.y)",
        "| a | b |\n|---|---|\n", "| <i>c</i> | d |\n", "---\n", "%% textlens-disable-next-line\n", "\u00AD", "\u200B", "😀", "é", "政府", "。", "\t", "  ",
    ];

    private static readonly Gen<string> Text = Gen.Int[0, Pieces.Length - 1].Array[0, 60].Select(ix => string.Concat(ix.Select(i => Pieces[i])));

    [Fact]
    public void Markdown_prose_map_keeps_every_offset()
    {
        Text.Sample(text =>
        {
            ProseLayout layout = ProseLayout.FromMarkdown(text);
            Assert.Equal(text.Length, layout.Text.Length);
            Assert.Equal(ProseLayout.HtmlSpans(text), layout.Html); // found in the same walk as the prose, not a walk of its own
            Assert.All(layout.Blocks, b => Assert.True(b.Span.Start >= 0 && b.Span.End <= text.Length));
            for (int i = 0; i < text.Length; i++)
            {
                Assert.True(layout.Text[i] == text[i] || char.IsWhiteSpace(layout.Text[i]), $"offset {i} changed to something other than a space");
            }
        }, iter: 300);
    }

    [Theory]
    [InlineData("doc.txt")]
    [InlineData("doc.md")]
    public void Sentences_and_tokens_lie_in_the_text_in_order(string path)
    {
        Text.Sample(text =>
        {
            ParsedDocument document = ParsedDocument.Parse(SourceText.From(text, path));
            int end = 0;
            foreach (Sentence s in document.Sentences)
            {
                Assert.True(s.Span.Start >= end && s.Span.End <= text.Length, $"sentence {s.Index} {s.Span} after {end}");
                Assert.True(s.FirstToken >= 0 && s.FirstToken + s.TokenCount <= document.Tokens.Count);
                end = s.Span.End;
            }

            // A token's text is its span less the invisible joiners inside a word (soft hyphen, zero-width characters).
            Assert.All(document.Tokens, t => Assert.Equal(
                string.Concat(text.Substring(t.Span.Start, t.Span.Length).Where(c => !Tokenizer.IsInvisibleJoiner(c))),
                string.Concat(t.Text.Where(c => !Tokenizer.IsInvisibleJoiner(c)))));
        }, iter: 300);
    }

    [Fact]
    public void Line_positions_round_trip()
    {
        Text.Sample(text =>
        {
            var source = SourceText.From(text, "doc.txt");
            for (int offset = 0; offset <= text.Length; offset++)
            {
                LinePosition p = source.GetLinePosition(offset);
                TextSpan line = source.GetLineSpan(p.Line);
                Assert.Equal(offset, line.Start + p.Character);
            }
        }, iter: 300);
    }
}

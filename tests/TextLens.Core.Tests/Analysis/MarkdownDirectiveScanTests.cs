using System.Text;
using System.Text.RegularExpressions;
using TextLens.Core.Analysis.Suppressions;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Analysis;

/// <summary>
/// The linear scan for Markdown directives finds exactly the spans the directive pattern's own search finds: checked
/// on hand-picked edge cases and on texts generated from the pieces that decide a match (openings, closings, line ends,
/// white space of several kinds, kinds that do and do not end at a word boundary).
/// </summary>
public class MarkdownDirectiveScanTests
{
    private static TextSpan[] ByPattern(string text) =>
        [.. InlineSuppressions.MarkdownDirective().Matches(text).Select(m => new TextSpan(m.Index, m.Length))];

    [Theory]
    [InlineData("<!-- textlens-disable TL3001 -->")]
    [InlineData("<!--textlens-disable-->")]
    [InlineData("<!-- textlens-disable-next-line-->")]
    [InlineData("<!-- textlens-disable-->next-line -->")]
    [InlineData("<!-- textlens-disable_x -->")]
    [InlineData("<!-- textlens-disable TL3001\n-->")]
    [InlineData("<!-- textlens-disable TL3001 \r\n \t\n  -->after")]
    [InlineData("<!-- textlens-disable TL3001\nx -->")]
    [InlineData("<!--\n\n  textlens-enable\u00a0-->")]
    [InlineData("<!-- textlens-disable x--->")]
    [InlineData("<!-- textlens-disable <!-- textlens-enable --> -->")]
    [InlineData("<!-- textlens-disable <!-- textlens-enable\n<!-- textlens-disable TL1 -->")]
    [InlineData("<!-- textlens-disable")]
    [InlineData("<!-- textlens-disable \n")]
    [InlineData("<!<!-- textlens-enable -->")]
    [InlineData("<!-- textlens-disable\u2028TL3001 -->")]
    public void Finds_what_the_pattern_finds(string text) =>
        Assert.Equal(ByPattern(text), InlineSuppressions.MarkdownDirectiveSpans(text));

    [Fact]
    public void Finds_what_the_pattern_finds_on_generated_text()
    {
        string[] pieces =
        [
            "<!--", "-->", "--", "-", ">", " ", "\t", "\n", "\r\n", "\u00a0", "x", "TL3001", ",",
            "textlens-", "textlens-disable", "textlens-enable", "textlens-disable-next-line", "textlens-disablex",
            "<!-- textlens-disable", "<!--textlens-enable ",
        ];
        var random = new Random(20261207);
        int compared = 0, withDirectives = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var text = new StringBuilder();
            for (int k = random.Next(1, 24); k > 0; k--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            string s = text.ToString();
            TextSpan[] expected = ByPattern(s);
            Assert.True(expected.SequenceEqual(InlineSuppressions.MarkdownDirectiveSpans(s)), $"text: {s.ReplaceLineEndings("\\n")}");
            compared++;
            withDirectives += expected.Length > 0 ? 1 : 0;
        }

        Assert.Equal(20_000, compared);
        Assert.True(withDirectives > 2_000, $"only {withDirectives} generated texts hold a directive");
    }

    [Fact]
    public void A_line_of_unclosed_openings_then_a_closed_directive_still_finds_it()
    {
        string text = string.Concat(Enumerable.Repeat("<!-- textlens-disable TL3001 ", 20_000)) + "\n\nText.\n<!-- textlens-enable -->\n";
        TextSpan only = Assert.Single(InlineSuppressions.MarkdownDirectiveSpans(text));
        Assert.Equal("<!-- textlens-enable -->", text.Substring(only.Start, only.Length));
    }
}

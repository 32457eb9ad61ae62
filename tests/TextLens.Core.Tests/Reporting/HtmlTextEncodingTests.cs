using System.Text;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Core.Tests.Reporting;

/// <summary>
/// <see cref="TerminalText.AppendHtml"/>, which the HTML page uses to encode a document's text into its builder without an
/// encoded string per piece, writes exactly what <see cref="TerminalText.Html"/> returns: for every UTF-16 code unit on its
/// own and beside ordinary letters, for surrogates paired and not, and for the seed documents' text line by line.
/// </summary>
public sealed class HtmlTextEncodingTests
{
    private static string Appended(string text) => TerminalText.AppendHtml(new StringBuilder("x"), text).ToString()[1..];

    [Fact]
    public void Every_code_unit_is_encoded_as_Html_encodes_it()
    {
        var differ = new List<int>();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string alone = ((char)c).ToString();
            string inText = "a" + (char)c + "b";
            if (Appended(alone) != TerminalText.Html(alone) || Appended(inText) != TerminalText.Html(inText))
            {
                differ.Add(c);
            }
        }

        Assert.Empty(differ);
    }

    [Theory]
    [InlineData("Congress's \"oversight\" <hearings> & the café — 50% · ok")]
    [InlineData("a\u001Bb\u0085c\u202Ed\u2028e\tf\ng\r")]
    [InlineData("emoji \U0001F600 then <b>")]
    [InlineData("unpaired \uD83D then & and \uDE00 alone")]
    [InlineData("")]
    public void Mixed_text_is_encoded_as_Html_encodes_it(string text) => Assert.Equal(TerminalText.Html(text), Appended(text));

    [Fact]
    public void The_seed_documents_are_encoded_as_Html_encodes_them()
    {
        string[] lines = [.. Directory.GetFiles(TestPaths.Seeds).SelectMany(File.ReadLines)];
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal(TerminalText.Html(line), Appended(line)));
    }
}

using System.Text.RegularExpressions;

namespace TextLens.Core.Tests.Reporting;

/// <summary>
/// The stance timeline's sentence numbers on short documents. With eight sentences or fewer the tick step is 1,
/// and the tick loop once advanced by 0 from the first tick: the HTML report of any short document grew until the
/// process ran out of memory (exit 3, every other document's report lost).
/// </summary>
public sealed partial class HtmlTimelineTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(17)]
    public void A_short_document_gets_a_timeline_numbered_from_1_to_its_last_sentence(int sentences)
    {
        string text = string.Join(' ', Enumerable.Range(1, sentences).Select(i => $"Unemployment claims rose in state {i} during the spring."));
        string html = SectionTestSupport.Html(text, "short.txt");

        string svg = html[html.IndexOf("<svg class=\"timeline\"", StringComparison.Ordinal)..];
        svg = svg[..svg.IndexOf("</svg>", StringComparison.Ordinal)];
        int[] ticks = [.. Tick().Matches(svg).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
        Assert.Equal(1, ticks[0]);
        Assert.True(ticks.Length <= 10, $"{ticks.Length} sentence-number ticks");
        Assert.All(ticks, t => Assert.InRange(t, 1, sentences));
        Assert.Equal(ticks.Distinct().Order(), ticks);
        if (sentences <= 8)
        {
            Assert.Equal(Enumerable.Range(1, sentences), ticks);
        }
    }

    [GeneratedRegex("""<text class="tick" x="[0-9.]+" y="[0-9.]+" text-anchor="middle">([0-9]+)</text>""")]
    private static partial Regex Tick();
}

using System.Text.RegularExpressions;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Core.Tests.Reporting;

/// <summary>
/// The keyword and key-term charts draw each label right-aligned against its bar, in a column of fixed width. A label
/// clipped by its count of characters alone ran past the chart's left edge when its words were capitalised: CRS
/// R48447's "Unemployment Compensation Amendments" showed as "nemployment Compensation A…". Labels are clipped by an
/// estimate of their width that is no narrower than the widest common system sans.
/// </summary>
public sealed partial class HtmlChartLabelTests
{
    [Theory]
    [InlineData("UC benefits", 188)]
    [InlineData("unemployed workers", 188)]
    [InlineData("eligible individuals", 168)]
    public void A_label_that_fits_is_left_whole(string label, double width) =>
        Assert.Equal(label, HtmlReportFormatter.ClipToWidth(label, width));

    [Theory]
    [InlineData("Unemployment Compensation Amendments", 188, "Unemployment Compensat…")]
    [InlineData("federal unemployment benefits", 168, "federal unemployment b…")]
    [InlineData("WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", 188, "WWWWWWWWWWWWWW…")]
    [InlineData("North Korean government officials", 188, "North Korean government…")]
    public void A_long_or_wide_label_is_cut_to_the_column_with_an_ellipsis(string label, double width, string expected) =>
        Assert.Equal(expected, HtmlReportFormatter.ClipToWidth(label, width));

    [Fact]
    public void A_column_narrower_than_the_ellipsis_keeps_only_the_ellipsis() =>
        Assert.Equal("…", HtmlReportFormatter.ClipToWidth("Compensation", 6));

    [Fact]
    public void The_keyword_chart_s_labels_of_a_report_fit_their_column()
    {
        string text = string.Join(' ', Enumerable.Repeat(
            "The Unemployment Compensation Amendments Program of the Federal Unemployment Benefits Administration extended "
            + "the Unemployment Compensation Amendments Program for displaced Manufacturing Workers Associations.", 6));
        string html = SectionTestSupport.Html(text, "long-labels.txt");

        string[] labels = [.. Label().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];
        Assert.NotEmpty(labels);
        Assert.Contains(labels, l => l.EndsWith('…'));
        Assert.All(labels, l => Assert.Equal(l, HtmlReportFormatter.ClipToWidth(l, 188)));
    }

    [GeneratedRegex("""<text class="label" x="[0-9.]+" y="[0-9.]+" text-anchor="end">([^<]*)</text>""")]
    private static partial Regex Label();
}

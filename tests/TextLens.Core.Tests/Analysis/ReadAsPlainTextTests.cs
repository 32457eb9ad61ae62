using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Analysis;

/// <summary>
/// TL0012: a Markdown document kept from Markdig (nested too deep, too many unclosed link tails, or refused by it) is
/// analysed as plain text, and the report says so and why; a document Markdig parses, or a plain-text one, gets nothing.
/// </summary>
public sealed class ReadAsPlainTextTests
{
    private const string Prose = "The council approved the budget after a long debate about rural clinics. Members said the clinics would need more staff.\n\n";

    private static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "unclosed link tails", Prose + string.Concat(Enumerable.Repeat("[a](", 5_000)) + "\n", "more than 64 inline links ('](') do not close within 2,048 characters" },
        { "quotes nested 200 deep", Prose + new string('>', 200) + " a deep quote\n", "its block quotes and lists may nest deeper than 128 levels" },
        { "7,000 emphasised words in one paragraph", Prose + string.Concat(Enumerable.Repeat("*a* ", 7_000)) + "\n", "the Markdown parser refused it as nested deeper than 128 levels" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_document_kept_from_markdig_is_analysed_as_plain_text_with_a_warning(string form, string content, string reason)
    {
        DocumentAnalysis result = Engine.Analyze(SourceText.From(content, "doc.md"), AnalysisOptions.Default, DefaultSeverities.Instance);

        Diagnostic warning = Assert.Single(result.Diagnostics, d => d.Id == "TL0012");
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal($"'doc.md' was analysed as plain text: {reason}", warning.Message);
        Assert.Contains(result.GetResult<KeywordResult>()!.Keywords, k => k.Text.Contains("clinic", StringComparison.Ordinal));
        Assert.True(result.Document!.Prose.Refusal != MarkdownRefusal.None, form);

        var off = new SeverityConfiguration(new Dictionary<string, Severity> { ["TL0012"] = Severity.None }, useEditorConfig: false);
        Assert.DoesNotContain(Engine.Analyze(SourceText.From(content, "doc.md"), AnalysisOptions.Default, off).Diagnostics, d => d.Id == "TL0012");
    }

    [Fact]
    public void A_suppression_comment_in_a_document_read_as_plain_text_still_applies()
    {
        // Where its HTML is is unknown when Markdig does not parse it, so a directive comment anywhere counts (before, none did).
        string content = "<!-- textlens-disable TL0012 -- generated fixture -->\n\n" + Prose + string.Concat(Enumerable.Repeat("[a](", 5_000)) + "\n";
        DocumentAnalysis result = Engine.Analyze(SourceText.From(content, "doc.md"), AnalysisOptions.Default, DefaultSeverities.Instance);

        Diagnostic warning = Assert.Single(result.Diagnostics, d => d.Id == "TL0012");
        Assert.Equal(SuppressionKind.InSource, warning.Suppression);
    }

    [Fact]
    public void Markdown_that_markdig_parses_and_plain_text_get_no_warning()
    {
        string links = Prose + string.Concat(Enumerable.Repeat("[the act](https://www.congress.gov/bill/117 \"H.R. 1156\") ", 2_000)) + "\n";
        string unclosed = Prose + string.Concat(Enumerable.Repeat("[a](", 5_000)) + "\n";
        Assert.DoesNotContain(Engine.Analyze(SourceText.From(links, "links.md"), AnalysisOptions.Default, DefaultSeverities.Instance).Diagnostics, d => d.Id == "TL0012");
        Assert.DoesNotContain(Engine.Analyze(SourceText.From(unclosed, "unclosed.txt"), AnalysisOptions.Default, DefaultSeverities.Instance).Diagnostics, d => d.Id == "TL0012");
        Assert.DoesNotContain(Engine.Analyze(SourceText.From(File.ReadAllText(TestPaths.SeedArticle), TestPaths.SeedArticle), AnalysisOptions.Default, DefaultSeverities.Instance).Diagnostics, d => d.Id == "TL0012");
    }

    [Fact]
    public void The_html_comments_of_a_document_read_as_plain_text_are_not_prose()
    {
        // Before, the fallback analysed a comment's words as a sentence of the document: here "an editor's note ... fixture".
        string content = Prose + "<!-- Editor's note: the zoologists' fixture mentions zebras and giraffes. -->\n"
            + "The clinics opened <!-- zebras again --> in March.\n\n"
            + "<!--\nA comment over\ntwo more lines about zebras.\n-->\n"
            + "Staff were hired in April.\n\n" + string.Concat(Enumerable.Repeat("[a](", 5_000)) + "\n";
        DocumentAnalysis result = Engine.Analyze(SourceText.From(content, "doc.md"), AnalysisOptions.Default, DefaultSeverities.Instance);

        Assert.Single(result.Diagnostics, d => d.Id == "TL0012");
        ParsedDocument document = result.Document!;
        Assert.Equal(content.Length, document.Prose.Text.Length);
        Assert.DoesNotContain("zebra", document.Prose.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(document.Sentences, s => s.Text.Contains("zebra", StringComparison.Ordinal) || s.Text.Contains("<!--", StringComparison.Ordinal));
        Assert.Contains(document.Sentences, s => s.Text.StartsWith("The clinics opened", StringComparison.Ordinal) && s.Text.EndsWith("in March.", StringComparison.Ordinal));

        // A comment on lines of its own ends the paragraph before it, and positions keep their lines.
        Sentence staff = Assert.Single(document.Sentences, s => s.Text == "Staff were hired in April.");
        Assert.Equal(content.IndexOf("Staff were hired", StringComparison.Ordinal), staff.Span.Start);
    }

    [Theory]
    [InlineData("a <!-- b --> c", "a            c")]
    [InlineData("a <!--> b <!---> c", "a       b        c")]
    [InlineData("a <!-- b\r\nc --> d", "a       \r\n      d")]
    [InlineData("a <!-- b <!-- c --> d --> e", "a                   d --> e")]
    [InlineData("a <!-- never closed", "a <!-- never closed")]
    [InlineData("a <!-- x --> b <!-- never closed", "a            b <!-- never closed")]
    [InlineData("no comment", "no comment")]
    public void Html_comments_are_blanked_but_for_their_line_breaks(string content, string expected) =>
        Assert.Equal(expected, ProseLayout.WithoutHtmlComments(content));
}

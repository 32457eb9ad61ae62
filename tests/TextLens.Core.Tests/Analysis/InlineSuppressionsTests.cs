using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Suppressions;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Analysis;

public class InlineSuppressionsTests
{
    private static TextSpan Word(SourceText source, string word, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = source.Content.IndexOf(word, at + 1, StringComparison.Ordinal);
        }

        return new TextSpan(at, word.Length);
    }

    [Fact]
    public void Markdown_disable_enable_next_line_and_rule_lists()
    {
        var source = SourceText.From(
            "One alpha.\n\n<!-- textlens-disable TL1001, TL1002 -->\nTwo alpha.\n<!-- textlens-enable TL1001 -->\nThree alpha.\n\n" +
            "<!--textlens-disable-next-line-->\n\nFour alpha.\nFive alpha.\n", "a.md");
        InlineSuppressions s = InlineSuppressions.Parse(source);

        Assert.Equal([DirectiveKind.Disable, DirectiveKind.Enable, DirectiveKind.DisableNextLine], s.Directives.Select(d => d.Kind));
        Assert.False(s.IsSuppressed("TL1001", Word(source, "alpha", 0)));
        Assert.True(s.IsSuppressed("TL1001", Word(source, "alpha", 1)));
        Assert.True(s.IsSuppressed("TL1002", Word(source, "alpha", 1)));
        Assert.False(s.IsSuppressed("TL1003", Word(source, "alpha", 1)));
        Assert.False(s.IsSuppressed("TL1001", Word(source, "alpha", 2)));
        Assert.True(s.IsSuppressed("TL1002", Word(source, "alpha", 2))); // still disabled: only TL1001 was enabled
        Assert.True(s.IsSuppressed("TL1001", Word(source, "alpha", 3))); // next non-blank line, every rule
        Assert.True(s.IsSuppressed("TL3999", Word(source, "alpha", 3)));
        Assert.False(s.IsSuppressed("TL1001", Word(source, "alpha", 4)));
    }

    [Fact]
    public void Plain_text_directives_are_comment_lines_and_not_prose()
    {
        var source = SourceText.From("First line here.\n  %% textlens-disable TL2001\nSecond line here.\n%% textlens-enable\nThird.\n", "a.txt");
        InlineSuppressions s = InlineSuppressions.Parse(source);
        Assert.Equal(2, s.Directives.Count);
        Assert.True(s.IsSuppressed("TL2001", Word(source, "Second")));
        Assert.False(s.IsSuppressed("TL2001", Word(source, "Third")));

        ParsedDocument doc = ParsedDocument.Parse(source);
        Assert.DoesNotContain(doc.Tokens, t => t.Text.Contains("textlens", StringComparison.Ordinal) || t.Text == "%");
        Assert.Equal(["First line here.", "Second line here.", "Third."], doc.Sentences.Select(x => x.Text));
    }

    [Fact]
    public void Html_comment_in_plain_text_and_percent_lines_in_markdown_are_not_directives()
    {
        Assert.Empty(InlineSuppressions.Parse(SourceText.From("<!-- textlens-disable -->\nText.\n", "a.txt")).Directives);
        Assert.Empty(InlineSuppressions.Parse(SourceText.From("%% textlens-disable\n\nText.\n", "a.md")).Directives);
        Assert.Empty(InlineSuppressions.Parse(SourceText.From("Say textlens-disable TL1001 in prose.\n", "a.txt")).Directives);
    }

    [Fact]
    public void Directives_shown_as_code_are_examples_not_directives()
    {
        var source = SourceText.From(
            "Write `<!-- textlens-disable TL1001 -->` to disable.\n\n```markdown\n<!-- textlens-disable TL1002 -->\n```\n\n" +
            "Inline <!-- textlens-disable-next-line TL1003 --> works too.\nAlpha.\n", "a.md");
        SuppressionDirective only = Assert.Single(InlineSuppressions.Parse(source).Directives);
        Assert.Equal(DirectiveKind.DisableNextLine, only.Kind);
        Assert.Equal(["TL1003"], only.RuleIds);
        Assert.True(InlineSuppressions.Parse(source).IsSuppressed("TL1003", Word(source, "Alpha")));
    }

    [Fact]
    public void File_level_diagnostics_follow_the_state_at_the_end_of_the_file()
    {
        var open = SourceText.From("<!-- textlens-disable TL0005 -->\n", "a.md");
        Assert.True(InlineSuppressions.Parse(open).IsSuppressed("TL0005", null));
        var closed = SourceText.From("<!-- textlens-disable TL0005 -->\n<!-- textlens-enable TL0005 -->\n", "a.md");
        Assert.False(InlineSuppressions.Parse(closed).IsSuppressed("TL0005", null));
    }

    [Fact]
    public void The_engine_marks_rather_than_drops_suppressed_diagnostics()
    {
        AnalysisEngine engine = TextLens.Core.Analyzers.BuiltInAnalyzers.CreateEngine(TestModels.Set);
        DocumentAnalysis analysis = engine.Analyze(SourceText.From("<!-- textlens-disable TL0005 -->\n", "empty.md"), AnalysisOptions.Default, TextLens.Core.Analysis.Configuration.DefaultSeverities.Instance);
        Diagnostic d = Assert.Single(analysis.Diagnostics);
        Assert.Equal("TL0005", d.Id);
        Assert.Equal(SuppressionKind.InSource, d.Suppression);
    }

    /// <summary>
    /// A directive whose words are not rule ids (a misspelt id, a note) was read as naming no rule, that is every rule: it
    /// hid every finding after it. It now applies to the ids it names, to none if there are none, and says so (TL0011).
    /// </summary>
    [Theory]
    [InlineData("<!-- textlens-disable TL303 -->", false, "textlens-disable names 'TL303', not rule ids (TL and four digits); it applies to no rule")]
    [InlineData("<!-- textlens-disable XYZ -->", false, "textlens-disable names 'XYZ', not rule ids (TL and four digits); it applies to no rule")]
    [InlineData("<!-- textlens-disable TL30031 -->", false, "textlens-disable names 'TL30031', not rule ids (TL and four digits); it applies to no rule")]
    [InlineData("<!-- textlens-disable TL3003: the figure is sourced -->", true, "textlens-disable names 'the', 'figure', 'is', 'sourced', not rule ids (TL and four digits); it applies to TL3003 only")]
    [InlineData("<!-- textlens-disable TL3030 -->", false, "textlens-disable names 'TL3030', rule ids that no rule has ('textlens rules' lists them); it applies to no rule")]
    [InlineData("<!-- textlens-disable TL3003, TL9999, tl3010 -->", true, "textlens-disable names 'TL9999', 'TL3010', rule ids that no rule has ('textlens rules' lists them); it applies to TL3003 only")]
    [InlineData("<!-- textlens-disable TL303 TL3030 TL3003 -->", true, "textlens-disable names 'TL303', not rule ids (TL and four digits), and 'TL3030', rule ids that no rule has ('textlens rules' lists them); it applies to TL3003 only")]
    [InlineData("<!-- textlens-disable TL3003 -- the source is named above -->", true, null)]
    [InlineData("<!-- textlens-disable TL3001, TL3003 -->", true, null)]
    [InlineData("<!-- textlens-disable -->", true, null)]
    public void Words_that_are_not_rule_ids_do_not_disable_every_rule(string directive, bool suppressed, string? problem)
    {
        AnalysisEngine engine = TextLens.Core.Analyzers.BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var source = SourceText.From(directive + "\nThe budget must reportedly be cut by 45 percent.\n", "a.md");
        DocumentAnalysis analysis = engine.Analyze(source, AnalysisOptions.Default, TextLens.Core.Analysis.Configuration.DefaultSeverities.Instance);

        Diagnostic hedge = Assert.Single(analysis.Diagnostics, d => d.Id == "TL3003");
        Assert.Equal(suppressed, hedge.IsSuppressed);
        Diagnostic[] reported = [.. analysis.Diagnostics.Where(d => d.Id == "TL0011")];
        Assert.Equal(problem is null ? [] : [problem], reported.Select(d => d.Message));
        Assert.All(reported, d => Assert.Equal(new TextSpan(0, directive.Length), d.Span));
    }

    /// <summary>
    /// A well-formed id that no analyzer declares (TL3010 typed for TL3001) was accepted in silence: the directive hid
    /// nothing and nobody was told. It is named by TL0011, in plain text as in Markdown, against the engine's catalogue.
    /// </summary>
    [Fact]
    public void Plain_text_directive_naming_an_undeclared_rule_id_is_reported()
    {
        AnalysisEngine engine = TextLens.Core.Analyzers.BuiltInAnalyzers.CreateEngine(TestModels.Set);
        const string directive = "%% textlens-disable-next-line TL3033";
        var source = SourceText.From("The budget was cut.\n" + directive + "\nThe budget must reportedly be cut by 45 percent.\n", "a.txt");
        DocumentAnalysis analysis = engine.Analyze(source, AnalysisOptions.Default, TextLens.Core.Analysis.Configuration.DefaultSeverities.Instance);

        Assert.False(Assert.Single(analysis.Diagnostics, d => d.Id == "TL3003").IsSuppressed);
        Diagnostic problem = Assert.Single(analysis.Diagnostics, d => d.Id == "TL0011");
        Assert.Equal("textlens-disable-next-line names 'TL3033', rule ids that no rule has ('textlens rules' lists them); it applies to no rule", problem.Message);
        Assert.Equal(2, problem.Location!.Value.Start.Line + 1);
    }

    /// <summary>
    /// A directive's kind and rule ids are read once per distinct directive text and reused for the same text elsewhere:
    /// texts that share a prefix (next-line or not, glued to the comment's end, a longer word) each keep their own reading,
    /// and every copy keeps its own place.
    /// </summary>
    [Theory]
    [InlineData("md", "<!-- textlens-disable-next-line-->", "<!-- textlens-disable-->", "<!-- textlens-disable-next-linex TL1001 -->", "<!-- textlens-enable tl1001,TL1002 -->")]
    [InlineData("txt", "%% textlens-disable-next-line", "%% textlens-disable", "%% textlens-disable-next-linex TL1001", "%%textlens-enable tl1001,TL1002")]
    public void Repeated_directive_texts_keep_their_own_kind_ids_and_place(string extension, string nextLine, string disable, string longer, string enable)
    {
        string[] order = [nextLine, disable, longer, enable, longer, nextLine, enable, disable];
        var text = new System.Text.StringBuilder();
        var starts = new List<int>();
        foreach (string directive in order)
        {
            starts.Add(text.Length);
            text.Append(directive).Append("\nAlpha.\n\n");
        }

        InlineSuppressions s = InlineSuppressions.Parse(SourceText.From(text.ToString(), "a." + extension));

        DirectiveKind Kind(string d) => d == nextLine ? DirectiveKind.DisableNextLine : d == enable ? DirectiveKind.Enable : DirectiveKind.Disable;
        Assert.Equal(order.Select(Kind), s.Directives.Select(d => d.Kind));
        Assert.Equal(order.Select(d => d == longer ? "TL1001" : d == enable ? "TL1001 TL1002" : ""), s.Directives.Select(d => string.Join(' ', d.RuleIds.Order())));
        Assert.Equal(starts, s.Directives.Select(d => d.Span.Start));
        Assert.Equal(order.Select(d => d.Length), s.Directives.Select(d => d.Span.Length));
        Assert.Equal([1, -1, -1, -1, -1, 16, -1, -1], s.Directives.Select(d => d.TargetLine));
    }

    /// <summary>
    /// Issue 13 (B14): 100,000 directives are all found and each still means what it says. Sentence i has a
    /// disable-next-line for TL3001 before it unless i is a multiple of 3; TL3002 is disabled from sentence 50,000 and
    /// enabled again before sentence 75,000. (Their cost is measured by bench/suppressions.sh, not here.)
    /// </summary>
    [Theory]
    [InlineData("md", "<!-- textlens-disable-next-line TL3001 -->", "<!-- textlens-disable TL3002 -->", "<!-- textlens-enable TL3002 -->")]
    [InlineData("txt", "%% textlens-disable-next-line TL3001", "%% textlens-disable TL3002", "%% textlens-enable TL3002")]
    public void A_hundred_thousand_directives_each_apply_to_their_own_line(string extension, string nextLine, string disable, string enable)
    {
        const int Sentences = 100_000;
        var text = new System.Text.StringBuilder();
        var starts = new int[Sentences];
        for (int i = 0; i < Sentences; i++)
        {
            text.Append(i == 50_000 ? disable + "\n" : i == 75_000 ? enable + "\n" : "");
            text.Append(i % 3 == 0 ? "" : nextLine + "\n");
            starts[i] = text.Length;
            text.Append("The council approved the budget.\n");
        }

        var source = SourceText.From(text.ToString(), "s." + extension);
        InlineSuppressions s = InlineSuppressions.Parse(source);

        Assert.Equal(Sentences - ((Sentences + 2) / 3) + 2, s.Directives.Count);
        for (int i = 0; i < Sentences; i++)
        {
            var council = new TextSpan(starts[i] + 4, "council".Length);
            Assert.Equal(i % 3 != 0, s.IsSuppressed("TL3001", council));
            Assert.Equal(i is >= 50_000 and < 75_000, s.IsSuppressed("TL3002", council));
            Assert.False(s.IsSuppressed("TL3003", council));
        }

        Assert.False(s.IsSuppressed("TL3002", null));
    }
}

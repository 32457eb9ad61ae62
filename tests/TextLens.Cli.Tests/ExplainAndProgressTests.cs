using TextLens.Cli.Commands;
using TextLens.Cli.Output;

namespace TextLens.Cli.Tests;

public class ExplainAndProgressTests
{
    [Fact]
    public void Explain_prints_help_example_and_how_to_configure()
    {
        var output = new StringWriter();
        int code = ExplainCommand.Run("tl9101", WordRulesAnalyzer.Engine().Rules, output);
        string text = output.ToString();
        Assert.Equal(0, code);
        Assert.StartsWith("TL9101: Flagged word\n", text, StringComparison.Ordinal);
        Assert.Contains("default severity: warning", text, StringComparison.Ordinal);
        Assert.Contains("Test rule: reports every 'reportedly' and 'Chongryon'.", text, StringComparison.Ordinal);
        Assert.Contains("Example:\n    It was reportedly late.\n", text, StringComparison.Ordinal);
        Assert.Contains("textlens_diagnostic.TL9101.severity", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_of_a_built_in_rule_and_of_an_unknown_id()
    {
        Assert.Equal(0, Program.Main(["explain", "TL0002"]));
        var ex = Assert.Throws<UsageException>(() => ExplainCommand.Run("TL9999", WordRulesAnalyzer.Engine().Rules, new StringWriter()));
        Assert.Contains("unknown rule id 'TL9999'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, Program.Main(["explain", "TL9999"]));
    }

    [Theory]
    [InlineData(true, false, 50, null, true)]
    [InlineData(false, false, 50, null, false)] // standard error redirected
    [InlineData(true, true, 50, null, false)] // --quiet
    [InlineData(true, false, 3, null, false)] // few files
    [InlineData(true, false, 50, "true", false)] // CI
    public void Progress_only_for_many_files_on_a_terminal_outside_ci(bool terminal, bool quiet, int files, string? ci, bool expected)
    {
        Assert.Equal(expected, ProgressReporter.ShouldShow(terminal, quiet, files, name => name == "CI" ? ci : null));
    }

    [Fact]
    public void Progress_counts_files_and_clears_its_line()
    {
        var output = new StringWriter();
        using (var progress = new ProgressReporter(output, 2))
        {
            progress.Advance();
            progress.Advance();
        }

        Assert.Contains("analysed 2/2 files", output.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[2K", output.ToString(), StringComparison.Ordinal);
    }
}

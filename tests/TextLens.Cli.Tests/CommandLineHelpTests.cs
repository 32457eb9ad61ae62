using System.CommandLine;
using TextLens.Cli.Commands;
using TextLens.Core.Analysis;

namespace TextLens.Cli.Tests;

public sealed class CommandLineHelpTests
{
    private static RootCommand Root()
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(ReportCommand.Create(TestCli.OnDisk(TextWriter.Null, TextWriter.Null)));
        root.Subcommands.Add(RulesCommand.Create(TestCli.OnDisk(TextWriter.Null, TextWriter.Null)));
        root.Subcommands.Add(ExplainCommand.Create(TestCli.OnDisk(TextWriter.Null, TextWriter.Null)));
        CommandLineHelp.AddEpilogue(root);
        return root;
    }

    [Fact]
    public void A_mistyped_command_gets_a_suggestion()
    {
        string[] lines = [.. CommandLineHelp.DescribeErrors(Root().Parse(["reprot", "seeds/"]))];
        Assert.Equal(["'reprot' is not a command of 'textlens'; did you mean 'report'?"], lines);
    }

    [Fact]
    public void An_unknown_command_without_a_near_name_keeps_the_parser_errors()
    {
        string[] lines = [.. CommandLineHelp.DescribeErrors(Root().Parse(["zzzzzz"]))];
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Contains("did you mean", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("'zzzzzz'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mistyped_option_of_a_command_replaces_the_parser_error_about_it()
    {
        string[] lines = [.. CommandLineHelp.DescribeErrors(Root().Parse(["rules", "--fromat", "json"]))];
        Assert.Equal(["'--fromat' is not an option of 'textlens rules'; did you mean '--format'?"], lines);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_described_without_dotnet_type_names()
    {
        string[] lines = [.. CommandLineHelp.DescribeErrors(Root().Parse(["report", "a.txt", "--top", "abc"]))];
        Assert.Equal(["--top takes a whole number, not 'abc'."], lines);
        Assert.DoesNotContain(lines, l => l.Contains("System.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reprot", "report")]
    [InlineData("rule", "rules")]
    [InlineData("--fromat", "--format")]
    [InlineData("--fail-onn", "--fail-on")]
    public void Closest_finds_typos(string typed, string expected) =>
        Assert.Equal(expected, CommandLineHelp.Closest(typed, ["report", "rules", "explain", "--format", "--fail-on", "--top"]));

    [Theory]
    [InlineData("summarize")]
    [InlineData("--x")]
    public void Closest_suggests_nothing_for_unrelated_words(string typed) =>
        Assert.Null(CommandLineHelp.Closest(typed, ["report", "rules", "explain", "--format", "--fail-on", "--top"]));

    [Fact]
    public void Help_ends_with_examples_and_exit_codes()
    {
        var output = new StringWriter();
        int code = Root().Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output });
        Assert.Equal(0, code);
        string help = output.ToString();
        Assert.Contains("Examples:\n  textlens report ", help, StringComparison.Ordinal);
        Assert.Contains("Exit codes:\n  0  ", help, StringComparison.Ordinal);
        Assert.Contains("\n  2  a usage error", help, StringComparison.Ordinal);

        // Audit of 2026-12-07: exit code 3 (an internal error, ExitCodes.InternalError) was in neither --help nor the README.
        Assert.Contains("\n  3  an internal error", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_points_at_nothing_an_installed_tool_lacks()
    {
        RuleDescriptor rule = InputRules.Empty;
        string text = ExplainCommand.Format(rule);
        Assert.DoesNotContain("docs/", text, StringComparison.Ordinal);
        Assert.Contains("textlens rules", text, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using TextLens.Cli.Commands;
using TextLens.Core.Analysis;
using TextLens.Core.Analyzers;

namespace TextLens.Cli.Tests;

/// <summary>'textlens rules' in memory: the catalogue of the built-in analyzers written to a writer.</summary>
public sealed class RulesCommandTests
{
    private static readonly IReadOnlyList<RuleDescriptor> Rules = BuiltInAnalyzers.CreateEngine(TestModels.Set).Rules;

    private static string Run(string format)
    {
        var stdout = new StringWriter();
        Assert.Equal(0, RulesCommand.Run(format, Rules, stdout));
        return stdout.ToString();
    }

    [Fact]
    public void Table_has_a_header_and_one_line_per_rule()
    {
        string[] lines = Run("table").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ID      CATEGORY   SEVERITY   TITLE", lines[0], StringComparison.Ordinal);
        Assert.Equal(Rules.Count, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("TL0005  Input      warning", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_lists_every_rule_with_its_severity_and_help()
    {
        using JsonDocument json = JsonDocument.Parse(Run("json"));
        JsonElement[] rows = [.. json.RootElement.EnumerateArray()];
        Assert.Equal(Rules.Select(r => r.Id), rows.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("help").GetString())));
        Assert.Equal("error", rows.Single(r => r.GetProperty("id").GetString() == "TL0003").GetProperty("defaultSeverity").GetString());
    }

    [Fact]
    public void Markdown_is_the_published_catalogue() =>
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("docs", "rules.md")).ReplaceLineEndings("\n"), Run("markdown"));

    [Fact]
    public void Another_format_is_a_usage_error()
    {
        var stdout = new StringWriter();
        UsageException error = Assert.Throws<UsageException>(() => RulesCommand.Run("yaml", Rules, stdout));
        Assert.Contains("'yaml'", error.Message, StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }
}

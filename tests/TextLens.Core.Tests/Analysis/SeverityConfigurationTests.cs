using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;

namespace TextLens.Core.Tests.Analysis;

public sealed class SeverityConfigurationTests : IDisposable
{
    private static readonly RuleDescriptor Rule = new("TL3001", "Prescriptive", "m", "Stance", Severity.Suggestion, "h");
    private readonly string _root = Directory.CreateTempSubdirectory("textlens-ec-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string content)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Nearest_editorconfig_wins_and_root_stops_the_walk()
    {
        Write(".editorconfig", "root = true\n[*]\ntextlens_diagnostic.TL3001.severity = warning\n");
        Write("docs/.editorconfig", "[*.md]\ntextlens_diagnostic.TL3001.severity = error\n");
        string md = Write("docs/a.md", "x");
        string txt = Write("docs/b.txt", "x");
        string top = Write("c.md", "x");
        var config = new SeverityConfiguration();
        Assert.Equal(Severity.Error, config.GetSeverity(Rule, md));
        Assert.Equal(Severity.Warning, config.GetSeverity(Rule, txt));
        Assert.Equal(Severity.Warning, config.GetSeverity(Rule, top));
    }

    [Fact]
    public void Command_line_overrides_editorconfig_and_category_keys_work()
    {
        Write(".editorconfig", "root = true\n[*.md]\ntextlens_diagnostic.category-Stance.severity = none\n");
        string md = Write("a.md", "x");
        Assert.Equal(Severity.None, new SeverityConfiguration().GetSeverity(Rule, md));
        var cli = new SeverityConfiguration(new Dictionary<string, Severity> { ["tl3001"] = Severity.Error });
        Assert.Equal(Severity.Error, cli.GetSeverity(Rule, md));
    }

    [Fact]
    public void Invalid_values_fall_back_to_the_default()
    {
        Write(".editorconfig", "root = true\n[*]\ntextlens_diagnostic.TL3001.severity = loud\n");
        Assert.Equal(Severity.Suggestion, new SeverityConfiguration().GetSeverity(Rule, Write("a.txt", "x")));
    }

    [Theory]
    [InlineData("*.md", "docs/a.md", true)]
    [InlineData("*.md", "a.txt", false)]
    [InlineData("docs/*.md", "docs/a.md", true)]
    [InlineData("docs/*.md", "docs/sub/a.md", false)]
    [InlineData("docs/**.md", "docs/sub/a.md", true)]
    [InlineData("*.{md,txt}", "x/a.txt", true)]
    [InlineData("file[0-9].txt", "file7.txt", true)]
    [InlineData("file{1..3}.txt", "file4.txt", false)]
    public void Globs_follow_the_editorconfig_rules(string glob, string path, bool matches) =>
        Assert.Equal(matches, EditorConfigFile.CompileSection(glob).IsMatch(path));
}

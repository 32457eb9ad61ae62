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

    /// <summary>
    /// A key in TextLens's namespace that is not one it reads (a misspelt "severity", none at all), and a rule of TextLens's
    /// set with the .NET compilers' prefix (the Roslyn habit), applied to nothing and were not named: the author believed
    /// the rule configured. They are problems (TL0010) now; other tools' keys, including another analyzer's dotnet_diagnostic
    /// ids, are left alone. "textlens_diagnostic.severity" (a severity for every rule, one might think) made the run end
    /// in an internal error (exit code 3) after the report was written.
    /// </summary>
    [Fact]
    public void Keys_that_look_meant_for_textlens_but_are_never_read_are_named()
    {
        Write(".editorconfig", "root = true\n[*]\nindent_size = 4\ndotnet_diagnostic.CA1822.severity = none\ndotnet_diagnostic.TL9999.severity = none\n" +
            "textlens_diagnostic.TL3001.severity = warning\ntextlens_diagnostic.TL3001.severty = none\ntextlens_diagnostic.TL3001 = none\n" +
            "dotnet_diagnostic.TL3001.severity = none\ndotnet_diagnostic.category-Stance.severity = none\n" +
            "textlens_diagnostic.severity = none\ndotnet_diagnostic.severity = none\n");
        var config = new SeverityConfiguration();
        Assert.Equal(Severity.Warning, config.GetSeverity(Rule, Write("a.txt", "x")));

        Assert.Equal(
            [
                "line 5, [*] dotnet_diagnostic.tl9999.severity: TextLens does not read dotnet_diagnostic keys (the .NET compilers do), and no TextLens rule is TL9999 ('textlens rules' lists them)",
                "line 7, [*] textlens_diagnostic.tl3001.severty: not a TextLens setting (use textlens_diagnostic.<rule id or category-Name>.severity)",
                "line 8, [*] textlens_diagnostic.tl3001: not a TextLens setting (use textlens_diagnostic.<rule id or category-Name>.severity)",
                "line 9, [*] dotnet_diagnostic.tl3001.severity: TextLens does not read dotnet_diagnostic keys (the .NET compilers do); write textlens_diagnostic.tl3001.severity",
                "line 10, [*] dotnet_diagnostic.category-stance.severity: TextLens does not read dotnet_diagnostic keys (the .NET compilers do); write textlens_diagnostic.category-stance.severity",
                "line 11, [*] textlens_diagnostic.severity: not a TextLens setting (use textlens_diagnostic.<rule id or category-Name>.severity)",
            ],
            config.Problems([Rule]).Select(p => p.Problem));
    }

    /// <summary>
    /// A line with no '=' (a severity written with a space or a colon) is not an entry: EditorConfig skips it, and the
    /// rule kept its default in silence, in either prefix. A '[' line that does not end in ']' is no section header: the
    /// TextLens entries after it stayed in the section before it, for files the author did not mean. Each is named
    /// with its line; the other entries of the file still apply, and other tools' unread lines are theirs.
    /// </summary>
    [Fact]
    public void Lines_that_are_not_entries_are_named_with_their_line_and_the_rest_still_applies()
    {
        Write(".editorconfig", "root = true\n# severities\n[*.md]\nindent_style space\n" +
            "dotnet_diagnostic.TL3001.severity warning\n" +
            "textlens_diagnostic.TL3001.severity: error\n" +
            "textlens_diagnostic.category-Stance.severity = warning\n" +
            "dotnet_diagnostic.CA1822.severity none\n" +
            "[*.txt\n" +
            "textlens_diagnostic.TL3001.severity = none\n" +
            "[docs/*.txt\n" +
            "indent_size = 2\n");
        var config = new SeverityConfiguration();
        var sameCategory = new RuleDescriptor("TL3002", "Other", "m", "Stance", Severity.Suggestion, "h");
        Assert.Equal(Severity.Suggestion, config.GetSeverity(Rule, Write("a.txt", "x")));
        Assert.Equal(Severity.None, config.GetSeverity(Rule, Write("a.md", "x")));
        Assert.Equal(Severity.Warning, config.GetSeverity(sameCategory, Write("b.md", "x")));

        Assert.Equal(
            [
                "line 5, [*.md] 'dotnet_diagnostic.TL3001.severity warning': not key = value (no '=' after the key), so it configures nothing; write textlens_diagnostic.tl3001.severity = warning",
                "line 6, [*.md] 'textlens_diagnostic.TL3001.severity: error': not key = value (no '=' after the key), so it configures nothing; write textlens_diagnostic.tl3001.severity = error",
                "line 9, [*.md] '[*.txt': not a section header (it does not end in ']'), so the TextLens entries after it stay in [*.md]",
            ],
            config.Problems([Rule]).Select(p => p.Problem));
    }

    /// <summary>
    /// A broken header is named only when a TextLens key comes after it and before the next real header (it decides
    /// which section that key lands in); before the first section the key applies to no file. A file of tens of
    /// thousands of broken headers is answered header by header in logarithmic time (bench/README has the figures).
    /// </summary>
    [Fact]
    public void A_broken_header_is_named_only_when_a_textlens_key_follows_it_before_the_next_header()
    {
        Write(".editorconfig", "root = true\n[*.md\ntextlens_diagnostic.TL3001.severity = error\n[*]\n[docs\nindent_size = 2\n[*.txt]\n[x\ntextlens_diagnostic.TL3001.severity = warning\n" +
            string.Concat(Enumerable.Range(0, 20_000).Select(i => $"[a{i}]\n[b{i}\n")));
        var config = new SeverityConfiguration();
        Assert.Equal(Severity.Warning, config.GetSeverity(Rule, Write("a.txt", "x")));
        Assert.Equal(Severity.Suggestion, config.GetSeverity(Rule, Write("a.md", "x")));

        Assert.Equal(
            [
                "line 2, '[*.md': not a section header (it does not end in ']'), so the TextLens entries after it apply to no file",
                "line 3, textlens_diagnostic.tl3001.severity: before any [section], so it applies to no file (put it under [*] for every file)",
                "line 8, [*.txt] '[x': not a section header (it does not end in ']'), so the TextLens entries after it stay in [*.txt]",
            ],
            config.Problems([Rule]).Select(p => p.Problem));
    }

    /// <summary>A line the size of the file is named by its start: the message does not repeat a megabyte.</summary>
    [Fact]
    public void A_huge_unread_line_is_shown_cut()
    {
        Write(".editorconfig", "root = true\n[*]\ntextlens_diagnostic.TL3001.severity " + new string('x', 200_000) + "\n");
        var config = new SeverityConfiguration();
        Assert.Equal(Severity.Suggestion, config.GetSeverity(Rule, Write("a.txt", "x")));
        string problem = Assert.Single(config.Problems([Rule])).Problem;
        Assert.StartsWith("line 3, [*] 'textlens_diagnostic.TL3001.severity xxx", problem);
        Assert.True(problem.Length < 400, problem);
    }

    /// <summary>
    /// An entry before the first [section] applies to no file (EditorConfig reads only 'root' there): a severity written at
    /// the top of the file, meant for every document, was dropped in silence. It is named now, and still applies to none.
    /// </summary>
    [Fact]
    public void A_severity_before_any_section_is_named_and_applies_to_no_file()
    {
        Write(".editorconfig", "root = true\nindent_style = space\ntextlens_diagnostic.TL3001.severity = error\n\n[*.md]\ntextlens_diagnostic.TL3001.severity = warning\n");
        var config = new SeverityConfiguration();
        Assert.Equal(Severity.Suggestion, config.GetSeverity(Rule, Write("a.txt", "x")));
        Assert.Equal(Severity.Warning, config.GetSeverity(Rule, Write("a.md", "x")));

        Assert.Equal(
            ["line 3, textlens_diagnostic.tl3001.severity: before any [section], so it applies to no file (put it under [*] for every file)"],
            config.Problems([Rule]).Select(p => p.Problem));
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

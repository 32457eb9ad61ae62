using TextLens.Cli.Inputs;

namespace TextLens.Cli.Tests;

/// <summary>.textlensignore (gitignore syntax) and repeated --exclude globs.</summary>
public class IgnoreAndExcludeTests
{
    [Theory]
    [InlineData("*.md", "a.md", false, true)]
    [InlineData("*.md", "deep/er/a.md", false, true)]
    [InlineData("/a.md", "a.md", false, true)]
    [InlineData("/a.md", "sub/a.md", false, false)]
    [InlineData("drafts/", "drafts", true, true)]
    [InlineData("drafts/", "drafts", false, false)]
    [InlineData("docs/*.txt", "docs/a.txt", false, true)]
    [InlineData("docs/*.txt", "docs/sub/a.txt", false, false)]
    [InlineData("docs/**/*.txt", "docs/sub/deeper/a.txt", false, true)]
    [InlineData("docs/**/*.txt", "docs/a.txt", false, true)]
    [InlineData("**/tmp", "x/y/tmp", true, true)]
    [InlineData("build/**", "build/x/y.md", false, true)]
    [InlineData("note?.md", "note1.md", false, true)]
    [InlineData("note?.md", "note12.md", false, false)]
    [InlineData("[abc]*.md", "b1.md", false, true)]
    [InlineData("[!abc]*.md", "b1.md", false, false)]
    [InlineData("\\#hash.md", "#hash.md", false, true)]
    public void Patterns_follow_gitignore_semantics(string pattern, string path, bool isDirectory, bool expected)
    {
        IgnorePattern p = IgnorePattern.Parse(pattern)!;
        Assert.Equal(expected, p.Matches(path, isDirectory));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# a comment")]
    public void Blank_lines_and_comments_are_not_patterns(string line) => Assert.Null(IgnorePattern.Parse(line));

    [Fact]
    public void Ignore_files_at_the_root_and_in_subfolders_apply_with_negation_and_folder_rules()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, ".git")); // the repository root: the search stops here
        dir.File(".textlensignore", "# generated\n*.generated.md\ndrafts/\n*.txt\n!keep.txt\n");
        dir.File("docs/.textlensignore", "private-*.md\n!private-ok.md\n");
        foreach (string f in (string[])["a.md", "b.generated.md", "drafts/c.md", "docs/d.md", "docs/private-e.md", "docs/private-ok.md", "docs/drafts/f.md", "g.txt", "docs/keep.txt"])
        {
            dir.File(f, "The committee met on Monday.\n");
        }

        Tool.Result result = Tool.Run(Tool.Request(dir.Path, "."));
        Assert.Equal(["a.md", "docs/d.md", "docs/keep.txt", "docs/private-ok.md"], Tool.DocumentPaths(result.Stdout));

        // Files named on the command line and globs are filtered the same way.
        Tool.Result named = Tool.Run(Tool.Request(dir.Path, "a.md", "b.generated.md", "docs/*.md"));
        Assert.Equal(["a.md", "docs/d.md", "docs/private-ok.md"], Tool.DocumentPaths(named.Stdout));
    }

    [Fact]
    public void Ignore_files_above_the_repository_root_do_not_apply()
    {
        using var dir = new TempDir();
        dir.File(".textlensignore", "*.md\n");
        Directory.CreateDirectory(Path.Combine(dir.Path, "repo", ".git"));
        dir.File("repo/a.md", "The committee met on Monday.\n");
        var ignore = new IgnoreFiles();
        Assert.False(ignore.IsIgnored(Path.Combine(dir.Path, "repo", "a.md")));
        dir.File("b.md", "Text.\n");
        Assert.True(ignore.IsIgnored(Path.Combine(dir.Path, "b.md")));
    }

    [Fact]
    public void Several_excludes_combine()
    {
        using var dir = new TempDir();
        foreach (string f in (string[])["a.md", "CHANGELOG.md", "vendor/x.md", "docs/y.txt", "docs/old/z.md"])
        {
            dir.File(f, "The committee met on Monday.\n");
        }

        Tool.Result result = Tool.Run(Tool.Request(dir.Path, ".") with { Excludes = ["CHANGELOG.md", "vendor/**", "docs/old/**"] });
        Assert.Equal(["a.md", "docs/y.txt"], Tool.DocumentPaths(result.Stdout));
    }
}

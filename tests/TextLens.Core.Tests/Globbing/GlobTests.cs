using TextLens.Core.Globbing;

namespace TextLens.Core.Tests.Globbing;

public sealed class GlobTests
{
    [Theory]
    [InlineData("*.md", "a.md", true)]
    [InlineData("*.md", "d/a.md", false)]
    [InlineData("**/*.md", "a.md", true)]
    [InlineData("**/*.md", "d/e/a.md", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**", "a/x/y", true)]
    [InlineData("a/**", "a", false)]
    [InlineData("a**b", "a/b", false)]
    [InlineData("a**b", "axyb", true)]
    [InlineData("[a-c]?.md", "b1.md", true)]
    [InlineData("[!a-c].md", "b.md", false)]
    [InlineData("[^a-c].md", "d.md", true)]
    [InlineData("[[:digit:]].md", "7.md", true)]
    [InlineData("[[:digit:]].md", "x.md", false)]
    [InlineData("[]].md", "].md", true)]
    [InlineData("\\*.md", "*.md", true)]
    [InlineData("\\*.md", "a.md", false)]
    [InlineData("a?b", "a/b", false)]
    [InlineData("a[/]b", "a/b", false)]
    public void Gitignore_syntax(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.Parse(pattern, GlobSyntax.Gitignore).IsMatch(path));

    [Theory]
    [InlineData("[!]")]
    [InlineData("[^]")]
    [InlineData("[")]
    [InlineData("[[:nosuchclass:]]")]
    [InlineData("a\\")]
    public void Malformed_gitignore_brackets_match_nothing_and_never_throw(string pattern)
    {
        Glob glob = Glob.Parse(pattern, GlobSyntax.Gitignore, anyDirectory: true);
        foreach (string path in new[] { "z.md", "a.md", "[z-a].md", "[!]", "[^]", "[", "a\\", "x/]" })
        {
            Assert.False(glob.IsMatch(path), $"{pattern} matched {path}");
        }
    }

    [Fact]
    public void A_reversed_range_matches_only_its_first_character_as_in_git()
    {
        Glob glob = Glob.Parse("[z-a].md", GlobSyntax.Gitignore);
        Assert.True(glob.IsMatch("z.md"));
        Assert.False(glob.IsMatch("a.md"));
        Assert.False(glob.IsMatch("m.md"));
    }

    [Fact]
    public void Patterns_that_make_backtracking_engines_explode_are_answered()
    {
        string manyStars = string.Concat(Enumerable.Repeat("*a", 40)) + "*b";
        string text = new('a', 5000);
        Assert.False(Glob.Parse(manyStars, GlobSyntax.Gitignore).IsMatch(text));
        Assert.True(Glob.Parse(manyStars, GlobSyntax.Gitignore).IsMatch(text + "b"));

        string doubleStars = string.Concat(Enumerable.Repeat("**/", 20)) + "x.md";
        string deep = string.Join('/', Enumerable.Repeat("d", 300)) + "/y.md";
        Assert.False(Glob.Parse(doubleStars, GlobSyntax.Gitignore).IsMatch(deep));
        Assert.True(Glob.Parse(doubleStars, GlobSyntax.Gitignore).IsMatch("d/d/x.md"));

        string editorStars = string.Concat(Enumerable.Repeat("**a", 30)) + "**b";
        Assert.False(Glob.Parse(editorStars, GlobSyntax.EditorConfig).IsMatch(string.Join('/', Enumerable.Repeat("aaaa", 400))));
    }

    [Theory]
    [InlineData("{0..2147483647}", "2147483647", true)]
    [InlineData("{0..2147483647}", "2147483648", false)]
    [InlineData("{0..50000000}.md", "49999999.md", true)]
    [InlineData("{-5..5}", "-3", true)]
    [InlineData("{-5..5}", "-6", false)]
    [InlineData("{0..99999999999999999999999}", "{0..99999999999999999999999}", true)]
    [InlineData("{a,b]", "{a,b]", true)]
    [InlineData("[[z-a].md", "[z.md", false)]
    public void Brace_ranges_are_compared_as_numbers_never_expanded(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.Parse(pattern, GlobSyntax.EditorConfig).IsMatch(path));

    [Fact]
    public void Over_long_and_over_nested_patterns_are_rejected_with_a_reason()
    {
        Glob tooLong = Glob.Parse(new string('a', Glob.MaxPatternLength + 1), GlobSyntax.Gitignore);
        Assert.False(tooLong.IsValid);
        Assert.Contains("longer than", tooLong.Error);
        Assert.False(tooLong.IsMatch(new string('a', Glob.MaxPatternLength + 1)));

        string nested = string.Concat(Enumerable.Repeat("{a,", 40)) + "b" + new string('}', 40);
        Glob deep = Glob.Parse(nested, GlobSyntax.EditorConfig);
        Assert.False(deep.IsValid);
        Assert.Contains("nested", deep.Error);
    }

    [Fact]
    public void Any_directory_prefix_matches_at_every_depth_only_on_whole_folders()
    {
        Glob glob = Glob.Parse("drafts/**", GlobSyntax.Gitignore, anyDirectory: true);
        Assert.True(glob.IsMatch("drafts/a.md"));
        Assert.True(glob.IsMatch("docs/drafts/a.md"));
        Assert.False(glob.IsMatch("docs/olddrafts/a.md"));
    }
}

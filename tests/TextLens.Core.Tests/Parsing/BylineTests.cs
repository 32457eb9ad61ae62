using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Parsing;

public sealed class BylineTests
{
    private static bool[] Bylines(string text) =>
        [.. ParsedDocument.Parse(SourceText.From(text, "t.txt")).Sentences.Select(s => s.IsByline)];

    [Theory]
    [InlineData("By Soyoung Kim*")]
    [InlineData("By JOHN SMITH, Associated Press Writer")]
    [InlineData("By Jane Doe and John Roe")]
    [InlineData("By the Editorial Board")]
    public void Credit_lines_are_bylines(string line) =>
        Assert.Equal([false, true, false], Bylines($"Budget Talks Resume\n{line}\n\nThe talks resumed on Monday."));

    [Theory]
    [InlineData("By 2030 the fleet will be retired.")]
    [InlineData("By contrast, the Senate bill cuts taxes.")]
    [InlineData("By law the Treasury must report quarterly.")]
    [InlineData("Written by Jane Doe")]
    [InlineData("By")]
    public void Sentences_that_merely_open_with_by_are_not(string sentence) =>
        Assert.DoesNotContain(true, Bylines(sentence));

    [Fact]
    public void The_seed_articles_byline_is_recognised_and_nothing_else()
    {
        ParsedDocument seed = ParsedDocument.Parse(SourceText.From(File.ReadAllText(TestPaths.SeedArticle), TestPaths.SeedArticle));
        Sentence byline = Assert.Single(seed.Sentences, s => s.IsByline);
        Assert.Equal("By Soyoung Kim*", byline.Text);
    }
}

using Markdig;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Text;

/// <summary>
/// The bound that keeps Markdown nested beyond Markdig's limit away from Markdig (which took 50 s on 8 MB of quotes
/// before refusing them): it must reach the limit only where Markdig refuses the text, and stay below it on real
/// documents, whose Markdown parse must not change.
/// </summary>
public sealed class MarkdownNestingTests
{
    private const int Limit = 128;

    private const string Sentence = "The council approved the budget after the vote.";

    public static TheoryData<string> TooDeep() =>
    [
        // Each line one '>' deeper than the last (the 8 MB form took 50 s in Markdig).
        Lines(200, i => new string('>', i + 1) + " " + Sentence),

        // A list nested 80 levels, each level two columns deeper.
        Lines(80, i => new string(' ', 2 * i) + "- " + Sentence),

        // Quotes and lists alternating.
        Lines(130, i => string.Concat(Enumerable.Repeat("> ", i + 1)) + "- " + Sentence),

        // One line 4,000 quotes deep, then lazy continuation lines that keep every quote open.
        new string('>', 4000) + " " + Sentence + "\n" + Lines(2000, _ => "and more"),

        // Nested lists opened on one line, and ordered ones.
        string.Concat(Enumerable.Repeat("- ", 70)) + Sentence,
        string.Concat(Enumerable.Repeat("1. ", 70)) + Sentence,
    ];

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Text_markdig_refuses_reaches_the_limit(string content)
    {
        Assert.Equal(Limit, MarkdownNesting.UpperBound(content, stopAt: Limit));
        Assert.Throws<ArgumentException>(() => Markdown.Parse(content));

        ProseLayout layout = ProseLayout.FromMarkdown(content);
        Assert.Equal([TextSpan.FromBounds(0, content.Length)], layout.Html);
        Assert.Equal(MarkdownRefusal.NestedTooDeep, layout.Refusal);
        Assert.Equal(ProseLayout.FromPlainText(content).Text, layout.Text);
    }

    public static TheoryData<string, int> Ordinary() => new()
    {
        { Lines(10_000, _ => "- " + Sentence), 2 },
        { Lines(10_000, _ => "> " + Sentence), 1 },
        { Lines(20, i => new string(' ', 2 * i) + "- " + Sentence), 40 },
        { new string('>', 127) + " " + Sentence, 127 },

        // A thematic break of 100 spaced dashes opens no list.
        { Sentence + "\n\n" + string.Concat(Enumerable.Repeat("- ", 100)) + "\n\n" + Sentence, 0 },

        // Indented code and blank lines open nothing.
        { Lines(1_000, i => i % 2 == 0 ? string.Empty : new string(' ', 300) + "code"), 0 },
    };

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void Ordinary_markdown_is_bounded_by_its_real_depth_and_parsed(string content, int bound)
    {
        Assert.Equal(bound, MarkdownNesting.UpperBound(content, stopAt: Limit));
        Assert.NotNull(ProseLayout.FromMarkdown(content).Html);
    }

    [Fact]
    public void The_seed_articles_are_all_parsed_as_markdown()
    {
        foreach (string path in Directory.EnumerateFiles(TestPaths.Repo("seeds")).Order(StringComparer.Ordinal))
        {
            string content = File.ReadAllText(path);
            Assert.InRange(MarkdownNesting.UpperBound(content, stopAt: Limit), 0, 8);
        }
    }

    private static string Lines(int count, Func<int, string> line) =>
        string.Join('\n', Enumerable.Range(0, count).Select(line));
}

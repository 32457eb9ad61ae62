using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Parsing;

public class BackMatterTests
{
    private static ReadOnlySpan<Token> Tokens(string sentence)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        return tokens.ToArray();
    }

    [Theory]
    [InlineData("*About the author: Soyoung Kim is a PhD candidate at the S Rajaratnam School of International Studies.")]
    [InlineData("Source: This article was published by East Asia Forum")]
    [InlineData("This article was originally published in The Conversation.")]
    [InlineData("This story first appeared in the Texas Tribune.")]
    [InlineData("Republished with permission from the author.")]
    [InlineData("Originally published in The Diplomat on 3 May 2024.")]
    [InlineData("Reprinted from Foreign Affairs, March 2024.")]
    [InlineData("Copyright 2024 The Associated Press. All rights reserved.")]
    [InlineData("© 2024 Reuters")]
    public void A_publisher_note_opens_back_matter(string sentence) => Assert.True(BackMatter.OpensBackMatter(Tokens(sentence)));

    [Theory]
    [InlineData("Source: CRS analysis of Department of Labor data.")]
    [InlineData("About the program: ENERGY STAR is a voluntary labeling program.")]
    [InlineData("This article of the statute was amended in 2018.")]
    [InlineData("Originally, the program covered only computers.")]
    [InlineData("Originally dubbed \"Jerry's Guide to the World Wide Web\" the firm adopted the moniker Yahoo because the founders liked the dictionary definition of a yahoo as a rude, unsophisticated, uncouth person.")]
    [InlineData("Originally designed for reconnaissance, the MQ-9 now carries munitions.")]
    [InlineData("Reprinted editions of the report sold out within a week.")]
    [InlineData("The authors published their findings in 2019.")]
    public void A_figure_note_or_an_ordinary_sentence_does_not(string sentence) => Assert.False(BackMatter.OpensBackMatter(Tokens(sentence)));

    [Fact]
    public void Back_matter_runs_from_the_note_to_the_end_and_only_in_the_second_half()
    {
        const string article = """
            Chongryon has long served the interests of the North Korean government in Japan.

            It is the only conduit between the governments of North Korea and Japan.

            Its membership has declined since the 1990s, but it remains relevant.

            About the author: Soyoung Kim is a PhD candidate.

            East Asia Forum is a platform for analysis and research on politics.
            """;
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From(article, "a.txt"));
        int start = BackMatter.Start(doc);
        Assert.StartsWith("About the author", doc.Sentences[start].Text, StringComparison.Ordinal);
        Assert.Equal(doc.Sentences.Count - 2, start);
        Assert.Equal(start, doc.BackMatterStart);
        Assert.True(doc.InBackMatter(start));
        Assert.False(doc.InBackMatter(start - 1));

        // A note in the first half is not back matter: the article continues after it.
        ParsedDocument early = ParsedDocument.Parse(SourceText.From("About the author: Jane Roe writes on trade.\n\nTariffs rose in 2025.\n\nImports fell.\n\nExports held up.", "b.txt"));
        Assert.Equal(early.Sentences.Count, BackMatter.Start(early));
        Assert.Equal(early.Sentences.Count, early.BackMatterStart);
    }
}

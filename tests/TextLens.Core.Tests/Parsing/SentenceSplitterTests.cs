using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Parsing;

public class SentenceSplitterTests
{
    private static string[] Split(string text, DocumentFormat format = DocumentFormat.PlainText) =>
        [.. ParsedDocument.Parse(new SourceText("t", text, format)).Sentences.Select(s => s.Text)];

    [Fact]
    public void Seed_article_splits_sentence_by_sentence()
    {
        string text = File.ReadAllText(TestPaths.SeedArticle);
        string[] sentences = Split(text);
        Assert.Equal(47, sentences.Length);
        Assert.Equal("The Chongryon Element In Japan–North Korea Relations – Analysis", sentences[0]);
        Assert.Equal("By Soyoung Kim*", sentences[1]);
        Assert.Equal("Chongryon also ran various business and criminal enterprises which reportedly produced over US$1billion in annual revenue, most of which was remitted to North Korea.", sentences[11]);
        Assert.Equal("The Japanese government started the bidding for the building in March 2013 to recover some of the 62.7 billion yen owed by the Chongryon for a bailout in the late 1990s and early 2000s.", sentences[25]);
        Assert.Equal("According to the Ministry of Justice, this was an 11.5 per cent decrease over three years.", sentences[30]);
        Assert.Equal("North Korea, after firing a ballistic missile over Japan in October 2022, warned the Japanese government against further persecution of pro-regime Koreans in Japan, regarding it as ‘a challenge to its dignity and sovereignty’.", sentences[32]);
        Assert.Equal("Source: This article was published by East Asia Forum", sentences[40]);
        Assert.Equal("East Asia Forum", sentences[41]);
        Assert.Equal("Leave a Reply", sentences[44]);
        Assert.Equal("Required fields are marked *", sentences[46]);
        Assert.All(sentences, s => Assert.False(string.IsNullOrWhiteSpace(s)));
    }

    [Theory]
    [InlineData("The U.S. economy grew. It slowed later.", new[] { "The U.S. economy grew.", "It slowed later." })]
    [InlineData("He moved to the U.S. The move was quick.", new[] { "He moved to the U.S.", "The move was quick." })]
    [InlineData("Mr. Kim met Dr. Lee on Jan. 5. They talked.", new[] { "Mr. Kim met Dr. Lee on Jan. 5.", "They talked." })]
    [InlineData("Some words, e.g. these, and i.e. those. Next.", new[] { "Some words, e.g. these, and i.e. those.", "Next." })]
    [InlineData("John F. Kennedy spoke. Crowds cheered.", new[] { "John F. Kennedy spoke.", "Crowds cheered." })]
    [InlineData("It rose 2.5 per cent to US$1.2 billion. Shares fell.", new[] { "It rose 2.5 per cent to US$1.2 billion.", "Shares fell." })]
    [InlineData("Wait... what happened? Nobody knew!", new[] { "Wait... what happened?", "Nobody knew!" })]
    [InlineData("He paused… Then he left.", new[] { "He paused…", "Then he left." })]
    [InlineData("She said “it is over.” Then she left.", new[] { "She said “it is over.”", "Then she left." })]
    [InlineData("The plan (approved in May.) stands. Critics object.", new[] { "The plan (approved in May.) stands.", "Critics object." })]
    [InlineData("See Item No. 4 for details. Done.", new[] { "See Item No. 4 for details.", "Done." })]
    [InlineData("Apple Inc. said sales rose. Analysts agreed.", new[] { "Apple Inc. said sales rose.", "Analysts agreed." })]
    [InlineData("They sold fruit, nuts, etc. The market closed.", new[] { "They sold fruit, nuts, etc.", "The market closed." })]
    [InlineData("H.Rept. 119-215 recommended $32 million. S.Rept. 119-46 did too.", new[] { "H.Rept. 119-215 recommended $32 million.", "S.Rept. 119-46 did too." })]
    [InlineData("P.L. 119-4 provided funds. It passed in 2025. 2026 was quieter.", new[] { "P.L. 119-4 provided funds.", "It passed in 2025.", "2026 was quieter." })]
    [InlineData("It took 1.5bn yen (£7.7m) in two days. It cost $35.4m. Critics object.", new[] { "It took 1.5bn yen (£7.7m) in two days.", "It cost $35.4m.", "Critics object." })]
    // An unlisted abbreviation before a comma, semicolon or colon (CRS R48908's bill citations).
    [InlineData("Proposals moved the USFCS to USTR (e.g., 104th Cong., H.R. 1756) or to a new department (e.g., 104th Cong., S. 929, reported with amendment). Legislation followed.",
        new[] { "Proposals moved the USFCS to USTR (e.g., 104th Cong., H.R. 1756) or to a new department (e.g., 104th Cong., S. 929, reported with amendment).", "Legislation followed." })]
    [InlineData("See 2d Sess.; the Senate did not act. It adjourned.", new[] { "See 2d Sess.; the Senate did not act.", "It adjourned." })]
    // A spaced ellipsis in a legal quotation (CRS LSB11421): after a full stop it continues the sentence before a lower-case word.
    [InlineData("The Committee must also establish \"reasonable mitigation and enhancement measures. . . as are necessary and appropriate.\" The court agreed.",
        new[] { "The Committee must also establish \"reasonable mitigation and enhancement measures. . . as are necessary and appropriate.\"", "The court agreed." })]
    [InlineData("The statute ends there. . . . The court agreed.", new[] { "The statute ends there. . . .", "The court agreed." })]
    public void Hard_cases(string text, string[] expected) => Assert.Equal(expected, Split(text));

    [Fact]
    public void Headings_bylines_and_list_items_without_full_stops_stand_alone_in_plain_text()
    {
        string text = "Budget Talks Resume\nBy Jane Doe\n\nThe talks resumed on Monday. Both sides were hopeful.\n\n- Cuts to defence\n- New taxes\n";
        Assert.Equal(
            ["Budget Talks Resume", "By Jane Doe", "The talks resumed on Monday.", "Both sides were hopeful.", "- Cuts to defence", "- New taxes"],
            Split(text));
    }

    [Fact]
    public void Hard_wrapped_plain_text_joins_lines_of_one_sentence()
    {
        string text = "The committee met on Tuesday to discuss the proposal that had been\nsubmitted by the ministry in the previous week. It adjourned early.";
        Assert.Equal(
            ["The committee met on Tuesday to discuss the proposal that had been submitted by the ministry in the previous week.", "It adjourned early."],
            Split(text));
    }

    [Fact]
    public void Markdown_headings_and_list_items_are_their_own_sentences()
    {
        string text = "## Key Points\n\n* Congress may wish to consider oversight\n* GAO found gaps\n\nBody text. More text.\n";
        Assert.Equal(["Key Points", "Congress may wish to consider oversight", "GAO found gaps", "Body text.", "More text."], Split(text, DocumentFormat.Markdown));
    }

    [Fact]
    public void Sentence_spans_cover_their_tokens_and_do_not_overlap()
    {
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From(File.ReadAllText(TestPaths.SeedArticle), "seed.txt"));
        for (int i = 0; i < doc.Sentences.Count; i++)
        {
            Sentence s = doc.Sentences[i];
            ReadOnlySpan<Token> tokens = doc.TokensOf(s);
            Assert.Equal(s.Span.Start, tokens[0].Span.Start);
            Assert.Equal(s.Span.End, tokens[^1].Span.End);
            if (i > 0)
            {
                Assert.True(doc.Sentences[i - 1].Span.End <= s.Span.Start);
            }

            Assert.Equal(i, doc.SentenceAt(s.Span.Start));
        }
    }
}

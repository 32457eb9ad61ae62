using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Parsing;

public class TokenizerTests
{
    private static List<Token> Tokens(string text)
    {
        var list = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), list);
        return list;
    }

    [Fact]
    public void Shared_token_strings_give_the_same_tokens_and_one_string_per_surface()
    {
        string text = string.Join("\n\n", Directory.GetFiles(TestPaths.Seeds).Order().Select(File.ReadAllText))
            + " The\u00ADcap\u200Bital’s THE the The co\u2019op.";
        var plain = new List<Token>();
        var shared = new List<Token>();
        var strings = new TokenStrings();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), plain);
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), shared, strings);

        Assert.Equal(plain, shared);
        Assert.True(strings.Count < shared.Count / 2, $"{strings.Count} strings for {shared.Count} tokens");
        Token[] the = [.. shared.Where(t => t.Text == "The")];
        Assert.True(the.Length > 2);
        Assert.All(the, t => Assert.Same(the[0].Text, t.Text));
        Assert.All(the, t => Assert.Same(the[0].Lower, t.Lower));
        Assert.Contains(shared, t => t.Text == "capital");

    }

    [Fact]
    public void A_long_dotted_run_is_one_word_and_a_long_group_breaks_it_where_it_did()
    {
        // The dotted-abbreviation test is asked once a word (it was asked at every period, O(n²) on "a.a.a.…").
        string run = string.Concat(Enumerable.Repeat("a.", 10_000));
        List<Token> tokens = Tokens(run + " end");
        Assert.Equal([run, "end"], tokens.Select(t => t.Text));
        Assert.Equal("W:U.S.A. W:and W:abc P:. W:a.b.c W:cde P:. W:f", Show("U.S.A. and abc.a.b.c cde.f"));
    }

    private static string Show(string text) => string.Join(" ", Tokens(text).Select(t => $"{t.Kind.ToString()[0]}:{t.Text}"));

    [Theory]
    [InlineData("Chongryon’s role", "W:Chongryon C:'s W:role")]
    [InlineData("Chongryon's role", "W:Chongryon C:'s W:role")]
    [InlineData("the Workers’ Party", "W:the W:Workers C:' W:Party")]
    [InlineData("don't", "W:do C:n't")]
    [InlineData("they’re", "W:they C:'re")]
    public void Splits_possessives_and_contractions_and_unifies_apostrophes(string text, string expected) =>
        Assert.Equal(expected, Show(text));

    [Theory]
    [InlineData("62.7 billion yen", "N:62.7 W:billion W:yen")]
    [InlineData("US$1billion", "W:US S:$ N:1 W:billion")]
    [InlineData("11.5 per cent", "N:11.5 W:per W:cent")]
    [InlineData("29,559 Chosen-seki", "N:29,559 W:Chosen-seki")]
    [InlineData("the 1990s and the 25th Congress", "W:the N:1990s W:and W:the N:25th W:Congress")]
    [InlineData("£7.7m and $35.4m", "S:£ N:7.7 W:m W:and S:$ N:35.4 W:m")]
    [InlineData("1.5bn yen, 2,5k", "N:1.5 W:bn W:yen P:, N:2,5 W:k")]
    [InlineData("3D and 5G", "W:3D W:and W:5G")]
    public void Keeps_numbers_whole_and_marks_them(string text, string expected) =>
        Assert.Equal(expected, Show(text));

    [Theory]
    [InlineData("the U.S. economy", "W:the W:U.S. W:economy")]
    [InlineData("e.g. this", "W:e.g. W:this")]
    [InlineData("Mr. Kim", "W:Mr. W:Kim")]
    [InlineData("John F. Kennedy", "W:John W:F. W:Kennedy")]
    [InlineData("Kim Jong-un.", "W:Kim W:Jong-un P:.")]
    [InlineData("No. 5", "W:No. N:5")]
    [InlineData("said no.", "W:said W:no P:.")]
    public void Keeps_abbreviations_and_initials_with_their_period(string text, string expected) =>
        Assert.Equal(expected, Show(text));

    [Fact]
    public void Every_token_span_covers_its_surface_text()
    {
        string text = File.ReadAllText(TestPaths.SeedArticle);
        foreach (Token t in Tokens(text))
        {
            string surface = text.Substring(t.Span.Start, t.Span.Length);
            Assert.Equal(t.Text, t.Kind == TokenKind.Punctuation ? surface : surface.Replace('’', '\'').Replace('‘', '\''));
            Assert.Equal(t.Text.ToLowerInvariant(), t.Lower);
        }
    }
}

public class AlphanumericNameTests
{
    [Theory]
    [InlineData("The Army's XM-30 is being designed to replace the M-2 Bradley.", "XM-30")]
    [InlineData("The F-35 program is the largest acquisition program.", "F-35")]
    [InlineData("Employers file petitions for H-1B workers.", "H-1B")]
    [InlineData("Payments expanded during the COVID-19 pandemic.", "COVID-19")]
    [InlineData("Carriers are deploying 5G networks.", "5G")]
    [InlineData("The MQ-9 Reaper is an uncrewed aircraft.", "MQ-9")]
    public void A_hyphenated_or_alphanumeric_name_is_one_nominal_name_token(string sentence, string name)
    {
        ParsedDocument doc = ParsedDocument.Parse(TextLens.Core.Text.SourceText.From(sentence, "t.txt"), TestModels.Set);
        int i = doc.Tokens.ToList().FindIndex(t => t.Text == name);
        Assert.True(i >= 0, $"'{name}' is not one token");
        Assert.True(doc.Tokens[i].IsAlphanumericName);
        Assert.True(doc.Tags[i] is PartOfSpeech.Propn or PartOfSpeech.Noun, $"'{name}' is tagged {doc.Tags[i]}"); // never NUM: a name, not a quantity
    }

    [Fact]
    public void Numbers_ordinals_and_abbreviations_are_not_names()
    {
        ParsedDocument doc = ParsedDocument.Parse(TextLens.Core.Text.SourceText.From("In the 119th Congress, 25 U.S. states paid $1,051.", "t.txt"));
        Assert.DoesNotContain(doc.Tokens, t => t.IsAlphanumericName);
    }
}

using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>The policy-news features of the polarity model: bad news in policy vocabulary, and changes signed by what changes.</summary>
public class PolicyChangeFeatureTests
{
    private static PolicyChangeFeatures.Counts Of(string sentence)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        return PolicyChangeFeatures.Of([.. tokens.Where(t => t.Kind is TokenKind.Word or TokenKind.Clitic).Select(t => t.Lower)]);
    }

    [Theory]
    [InlineData("Chongryon membership has also declined.")]
    [InlineData("The program has experienced cost growth and spending constraints.")]
    [InlineData("Meanwhile, vehicle prices increased on average by 16.2%.")]
    [InlineData("The Army is reducing acquisition quantities.")]
    public void A_rise_in_a_bad_quantity_or_a_fall_in_a_good_one_is_a_bad_change(string sentence)
    {
        PolicyChangeFeatures.Counts c = Of(sentence);
        Assert.Equal(1, c.BadChanges);
        Assert.Equal(0, c.GoodChanges);
    }

    [Theory]
    [InlineData("The FY2027 request was $323.2 million below the FY2026 enacted amount.")]
    [InlineData("Congress cut appropriations for the program in FY2025.")]
    [InlineData("The budget request would reduce the account by 20%.")]
    public void A_fall_in_a_budget_level_is_a_bad_change(string sentence)
    {
        PolicyChangeFeatures.Counts c = Of(sentence);
        Assert.Equal(1, c.BadChanges);
        Assert.Equal(0, c.GoodChanges);
    }

    [Theory]
    [InlineData("The FY2027 request is $40 million above the FY2026 enacted amount.")]
    [InlineData("Appropriations increased to $1.2 billion in FY2025.")]
    public void A_rise_in_a_budget_level_is_no_change_of_known_sign(string sentence)
    {
        PolicyChangeFeatures.Counts c = Of(sentence);
        Assert.Equal(0, c.BadChanges);
        Assert.Equal(0, c.GoodChanges);
    }

    [Theory]
    [InlineData("Annual HTF revenue grew by $2 billion.")]
    [InlineData("Greenhouse gas emissions fell in 2020.")]
    public void A_rise_in_a_good_quantity_or_a_fall_in_a_bad_one_is_a_good_change(string sentence)
    {
        PolicyChangeFeatures.Counts c = Of(sentence);
        Assert.Equal(0, c.BadChanges);
        Assert.Equal(1, c.GoodChanges);
    }

    [Fact]
    public void Bad_news_legal_conflict_and_concern_are_counted_apart()
    {
        PolicyChangeFeatures.Counts c = Of("Production was temporarily halted after a shortfall, leading to litigation and renewed concerns.");
        Assert.Equal(2, c.BadEvents);
        Assert.Equal(1, c.LegalConflict);
        Assert.Equal(1, c.Concern);
    }

    [Theory]
    [InlineData("The M-2 Bradley transports infantry.")]
    [InlineData("Federal agencies consult with the Services.")]
    [InlineData("On March 3, the House passed H.R. 1156.")]
    [InlineData("")]
    public void Description_of_programmes_and_procedure_has_no_policy_news(string sentence)
    {
        Assert.Equal(default, Of(sentence));
    }
}

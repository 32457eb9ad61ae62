using TextLens.Core.Analyzers.Keywords;

namespace TextLens.Core.Tests.Analyzers;

public class WordGraphTests
{
    [Fact]
    public void The_hub_of_a_star_ranks_first_and_scores_are_normalised()
    {
        // 0 co-occurs with 1, 2 and 3; they never meet each other (window 2, -1 separates).
        int[] sequence = [1, 0, -1, 2, 0, -1, 3, 0];
        double[] scores = WordGraph.Rank(sequence, 4, window: 2);
        Assert.Equal(1.0, scores[0]);
        Assert.All(scores[1..], s => Assert.InRange(s, 0.0, 0.999));
    }

    [Fact]
    public void Earlier_words_are_preferred_when_the_graph_is_symmetric()
    {
        // A chain 0-1-2-3: ends are alike, but 0 comes first, so the position-biased jump favours it over 3.
        double[] scores = WordGraph.Rank([0, 1, 2, 3], 4, window: 2);
        Assert.True(scores[0] > scores[3], string.Join(", ", scores));
        Assert.True(scores[1] > scores[2], string.Join(", ", scores));
    }

    [Fact]
    public void Empty_and_isolated_graphs_are_handled()
    {
        Assert.Empty(WordGraph.Rank([], 0, 10));
        double[] single = WordGraph.Rank([0, -1, -1], 1, 10);
        Assert.Equal([1.0], single);
    }

    [Theory]
    [InlineData("korea", "korean", true)]
    [InlineData("america", "american", true)]
    [InlineData("europ", "european", true)]
    [InlineData("ira", "iran", false)] // too short to trust: IRA is not Iran
    [InlineData("school", "school", false)]
    [InlineData("korea", "koreas", false)]
    public void Demonym_pairs(string a, string b, bool expected)
    {
        Assert.Equal(expected, PhraseStemmer.IsDemonymPair(a, b));
        Assert.Equal(expected, PhraseStemmer.IsDemonymPair(b, a));
    }

    [Fact]
    public void Stems_merge_plurals_but_not_different_words()
    {
        Assert.Equal(PhraseStemmer.Stem("schools"), PhraseStemmer.Stem("school"));
        Assert.NotEqual(PhraseStemmer.Stem("chongryon"), PhraseStemmer.Stem("chosen"));
    }
}

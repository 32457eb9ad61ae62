using System.Runtime.InteropServices;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>The scope features of the epistemic model: reporting verbs by lemma, the source before them, modals by subject and verb.</summary>
public class EpistemicScopeTests
{
    private static List<Token> Tokens(string sentence)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        return tokens;
    }

    [Theory]
    [InlineData("said", "say")]
    [InlineData("found", "find")]
    [InlineData("estimated", "estimate")]
    [InlineData("argues", "argue")]
    [InlineData("testified", "testify")]
    [InlineData("highlights", "highlight")]
    [InlineData("noting", "note")]
    [InlineData("characterized", "characterize")]
    public void Forms_of_reporting_verbs_have_their_lemma(string word, string lemma)
    {
        Assert.Equal(lemma, EpistemicScope.ReportingLemma(word));
    }

    [Theory]
    [InlineData("applies")]
    [InlineData("remained")]
    [InlineData("table")]
    [InlineData("is")]
    [InlineData("")]
    public void Other_words_are_not_reporting_verbs(string word)
    {
        Assert.Null(EpistemicScope.ReportingLemma(word));
    }

    [Theory]
    [InlineData("In 2025, GAO found that the costs had doubled.", "found", SourceKind.Named)]
    [InlineData("Table 2 shows the costs by year.", "shows", SourceKind.Self)]
    [InlineData("Using OMB data, CRS calculated the totals.", "calculated", SourceKind.Self)]
    [InlineData("Some critics argue that the program is too costly.", "argue", SourceKind.Vague)]
    [InlineData("The agency reported a decline in the number of claims.", "reported", SourceKind.Noun)]
    [InlineData("Costs rose, it said.", "said", SourceKind.Pronoun)]
    [InlineData("Costs rose, as shown earlier.", "shown", SourceKind.None)]
    public void The_source_before_a_reporting_verb_is_classified(string sentence, string verb, SourceKind expected)
    {
        List<Token> tokens = Tokens(sentence);
        int at = tokens.FindIndex(t => t.Text == verb);
        Assert.Equal(expected, EpistemicScope.SourceBefore(CollectionsMarshal.AsSpan(tokens), at));
    }

    [Fact]
    public void Modals_are_described_by_subject_and_verb_group()
    {
        const string sentence = "Congress also might examine the rule, and applicants may not apply twice, but the change may be delayed.";
        List<Token> tokens = Tokens(sentence);
        StanceEvidence evidence = StanceTagger.Inspect(sentence, CollectionsMarshal.AsSpan(tokens));
        var features = new List<(string Name, float Value)>();
        EpistemicScope.AddFeatures(features, CollectionsMarshal.AsSpan(tokens), evidence);
        string[] names = [.. features.Select(f => f.Name)];
        Assert.Contains("modal:might:policy:deliberate", names);
        Assert.Contains("modal:may:agent:act", names);
        Assert.Contains("modal:may:not:act", names);
        Assert.Contains("modal:may:thing:be-done", names);
    }

    [Fact]
    public void A_hedge_after_a_sources_reporting_verb_is_inside_the_report()
    {
        const string sentence = "The court concluded that the policy likely violated the First Amendment.";
        List<Token> tokens = Tokens(sentence);
        StanceEvidence evidence = StanceTagger.Inspect(sentence, CollectionsMarshal.AsSpan(tokens));
        var features = new List<(string Name, float Value)>();
        EpistemicScope.AddFeatures(features, CollectionsMarshal.AsSpan(tokens), evidence);
        Assert.Contains(features, f => f.Name == "sourced-report");
        Assert.Contains(features, f => f.Name == "inside-report:Hedge");
    }

    [Fact]
    public void A_sentence_without_words_has_no_scope_features()
    {
        List<Token> tokens = Tokens("—");
        StanceEvidence evidence = StanceTagger.Inspect("—", CollectionsMarshal.AsSpan(tokens));
        var features = new List<(string Name, float Value)>();
        EpistemicScope.AddFeatures(features, CollectionsMarshal.AsSpan(tokens), evidence);
        Assert.Empty(features);
    }
}

using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

public class StanceRuleTests
{
    private static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);

    private static DocumentAnalysis Analyze(string text) =>
        Engine.Analyze(SourceText.From(text, "test.txt"), AnalysisOptions.Default, DefaultSeverities.Instance);

    private static IReadOnlyList<Diagnostic> Diagnostics(string text, RuleDescriptor rule) =>
        [.. Analyze(text).Diagnostics.Where(d => d.Id == rule.Id)];

    [Fact]
    public void Rules_are_in_the_catalogue_with_quiet_defaults()
    {
        foreach (RuleDescriptor rule in StanceRules.All)
        {
            Assert.StartsWith("TL3", rule.Id, StringComparison.Ordinal);
            Assert.Contains(Engine.Rules, r => r.Id == rule.Id);
            Assert.Equal(Severity.Suggestion, rule.DefaultSeverity);
            Assert.False(string.IsNullOrWhiteSpace(rule.Help));
        }

        Assert.Equal(StanceRules.All.Count, StanceRules.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void TL3001_reports_the_authors_recommendation_at_its_cue()
    {
        const string text = "Chongryon remains relevant. Given its enduring position, greater attention should be paid to the activities of Chongryon.";
        Diagnostic d = Assert.Single(Diagnostics(text, StanceRules.PrescriptiveStatement));
        Assert.Equal("should be paid", text.Substring(d.Span!.Value.Start, d.Span.Value.Length));
        Assert.Empty(Diagnostics("Officials said the government should raise the tax.", StanceRules.PrescriptiveStatement));
    }

    [Fact]
    public void TL3002_reports_a_statistic_without_a_source()
    {
        Diagnostic d = Assert.Single(Diagnostics("The Japanese government started the bidding to recover some of the 62.7 billion yen owed by the Chongryon.", StanceRules.UnattributedFigure));
        Assert.Contains("62.7", d.Message, StringComparison.Ordinal);
        Assert.Empty(Diagnostics("According to the Ministry of Justice, this was an 11.5 per cent decrease over three years.", StanceRules.UnattributedFigure));
        Assert.Empty(Diagnostics("Chongryon was established in 1955.", StanceRules.UnattributedFigure));
    }

    [Fact]
    public void TL3002_reports_the_first_figure_and_none_in_a_hypothetical()
    {
        // The sentence-wide tests are asked once a sentence, not once a figure (a sentence of n figures was O(n²)).
        Diagnostic d = Assert.Single(Diagnostics("The fund lost 62.7 billion yen and 41.2 billion yen.", StanceRules.UnattributedFigure));
        Assert.Contains("62.7", d.Message, StringComparison.Ordinal);
        Assert.Empty(Diagnostics("If the estimate holds, the fund lost 62.7 billion yen and 41.2 billion yen.", StanceRules.UnattributedFigure));
        Assert.Empty(Diagnostics("The fund would lose 62.7 billion yen and 41.2 billion yen.", StanceRules.UnattributedFigure));
    }

    [Fact]
    public void TL3003_reports_an_unsourced_hedge()
    {
        Diagnostic d = Assert.Single(Diagnostics("North Korean Leader Kim Jong-un is rumoured to have shown interest in Chongryon since coming to power.", StanceRules.HedgedClaim));
        Assert.Contains("rumoured", d.Message, StringComparison.Ordinal);
        Assert.Empty(Diagnostics("The minister said the talks may resume next month.", StanceRules.HedgedClaim));
    }

    [Fact]
    public void TL3004_reports_a_loaded_word_in_a_factual_sentence()
    {
        Diagnostic d = Assert.Single(Diagnostics("The regime's disastrous currency reform took effect in 2009.", StanceRules.LoadedLanguage));
        Assert.Contains("disastrous", d.Message, StringComparison.Ordinal);
        Assert.Empty(Diagnostics("The attack killed 12 people in the capital on Monday.", StanceRules.LoadedLanguage));
    }

    [Fact]
    public void TL3005_reports_a_key_term_treated_one_way_only()
    {
        const string oneSided = """
            Frankly, the Acme plan is an absurd disaster and nobody should defend it.
            I think the Acme plan is a terrible, wasteful mistake.
            The Acme plan is clearly the worst idea this city has ever seen.
            We are sick of hearing excuses for the Acme plan, which has been a shameful failure!
            Why would anyone still believe the Acme plan can work?
            Worse, the Acme plan is a corrupt and shameful mess that insults every voter.
            """;
        Diagnostic d = Assert.Single(Diagnostics(oneSided, StanceRules.OneSidedDocument));
        Assert.Contains("negative", d.Message, StringComparison.Ordinal);

        // Reported bad news is not one-sidedness: these sentences are negative but not the author's evaluation.
        const string badNews = """
            The Acme plant was damaged by a tornado on Monday.
            Three workers at the Acme plant were injured in the storm.
            Power to the Acme plant was cut for two days.
            The Acme plant lost about 40,000 dollars of stock.
            Repairs at the Acme plant will take several weeks.
            Insurers said the Acme plant had no flood cover.
            """;
        Assert.Empty(Diagnostics(badNews, StanceRules.OneSidedDocument));

        const string balanced = """
            Frankly, the Acme plan is an absurd disaster and nobody should defend it.
            I think the Acme plan is a brilliant, generous and wonderful idea.
            The Acme plan is clearly the worst idea this city has ever seen.
            We love the Acme plan, which has been a wonderful success for families!
            Honestly, the Acme plan is the best thing that has happened to this town.
            Worse, the Acme plan is a corrupt and shameful mess that insults every voter.
            """;
        Assert.Empty(Diagnostics(balanced, StanceRules.OneSidedDocument));
    }

    [Fact]
    public void The_seed_article_gets_a_profile_and_key_term_stance()
    {
        string path = TestPaths.SeedArticle;
        DocumentAnalysis analysis = Engine.Analyze(SourceText.From(File.ReadAllText(path), path), AnalysisOptions.Default, DefaultSeverities.Instance);
        StanceResult stance = analysis.GetResult<StanceResult>()!;
        Assert.Equal(analysis.Document!.Sentences.Count, stance.Sentences.Count);
        Assert.Equal(analysis.Document.BackMatterStart, stance.Profile.Epistemic.Values.Sum());
        Assert.True(stance.Profile.Epistemic[EpistemicStance.Hedged] >= 5);
        Assert.True(stance.Profile.Epistemic[EpistemicStance.Attributed] >= 3);
        Assert.True(stance.Profile.Epistemic[EpistemicStance.Prescriptive] >= 1);
        KeyTermStance chongryon = stance.KeyTerms.First(k => k.Term == "Chongryon");
        Assert.True(chongryon.Sentences.Count >= 15);
        Assert.InRange(chongryon.MeanPolarity, -1, 1);
        Assert.Contains(stance.MostPrescriptive, i => analysis.Document.Sentences[i].Text.Contains("should be paid", StringComparison.Ordinal));
    }
}

using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Themes;

/// <summary>
/// Theme label terms are shown as the whole phrase they are cut from, never joined to a verb or to a name in
/// apposition, and a term that starts with an enumerator is no label of its own (issue 14: "iv banks", "chain disruptions").
/// Sentences from CRS reports R48916, IF12421, IN12680 and the seed article.
/// </summary>
public sealed class LabelPhrasesTests
{
    private const string SupplyChain = """
        Recent supply chain disruptions have contributed to price increases for certain consumer goods, such as vehicles, groceries, apparel, and consumer electronics.

        Congress has expressed interest in various types of retailers that sell these consumer goods, particularly after their profits and prices have increased following supply chain disruptions.

        A retailer's inventory management can affect its pricing behavior, particularly during supply chain disruptions.

        Because of tightening financial conditions and the potential of bankruptcy caused by the financial crisis, manufacturers of new vehicles increased prices to remain solvent during the GR despite a decrease in consumer demand.

        From December 2007 to January 2009, prices paid by dealerships to acquire new vehicles increased on average by 2.4%.
        """;

    private const string Stations = """
        The 1-51st Air Defense Artillery battalion will be stationed at Joint Base Lewis-McChord, WA, in FY2026.

        The 3rd IFPC Battalion of the 3rd Multi-Domain Task Force will be stationed at Joint Base Lewis-McChord, WA, in FY2029.

        The 6th IFPC battalion of I Corps will be stationed at Joint Base Lewis-McChord, WA, in FY2030.

        Japanese Prime Minister Fumio Kishida has made overtures towards meeting North Korean leader Kim Jong-un unconditionally.

        Observers expect North Korean leader Kim Jong-un to reply through official media.
        """;

    [Fact]
    public void A_term_cut_from_a_longer_name_is_shown_whole()
    {
        LabelPhrases phrases = Of(SupplyChain, "chain disruptions");
        Assert.Equal("supply chain disruptions", phrases.Extend("chain disruptions"));

        Assert.Equal("joint base lewis-mcchord", Of(Stations, "base lewis-mcchord").Extend("base lewis-mcchord"));
    }

    [Fact]
    public void A_verb_after_the_term_or_a_name_in_apposition_is_not_part_of_it()
    {
        // "new vehicles increased" twice: the verb is not the phrase's head.
        Assert.Equal("new vehicles", Of(SupplyChain, "new vehicles").Extend("new vehicles"));

        // "North Korean leader Kim Jong-un" twice: the name is in apposition; the modifier before the term is taken.
        Assert.Equal("north korean leader", Of(Stations, "korean leader").Extend("korean leader"));
    }

    [Fact]
    public void A_word_seen_next_to_the_term_once_or_already_taken_is_not_added()
    {
        Assert.Equal("inventory management", Of(SupplyChain, "inventory management").Extend("inventory management"));

        LabelPhrases phrases = Of(SupplyChain, "chain disruptions");
        Assert.Equal("chain disruptions", phrases.Extend("chain disruptions", new HashSet<string>(StringComparer.Ordinal) { "supply" }));
    }

    [Fact]
    public void A_phrase_is_shown_as_the_text_writes_it()
    {
        LabelPhrases stations = Of(Stations, "base lewis-mcchord", "korean leader");
        Assert.Equal("Joint Base Lewis-McChord", stations.Written(stations.Extend("base lewis-mcchord")));
        Assert.Equal("North Korean leader", stations.Written(stations.Extend("korean leader")));

        LabelPhrases supply = Of(SupplyChain, "chain disruptions", "new vehicles");
        Assert.Equal("supply chain disruptions", supply.Written(supply.Extend("chain disruptions")));
        Assert.Equal("new vehicles", supply.Written(supply.Extend("new vehicles")));

        // A phrase Extend never returned is shown as given.
        Assert.Equal("inventory", supply.Written("inventory"));
    }

    [Theory]
    [InlineData("Retailers raise prices when supply is short. The retailers studied here cut their stock.", "retailers", "retailers")]
    [InlineData("Retailers raise prices when supply is short. Retailers also cut their stock in a downturn.", "retailers", "retailers")]
    [InlineData("EPA set the levels in 1992. EPA also tests the products it labels every year.", "epa", "EPA")]
    [InlineData("The report cites the ENERGY STAR label. ENERGY STAR covers homes, and partners use ENERGY STAR in advertising.", "energy star", "ENERGY STAR")]
    [InlineData("Capital requirements constrain banks. (For background, see CRS Report R47447, Bank Capital Requirements: A Primer and Policy Issues.) Small banks may opt out of the capital requirements.", "capital requirements", "capital requirements")]
    public void A_capital_that_opens_a_sentence_or_a_cited_title_does_not_decide_the_form(string text, string term, string written)
    {
        LabelPhrases phrases = Of(text, term);
        Assert.Equal(written, phrases.Written(phrases.Extend(term)));
    }

    [Fact]
    public void The_themes_of_the_energy_star_report_are_labelled_as_it_writes_its_names()
    {
        string text = File.ReadAllText(TestPaths.Repo("seeds", "crs-if10753-energy-star-program.md"));
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        ThemeResult themes = engine.Analyze(SourceText.From(text, "IF10753.md"), AnalysisOptions.Default, DefaultSeverities.Instance).GetResult<ThemeResult>()!;

        Assert.Contains(themes.Themes, t => t.Label.StartsWith("ENERGY STAR, EPA", StringComparison.Ordinal));
        Assert.DoesNotContain(themes.Themes.SelectMany(t => t.Terms), t => t.Text.Contains("energy star", StringComparison.Ordinal) || t.Text == "epa");
    }

    [Theory]
    [InlineData("iv banks", true)] // "Category III and IV banks"
    [InlineData("ii programs", true)]
    [InlineData("b shares", true)]
    [InlineData("ivory coast", false)]
    [InlineData("vaccines", false)]
    [InlineData("fy2026", false)]
    public void A_term_that_starts_with_an_enumerator_is_the_tail_of_an_enumeration(string term, bool expected) =>
        Assert.Equal(expected, LabelPhrases.StartsWithEnumerator(term));

    [Fact]
    public void The_themes_of_a_bank_capital_report_have_no_enumerator_label()
    {
        string text = File.ReadAllText(TestPaths.Repo("seeds", "crs-in12680-bank-capital-requirements.md"));
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        ThemeResult themes = engine.Analyze(SourceText.From(text, "IN12680.md"), AnalysisOptions.Default, DefaultSeverities.Instance).GetResult<ThemeResult>()!;

        Assert.NotEmpty(themes.Themes);
        Assert.All(themes.Themes.SelectMany(t => t.Terms), t => Assert.False(LabelPhrases.StartsWithEnumerator(t.Text.ToLowerInvariant()), t.Text));
    }

    private static LabelPhrases Of(string text, params string[] terms)
    {
        ParsedDocument document = ParsedDocument.Parse(SourceText.From(text, "t.md"), TestModels.Set);
        return LabelPhrases.Of(document, terms, _ => true);
    }
}

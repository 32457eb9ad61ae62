using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The scope of TL3001–TL3004: each exception the rules state, on sentences from the CRS reports
/// (../shared/corpus/crs) and the seed article, and the useful findings that must stay.
/// </summary>
public class FindingScopeTests
{
    private static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);

    private static List<string> Findings(string text, RuleDescriptor rule) =>
        [.. Engine.Analyze(SourceText.From(text, "test.md"), AnalysisOptions.Default, DefaultSeverities.Instance).Diagnostics
            .Where(d => d.Id == rule.Id).Select(d => text.Substring(d.Span!.Value.Start, d.Span.Value.Length))];

    [Theory]
    [InlineData("The Committee must agree to an exemption with at least five votes.")]
    [InlineData("To appeal a BVA decision, a claimant must file a notice of appeal with the CAVC within 120 days after the date the BVA mailed notice of the decision to the claimant.")]
    [InlineData("Users who borrow from a specific asset lending protocol must first provide collateral in the form of some other token.")]
    [InlineData("Congress may consider whether additional federal authorities are needed to address electricity cybersecurity issues.")]
    [InlineData("For example, Congress could direct the USFCS to prioritize specific types of U.S. businesses.")]
    [InlineData("The Stanley Memorandum also provides that the repeal of DADT should be a sufficient basis to support reconsideration of requests from applicants who were previously denied upgrades.")]
    [InlineData("How public schools should treat transgender students has generated substantial debate.")]
    [InlineData("One 2018 study considered the potential effects on global CO2 emissions should Bitcoin eventually replace other cashless transactions.")]
    [InlineData("An involuntarily discharged individual does not need to apply for a discharge upgrade.")]
    public void TL3001_never_flags_the_laws_words_options_reported_views_or_conditionals(string sentence) =>
        Assert.Empty(Findings(sentence, StanceRules.PrescriptiveStatement));

    [Fact]
    public void TL3001_flags_the_authors_own_recommendation()
    {
        Assert.Equal(["should be paid"], Findings("Given its enduring position, greater attention should be paid to the activities of Chongryon.", StanceRules.PrescriptiveStatement));
    }

    [Theory]
    [InlineData("On December 4, 2025, Representative Mike Carey introduced the New Opportunities for Business Ownership and Self-Sufficiency Act (NO BOSS ACT; H.R. 6431).")]
    [InlineData("Section 8149 of P.L. 119-75 prohibited any pause, cancellation, or termination of OPIR programs.")]
    [InlineData("DOJ has taken action against individuals for violating the Defense Production Act of 1950 (DPA, 50 U.S.C. §§4501 et seq.)")]
    [InlineData("To elect BVA review, a claimant must file a notice of disagreement using VA Form 10182 with the BVA within one year of an AOJ's decision.")]
    [InlineData("EB may provide up to an additional 13 or 20 weeks of benefits if the state's IUR is at least 6%.")]
    [InlineData("The farm bill authorizes $1 billion in export credit guarantees annually through FY2026.")]
    [InlineData("Column B reduces this amount by including only the annual methane emissions that would be subject to the WEC's 25,000 MTCO2e emissions threshold.")]
    [InlineData("For example, a retailer with $1 million in sales at an 8% markup would earn a gross profit of $74,074, whereas a retailer with $300,000 in sales at a 30% markup would earn a lesser gross profit of $69,231.")]
    [InlineData("In early November 2024, Governor Hochul revived the program, and the TBTA lowered the initial toll prices (e.g., $9 instead of $15 for a passenger vehicle entering the CBD during the peak period).")]
    [InlineData("Each disability is given a rating between 0% and 100%.")]
    [InlineData("According to the Ministry of Justice, this was an 11.5 per cent decrease over three years.")]
    [InlineData("Chongryon was established in 1955.")]
    [InlineData("For example, the NSGP provided approximately $274.5 million in funding in fiscal year (FY) 2025, with resources divided between organizations located in high-risk urban areas and those located elsewhere in the country.")]
    [InlineData("For FY2024 and FY2025, USDA allocated $300 million annually for a new export promotion program called the Regional Agricultural Promotion Program (RAPP).")]
    [InlineData("In FY2025, the total funding for these homeland security preparedness grants was approximately $1.7 billion, demonstrating significant federal investment in national preparedness and community resilience.")]
    [InlineData("As of FY2023 reporting (the most recent by NMFS), SIMP covered approximately one-third of all U.S. seafood imports by volume, meaning the program covered approximately 1.7 billion pounds (773 million kilograms) of seafood in FY2023.")]
    // A government's share of a programme's cost, as the law sets it (CRS R48447).
    [InlineData("FUTA revenue funds federal and state administrative costs, loans to insolvent state UC accounts, the federal share (50%) of EB payments, and state Employment Services (ES) activities.")]
    public void TL3002_never_flags_references_identifiers_parameters_examples_bounds_or_sourced_figures(string sentence) =>
        Assert.Empty(Findings(sentence, StanceRules.UnattributedFigure));

    [Fact]
    public void TL3002_skips_a_figure_sourced_in_the_sentence_before()
    {
        const string text = "EPA's 2022 GHG Inventory reports the emissions of each sector. Methane from oil and gas systems was 183 million metric tons.";
        Assert.Empty(Findings(text, StanceRules.UnattributedFigure));
        Assert.Equal(["85.3"], Findings("PEUC payments totaled $85.3 billion.", StanceRules.UnattributedFigure));
    }

    [Theory]
    [InlineData("From 1959 to the 1980s, Chongryon collaborated with the Japanese government in repatriating up to 90,000 Koreans to North Korea.", "90,000")]
    [InlineData("The Japanese government started the bidding in March 2013 to recover some of the 62.7 billion yen owed by the Chongryon.", "62.7")]
    [InlineData("The U.S. agricultural trade surplus peaked at $40.1 billion in 2011.", "40.1")]
    [InlineData("Total value locked (TVL), a common industry measure of the value of all assets deposited in the various defi protocols, is approximately $98 billion across all blockchains as of March 2026.", "98")]
    [InlineData("VHA provides care for approximately 9.1 million enrolled veterans at over 1,300 VA sites of care.", "9.1")]
    [InlineData("Bitcoin is the most popular cryptocurrency, representing approximately 60% of the cryptocurrency market capitalization as of December 1, 2025.", "60")]
    [InlineData("The USFCS has offices in about 40% of U.S. embassies.", "40")]
    public void TL3002_flags_an_unsourced_statistic(string sentence, string figure) =>
        Assert.Equal([figure], Findings(sentence, StanceRules.UnattributedFigure));

    [Theory]
    [InlineData("Congress might decide to examine the program's effectiveness.")]
    [InlineData("If a servicemember is not barred from receiving benefits by statute or regulation, VA may determine that the discharge is honorable.")]
    [InlineData("Thus, the timing of WEC's conditional exemption is uncertain.")]
    [InlineData("Should Congress choose not to legislate on crypto or defi, regulatory treatment would presumably revert to the agencies.")]
    [InlineData("Such effects are possible, but it would seem unlikely that tax avoidance could be of this magnitude.")]
    [InlineData("The minister said the talks may resume next month.")]
    public void TL3003_never_flags_possibility_permission_options_or_the_authors_reasoning(string sentence) =>
        Assert.Empty(Findings(sentence, StanceRules.HedgedClaim));

    [Theory]
    [InlineData("Reportedly, in early December 2025, GDLS delivered its first M-1E3 prototype to the Army.", "Reportedly")]
    [InlineData("North Korean Leader Kim Jong-un is rumoured to have shown interest in Chongryon since coming to power.", "rumoured")]
    [InlineData("The Japanese government also seems to recognise Chongryon's value.", "seems")]
    [InlineData("Some retailers, knowing that their competitors would also import fewer goods, may have increased their markups.", "may")]
    public void TL3003_flags_unsourced_hearsay_once_per_sentence(string sentence, string cue) =>
        Assert.Equal([cue], Findings(sentence, StanceRules.HedgedClaim));

    [Fact]
    public void TL3003_reports_one_finding_for_two_hedges_in_one_sentence() =>
        Assert.Single(Findings("Reportedly, the Army reportedly plans to accelerate the M-1E3 development timeline.", StanceRules.HedgedClaim));

    [Theory]
    [InlineData("This bill would prevent any increase in net FUTA taxes based on an outstanding federal UC loan for employers with fewer than 500 employees.")]
    [InlineData("The entity can combine the positive 100 metric tons with the negative 200 metric tons, resulting in a net of 100 negative metric tons.")]
    [InlineData("Section 7(a)(2) of the ESA requires federal agencies to ensure their actions do not adversely modify or destroy critical habitat.")]
    [InlineData("Successful completion of CDR provides the technical basis for proceeding into fabrication, integration, development, test, and evaluation of a system.")]
    [InlineData("Among the current Justices, Clarence Thomas waited the greatest number of days (99).")]
    [InlineData("Section 6(c) includes prohibitions on fraud and manipulation.")]
    [InlineData("Honorable Discharge. Servicemembers who receive ratings from good to excellent for their service and meet or exceed their required standards of duty performance and personal conduct.")]
    [InlineData("While PoS and PoA both reduce energy consumption levels and require far less sophisticated equipment, they both create a more controlling and limited environment.")]
    public void TL3004_never_flags_technical_senses_acts_or_grading_words(string sentence) =>
        Assert.Empty(Findings(sentence, StanceRules.LoadedLanguage));

    [Fact]
    public void TL3004_flags_a_charged_word_in_a_factual_sentence() =>
        Assert.Equal(["disastrous"], Findings("The regime's disastrous policy took effect in 2019.", StanceRules.LoadedLanguage));
}

using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Summary;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Summary;

public sealed class SummaryAnalyzerTests
{
    // A Markdown report whose heading, caption, source note, cross-reference and byline repeat the
    // document's key terms, so only the eligibility rules keep them out of the summary.
    private const string Report = """
        # Unemployment Insurance Improper Payments and Program Integrity

        By Jane Doe

        Unemployment insurance improper payments rose sharply during the pandemic, when states paid benefits to millions of new claimants.

        Figure 1. Unemployment insurance improper payments by state, 2019-2024

        Source: Department of Labor unemployment insurance improper payments data.

        The Department of Labor estimates that improper payments in unemployment insurance exceeded $190 billion between 2020 and 2023.

        See CRS Report R48447, Unemployment Insurance: Improper Payments, for unemployment insurance program integrity details.

        States use the Reemployment Services and Eligibility Assessment program to reduce improper payments and speed claimants back to work.

        For more information on unemployment insurance improper payments, see the Department of Labor's program integrity website.

        Congress has considered bills that would fund state systems to detect identity fraud in unemployment insurance claims.

        Some analysts argue that modernised state benefit systems would cut improper payments more than new penalties would.

        Employers pay the federal unemployment tax that finances administration of the unemployment insurance program.
        """;

    private static DocumentAnalysis Analyze(string text, DocumentFormat format, int? sentences = null) =>
        BuiltInAnalyzers.CreateEngine(TestModels.Set).Analyze(
            new SourceText("report.md", text, format),
            AnalysisOptions.Default with { SummarySentences = sentences },
            new SeverityConfiguration(useEditorConfig: false));

    [Fact]
    public void Never_chooses_a_heading_caption_source_note_cross_reference_or_byline()
    {
        DocumentAnalysis analysis = Analyze(Report, DocumentFormat.Markdown, sentences: 6);
        ParsedDocument doc = analysis.Document!;
        SummaryResult summary = analysis.GetResult<SummaryResult>()!;

        Assert.Equal(6, summary.Sentences.Count);
        Dictionary<string, SummaryExclusion> excluded = doc.Sentences
            .Select(s => (s.Text, Kind: SentenceEligibility.Classify(doc, s)))
            .Where(x => x.Kind != SummaryExclusion.Eligible)
            .ToDictionary(x => x.Text, x => x.Kind);
        Assert.Equal(SummaryExclusion.Heading, excluded["Unemployment Insurance Improper Payments and Program Integrity"]);
        Assert.Equal(SummaryExclusion.Byline, excluded["By Jane Doe"]);
        Assert.Contains(SummaryExclusion.Caption, excluded.Where(e => e.Key.StartsWith("Figure 1", StringComparison.Ordinal)).Select(e => e.Value));
        Assert.Equal(SummaryExclusion.Caption, excluded.Single(e => e.Key.StartsWith("Source:", StringComparison.Ordinal)).Value);
        Assert.Equal(SummaryExclusion.Citation, excluded.Single(e => e.Key.StartsWith("See CRS Report", StringComparison.Ordinal)).Value);
        Assert.Equal(SummaryExclusion.Citation, excluded.Single(e => e.Key.StartsWith("For more information", StringComparison.Ordinal)).Value);

        foreach (SummarySentence s in summary.Sentences)
        {
            Assert.Equal(SummaryExclusion.Eligible, SentenceEligibility.Classify(doc, doc.Sentences[s.Index]));
            Assert.Equal(doc.Sentences[s.Index].Span, s.Span);
        }
    }

    [Theory]
    // Pointers to other reports without "see" (CRS IN12679): the sentence tells where to read, not what is so.
    [InlineData("Additional information about the Supreme Court appointment process can be found in CRS reports related to a President's selection of a nominee, consideration by the Senate Judiciary Committee, and Senate debate and confirmation vote.", SummaryExclusion.Citation)]
    [InlineData("An accompanying figure and additional information for this step of the appointment process is provided in CRS Report R44234.", SummaryExclusion.Citation)]
    // A statement that information was found or provided is content.
    [InlineData("This Insight provides historical data and information related to the length of time it has taken to appoint new Justices to the Supreme Court from 1975 to 2022.", SummaryExclusion.Eligible)]
    [InlineData("Investigators found in the records that the information was provided in error by the state agency in 2024.", SummaryExclusion.Eligible)]
    public void A_pointer_to_a_report_is_a_cross_reference(string sentence, SummaryExclusion expected)
    {
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From(sentence, "p.md"), TestModels.Set);
        Assert.Equal(expected, SentenceEligibility.Classify(doc, doc.Sentences.Single()));
    }

    [Theory]
    [InlineData("(This is less than the 2023 Basel Endgame proposal, which would have also applied to Category III and IV banks.", true)]
    [InlineData("This increase is more than offset by the decrease in required capital from the rest of the proposal.", false)]
    [InlineData("Capital requirements (the ratio of capital to assets) are one of the primary ways banks are regulated.", false)]
    [InlineData("[t]he award of two firm-fixed price contracts for the Optionally Manned Fighting Vehicle [XM-30] Phase 3 and 4.", true)]
    [InlineData("and the contracts were awarded to General Dynamics Land Systems Inc. in the same month.", true)]
    [InlineData("eBay and other online retailers collect sales taxes in every state that levies one.", false)]
    [InlineData("[12] Smith and Jones describe the programme in their report to the committee.", false)]
    [InlineData("For example, if supply chain disruptions prevent a retailer from acquiring new inventory, the retailer might raise prices.", true)]
    [InlineData("As another example, in 2025, in-store dollar markups of furniture retailers increased by 8% after decreasing the prior year.", true)]
    [InlineData("For instance, datasets used to train AI models could be stored on a cloud computing server.", true)]
    [InlineData("For example purposes only, the agency published a sample application form with its notice.", false)]
    [InlineData("For the example of Japan, the ministry counted members of the association in every prefecture.", false)]
    // A phrase pointing back through a pro-form (CRS LSB11421, R48883, IN12680).
    [InlineData("If so, the federal defendants may argue that the Secretary of Defense made a national security determination.", true)]
    [InlineData("Since then, thousands of other cryptocurrencies have emerged, including Ethereum.", true)]
    [InlineData("In that context, in November 2023, Treasury circulated a series of legislative requests.", true)]
    [InlineData("Under this proposal, required capital would fall by 5.6% for Category III and IV banks.", true)]
    [InlineData("In addition, the proposal would change risk-weighted asset calculations.", false)]
    [InlineData("In 2025, the GENIUS Act included a provision that requires Treasury to provide a report.", false)]
    [InlineData("Given that Congress has not acted on the proposal, the agency issued a rule.", false)]
    public void A_sentence_that_cannot_stand_alone_is_recognised_by_its_opening(string sentence, bool leans)
    {
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From(sentence, "a.md"), TestModels.Set);
        Assert.Equal(leans, SentenceOpening.LeansOnPrevious(doc, doc.Sentences.Single()));
    }

    [Theory]
    // The seed article and CRS IN12680: a pronoun or a lone demonstrative as subject refers to the sentence before.
    [InlineData("This is especially the case given the heightened possibility of communication between Japan and North Korea.", true)]
    [InlineData("It has run dozens of schools and a university in Japan that educates ethnic Koreans on North Korean culture.", true)]
    [InlineData("This demonstrates Chongryon's role in promoting engagement with the Japanese public and elite.", true)]
    [InlineData("They were repatriated to North Korea between 1959 and the 1980s.", true)]
    [InlineData("This increase is more than offset by the decrease in required capital from the rest of the proposal.", false)]
    [InlineData("It is unclear whether the proposal would reduce required capital for Category III and IV banks.", false)]
    [InlineData("It is important to note that the rule applies only to banks with over $100 billion in assets.", false)]
    [InlineData("There is no North Korean embassy in Japan.", false)]
    [InlineData("Prime Minister Fumio Kishida is the latest leader who has vowed to ensure the return of all abductees.", false)]
    public void A_pronoun_subject_that_refers_back_is_recognised(string sentence, bool refersBack)
    {
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From(sentence, "a.md"), TestModels.Set);
        Assert.Equal(refersBack, SentenceOpening.OpensWithPronounSubject(doc, doc.Sentences.Single()));
    }

    [Fact]
    public void A_quotation_continuing_its_lead_in_is_not_a_summary_sentence_without_it()
    {
        // IF12094: "On June 26, 2023, the Army announced" then a block quotation "[t]he award of two firm-fixed price
        // contracts …", which the summary quoted without its lead-in.
        string path = SharedData.RequireOrSkip("corpus", "crs", "docs", "IF12094.md");
        DocumentAnalysis analysis = Analyze(File.ReadAllText(path), DocumentFormat.Markdown);
        ParsedDocument doc = analysis.Document!;
        int[] chosen = [.. analysis.GetResult<SummaryResult>()!.Sentences.Select(s => s.Index)];

        Assert.DoesNotContain(chosen, i => SentenceOpening.LeansOnPrevious(doc, doc.Sentences[i]) && !chosen.Contains(i - 1));
        Assert.DoesNotContain(chosen, i => doc.Source.ToString(doc.Sentences[i].Span).StartsWith("[t]he award", StringComparison.Ordinal));
    }

    [Fact]
    public void An_illustration_is_not_a_summary_sentence_without_the_point_it_illustrates()
    {
        // R48916: "For example, if supply chain disruptions prevent a retailer from acquiring new inventory, …" was one of
        // the five summary sentences, without the sentence it illustrates.
        string path = SharedData.RequireOrSkip("corpus", "crs", "docs", "R48916.md");
        DocumentAnalysis analysis = Analyze(File.ReadAllText(path), DocumentFormat.Markdown);
        ParsedDocument doc = analysis.Document!;
        int[] chosen = [.. analysis.GetResult<SummaryResult>()!.Sentences.Select(s => s.Index)];

        Assert.Equal(5, chosen.Length);
        Assert.DoesNotContain(chosen, i => SentenceOpening.LeansOnPrevious(doc, doc.Sentences[i]) && !chosen.Contains(i - 1));
        Assert.DoesNotContain(chosen, i => doc.Source.ToString(doc.Sentences[i].Span).StartsWith("For example,", StringComparison.Ordinal));
    }

    [Fact]
    public void An_aside_in_parentheses_does_not_open_a_summary_without_the_sentence_it_remarks_on()
    {
        // IN12680 (a seed): the aside "(This is less than the 2023 Basel Endgame proposal …" was the first summary
        // sentence, ahead of the report's framing sentence about the rules that reduce required capital.
        string path = Path.Combine(TestPaths.Repo("seeds"), "crs-in12680-bank-capital-requirements.md");
        DocumentAnalysis analysis = Analyze(File.ReadAllText(path), DocumentFormat.Markdown);
        ParsedDocument doc = analysis.Document!;
        int[] chosen = [.. analysis.GetResult<SummaryResult>()!.Sentences.Select(s => s.Index)];

        Assert.DoesNotContain(chosen, i => SentenceOpening.LeansOnPrevious(doc, doc.Sentences[i]) && !chosen.Contains(i - 1));
        Assert.Contains(chosen, i => doc.Source.ToString(doc.Sentences[i].Span).StartsWith("Under leadership appointed by President Trump", StringComparison.Ordinal));
    }

    [Fact]
    public void Sentences_come_in_document_order_within_the_length_rule_on_the_seed_article()
    {
        DocumentAnalysis analysis = Analyze(File.ReadAllText(TestPaths.SeedArticle), DocumentFormat.PlainText);
        ParsedDocument doc = analysis.Document!;
        SummaryResult summary = analysis.GetResult<SummaryResult>()!;
        int eligible = doc.Sentences.Count(s => SentenceEligibility.IsEligible(doc, s));

        Assert.Equal(SummaryLength.Budget(eligible), summary.Budget);
        Assert.InRange(summary.Sentences.Count, SummaryLength.Minimum, SummaryLength.Maximum);
        Assert.Equal(summary.Budget, summary.Sentences.Count);
        int[] indexes = [.. summary.Sentences.Select(s => s.Index)];
        Assert.Equal(indexes.Order(), indexes);
        Assert.Equal(indexes.Length, indexes.Distinct().Count());
        Assert.DoesNotContain(indexes, i => doc.Sentences[i].IsByline);
    }

    [Fact]
    public void A_fixed_budget_overrides_the_rule()
    {
        DocumentAnalysis analysis = Analyze(File.ReadAllText(TestPaths.SeedArticle), DocumentFormat.PlainText, sentences: 2);
        Assert.Equal(2, analysis.GetResult<SummaryResult>()!.Sentences.Count);
    }

    [Fact]
    public void A_repeated_sentence_is_chosen_at_most_once()
    {
        const string repeated = "The central bank raised interest rates again to curb persistent inflation in the economy.";
        string text = string.Join("\n\n",
            repeated,
            "Bank shares fell on the stock exchange as investors sold bonds after the decision.",
            repeated,
            "Economists expect inflation to slow next year as higher interest rates cool demand.",
            "The government said wage growth and energy prices still push inflation above target.",
            repeated,
            "Mortgage lenders raised their rates within hours of the central bank's announcement.");
        SummaryResult summary = Analyze(text, DocumentFormat.PlainText, sentences: 3).GetResult<SummaryResult>()!;
        ParsedDocument doc = Analyze(text, DocumentFormat.PlainText).Document!;

        Assert.Equal(1, summary.Sentences.Count(s => doc.Sentences[s.Index].Text == repeated));
        Assert.Equal(3, summary.Sentences.Count);
    }

    [Fact]
    public void An_empty_or_heading_only_document_has_an_empty_summary()
    {
        Assert.Empty(Analyze(string.Empty, DocumentFormat.PlainText).GetResult<SummaryResult>()!.Sentences);
        Assert.Empty(Analyze("# Budget and Appropriations Overview\n\n## Background\n", DocumentFormat.Markdown).GetResult<SummaryResult>()!.Sentences);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(12, 3)]
    [InlineData(40, 3)]
    [InlineData(41, 4)]
    [InlineData(150, 4)]
    [InlineData(151, 5)]
    [InlineData(3000, 5)]
    public void The_length_rule_scales_with_the_document(int eligible, int budget) =>
        Assert.Equal(budget, SummaryLength.Budget(eligible));

    [Fact]
    public void A_fixed_budget_is_capped_by_the_eligible_sentences_and_must_be_positive()
    {
        Assert.Equal(2, SummaryLength.Budget(2, 3));
        Assert.Equal(7, SummaryLength.Budget(300, 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => SummaryLength.Budget(10, 0));
    }
}

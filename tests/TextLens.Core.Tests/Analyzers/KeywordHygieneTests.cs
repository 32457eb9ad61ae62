using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Analyzers;

/// <summary>Keyword hygiene on the CRS reports (../shared/corpus/crs; skipped visibly without it) and on sentences from them.</summary>
public class KeywordHygieneTests
{
    private static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);

    private static List<string> Keywords(string text, string path = "t.md", int top = 15) =>
        [.. Engine.Analyze(SourceText.From(text, path), AnalysisOptions.Default with { TopKeywords = top }, DefaultSeverities.Instance)
            .GetResult<KeywordResult>()!.Keywords.Select(k => k.Text)];

    private static List<string> Report(string id) =>
        Keywords(File.ReadAllText(SharedData.RequireOrSkip("corpus", "crs", "docs", id + ".md")), id + ".md");

    [Fact]
    public void A_hyphenated_alphanumeric_name_is_a_keyword()
    {
        List<string> top = Report("IF12094");
        Assert.Contains("XM-30", top.Take(3));
    }

    [Theory]
    [InlineData("IF12155")]
    [InlineData("IF12610")]
    [InlineData("R48906")]
    [InlineData("IF13207")]
    [InlineData("R44243")]
    [InlineData("IN12679")]
    [InlineData("R48447")]
    public void No_citation_stub_or_cross_reference_author_in_the_top_15(string id)
    {
        List<string> top = Report(id);
        string[] stubs = ["P.L.", "H.R.", "CRS Report", "Section", "U.S. Code", "CAA Section", "Heitshusen"];
        Assert.DoesNotContain(top, k => stubs.Any(s => k.Contains(s, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_phrase_headed_by_a_noun_that_names_nothing_is_not_a_keyword()
    {
        // The bank-capital seed (IN12680) opened its top 15 with "primary ways", from its first sentence.
        const string text = """
            Capital requirements are one of the primary ways banks are regulated for safety and soundness.
            Regulators can raise or lower required capital in one of two general ways: by changing the ratio of required capital to assets or by changing how banks measure assets.
            These kinds of changes affect bank credit, and many other things, in different ways.
            The House Ways and Means Committee held a hearing on bank capital.
            """;
        List<string> keywords = Keywords(text, top: 30);
        Assert.DoesNotContain(keywords, k => k.EndsWith(" ways", StringComparison.Ordinal) || k is "ways" or "things" or "kinds" || k.EndsWith(" things", StringComparison.Ordinal));
        Assert.Contains("bank capital", keywords);
        Assert.Contains(keywords, k => k.Contains("Ways and Means", StringComparison.Ordinal) || k.Contains("Means Committee", StringComparison.Ordinal));
    }

    [Fact]
    public void Verb_fragments_are_not_keywords()
    {
        const string text = """
            The M-2 Bradley, which has been in service since 1981, transports infantry on the battlefield, provides fire support to dismounted troops, and can destroy enemy fighting vehicles.
            Another consideration for policymakers pertains to the CAA Section 111 rulemaking that governs methane emissions from many of the same oil and gas facilities that are subject to the WEC.
            The MRC system leverages existing Raytheon-produced SM-6 missiles and Raytheon-produced Tomahawk cruise missiles modified for ground launch.
            "The Space Force shall be organized, trained, and equipped to—(1) provide freedom of operation for the United States in, from, and to space; (2) conduct space operations; and (3) protect the interests of the United States in space."
            """;
        List<string> keywords = Keywords(text, top: 30);
        Assert.DoesNotContain(keywords, k => k.Contains("transports", StringComparison.Ordinal) || k.Contains("governs", StringComparison.Ordinal)
            || k.Contains("leverages", StringComparison.Ordinal) || k.StartsWith("conduct", StringComparison.Ordinal));
    }

    [Fact]
    public void A_verb_or_gerund_governing_its_object_does_not_open_a_keyword()
    {
        // IN10979 and IF13207: the document uses "issue" and "offering" as verbs elsewhere, and here they govern an object.
        const string text = """
            The statute allows the EPA Administrator to issue a temporary fuel waiver under certain conditions.
            EPA also states its "intention to issue new waivers effectively extending (renewing) these waivers."
            Prediction markets are exchange platforms that specialize in offering event contracts (i.e., contracts that allow parties to trade on the occurrence of specific events).
            Some bills would amend the CEA prohibiting CFTC-registered exchanges from offering contracts involving sports.
            Event contracts are regulated by the CFTC.
            """;
        List<string> keywords = Keywords(text, top: 40);
        Assert.DoesNotContain(keywords, k => k.StartsWith("issue ", StringComparison.OrdinalIgnoreCase) || k.StartsWith("offering ", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("new waivers", keywords);
        Assert.Contains(keywords, k => k.Equals("event contracts", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_noun_phrase_after_the_preposition_to_stays_whole()
    {
        // R48902, IF13207, R48913: "to" is a preposition here, and the nouns after it are not verbs, though the texts use "end" and "tax" as verbs.
        const string text = """
            The applications are available to end users on many devices, and the trust of end users matters.
            Government officials or others with access to material nonpublic information may use it to trade.
            Revenue is relatively insensitive to tax reductions that increase investment, and states tax income.
            Such delays end when the agency acts.
            """;
        List<string> keywords = Keywords(text, top: 40);
        Assert.Contains("end users", keywords);
        Assert.Contains("material nonpublic information", keywords);
        Assert.Contains("tax reductions", keywords);
    }

    [Fact]
    public void A_phrase_the_text_says_does_not_exist_does_not_outrank_the_subjects()
    {
        // The seed: "It is the only conduit between the governments of North Korea and Japan as there is no North Korean embassy in Japan."
        List<string> top = Keywords(File.ReadAllText(TestPaths.SeedArticle), TestPaths.SeedArticle, top: 40);
        int embassy = top.IndexOf("North Korean embassy");
        Assert.True(embassy < 0 || embassy >= 10, $"'North Korean embassy' is #{embassy + 1}");
        foreach (string subject in (string[])["Chongryon", "North Korea", "Japan", "ethnic Koreans", "Japanese government"])
        {
            Assert.Contains(subject, top.Take(10));
        }
    }

    [Fact]
    public void Only_an_existential_no_marks_a_phrase_absent()
    {
        const string text = """
            There is no federal standard for these devices, and there are currently no state rules either.
            The program has no funding expiration date, and the agency found no significant difference in costs.
            """;
        KeywordResult result = Engine.Analyze(SourceText.From(text, "t.md"), AnalysisOptions.Default with { TopKeywords = 40 }, DefaultSeverities.Instance)
            .GetResult<KeywordResult>()!;
        double Negated(string keyword) => result.Keywords.Single(k => k.Text == keyword).Features["negated"];
        Assert.Equal(1.0, Negated("federal standard"));
        Assert.Equal(1.0, Negated("state rules"));
        Assert.Equal(0.0, Negated("funding expiration date"));
        Assert.Equal(0.0, Negated("significant difference"));
    }

    [Fact]
    public void An_acronym_and_its_expansion_defined_in_the_text_are_one_keyword_with_every_occurrence()
    {
        // R48447: UC and EB are defined after their expansions; UI (the system) and UC (one of its programs) stay apart.
        const string text = """
            The Unemployment Insurance (UI) system is a joint federal-state partnership that consists of two types of benefits: (1) permanently authorized programs, including the Unemployment Compensation (UC) and Extended Benefit (EB) programs; and (2) temporary federal UI benefits created by congressional action to supplement the UC and EB programs during recessions.
            States pay UC benefits to eligible workers. Unemployment Compensation benefits are financed by state payroll taxes.
            The EB program is triggered by high unemployment, and UC benefits end after 26 weeks in most states.
            """;
        KeywordResult result = Engine.Analyze(SourceText.From(text, "t.md"), AnalysisOptions.Default with { TopKeywords = 40 }, DefaultSeverities.Instance)
            .GetResult<KeywordResult>()!;
        List<string> texts = [.. result.Keywords.Select(k => k.Text)];
        Keyword uc = result.Keywords.Single(k => k.Text == "UC benefits" || k.Variants.Contains("UC benefits"));
        Assert.Contains("Unemployment Compensation benefits", (List<string>)[uc.Text, .. uc.Variants]);
        Assert.Equal(3, uc.Occurrences.Count);
        Assert.DoesNotContain(texts, t => t == "Unemployment Compensation benefits" && t != uc.Text);
        Assert.Single(result.Keywords, k => k.Text is "UC" or "Unemployment Compensation" || k.Variants.Contains("UC"));
        Assert.Contains(result.Keywords, k => k.Text == "UI benefits" && !k.Variants.Any(v => v.Contains("UC", StringComparison.Ordinal)));
    }

    private static KeywordResult Result(string text, int top = 15) =>
        Engine.Analyze(SourceText.From(text, "t.md"), AnalysisOptions.Default with { TopKeywords = top }, DefaultSeverities.Instance)
            .GetResult<KeywordResult>()!;

    [Fact]
    public void A_phrase_with_a_selecting_adjective_is_listed_under_the_phrase_without_it()
    {
        // R48447: "different UC programs" are the UC programs (and UC programs and UC benefits are what "UC" names).
        const string text = """
            Although there are broad requirements under federal law regarding UC benefits and financing, the program specifics are set under each state's laws, resulting in 53 different UC programs operated in the 50 states, the District of Columbia, Puerto Rico, and the U.S. Virgin Islands.
            DOL provides oversight of state UC programs and funds the state administration of all UI benefits.
            States operate their own UC programs and also administer regular UC benefits.
            Most states provide up to 26 weeks of regular UC benefits to eligible individuals.
            """;
        KeywordResult result = Result(text, top: 40);
        Assert.DoesNotContain(result.Keywords, k => k.Text.StartsWith("different", StringComparison.OrdinalIgnoreCase));
        Keyword programs = result.Keywords.Single(k => KeyphraseVariants.Same(k.Text, "UC programs") || k.Variants.Contains("UC programs"));
        Assert.Contains("different UC programs", programs.Variants);
        Assert.DoesNotContain(programs.Occurrences, o => text.Substring(o.Span.Start, o.Span.Length).StartsWith("different", StringComparison.Ordinal));
    }

    [Fact]
    public void Variants_of_one_acronym_with_a_generic_head_are_one_keyword()
    {
        // R48447: "UC benefits", "UC program(s)" and "regular UC benefit(s)" are one keyword, "UI benefits", "UI programs" and
        // "UI system" another (UC is one of the UI programs: the two stay apart), each with every occurrence.
        const string text = """
            The Unemployment Insurance (UI) system is a joint federal-state partnership that consists of two types of benefits: (1) permanently authorized programs, including the Unemployment Compensation (UC) and Extended Benefit (EB) programs; and (2) temporary federal UI benefits created by congressional action to supplement the UC and EB programs during recessions.
            Although there are broad requirements under federal law regarding UC benefits and financing, the program specifics are set under each state's laws, resulting in 53 different UC programs operated in the 50 states, the District of Columbia, Puerto Rico, and the U.S. Virgin Islands.
            The UI system's two primary objectives are to provide temporary and partial wage replacement to involuntarily unemployed workers and to stabilize the economy during recessions.
            The UC program, created under the Social Security Act of 1935, provides unemployment benefits to eligible individuals who become involuntarily unemployed for economic reasons and meet state-established eligibility rules.
            To augment the UC program, federal law includes an automatic expansion of the regular UC benefit with the EB program, which was established by the Federal-State Extended Unemployment Compensation Act of 1970.
            EB may provide up to an additional 13 or 20 weeks of benefits once regular UC benefits are exhausted, depending on worker eligibility, state law, additional federal eligibility requirements, and state economic conditions.
            The 119th Congress has expressed interest in oversight of UI programs, with a focus on improper payments.
            Other UI legislation introduced in this Congress includes proposals related to modernizing UI programs and benefits, ending the taxation of UI benefits, and providing UI benefits to federal workers.
            """;
        KeywordResult result = Result(text, top: 40);
        bool Has(Keyword k, string form) => k.Text == form || k.Variants.Contains(form);
        Keyword uc = result.Keywords.Single(k => Has(k, "UC benefits"));
        Assert.True(Has(uc, "UC program"), string.Join(" | ", uc.Variants));
        Assert.True(Has(uc, "regular UC benefit") || Has(uc, "regular UC benefits"), string.Join(" | ", uc.Variants));
        Assert.Single(result.Keywords, k => Has(k, "UC program") || Has(k, "UC") || Has(k, "UC programs") || Has(k, "regular UC benefit"));
        Keyword ui = result.Keywords.Single(k => Has(k, "UI benefits"));
        Assert.True(Has(ui, "UI programs") && Has(ui, "UI system"), string.Join(" | ", ui.Variants));
        Assert.DoesNotContain(ui.Variants, v => v.Contains("UC", StringComparison.Ordinal));
        Assert.NotSame(uc, ui);

        // Occurrences are the union, each written form once (the acronym inside "UC benefits" is not counted again).
        string[] ucWritten = [.. uc.Occurrences.Select(o => text.Substring(o.Span.Start, o.Span.Length))];
        Assert.Equal(System.Text.RegularExpressions.Regex.Count(text, @"\b(regular )?UC (benefits?|programs?)\b"), ucWritten.Count(w => w != "UC" && w != "Unemployment Compensation"));
        Assert.Equal(ucWritten.Length, uc.Occurrences.Select(o => o.Span.Start).Distinct().Count());
    }

    [Fact]
    public void A_common_noun_written_mostly_as_the_modifier_of_a_better_keyword_is_not_a_keyword_of_its_own()
    {
        // IF13207: "event" is mostly the first word of "event contracts" (the report's first keyword); on its own it says nothing.
        const string text = """
            Prediction markets are exchange platforms that specialize in offering event contracts (i.e., contracts that allow parties to trade on the occurrence or nonoccurrence of specific events).
            Prediction markets have rapidly expanded in recent years, facilitated by judicial decisions and changes in regulatory posture, with significant growth in the subject matter of available contracts, including geopolitical events, elections, and sports.
            This In Focus summarizes some of the most pertinent federal law applicable to prediction markets as well as legislation introduced in the 119th Congress that would amend existing law to restrict trading of event contracts involving certain subject matter and regulate trading in prediction markets by certain officials.
            Under the Commodity Exchange Act (CEA), exchanges registered with the CFTC may self-certify that certain event contracts comply with the Act and CFTC regulations and list them without prior CFTC approval.
            If the CFTC makes such a determination, the event contracts cannot be listed or made available for clearing or trading on CFTC-regulated exchanges.
            Although the CFTC has prohibited by regulation the listing of contracts within the enumerated categories, it has administered the Special Rule using a two-step process in which it evaluates whether a specific event contract (1) falls within those categories and, (2) if so, is contrary to the public interest.
            In addition, under current leadership, the CFTC has not yet utilized the Special Rule to review event contracts that exchanges have self-certified as compliant.
            Several bills introduced in the 119th Congress would augment or alter the CEA to directly prohibit specific categories of event contracts.
            """;
        List<string> keywords = Keywords(text, top: 40);
        Assert.Contains(keywords.Take(3), k => KeyphraseVariants.Same(k, "event contracts"));
        Assert.DoesNotContain(keywords, k => KeyphraseVariants.Same(k, "event"));
        Assert.Contains(keywords, k => KeyphraseVariants.Same(k, "contracts"));
        Assert.Contains(keywords, k => k == "CFTC");
    }

    [Fact]
    public void A_hyphenated_word_spells_one_letter_of_an_acronym_per_part()
    {
        // IF12135: "Mid-Range Capability (MRC)" defines MRC ("Mid" and "Range" give M and R): one keyword, spelled out.
        const string text = """
            The Mid-Range Capability (MRC) system is part of the Army's LRPF modernization portfolio and is intended to hit targets at ranges between the Precision Strike Missile (PrSM) and the Long-Range Hypersonic Weapon (LRHW) system.
            The MRC system leverages existing Raytheon-produced SM-6 missiles and Raytheon-produced Tomahawk cruise missiles modified for ground launch.
            The MRC system is also known as the "Typhon" missile system (Figure 1).
            """;
        KeywordResult result = Result(text, top: 40);
        Keyword mrc = result.Keywords.Single(k => k.Text == "Mid-Range Capability");
        Assert.Contains("MRC", mrc.Variants);
        Assert.DoesNotContain(result.Keywords, k => k.Text == "MRC");
        Assert.Equal(4, mrc.Occurrences.Count);
    }

    [Fact]
    public void A_selecting_adjective_on_its_own_or_before_a_kind_word_is_left_alone()
    {
        // IF11831, IF11755: "various operating environments" merges into "operating environments"; "difference" is not "different".
        List<string> keywords = Keywords(
            "The vehicle's ability to leverage waterways to carry Marines and equipment make it well-suited for various operating environments, including Expeditionary Advanced Base Operations. Operating environments differ. Finite difference methods solve the equations; difference methods are cheap.",
            top: 40);
        Assert.DoesNotContain("various operating environments", keywords);
        Assert.Contains(keywords, k => KeyphraseVariants.Same(k, "operating environments"));
        Assert.Contains(keywords, k => KeyphraseVariants.Same(k, "difference methods") || KeyphraseVariants.Same(k, "finite difference methods"));
    }

    [Fact]
    public void A_people_is_not_a_variant_of_its_country()
    {
        // The seed: "ethnic Koreans in Japan", "the governments of North Korea and Japan", "the North Korean government".
        const string text = """
            Chongryon has long served the interests of the North Korean government in Japan.
            It is the only conduit between the governments of North Korea and Japan as there is no North Korean embassy in Japan.
            It has run dozens of schools and a university in Japan that educates ethnic Koreans on North Korean culture and history.
            There were 29,559 Chosen-seki, which is a legal status assigned to ethnic Koreans in Japan who are neither Japanese nor South Korean in nationality.
            Many Koreans in Japan support North Korea, and Korea remains divided.
            """;
        KeywordResult result = Result(text, top: 40);
        Keyword koreans = result.Keywords.Single(k => k.Text == "Koreans");
        Assert.DoesNotContain(koreans.Variants, v => v is "Korea" or "North Korea" or "Korean");
        Keyword northKorea = result.Keywords.Single(k => k.Text == "North Korea");
        Assert.DoesNotContain("North Korean", northKorea.Variants);

        // A demonym modifying a noun is still the place's: "North Korean government" and "North Korea" share the graph node,
        // and "North Korean government" keeps its own written form.
        Assert.Contains(result.Keywords, k => k.Text == "North Korean government");
    }

    [Fact]
    public void Words_inside_references_are_not_candidates()
    {
        const string text = "The bill (H.R. 7567) amends P.L. 119-21. For background, see CRS Report R47447, Bank Capital Requirements: A Primer and Policy Issues, by Andrew P. Scott. Bank capital requirements matter to banks.";
        List<string> keywords = Keywords(text, top: 30);
        Assert.DoesNotContain(keywords, k => k.Contains("P.L.", StringComparison.Ordinal) || k.Contains("H.R.", StringComparison.Ordinal)
            || k.Contains("Scott", StringComparison.Ordinal) || k.Contains("Primer", StringComparison.Ordinal));
        Assert.Contains(keywords, k => k.Contains("capital", StringComparison.OrdinalIgnoreCase));
    }
}

using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Parsing;

/// <summary>Reference recognition on sentences from the CRS reports (../shared/corpus/crs), one test per kind.</summary>
public class ReferencesTests
{
    private static List<(ReferenceKind Kind, string Text)> Find(string sentence) =>
        [.. References.Find(sentence, new TextSpan(0, sentence.Length)).Select(r => (r.Kind, sentence.Substring(r.Span.Start, r.Span.Length)))];

    [Fact]
    public void A_url_keeps_the_brackets_it_opened_and_leaves_the_rest_to_the_sentence()
    {
        // The bracket depth is counted once and kept as brackets come off (it was counted again for each: O(n²)).
        Assert.Contains((ReferenceKind.Url, "www.a.gov/x_(y)"), Find("(see www.a.gov/x_(y))."));
        Assert.Contains((ReferenceKind.Url, "www.a.gov/x_[y]"), Find("[see www.a.gov/x_[y]]; then."));
        Assert.Contains((ReferenceKind.Url, "www.a.gov/"), Find("See www.a.gov/" + new string(')', 5_000) + " today."));
        Assert.Contains((ReferenceKind.Url, "www.a.gov/((x))"), Find("See www.a.gov/((x)" + new string(')', 5_000) + ", today."));
    }

    [Fact]
    public void Bill_numbers_and_resolutions()
    {
        Assert.Equal(
            [(ReferenceKind.Bill, "H.R. 1086"), (ReferenceKind.Bill, "H.R. 2322"), (ReferenceKind.Bill, "S. 1119"), (ReferenceKind.Bill, "H.R. 5620")],
            Find("Several provisions incorporate aspects of stand-alone bills on export promotion (e.g., H.R. 1086, H.R. 2322/S. 1119, and H.R. 5620)."));
        Assert.Contains((ReferenceKind.Bill, "H.Res. 757"), Find("The House adopted H.Res. 757 on the same day."));
        Assert.Contains((ReferenceKind.Bill, "S.Con.Res. 33"), Find("S.Con.Res. 33: The Senate-Adopted FY2026 Budget Resolution"));
    }

    [Fact]
    public void Public_laws_and_statutes_at_large()
    {
        Assert.Equal(
            [(ReferenceKind.Section, "Section 73100"), (ReferenceKind.PublicLaw, "P.L. 119-21")],
            Find("Prior to the change enacted under Section 73100 of P.L. 119-21, there was a long-standing U.S. Department of Labor decision from 1964."));
        Assert.Contains((ReferenceKind.PublicLaw, "136 Stat. 1818"), Find("The act (P.L. 117-169, 136 Stat. 1818) created the charge."));
    }

    [Fact]
    public void Page_references_are_parts_of_a_document()
    {
        Assert.Equal([(ReferenceKind.Section, "page 10")], Find("The Marines plan to acquire an Advanced Reconnaissance Vehicle (ARV) (see page 10)."));
        Assert.Equal([(ReferenceKind.Section, "pages 5-6")], Find("It takes the form of the ARV (see pages 5-6)."));
        Assert.Empty(Find("The report runs to many pages and the front page shows a map."));
    }

    [Fact]
    public void Pointers_to_a_figure_table_or_heading_of_the_document()
    {
        // IF12094: "notional example" ranked 14th among its keywords, from the pointer alone.
        Assert.Equal(
            [(ReferenceKind.Pointer, "(see Figure 1 for a notional example)")],
            Find("The Army's XM-30, previously known as the Optionally Manned Fighting Vehicle (OMFV), is being designed to replace the M-2 Bradley Infantry Fighting Vehicle (IFV) (see Figure 1 for a notional example)."));
        Assert.Equal([(ReferenceKind.Pointer, "(see Table 1)")], Find("Five rules have been proposed since 2025 (see Table 1)."));
        Assert.Equal([(ReferenceKind.Pointer, "(see textbox below)")], Find("The program has two parts (see textbox below)."));
        Assert.Equal([(ReferenceKind.Pointer, "(see below for definition)")], Find("It applies to covered species (see below for definition)."));
        Assert.Equal(
            [(ReferenceKind.Pointer, "(see \"Seafood Import Monitoring Program Reporting\")")],
            Find("Importers must keep records (see \"Seafood Import Monitoring Program Reporting\")."));
        Assert.Equal([(ReferenceKind.Pointer, "(See also Appendix A.)")], Find("The terms differ by state. (See also Appendix A.)"));
        Assert.Equal([(ReferenceKind.Pointer, "(see Fig. 1)"), (ReferenceKind.Pointer, "(see appendix B)")], Find("The agent bids (see Fig. 1) and learns (see appendix B)."));

        // Not pointers: a parenthesis about the subject, a page (a Section), "see" as a verb, a pointer that does not close.
        Assert.Empty(Find("Members may wish to see the figures (the tables are long)."));
        Assert.Equal([(ReferenceKind.Section, "page 10")], Find("The Marines plan to acquire an ARV (see page 10)."));
        Assert.Empty(Find("Analysts expect to see below-average growth (about 1%)."));
        Assert.Empty(Find("The caption reads (see Figure 1 and the map" + new string('x', 200) + ")."));
    }

    [Fact]
    public void Code_and_federal_register_citations()
    {
        Assert.Contains((ReferenceKind.Code, "42 U.S.C. §§5121 et seq"), Find("The Stafford Act (42 U.S.C. §§5121 et seq.) authorizes the assistance."));
        Assert.Contains((ReferenceKind.Code, "16 U.S.C. § 1536(j)"), Find("If so, the federal defendants may argue that when the Secretary of Defense makes a national security finding under 16 U.S.C. § 1536(j), the Committee must grant an exemption under § 1536(h)."));
        Assert.Contains((ReferenceKind.Code, "§ 1536(h)"), Find("the Committee must grant an exemption under § 1536(h) and the procedural provisions"));
        Assert.Contains((ReferenceKind.Code, "38 C.F.R. §§4.1–4.150"), Find("Each disability is given a rating using the Veterans Affairs Schedule for Rating Disabilities, which is codified at 38 C.F.R. §§4.1–4.150."));
        Assert.Contains((ReferenceKind.Code, "U.S. Code"), Find("as required by Title 10, Section 1168, of the U.S. Code."));
        Assert.Contains((ReferenceKind.FederalRegister, "89 Fed. Reg. 16820"), Find("EPA finalized the rule (89 Fed. Reg. 16820) in March 2024."));
    }

    [Fact]
    public void Sections_titles_and_parts()
    {
        Assert.Equal(
            [(ReferenceKind.Section, "Title 10"), (ReferenceKind.Section, "Section 1168"), (ReferenceKind.Code, "U.S. Code")],
            Find("The Armed Forces provide discharged servicemembers with official documentation of their service as required by Title 10, Section 1168, of the U.S. Code."));
        Assert.Contains((ReferenceKind.Section, "Section 5c(c)(5)(C)"), Find("The CFTC may determine that contracts are contrary to the public interest under Section 5c(c)(5)(C)."));
        Assert.Contains((ReferenceKind.Section, "Title IV"), Find("Title IV of the act governs the program."));
        Assert.Empty(Find("Part of the reason is cost."));
    }

    [Fact]
    public void Report_numbers_and_cross_references_with_their_authors()
    {
        Assert.Equal(
            [(ReferenceKind.Report, "CRS Report RL30857, Speakers of the House: Elections, 1913-2025, by Valerie Heitshusen")],
            Find("For a list of Speaker elections in each Congress since 1913, see CRS Report RL30857, Speakers of the House: Elections, 1913-2025, by Valerie Heitshusen."));
        Assert.Contains((ReferenceKind.Report, "CRS In Focus IF10211, Foreign Leaders Addressing Congress, by Jacob R. Straus"),
            Find("For more information on foreign leaders addressing Congress, see CRS In Focus IF10211, Foreign Leaders Addressing Congress, by Jacob R. Straus."));
        Assert.Contains((ReferenceKind.Report, "S.Rept. 118-198"), Find("Congress also could consider additional reporting requirements for SIMP, such as those proposed in S.Rept. 118-198."));
        Assert.Contains((ReferenceKind.Report, "GAO-24-106123"), Find("GAO reviewed the program (GAO-24-106123)."));
    }

    [Fact]
    public void Cases_dockets_executive_orders_and_urls()
    {
        Assert.Contains((ReferenceKind.Case, "Executive Order 14276"),
            Find("In April 2025, President Trump issued Executive Order 14276, \"Restoring American Seafood Competitiveness.\""));
        Assert.Contains((ReferenceKind.Case, "597 U.S. 215 (2022)"), Find("The Court overruled Roe in Dobbs v. Jackson Women's Health Organization, 597 U.S. 215 (2022)."));
        Assert.Contains((ReferenceKind.Case, "No. 24-154"), Find("The Court granted certiorari in No. 24-154."));
        Assert.Contains((ReferenceKind.Url, "https://www.energystar.gov/products"), Find("See https://www.energystar.gov/products."));
    }

    [Fact]
    public void Figures_names_and_dates_are_not_references()
    {
        Assert.Empty(Find("PEUC payments totaled $85.3 billion."));
        Assert.Empty(Find("The Army's XM-30 is to replace the M-2 Bradley in FY2027."));
        Assert.Empty(Find("On December 4, 2025, Senator Catherine Cortez Masto introduced the bill."));
    }

    [Fact]
    public void A_parsed_document_exposes_its_references_and_which_tokens_are_in_one()
    {
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From("Representative Mike Carey introduced the act (H.R. 6431). It has 12 sponsors.", "t.txt"));
        Reference r = Assert.Single(doc.References);
        Assert.Equal(ReferenceKind.Bill, r.Kind);
        Assert.True(doc.InReference(doc.Tokens.First(t => t.Text == "6431")));
        Assert.False(doc.InReference(doc.Tokens.First(t => t.Text == "12")));
    }
}

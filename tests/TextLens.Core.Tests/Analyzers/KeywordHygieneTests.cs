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
    public void Words_inside_references_are_not_candidates()
    {
        const string text = "The bill (H.R. 7567) amends P.L. 119-21. For background, see CRS Report R47447, Bank Capital Requirements: A Primer and Policy Issues, by Andrew P. Scott. Bank capital requirements matter to banks.";
        List<string> keywords = Keywords(text, top: 30);
        Assert.DoesNotContain(keywords, k => k.Contains("P.L.", StringComparison.Ordinal) || k.Contains("H.R.", StringComparison.Ordinal)
            || k.Contains("Scott", StringComparison.Ordinal) || k.Contains("Primer", StringComparison.Ordinal));
        Assert.Contains(keywords, k => k.Contains("capital", StringComparison.OrdinalIgnoreCase));
    }
}

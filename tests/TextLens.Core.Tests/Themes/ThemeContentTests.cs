using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Summary;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Themes;

/// <summary>Theme labels and representatives come from content, on the CRS reports (../shared/corpus/crs; skipped visibly without it).</summary>
public class ThemeContentTests
{
    private static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);

    [Theory]
    [InlineData("IF10753")]
    [InlineData("IF12155")]
    [InlineData("IN12680")]
    [InlineData("IN12682")]
    [InlineData("R48447")]
    [InlineData("R48906")] // "CAA Section 136", "an EPA CAA Section 111 rulemaking": its label was "wec, epa, caa section"
    public void Labels_have_no_citation_stub_and_representatives_are_no_cross_reference(string id)
    {
        string path = SharedData.RequireOrSkip("corpus", "crs", "docs", id + ".md");
        DocumentAnalysis analysis = Engine.Analyze(SourceText.From(File.ReadAllText(path), path), AnalysisOptions.Default, DefaultSeverities.Instance);
        ThemeResult themes = analysis.GetResult<ThemeResult>()!;
        ParsedDocument doc = analysis.Document!;
        foreach (Theme theme in themes.Themes)
        {
            Assert.DoesNotContain(theme.Label.ToLowerInvariant().Split(", "), t => t is "p.l." or "rept" or "u.s.c." or "h.r." || t.Contains("if10211", StringComparison.Ordinal) || t.EndsWith(" section", StringComparison.Ordinal));
            Sentence representative = doc.Sentences[theme.Representative];
            Assert.DoesNotContain(doc.References, r => r.Kind == ReferenceKind.Report && representative.Span.Contains(r.Span.Start));
        }
    }

    [Fact]
    public void Representatives_read_alone_when_the_theme_has_a_sentence_that_does()
    {
        // The seed article: its themes hold "This is especially the case given …" and "It has run dozens of schools …",
        // which lean on the sentence before; each theme also has a sentence that stands alone.
        string path = TestPaths.SeedArticle;
        DocumentAnalysis analysis = Engine.Analyze(SourceText.From(File.ReadAllText(path), path), AnalysisOptions.Default, DefaultSeverities.Instance);
        ParsedDocument doc = analysis.Document!;
        IReadOnlyList<Theme> themes = analysis.GetResult<ThemeResult>()!.Themes;
        Assert.Contains(themes, t => t.Sentences.Any(i => doc.Sentences[i].Text.StartsWith("This is especially the case", StringComparison.Ordinal)));
        foreach (Theme theme in themes)
        {
            Sentence representative = doc.Sentences[theme.Representative];
            Assert.False(SentenceOpening.OpensWithPronounSubject(doc, representative), representative.Text);
            Assert.False(SentenceOpening.LeansOnPrevious(doc, representative), representative.Text);
        }
    }

    [Fact]
    public void A_document_naming_itself_or_pointing_to_other_reports_does_not_name_its_themes()
    {
        // IN12679: "This Insight provides historical data …" and "Additional information about the Supreme Court
        // appointment process can be found in CRS reports …" labelled its first theme "appointment process, additional
        // information, insight".
        string path = SharedData.RequireOrSkip("corpus", "crs", "docs", "IN12679.md");
        ThemeResult themes = Engine.Analyze(SourceText.From(File.ReadAllText(path), path), AnalysisOptions.Default, DefaultSeverities.Instance).GetResult<ThemeResult>()!;
        Assert.NotEmpty(themes.Themes);
        Assert.All(themes.Themes, t => Assert.DoesNotContain(t.Label.ToLowerInvariant().Split(", "), w => w is "insight" or "additional information"));
    }

    [Fact]
    public void Label_words_are_content_nouns_not_verb_forms_or_fragments_of_names()
    {
        // R48447's sentences on legislation: its theme was labelled "ui programs, introduced, representative".
        const string text = """
            Several other bills addressing UI program integrity have been introduced in the 119th Congress.
            On the same day, Representative Donald Beyer introduced H.R. 4439, a companion bill by the same name.
            On March 11, 2025, the House of Representatives passed the Pandemic Unemployment Fraud Enforcement Act.
            Other UI legislation introduced in this Congress includes proposals related to UI programs and overpayments.
            States recover UI overpayments from claimants, and UI programs report improper payments.
            """;
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From(text, "t.md"), TestModels.Set);
        LabelWords words = LabelWords.Of(doc, _ => true);
        Assert.False(words.IsNounPhrase("introduced"));
        Assert.False(words.IsNounPhrase("representative"));
        Assert.True(words.IsNounPhrase("ui programs"));
        Assert.True(words.IsNounPhrase("overpayments"));
        Assert.True(words.IsNounPhrase("program integrity"));
        Assert.True(words.IsNounPhrase("donald beyer"));
        Assert.True(words.IsNounPhrase("a-word-the-document-does-not-hold"));
        Assert.Throws<ArgumentNullException>(() => words.IsNounPhrase(null!));
    }

    [Theory]
    [InlineData("R48447", "introduced", "representative")]
    [InlineData("R44243", "preside", "receive")]
    [InlineData("R48916", "prohibit", "incentivize")]
    [InlineData("IF13207", "violate", "placing")]
    public void Labels_name_no_verb_form(string id, string verb, string other)
    {
        string path = SharedData.RequireOrSkip("corpus", "crs", "docs", id + ".md");
        DocumentAnalysis analysis = Engine.Analyze(SourceText.From(File.ReadAllText(path), path), AnalysisOptions.Default, DefaultSeverities.Instance);
        foreach (Theme theme in analysis.GetResult<ThemeResult>()!.Themes)
        {
            string[] terms = theme.Label.ToLowerInvariant().Split(", ");
            Assert.DoesNotContain(verb, terms);
            Assert.DoesNotContain(other, terms);
        }
    }
}

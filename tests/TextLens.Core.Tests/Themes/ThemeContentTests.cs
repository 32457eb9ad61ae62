using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
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
    public void Labels_have_no_citation_stub_and_representatives_are_no_cross_reference(string id)
    {
        string path = SharedData.RequireOrSkip("corpus", "crs", "docs", id + ".md");
        DocumentAnalysis analysis = Engine.Analyze(SourceText.From(File.ReadAllText(path), path), AnalysisOptions.Default, DefaultSeverities.Instance);
        ThemeResult themes = analysis.GetResult<ThemeResult>()!;
        ParsedDocument doc = analysis.Document!;
        foreach (Theme theme in themes.Themes)
        {
            Assert.DoesNotContain(theme.Label.Split(", "), t => t is "p.l." or "rept" or "u.s.c." or "h.r." || t.Contains("if10211", StringComparison.Ordinal));
            Sentence representative = doc.Sentences[theme.Representative];
            Assert.DoesNotContain(doc.References, r => r.Kind == ReferenceKind.Report && representative.Span.Contains(r.Span.Start));
        }
    }
}

using System.Text.Json;
using TextLens.Core.Corpus;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Corpus;

/// <summary>
/// An index entry counted straight from the parse (<see cref="CorpusTerms.Count"/>, what 'textlens index' does) is the
/// entry the shared ML.NET featurisation gives (<see cref="CorpusTerms.Document(string, DocumentFeatures)"/>, what
/// 'report --corpus' compares with), so both sides of a comparison see the same terms.
/// </summary>
public class CorpusTermsTests
{
    public static TheoryData<string> Seeds() => [.. Directory.GetFiles(TestPaths.Seeds).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Counting_from_the_parse_gives_the_featurisation_s_entry_for_each_seed(string name)
    {
        AssertSameEntry(SourceText.From(File.ReadAllText(Path.Combine(TestPaths.Seeds, name)), "seeds/" + name));
    }

    [Fact]
    public void Counting_from_the_parse_gives_the_featurisation_s_entry_for_each_of_the_76_CRS_reports()
    {
        string docs = Path.GetDirectoryName(SharedData.RequireOrSkip("corpus", "crs", "docs", "R48447.md"))!;
        string[] files = Directory.GetFiles(docs, "*.md");
        Assert.NotEmpty(files);
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            AssertSameEntry(new SourceText("docs/" + Path.GetFileName(file), File.ReadAllText(file), DocumentFormat.Markdown));
        }

        foreach (string line in File.ReadLines(SharedData.RequireOrSkip("corpus", "crs", "bulk.jsonl")))
        {
            using JsonDocument record = JsonDocument.Parse(line);
            AssertSameEntry(new SourceText(record.RootElement.GetProperty("id").GetString()!, record.RootElement.GetProperty("text").GetString()!, DocumentFormat.PlainText));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("The M-1E3's autoloader — and the U.S. Army's XM-30 — cost $1.2 billion in FY2025; the GAO's 2024 report (p. 12) said so.")]
    [InlineData("# Energy Star\n\n- EPA and DOE run ENERGY STAR.\n- Energy-star products: 75,000+ models.\n\n| a | b |\n|---|---|\n| x y | z |\n")]
    [InlineData("Don't stop. I'd've gone; they're here... e.g. rock 'n' roll, naïve café, Zürich's 3rd-party API/SDK v2.0!")]
    public void Counting_from_the_parse_gives_the_featurisation_s_entry_for_awkward_text(string text)
    {
        AssertSameEntry(new SourceText("awkward.md", text, DocumentFormat.Markdown));
        AssertSameEntry(new SourceText("awkward.txt", text, DocumentFormat.PlainText));
    }

    [Fact]
    public void Terms_never_cross_punctuation_and_keep_content_words_at_both_ends()
    {
        CorpusDocument doc = CorpusTerms.Count("t.txt", ParsedDocument.Parse(SourceText.From("Tax credits rose. Credits, tax and the credits of the tax.", "t.txt"), TestModels.Set));
        Dictionary<string, int> counts = doc.Terms.ToDictionary(t => t.Term, t => t.Count, StringComparer.Ordinal);

        Assert.Equal(3, counts["credits"]);
        Assert.Equal(1, counts["tax credits"]);
        Assert.False(counts.ContainsKey("credits tax"), "a phrase across a comma");
        Assert.False(counts.ContainsKey("rose credits"), "a phrase across a sentence end");
        Assert.DoesNotContain(counts.Keys, t => t.Contains("the", StringComparison.Ordinal) || t.Contains("of", StringComparison.Ordinal));
    }

    private static void AssertSameEntry(SourceText source)
    {
        ParsedDocument parsed = ParsedDocument.Parse(source, TestModels.Set);
        CorpusDocument fromFeatures = CorpusTerms.Document(source.Path, TestModels.Featurizer.Featurize(parsed, TestModels.Set));
        CorpusDocument counted = CorpusTerms.Count(source.Path, parsed);

        Assert.Equal(fromFeatures.Id, counted.Id);
        Assert.Equal(fromFeatures.Words, counted.Words);
        Assert.Equal(fromFeatures.Terms, counted.Terms);
    }
}

using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Analyzers;

/// <summary>
/// The grammar checks on noun-phrase candidates, on sentences taken from the seeds and the CRS
/// corpus where the tagger's errors once showed as keyphrases.
/// </summary>
public class PhraseGrammarTests
{
    /// <summary>Every candidate of a text (the whole ranked list), lower case.</summary>
    private static HashSet<string> Candidates(string text)
    {
        DocumentAnalysis analysis = BuiltInAnalyzers.CreateEngine(TestModels.Set).Analyze(SourceText.From(text, "doc.txt"), AnalysisOptions.Default with { TopKeywords = 1000 }, DefaultSeverities.Instance);
        return analysis.GetResult<KeywordResult>()!.Keywords.Select(k => k.Text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    [Theory]
    // A verb in -s after a singular subject (seed article).
    [InlineData("This demonstrates Chongryon’s role in promoting engagement with the Japanese public.", "demonstrates chongryon", "chongryon")]
    // A plural noun followed by the subject of a relative clause without 'that' (CRS IN12680).
    [InlineData("Capital requirements are one of the primary ways banks are regulated for safety and soundness.", "primary ways banks", "safety")]
    [InlineData("Capital requirements are one of the primary ways banks are regulated for safety and soundness.", "ways banks", "capital requirements")]
    // After a quantifier of mass nouns, a plural does not continue the singular noun.
    [InlineData("Federal bank regulators have released several final rules that would effectively reduce how much capital banks are required to hold.", "capital banks", "federal bank regulators")]
    // A verb form right before a determiner; a participle right after a number.
    [InlineData("Table 1 presents a brief description of five proposed rules and one final rule promulgated since 2025 affecting bank capital.", "affecting bank capital", "bank capital")]
    [InlineData("Table 1 presents a brief description of five proposed rules and one final rule promulgated since 2025 affecting bank capital.", "presents", "brief description")]
    // Roman numerals are labels, not words.
    [InlineData("This is less than the 2023 Basel Endgame proposal, which would have also applied to Category III and IV banks.", "iv banks", "basel endgame proposal")]
    // A word the tagger reads as a noun but may well be a verb, right after a plural noun (CRS IN12680, IF12749).
    [InlineData("The community bank leverage ratio (CBLR) rules reduce capital by lowering ratios, whereas the other proposals change risk-weighted asset calculations.", "reduce capital", "risk-weighted asset calculations")]
    [InlineData("The community bank leverage ratio (CBLR) rules reduce capital by lowering ratios, whereas the other proposals change risk-weighted asset calculations.", "proposals change", "community bank leverage ratio")]
    [InlineData("Reportedly, the Marines plan to award a production contract for the fourth and final variant.", "marines plan", "production contract")]
    // An agency speaking: a verb of saying before "are" and a quotation (CRS IN10979).
    [InlineData("The waiver allows E15 to be sold to address extreme and unusual fuel circumstances that EPA states are \"the result of ongoing issues in the Middle East.\"", "epa states", "unusual fuel circumstances")]
    // An adverb in -ly qualifies the adjective that opens the phrase; without it the phrase says something else (CRS IN12680,
    // IN12516, IF11831). The noun alone stays a candidate.
    [InlineData("Category I consists of the eight U.S. global systemically important banks (G-SIBs).", "important banks", "banks")]
    [InlineData("Indirect costs represent expenses that are not specific to a research project and that maintain the infrastructure and administrative support for federally funded research.", "funded research", "research")]
    [InlineData("It is designed to counter threats traditionally addressed with more heavily armored systems.", "armored systems", "systems")]
    public void Clause_fragments_are_not_candidates(string sentence, string fragment, string kept)
    {
        HashSet<string> candidates = Candidates(sentence);
        Assert.DoesNotContain(fragment, candidates);
        Assert.Contains(kept, candidates);
    }

    [Fact]
    public void A_phrase_the_document_also_writes_without_the_adverb_keeps_every_occurrence()
    {
        // CRS R48447: "involuntarily unemployed workers", and "unemployed workers" alone elsewhere.
        string text = "The UI system's two primary objectives are to provide temporary and partial wage replacement to involuntarily unemployed workers and to stabilize the economy during recessions. "
            + "These requirements constitute a barrier to self-employment and small business creation for unemployed workers who need income support.";
        DocumentAnalysis analysis = BuiltInAnalyzers.CreateEngine(TestModels.Set).Analyze(SourceText.From(text, "doc.txt"), AnalysisOptions.Default with { TopKeywords = 1000 }, DefaultSeverities.Instance);
        Keyword workers = Assert.Single(analysis.GetResult<KeywordResult>()!.Keywords, k => k.Text == "unemployed workers");
        Assert.Equal(2, workers.Occurrences.Count);
    }

    [Fact]
    public void Compounds_with_plural_or_gerund_modifiers_stay_whole()
    {
        HashSet<string> candidates = Candidates("The new data mining methods were tested on large sales records. "
            + "Federal bank regulators publish final rules. Existing banking rules limit the costs of savings accounts.");
        Assert.Contains("new data mining methods", candidates);
        Assert.Contains("large sales records", candidates);
        Assert.Contains("federal bank regulators", candidates);
        Assert.Contains("final rules", candidates);
        Assert.Contains("savings accounts", candidates);
    }

    [Fact]
    public void A_name_joined_to_a_longer_name_by_of_does_not_rank_as_its_own_phrase()
    {
        // Seed article: 'Korean Residents' and 'General Association' are halves of one five-word name.
        string text = File.ReadAllText(TestPaths.SeedArticle);
        DocumentAnalysis analysis = BuiltInAnalyzers.CreateEngine(TestModels.Set).Analyze(SourceText.From(text, "seed.txt"), AnalysisOptions.Default with { TopKeywords = 15 }, DefaultSeverities.Instance);
        IReadOnlyList<Keyword> top = analysis.GetResult<KeywordResult>()!.Keywords;
        Assert.DoesNotContain(top, k => k.Text is "Korean Residents" or "General Association" or "demonstrates Chongryon");
        Assert.Equal("Chongryon", top[0].Text);
    }

    [Fact]
    public void Bank_capital_top_15_has_no_clause_fragments()
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.Seeds, "crs-in12680-bank-capital-requirements.md"));
        DocumentAnalysis analysis = BuiltInAnalyzers.CreateEngine(TestModels.Set).Analyze(SourceText.From(text, "bank.md"), AnalysisOptions.Default with { TopKeywords = 15 }, DefaultSeverities.Instance);
        string[] top = [.. analysis.GetResult<KeywordResult>()!.Keywords.Select(k => k.Text.ToLowerInvariant())];
        Assert.Contains("bank capital", top);
        Assert.DoesNotContain(top, k => k.Contains("ways banks", StringComparison.Ordinal) || k is "capital banks" or "affecting bank capital" or "iv banks" or "important banks");
    }

    [Theory]
    [InlineData("II", true)]
    [InlineData("IV", true)]
    [InlineData("XIV", true)]
    [InlineData("XL", true)]
    [InlineData("I", false)] // one letter: the pronoun
    [InlineData("IIII", false)]
    [InlineData("VV", false)]
    [InlineData("IVX", false)]
    [InlineData("iv", false)] // lower case: a word (intravenous), not a label
    [InlineData("LIX", true)]
    [InlineData("XXL", false)]
    public void Roman_numerals(string text, bool expected) => Assert.Equal(expected, PhraseGrammar.IsRomanNumeral(text));

    [Theory]
    [InlineData("R47447", true)]
    [InlineData("FY2026", true)]
    [InlineData("E15", false)]
    [InlineData("SM-6", false)]
    [InlineData("covid", false)]
    public void Codes(string text, bool expected) => Assert.Equal(expected, PhraseGrammar.IsCode(text));

    [Theory]
    [InlineData("banks", true)]
    [InlineData("demonstrates", true)]
    [InlineData("class", false)]
    [InlineData("status", false)]
    [InlineData("analysis", false)]
    [InlineData("physics", false)]
    [InlineData("news", false)]
    [InlineData("gas", false)] // too short to tell
    public void Plural_forms(string word, bool expected) => Assert.Equal(expected, PhraseGrammar.IsPluralForm(word));

    [Fact]
    public void Verb_probability_comes_with_the_same_tags()
    {
        string[] words = ["Table", "1", "presents", "a", "brief", "description", "of", "rules", "that", "are", "final", "."];
        PartOfSpeechModel model = TestModels.Set.PartOfSpeech.Model;
        var verb = new float[words.Length];
        Assert.Equal(model.Tag(words), model.Tag(words, verb));
        Assert.All(verb, p => Assert.InRange(p, 0f, 1f));
        Assert.True(verb[9] > 0.9f, "'are' is a verb (AUX)");
        Assert.True(verb[5] < 0.1f, "'description' is not");
    }
}

using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The seed article's illustrative labels (<c>seed_article_illustrative.jsonl</c>, 37 body sentences) read as the tool is
/// used: <c>report</c> on the article, each sentence with its previous sentence and its document, not one row alone as
/// <c>eval stance</c> reads a file without <c>prev</c> or <c>doc</c>. Issue 10's epistemic bar (30 of 37) is held here.
/// Measured on 7 Dec 2026 (models/stance-polarity.md): epistemic 35, polarity 22, subjectivity 25 of 37 in the report,
/// against 36, 26 and 25 for the rows read alone; with the eighteenth round's polarity file the report's polarity figure is the
/// same 22 (rows alone 25).
/// </summary>
public sealed class SeedIllustrativeAgreementTests
{
    private static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);

    [Fact]
    public void The_report_on_the_seed_agrees_with_its_illustrative_epistemic_labels_on_at_least_30_of_37()
    {
        (int epistemic, _, _) = Agreement();
        Assert.InRange(epistemic, 30, 37);
    }

    /// <summary>
    /// The eighteenth polarity round's seed floor (models/stance-polarity.md, `bench/seed-report-agreement.py`): the report
    /// agrees on at least 22 of 37 polarity labels (the files before that round), and the article's sentences are as neutral
    /// as then. The round counted 24 of 47; six of those were the publisher's notes after the article, which are no longer
    /// tagged (<see cref="SentenceStance.InBackMatter"/>), so the same floor is 18 of the article's 39. Neither issue 10's
    /// polarity bar (27) nor its "at least half neutral" (20 of 39) is met.
    /// </summary>
    [Fact]
    public void The_report_on_the_seed_agrees_on_at_least_22_of_37_polarity_labels_and_reads_at_least_18_of_its_39_sentences_neutral()
    {
        (_, int polarity, int neutral) = Agreement();
        Assert.InRange(polarity, 22, 37);
        Assert.InRange(neutral, 18, 39);
    }

    private static (int Epistemic, int Polarity, int Neutral) Agreement()
    {
        string labels = SharedData.RequireOrSkip("data", "stance", "seed_article_illustrative.jsonl");
        DocumentAnalysis analysis = Engine.Analyze(SourceText.From(File.ReadAllText(TestPaths.SeedArticle), "seed.txt"), AnalysisOptions.Default, DefaultSeverities.Instance);
        ParsedDocument doc = analysis.Document!;
        StanceResult stance = analysis.GetResult<StanceResult>()!;
        var byText = new Dictionary<string, SentenceStance>(StringComparer.Ordinal);
        foreach (SentenceStance s in stance.Sentences)
        {
            byText.TryAdd(Normalise(doc.Sentences[s.Sentence].Text), s);
        }

        int rows = 0;
        int epistemic = 0;
        int polarity = 0;
        foreach (string line in File.ReadLines(labels))
        {
            using JsonDocument row = JsonDocument.Parse(line);
            string text = row.RootElement.GetProperty("text").GetString()!;
            Assert.True(byText.TryGetValue(Normalise(text), out SentenceStance? tagged), $"not a sentence of the report: {text}");
            rows++;
            epistemic += string.Equals(tagged!.Epistemic.ToString(), row.RootElement.GetProperty("epistemic").GetString(), StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            polarity += string.Equals(tagged.Polarity.ToString(), row.RootElement.GetProperty("polarity").GetString(), StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        Assert.Equal(37, rows);
        Assert.Equal(47, stance.Sentences.Count);
        Assert.Equal(39, stance.Profile.Sentences);
        return (epistemic, polarity, stance.Profile.Polarity[Polarity.Neutral]);
    }

    /// <summary>The file's NBSPs and curly quotes as the article's sentences hold them, whitespace collapsed.</summary>
    private static string Normalise(string text) =>
        string.Join(' ', text.Replace('\u00a0', ' ').Replace('\u2019', '\'').Replace('\u201c', '"').Replace('\u201d', '"').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

using TextLens.Core.Analyzers.Novelty;
using TextLens.Core.Corpus;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Corpus;

/// <summary>
/// Nearest-document sanity on the 76 CRS reports of ../shared/corpus/crs: each report cut in two halves (at the
/// paragraph break nearest its middle), all 152 halves indexed, and each half compared with the index must find
/// its other half first. Issue 16 asks for at least 90%; this build finds 137 of 152 (90.1%): the misses are
/// sibling reports (IN12422/IN12423, R48725/R48911, the four election-grant reports) whose halves resemble each
/// other's. The floor below is the measured figure, so a regression fails; raise it when the ranking improves.
/// bench/halves.sh runs the same check on news and papers (docs/corpus.md).
/// Skips visibly without ../shared.
/// </summary>
public class NearestHalvesTests
{
    /// <summary>137 of 152 halves (the target of 90%).</summary>
    private const double MeasuredFloor = 137.0 / 152;

    [Fact]
    public void Each_half_of_a_CRS_report_finds_its_other_half_first()
    {
        (string Id, string Text, DocumentFormat Format)[] reports =
            [.. SharedData.CrsReports().Select(r => (r.Id, r.Text, r.Markdown ? DocumentFormat.Markdown : DocumentFormat.PlainText))];
        var featurizer = new TextFeaturizer();
        DocumentFeatures[] halves = [.. reports.AsParallel().AsOrdered().SelectMany(r => Halve(r.Text).Select((text, i) =>
            featurizer.Featurize(ParsedDocument.Parse(new SourceText($"{r.Id}/{(i == 0 ? "a" : "b")}", text, r.Format), TestModels.Set), TestModels.Set)))];
        var search = new CorpusSearch(CorpusIndex.Build(halves.Select(f => CorpusTerms.Document(f.Document.Source.Path, f))));
        var analyzer = new NoveltyAnalyzer(search);

        var misses = new List<string>();
        foreach (DocumentFeatures half in halves)
        {
            string path = half.Document.Source.Path;
            string twin = path.EndsWith("/a", StringComparison.Ordinal) ? path[..^1] + "b" : path[..^1] + "a";
            NoveltyResult result = analyzer.Compare(path, half, keywords: null, themes: null);
            Assert.Equal(151, result.CorpusDocuments);
            if (result.Nearest.Count == 0 || result.Nearest[0].Id != twin)
            {
                misses.Add($"{path} → {(result.Nearest.Count == 0 ? "nothing" : $"{result.Nearest[0].Id} ({result.Nearest[0].Similarity:0.00})")}");
            }
        }

        double hitRate = 1.0 - (double)misses.Count / halves.Length;
        Assert.True(hitRate >= MeasuredFloor, $"{hitRate:P1} of halves find their twin first; misses:\n{string.Join("\n", misses)}");
        TestContext.Current.SendDiagnosticMessage($"halves that find their twin first: {halves.Length - misses.Count} of {halves.Length} ({hitRate:P1}); misses: {string.Join("; ", misses)}");
    }

    /// <summary>The text cut at the paragraph break (a blank line) nearest its middle.</summary>
    private static string[] Halve(string text)
    {
        int middle = text.Length / 2;
        int after = text.IndexOf("\n\n", middle, StringComparison.Ordinal);
        int before = text.LastIndexOf("\n\n", middle, StringComparison.Ordinal);
        int cut = after < 0 ? before : before < 0 ? after : middle - before <= after - middle ? before : after;
        Assert.True(cut > 0, "a report without paragraph breaks");
        return [text[..cut], text[cut..]];
    }
}

using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Baselines;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Loading;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Analysis;

public class BaselineTests
{
    private static readonly RuleDescriptor Hedge = new("TL9201", "Hedge word", "'{0}'", "Test", Severity.Warning, "Test rule: every 'reportedly'.");

    private sealed class HedgeAnalyzer : IDocumentAnalyzer
    {
        public string Name => "hedge";

        public IReadOnlyList<RuleDescriptor> SupportedRules => [Hedge];

        public Type? ResultType => null;

        public void Analyze(AnalysisContext context)
        {
            foreach (var t in context.Document.Tokens.Where(t => t.Lower == "reportedly"))
            {
                context.Report(Hedge, t.Span, t.Text);
            }
        }
    }

    private static DocumentAnalysis Analyse(string text, string path = "a.txt") =>
        new AnalysisEngine([new HedgeAnalyzer()], TestModels.Set).Analyze(SourceText.From(text, path), AnalysisOptions.Default, DefaultSeverities.Instance);

    [Fact]
    public void Fingerprints_survive_edits_elsewhere_and_change_with_the_sentence()
    {
        DocumentAnalysis before = Analyse("It was reportedly late.\n\nThen it was reportedly early.\n");
        DocumentAnalysis moved = Analyse("A new opening paragraph.\nWith two lines.\n\nIt was reportedly   late.\n\nThen it was reportedly early.\n");
        DocumentAnalysis edited = Analyse("It was reportedly very late.\n\nThen it was reportedly early.\n");
        DocumentAnalysis renamed = Analyse("It was reportedly late.\n\nThen it was reportedly early.\n", "b.txt");

        Assert.Equal(before.Diagnostics.Select(d => d.Fingerprint), moved.Diagnostics.Select(d => d.Fingerprint));
        Assert.NotEqual(before.Diagnostics[0].Fingerprint, edited.Diagnostics[0].Fingerprint);
        Assert.Equal(before.Diagnostics[1].Fingerprint, edited.Diagnostics[1].Fingerprint);
        Assert.NotEqual(before.Diagnostics[0].Fingerprint, renamed.Diagnostics[0].Fingerprint);
    }

    [Fact]
    public void Repeated_identical_findings_get_distinct_fingerprints()
    {
        DocumentAnalysis a = Analyse("It was reportedly late.\n\nIt was reportedly late.\n");
        Assert.Equal(2, a.Diagnostics.Select(d => d.Fingerprint).Distinct().Count());

        // One recorded occurrence accepts one of them; the second is new.
        Baseline baseline = new([.. Baseline.From([Analyse("It was reportedly late.\n")]).Entries]);
        DocumentAnalysis applied = baseline.Apply(a);
        Assert.Equal([SuppressionKind.Baseline, SuppressionKind.None], applied.Diagnostics.Select(d => d.Suppression));
    }

    [Fact]
    public void Round_trips_through_json_and_skips_in_source_suppressions()
    {
        DocumentAnalysis a = Analyse("It was reportedly late.\n%% textlens-disable-next-line\nIt was reportedly early.\n");
        Baseline written = Baseline.From([a]);
        Assert.Single(written.Entries);
        Baseline read = Baseline.Parse(written.ToJson());
        Assert.Equal(written.Entries, read.Entries);
        Assert.Equal(written.ToJson(), read.ToJson());
        Assert.Equal([SuppressionKind.Baseline, SuppressionKind.InSource], read.Apply(a).Diagnostics.Select(d => d.Suppression));
    }

    [Fact]
    public void Input_failures_are_never_baselined()
    {
        DocumentAnalysis failed = new AnalysisEngine([new HedgeAnalyzer()], TestModels.Set).Analyze(
            DocumentLoader.FromBytes("bad.txt", [0x63, 0xE9], 1000, DocumentFormat.PlainText), AnalysisOptions.Default, DefaultSeverities.Instance);
        Assert.Empty(Baseline.From([failed]).Entries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"version\": \"1\", \"findings\": []}")]
    [InlineData("{\"version\": 1, \"fingerprintVersion\": \"textlens/v0\", \"findings\": []}")]
    [InlineData("{\"version\": 1, \"findings\": {}}")]
    [InlineData("{\"version\": 1, \"findings\": [{\"fingerprint\": 5}]}")]
    public void Malformed_files_are_rejected(string json) => Assert.Throws<BaselineFormatException>(() => Baseline.Parse(json));
}

using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Features;
using TextLens.Core.Parsing;

namespace TextLens.Training.Evaluation;

/// <summary>How many themes the evaluation asks for: chosen automatically, or the gold number of each document.</summary>
public enum ClusterCountMode
{
    Auto,
    Gold,
}

/// <summary>
/// The predicted labels and scores of one document, and the number of themes found (outliers, label
/// -1, are not a theme, though the scorer counts them as one more group in <see cref="ClusterScores.PredictedK"/>).
/// </summary>
public sealed record ClusteringPrediction(string Id, IReadOnlyList<int> Labels, ClusterScores Scores, int Themes);

/// <summary>Mean scores over documents (macro average, as the reference scorer reports them).</summary>
public sealed record ClusteringSummary(
    int Documents,
    double Ari,
    double Nmi,
    double VMeasure,
    double Homogeneity,
    double Completeness,
    double Purity,
    double MeanAbsoluteKError,
    double KWithinOne,
    double ThemesWithinOne,
    double Outliers,
    IReadOnlyList<ClusteringPrediction> Predictions);

/// <summary>
/// Runs the theme analyzer, through the analysis engine exactly as 'report' runs it, on each document
/// of a clustering set. Each document is built from its given sentences (one parsed sentence per
/// given sentence), so predictions line up with the gold labels. Outliers keep the label -1, which
/// the scorer treats as one more group.
/// </summary>
public static class ClusteringEvaluator
{
    /// <param name="documents">The set's documents.</param>
    /// <param name="mode">Automatic number of themes, or each document's gold k.</param>
    /// <param name="analyzer">The theme analyzer; the built-in one with default settings when null.</param>
    /// <param name="maxParallelism">Documents analysed at once (-1: no limit).</param>
    /// <param name="segments">Score contiguous sections (<see cref="AnalysisOptions.ThemeSegments"/>, uses position) instead of text-only themes.</param>
    /// <param name="models">The models (the background table).</param>
    public static ClusteringSummary Evaluate(IReadOnlyList<ClusteringDocument> documents, ClusterCountMode mode, ModelSet models, ThemeAnalyzer? analyzer = null, int maxParallelism = -1, bool segments = false)
    {
        var engine = new AnalysisEngine([analyzer ?? new ThemeAnalyzer()], models);
        var severities = new SeverityConfiguration(useEditorConfig: false);
        var predictions = new ClusteringPrediction[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, d =>
        {
            ClusteringDocument doc = documents[d];
            ThemeCount count = mode == ClusterCountMode.Gold ? new ThemeCount(doc.K) : ThemeCount.Auto;
            var options = AnalysisOptions.Default with { Themes = count, Parallel = false, ThemeSegments = segments };
            ParsedDocument parsed = ParsedDocument.FromSentences(doc.Sentences, doc.Id);
            DocumentAnalysis analysis = engine.Analyze(parsed, options, severities);
            ThemeResult result = analysis.GetResult<ThemeResult>() ?? throw new InvalidOperationException("The theme analyzer published no result.");
            int[] labels = [.. result.Assignments];
            predictions[d] = new ClusteringPrediction(doc.Id, labels, ClusterMetrics.Score(doc.Labels, labels), result.Themes.Count);
        });

        return Summarize(predictions);
    }

    public static ClusteringSummary Summarize(IReadOnlyList<ClusteringPrediction> predictions)
    {
        int n = predictions.Count;
        double Mean(Func<ClusterScores, double> f)
        {
            double sum = 0;
            foreach (ClusteringPrediction p in predictions)
            {
                sum += f(p.Scores);
            }

            return n == 0 ? double.NaN : sum / n;
        }

        return new ClusteringSummary(
            n,
            Mean(s => s.Ari),
            Mean(s => s.Nmi),
            Mean(s => s.VMeasure),
            Mean(s => s.Homogeneity),
            Mean(s => s.Completeness),
            Mean(s => s.Purity),
            Mean(s => Math.Abs(s.PredictedK - s.GoldK)),
            Mean(s => Math.Abs(s.PredictedK - s.GoldK) <= 1 ? 1.0 : 0.0),
            n == 0 ? double.NaN : predictions.Count(p => Math.Abs(p.Themes - p.Scores.GoldK) <= 1) / (double)n,
            n == 0 ? double.NaN : predictions.Sum(p => p.Labels.Count(l => l == ThemeResult.Outlier)) / (double)predictions.Sum(p => p.Labels.Count),
            predictions);
    }
}

using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Summary;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Training.Evaluation;

/// <summary>The summary of one document (sentence indexes and texts, in document order) and its ROUGE scores.</summary>
public sealed record SummaryPrediction(string Id, IReadOnlyList<int> Indexes, IReadOnlyList<string> Sentences, RougeScores Scores);

/// <summary>Mean ROUGE over documents (macro average, as the reference scorer reports it).</summary>
public sealed record SummaryEvaluation(int Documents, RougeScores Mean, IReadOnlyList<SummaryPrediction> Predictions);

/// <summary>
/// Runs the summary analyzer, through the analysis engine exactly as 'report' runs it (with the
/// keyword and theme analyzers it builds on), on each document of a summarisation set; the text is
/// read as plain text and split by TextLens's own sentence splitter. The chosen sentences are joined
/// with a space, as the reference scorer joins a prediction's sentences, and scored with <see cref="Rouge"/>.
/// </summary>
public static class SummaryEvaluator
{
    /// <param name="documents">The set's documents.</param>
    /// <param name="sentences">A fixed budget of sentences per summary, or null for the report's length rule.</param>
    /// <param name="models">The models (the background table).</param>
    /// <param name="settings">The summary's settings; the defaults when null.</param>
    /// <param name="maxParallelism">Documents analysed at once (-1: no limit).</param>
    public static SummaryEvaluation Evaluate(IReadOnlyList<SummaryDocument> documents, int? sentences, ModelSet models, SummarySettings? settings = null, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var engine = new AnalysisEngine([new KeywordAnalyzer(), new ThemeAnalyzer(), new SummaryAnalyzer(settings)], models);
        var severities = new SeverityConfiguration(useEditorConfig: false);
        var options = AnalysisOptions.Default with { SummarySentences = sentences, Parallel = false };
        var predictions = new SummaryPrediction[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, d =>
        {
            SummaryDocument doc = documents[d];
            DocumentAnalysis analysis = engine.Analyze(new SourceText(doc.Id, doc.Text, DocumentFormat.PlainText), options, severities);
            SummaryResult result = analysis.GetResult<SummaryResult>() ?? throw new InvalidOperationException($"The summary analyzer published no result for '{doc.Id}'.");
            predictions[d] = Predict(doc, analysis.Document!, result);
        });

        return Summarize(predictions);
    }

    public static SummaryPrediction Predict(SummaryDocument document, ParsedDocument parsed, SummaryResult result)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(result);
        int[] indexes = [.. result.Sentences.Select(s => s.Index)];
        string[] texts = [.. indexes.Select(i => parsed.Sentences[i].Text.Trim())];
        return new SummaryPrediction(document.Id, indexes, texts, Rouge.Score(document.Summary, string.Join(' ', texts)));
    }

    public static SummaryEvaluation Summarize(IReadOnlyList<SummaryPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        int n = predictions.Count;
        RougeScore Mean(Func<RougeScores, RougeScore> pick) => n == 0
            ? new RougeScore(double.NaN, double.NaN, double.NaN)
            : new RougeScore(
                predictions.Average(p => pick(p.Scores).Precision),
                predictions.Average(p => pick(p.Scores).Recall),
                predictions.Average(p => pick(p.Scores).F1));
        return new SummaryEvaluation(n, new RougeScores(Mean(s => s.Rouge1), Mean(s => s.Rouge2), Mean(s => s.RougeL)), predictions);
    }
}

using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Features;
using TextLens.Core.Text;

namespace TextLens.Training.Evaluation;

/// <summary>A document's predicted keyphrases, best first.</summary>
public sealed record KeyphrasePrediction(string Id, IReadOnlyList<string> Keyphrases);

/// <summary>
/// Keyphrase evaluation through the same path as 'textlens report': each document's text goes
/// through the analysis engine with the built-in keyword analyzer and default options (only the
/// number of keywords differs), and the reported keyword texts are the predictions.
/// </summary>
public static class KeyphraseEvaluation
{
    public static readonly IReadOnlyList<int> Cutoffs = [5, 10, 15];

    /// <summary>Reads the JSONL of ../shared/data/keyphrase: one {"id", "text", "keyphrases"} object per line.</summary>
    /// <exception cref="InvalidDataException">A line is not a keyphrase document ("line N: reason").</exception>
    public static List<KeyphraseDocument> ReadDocuments(TextReader reader)
    {
        var docs = new List<KeyphraseDocument>();
        foreach ((int line, JsonElement root) in JsonLines.Parse(reader))
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out JsonElement id))
            {
                throw JsonLines.Error(line, "not a keyphrase document (an object with an 'id', a 'text' and 'keyphrases').");
            }

            string text = root.TryGetProperty("text", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            var gold = new List<string>();
            if (root.TryGetProperty("keyphrases", out JsonElement k) && k.ValueKind == JsonValueKind.Array)
            {
                gold.AddRange(k.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }

            docs.Add(new KeyphraseDocument(id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText(), text, gold));
        }

        return docs;
    }

    /// <summary>Extracts the top keyphrases of every document with the keyword analyzer 'report' runs.</summary>
    public static List<KeyphrasePrediction> Predict(IReadOnlyList<KeyphraseDocument> documents, int top, ModelSet models, CancellationToken cancellationToken = default)
    {
        IDocumentAnalyzer keywords = BuiltInAnalyzers.Create(models).Single(a => a.ResultType == typeof(KeywordResult));
        var engine = new AnalysisEngine([keywords], models);
        AnalysisOptions options = AnalysisOptions.Default with { TopKeywords = top, Parallel = false };
        var predictions = new List<KeyphrasePrediction>(documents.Count);
        foreach (KeyphraseDocument doc in documents)
        {
            DocumentAnalysis analysis = engine.Analyze(SourceText.From(doc.Text, doc.Id), options, DefaultSeverities.Instance, cancellationToken);
            IReadOnlyList<Keyword> found = analysis.GetResult<KeywordResult>()?.Keywords ?? [];
            predictions.Add(new KeyphrasePrediction(doc.Id, [.. found.Select(k => k.Text)]));
        }

        return predictions;
    }

    public static KeyphraseScores Score(IReadOnlyList<KeyphraseDocument> documents, IReadOnlyList<KeyphrasePrediction> predictions) =>
        KeyphraseScorer.Score(documents, predictions.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.Last().Keyphrases), Cutoffs);

    /// <summary>One JSONL line per prediction: {"id": ..., "keyphrases": [...]}.</summary>
    public static string ToJsonLine(KeyphrasePrediction p) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = p.Id, ["keyphrases"] = p.Keyphrases });
}

using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Features;
using TextLens.Core.Text;

namespace TextLens.Training.Evaluation;

/// <summary>A finding a reader judged: the document (file name without extension), rule, sentence, the flagged words, and whether it is worth reading.</summary>
public sealed record FindingLabel(string Document, string Rule, string Sentence, string Snippet, bool Useful, string Note);

/// <summary>A finding the analyzers raised now, with its label if the file has one.</summary>
public sealed record RaisedFinding(string Document, string Rule, string Sentence, string Snippet, bool? Useful);

/// <summary>Per rule: findings raised, how many of them are labelled useful and noise, the precision over the labelled ones, and the useful labels no longer raised.</summary>
public sealed record RuleFindingScore(string Rule, int Raised, int Useful, int Noise, int Unlabelled, int UsefulLabels, int UsefulMissed)
{
    /// <summary>Useful / (useful + noise) among the raised findings that are labelled; null when none is.</summary>
    public double? Precision => Useful + Noise == 0 ? null : Useful / (double)(Useful + Noise);
}

/// <summary>The scores of one run and every raised finding.</summary>
public sealed record FindingScores(IReadOnlyList<RuleFindingScore> Rules, IReadOnlyList<RaisedFinding> Findings, int Documents, int Words);

/// <summary>
/// Precision of the TL3xxx findings against a file of findings a reader labelled useful or noise
/// (bench/findings/): the documents are analysed exactly as 'textlens report' analyses them, and each
/// raised finding is matched to a label by document, rule and sentence text.
/// </summary>
public static class FindingEvaluation
{
    /// <summary>Reads the JSONL labels: one {"doc", "rule", "sentence", "snippet", "label": "useful"|"noise", "note"} object per line.</summary>
    /// <exception cref="InvalidDataException">A line is not a finding label ("line N: reason").</exception>
    public static List<FindingLabel> ReadLabels(TextReader reader)
    {
        var labels = new List<FindingLabel>();
        foreach ((int line, JsonElement root) in JsonLines.Parse(reader))
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw JsonLines.Error(line, "not a finding label (an object with 'doc', 'rule', 'sentence' and 'label').");
            }

            string label = String(root, "label") ?? "";
            if (label is not ("useful" or "noise"))
            {
                throw JsonLines.Error(line, $"label must be \"useful\" or \"noise\", not \"{label}\"");
            }

            if (String(root, "doc") is not { } doc || String(root, "rule") is not { } rule || String(root, "sentence") is not { } sentence)
            {
                throw JsonLines.Error(line, "a finding label needs 'doc', 'rule' and 'sentence' (strings).");
            }

            labels.Add(new FindingLabel(doc, rule, sentence, String(root, "snippet") ?? "", label == "useful", String(root, "note") ?? ""));
        }

        return labels;

        static string? String(JsonElement root, string name) =>
            root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>Analyses every document (name, text) and scores the TL3xxx findings against <paramref name="labels"/>.</summary>
    public static FindingScores Evaluate(IReadOnlyList<(string Name, string Path, string Text)> documents, IReadOnlyList<FindingLabel> labels, ModelSet models, CancellationToken cancellationToken = default)
    {
        var engine = BuiltInAnalyzers.CreateEngine(models);
        var byKey = new Dictionary<(string, string, string), FindingLabel>();
        foreach (FindingLabel l in labels)
        {
            byKey[(l.Document, l.Rule, Normalize(l.Sentence))] = l;
        }

        var raised = new List<RaisedFinding>();
        int words = 0;
        foreach ((string name, string path, string text) in documents)
        {
            DocumentAnalysis analysis = engine.Analyze(SourceText.From(text, path), AnalysisOptions.Default with { Parallel = false }, DefaultSeverities.Instance, cancellationToken);
            if (analysis.Document is not { } doc)
            {
                continue;
            }

            words += doc.WordCount;
            foreach (Diagnostic d in analysis.Diagnostics.Where(d => d.Id.StartsWith("TL3", StringComparison.Ordinal)).OrderBy(d => d.Span?.Start ?? 0))
            {
                int at = d.Span is { } span ? doc.SentenceAt(span.Start) : -1;
                string sentence = at >= 0 ? doc.Sentences[at].Text : "";
                string snippet = d.Span is { } sp ? doc.Prose.Text.Substring(sp.Start, sp.Length) : "";
                bool? useful = byKey.TryGetValue((name, d.Id, Normalize(sentence)), out FindingLabel? l) ? l.Useful : null;
                raised.Add(new RaisedFinding(name, d.Id, sentence, snippet, useful));
            }
        }

        var raisedKeys = raised.Select(r => (r.Document, r.Rule, Normalize(r.Sentence))).ToHashSet();
        HashSet<string> evaluated = [.. documents.Select(d => d.Name)];
        string[] rules = [.. raised.Select(r => r.Rule).Concat(labels.Select(l => l.Rule)).Distinct().Order(StringComparer.Ordinal)];
        var scores = new List<RuleFindingScore>();
        foreach (string rule in rules)
        {
            RaisedFinding[] mine = [.. raised.Where(r => r.Rule == rule)];
            FindingLabel[] usefulLabels = [.. labels.Where(l => l.Rule == rule && l.Useful && evaluated.Contains(l.Document))];
            scores.Add(new RuleFindingScore(
                rule,
                mine.Length,
                mine.Count(r => r.Useful == true),
                mine.Count(r => r.Useful == false),
                mine.Count(r => r.Useful is null),
                usefulLabels.Length,
                usefulLabels.Count(l => !raisedKeys.Contains((l.Document, l.Rule, Normalize(l.Sentence))))));
        }

        return new FindingScores(scores, raised, documents.Count, words);
    }

    /// <summary>Sentence text compared with white space folded and curly quotes made straight.</summary>
    public static string Normalize(string sentence) =>
        string.Join(' ', sentence.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"')
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

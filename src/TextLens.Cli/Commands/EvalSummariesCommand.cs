using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TextLens.Cli.Inputs;
using TextLens.Cli.Output;
using TextLens.Training.Evaluation;
using TextLens.Core.Features;

namespace TextLens.Cli.Commands;

/// <summary>
/// 'textlens eval summaries': summarises every document of a summarisation set with the summary
/// analyzer (the code 'report' runs, default settings), prints mean ROUGE-1/2/L F1, recall and
/// precision × 100 as ../shared/tools/summary_score.py computes them, and optionally writes
/// {"id","sentences"} predictions (the scorer's format) and per-document scores.
/// </summary>
public static class EvalSummariesCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Option<string>("--data")
        {
            Description = "Summarisation set: JSON Lines with 'id', 'text' (paragraphs separated by blank lines) and 'summary' per document.",
            Required = true,
        };
        var sentences = new Option<int?>("--sentences")
        {
            Description = "A fixed number of sentences per summary (compare systems at the same budget); without it, the report's length rule (3-5, scaled to the document).",
        };
        var predictions = new Option<string?>("--predictions")
        {
            Description = "Write predictions here as {\"id\",\"sentences\",\"indexes\"} lines (summary_score.py reads them).",
        };
        var perDocument = new Option<bool>("--per-doc") { Description = "Also print each document's ROUGE-1/2/L F1." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("summaries", "Score the extractive summary on a summarisation set (ROUGE-1, ROUGE-2, ROUGE-L).")
        {
            data, sentences, predictions, perDocument, json,
        };
        command.SetAction(parse => Run(
            parse.GetValue(data)!,
            parse.GetValue(sentences),
            parse.GetValue(predictions),
            parse.GetValue(perDocument),
            parse.GetValue(json),
            context));
        return command;
    }

    public static int Run(string dataPath, int? sentences, string? predictionsPath, bool perDocument, bool json, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        TextWriter stdout = context.Console.Out;
        if (sentences is <= 0)
        {
            throw new UsageException($"--sentences must be a positive number, not {sentences}.");
        }

        DataFiles.RequireFile(context.FileSystem, dataPath);

        IReadOnlyList<SummaryDocument> documents;
        try
        {
            using TextReader reader = DataFiles.OpenText(context.FileSystem, dataPath);
            documents = SummaryDataset.Read(reader);
        }
        catch (InvalidDataException ex)
        {
            throw new UsageException($"{context.FileSystem.Path.GetFullPath(dataPath)}: {ex.Message}");
        }

        if (documents.Count == 0)
        {
            throw new UsageException($"data file '{dataPath}' has no documents.");
        }

        long started = context.Clock.GetTimestamp();
        SummaryEvaluation evaluation = SummaryEvaluator.Evaluate(documents, sentences, context.Models());
        TimeSpan elapsed = context.Clock.GetElapsedTime(started);

        if (predictionsPath is not null)
        {
            var lines = new StringBuilder();
            foreach (SummaryPrediction p in evaluation.Predictions)
            {
                lines.Append(JsonSerializer.Serialize(new PredictionLine(p.Id, p.Sentences, p.Indexes), PredictionJson)).Append('\n');
            }

            AtomicFile.WriteAllText(context.FileSystem, predictionsPath, lines.ToString());
        }

        string budget = sentences?.ToString(CultureInfo.InvariantCulture) ?? "auto";
        RougeScores mean = evaluation.Mean;
        if (json)
        {
            var result = new Dictionary<string, object>
            {
                ["data"] = dataPath,
                ["sentences"] = budget,
                ["docs"] = evaluation.Documents,
                ["rouge1"] = Measure(mean.Rouge1),
                ["rouge2"] = Measure(mean.Rouge2),
                ["rougeL"] = Measure(mean.RougeL),
                ["seconds"] = Math.Round(elapsed.TotalSeconds, 2),
            };
            if (perDocument)
            {
                result["perDoc"] = evaluation.Predictions.Select(p => new Dictionary<string, object>
                {
                    ["id"] = p.Id,
                    ["rouge1"] = Round(p.Scores.Rouge1.F1),
                    ["rouge2"] = Round(p.Scores.Rouge2.F1),
                    ["rougeL"] = Round(p.Scores.RougeL.F1),
                }).ToList();
            }

            stdout.WriteLine(JsonSerializer.Serialize(result));
            return 0;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"docs={evaluation.Documents}  sentences={budget}  (ROUGE x 100, mean over documents; {elapsed.TotalSeconds:F1} s)"));
        stdout.WriteLine("           F1   recall  precision");
        Line(stdout, "ROUGE-1", mean.Rouge1);
        Line(stdout, "ROUGE-2", mean.Rouge2);
        Line(stdout, "ROUGE-L", mean.RougeL);
        if (perDocument)
        {
            stdout.WriteLine();
            stdout.WriteLine("id\tR-1\tR-2\tR-L\tsentences");
            foreach (SummaryPrediction p in evaluation.Predictions)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Id}\t{p.Scores.Rouge1.F1 * 100:F2}\t{p.Scores.Rouge2.F1 * 100:F2}\t{p.Scores.RougeL.F1 * 100:F2}\t{string.Join(',', p.Indexes)}"));
            }
        }

        return 0;
    }

    private static void Line(TextWriter stdout, string name, RougeScore s) =>
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}  {s.F1 * 100,6:F2}  {s.Recall * 100,6:F2}  {s.Precision * 100,9:F2}"));

    private static double Round(double value) => Math.Round(value * 100, 2);

    private static Dictionary<string, double> Measure(RougeScore s) => new()
    {
        ["f1"] = Round(s.F1),
        ["recall"] = Round(s.Recall),
        ["precision"] = Round(s.Precision),
    };

    private static readonly JsonSerializerOptions PredictionJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record PredictionLine(string Id, IReadOnlyList<string> Sentences, IReadOnlyList<int> Indexes);
}

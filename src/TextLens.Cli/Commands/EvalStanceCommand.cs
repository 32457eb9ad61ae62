using System.CommandLine;
using TextLens.Cli.Output;
using TextLens.Core.Evaluation;

namespace TextLens.Cli.Commands;

/// <summary>
/// 'textlens eval stance': tags each item of a labelled JSONL set with the report's stance tagger and
/// prints accuracy, per-class P/R/F1 and macro-F1 (plus Pearson and Spearman for polarity scores),
/// computed as ../shared/tools/stance_score.py computes them.
/// </summary>
public static class EvalStanceCommand
{
    public static Command Create()
    {
        var axis = new Option<string>("--axis") { Description = "polarity, subjectivity, hedged, attributed or prescriptive.", Required = true };
        var data = new Option<FileInfo>("--data") { Description = "Labelled JSON Lines: {\"id\", \"text\", \"label\"[, \"score\"]}.", Required = true };
        var goldField = new Option<string>("--gold-field") { Description = "Field holding the gold label (e.g. label_nocond).", DefaultValueFactory = _ => "label" };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Write {\"id\",\"label\"[,\"score\"]} predictions to this JSONL file." };
        var command = new Command("stance", "Score the stance tagger on one axis of a labelled data set.") { axis, data, goldField, predictions };
        command.SetAction(parse =>
        {
            StanceAxis a = ParseAxis(parse.GetValue(axis)!);
            FileInfo file = parse.GetValue(data)!;
            if (!file.Exists)
            {
                throw new UsageException($"data file '{file.FullName}' does not exist.");
            }

            IReadOnlyList<StanceItem> items;
            try
            {
                items = StanceEvaluation.ReadJsonl(file.FullName);
            }
            catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException)
            {
                throw new UsageException($"{file.FullName}: {ex.Message}");
            }

            StanceEvaluationResult result;
            try
            {
                result = StanceEvaluation.Evaluate(a, items, parse.GetValue(goldField)!);
            }
            catch (InvalidDataException ex)
            {
                throw new UsageException($"{file.FullName}: {ex.Message}");
            }

            if (parse.GetValue(predictions) is { } output)
            {
                AtomicFile.WriteAllText(output.FullName, string.Concat(result.Predictions.Select(p => StanceEvaluation.ToJsonLine(p) + "\n")));
            }

            Console.Out.Write(StanceEvaluation.Format(result, file.FullName, items.Count).Replace("\r\n", "\n", StringComparison.Ordinal));
            return 0;
        });
        return command;
    }

    public static StanceAxis ParseAxis(string value) => value.Trim().ToLowerInvariant() switch
    {
        "polarity" => StanceAxis.Polarity,
        "subjectivity" => StanceAxis.Subjectivity,
        "hedged" => StanceAxis.Hedged,
        "attributed" => StanceAxis.Attributed,
        "prescriptive" => StanceAxis.Prescriptive,
        _ => throw new UsageException($"--axis must be polarity, subjectivity, hedged, attributed or prescriptive, not '{value}'."),
    };
}

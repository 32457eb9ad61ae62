using System.CommandLine;
using System.Globalization;
using TextLens.Cli.Inputs;
using TextLens.Cli.Output;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Features;
using TextLens.Training.Evaluation;

namespace TextLens.Cli.Commands;

/// <summary>
/// 'textlens eval stance': tags each item of a labelled JSONL set with the report's stance tagger and
/// prints accuracy, per-class P/R/F1 and macro-F1 (plus Pearson and Spearman for polarity scores),
/// computed as ../shared/tools/stance_score.py computes them.
/// </summary>
public static class EvalStanceCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var axis = new Option<string>("--axis") { Description = "epistemic (the 4-way tag), polarity, subjectivity, hedged, attributed or prescriptive.", Required = true };
        var data = new Option<string>("--data") { Description = "Labelled JSON Lines: {\"id\", \"text\", \"label\"[, \"score\"]}.", Required = true };
        var goldField = new Option<string>("--gold-field") { Description = "Field holding the gold label (e.g. label_nocond).", DefaultValueFactory = _ => "label" };
        var predictions = new Option<string?>("--predictions") { Description = "Write {\"id\",\"label\"[,\"score\"]} predictions to this JSONL file." };
        var heldOut = new Option<string?>("--held-out") { Description = "Score the held-out cross-validation predictions of 'train stance --cv-predictions' (the epistemic tag, or the report's binary mark on hedged, attributed and prescriptive) instead of tagging with the shipped models: the out-of-fold figure." };
        var command = new Command("stance", "Score the stance tagger on one axis of a labelled data set.") { axis, data, goldField, predictions, heldOut };
        command.SetAction(parse => Run(
            ParseAxis(parse.GetValue(axis)!),
            context.FileSystem.Path.GetFullPath(parse.GetValue(data)!),
            parse.GetValue(goldField)!,
            parse.GetValue(predictions) is { } p ? context.FileSystem.Path.GetFullPath(p) : null,
            context,
            parse.GetValue(heldOut) is { } h ? context.FileSystem.Path.GetFullPath(h) : null));
        return command;
    }

    /// <summary>Scores the tagger on <paramref name="dataPath"/>, writes the report to <paramref name="output"/> and the predictions (if asked) atomically.</summary>
    /// <param name="heldOutPath">Held-out predictions of 'train stance --cv-predictions' to score instead of tagging; null: tag with the shipped models.</param>
    public static int Run(StanceAxis axis, string dataPath, string goldField, string? predictionsPath, CliContext context, string? heldOutPath = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Each file's faults are reported under its own name.
        IReadOnlyList<StanceItem> items = Read(dataPath, () => StanceEvaluation.ReadJsonl(DataFiles.ReadLines(context.FileSystem, dataPath)));
        StanceEvaluationResult result = heldOutPath is null
            ? Read(dataPath, () => StanceEvaluation.Evaluate(axis, items, context.Models().Stance, goldField))
            : Read(heldOutPath, () => StanceEvaluation.Score(axis, items, StanceEvaluation.ReadHeldOut(DataFiles.ReadLines(context.FileSystem, heldOutPath, "held-out predictions file"), axis), goldField));

        if (predictionsPath is not null)
        {
            AtomicFile.WriteAllText(context.FileSystem, predictionsPath, string.Concat(result.Predictions.Select(p => StanceEvaluation.ToJsonLine(p) + "\n")));
        }

        context.Console.Out.Write(StanceEvaluation.Format(result, dataPath, items.Count).Replace("\r\n", "\n", StringComparison.Ordinal));
        if (heldOutPath is null)
        {
            WarnIfInSample(axis, dataPath, items, context);
        }

        return 0;
    }

    /// <summary>The model file whose training rows the scores of <paramref name="axis"/> rest on (the marks are the epistemic model's).</summary>
    public static string ModelFileOf(StanceAxis axis) => axis switch
    {
        StanceAxis.Polarity => StanceTagger.PolarityModelFile,
        StanceAxis.Subjectivity => StanceTagger.SubjectivityModelFile,
        _ => StanceTagger.EpistemicModelFile,
    };

    /// <summary>
    /// Says, after the figures and on standard error, how many of the scored rows the shipped model was trained on
    /// (<see cref="TrainingRows"/>, next to the model): on those rows the figure is an in-sample fit, not an evaluation. A
    /// models folder without the fingerprint, or with a bad one, is said too: then nobody can tell.
    /// </summary>
    private static void WarnIfInSample(StanceAxis axis, string dataPath, IReadOnlyList<StanceItem> items, CliContext context)
    {
        string rowsFile = TrainingRows.PathFor(ModelFileOf(axis));
        TrainingRows rows;
        try
        {
            rows = context.Models().Load(rowsFile, TrainingRows.Read);
        }
        catch (ModelLoadException ex)
        {
            context.Console.Error.WriteLine($"textlens: note: cannot tell whether the model was trained on these rows: {ex.Message}");
            return;
        }

        int seen = items.Count(i => rows.Contains(i.Text));
        if (seen == 0)
        {
            return;
        }

        string message = string.Create(
            CultureInfo.InvariantCulture,
            $"{seen} of {items.Count} rows of {dataPath} ({100.0 * seen / items.Count:F1}%) are rows the shipped {ModelFileOf(axis)} was trained on ({rowsFile}): on them this is an in-sample fit, not an evaluation. The out-of-fold figure: 'textlens train stance --cv-on FILE --cv-predictions OUT' with the model card's command, then 'textlens eval stance --held-out OUT'.");
        context.Console.Out.Write("\nIN-SAMPLE: " + message + "\n");
        context.Console.Error.WriteLine("textlens: warning: " + message);
    }

    public static StanceAxis ParseAxis(string value) => value.Trim().ToLowerInvariant() switch
    {
        "epistemic" => StanceAxis.Epistemic,
        "polarity" => StanceAxis.Polarity,
        "subjectivity" => StanceAxis.Subjectivity,
        "hedged" => StanceAxis.Hedged,
        "attributed" => StanceAxis.Attributed,
        "prescriptive" => StanceAxis.Prescriptive,
        _ => throw new UsageException($"--axis must be epistemic, polarity, subjectivity, hedged, attributed or prescriptive, not '{value}'."),
    };

    /// <summary>The result of <paramref name="read"/>; data it finds malformed is a usage error naming <paramref name="path"/>.</summary>
    private static T Read<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException)
        {
            throw new UsageException($"{path}: {ex.Message}");
        }
    }
}

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
/// 'textlens eval clusters': clusters the given sentences of every document of a clustering set with
/// the theme analyzer (the code 'report' runs, default settings), prints mean ARI, NMI and V-measure
/// as ../shared/tools/cluster_score.py computes them, and optionally writes {"id","labels"} predictions.
/// </summary>
public static class EvalClustersCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Option<string>("--data")
        {
            Description = "Clustering set: JSON Lines with 'id', 'sentences', 'labels' and 'k' per document ('meta' is never read).",
            Required = true,
        };
        var themes = new Option<string>("--themes")
        {
            Description = "'auto': the analyzer chooses the number of themes; 'true': use each document's gold k.",
            DefaultValueFactory = _ => "auto",
        };
        var predictions = new Option<string?>("--predictions")
        {
            Description = "Write predictions here as {\"id\",\"labels\"} lines (the reference scorer's format); -1 marks an outlier.",
        };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var segments = new Option<bool>("--segments")
        {
            Description = "Score contiguous sections (report --theme-segments), which use sentence position, instead of the default text-only themes. Report these scores separately.",
        };
        var command = new Command("clusters", "Score theme clustering on a sentence-clustering set (ARI, NMI, V-measure).")
        {
            data, themes, predictions, json, segments,
        };
        command.SetAction(parse => Run(
            parse.GetValue(data)!,
            parse.GetValue(themes)!,
            parse.GetValue(predictions),
            parse.GetValue(json),
            context,
            parse.GetValue(segments)));
        return command;
    }

    public static int Run(string dataPath, string themes, string? predictionsPath, bool json, CliContext context, bool segments = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        TextWriter stdout = context.Console.Out;
        ClusterCountMode mode = themes.Trim().ToLowerInvariant() switch
        {
            "auto" => ClusterCountMode.Auto,
            "true" or "gold" => ClusterCountMode.Gold,
            _ => throw new UsageException($"--themes must be 'auto' or 'true', not '{themes}'."),
        };
        DataFiles.RequireFile(context.FileSystem, dataPath);

        IReadOnlyList<ClusteringDocument> documents;
        try
        {
            using TextReader reader = DataFiles.OpenText(context.FileSystem, dataPath);
            documents = ClusteringDataset.Read(reader);
        }
        catch (InvalidDataException ex)
        {
            throw new UsageException($"{context.FileSystem.Path.GetFullPath(dataPath)}: {ex.Message}");
        }

        long started = context.Clock.GetTimestamp();
        ClusteringSummary summary = ClusteringEvaluator.Evaluate(documents, mode, context.Models(), segments: segments);
        TimeSpan elapsed = context.Clock.GetElapsedTime(started);

        if (predictionsPath is not null)
        {
            var lines = new StringBuilder();
            foreach (ClusteringPrediction p in summary.Predictions)
            {
                lines.Append(JsonSerializer.Serialize(new PredictionLine(p.Id, p.Labels), PredictionJson)).Append('\n');
            }

            AtomicFile.WriteAllText(context.FileSystem, predictionsPath, lines.ToString());
        }

        string setting = (mode == ClusterCountMode.Gold ? "true" : "auto") + (segments ? " segments (uses position)" : string.Empty);
        if (json)
        {
            var result = new Dictionary<string, object>
            {
                ["data"] = dataPath,
                ["themes"] = setting,
                ["docs"] = summary.Documents,
                ["ari"] = Math.Round(summary.Ari, 4),
                ["nmi"] = Math.Round(summary.Nmi, 4),
                ["v"] = Math.Round(summary.VMeasure, 4),
                ["homogeneity"] = Math.Round(summary.Homogeneity, 4),
                ["completeness"] = Math.Round(summary.Completeness, 4),
                ["purity"] = Math.Round(summary.Purity, 4),
                ["meanAbsKError"] = Math.Round(summary.MeanAbsoluteKError, 4),
                ["kWithinOne"] = Math.Round(summary.KWithinOne, 4),
                ["themesWithinOne"] = Math.Round(summary.ThemesWithinOne, 4),
                ["outlierShare"] = Math.Round(summary.Outliers, 4),
                ["seconds"] = Math.Round(elapsed.TotalSeconds, 2),
            };
            stdout.WriteLine(JsonSerializer.Serialize(result));
        }
        else
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"docs={summary.Documents}  themes={setting}  ARI={summary.Ari:F4}  NMI={summary.Nmi:F4}  V={summary.VMeasure:F4}  " +
                $"hom={summary.Homogeneity:F4}  comp={summary.Completeness:F4}  purity={summary.Purity:F4}  |dk|={summary.MeanAbsoluteKError:F2}"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"k within ±1 of gold: {summary.KWithinOne:P1} of documents (groups incl. outliers), {summary.ThemesWithinOne:P1} (themes only); " +
                $"outlier sentences {summary.Outliers:P1}; {elapsed.TotalSeconds:F1} s"));
        }

        return 0;
    }

    private static readonly JsonSerializerOptions PredictionJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record PredictionLine(string Id, IReadOnlyList<int> Labels);
}

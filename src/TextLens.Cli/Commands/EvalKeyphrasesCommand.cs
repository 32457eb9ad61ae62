using System.IO.Abstractions;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using TextLens.Cli.Inputs;
using TextLens.Cli.Output;
using TextLens.Training.Evaluation;
using TextLens.Core.Features;
using TextLens.Core.Parsing;

namespace TextLens.Cli.Commands;

/// <summary>
/// 'textlens eval keyphrases': runs the keyword analyzer on every document of a labelled JSONL set
/// (../shared/data/keyphrase format) in one process and prints P/R/F1 at 5, 10 and 15 exactly as
/// ../shared/tools/kp_score.py computes them.
/// </summary>
public static class EvalKeyphrasesCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Option<string>("--data") { Description = "JSONL with id, text and gold keyphrases per line.", Required = true };
        var top = new Option<int>("--top") { Description = "How many keyphrases to predict per document.", DefaultValueFactory = _ => 20 };
        var predictions = new Option<string?>("--predictions") { Description = "Also write the predictions as JSONL ({\"id\", \"keyphrases\"})." };
        var command = new Command("keyphrases", "Score keyword extraction against gold keyphrases (P/R/F1 @5/10/15, per-document average).")
        {
            data, top, predictions,
        };
        command.SetAction(parse =>
        {
            IFileInfo file = context.FileSystem.FileInfo.New(parse.GetValue(data)!);
            DataFiles.RequireFile(context.FileSystem, file.FullName);

            int n = parse.GetValue(top);
            if (n < 1)
            {
                throw new UsageException("--top must be at least 1.");
            }

            List<KeyphraseDocument> documents;
            using (TextReader reader = DataFiles.OpenText(context.FileSystem, file.FullName))
            {
                try
                {
                    documents = KeyphraseEvaluation.ReadDocuments(reader);
                }
                catch (InvalidDataException ex)
                {
                    throw new UsageException($"{file.FullName}: {ex.Message}");
                }
            }

            long started = context.Clock.GetTimestamp();
            List<KeyphrasePrediction> predicted = KeyphraseEvaluation.Predict(documents, n, context.Models());
            TimeSpan elapsed = context.Clock.GetElapsedTime(started);
            KeyphraseScores scores = KeyphraseEvaluation.Score(documents, predicted);

            if (parse.GetValue(predictions) is { } output)
            {
                var sb = new StringBuilder();
                foreach (KeyphrasePrediction p in predicted)
                {
                    sb.Append(KeyphraseEvaluation.ToJsonLine(p)).Append('\n');
                }

                AtomicFile.WriteAllText(context.FileSystem, context.FileSystem.Path.GetFullPath(output), sb.ToString());
            }

            context.Console.Out.Write(Format(file.Name, scores, elapsed, documents.Count));
            return 0;
        });
        return command;
    }

    private static string Format(string name, KeyphraseScores scores, TimeSpan elapsed, int documents)
    {
        var sb = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        sb.Append(c, $"{name}: documents gold={scores.GoldDocuments} scored={scores.ScoredDocuments} without-prediction={scores.DocumentsWithoutPrediction} empty-gold-excluded={scores.EmptyGoldExcluded}\n");
        sb.Append(c, $"{"@k",-5} {"P",7} {"R",7} {"F1",7} | {"microP",7} {"microR",7} {"microF1",7} | {"correct",7}\n");
        foreach (KeyphraseScoreAtK s in scores.AtK)
        {
            sb.Append(c, $"@{s.K,-4} {100 * s.Precision,7:F2} {100 * s.Recall,7:F2} {100 * s.F1,7:F2} | {100 * s.MicroPrecision,7:F2} {100 * s.MicroRecall,7:F2} {100 * s.MicroF1,7:F2} | {s.Correct,7}\n");
        }

        sb.Append(c, $"P/R/F1 = macro average over documents (as kp_score.py), in %. Extraction: {elapsed.TotalSeconds:F1} s for {documents} documents ({elapsed.TotalMilliseconds / Math.Max(1, documents):F1} ms each, including parsing and featurisation).\n");
        return sb.ToString();
    }
}

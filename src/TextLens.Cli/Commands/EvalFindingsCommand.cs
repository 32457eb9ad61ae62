using System.IO.Abstractions;
using System.CommandLine;
using System.Globalization;
using System.Text;
using TextLens.Cli.Inputs;
using TextLens.Core.Features;
using TextLens.Training.Evaluation;

namespace TextLens.Cli.Commands;

/// <summary>
/// 'textlens eval findings': analyses the documents of one or more folders as 'report' does and prints,
/// per TL3xxx rule, the findings raised, how many a reader labelled useful or noise, the precision over
/// the labelled ones and the useful labels no longer raised (labels: bench/findings/crs-findings.jsonl).
/// </summary>
public static class EvalFindingsCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Option<string>("--data") { Description = "JSONL of labelled findings (doc, rule, sentence, snippet, label: useful|noise, note).", Required = true };
        var docs = new Option<string[]>("--docs") { Description = "A folder of the labelled documents (*.md, *.txt; the file name without extension is the doc id). Repeatable.", Required = true, AllowMultipleArgumentsPerToken = true };
        var list = new Option<bool>("--list") { Description = "Also list every raised finding with its label (useful, noise or ?)." };
        var command = new Command("findings", "Score the TL3xxx findings against findings a reader labelled useful or noise (precision per rule).")
        {
            data, docs, list,
        };
        command.SetAction(parse =>
        {
            IFileInfo file = context.FileSystem.FileInfo.New(parse.GetValue(data)!);
            DataFiles.RequireFile(context.FileSystem, file.FullName);

            List<FindingLabel> labels;
            using (TextReader reader = DataFiles.OpenText(context.FileSystem, file.FullName, "label file"))
            {
                try
                {
                    labels = FindingEvaluation.ReadLabels(reader);
                }
                catch (InvalidDataException ex)
                {
                    throw new UsageException($"{file.FullName}: {ex.Message}");
                }
            }

            var documents = new List<(string Name, string Path, string Text)>();
            foreach (IDirectoryInfo dir in (parse.GetValue(docs) ?? []).Select(context.FileSystem.DirectoryInfo.New))
            {
                if (!dir.Exists)
                {
                    throw new UsageException($"documents folder '{dir.FullName}' does not exist.");
                }

                foreach (IFileInfo f in dir.EnumerateFiles().Where(f => f.Extension is ".md" or ".txt").OrderBy(f => f.Name, StringComparer.Ordinal))
                {
                    documents.Add((Path.GetFileNameWithoutExtension(f.Name), f.FullName, DataFiles.ReadText(context.FileSystem, f.FullName, "document")));
                }
            }

            FindingScores scores = FindingEvaluation.Evaluate(documents, labels, context.Models());
            context.Console.Out.Write(Format(file.Name, scores, labels.Count, parse.GetValue(list)));
            return 0;
        });
        return command;
    }

    private static string Format(string name, FindingScores scores, int labels, bool list)
    {
        var sb = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        int total = scores.Rules.Sum(r => r.Raised);
        sb.Append(c, $"{name}: {labels} labels; {scores.Documents} documents, {scores.Words:N0} words; {total} findings ({1000.0 * total / Math.Max(1, scores.Words):F2} per 1,000 words)\n");
        sb.Append(c, $"{"rule",-7} {"raised",6} {"useful",6} {"noise",6} {"unlab.",6} {"precision",9} | {"useful labels",13} {"missed",6}\n");
        foreach (RuleFindingScore r in scores.Rules)
        {
            string precision = r.Precision is { } p ? (100 * p).ToString("F1", c) + "%" : "n/a";
            sb.Append(c, $"{r.Rule,-7} {r.Raised,6} {r.Useful,6} {r.Noise,6} {r.Unlabelled,6} {precision,9} | {r.UsefulLabels,13} {r.UsefulMissed,6}\n");
        }

        sb.Append("precision = useful / (useful + noise) over the raised findings that are labelled; missed = useful labels no longer raised.\n");
        if (list)
        {
            foreach (RaisedFinding f in scores.Findings)
            {
                string label = f.Useful switch { true => "useful", false => "noise", null => "?" };
                sb.Append(c, $"{f.Document}\t{f.Rule}\t{label}\t{f.Snippet}\t{f.Sentence}\n");
            }
        }

        return sb.ToString();
    }
}

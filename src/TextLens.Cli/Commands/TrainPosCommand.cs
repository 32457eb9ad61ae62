using System.IO.Abstractions;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using TextLens.Cli.Inputs;
using TextLens.Training;
using TextLens.Cli.Output;
using TextLens.Core.Parsing;

namespace TextLens.Cli.Commands;

/// <summary>'textlens train pos': trains the part-of-speech model reproducibly (fixed seed, one thread).</summary>
public static class TrainPosCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Option<string>("--data") { Description = "Training data: word-per-line TSV (form, upos, xpos), blank line between sentences.", Required = true };
        var test = new Option<string[]>("--test") { Description = "Test sets (same format) to report accuracy on.", AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Where to write the model (e.g. models/pos-ewt.bin).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => new PartOfSpeechTrainingOptions().Seed };
        var iterations = new Option<int>("--iterations") { Description = "Maximum L-BFGS iterations.", DefaultValueFactory = _ => new PartOfSpeechTrainingOptions().MaximumIterations };
        var command = new Command("pos", "Train the part-of-speech tagger (ML.NET L-BFGS maximum entropy on hashed word features).")
        {
            data, test, output, seed, iterations,
        };
        command.SetAction(parse =>
        {
            IFileInfo dataFile = context.FileSystem.FileInfo.New(parse.GetValue(data)!);
            DataFiles.RequireFile(context.FileSystem, dataFile.FullName, "training data");

            List<TaggedSentence> sentences = Read(dataFile);
            var options = new PartOfSpeechTrainingOptions { Seed = parse.GetValue(seed), MaximumIterations = parse.GetValue(iterations) };
            context.Console.Error.WriteLine($"training on {sentences.Count} sentences, {sentences.Sum(s => s.Words.Length)} words ({options})");
            long started = context.Clock.GetTimestamp();
            PartOfSpeechModel model = PartOfSpeechTrainer.Train(sentences, options);
            context.Console.Error.WriteLine($"trained in {context.Clock.GetElapsedTime(started).TotalSeconds:F1} s; {model.ActiveRows} active feature rows");

            using (var buffer = new MemoryStream())
            {
                model.Save(buffer);
                AtomicFile.WriteAllBytes(context.FileSystem, context.FileSystem.Path.GetFullPath(parse.GetValue(output)!), buffer.ToArray());
            }

            foreach (IFileInfo testFile in (parse.GetValue(test) ?? []).Select(context.FileSystem.FileInfo.New))
            {
                (int correct, int total) = PartOfSpeechTrainer.Evaluate(model, Read(testFile));
                context.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{testFile.Name}\tUPOS accuracy {100.0 * correct / total:F2} % ({correct}/{total} words)"));
            }

            return 0;
        });
        return command;
    }

    private static List<TaggedSentence> Read(IFileInfo file)
    {
        using TextReader reader = DataFiles.OpenText(file.FileSystem, file.FullName, "part-of-speech data file");
        try
        {
            return TaggedCorpus.Read(reader);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            throw new UsageException($"'{file.FullName}' is not part-of-speech data: {ex.Message}");
        }
    }
}

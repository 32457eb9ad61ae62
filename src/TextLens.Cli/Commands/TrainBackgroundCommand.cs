using System.CommandLine;
using TextLens.Cli.Output;
using TextLens.Core.Features;

namespace TextLens.Cli.Commands;

/// <summary>'textlens train background': converts a df TSV table (optionally .gz) into the compact binary the tool loads.</summary>
public static class TrainBackgroundCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = new Option<string>("--data") { Description = "The document-frequency table (df-wiki.tsv format; .gz allowed).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the binary table.", Required = true };
        var command = new Command("background", "Build models/background-df-wiki.bin from a df TSV table.") { data, output };
        command.SetAction(parse =>
        {
            string input = parse.GetValue(data)!;
            if (!context.FileSystem.File.Exists(input))
            {
                throw new UsageException($"--data '{input}' does not exist.");
            }

            BackgroundFrequencies table;
            using (Stream s = context.FileSystem.File.OpenRead(input))
            {
                table = BackgroundFrequencies.LoadTsv(s, compressed: input.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));
            }

            using var buffer = new MemoryStream();
            table.WriteBinary(buffer);
            AtomicFile.WriteAllBytes(context.FileSystem, parse.GetValue(output)!, buffer.ToArray());
            context.Console.Error.WriteLine($"textlens: {table.Count:N0} terms, N = {table.DocumentCount:N0}, {buffer.Length:N0} bytes -> {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }
}

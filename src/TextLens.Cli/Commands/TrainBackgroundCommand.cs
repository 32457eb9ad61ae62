using System.CommandLine;
using System.IO.Compression;
using System.Text;
using TextLens.Cli.Inputs;
using TextLens.Cli.Output;
using TextLens.Core.Features;
using TextLens.Core.Text;

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
            DataFiles.RequireFile(context.FileSystem, input, "--data");

            BackgroundFrequencies table;
            bool compressed = input.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            byte[] raw = compressed ? DataFiles.ReadBytes(context.FileSystem, input) : Encoding.UTF8.GetBytes(DataFiles.ReadText(context.FileSystem, input));
            try
            {
                // A compressed table is inflated within the same bound as a plain one, so a small file cannot expand without limit.
                BoundedBytes plain = compressed
                    ? BoundedReader.Read(new GZipStream(new MemoryStream(raw), CompressionMode.Decompress), DataFiles.MaxBytes)
                    : new BoundedBytes(raw, raw.Length);
                if (plain.TooLarge)
                {
                    throw new UsageException($"data file '{input}' inflates to more than {DataFiles.MaxBytes:N0} bytes; is it the right file?");
                }

                table = BackgroundFrequencies.LoadTsv(new MemoryStream(plain.Bytes!), compressed: false);
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or OverflowException)
            {
                throw new UsageException($"data file '{input}' is not a document-frequency table: {ex.Message}");
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

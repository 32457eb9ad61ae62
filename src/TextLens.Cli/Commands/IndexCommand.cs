using System.CommandLine;
using TextLens.Cli.Corpus;
using TextLens.Cli.Inputs;
using TextLens.Cli.Output;
using TextLens.Cli.Scale;
using TextLens.Core.Analysis;
using TextLens.Core.Corpus;
using TextLens.Core.Reporting;
using TextLens.Core.Text;

namespace TextLens.Cli.Commands;

/// <summary>'textlens index': build a corpus index (documents, merged with other indexes) for 'report --corpus'.</summary>
public static class IndexCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Documents to index: files, directories (searched recursively), globs, or '-' for standard input (one document, or JSON Lines with --stdin-format jsonl).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The index file to write (written atomically), e.g. corpus.tlx.",
            Required = true,
        };
        var merge = new Option<string[]>("--merge")
        {
            Description = "An index to merge in (repeatable): the result is the index of all their documents and the inputs', byte-identical to indexing them all at once. A document in two of them is an error.",
        };
        var include = new Option<string[]>("--include") { Description = "Glob of files to take from directories (repeatable). Default: *.txt, *.md, *.markdown." };
        var exclude = new Option<string[]>("--exclude") { Description = "Glob of files to leave out (repeatable). .textlensignore files (gitignore syntax) apply too." };
        var maxSize = new Option<string>("--max-file-size")
        {
            Description = "Largest file to index, in bytes, or with a K, M or G suffix.",
            DefaultValueFactory = _ => "10M",
        };
        var stdinFormat = new Option<string>("--stdin-format")
        {
            Description = "How to read standard input ('-'): text or markdown (one document), or jsonl: one JSON object per line, {\"id\": ..., \"text\": ...}, id used as the document's path.",
            DefaultValueFactory = _ => "text",
        };
        var shard = new Option<string>("--shard")
        {
            Description = "Index only shard I of N (as 'report --shard'); combine the shards' indexes with --merge.",
            HelpName = "I/N",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No notes on standard error." };

        var command = new Command("index", "Build a corpus index (.tlx: document frequencies and document vectors) that 'report --corpus' compares new documents with.")
        {
            inputs, output, merge, include, exclude, maxSize, stdinFormat, shard, quiet,
        };
        command.SetAction(parse =>
        {
            string stdinFormatName = parse.GetValue(stdinFormat)!;
            var request = new CorpusInputs(parse.GetValue(inputs) ?? [], context.WorkingDirectory)
            {
                Includes = parse.GetValue(include) ?? [],
                Excludes = parse.GetValue(exclude) ?? [],
                MaxFileBytes = ReportCommand.ParseSize(parse.GetValue(maxSize)!),
                StdinJsonLines = stdinFormatName == "jsonl",
                StdinFormat = stdinFormatName switch
                {
                    "markdown" or "md" => DocumentFormat.Markdown,
                    "text" or "txt" or "jsonl" => DocumentFormat.PlainText,
                    var other => throw new UsageException($"--stdin-format must be text, markdown or jsonl, not '{other}'."),
                },
                Shard = parse.GetValue(shard) is { } shardText ? ShardSpec.Parse(shardText) : null,
                OpenStandardInput = context.Console.OpenInput,
            };
            return Run(request, parse.GetValue(merge) ?? [], parse.GetValue(output)!, parse.GetValue(quiet), context);
        });
        return command;
    }

    /// <summary>Builds, merges and writes the index; exit 2 when an input could not be read (the index of the rest is still written).</summary>
    public static int Run(CorpusInputs request, IReadOnlyList<string> merges, string output, bool quiet, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        TextWriter stderr = context.Console.Error;
        if (request.Inputs.Count == 0 && merges.Count == 0)
        {
            throw new UsageException("no inputs: give files, directories, globs or '-' to index, or --merge indexes.");
        }

        string outputPath = context.FileSystem.Path.GetFullPath(output, request.WorkingDirectory);
        if (context.FileSystem.Directory.Exists(outputPath))
        {
            throw new UsageException($"--output '{output}' is a directory; give the index file to write.");
        }

        CorpusIndex[] merged = [.. merges.Select(m => CorpusSource.Load(context.FileSystem, context.FileSystem.Path.GetFullPath(m, request.WorkingDirectory)))];
        BuiltCorpus built = request.Inputs.Count > 0
            ? CorpusSource.Build(request, context.Models(), new InputFiles(context.FileSystem))
            : new BuiltCorpus(CorpusIndex.Build([]), []);
        CorpusIndex index;
        try
        {
            index = merged.Length == 0 ? built.Index : CorpusIndex.Merge([built.Index, .. merged]);
        }
        catch (CorpusIndexException ex)
        {
            throw new UsageException($"cannot merge the indexes: {CorpusSource.Sentence(ex.Message)}");
        }

        foreach (Diagnostic problem in built.Problems)
        {
            stderr.WriteLine($"textlens: {problem.Path}: {problem.Id}: {problem.Message}");
        }

        byte[] bytes = CorpusIndexFormat.Write(index);
        AtomicFile.WriteAllBytes(context.FileSystem, outputPath, bytes);
        if (!quiet)
        {
            stderr.WriteLine($"textlens: indexed {index.Documents.Count:N0} document(s), {index.Terms.Count:N0} terms, in {output} ({bytes.Length:N0} bytes)");
        }

        return built.Problems.Count > 0 ? ExitCodes.UsageOrInputError : ExitCodes.Success;
    }
}

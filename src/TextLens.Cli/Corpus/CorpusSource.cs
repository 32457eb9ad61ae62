using System.IO.Abstractions;
using System.Collections.Concurrent;
using TextLens.Cli.Inputs;
using TextLens.Cli.Output;
using TextLens.Cli.Scale;
using TextLens.Core.Analysis;
using TextLens.Core.Corpus;
using TextLens.Core.Features;
using TextLens.Core.Text;

namespace TextLens.Cli.Corpus;

/// <summary>What to index: inputs as 'report' takes them, and the options that select and read them.</summary>
public sealed record CorpusInputs(IReadOnlyList<string> Inputs, string WorkingDirectory)
{
    public IReadOnlyList<string> Includes { get; init; } = [];

    public IReadOnlyList<string> Excludes { get; init; } = [];

    public long MaxFileBytes { get; init; } = AnalysisOptions.Default.MaxFileBytes;

    public bool StdinJsonLines { get; init; }

    public DocumentFormat StdinFormat { get; init; } = DocumentFormat.PlainText;

    public ShardSpec? Shard { get; init; }

    public Func<Stream> OpenStandardInput { get; init; } = StandardInput.Open;
}

/// <summary>An index built from inputs, and the inputs that could not be read (each a diagnostic for its path).</summary>
public sealed record BuiltCorpus(CorpusIndex Index, IReadOnlyList<Diagnostic> Problems);

/// <summary>
/// Where a corpus comes from on the command line: an index file (<c>textlens index</c>), read and verified with a
/// bounded read, or documents (folders, files, globs, standard input) indexed on the spot, in parallel, with the
/// same discovery, shard and size rules as 'report'.
/// </summary>
public static class CorpusSource
{
    /// <summary>Indexes the documents the inputs name. Inputs that cannot be read are returned as problems, not thrown.</summary>
    /// <param name="files">The file system the inputs are in (the CLI context's); the real disk by default.</param>
    public static BuiltCorpus Build(CorpusInputs inputs, ModelSet models, InputFiles? files = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        files ??= InputFiles.Real;
        var discovery = new InputDiscovery(inputs.WorkingDirectory, inputs.Includes, inputs.Excludes, new IgnoreFiles(files), files: files);
        DiscoveredInputs found = discovery.Discover(inputs.Inputs);
        using var sources = new DocumentSources(inputs.Shard, inputs.StdinJsonLines, inputs.StdinFormat, inputs.MaxFileBytes, inputs.OpenStandardInput, files);
        var problems = new ConcurrentBag<Diagnostic>(sources.Problems(found));
        var documents = new ConcurrentBag<CorpusDocument>();
        var indexer = new CorpusIndexer(models);
        Parallel.ForEach(sources.Loads(found), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, load =>
        {
            LoadResult loaded = load.Load();
            if (loaded.Text is { } text)
            {
                documents.Add(indexer.Index(text));
            }
            else if (loaded.Failure is { } failure)
            {
                problems.Add(failure);
            }
        });

        Diagnostic[] sorted = [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal)];
        try
        {
            return new BuiltCorpus(CorpusIndex.Build(documents), sorted);
        }
        catch (CorpusIndexException ex)
        {
            throw new UsageException($"cannot build the corpus index: {Sentence(ex.Message)}");
        }
    }

    /// <summary>Reads an index file through <paramref name="fileSystem"/>; a bad one is a usage error naming the file and the reason.</summary>
    public static CorpusIndex Load(IFileSystem fileSystem, string path, long maxBytes = CorpusIndexFile.DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        try
        {
            if (fileSystem.Directory.Exists(path))
            {
                throw new CorpusIndexException($"corpus index '{path}' is a directory");
            }

            Stream stream;
            try
            {
                stream = FileSystemKinds.OpenRead(fileSystem, path, () => fileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                throw new CorpusIndexException($"corpus index '{path}' cannot be read: {ex.Message}", ex);
            }

            using (stream)
            {
                return CorpusIndexFile.Load(stream, path, maxBytes);
            }
        }
        catch (CorpusIndexException ex)
        {
            throw new UsageException(Sentence(ex.Message));
        }
    }

    /// <summary>
    /// The corpus of <c>report --corpus</c>: a folder is indexed on the spot (its *.txt, *.md and *.markdown files);
    /// a file must be an index.
    /// </summary>
    public static CorpusIndex Open(IFileSystem fileSystem, string argument, string workingDirectory, ModelSet models, TextWriter stderr, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        string full = fileSystem.Path.GetFullPath(argument, workingDirectory);
        if (fileSystem.Directory.Exists(full))
        {
            BuiltCorpus built = Build(new CorpusInputs([argument], workingDirectory), models, new InputFiles(fileSystem));
            if (!quiet)
            {
                foreach (Diagnostic problem in built.Problems)
                {
                    stderr.WriteLine($"textlens: warning: corpus document {problem.Path} left out: {problem.Message}");
                }
            }

            return built.Index;
        }

        if (!fileSystem.File.Exists(full))
        {
            throw new UsageException($"--corpus '{argument}' is neither a folder nor an index file.");
        }

        return Load(fileSystem, full);
    }

    /// <summary>A message as one sentence: its own final stop or question mark kept, a full stop added otherwise.</summary>
    internal static string Sentence(string message) => message.EndsWith('.') || message.EndsWith('?') || message.EndsWith('!') ? message : message + ".";
}

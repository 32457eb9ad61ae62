using TextLens.Cli.Inputs;
using TextLens.Core.Analysis;
using TextLens.Core.Loading;
using TextLens.Core.Text;

namespace TextLens.Cli.Scale;

/// <summary>A document to load: its report path (known before loading, for the report order) and the deferred load.</summary>
public sealed record DocumentLoad(string Path, Func<LoadResult> Load);

/// <summary>
/// The documents a report run loads, in order, as deferred loads: each discovered file (read when its load runs, so
/// loads can run in parallel), standard input as one document, or, with <c>--stdin-format jsonl</c>, one document per
/// line of standard input (parsed as the sequence is enumerated). With <c>--shard</c>, only the documents whose path
/// falls in the shard: files and input problems by their report path, JSON Lines records by their id.
/// </summary>
public sealed class DocumentSources(ShardSpec? shard, bool stdinJsonLines, DocumentFormat stdinFormat, long maxFileBytes, Func<Stream> openStandardInput, InputFiles? files = null)
{
    private readonly InputFiles _files = files ?? InputFiles.Real;

    /// <summary>The input problems (arguments that matched nothing, ...) that belong to this shard.</summary>
    public IEnumerable<Diagnostic> Problems(DiscoveredInputs found) => found.Problems.Where(p => Takes(p.Path));

    /// <summary>The loads of the files and standard input that belong to this shard.</summary>
    public IEnumerable<DocumentLoad> Loads(DiscoveredInputs found)
    {
        foreach (InputFile file in found.Files)
        {
            if (file.IsStandardInput && stdinJsonLines)
            {
                Stream? opened = StandardInput.TryOpen(openStandardInput, out LoadResult? failure);
                if (opened is null)
                {
                    yield return new DocumentLoad(DocumentLoader.StandardInputPath, () => failure!);
                    continue;
                }

                using Stream stdin = opened;
                foreach (LoadResult record in JsonLinesInput.Read(stdin, maxFileBytes))
                {
                    if (Takes(record.Path))
                    {
                        yield return new DocumentLoad(record.Path, () => record);
                    }
                }
            }
            else if (Takes(file.DisplayPath))
            {
                yield return file.IsStandardInput
                    ? new DocumentLoad(DocumentLoader.StandardInputPath, () => StandardInput.Load(openStandardInput, maxFileBytes, stdinFormat))
                    : new DocumentLoad(file.DisplayPath, () => _files.Load(file.FullPath, file.DisplayPath, maxFileBytes));
            }
        }
    }

    /// <summary>How many documents will be loaded, when that is known before reading standard input (for progress).</summary>
    public int? Count(DiscoveredInputs found) =>
        stdinJsonLines && found.Files.Any(f => f.IsStandardInput) ? null : found.Files.Count(f => Takes(f.DisplayPath));

    private bool Takes(string path) => shard is null || shard.Takes(path);
}

using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using TextLens.Cli.Output;
using TextLens.Core.Analysis;
using TextLens.Core.Text;

namespace TextLens.Cli.Scale;

/// <summary>
/// Holds the documents of a JSON Lines standard input between reading them (in input order) and analysing them (in
/// report order, sorted by path): their texts stay in memory up to <see cref="MemoryLimit"/> characters in all, and
/// past it go to a <see cref="ScratchFile"/> (unlinked as soon as it is created, so no signal leaves it behind) from which each is read back when its load runs.
/// So a stream of any number of records is held in memory proportional to the number of records (a path and an
/// offset each), not to their text. Loads may run in parallel: reads back are positional.
/// </summary>
public sealed class RecordSpool : IDisposable
{
    /// <summary>Characters of record text held in memory before records go to the file.</summary>
    public const long MemoryLimit = 4L << 20;

    private readonly long _memoryLimit;
    private readonly object _gate = new();
    private FileStream? _file;
    private long _held;

    public RecordSpool(long memoryLimit = MemoryLimit) => _memoryLimit = memoryLimit;

    /// <summary>Characters of record text held in memory now.</summary>
    public long HeldCharacters => Interlocked.Read(ref _held);

    /// <summary>Records written to the temporary file so far.</summary>
    public int Spilled { get; private set; }

    /// <summary>Keeps one record until its load runs: failures and small texts in memory, the rest in the file.</summary>
    public Func<LoadResult> Add(LoadResult record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Text is not { } text || HeldCharacters + text.Length <= _memoryLimit)
        {
            Interlocked.Add(ref _held, record.Text?.Length ?? 0);
            return Keep(record);
        }

        return Spill(text);
    }

    private static Func<LoadResult> Keep(LoadResult record) => () => record;

    /// <summary>Writes the text as UTF-16 (exact for any string, lone surrogates included) and returns its read-back; the closure holds no text.</summary>
    private Func<LoadResult> Spill(SourceText text)
    {
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(text.Content.AsSpan());
        long offset;
        lock (_gate)
        {
            _file ??= ScratchFile.Open("records");
            offset = _file.Seek(0, SeekOrigin.End);
            _file.Write(bytes);
            _file.Flush();
            Spilled++;
        }

        string path = text.Path;
        DocumentFormat format = text.Format;
        int characters = text.Content.Length;
        return () => new LoadResult(path, new SourceText(path, Read(offset, characters), format), null);
    }

    private string Read(long offset, int characters)
    {
        SafeFileHandle handle = _file?.SafeFileHandle ?? throw new ObjectDisposedException(nameof(RecordSpool));
        return string.Create(characters, (handle, offset), static (chars, state) =>
        {
            Span<byte> buffer = MemoryMarshal.AsBytes(chars);
            int done = 0;
            while (done < buffer.Length)
            {
                int n = RandomAccess.Read(state.handle, buffer[done..], state.offset + done);
                if (n == 0)
                {
                    throw new IOException("the record spool ended early");
                }

                done += n;
            }
        });
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }
}

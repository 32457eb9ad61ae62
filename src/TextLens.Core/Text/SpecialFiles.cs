using System.Globalization;
using System.Runtime.ExceptionServices;

namespace TextLens.Core.Text;

/// <summary>
/// Opening a file for reading without waiting forever. Opening a FIFO (named pipe) for reading blocks until a process
/// opens it for writing, so a FIFO named on the command line (as a document, a baseline, a data file, an index or a
/// partial result) with no writer would hang the run. A path that is not a regular file, a folder or a link (a FIFO, a
/// socket or a device: <see cref="FileKind.Other"/>) is therefore opened on a thread of its own and given
/// <see cref="WriterWait"/>; a pipe with a writer (process substitution, <c>/dev/stdin</c>) opens at once, as does a
/// regular file, which is opened directly. After the open, reading is bounded by the caller's limit, and waits for the
/// writer's data as standard input does.
/// </summary>
public static class SpecialFiles
{
    /// <summary>How long a FIFO may wait for a process to open it for writing.</summary>
    public static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(10);

    /// <summary>Opens <paramref name="path"/> with <paramref name="open"/>, waiting at most <see cref="WriterWait"/> for a FIFO's writer.</summary>
    /// <exception cref="IOException">A FIFO that no process opened for writing in time (the message says so), or what <paramref name="open"/> throws.</exception>
    public static Stream OpenRead(string path, Func<Stream> open) => OpenRead(path, open, WriterWait);

    /// <summary>Opens <paramref name="path"/> with <paramref name="open"/>, waiting at most <paramref name="wait"/> for a FIFO's writer.</summary>
    /// <exception cref="IOException">A FIFO that no process opened for writing in time (the message says so), or what <paramref name="open"/> throws.</exception>
    public static Stream OpenRead(string path, Func<Stream> open, TimeSpan wait) => OpenRead(FileKinds.Of(path, followLinks: true), open, wait);

    /// <summary>
    /// Opens a file of the given <paramref name="kind"/> (as the caller's file system sees it, links followed) with
    /// <paramref name="open"/>, waiting at most <see cref="WriterWait"/> when it is a FIFO or another special file.
    /// </summary>
    /// <exception cref="IOException">A FIFO that no process opened for writing in time (the message says so), or what <paramref name="open"/> throws.</exception>
    public static Stream OpenRead(FileKind kind, Func<Stream> open) => OpenRead(kind, open, WriterWait);

    private static Stream OpenRead(FileKind kind, Func<Stream> open, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (kind != FileKind.Other)
        {
            return open();
        }

        // A dedicated background thread: one left blocked in open(2) never holds a pool thread or the process's exit.
        Task<Stream> opening = Task.Factory.StartNew(open, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        bool opened;
        try
        {
            opened = opening.Wait(wait);
        }
        catch (AggregateException ex) when (ex.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }

        if (!opened)
        {
            // Should a writer come later, the stream then opened is closed at once.
            _ = opening.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw new IOException(string.Create(
                CultureInfo.InvariantCulture,
                $"it is a FIFO (named pipe) or special file that did not open within {wait.TotalSeconds:0.###} s (no process is writing to it); not read"));
        }

        return opening.Result;
    }
}

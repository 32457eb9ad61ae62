using System.Collections.Concurrent;
using System.IO.Abstractions;
using System.Runtime.InteropServices;
using System.Text;
using TextLens.Core.Text;

namespace TextLens.Cli.Output;

/// <summary>
/// Writes a file all at once: to a temporary file in the same folder (<c>.NAME.PID.GUID.tmp</c>), then renamed
/// over the target, so a reader never sees half a report. Only regular files are replaced that way: a device or
/// pipe (<c>-o /dev/null</c>, <c>-o /dev/stdout</c>) is written directly and stays what it is, and a symbolic link
/// is followed, so the file it leads to is replaced (or created, for a link that leads nowhere yet), not the link; a
/// loop of links is an error. Temporary files are removed when the write
/// fails, on SIGINT, SIGTERM, SIGHUP and SIGQUIT, and (left by a process that was killed) by the next write to the same target.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly ConcurrentDictionary<string, IFileSystem> InFlight = new(StringComparer.Ordinal);
    private static readonly Lock SignalLock = new();
    private static List<PosixSignalRegistration>? s_signals;

    public static void WriteAllText(IFileSystem fileSystem, string path, string content) => Write(fileSystem, path, stream =>
    {
        using var writer = new StreamWriter(stream, Utf8NoBom, leaveOpen: true);
        writer.Write(content);
    });

    public static void WriteAllBytes(IFileSystem fileSystem, string path, byte[] content) => Write(fileSystem, path, stream => stream.Write(content));

    /// <summary>Starts writing <paramref name="path"/> as text (UTF-8, no BOM) through a temporary file; <see cref="Writer.Commit"/> renames it over the target.</summary>
    public static Writer Create(IFileSystem fileSystem, string path)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        string full = Resolve(fileSystem, path, out bool special);
        if (special)
        {
            return new Writer(fileSystem, full, null, fileSystem.FileStream.New(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite));
        }

        string temp = PrepareTemp(fileSystem, full);
        try
        {
            return new Writer(fileSystem, full, temp, fileSystem.FileStream.New(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
        }
        catch
        {
            Forget(fileSystem, temp);
            throw;
        }
    }

    /// <summary>The path to write: a link to a regular file resolved; <paramref name="special"/> for devices and pipes.</summary>
    private static string Resolve(IFileSystem fileSystem, string path, out bool special)
    {
        string full = fileSystem.Path.GetFullPath(path);
        FileKind kind = FileSystemKinds.Of(fileSystem, full, followLinks: true);
        special = kind == FileKind.Other;
        if (kind == FileKind.Directory)
        {
            throw new IOException($"'{path}' is a directory");
        }

        // Only a link is resolved: asking a file that is not one for its target is an error on some file systems (the
        // in-memory one the tests use throws where the disk answers null).
        if (kind == FileKind.Regular)
        {
            return fileSystem.FileInfo.New(full).LinkTarget is not null
                && fileSystem.File.ResolveLinkTarget(full, returnFinalTarget: true) is { } linked ? linked.FullName : full;
        }

        return kind == FileKind.Missing && fileSystem is FileSystem ? DanglingLinkTarget(fileSystem, full) ?? full : full;
    }

    /// <summary>
    /// Where a link that leads nowhere points (<c>report.md -> out/report.md</c> before the first run), so the report is
    /// written there, as the shell's <c>&gt;</c> would, instead of replacing the link with a file; null when
    /// <paramref name="full"/> is not a link. A chain of links that loops is an error naming the path.
    /// </summary>
    private static string? DanglingLinkTarget(IFileSystem fileSystem, string full)
    {
        if (fileSystem.FileInfo.New(full).LinkTarget is null)
        {
            return null;
        }

        try
        {
            return fileSystem.File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            throw new IOException($"'{full}' is a symbolic link that loops");
        }
    }

    /// <summary>Creates the folder, removes stale temporary files of the target and registers a new one for clean-up.</summary>
    private static string PrepareTemp(IFileSystem fileSystem, string full)
    {
        string directory = Path.GetDirectoryName(full) ?? ".";
        fileSystem.Directory.CreateDirectory(directory);
        RemoveStaleTemporaryFiles(fileSystem, directory, Path.GetFileName(full));
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        EnsureSignalCleanup();
        InFlight[temp] = fileSystem;
        return temp;
    }

    private static void Forget(IFileSystem fileSystem, string temp)
    {
        TryDelete(fileSystem, temp);
        InFlight.TryRemove(temp, out _);
    }

    private static void Write(IFileSystem fileSystem, string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        string full = Resolve(fileSystem, path, out bool special);
        if (special)
        {
            using FileSystemStream direct = fileSystem.FileStream.New(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(direct);
            direct.Flush();
            return;
        }

        string temp = PrepareTemp(fileSystem, full);
        try
        {
            using (FileSystemStream stream = fileSystem.FileStream.New(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            fileSystem.File.Move(temp, full, overwrite: true);
            InFlight.TryRemove(temp, out _);
        }
        catch
        {
            Forget(fileSystem, temp);
            throw;
        }
    }

    /// <summary>Removes temporary files of this pattern for the target left by processes that no longer run.</summary>
    private static void RemoveStaleTemporaryFiles(IFileSystem fileSystem, string directory, string fileName)
    {
        string prefix = $".{fileName}.";
        try
        {
            foreach (string candidate in fileSystem.Directory.EnumerateFiles(directory, prefix + "*.tmp"))
            {
                string middle = Path.GetFileName(candidate)[prefix.Length..^".tmp".Length];
                int dot = middle.IndexOf('.');
                if (dot > 0 && int.TryParse(middle.AsSpan(0, dot), out int pid) && middle.Length - dot - 1 == 32 && !IsRunning(pid))
                {
                    TryDelete(fileSystem, candidate);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Cleaning up is a courtesy; the write itself decides success.
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid}");
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void EnsureSignalCleanup()
    {
        lock (SignalLock)
        {
            if (s_signals is not null || OperatingSystem.IsWindows())
            {
                return;
            }

            s_signals = [];
            foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            {
                s_signals.Add(PosixSignalRegistration.Create(signal, _ =>
                {
                    foreach ((string temp, IFileSystem fileSystem) in InFlight)
                    {
                        TryDelete(fileSystem, temp);
                    }
                }));
            }
        }
    }

    private static void TryDelete(IFileSystem fileSystem, string path)
    {
        try
        {
            fileSystem.File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A file being written: text goes to a temporary file until <see cref="Commit"/>; disposed uncommitted, it leaves no trace.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly IFileSystem _fileSystem;
        private readonly string _target;
        private readonly string? _temp;
        private readonly FileSystemStream _stream;
        private bool _done;

        /// <param name="fileSystem">The file system written to.</param>
        /// <param name="target">The file to write.</param>
        /// <param name="temp">The temporary file, or null when the target (a device or pipe) is written directly.</param>
        /// <param name="stream">The open stream of <paramref name="temp"/> (or of the target when it is null).</param>
        internal Writer(IFileSystem fileSystem, string target, string? temp, FileSystemStream stream)
        {
            _fileSystem = fileSystem;
            _target = target;
            _temp = temp;
            _stream = stream;
            Text = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        }

        public TextWriter Text { get; }

        public void Commit()
        {
            Text.Dispose();
            _stream.Flush(flushToDisk: _temp is not null);
            _stream.Dispose();
            if (_temp is not null)
            {
                _fileSystem.File.Move(_temp, _target, overwrite: true);
                InFlight.TryRemove(_temp, out _);
            }

            _done = true;
        }

        public void Dispose()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            Text.Dispose();
            _stream.Dispose();
            if (_temp is not null)
            {
                Forget(_fileSystem, _temp);
            }
        }
    }
}

using TextLens.Core.Analysis;
using TextLens.Core.Loading;
using TextLens.Core.Text;

namespace TextLens.Cli.Inputs;

/// <summary>
/// Standard input as a document source. When the tool is started with standard input closed
/// (<c>textlens report - &lt;&amp;-</c>), descriptor 0 is free and the runtime's first internal pipe takes it;
/// reading it would wait forever for a write that only this process could make. On Linux that case is
/// recognised from /proc (descriptor 0 is a pipe whose write end this process itself holds) and treated
/// as closed input.
/// </summary>
public static class StandardInput
{
    /// <summary>Opens the console's standard input; throws <see cref="IOException"/> when it is closed.</summary>
    public static Stream Open() => IsClosed() ? throw new IOException("standard input is closed") : Console.OpenStandardInput();

    /// <summary>Standard input as one document, read within the size limit; a failure to open it is a TL0001 diagnostic.</summary>
    public static LoadResult Load(Func<Stream> open, long maxBytes, DocumentFormat format)
    {
        Stream? stream = TryOpen(open, out LoadResult? failure);
        if (stream is null)
        {
            return failure!;
        }

        using (stream)
        {
            return DocumentLoader.FromStream(DocumentLoader.StandardInputPath, stream, maxBytes, format);
        }
    }

    /// <summary>Opens standard input, or gives the TL0001 diagnostic that says why it cannot be read.</summary>
    public static Stream? TryOpen(Func<Stream> open, out LoadResult? failure)
    {
        try
        {
            failure = null;
            return open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            string path = DocumentLoader.StandardInputPath;
            failure = new LoadResult(path, null, Diagnostic.ForFile(InputRules.Unreadable, path, path, ex.Message));
            return null;
        }
    }

    /// <summary>Whether standard input is closed (or is one of this process's own pipes).</summary>
    public static bool IsClosed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            string? target = new FileInfo("/proc/self/fd/0").LinkTarget;
            if (target is null)
            {
                return !File.Exists("/proc/self/fd/0");
            }

            if (!target.StartsWith("pipe:", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (string fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
            {
                string name = Path.GetFileName(fd);
                if (name != "0" && new FileInfo(fd).LinkTarget == target && OpenedForWriting(name))
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether a descriptor of this process was opened write-only or read-write (/proc/self/fdinfo 'flags', octal).</summary>
    private static bool OpenedForWriting(string fd)
    {
        foreach (string line in File.ReadLines($"/proc/self/fdinfo/{fd}"))
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                int flags = Convert.ToInt32(line["flags:".Length..].Trim(), 8);
                return (flags & 3) is 1 or 2;
            }
        }

        return false;
    }
}

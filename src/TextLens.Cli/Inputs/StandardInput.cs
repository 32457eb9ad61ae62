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

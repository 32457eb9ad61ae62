namespace TextLens.Cli.Output;

/// <summary>
/// A temporary file that only its stream can reach: created in the temporary folder as
/// <c>textlens-PURPOSE-PID-GUID.tmp</c> and, where the system allows it (Linux, macOS), unlinked at once, so nothing
/// is left behind however the process ends (SIGINT, SIGTERM or kill -9) and no other process can open it. On
/// Windows, where an open file cannot be unlinked, it is deleted when the stream is closed.
/// </summary>
internal static class ScratchFile
{
    /// <summary>Opens a new read-write scratch stream; <paramref name="purpose"/> names it while it exists (e.g. "records").</summary>
    public static FileStream Open(string purpose)
    {
        string path = Path.Combine(Path.GetTempPath(), $"textlens-{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        if (OperatingSystem.IsWindows())
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        }

        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        try
        {
            File.Delete(path);
        }
        catch
        {
            stream.Dispose();
            File.Delete(path);
            throw;
        }

        return stream;
    }
}

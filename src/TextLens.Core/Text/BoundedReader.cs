namespace TextLens.Core.Text;

/// <summary>The bytes of a stream read up to a limit, or how far the read got before passing it.</summary>
public readonly record struct BoundedBytes(byte[]? Bytes, long BytesSeen)
{
    public bool TooLarge => Bytes is null;
}

/// <summary>
/// Reads streams of any kind (regular files, devices such as /dev/zero, pipes, standard input) without ever
/// holding more than the limit plus one buffer: the read stops as soon as the limit is passed.
/// </summary>
public static class BoundedReader
{
    private const int ChunkSize = 1 << 16;

    public static BoundedBytes Read(Stream stream, long maxBytes) => Read(stream, maxBytes, []);

    /// <summary>
    /// The rest of <paramref name="stream"/> after <paramref name="alreadyRead"/>, the bytes the caller read from it first to
    /// see how it starts (a magic number, a NUL byte): they count toward the limit and begin the result.
    /// </summary>
    public static BoundedBytes Read(Stream stream, long maxBytes, ReadOnlySpan<byte> alreadyRead)
    {
        ArgumentNullException.ThrowIfNull(stream);
        long rest = stream.CanSeek ? stream.Length - stream.Position : -1;
        long known = rest >= 0 ? rest + alreadyRead.Length : -1;
        if (known > maxBytes)
        {
            return new BoundedBytes(null, known);
        }

        using var buffer = new MemoryStream(known >= 0 ? (int)Math.Min(known + 1, int.MaxValue) : ChunkSize);
        buffer.Write(alreadyRead);
        if (buffer.Length > maxBytes)
        {
            return new BoundedBytes(null, buffer.Length);
        }

        byte[] chunk = new byte[ChunkSize];
        while (true)
        {
            int want = (int)Math.Min(chunk.Length, maxBytes - buffer.Length + 1);
            int read = stream.Read(chunk, 0, want);
            if (read == 0)
            {
                return new BoundedBytes(buffer.ToArray(), buffer.Length);
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                return new BoundedBytes(null, buffer.Length);
            }
        }
    }

    /// <summary>Reads a file (of any kind) within the limit.</summary>
    public static BoundedBytes ReadFile(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        return Read(stream, maxBytes);
    }
}

/// <summary>Small configuration files (.editorconfig, .textlensignore): regular files only, bounded, never throwing.</summary>
public static class ConfigurationFiles
{
    /// <summary>The largest configuration file read; anything bigger is not a hand-written configuration.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>
    /// The text of a configuration file, or null when there is none or it cannot be used: missing, not a regular
    /// file (a FIFO would block, a device never ends), larger than <see cref="MaxBytes"/>, unreadable or not text.
    /// </summary>
    public static string? TryRead(string path)
    {
        if (FileKinds.Of(path, followLinks: true) != FileKind.Regular)
        {
            return null;
        }

        try
        {
            BoundedBytes read = BoundedReader.ReadFile(path, MaxBytes);
            return read.TooLarge ? null : SourceDecoder.Decode(read.Bytes).Text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
        {
            return null;
        }
    }
}

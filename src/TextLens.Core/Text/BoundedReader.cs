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
        using Stream stream = SpecialFiles.OpenRead(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1));
        return Read(stream, maxBytes);
    }
}

/// <summary>
/// A configuration file as read: its text, and what was wrong with it when something was (the file is then not used,
/// or, for invalid UTF-8, used with each bad byte read as U+FFFD). Neither: there is no such file.
/// </summary>
public readonly record struct ConfigurationRead(string? Text, string? Problem)
{
    public static ConfigurationRead None => default;

    public static ConfigurationRead Unusable(string problem) => new(null, problem);
}

/// <summary>
/// Small configuration files (.editorconfig, .textlensignore): regular files only, bounded, never throwing. A file that
/// is there but cannot be used is never passed over in silence: its problem is returned, for a TL0010 diagnostic.
/// </summary>
public static class ConfigurationFiles
{
    /// <summary>The largest configuration file read; anything bigger is not a hand-written configuration.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>
    /// A configuration file on disk: none when it is missing; a problem when it is not a regular file (a FIFO would
    /// block, a device never ends), larger than <see cref="MaxBytes"/>, unreadable, binary or not valid text.
    /// </summary>
    public static ConfigurationRead Read(string path)
    {
        switch (FileKinds.Of(path, followLinks: true))
        {
            case FileKind.Missing:
                return ConfigurationRead.None;
            case FileKind.Directory:
                return ConfigurationRead.Unusable("a folder, not a file; not read");
            case FileKind.Regular:
                break;
            default:
                return ConfigurationRead.Unusable("not a regular file (a FIFO, socket or device); not read");
        }

        try
        {
            return FromBytes(BoundedReader.ReadFile(path, MaxBytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
        {
            return ConfigurationRead.Unusable($"cannot be read: {ex.Message}");
        }
    }

    /// <summary>
    /// The text of a configuration file's bytes (read with at most <see cref="MaxBytes"/>). Invalid UTF-8 (a Latin-1
    /// comment, say) is read with each bad byte as U+FFFD, so the file's entries still apply, and the problem is named.
    /// </summary>
    public static ConfigurationRead FromBytes(BoundedBytes read)
    {
        if (read.Bytes is not { } bytes)
        {
            return ConfigurationRead.Unusable(Inv($"larger than {MaxBytes:N0} bytes, too large for a configuration file; not read"));
        }

        DecodeResult decoded = SourceDecoder.Decode(bytes);
        return decoded.Failure switch
        {
            DecodeFailureKind.None => new ConfigurationRead(decoded.Text, null),
            DecodeFailureKind.InvalidEncoding when decoded.EncodingName == "UTF-8" => new ConfigurationRead(
                System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'),
                Inv($"not valid UTF-8 (the first bad byte is at byte offset {decoded.ByteOffset:N0}); read with each invalid byte as U+FFFD")),
            DecodeFailureKind.InvalidEncoding => ConfigurationRead.Unusable(Inv($"not valid {decoded.EncodingName} (at byte offset {decoded.ByteOffset:N0}); not read")),
            _ => ConfigurationRead.Unusable(Inv($"looks like a binary file (a NUL or control byte at byte {decoded.ByteOffset:N0}); not read")),
        };
    }

    private static string Inv(FormattableString text) => text.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

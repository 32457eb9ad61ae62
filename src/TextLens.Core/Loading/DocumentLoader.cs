using TextLens.Core.Analysis;
using TextLens.Core.Text;

namespace TextLens.Core.Loading;

/// <summary>Reads and decodes one input (a file, or bytes from standard input) within the size limit.</summary>
public static class DocumentLoader
{
    public const string StandardInputPath = "-";

    /// <summary>
    /// Loads a file of any kind (a regular file, a device, a pipe) from the real disk, reading no more than
    /// <paramref name="maxBytes"/> plus one buffer, whatever the file claims or streams. Every I/O failure becomes a
    /// TL0001 diagnostic.
    /// </summary>
    public static LoadResult LoadFile(string path, string displayPath, long maxBytes, DocumentFormat? format = null)
        => LoadFile(DiskDocumentFiles.Instance, path, displayPath, maxBytes, format);

    /// <summary>
    /// Loads a file through <paramref name="files"/> (the real disk, or the CLI's file system seam) within the size
    /// limit; a folder, a missing file, an unreadable one and every I/O failure become a TL0001 diagnostic naming it.
    /// </summary>
    public static LoadResult LoadFile(IDocumentFiles files, string path, string displayPath, long maxBytes, DocumentFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        try
        {
            if (files.IsDirectory(path))
            {
                return Fail(displayPath, InputRules.Unreadable, displayPath, "it is a directory");
            }

            if (!files.IsFile(path))
            {
                // .NET cannot represent a file name that is not valid UTF-8: it arrives with U+FFFD in it.
                string reason = path.Contains('\uFFFD') ? "its name is not valid UTF-8, so it cannot be opened; rename it" : "no such file";
                return Fail(displayPath, InputRules.Unreadable, displayPath, reason);
            }

            BoundedBytes read = files.Read(path, maxBytes);
            if (read.TooLarge)
            {
                return TooLarge(displayPath, read, maxBytes);
            }

            return FromBytes(displayPath, read.Bytes!, maxBytes, format ?? DocumentFormats.FromPath(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            return Fail(displayPath, InputRules.Unreadable, displayPath, ex.Message);
        }
    }

    /// <summary>Loads standard input (or any stream) within the limit.</summary>
    public static LoadResult FromStream(string displayPath, Stream stream, long maxBytes, DocumentFormat format)
    {
        try
        {
            BoundedBytes read = BoundedReader.Read(stream, maxBytes);
            return read.TooLarge ? TooLarge(displayPath, read, maxBytes) : FromBytes(displayPath, read.Bytes!, maxBytes, format);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Fail(displayPath, InputRules.Unreadable, displayPath, ex.Message);
        }
    }

    /// <summary>A file over the limit: its size when the file system says it, else "more than" what was read before stopping.</summary>
    private static LoadResult TooLarge(string displayPath, BoundedBytes read, long maxBytes) =>
        Fail(displayPath, InputRules.TooLarge, displayPath, read.BytesSeen > maxBytes + 1 ? read.BytesSeen.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : $"more than {maxBytes:N0}", maxBytes);

    public static LoadResult FromBytes(string displayPath, ReadOnlySpan<byte> bytes, long maxBytes, DocumentFormat format)
    {
        if (bytes.Length > maxBytes)
        {
            return Fail(displayPath, InputRules.TooLarge, displayPath, (long)bytes.Length, maxBytes);
        }

        DecodeResult decoded = SourceDecoder.Decode(bytes);
        return decoded.Failure switch
        {
            DecodeFailureKind.Binary => Fail(displayPath, InputRules.Binary, displayPath, decoded.ByteOffset),
            DecodeFailureKind.InvalidEncoding => Fail(displayPath, InputRules.InvalidEncoding, displayPath, decoded.EncodingName, decoded.ByteOffset),
            _ => new LoadResult(displayPath, new SourceText(displayPath, decoded.Text!, format), null),
        };
    }

    private static LoadResult Fail(string path, RuleDescriptor rule, params object?[] args) =>
        new(path, null, Diagnostic.ForFile(rule, path, args));
}

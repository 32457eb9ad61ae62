using System.IO.Abstractions;
using TextLens.Cli.Output;
using TextLens.Core.Text;

namespace TextLens.Cli.Inputs;

/// <summary>
/// The data files that <c>eval</c> and <c>train</c> read (JSON Lines sets, held-out predictions, label files, treebanks,
/// frequency tables, the documents of <c>eval findings</c>), read whole through the CLI's file system within
/// <see cref="MaxBytes"/> and decoded as the report decodes a document (UTF-8, or UTF-16/32 with a byte-order mark). Every
/// way such a file can be unusable (missing, a folder, unreadable, too large, binary, not valid text) is a
/// <see cref="UsageException"/> naming the file and the reason: exit 2, never an unbounded read, an out-of-memory failure
/// or a stack trace. A pipe or process substitution (<c>--data &lt;(zcat set.jsonl.gz)</c>) is read like a file, up to the
/// same limit; a device such as <c>/dev/zero</c> fails at its first NUL byte.
/// </summary>
public static class DataFiles
{
    /// <summary>The largest data file read: 28 times the largest shared data set (9 MB), and a bound on what one bad path can cost.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>How much of a text file is looked at before the rest is read.</summary>
    private const int HeadSize = 8192;

    /// <summary>The text of a data file (<paramref name="role"/> names it in messages: "data file", "label file", "document").</summary>
    /// <exception cref="UsageException">The file cannot be used; the message names it and says why.</exception>
    public static string ReadText(IFileSystem fileSystem, string path, string role = "data file", long maxBytes = MaxBytes)
    {
        byte[] bytes = ReadBytes(fileSystem, path, role, maxBytes, text: true);
        DecodeResult decoded = SourceDecoder.Decode(bytes);
        return decoded.Failure switch
        {
            DecodeFailureKind.None => decoded.Text!,
            DecodeFailureKind.Binary => throw new UsageException($"{role} '{path}' is not a text file (a NUL or control byte at byte {decoded.ByteOffset:N0})."),
            _ => throw new UsageException($"{role} '{path}' is not valid {decoded.EncodingName}: the first bad byte is at byte offset {decoded.ByteOffset:N0}."),
        };
    }

    /// <summary>The lines of a data file, as <see cref="TextReader.ReadLine"/> splits them (no trailing empty line).</summary>
    /// <exception cref="UsageException">The file cannot be used; the message names it and says why.</exception>
    public static IReadOnlyList<string> ReadLines(IFileSystem fileSystem, string path, string role = "data file", long maxBytes = MaxBytes)
    {
        var lines = new List<string>();
        using var reader = new StringReader(ReadText(fileSystem, path, role, maxBytes));
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>A reader over the text of a data file (read whole and checked first, so the reader itself cannot fail).</summary>
    /// <exception cref="UsageException">The file cannot be used; the message names it and says why.</exception>
    public static TextReader OpenText(IFileSystem fileSystem, string path, string role = "data file", long maxBytes = MaxBytes)
        => new StringReader(ReadText(fileSystem, path, role, maxBytes));

    /// <summary>The bytes of a data file that need not be text (a gzip-compressed table), within <paramref name="maxBytes"/>.</summary>
    /// <exception cref="UsageException">The file cannot be used; the message names it and says why.</exception>
    public static byte[] ReadBytes(IFileSystem fileSystem, string path, string role = "data file", long maxBytes = MaxBytes)
        => ReadBytes(fileSystem, path, role, maxBytes, text: false);

    private static byte[] ReadBytes(IFileSystem fileSystem, string path, string role, long maxBytes, bool text)
    {
        RequireFile(fileSystem, path, role);
        try
        {
            using Stream stream = FileSystemKinds.OpenRead(fileSystem, path, () => fileSystem.File.OpenRead(path));

            // Text is looked at first: a device or a binary file fails at its first bytes instead of being read up to the limit.
            byte[] head = new byte[text ? HeadSize : 0];
            int got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (head.AsSpan(0, got).IndexOf((byte)0) is var nul and >= 0 && !StartsWithWideMark(head.AsSpan(0, got)))
            {
                throw new UsageException($"{role} '{path}' is not a text file (a NUL or control byte at byte {nul:N0}).");
            }

            BoundedBytes read = BoundedReader.Read(stream, maxBytes, head.AsSpan(0, got));
            return read.Bytes ?? throw TooLarge(role, path, maxBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"{role} '{path}' cannot be read: {ex.Message}");
        }
    }

    /// <summary>Checks that <paramref name="path"/> names a file (or a pipe): a usage error saying that it does not exist or is a folder.</summary>
    /// <exception cref="UsageException">The path is missing or a folder; the message names it and says which.</exception>
    public static void RequireFile(IFileSystem fileSystem, string path, string role = "data file")
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        ArgumentException.ThrowIfNullOrEmpty(path);
        switch (FileSystemKinds.Of(fileSystem, path, followLinks: true))
        {
            case FileKind.Missing:
                throw new UsageException($"{role} '{path}' does not exist.");
            case FileKind.Directory:
                throw new UsageException($"{role} '{path}' is a folder, not a file.");
        }
    }

    /// <summary>UTF-16 and UTF-32 text holds NUL bytes; its byte-order mark says so.</summary>
    private static bool StartsWithWideMark(ReadOnlySpan<byte> start) => start is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] or [0, 0, 0xFE, 0xFF, ..];

    private static UsageException TooLarge(string role, string path, long maxBytes)
        => new($"{role} '{path}' is larger than {maxBytes:N0} bytes; is it the right file?");
}

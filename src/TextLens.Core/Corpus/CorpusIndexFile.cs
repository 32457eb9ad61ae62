using TextLens.Core.Text;

namespace TextLens.Core.Corpus;

/// <summary>Reads an index file with a bounded read; every way the file can be bad is a <see cref="CorpusIndexException"/> naming it.</summary>
public static class CorpusIndexFile
{
    /// <summary>The largest index read (an index of tens of thousands of reports is a few hundred megabytes at most).</summary>
    public const long DefaultMaxBytes = 1L << 30;

    /// <exception cref="CorpusIndexException">The file is missing, unreadable, too large, or not a valid index; the message names it.</exception>
    public static CorpusIndex Load(string path, long maxBytes = DefaultMaxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Stream stream;
        try
        {
            if (Directory.Exists(path))
            {
                throw new CorpusIndexException($"corpus index '{path}' is a directory");
            }

            stream = SpecialFiles.OpenRead(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            throw new CorpusIndexException($"corpus index '{path}' cannot be read: {ex.Message}", ex);
        }

        using (stream)
        {
            return Load(stream, path, maxBytes);
        }
    }

    /// <summary>Reads an index from an open stream (the CLI opens it through its file system), bounded by <paramref name="maxBytes"/>.</summary>
    /// <param name="path">The file's name in messages.</param>
    /// <exception cref="CorpusIndexException">The stream cannot be read, is too large, or is not a valid index; the message names <paramref name="path"/>.</exception>
    public static CorpusIndex Load(Stream stream, string path, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        BoundedBytes read;
        try
        {
            // The magic first: a file that is not an index (a document, a device such as /dev/zero) fails at once,
            // not after the whole bounded read.
            byte[] head = new byte[4];
            int got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            read = CorpusIndexFormat.LooksLikeIndex(head.AsSpan(0, got))
                ? BoundedReader.Read(stream, maxBytes, head.AsSpan(0, got))
                : new BoundedBytes(head[..got], got);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CorpusIndexException($"corpus index '{path}' cannot be read: {ex.Message}", ex);
        }

        if (read.TooLarge)
        {
            throw new CorpusIndexException($"corpus index '{path}' is larger than {maxBytes:N0} bytes; is it the right file?");
        }

        try
        {
            return CorpusIndexFormat.Read(read.Bytes);
        }
        catch (CorpusIndexException ex)
        {
            throw new CorpusIndexException($"corpus index '{path}' {ex.Message}", ex);
        }
    }

    /// <summary>Whether a file starts like an index (its first bytes; false for folders and unreadable files).</summary>
    public static bool LooksLikeIndex(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            using Stream stream = SpecialFiles.OpenRead(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1));
            Span<byte> start = stackalloc byte[4];
            return stream.ReadAtLeast(start, 4, throwOnEndOfStream: false) == 4 && CorpusIndexFormat.LooksLikeIndex(start);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

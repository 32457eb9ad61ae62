using System.Buffers.Binary;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The fingerprint of the labelled rows a stance model was trained on: a 64-bit hash of each row's text (white space
/// folded), sorted and distinct, in a file beside the model (<c>stance-polarity.rows</c> beside
/// <c>stance-polarity.tlsm</c>), written by <c>textlens train stance</c>. <c>textlens eval stance</c> reads it to say
/// when the rows it scores are the model's own training rows: there the figure is an in-sample fit, not an evaluation.
/// It holds no text, so the fingerprint of a data set that may not be shipped can be.
/// </summary>
/// <remarks>
/// Format: the bytes <c>TLRW</c>, a little-endian int32 version (1), an int32 count, then count little-endian uint64
/// hashes in strictly ascending order. A false match needs two texts with one 64-bit hash: among some 10⁴ training rows
/// and 10⁴ scored rows, about one chance in 10¹¹.
/// </remarks>
public sealed class TrainingRows
{
    /// <summary>The extension of a fingerprint file, which otherwise shares its model's name.</summary>
    public const string Extension = ".rows";

    /// <summary>The format version this code reads and writes.</summary>
    public const int Version = 1;

    private const int HeaderBytes = 12;

    private readonly ulong[] _hashes;

    private TrainingRows(ulong[] hashes) => _hashes = hashes;

    private static ReadOnlySpan<byte> Magic => "TLRW"u8;

    /// <summary>How many distinct texts the model was trained on.</summary>
    public int Count => _hashes.Length;

    /// <summary>The fingerprint file of model <paramref name="modelPath"/> (a file name or a path): its name with <see cref="Extension"/>.</summary>
    public static string PathFor(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        return Path.ChangeExtension(modelPath, Extension);
    }

    /// <summary>The fingerprint of <paramref name="texts"/> (repeats count once).</summary>
    public static TrainingRows Of(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ulong[] hashes = [.. texts.Select(Hash).Distinct()];
        Array.Sort(hashes);
        return new TrainingRows(hashes);
    }

    /// <summary>True when a row with this text (white space folded) is one the model was trained on.</summary>
    public bool Contains(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Array.BinarySearch(_hashes, Hash(text)) >= 0;
    }

    /// <summary>
    /// FNV-1a (64-bit) of the text's UTF-16 code units with every run of white space read as one space and the ends
    /// trimmed: a row keeps its fingerprint when a data file re-wraps or re-indents it.
    /// </summary>
    public static ulong Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ulong hash = Fnv1a.Basis64;
        bool pendingSpace = false, started = false;
        foreach (char ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = started;
                continue;
            }

            if (pendingSpace)
            {
                hash = Fnv1a.Append(hash, ' ');
                pendingSpace = false;
            }

            hash = Fnv1a.Append(hash, ch);
            started = true;
        }

        return hash;
    }

    /// <summary>Writes the fingerprint (see the type's remarks for the format).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = new byte[HeaderBytes + (8 * _hashes.Length)];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), Version);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), _hashes.Length);
        for (int i = 0; i < _hashes.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(HeaderBytes + (8 * i)), _hashes[i]);
        }

        stream.Write(bytes);
    }

    /// <summary>
    /// Reads a fingerprint. A file that is not one (another magic or version, a count its length cannot hold, hashes out
    /// of order) is <see cref="InvalidDataException"/>; one cut short is <see cref="EndOfStreamException"/>.
    /// </summary>
    public static TrainingRows Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[HeaderBytes];
        stream.ReadExactly(header);
        if (!header[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("it is not a training-row fingerprint (no TLRW header)");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (version != Version)
        {
            throw new InvalidDataException($"its format version is {version}; this build reads {Version}");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (count < 0 || (stream.CanSeek && (long)count * 8 > stream.Length - stream.Position))
        {
            throw new InvalidDataException($"it claims {count} rows, more than its length holds");
        }

        // A stream that cannot tell its length grows the list as it reads, so a false count cannot allocate ahead of the bytes.
        var hashes = new List<ulong>(stream.CanSeek ? count : Math.Min(count, 1 << 16));
        Span<byte> word = stackalloc byte[8];
        for (int i = 0; i < count; i++)
        {
            stream.ReadExactly(word);
            ulong hash = BinaryPrimitives.ReadUInt64LittleEndian(word);
            if (i > 0 && hash <= hashes[i - 1])
            {
                throw new InvalidDataException($"its hashes are not in ascending order (at row {i})");
            }

            hashes.Add(hash);
        }

        return new TrainingRows([.. hashes]);
    }
}

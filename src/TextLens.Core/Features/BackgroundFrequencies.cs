using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using TextLens.Core.Models;
using TextLens.Core.Text;

namespace TextLens.Core.Features;

/// <summary>
/// Background document frequencies for IDF (models/background-df-wiki.bin, built from the English
/// Wikipedia table df-wiki.tsv, CC BY-SA 4.0). Terms are looked up with the table's own tokeniser:
/// lower case, maximal runs of [a-z0-9], so 'Jong-un' is the bigram 'jong un'. Terms are held as
/// sorted 64-bit FNV-1a hashes. The file has a fixed layout that is used as it is read, without decoding:
/// a 16-byte header, the sorted hashes as little-endian 64-bit integers, then the document frequencies as
/// little-endian 32-bit integers; a lookup is a binary search over the file's own bytes.
/// <see cref="ModelSet"/> loads it once, when an analyzer first needs it.
/// </summary>
public sealed class BackgroundFrequencies
{
    public const string FileName = "background-df-wiki.bin";

    /// <summary>"TDF2": the fixed-layout version (version 1 was delta- and varint-coded).</summary>
    private const uint Magic = 0x3246_4454;

    private const int HeaderSize = 16;

    /// <summary>A bigram missing from the table has df ≤ 14 (the table keeps bigrams with df ≥ 15).</summary>
    public const int MissingBigramDf = 14;

    /// <summary>The hash bits that pick a bucket of <see cref="_bucketStart"/>.</summary>
    private const int BucketBits = 16;

    private readonly ReadOnlyMemory<byte> _hashes;
    private readonly ReadOnlyMemory<byte> _df;

    /// <summary>
    /// For each value of a hash's top <see cref="BucketBits"/> bits, where its run starts in the sorted hashes (one more
    /// entry for the end): a look-up searches about ten hashes instead of the whole table. Built on load, 256 KB.
    /// </summary>
    private readonly int[] _bucketStart;

    private BackgroundFrequencies(ReadOnlyMemory<byte> hashes, ReadOnlyMemory<byte> df, int documentCount)
    {
        _hashes = hashes;
        _df = df;
        DocumentCount = documentCount;
        _bucketStart = new int[(1 << BucketBits) + 1];
        ReadOnlySpan<ulong> sorted = Hashes;
        int at = 0;
        for (int b = 0; b < (1 << BucketBits); b++)
        {
            _bucketStart[b] = at;
            while (at < sorted.Length && (int)(sorted[at] >> (64 - BucketBits)) == b)
            {
                at++;
            }
        }

        _bucketStart[1 << BucketBits] = sorted.Length;
    }

    public int DocumentCount { get; }

    public int Count => _hashes.Length / sizeof(ulong);

    /// <summary>The maximum IDF, that of a term never seen.</summary>
    public double MaxIdf => Idf(0);

    private ReadOnlySpan<ulong> Hashes => MemoryMarshal.Cast<byte, ulong>(_hashes.Span);

    private ReadOnlySpan<int> Frequencies => MemoryMarshal.Cast<byte, int>(_df.Span);

    /// <summary>Reads the table in its published TSV form (optionally gzip-compressed): '#N_DOCS\tN', a header, then 'term\tdf' lines.</summary>
    public static BackgroundFrequencies LoadTsv(Stream stream, bool compressed)
    {
        using Stream input = compressed ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        string? header = reader.ReadLine();
        if (header is null || !header.StartsWith("#N_DOCS\t", StringComparison.Ordinal))
        {
            throw new InvalidDataException("A background frequency table must start with '#N_DOCS<TAB>n'.");
        }

        int n = int.Parse(header.Split('\t')[1], CultureInfo.InvariantCulture);
        var df = new Dictionary<ulong, int>(700_000);
        reader.ReadLine(); // column header
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            int tab = line.LastIndexOf('\t');
            if (tab <= 0)
            {
                continue;
            }

            ulong h = Hash(line.AsSpan(0, tab));
            int value = int.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
            df[h] = Math.Max(value, df.GetValueOrDefault(h));
        }

        ulong[] hashes = [.. df.Keys];
        Array.Sort(hashes);
        byte[] data = new byte[HeaderSize + (hashes.Length * (sizeof(ulong) + sizeof(int)))];
        WriteHeader(data, n, hashes.Length);
        Span<byte> hashBytes = data.AsSpan(HeaderSize, hashes.Length * sizeof(ulong));
        Span<byte> dfBytes = data.AsSpan(HeaderSize + hashBytes.Length);
        for (int i = 0; i < hashes.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(hashBytes[(i * sizeof(ulong))..], hashes[i]);
            BinaryPrimitives.WriteInt32LittleEndian(dfBytes[(i * sizeof(int))..], df[hashes[i]]);
        }

        return FromBytes(data);
    }

    /// <summary>Writes the fixed layout: "TDF2", N, the term count, 4 zero bytes, the hashes (u64 LE), the dfs (i32 LE).</summary>
    public void WriteBinary(Stream stream)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        WriteHeader(header, DocumentCount, Count);
        stream.Write(header);
        WriteLittleEndian(stream, _hashes.Span, sizeof(ulong));
        WriteLittleEndian(stream, _df.Span, sizeof(int));
    }

    /// <summary>Reads the fixed layout with one read; the table is then used in place.</summary>
    public static BackgroundFrequencies ReadBinary(Stream stream)
    {
        return FromBytes(ModelBytes.ReadMemory(stream));
    }

    private static BackgroundFrequencies FromBytes(ReadOnlyMemory<byte> data)
    {
        if (data.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(data.Span) != Magic)
        {
            throw new InvalidDataException($"'{FileName}' is not a TextLens background table of this version (bad magic number).");
        }

        int n = BinaryPrimitives.ReadInt32LittleEndian(data.Span[4..]);
        int count = BinaryPrimitives.ReadInt32LittleEndian(data.Span[8..]);
        long expected = HeaderSize + ((long)count * (sizeof(ulong) + sizeof(int)));
        if (n <= 0 || count < 0 || BinaryPrimitives.ReadInt32LittleEndian(data.Span[12..]) != 0)
        {
            throw new InvalidDataException($"'{FileName}' has an impossible header ({n} documents, {count} terms).");
        }

        if (data.Length < expected)
        {
            throw new EndOfStreamException($"'{FileName}' holds {data.Length} bytes where {count} terms need {expected}.");
        }

        if (data.Length > expected)
        {
            throw new InvalidDataException($"'{FileName}' has {data.Length - expected} unexpected trailing bytes.");
        }

        if (!BitConverter.IsLittleEndian)
        {
            data = ToNativeOrder(data, count);
        }

        var table = new BackgroundFrequencies(
            data.Slice(HeaderSize, count * sizeof(ulong)), data.Slice(HeaderSize + (count * sizeof(ulong))), n);
        ReadOnlySpan<ulong> hashes = table.Hashes;
        for (int i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] <= hashes[i - 1])
            {
                throw new InvalidDataException($"'{FileName}' is corrupt: its term hashes are not strictly ascending at {i}.");
            }
        }

        return table;
    }

    private static void WriteHeader(Span<byte> header, int documentCount, int count)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], documentCount);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], count);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], 0);
    }

    /// <summary>Writes native-order values of <paramref name="size"/> bytes as little-endian.</summary>
    private static void WriteLittleEndian(Stream stream, ReadOnlySpan<byte> values, int size)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(values);
            return;
        }

        byte[] copy = values.ToArray();
        for (int i = 0; i < copy.Length; i += size)
        {
            copy.AsSpan(i, size).Reverse();
        }

        stream.Write(copy);
    }

    private static byte[] ToNativeOrder(ReadOnlyMemory<byte> data, int count)
    {
        byte[] copy = data.ToArray();
        for (int i = 0; i < count; i++)
        {
            copy.AsSpan(HeaderSize + (i * sizeof(ulong)), sizeof(ulong)).Reverse();
        }

        int dfStart = HeaderSize + (count * sizeof(ulong));
        for (int i = 0; i < count; i++)
        {
            copy.AsSpan(dfStart + (i * sizeof(int)), sizeof(int)).Reverse();
        }

        return copy;
    }

    /// <summary>Document frequency of a normalised term (see <see cref="Normalize"/>); 0 when unknown.</summary>
    public int DocumentFrequency(string normalizedTerm) => DocumentFrequency(normalizedTerm.AsSpan());

    private int DocumentFrequency(ReadOnlySpan<char> normalizedTerm)
    {
        ulong hash = Hash(normalizedTerm);
        int bucket = (int)(hash >> (64 - BucketBits));
        int start = _bucketStart[bucket];
        int i = Hashes[start.._bucketStart[bucket + 1]].BinarySearch(hash);
        return i >= 0 ? Frequencies[start + i] : 0;
    }

    /// <summary>Smoothed IDF, ln((1+N)/(1+df)) + 1, of a document frequency.</summary>
    public double Idf(int df) => Math.Log((1.0 + DocumentCount) / (1.0 + df)) + 1.0;

    /// <summary>
    /// IDF of a phrase of any length given as its words. One table word: its IDF. Two: the
    /// bigram's (capped as a missing bigram when absent). Longer: the mean IDF of its bigrams.
    /// </summary>
    public double PhraseIdf(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);

        // The words joined by spaces and normalised (lower case, runs of [a-z0-9] joined by single spaces), into a buffer:
        // a bigram is then the span from one part's start to the next part's end, hashed in place (no strings built).
        int length = words.Count;
        foreach (string word in words)
        {
            length += word.Length;
        }

        char[]? rented = null;
        Span<char> text = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
        Span<int> bounds = length <= 256 ? stackalloc int[258] : new int[length + 2];
        int size = 0, parts = 0;
        bool gap = false;
        for (int w = 0; w < words.Count; w++)
        {
            if (w > 0)
            {
                gap = true;
            }

            foreach (char raw in words[w])
            {
                char c = char.ToLowerInvariant(raw);
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    if (size == 0 || gap)
                    {
                        if (size > 0)
                        {
                            bounds[parts++] = size; // the end of the previous part
                            text[size++] = ' ';
                        }

                        bounds[parts++] = size; // the start of this one
                    }

                    gap = false;
                    text[size++] = c;
                }
                else
                {
                    gap = true;
                }
            }
        }

        if (size > 0)
        {
            bounds[parts++] = size; // the end of the last part
        }

        int count = parts / 2;
        double result;
        if (count == 0)
        {
            result = MaxIdf;
        }
        else if (count == 1)
        {
            result = Idf(DocumentFrequency(text[..size]));
        }
        else
        {
            double sum = 0;
            for (int i = 0; i + 1 < count; i++)
            {
                ReadOnlySpan<char> first = text[bounds[2 * i]..bounds[(2 * i) + 1]];
                ReadOnlySpan<char> second = text[bounds[2 * (i + 1)]..bounds[(2 * (i + 1)) + 1]];
                int df = DocumentFrequency(text[bounds[2 * i]..bounds[(2 * (i + 1)) + 1]]);
                sum += Idf(df == 0 ? Math.Min(MissingBigramDf, Math.Min(DocumentFrequency(first), DocumentFrequency(second))) : df);
            }

            result = sum / (count - 1);
        }

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>The table's tokeniser: lower case, ’ → ', runs of [a-z0-9] joined by single spaces.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool gap = false;
        foreach (char raw in text)
        {
            char c = char.ToLowerInvariant(raw);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (gap && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                gap = false;
                sb.Append(c);
            }
            else
            {
                gap = true;
            }
        }

        return sb.ToString();
    }

    private static ulong Hash(ReadOnlySpan<char> text) => Fnv1a.Hash64(text);

    private static ulong Hash(string text) => Hash(text.AsSpan());
}

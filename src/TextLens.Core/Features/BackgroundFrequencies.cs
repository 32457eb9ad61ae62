using System.Globalization;
using System.IO.Compression;
using System.Text;
using TextLens.Core.Models;
using TextLens.Core.Text;

namespace TextLens.Core.Features;

/// <summary>
/// Background document frequencies for IDF (models/background-df-wiki.bin, built from the English
/// Wikipedia table df-wiki.tsv, CC BY-SA 4.0). Terms are looked up with the table's own tokeniser:
/// lower case, maximal runs of [a-z0-9], so 'Jong-un' is the bigram 'jong un'. Terms are held as
/// sorted 64-bit FNV-1a hashes; the file stores them delta- and varint-coded so that it is small and
/// loads in milliseconds. <see cref="ModelSet"/> loads it once, when an analyzer first needs it.
/// </summary>
public sealed class BackgroundFrequencies
{
    public const string FileName = "background-df-wiki.bin";

    private const uint Magic = 0x3146_4454; // "TDF1"

    /// <summary>A bigram missing from the table has df ≤ 14 (the table keeps bigrams with df ≥ 15).</summary>
    public const int MissingBigramDf = 14;

    private readonly ulong[] _hashes;
    private readonly int[] _df;

    private BackgroundFrequencies(ulong[] sortedHashes, int[] df, int documentCount)
    {
        _hashes = sortedHashes;
        _df = df;
        DocumentCount = documentCount;
    }

    public int DocumentCount { get; }

    public int Count => _hashes.Length;

    /// <summary>The maximum IDF, that of a term never seen.</summary>
    public double MaxIdf => Idf(0);

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
        int[] counts = new int[hashes.Length];
        for (int i = 0; i < hashes.Length; i++)
        {
            counts[i] = df[hashes[i]];
        }

        return new BackgroundFrequencies(hashes, counts, n);
    }

    /// <summary>Writes the compact binary form: magic, N, count, delta-varint hashes, varint dfs.</summary>
    public void WriteBinary(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(DocumentCount);
        w.Write(_hashes.Length);
        ulong previous = 0;
        foreach (ulong h in _hashes)
        {
            WriteVarint(w, h - previous);
            previous = h;
        }

        foreach (int d in _df)
        {
            WriteVarint(w, (ulong)d);
        }
    }

    public static BackgroundFrequencies ReadBinary(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        ReadOnlySpan<byte> data = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (data.Length < 12 || BitConverter.ToUInt32(data) != Magic)
        {
            throw new InvalidDataException($"'{FileName}' is not a TextLens background table (bad magic number).");
        }

        int n = BitConverter.ToInt32(data[4..]);
        int count = BitConverter.ToInt32(data[8..]);
        if (n <= 0 || count < 0 || count > (data.Length - 12) / 2)
        {
            throw new InvalidDataException($"'{FileName}' has an impossible header ({n} documents, {count} terms in {data.Length} bytes).");
        }

        int pos = 12;
        var hashes = new ulong[count];
        ulong h = 0;
        for (int i = 0; i < count; i++)
        {
            h += ReadVarint(data, ref pos);
            hashes[i] = h;
        }

        var df = new int[count];
        for (int i = 0; i < count; i++)
        {
            df[i] = (int)ReadVarint(data, ref pos);
        }

        if (pos != data.Length)
        {
            throw new InvalidDataException($"'{FileName}' has {data.Length - pos} unexpected trailing bytes.");
        }

        return new BackgroundFrequencies(hashes, df, n);
    }

    private static void WriteVarint(BinaryWriter w, ulong value)
    {
        while (value >= 0x80)
        {
            w.Write((byte)(value | 0x80));
            value >>= 7;
        }

        w.Write((byte)value);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong result = 0;
        int shift = 0;
        while (true)
        {
            if (pos >= data.Length)
            {
                throw new EndOfStreamException($"'{FileName}' ends inside its table.");
            }

            byte b = data[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }

            shift += 7;
        }
    }

    /// <summary>Document frequency of a normalised term (see <see cref="Normalize"/>); 0 when unknown.</summary>
    public int DocumentFrequency(string normalizedTerm)
    {
        int i = Array.BinarySearch(_hashes, Hash(normalizedTerm));
        return i >= 0 ? _df[i] : 0;
    }

    /// <summary>Smoothed IDF, ln((1+N)/(1+df)) + 1, of a document frequency.</summary>
    public double Idf(int df) => Math.Log((1.0 + DocumentCount) / (1.0 + df)) + 1.0;

    /// <summary>
    /// IDF of a phrase of any length given as its words. One table word: its IDF. Two: the
    /// bigram's (capped as a missing bigram when absent). Longer: the mean IDF of its bigrams.
    /// </summary>
    public double PhraseIdf(IReadOnlyList<string> words)
    {
        string joined = Normalize(string.Join(' ', words));
        string[] parts = joined.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return MaxIdf;
        }

        if (parts.Length == 1)
        {
            return Idf(DocumentFrequency(parts[0]));
        }

        double sum = 0;
        for (int i = 0; i + 1 < parts.Length; i++)
        {
            int df = DocumentFrequency(parts[i] + " " + parts[i + 1]);
            sum += Idf(df == 0 ? Math.Min(MissingBigramDf, MinUnigramDf(parts[i], parts[i + 1])) : df);
        }

        return sum / (parts.Length - 1);
    }

    private int MinUnigramDf(string a, string b) => Math.Min(DocumentFrequency(a), DocumentFrequency(b));

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

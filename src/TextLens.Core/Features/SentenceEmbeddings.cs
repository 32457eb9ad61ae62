using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using TextLens.Core.Models;

namespace TextLens.Core.Features;

/// <summary>
/// Static sentence vectors: a table of one vector per WordPiece token, distilled from a pretrained sentence encoder
/// (all-MiniLM-L6-v2: each token of its vocabulary run through the encoder alone, its output mean-pooled; models/
/// embeddings-minilm.md), and a sentence's vector is the IDF-weighted mean of its tokens' vectors, scaled to unit length.
/// The table carries what the encoder learned of words from a billion sentences (that "plummeted" and "shortfall" are bad
/// news, "bolster" good) at the cost of a table lookup per token: no neural network runs in the tool.
/// </summary>
/// <remarks>
/// The text is split as BERT's uncased tokenizer splits it (accents stripped, lower case, every punctuation mark and symbol
/// its own word), each word into the longest pieces of the vocabulary, greedily from the left (a word longer than
/// <see cref="MaxWordLength"/> characters or with no split is unknown and adds nothing). A word's weight is its IDF in
/// the background table, shared by its pieces; punctuation weighs nothing. Deterministic: the sum runs in text order.
/// </remarks>
public sealed class SentenceEmbeddings
{
    /// <summary>The file in the model folder.</summary>
    public const string FileName = "embeddings-minilm.bin";

    /// <summary>"TLSE" little-endian.</summary>
    internal const uint Magic = 0x45534C54;

    /// <summary>The file format's version.</summary>
    internal const int FormatVersion = 1;

    /// <summary>BERT's limit: a longer word is one unknown token (and bounds the greedy split's work per word).</summary>
    public const int MaxWordLength = 100;

    private const int HeaderSize = 16;

    private readonly ReadOnlyMemory<byte> _data;
    private readonly int _rowsAt;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _continuationLookup;
    private readonly BackgroundFrequencies _background;

    private SentenceEmbeddings(ReadOnlyMemory<byte> data, int count, int dimension, int rowsAt, Dictionary<string, int> words, Dictionary<string, int> continuations, BackgroundFrequencies background)
    {
        _data = data;
        Count = count;
        Dimension = dimension;
        _rowsAt = rowsAt;
        _wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _continuationLookup = continuations.GetAlternateLookup<ReadOnlySpan<char>>();
        _background = background;
    }

    /// <summary>Tokens in the table.</summary>
    public int Count { get; }

    /// <summary>Length of every vector.</summary>
    public int Dimension { get; }

    /// <summary>Reads a table written by <see cref="Write"/>; the IDF weights come from <paramref name="background"/>.</summary>
    public static SentenceEmbeddings Load(Stream stream, BackgroundFrequencies background)
    {
        ArgumentNullException.ThrowIfNull(background);
        ReadOnlyMemory<byte> data = ModelBytes.ReadMemory(stream);
        ReadOnlySpan<byte> span = data.Span;
        if (span.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic)
        {
            throw new InvalidDataException($"'{FileName}' is not a TextLens embedding table (bad magic number).");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        int count = BinaryPrimitives.ReadInt32LittleEndian(span[8..]);
        int dimension = BinaryPrimitives.ReadInt32LittleEndian(span[12..]);
        if (version != FormatVersion || count is < 1 or > 1_000_000 || dimension is < 1 or > 4096)
        {
            throw new InvalidDataException($"'{FileName}' has an impossible header (version {version}, {count} tokens of {dimension}).");
        }

        long rowsAt = HeaderSize + (4L * count);
        long stringsAt = rowsAt + ((long)count * dimension);
        if (span.Length < stringsAt)
        {
            throw new EndOfStreamException($"'{FileName}' holds {span.Length} bytes where {count} vectors need {stringsAt}.");
        }

        var words = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var continuations = new Dictionary<string, int>(StringComparer.Ordinal);
        int at = (int)stringsAt;
        for (int i = 0; i < count; i++)
        {
            if (at + 2 > span.Length)
            {
                throw new EndOfStreamException($"'{FileName}' ends inside its vocabulary (token {i} of {count}).");
            }

            int length = BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);
            at += 2;
            if (at + length > span.Length)
            {
                throw new EndOfStreamException($"'{FileName}' ends inside its vocabulary (token {i} of {count}).");
            }

            string token = Encoding.UTF8.GetString(span.Slice(at, length));
            at += length;
            if (token.StartsWith("##", StringComparison.Ordinal) && token.Length > 2)
            {
                continuations.TryAdd(token[2..], i);
            }
            else
            {
                words.TryAdd(token, i);
            }
        }

        if (at != span.Length)
        {
            throw new InvalidDataException($"'{FileName}' has {span.Length - at} unexpected trailing bytes.");
        }

        return new SentenceEmbeddings(data, count, dimension, (int)rowsAt, words, continuations, background);
    }

    /// <summary>
    /// Writes a table: the header, one float scale per token, the tokens' vectors quantised to signed bytes (value = byte ×
    /// scale; scale = the row's largest magnitude / 127), then the tokens as length-prefixed UTF-8.
    /// </summary>
    public static void Write(Stream stream, IReadOnlyList<string> tokens, float[] vectors, int dimension)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(vectors);
        if (dimension < 1 || vectors.Length != (long)tokens.Count * dimension)
        {
            throw new ArgumentException("One vector of the dimension per token is needed.", nameof(vectors));
        }

        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(tokens.Count);
        w.Write(dimension);
        var scales = new float[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            float max = 0;
            for (int d = 0; d < dimension; d++)
            {
                max = Math.Max(max, Math.Abs(vectors[(i * dimension) + d]));
            }

            scales[i] = max > 0 ? max / 127f : 0;
            w.Write(scales[i]);
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            for (int d = 0; d < dimension; d++)
            {
                w.Write(scales[i] > 0 ? (sbyte)Math.Clamp(MathF.Round(vectors[(i * dimension) + d] / scales[i]), -127, 127) : (sbyte)0);
            }
        }

        foreach (string token in tokens)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(token);
            if (bytes.Length > ushort.MaxValue)
            {
                throw new ArgumentException($"The token '{token[..20]}…' is too long.", nameof(tokens));
            }

            w.Write((ushort)bytes.Length);
            w.Write(bytes);
        }
    }

    /// <summary>The unit-length vector of <paramref name="text"/>; all zeros when no word of it is known.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sum = new double[Dimension];
        Span<int> pieces = stackalloc int[MaxWordLength];
        foreach (string word in Words(text))
        {
            if (word.Length == 1 && !char.IsLetterOrDigit(word[0]))
            {
                continue;
            }

            int n = Split(word, pieces);
            if (n == 0)
            {
                continue;
            }

            double weight = _background.Idf(_background.DocumentFrequency(word)) / n;
            ReadOnlySpan<byte> data = _data.Span;
            for (int k = 0; k < n; k++)
            {
                int id = pieces[k];
                double scale = weight * BinaryPrimitives.ReadSingleLittleEndian(data[(HeaderSize + (4 * id))..]);
                ReadOnlySpan<sbyte> row = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(data.Slice(_rowsAt + (id * Dimension), Dimension));
                for (int d = 0; d < row.Length; d++)
                {
                    sum[d] += scale * row[d];
                }
            }
        }

        double norm = 0;
        foreach (double x in sum)
        {
            norm += x * x;
        }

        var vector = new float[Dimension];
        if (norm > 0)
        {
            double inverse = 1 / Math.Sqrt(norm);
            for (int d = 0; d < vector.Length; d++)
            {
                vector[d] = (float)(sum[d] * inverse);
            }
        }

        return vector;
    }

    /// <summary>
    /// BERT's basic uncased split: accents removed, lower case, words at white space, and each punctuation mark or symbol a
    /// word of its own. The tool runs with invariant globalization, where <see cref="string.Normalize()"/> leaves accented
    /// letters whole, so the Latin letters with diacritics (U+00C0–U+024F) are folded by <see cref="Folded"/> and combining
    /// marks (category Mn) are dropped, as BERT's canonical decomposition does.
    /// </summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (char c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            char lower = Fold(char.ToLowerInvariant(c));
            if (char.IsWhiteSpace(lower))
            {
                Flush();
            }
            else if (char.IsPunctuation(lower) || char.IsSymbol(lower))
            {
                Flush();
                words.Add(lower.ToString());
            }
            else
            {
                current.Append(lower);
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>The base letter of a Latin letter with diacritics (é → e), else the character itself.</summary>
    private static char Fold(char c) => c is >= '\u00C0' and <= '\u024F' && Accented.IndexOf(c) is >= 0 and int at ? Folded[at] : c;

    /// <summary>The Latin letters U+00C0–U+024F whose canonical decomposition is an ASCII letter and combining marks…</summary>
    private const string Accented = "\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d9\u00da\u00db\u00dc\u00dd\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f9\u00fa\u00fb\u00fc\u00fd\u00ff\u0100\u0101\u0102\u0103\u0104\u0105\u0106\u0107\u0108\u0109\u010a\u010b\u010c\u010d\u010e\u010f\u0112\u0113\u0114\u0115\u0116\u0117\u0118\u0119\u011a\u011b\u011c\u011d\u011e\u011f\u0120\u0121\u0122\u0123\u0124\u0125\u0128\u0129\u012a\u012b\u012c\u012d\u012e\u012f\u0130\u0134\u0135\u0136\u0137\u0139\u013a\u013b\u013c\u013d\u013e\u0143\u0144\u0145\u0146\u0147\u0148\u014c\u014d\u014e\u014f\u0150\u0151\u0154\u0155\u0156\u0157\u0158\u0159\u015a\u015b\u015c\u015d\u015e\u015f\u0160\u0161\u0162\u0163\u0164\u0165\u0168\u0169\u016a\u016b\u016c\u016d\u016e\u016f\u0170\u0171\u0172\u0173\u0174\u0175\u0176\u0177\u0178\u0179\u017a\u017b\u017c\u017d\u017e\u01a0\u01a1\u01af\u01b0\u01cd\u01ce\u01cf\u01d0\u01d1\u01d2\u01d3\u01d4\u01d5\u01d6\u01d7\u01d8\u01d9\u01da\u01db\u01dc\u01de\u01df\u01e0\u01e1\u01e6\u01e7\u01e8\u01e9\u01ea\u01eb\u01ec\u01ed\u01f0\u01f4\u01f5\u01f8\u01f9\u01fa\u01fb\u0200\u0201\u0202\u0203\u0204\u0205\u0206\u0207\u0208\u0209\u020a\u020b\u020c\u020d\u020e\u020f\u0210\u0211\u0212\u0213\u0214\u0215\u0216\u0217\u0218\u0219\u021a\u021b\u021e\u021f\u0226\u0227\u0228\u0229\u022a\u022b\u022c\u022d\u022e\u022f\u0230\u0231\u0232\u0233";

    /// <summary>… and those ASCII letters, position by position.</summary>
    private const string Folded = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYy";

    /// <summary>The word's pieces, greedy longest match from the left, into <paramref name="pieces"/>; 0 when it has no split.</summary>
    internal int Split(string word, Span<int> pieces)
    {
        if (word.Length > MaxWordLength)
        {
            return 0;
        }

        int n = 0;
        int start = 0;
        while (start < word.Length)
        {
            int found = -1;
            int end = word.Length;
            for (; end > start; end--)
            {
                ReadOnlySpan<char> piece = word.AsSpan(start, end - start);
                if (start == 0 ? _wordLookup.TryGetValue(piece, out int id) : _continuationLookup.TryGetValue(piece, out id))
                {
                    found = id;
                    break;
                }
            }

            if (found < 0)
            {
                return 0;
            }

            pieces[n++] = found;
            start = end;
        }

        return n;
    }
}

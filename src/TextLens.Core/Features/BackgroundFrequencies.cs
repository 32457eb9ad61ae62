using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace TextLens.Core.Features;

/// <summary>
/// Background document frequencies for IDF (models/background-df-wiki.tsv.gz: English Wikipedia,
/// CC BY-SA 4.0). Terms are looked up with the table's own tokeniser: lower case, maximal runs of
/// [a-z0-9], so 'Jong-un' is the bigram 'jong un'. Keys are stored as 64-bit hashes to keep the
/// table small; it loads once per process, lazily and thread-safely.
/// </summary>
public sealed class BackgroundFrequencies
{
    public const string FileName = "background-df-wiki.tsv.gz";

    /// <summary>A bigram missing from the table has df ≤ 14 (the table keeps bigrams with df ≥ 15).</summary>
    public const int MissingBigramDf = 14;

    private static readonly Lazy<BackgroundFrequencies> Shared = new(() =>
    {
        using Stream s = ModelStore.Open(FileName);
        return Load(s, compressed: true);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<ulong, int> _df;

    private BackgroundFrequencies(Dictionary<ulong, int> df, int documentCount)
    {
        _df = df;
        DocumentCount = documentCount;
    }

    public static BackgroundFrequencies Default => Shared.Value;

    /// <summary>Starts loading the shared table on the thread pool, so that it is ready when the first document needs it.</summary>
    public static void Preload() => ThreadPool.QueueUserWorkItem(static _ => _ = Shared.Value);

    public int DocumentCount { get; }

    public int Count => _df.Count;

    /// <summary>The maximum IDF, that of a term never seen.</summary>
    public double MaxIdf => Idf(0);

    public static BackgroundFrequencies Load(Stream stream, bool compressed)
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

            df[Hash(line.AsSpan(0, tab))] = int.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
        }

        return new BackgroundFrequencies(df, n);
    }

    /// <summary>Document frequency of a normalised term (see <see cref="Normalize"/>); 0 when unknown.</summary>
    public int DocumentFrequency(string normalizedTerm) => _df.GetValueOrDefault(Hash(normalizedTerm));

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

    private static ulong Hash(ReadOnlySpan<char> text)
    {
        // FNV-1a, 64 bit: fast, stable across runs and platforms.
        ulong h = 14695981039346656037UL;
        foreach (char c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return h;
    }

    private static ulong Hash(string text) => Hash(text.AsSpan());
}

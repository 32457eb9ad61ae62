using Lucene.Net.Tartarus.Snowball.Ext;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Themes;

/// <summary>
/// The sparse TF-IDF vectors of a document's sentences over stemmed content terms, built from the
/// shared ML.NET n-gram bags (<see cref="DocumentFeatures.SentenceTerms"/>): stop words, numbers and
/// one-letter words are dropped, words are reduced to their Snowball (Porter 2) stems so that
/// 'election' and 'elections' are one term, and each term is weighted by (1 + ln tf) × background IDF
/// × within-document IDF (over sentences) ^ <see cref="ThemeSettings.DocumentIdfPower"/>, two-word
/// terms by <see cref="ThemeSettings.PhraseWeight"/> more. Rows are L2-normalised; a sentence with no
/// content term has an empty row.
/// </summary>
public sealed class SentenceVectors
{
    private readonly TermTable _table;

    private SentenceVectors(TermTable table, ThemeSettings settings, SparseRow[] rows)
    {
        _table = table;
        Settings = settings;
        Rows = rows;
    }

    /// <summary>The stemmed terms (one or two stems joined by a space), numbered by the first sentence they occur in.</summary>
    public IReadOnlyList<string> Terms => _table.Terms;

    /// <summary>How each term is most often written in the document (lower case), for labels.</summary>
    public IReadOnlyList<string> DisplayForms => _table.DisplayForms;

    /// <summary>The background IDF of each term.</summary>
    public IReadOnlyList<double> Idf => _table.Idf;

    /// <summary>Per sentence, its weighted and L2-normalised term vector.</summary>
    public IReadOnlyList<SparseRow> Rows { get; }

    /// <summary>Per sentence, the raw counts of its terms.</summary>
    public IReadOnlyList<SparseRow> Counts => _table.Counts;

    /// <summary>The settings the rows are weighted with.</summary>
    public ThemeSettings Settings { get; }

    public int SentenceCount => Rows.Count;

    public static SentenceVectors Build(DocumentFeatures features, ThemeSettings settings) => Weigh(TermTable.Build(features, settings.MaxTermWords), settings);

    /// <summary>Whether these are the vectors of <paramref name="features"/> (the same featurisation, not an equal one).</summary>
    public bool AreOf(DocumentFeatures features) => ReferenceEquals(_table.Features, features);

    /// <summary>
    /// The same document's vectors weighted with <paramref name="settings"/>: the terms, their IDF, counts and display forms are
    /// read from these (they depend only on <see cref="ThemeSettings.MaxTermWords"/>), only the rows are weighted again; the
    /// same as <see cref="Build"/> would give. Themes and the summary read one document's terms so, built once.
    /// </summary>
    public SentenceVectors WeightedWith(ThemeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.MaxTermWords == _table.MaxTermWords ? Weigh(_table, settings) : Build(_table.Features, settings);
    }

    /// <summary>
    /// Each row weighted by (1 + ln tf) × background IDF ^ <see cref="ThemeSettings.IdfPower"/> × the phrase weight ×
    /// within-document IDF ^ <see cref="ThemeSettings.DocumentIdfPower"/>, then L2-normalised.
    /// </summary>
    private static SentenceVectors Weigh(TermTable table, ThemeSettings settings)
    {
        int n = table.Sentences;
        double[] idf = table.Idf;
        double[] documentIdf = [.. table.SentenceDf.Select(df => Math.Pow(Math.Log((1.0 + n) / (1.0 + df)) + 1.0, settings.DocumentIdfPower))];
        double[] weightFactor = [.. table.TermWords.Select(words => words == 1 ? 1.0 : settings.PhraseWeight)];
        var rows = new SparseRow[table.Counts.Length];
        for (int s = 0; s < rows.Length; s++)
        {
            (int[] idx, double[] raw) = table.Counts[s];
            var weighted = new double[idx.Length];
            double norm = 0;
            for (int i = 0; i < idx.Length; i++)
            {
                weighted[i] = (1.0 + Math.Log(raw[i])) * Math.Pow(idf[idx[i]], settings.IdfPower) * weightFactor[idx[i]] * documentIdf[idx[i]];
                norm += weighted[i] * weighted[i];
            }

            norm = Math.Sqrt(norm);
            for (int i = 0; norm > 0 && i < weighted.Length; i++)
            {
                weighted[i] /= norm;
            }

            rows[s] = new SparseRow(idx, weighted);
        }

        return new SentenceVectors(table, settings, rows);
    }

    /// <summary>What the vectors of one document share whatever their weights: terms, background IDF, sentence counts, display forms.</summary>
    private sealed class TermTable
    {
        public required DocumentFeatures Features { get; init; }

        public required int MaxTermWords { get; init; }

        public required string[] Terms { get; init; }

        public required string[] DisplayForms { get; init; }

        public required double[] Idf { get; init; }

        /// <summary>Words in each term (1 or more).</summary>
        public required int[] TermWords { get; init; }

        /// <summary>Sentences each term occurs in (over all sentences' bags, bylines and back matter included).</summary>
        public required int[] SentenceDf { get; init; }

        /// <summary>Per sentence, the raw counts of its terms (empty for a byline or back matter).</summary>
        public required SparseRow[] Counts { get; init; }

        public required int Sentences { get; init; }

        public static TermTable Build(DocumentFeatures features, int maxTermWords)
        {
            IReadOnlyList<string> vocabulary = features.Vocabulary;
            var termOf = new int[vocabulary.Count];
            var termIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var terms = new List<string>();
            var idf = new List<double>();
            var surfaces = new List<Dictionary<string, int>>();
            var termWords = new List<int>();
            BackgroundFrequencies background = features.Background;

            // Terms are numbered by the first sentence they occur in (then by slot), so that term order
            // follows the text rather than the order in which ML.NET happens to number its slots.
            Array.Fill(termOf, -2);
            foreach (SparseVector bag in features.SentenceTerms)
            {
                for (int i = 0; i < bag.Count; i++)
                {
                    int v = bag.Indices[i];
                    if (termOf[v] != -2)
                    {
                        continue;
                    }

                    termOf[v] = -1;
                    string ngram = vocabulary[v];
                    string[] words = ngram.Split(' ');
                    if (words.Length > maxTermWords || !words.All(IsContentWord))
                    {
                        continue;
                    }

                    string key = string.Join(' ', words.Select(Stem));
                    if (!termIndex.TryGetValue(key, out int t))
                    {
                        t = terms.Count;
                        termIndex[key] = t;
                        terms.Add(key);
                        idf.Add(background.PhraseIdf(words));
                        surfaces.Add(new Dictionary<string, int>(StringComparer.Ordinal));
                        termWords.Add(words.Length);
                    }

                    termOf[v] = t;
                }
            }

            int n = features.SentenceTerms.Count;
            int backMatter = features.Document.Sentences.Count == n ? features.Document.BackMatterStart : n;
            var sentenceDf = new int[terms.Count];
            var seen = new HashSet<int>();
            foreach (SparseVector bag in features.SentenceTerms)
            {
                seen.Clear();
                for (int i = 0; i < bag.Count; i++)
                {
                    if (termOf[bag.Indices[i]] is var t and >= 0 && seen.Add(t))
                    {
                        sentenceDf[t]++;
                    }
                }
            }

            var counts = new SparseRow[n];
            var acc = new Dictionary<int, double>();
            for (int s = 0; s < n; s++)
            {
                acc.Clear();
                SparseVector bag = features.SentenceTerms[s];

                // A byline names the writer and back matter the publisher (an author note, a masthead), not a theme:
                // their rows stay empty, so they join no theme.
                bool skip = s >= backMatter || features.Document.Sentences[s].IsByline;
                for (int i = 0; !skip && i < bag.Count; i++)
                {
                    int t = termOf[bag.Indices[i]];
                    if (t < 0)
                    {
                        continue;
                    }

                    acc[t] = acc.GetValueOrDefault(t) + bag.Values[i];
                    Dictionary<string, int> forms = surfaces[t];
                    string form = vocabulary[bag.Indices[i]];
                    forms[form] = forms.GetValueOrDefault(form) + (int)bag.Values[i];
                }

                int[] idx = [.. acc.Keys.Order()];
                var raw = new double[idx.Length];
                for (int i = 0; i < idx.Length; i++)
                {
                    raw[i] = acc[idx[i]];
                }

                counts[s] = new SparseRow(idx, raw);
            }

            // A term seen only in bylines has no counted surface form (its rows stay empty): show its key.
            string[] display = [.. surfaces.Select((f, t) => f.Count == 0 ? terms[t] : MostFrequent(f))];
            return new TermTable
            {
                Features = features,
                MaxTermWords = maxTermWords,
                Terms = [.. terms],
                DisplayForms = display,
                Idf = [.. idf],
                TermWords = [.. termWords],
                SentenceDf = sentenceDf,
                Counts = counts,
                Sentences = n,
            };
        }
    }

    /// <summary>The form counted most often, the ordinally first among equals.</summary>
    private static string MostFrequent(Dictionary<string, int> forms)
    {
        string? best = null;
        int bestCount = 0;
        foreach ((string form, int count) in forms)
        {
            if (best is null || count > bestCount || (count == bestCount && string.CompareOrdinal(form, best) < 0))
            {
                (best, bestCount) = (form, count);
            }
        }

        return best!;
    }

    /// <summary>A word that can carry a theme: has a letter, is longer than one character, is not a stop word.</summary>
    public static bool IsContentWord(string lower) =>
        lower.Length > 1 && Letters.Any(lower) && !StopWords.Contains(lower) && !StopWords.Contains(lower.TrimEnd('.'));


    /// <summary>The Snowball English (Porter 2) stem of a lower-case word.</summary>
    public static string Stem(string lower) => SnowballStems<EnglishStemmer>.Of(lower);
}

/// <summary>A sparse row: sorted term indices and their values.</summary>
public readonly record struct SparseRow(int[] Indices, double[] Values)
{
    public int Count => Indices.Length;

    public bool IsEmpty => Indices.Length == 0;

    public static double Dot(SparseRow a, SparseRow b)
    {
        double s = 0;
        int i = 0;
        int j = 0;
        while (i < a.Indices.Length && j < b.Indices.Length)
        {
            int x = a.Indices[i];
            int y = b.Indices[j];
            if (x == y)
            {
                s += a.Values[i++] * b.Values[j++];
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return s;
    }
}

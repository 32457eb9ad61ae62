using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace TextLens.Core.Analyzers.Keywords;

/// <summary>
/// Porter stems (Lucene.Net's Snowball Porter stemmer) of lower-case words, used to match and
/// merge keyphrases: 'chosen schools' and 'chosen school' share the key 'chosen school'. Stems are
/// cached process-wide (bounded); the stemmer itself is not thread-safe, so each thread has one.
/// </summary>
public static class PhraseStemmer
{
    private const int MaxCached = 200_000;

    [ThreadStatic]
    private static PorterStemmer? _stemmer;

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public static string Stem(string lowerWord)
    {
        if (Cache.TryGetValue(lowerWord, out string? stem))
        {
            return stem;
        }

        PorterStemmer stemmer = _stemmer ??= new PorterStemmer();
        stemmer.SetCurrent(lowerWord);
        stemmer.Stem();
        stem = stemmer.Current;
        if (stem.Length == 0)
        {
            stem = lowerWord;
        }

        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(lowerWord, stem);
        }

        return stem;
    }

    /// <summary>
    /// True when two stems name the same thing as a place and its people or adjective
    /// (korea / korean, america / american, europ / european): the longer is the shorter plus
    /// 'n', 'an' or 'ean', and the shorter has at least four letters.
    /// </summary>
    public static bool IsDemonymPair(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length < 4 || !b.StartsWith(a, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = b.AsSpan(a.Length);
        return rest is "n" or "an" or "ean";
    }
}

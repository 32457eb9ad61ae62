using System.Collections.Concurrent;
using Lucene.Net.Tartarus.Snowball;

namespace TextLens.Core.Parsing;

/// <summary>
/// Stems of lower-case words by one Snowball stemmer (Lucene.Net's), cached process-wide and bounded: a word recurs in
/// sentence after sentence and document after document. The stemmer itself is not thread-safe, so each thread has one.
/// </summary>
/// <typeparam name="TStemmer">The Snowball algorithm, e.g. Porter or English (Porter 2).</typeparam>
public static class SnowballStems<TStemmer>
    where TStemmer : SnowballProgram, new()
{
    /// <summary>At most this many words are cached; later ones are stemmed every time.</summary>
    public const int MaxCached = 200_000;

    [ThreadStatic]
    private static TStemmer? _stemmer;

    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    // The cache's size, kept apart: ConcurrentDictionary.Count takes every lock of the table, and once the cache is full
    // every word not in it would pay for that (a text of 400,000 distinct tokens spent most of its theme time there).
    private static int _cached;

    /// <summary>The stem of <paramref name="lower"/> (possibly empty, as the algorithm gives it).</summary>
    public static string Of(string lower)
    {
        if (Cache.TryGetValue(lower, out string? stem))
        {
            return stem;
        }

        TStemmer stemmer = _stemmer ??= new TStemmer();
        stemmer.SetCurrent(lower);
        stemmer.Stem();
        stem = stemmer.Current;
        if (Volatile.Read(ref _cached) < MaxCached && Cache.TryAdd(lower, stem))
        {
            Interlocked.Increment(ref _cached);
        }

        return stem;
    }
}

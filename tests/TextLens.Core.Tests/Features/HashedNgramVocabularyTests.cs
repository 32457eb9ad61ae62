using Microsoft.ML.Data;
using TextLens.Core.Features;

namespace TextLens.Core.Tests.Features;

/// <summary>The check that ML.NET's hashed counts add up to the row's n-grams, on rows past float's exact integers.</summary>
public sealed class HashedNgramVocabularyTests
{
    /// <summary>
    /// Audit of 2026-12-07: a 50 MB line of words with no punctuation (<c>report --max-file-size 100M</c>) is one row of
    /// 8 million tokens; its slot counts were summed in float, which rounds past 2^24 (16,777,216), so the check "ML.NET
    /// counted 24054356 n-grams in a row of 24054372" failed the document with TL0007. Here the row is one word 5.6
    /// million times and then 1,000 other words: the three slots of the repeated word take the sum past 2^24, and the
    /// 1,000-odd slots counted once each that come after them in slot order were lost from a float sum. The counts are
    /// the ones ML.NET's transform fills for the row (each slot's from <see cref="TextFeaturizer.NgramSlot"/>). Parsing and
    /// hashing a real document that long takes a minute and gigabytes; that end-to-end run is in docs/audit-2026-12-07.md.
    /// </summary>
    [Fact]
    public void A_row_of_more_than_two_to_the_24th_ngrams_is_counted_exactly()
    {
        const int repeated = 5_600_000;
        const int tail = 1_000;
        const uint budget = 0x2F3A_1B07;
        int length = repeated + tail;
        string[] tokens = new string[length];
        uint[] keys = new uint[length];
        Array.Fill(tokens, "budget", 0, repeated);
        Array.Fill(keys, budget, 0, repeated);
        for (int i = 0; i < tail; i++)
        {
            tokens[repeated + i] = "word" + i;
            keys[repeated + i] = (uint)(i + 1);
        }

        var slotCounts = new Dictionary<int, int>();
        long ngrams = 0;
        for (int i = 0; i < length; i++)
        {
            for (int n = 1; n <= TextFeaturizer.MaxNgramLength && i + n <= length; n++)
            {
                int slot = TextFeaturizer.NgramSlot(keys.AsSpan(i, n));
                slotCounts[slot] = slotCounts.GetValueOrDefault(slot) + 1;
                ngrams++;
            }
        }

        Assert.True(ngrams > 1 << 24);
        int[] slots = [.. slotCounts.Keys.Order()];
        var counts = new VBuffer<float>(1 << TextFeaturizer.NgramHashBits, slots.Length, [.. slots.Select(s => (float)slotCounts[s])], slots);
        var keyVector = new VBuffer<uint>(length, keys);
        var vocabulary = new HashedNgramVocabulary(16);
        var bag = new Dictionary<int, float>();

        vocabulary.Count(tokens, in keyVector, in counts, bag);

        Assert.Equal(ngrams, vocabulary.TermFrequency.Sum(f => (long)f));
        Assert.Equal(repeated, vocabulary.TermFrequency[vocabulary.Terms.IndexOf("budget")]);
        Assert.Equal(1, vocabulary.TermFrequency[vocabulary.Terms.IndexOf("word999")]);
    }
}

using System.Runtime.InteropServices;
using Microsoft.ML.Data;

namespace TextLens.Core.Features;

/// <summary>
/// One document's n-gram vocabulary, built while its rows come out of ML.NET's hashed n-gram transform: the terms in
/// order of first occurrence (chunk by chunk, by start token, shorter first: the order ML.NET's n-gram builder walks
/// them, and so the order a fitted <c>ProduceNgrams</c> numbered its slots), their document frequencies, and each
/// row's counts moved from ML.NET's hashed slots to term indices. See <see cref="TextFeaturizer"/>.
/// </summary>
internal sealed class HashedNgramVocabulary
{
    private readonly Dictionary<uint, int> _tokenByKey;
    private readonly List<string> _tokens;
    private readonly Dictionary<int, int> _termBySlot;
    private readonly List<Ngram> _termNgrams;
    private Dictionary<string, int>? _keySharedTokens;
    private HashSet<int>? _splitSlots;
    private Dictionary<Ngram, int>? _splitTerms;
    private uint[] _keys = new uint[16];
    private int[] _ids = new int[16];

    public HashedNgramVocabulary(int capacity)
    {
        _tokenByKey = new Dictionary<uint, int>(capacity);
        _tokens = new List<string>(capacity);
        _termBySlot = new Dictionary<int, int>(capacity * 3);
        _termNgrams = new List<Ngram>(capacity * 3);
        Terms = new List<string>(capacity * 3);
        TermFrequency = new List<int>(capacity * 3);
    }

    /// <summary>The n-grams, words joined by one space, in order of first occurrence.</summary>
    public List<string> Terms { get; }

    /// <summary>How often each term occurs in the document.</summary>
    public List<int> TermFrequency { get; }

    /// <summary>Distinct tokens of the document whose ML.NET key another distinct token already had.</summary>
    public int TokensSharingKeys => _keySharedTokens?.Count ?? 0;

    /// <summary>Slots of the document that two or more of its distinct n-grams hash to (their counts are split).</summary>
    public int SharedSlots => _splitSlots?.Count ?? 0;

    /// <summary>
    /// Takes one row: its tokens, the token keys ML.NET hashed them to and ML.NET's hashed n-gram counts. New n-grams
    /// become terms; the row's counts are added to <paramref name="bag"/> (term → count) and to the document frequencies.
    /// </summary>
    /// <exception cref="InvalidOperationException">ML.NET's vector holds a slot none of the row's n-grams hashes to, or
    /// counts other than the row's number of n-grams: <see cref="TextFeaturizer.NgramSlot"/> no longer matches ML.NET.</exception>
    public void Count(string[] tokens, in VBuffer<uint> keyVector, in VBuffer<float> counts, Dictionary<int, float> bag)
    {
        int length = tokens.Length;
        if (keyVector.Length != length)
        {
            throw new InvalidOperationException($"ML.NET hashed {keyVector.Length} token keys for a row of {length} tokens.");
        }

        if (_keys.Length < length)
        {
            _keys = new uint[Math.Max(length, _keys.Length * 2)];
            _ids = new int[_keys.Length];
        }

        Span<uint> keys = _keys.AsSpan(0, length);
        keyVector.CopyTo(keys);
        Span<int> ids = _ids.AsSpan(0, length);
        for (int i = 0; i < length; i++)
        {
            ids[i] = TokenId(keys[i], tokens[i]);
        }

        int ngrams = 0;
        for (int i = 0; i < length; i++)
        {
            for (int n = 1; n <= TextFeaturizer.MaxNgramLength && i + n <= length; n++)
            {
                ngrams++;
                int slot = TextFeaturizer.NgramSlot(keys.Slice(i, n));
                var ngram = new Ngram(ids, i, n);
                ref int term = ref CollectionsMarshal.GetValueRefOrAddDefault(_termBySlot, slot, out bool known);
                if (!known)
                {
                    term = NewTerm(tokens, i, n, ngram);
                }
                else if (_termNgrams[term] != ngram)
                {
                    int first = term;
                    _splitSlots ??= [];
                    _splitTerms ??= [];
                    if (_splitSlots.Add(slot))
                    {
                        _splitTerms.Add(_termNgrams[first], first);
                    }

                    if (!_splitTerms.ContainsKey(ngram))
                    {
                        _splitTerms.Add(ngram, NewTerm(tokens, i, n, ngram));
                    }
                }
            }
        }

        ReadOnlySpan<float> values = counts.GetValues();
        ReadOnlySpan<int> indices = counts.IsDense ? default : counts.GetIndices();
        // Summed in double: a row of more than 2^24 n-grams (a punctuation-free run of 5.6 million words, allowed with a
        // raised --max-file-size) summed in float lost counts, and the check below then failed the whole document.
        double total = 0;
        bool split = false;
        for (int k = 0; k < values.Length; k++)
        {
            float value = values[k];
            if (value == 0)
            {
                continue;
            }

            int slot = counts.IsDense ? k : indices[k];
            total += value;
            if (!_termBySlot.TryGetValue(slot, out int term))
            {
                throw new InvalidOperationException($"ML.NET counted slot {slot}, which no n-gram of the row hashes to: the n-gram hash differs from ML.NET's.");
            }

            if (_splitSlots is not null && _splitSlots.Contains(slot))
            {
                split = true;
                continue;
            }

            Add(bag, term, value);
        }

        if (total != ngrams)
        {
            throw new InvalidOperationException($"ML.NET counted {total} n-grams in a row of {ngrams}: the n-gram hash differs from ML.NET's.");
        }

        if (split)
        {
            // A slot two of the document's n-grams share: its count is split by counting those n-grams in the row.
            for (int i = 0; i < length; i++)
            {
                for (int n = 1; n <= TextFeaturizer.MaxNgramLength && i + n <= length; n++)
                {
                    if (_splitSlots!.Contains(TextFeaturizer.NgramSlot(keys.Slice(i, n))))
                    {
                        Add(bag, _splitTerms![new Ngram(ids, i, n)], 1);
                    }
                }
            }
        }
    }

    private void Add(Dictionary<int, float> bag, int term, float value)
    {
        TermFrequency[term] += (int)value;
        CollectionsMarshal.GetValueRefOrAddDefault(bag, term, out _) += value;
    }

    private int TokenId(uint key, string token)
    {
        ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(_tokenByKey, key, out bool known);
        if (!known)
        {
            id = _tokens.Count;
            _tokens.Add(token);
            return id;
        }

        if (string.Equals(_tokens[id], token, StringComparison.Ordinal))
        {
            return id;
        }

        // Another token of the document already has this key (a 31-bit hash collision): it gets its own id.
        _keySharedTokens ??= new Dictionary<string, int>(StringComparer.Ordinal);
        ref int other = ref CollectionsMarshal.GetValueRefOrAddDefault(_keySharedTokens, token, out known);
        if (!known)
        {
            other = _tokens.Count;
            _tokens.Add(token);
        }

        return other;
    }

    private int NewTerm(string[] tokens, int start, int length, Ngram ngram)
    {
        // As ML.NET's slot names of the fitted chain read: the tokens joined by '|', then '|' read as a space.
        string term = length switch
        {
            1 => tokens[start],
            2 => string.Concat(tokens[start], " ", tokens[start + 1]),
            _ => string.Concat(tokens[start], " ", tokens[start + 1], " ", tokens[start + 2]),
        };
        Terms.Add(term.Replace('|', ' '));
        TermFrequency.Add(0);
        _termNgrams.Add(ngram);
        return Terms.Count - 1;
    }

    /// <summary>An n-gram as the document's token ids (-1 past its length).</summary>
    private readonly record struct Ngram(int First, int Second, int Third)
    {
        public Ngram(ReadOnlySpan<int> ids, int start, int length)
            : this(ids[start], length > 1 ? ids[start + 1] : -1, length > 2 ? ids[start + 2] : -1)
        {
        }
    }
}

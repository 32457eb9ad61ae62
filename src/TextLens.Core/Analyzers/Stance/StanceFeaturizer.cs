using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The features of the trained stance models, computed from a sentence's tokens and cues: a small
/// block of lexicon and cue features (VADER valence sums, cue strengths, pronouns, punctuation, length)
/// followed by hashed word unigrams (with a negation-scope variant), word bigrams and character
/// 3–4-grams of words, each block L2-normalised. Hashing (FNV-1a, stable across processes) keeps the
/// model file small and independent of a vocabulary. Training (ML.NET) and prediction use exactly
/// these vectors.
/// </summary>
public static class StanceFeaturizer
{
    /// <summary>Bumped whenever the features change, so an old model file is rejected.</summary>
    public const int Version = 1;

    /// <summary>
    /// Version of the polarity model's features: <see cref="Version"/> 1 plus two dense features from the
    /// inflection-aware lexicon lookup (<see cref="ValenceLexicon.TryGetInflected"/>, version 2) and six dense features
    /// of policy news (<see cref="PolicyChangeFeatures"/>, since version 4); since version 5 a number written with a minus sign
    /// ("(-20%)") is preceded by the word <see cref="PolicyChangeFeatures.MinusSign"/>, a fall; since version 6 the tagger and
    /// the trainer add the previous sentence's named features (<see cref="PolarityContext"/>, <see cref="WithContext"/>). Versioned apart so the subjectivity model
    /// keeps its v1 features: the additions are dense slots a v1 model has no weights for, and the minus word is added to
    /// the polarity features only.
    /// </summary>
    public const int PolarityVersion = 6;

    /// <summary>
    /// Version of the epistemic model's features: <see cref="Version"/> 1 plus the named context features of
    /// <see cref="EpistemicFeatures"/> (cue matches with their position and neighbours, quotation state, the previous
    /// sentence, heading status), hashed into the same space.
    /// </summary>
    public const int EpistemicVersion = 3;

    /// <summary>The feature version a model of <paramref name="axis"/> ("polarity", "subjectivity", "epistemic") is trained and read with.</summary>
    public static int VersionFor(string axis) => axis switch
    {
        "polarity" => PolarityVersion,
        "epistemic" => EpistemicVersion,
        _ => Version,
    };

    public const int HashBits = 18;

    public const int DenseCount = 32;

    public static int Dimension => DenseCount + (1 << HashBits);

    /// <summary>Scale of the dense block and of each L2-normalised hashed block (chosen by grouped cross-validation on the polarity DEV set).</summary>
    internal const double DenseScale = 1, UnigramScale = 1, BigramScale = 0.7, CharScale = 0.7;

    /// <summary>Scale of each named context feature of the epistemic version.</summary>
    internal const float ContextScale = 1f;

    private static readonly HashSet<string> FirstPerson = new(StringComparer.Ordinal) { "i", "me", "my", "mine", "we", "us", "our", "ours", "myself", "ourselves" };
    private static readonly HashSet<string> SecondPerson = new(StringComparer.Ordinal) { "you", "your", "yours", "yourself" };
    private static readonly HashSet<string> Modals = new(StringComparer.Ordinal) { "would", "could", "should", "must", "might", "may", "can", "will", "shall" };

    /// <summary>
    /// A number written with a minus sign ("(-20%)", "-43%", "−2%"): the sign touches the number and follows no word or
    /// number of its own, so a range ("2020-25", "pages 3-7") is not read as one.
    /// </summary>
    /// <summary>
    /// Whether the sentence has a number written with a minus sign, the one place where the polarity version's hashed
    /// blocks differ from <see cref="Version"/>'s (a v1 model must then read a vector of its own).
    /// </summary>
    public static bool HasMinusSign(ReadOnlySpan<Token> tokens)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind == TokenKind.Number && IsSignedNegative(tokens, i))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSignedNegative(ReadOnlySpan<Token> tokens, int i)
    {
        if (i == 0 || tokens[i - 1].Text is not ("-" or "\u2212") || tokens[i - 1].Span.End != tokens[i].Span.Start)
        {
            return false;
        }

        return i == 1 || tokens[i - 2].Kind is not (TokenKind.Word or TokenKind.Number or TokenKind.Clitic)
            || tokens[i - 2].Span.End != tokens[i - 1].Span.Start;
    }

    /// <summary>The sparse feature vector (sorted, distinct indices) of one sentence, version <see cref="Version"/>.</summary>
    public static (int[] Indices, float[] Values) Featurize(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> quoted, CueScores cues, ValenceLexicon lexicon)
        => Featurize(tokens, quoted, cues, lexicon, Version);

    /// <summary>
    /// The sparse feature vector of one sentence in feature version <paramref name="version"/>
    /// (<see cref="Version"/> or <see cref="PolarityVersion"/>, which adds dense features 24–29, the saturated counts of
    /// <see cref="PolicyChangeFeatures"/>, and 30 and 31: the valence the inflection-aware lookup adds, and VADER's
    /// compound score with it).
    /// </summary>
    public static (int[] Indices, float[] Values) Featurize(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> quoted, CueScores cues, ValenceLexicon lexicon, int version)
        => Featurize(tokens, quoted, cues, lexicon, version, null);

    /// <summary>
    /// The sparse feature vector in <paramref name="version"/>; <see cref="EpistemicVersion"/> needs the named
    /// <paramref name="context"/> features (<see cref="EpistemicFeatures.Of"/>), added unnormalised to their hashed buckets.
    /// </summary>
    public static (int[] Indices, float[] Values) Featurize(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> quoted, CueScores cues, ValenceLexicon lexicon, int version, IReadOnlyList<(string Name, float Value)>? context)
        => new Sentence(tokens, quoted, lexicon).Featurize(version, cues, context);

    /// <summary>
    /// One sentence's features, for every version a tagger reads (the epistemic, the polarity and, where a number has a minus
    /// sign, the v1 vector): the words, their lexicon statistics and the three hashed blocks are computed once per word
    /// sequence (the polarity version's differs only where a number has a minus sign), and each vector is assembled from them
    /// with its own cue scores and context. Every vector is the one <see cref="StanceFeaturizer.Featurize(ReadOnlySpan{Token}, ReadOnlySpan{bool}, CueScores, ValenceLexicon, int, IReadOnlyList{ValueTuple{string, float}}?)"/>
    /// gives: the same floats, added in the same order per slot.
    /// </summary>
    public ref struct Sentence
    {
        private readonly ReadOnlySpan<Token> _tokens;
        private readonly ReadOnlySpan<bool> _quoted;
        private readonly ValenceLexicon _lexicon;
        private Words? _plain;
        private Words? _signed;
        private bool? _minusSign;

        public Sentence(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> quoted, ValenceLexicon lexicon)
        {
            _tokens = tokens;
            _quoted = quoted;
            _lexicon = lexicon;
        }

        /// <summary>The sentence's vector in <paramref name="version"/> with these <paramref name="cues"/> (and, for <see cref="EpistemicVersion"/>, the named <paramref name="context"/> features).</summary>
        public (int[] Indices, float[] Values) Featurize(int version, CueScores cues, IReadOnlyList<(string Name, float Value)>? context = null)
        {
            if (version is not (Version or PolarityVersion or EpistemicVersion))
            {
                throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown stance feature version.");
            }

            if ((version == EpistemicVersion) != (context is not null))
            {
                throw new ArgumentException("Context features belong to the epistemic feature version only.", nameof(context));
            }

            // Only the polarity version writes the minus word; without a signed number its words are everyone's.
            bool signed = version == PolarityVersion && (_minusSign ??= HasMinusSign(_tokens));
            Words words = signed ? _signed ??= new Words(_tokens, _quoted, _lexicon, signed: true) : _plain ??= new Words(_tokens, _quoted, _lexicon, signed: false);
            return words.Vector(version, cues, context, _lexicon);
        }
    }

    /// <summary>One word sequence of a sentence: what every feature version reads of it, computed once.</summary>
    private sealed class Words
    {
        private readonly List<string> _words;
        private readonly int _numbers;
        private readonly bool _exclamation;
        private readonly bool _question;
        private readonly double _sum;
        private readonly double _pos;
        private readonly double _neg;
        private readonly int _posCount;
        private readonly int _negCount;
        private readonly double _max;
        private readonly double _min;
        private readonly int _first;
        private readonly int _second;
        private readonly int _modals;
        private readonly int _negations;
        private readonly int _quotedWords;

        /// <summary>The three hashed blocks (unigrams with the negation-scope variant, bigrams, character 3–4-grams), each L2-normalised, summed per slot in that order; sorted by slot.</summary>
        private readonly int[] _hashedSlots;
        private readonly float[] _hashedValues;

        public Words(ReadOnlySpan<Token> tokens, ReadOnlySpan<bool> quoted, ValenceLexicon lexicon, bool signed)
        {
            var words = new List<string>(tokens.Length);
            var wordQuoted = new List<bool>(tokens.Length);
            int numbers = 0;
            bool exclamation = false;
            bool question = false;
            for (int i = 0; i < tokens.Length; i++)
            {
                Token t = tokens[i];
                switch (t.Kind)
                {
                    case TokenKind.Word or TokenKind.Clitic:
                        words.Add(t.Lower);
                        wordQuoted.Add(quoted[i]);
                        break;
                    case TokenKind.Number:
                        numbers++;
                        if (signed && IsSignedNegative(tokens, i))
                        {
                            words.Add(PolicyChangeFeatures.MinusSign);
                            wordQuoted.Add(quoted[i]);
                        }

                        words.Add("<num>");
                        wordQuoted.Add(quoted[i]);
                        break;
                    default:
                        exclamation |= t.Text.Contains('!');
                        question |= t.Text.Contains('?');
                        break;
                }
            }

            double[] valence = lexicon.Valences(words);
            double sum = 0;
            double pos = 0;
            double neg = 0;
            int posCount = 0;
            int negCount = 0;
            double max = 0;
            double min = 0;
            int first = 0;
            int second = 0;
            int modals = 0;
            int negations = 0;
            int quotedWords = 0;
            for (int i = 0; i < words.Count; i++)
            {
                double v = valence[i];
                sum += v;
                if (v > 0)
                {
                    pos += v;
                    posCount++;
                }
                else if (v < 0)
                {
                    neg -= v;
                    negCount++;
                }

                max = Math.Max(max, v);
                min = Math.Min(min, v);
                first += FirstPerson.Contains(words[i]) && !wordQuoted[i] ? 1 : 0;
                second += SecondPerson.Contains(words[i]) && !wordQuoted[i] ? 1 : 0;
                modals += Modals.Contains(words[i]) ? 1 : 0;
                negations += ValenceLexicon.IsNegation(words[i]) ? 1 : 0;
                quotedWords += wordQuoted[i] ? 1 : 0;
            }

            (_words, _numbers, _exclamation, _question) = (words, numbers, exclamation, question);
            (_sum, _pos, _neg, _posCount, _negCount, _max, _min) = (sum, pos, neg, posCount, negCount, max, min);
            (_first, _second, _modals, _negations, _quotedWords) = (first, second, modals, negations, quotedWords);
            (_hashedSlots, _hashedValues) = HashedBlocks(words);
        }

        private static (int[] Slots, float[] Values) HashedBlocks(List<string> words)
        {
            Scratch features = t_scratch ??= new Scratch();
            try
            {
                // Each hashed block is counted, then added L2-normalised, in this order: unigrams (with the negation-scope
                // variant), bigrams, character 3-4-grams of the padded word.
                bool negated = false;
                for (int i = 0; i < words.Count; i++)
                {
                    string w = words[i];
                    features.Count(Hash(UnigramPrefix, w));
                    if (negated)
                    {
                        features.Count(Hash(NegatedPrefix, w));
                    }

                    negated |= ValenceLexicon.IsNegation(w);
                }

                features.AddCounted(UnigramScale);
                for (int i = 0; i < words.Count; i++)
                {
                    features.Count(Hash(BigramPrefix, i == 0 ? "<s>" : words[i - 1], words[i]));
                }

                if (words.Count > 0)
                {
                    features.Count(Hash(BigramPrefix, words[^1], "</s>"));
                }

                features.AddCounted(BigramScale);
                foreach (string w in words)
                {
                    if (w.Length >= 3 && w != "<num>")
                    {
                        for (int len = 3; len <= 4; len++)
                        {
                            for (int k = 0; k + len <= w.Length + 2; k++)
                            {
                                features.Count(PaddedGramHash(w, k, len));
                            }
                        }
                    }
                }

                features.AddCounted(CharScale);
                return features.ToSparse();
            }
            finally
            {
                features.Clear();
            }
        }

        /// <summary>
        /// The vector in <paramref name="version"/>: the dense block (from these words and <paramref name="cues"/>), then the
        /// hashed blocks with the named <paramref name="context"/> features added to their buckets in list order, each bucket it
        /// touches set even when its value is zero.
        /// </summary>
        public (int[] Indices, float[] Values) Vector(int version, CueScores cues, IReadOnlyList<(string Name, float Value)>? context, ValenceLexicon lexicon)
        {
            Span<int> denseSlots = stackalloc int[DenseCount];
            Span<float> denseValues = stackalloc float[DenseCount];
            int dense = 0;
            void Dense(int index, double value, Span<int> slots, Span<float> values)
            {
                if (value != 0)
                {
                    slots[dense] = index;
                    values[dense++] = (float)(value * DenseScale);
                }
            }

            int n = Math.Max(1, _words.Count);
            Dense(0, ValenceLexicon.Compound(_sum), denseSlots, denseValues);
            Dense(1, _pos / (_pos + 2), denseSlots, denseValues);
            Dense(2, _neg / (_neg + 2), denseSlots, denseValues);
            Dense(3, _posCount / (double)n, denseSlots, denseValues);
            Dense(4, _negCount / (double)n, denseSlots, denseValues);
            Dense(5, _max / 4, denseSlots, denseValues);
            Dense(6, _min / 4, denseSlots, denseValues);
            Dense(7, _negations > 0 ? 1 : 0, denseSlots, denseValues);
            Dense(8, cues.Hedge, denseSlots, denseValues);
            Dense(9, cues.Attribution, denseSlots, denseValues);
            Dense(10, cues.Prescription, denseSlots, denseValues);
            Dense(11, cues.Booster, denseSlots, denseValues);
            Dense(12, _quotedWords / (double)n, denseSlots, denseValues);
            Dense(13, Math.Min(1, _first / 2.0), denseSlots, denseValues);
            Dense(14, Math.Min(1, _second / 2.0), denseSlots, denseValues);
            Dense(15, _exclamation ? 1 : 0, denseSlots, denseValues);
            Dense(16, _question ? 1 : 0, denseSlots, denseValues);
            Dense(17, Math.Log(1 + _words.Count) / 4, denseSlots, denseValues);
            Dense(18, _numbers / (double)n, denseSlots, denseValues);
            Dense(19, Math.Min(1, _modals / 2.0), denseSlots, denseValues);
            Dense(20, ValenceLexicon.Compound(_pos), denseSlots, denseValues);
            Dense(21, ValenceLexicon.Compound(_neg), denseSlots, denseValues);
            Dense(22, _posCount > 0 && _negCount > 0 ? 1 : 0, denseSlots, denseValues);
            Dense(23, cues.Quotation, denseSlots, denseValues);
            if (version == PolarityVersion)
            {
                PolicyChangeFeatures.Counts news = PolicyChangeFeatures.Of(_words);
                Dense(24, Saturate(news.BadEvents), denseSlots, denseValues);
                Dense(25, Saturate(news.LegalConflict), denseSlots, denseValues);
                Dense(26, Saturate(news.Concern), denseSlots, denseValues);
                Dense(27, Saturate(news.BadChanges), denseSlots, denseValues);
                Dense(28, Saturate(news.GoodChanges), denseSlots, denseValues);
                Dense(29, Saturate(news.GoodEvents), denseSlots, denseValues);
                double inflectedSum = lexicon.Valences(_words, inflected: true).Sum();
                Dense(30, (inflectedSum - _sum) / 4, denseSlots, denseValues);
                Dense(31, ValenceLexicon.Compound(inflectedSum), denseSlots, denseValues);
            }

            // The named features go to their hashed buckets in list order, after the blocks: a bucket the blocks did not set
            // starts at zero and is set even when the sum stays zero.
            int named = context?.Count ?? 0;
            int[] contextSlots = named == 0 ? [] : new int[named];
            for (int c = 0; c < named; c++)
            {
                contextSlots[c] = Hash(ContextPrefix, context![c].Name);
            }

            int[] added = FreshSlots(_hashedSlots, contextSlots);
            int fresh = added.Length;

            int[] indices = new int[dense + _hashedSlots.Length + fresh];
            float[] values = new float[indices.Length];
            denseSlots[..dense].CopyTo(indices);
            denseValues[..dense].CopyTo(values);
            if (fresh == 0)
            {
                _hashedSlots.CopyTo(indices, dense);
                _hashedValues.CopyTo(values, dense);
            }
            else
            {
                int i = 0;
                int j = 0;
                for (int o = dense; o < indices.Length; o++)
                {
                    if (j >= added.Length || (i < _hashedSlots.Length && _hashedSlots[i] < added[j]))
                    {
                        (indices[o], values[o]) = (_hashedSlots[i], _hashedValues[i]);
                        i++;
                    }
                    else
                    {
                        indices[o] = added[j++];
                    }
                }
            }

            for (int c = 0; c < named; c++)
            {
                int at = Array.BinarySearch(indices, dense, indices.Length - dense, contextSlots[c]);
                values[at] += context![c].Value * ContextScale;
            }

            return (indices, values);
        }
    }


    /// <summary>
    /// The buckets of <paramref name="contextSlots"/> that <paramref name="hashedSlots"/> (sorted) does not hold, each once,
    /// sorted: the buckets a sentence's named features add to its vector. A set, not a scan of the earlier names for each
    /// (a sentence of n modals has 4n named features: that scan made "may may may …" quadratic).
    /// </summary>
    internal static int[] FreshSlots(int[] hashedSlots, ReadOnlySpan<int> contextSlots)
    {
        HashSet<int>? fresh = null;
        foreach (int slot in contextSlots)
        {
            if (Array.BinarySearch(hashedSlots, slot) < 0)
            {
                (fresh ??= []).Add(slot);
            }
        }

        if (fresh is null)
        {
            return [];
        }

        int[] added = new int[fresh.Count];
        fresh.CopyTo(added);
        Array.Sort(added);
        return added;
    }

    /// <summary>
    /// <paramref name="vector"/> (sorted, distinct indices) with the named <paramref name="context"/> features added to their
    /// hashed buckets (summed where a bucket is already set; zero values left out), as <see cref="EpistemicVersion"/> adds
    /// its own. The polarity model reads its vector so; the subjectivity model reads the vector without them.
    /// </summary>
    public static (int[] Indices, float[] Values) WithContext((int[] Indices, float[] Values) vector, IReadOnlyList<(string Name, float Value)> context)
    {
        var added = new List<(int Slot, float Value)>(context.Count);
        foreach ((string name, float value) in context)
        {
            if (value != 0)
            {
                added.Add((Hash(ContextPrefix, name), value * ContextScale));
            }
        }

        if (added.Count == 0)
        {
            return vector;
        }

        added.Sort((a, b) => a.Slot.CompareTo(b.Slot));
        var indices = new List<int>(vector.Indices.Length + added.Count);
        var values = new List<float>(vector.Indices.Length + added.Count);
        int i = 0;
        int j = 0;
        while (i < vector.Indices.Length || j < added.Count)
        {
            // Merge the two sorted lists; a context feature in a bucket already set is added to it, as Featurize does.
            int next = Math.Min(i < vector.Indices.Length ? vector.Indices[i] : int.MaxValue, j < added.Count ? added[j].Slot : int.MaxValue);
            float value = 0;
            for (; i < vector.Indices.Length && vector.Indices[i] == next; i++)
            {
                value += vector.Values[i];
            }

            for (; j < added.Count && added[j].Slot == next; j++)
            {
                value += added[j].Value;
            }

            indices.Add(next);
            values.Add(value);
        }

        return ([.. indices], [.. values]);
    }

    private static double Saturate(int count) => count / (count + 1.0);

    private static readonly uint UnigramPrefix = Prefix("u"), NegatedPrefix = Prefix("n"), BigramPrefix = Prefix("b"), CharPrefix = Prefix("c"), ContextPrefix = Prefix("x");

    /// <summary>Per thread: the hashed blocks being built and the block being counted, cleared after each sentence.</summary>
    [ThreadStatic]
    private static Scratch? t_scratch;

    private static uint Prefix(string prefix) => Fnv1a.Append(Fnv1a.Hash32(prefix), '\x1F');

    private static int Slot(uint h) => DenseCount + (int)(h & ((1u << HashBits) - 1));

    private static int Hash(uint prefix, string a) => Slot(Fnv1a.Append(prefix, a));

    private static int Hash(uint prefix, string a, string b) => Slot(Fnv1a.Append(Fnv1a.Append(Fnv1a.Append(prefix, a), ' '), b));

    /// <summary>The hash of characters <paramref name="start"/>..+<paramref name="length"/> of "&lt;" + <paramref name="word"/> + "&gt;", without making that string.</summary>
    private static int PaddedGramHash(string word, int start, int length)
    {
        uint h = CharPrefix;
        for (int j = start; j < start + length; j++)
        {
            h = Fnv1a.Append(h, j == 0 ? '<' : j == word.Length + 1 ? '>' : word[j - 1]);
        }

        return Slot(h);
    }

    /// <summary>
    /// A sparse vector being built: the values of the slots set (in first-set order) and one block of counts, kept in a small
    /// open-addressing table of the sentence's slots (a few hundred) rather than arrays over the whole feature space, so its
    /// reads stay in cache. Adding a block's normalised counts slot by slot gives the same floats, in the same order of
    /// additions per slot, as summing the blocks one after another; the result is sorted by slot.
    /// </summary>
    private sealed class Scratch
    {
        /// <summary>Open addressing: each bucket holds an entry's index + 1 (0: empty); the capacity is a power of two, at most half full.</summary>
        private int[] _buckets = new int[1024];

        private int[] _entrySlot = new int[512];
        private int[] _entryBucket = new int[512];
        private float[] _entryValue = new float[512];
        private float[] _entryCount = new float[512];
        private bool[] _entrySet = new bool[512];
        private int _entries;

        /// <summary>The entries set (in first-set order) and those counted in the current block (in first-count order).</summary>
        private readonly List<int> _set = [];
        private readonly List<int> _counted = [];

        public void Count(int slot)
        {
            int e = Entry(slot);
            if (_entryCount[e] == 0)
            {
                _counted.Add(e);
            }

            _entryCount[e] += 1;
        }

        /// <summary>Adds the counted block scaled to L2 norm <paramref name="scale"/>, then clears the counts.</summary>
        public void AddCounted(double scale)
        {
            double squares = 0;
            foreach (int e in _counted)
            {
                squares += (double)_entryCount[e] * _entryCount[e];
            }

            double norm = Math.Sqrt(squares);
            foreach (int e in _counted)
            {
                if (norm != 0)
                {
                    if (!_entrySet[e])
                    {
                        _entrySet[e] = true;
                        _set.Add(e);
                    }

                    _entryValue[e] += (float)(_entryCount[e] / norm * scale);
                }

                _entryCount[e] = 0;
            }

            _counted.Clear();
        }

        public (int[] Indices, float[] Values) ToSparse()
        {
            int[] indices = new int[_set.Count];
            float[] values = new float[indices.Length];
            for (int i = 0; i < indices.Length; i++)
            {
                indices[i] = _entrySlot[_set[i]];
                values[i] = _entryValue[_set[i]];
            }

            Array.Sort(indices, values);
            return (indices, values);
        }

        public void Clear()
        {
            for (int e = 0; e < _entries; e++)
            {
                _buckets[_entryBucket[e]] = 0;
                _entryValue[e] = 0;
                _entryCount[e] = 0;
                _entrySet[e] = false;
            }

            _entries = 0;
            _set.Clear();
            _counted.Clear();
        }

        /// <summary>The entry of <paramref name="slot"/>, added when new.</summary>
        private int Entry(int slot)
        {
            int mask = _buckets.Length - 1;
            int b = (int)(((uint)slot * 0x9E3779B1u) >> 7) & mask;
            while (true)
            {
                int held = _buckets[b];
                if (held == 0)
                {
                    break;
                }

                if (_entrySlot[held - 1] == slot)
                {
                    return held - 1;
                }

                b = (b + 1) & mask;
            }

            if (_entries * 2 >= _buckets.Length)
            {
                Grow();
                return Entry(slot);
            }

            int e = _entries++;
            _entrySlot[e] = slot;
            _entryBucket[e] = b;
            _buckets[b] = e + 1;
            return e;
        }

        /// <summary>Doubles the table, keeping every entry's index (the set and counted lists refer to them).</summary>
        private void Grow()
        {
            int capacity = _buckets.Length * 2;
            _buckets = new int[capacity];
            Array.Resize(ref _entrySlot, capacity / 2);
            Array.Resize(ref _entryBucket, capacity / 2);
            Array.Resize(ref _entryValue, capacity / 2);
            Array.Resize(ref _entryCount, capacity / 2);
            Array.Resize(ref _entrySet, capacity / 2);
            int mask = capacity - 1;
            for (int e = 0; e < _entries; e++)
            {
                int b = (int)(((uint)_entrySlot[e] * 0x9E3779B1u) >> 7) & mask;
                while (_buckets[b] != 0)
                {
                    b = (b + 1) & mask;
                }

                _buckets[b] = e + 1;
                _entryBucket[e] = b;
            }
        }
    }
}

/// <summary>The noisy-or strength of each kind of cue in a sentence (author's voice only, except quotation).</summary>
public readonly record struct CueScores(double Hedge, double Attribution, double Prescription, double Booster, double Quotation);

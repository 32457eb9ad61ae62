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
    /// of policy news (<see cref="PolicyChangeFeatures"/>, since version 4). Versioned apart so the subjectivity model
    /// keeps its v1 features; all the additions are dense slots a v1 model has no weights for.
    /// </summary>
    public const int PolarityVersion = 4;

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
    {
        if (version is not (Version or PolarityVersion or EpistemicVersion))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown stance feature version.");
        }

        if ((version == EpistemicVersion) != (context is not null))
        {
            throw new ArgumentException("Context features belong to the epistemic feature version only.", nameof(context));
        }

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

        int n = Math.Max(1, words.Count);
        var features = new SortedDictionary<int, float>();
        void Dense(int index, double value)
        {
            if (value != 0)
            {
                features[index] = (float)(value * DenseScale);
            }
        }

        Dense(0, ValenceLexicon.Compound(sum));
        Dense(1, pos / (pos + 2));
        Dense(2, neg / (neg + 2));
        Dense(3, posCount / (double)n);
        Dense(4, negCount / (double)n);
        Dense(5, max / 4);
        Dense(6, min / 4);
        Dense(7, negations > 0 ? 1 : 0);
        Dense(8, cues.Hedge);
        Dense(9, cues.Attribution);
        Dense(10, cues.Prescription);
        Dense(11, cues.Booster);
        Dense(12, quotedWords / (double)n);
        Dense(13, Math.Min(1, first / 2.0));
        Dense(14, Math.Min(1, second / 2.0));
        Dense(15, exclamation ? 1 : 0);
        Dense(16, question ? 1 : 0);
        Dense(17, Math.Log(1 + words.Count) / 4);
        Dense(18, numbers / (double)n);
        Dense(19, Math.Min(1, modals / 2.0));
        Dense(20, ValenceLexicon.Compound(pos));
        Dense(21, ValenceLexicon.Compound(neg));
        Dense(22, posCount > 0 && negCount > 0 ? 1 : 0);
        Dense(23, cues.Quotation);
        if (version == PolarityVersion)
        {
            PolicyChangeFeatures.Counts news = PolicyChangeFeatures.Of(words);
            Dense(24, Saturate(news.BadEvents));
            Dense(25, Saturate(news.LegalConflict));
            Dense(26, Saturate(news.Concern));
            Dense(27, Saturate(news.BadChanges));
            Dense(28, Saturate(news.GoodChanges));
            Dense(29, Saturate(news.GoodEvents));
            double inflectedSum = lexicon.Valences(words, inflected: true).Sum();
            Dense(30, (inflectedSum - sum) / 4);
            Dense(31, ValenceLexicon.Compound(inflectedSum));
        }

        var hashed = new Dictionary<int, float>();
        var unigrams = new Dictionary<int, float>();
        var bigrams = new Dictionary<int, float>();
        var chars = new Dictionary<int, float>();
        bool negated = false;
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            Increment(unigrams, Hash("u", w));
            if (negated)
            {
                Increment(unigrams, Hash("n", w));
            }

            if (ValenceLexicon.IsNegation(w))
            {
                negated = true;
            }

            Increment(bigrams, Hash("b", i == 0 ? "<s>" : words[i - 1], w));
            if (w.Length >= 3 && w != "<num>")
            {
                string padded = "<" + w + ">";
                for (int len = 3; len <= 4; len++)
                {
                    for (int k = 0; k + len <= padded.Length; k++)
                    {
                        Increment(chars, Hash("c", padded.Substring(k, len)));
                    }
                }
            }
        }

        if (words.Count > 0)
        {
            Increment(bigrams, Hash("b", words[^1], "</s>"));
        }

        AddNormalized(features, unigrams, UnigramScale);
        AddNormalized(features, bigrams, BigramScale);
        AddNormalized(features, chars, CharScale);
        foreach ((string name, float value) in context ?? [])
        {
            int index = Hash("x", name);
            features[index] = features.GetValueOrDefault(index) + (value * ContextScale);
        }

        return ([.. features.Keys], [.. features.Values]);
    }

    private static double Saturate(int count) => count / (count + 1.0);

    private static void Increment(Dictionary<int, float> bag, int index) => bag[index] = bag.GetValueOrDefault(index) + 1;

    private static void AddNormalized(SortedDictionary<int, float> features, Dictionary<int, float> bag, double scale)
    {
        double norm = Math.Sqrt(bag.Values.Sum(v => (double)v * v));
        if (norm == 0)
        {
            return;
        }

        foreach ((int index, float value) in bag)
        {
            features[index] = features.GetValueOrDefault(index) + (float)(value / norm * scale);
        }
    }

    private static int Hash(string prefix, string a, string? b = null)
    {
        uint h = Fnv1a.Append(Fnv1a.Hash32(prefix), '\x1F');
        h = Fnv1a.Append(h, a);
        if (b is not null)
        {
            h = Fnv1a.Append(Fnv1a.Append(h, ' '), b);
        }

        return DenseCount + (int)(h & ((1u << HashBits) - 1));
    }
}

/// <summary>The noisy-or strength of each kind of cue in a sentence (author's voice only, except quotation).</summary>
public readonly record struct CueScores(double Hedge, double Attribution, double Prescription, double Booster, double Quotation);

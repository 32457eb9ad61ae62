using System.Globalization;
using System.Text;
using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>Which sentences' terms the polarity classifier reads through a <see cref="PolarVocabulary"/>.</summary>
[Flags]
public enum PolarVocabularyUse
{
    None = 0,

    /// <summary>The sentence's own terms: the polar classes' saturated sums and maxima.</summary>
    Sentence = 1,

    /// <summary>The previous sentence's terms: the negative class's saturated sum and maximum (bad news comes in runs).</summary>
    Previous = 2,
}

/// <summary>
/// An in-domain polar vocabulary learnt from labelled analysis-prose sentences: for each word and word bigram seen in at
/// least <see cref="MinCount"/> sentences, a smoothed log-odds of negative versus neutral and of positive versus neutral
/// (sentence counts shrunk towards the class shares with a prior of <see cref="PriorStrength"/> sentences, relative to the
/// class shares, so a word no more frequent in polar sentences than chance scores 0). The polarity classifier reads a few
/// named features of a sentence's terms (<see cref="Features"/>: saturated sums and the maximum of the positive scores, and
/// the summed log-odds of each polar class) beside its hashed n-grams, which weigh a rare in-domain polar word weakly: the
/// analysis-prose set has 305 negative and 96 positive sentences. Built by the trainer on the training folds only (the
/// training rows' own features from inner folds), shipped as <see cref="FileName"/>.
/// </summary>
public sealed class PolarVocabulary
{
    public const string FileName = "stance-polarity-vocabulary.tsv";

    /// <summary>The first line of the file; a file of another format or feature version is rejected.</summary>
    public const string Header = "# textlens polar vocabulary 1: term<TAB>log-odds negative:neutral<TAB>log-odds positive:neutral; features of: ";

    /// <summary>The prior's weight in sentences: a term's class shares are shrunk towards the overall class shares by this many sentences.</summary>
    public const double PriorStrength = 5;

    /// <summary>Terms seen in fewer sentences are not kept.</summary>
    public const int MinCount = 2;

    /// <summary>The names of the features of <see cref="Features"/>, in order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } = ["vocab:neg:sum", "vocab:neg:max", "vocab:pos:sum", "vocab:pos:max"];

    /// <summary>The names of the features of the previous sentence (<see cref="PolarVocabularyUse.Previous"/>), in order.</summary>
    public static IReadOnlyList<string> PreviousFeatureNames { get; } = ["vocab:prev:neg:sum", "vocab:prev:neg:max"];

    /// <summary>A term's score of a polar class counts only if the term is in sentences of that class in at least this many documents (a word of one report's topic is not a polar word).</summary>
    public const int MinDocuments = 2;

    private readonly Dictionary<string, (float Negative, float Positive)> _scores;

    private PolarVocabulary(Dictionary<string, (float, float)> scores, PolarVocabularyUse use) => (_scores, Use) = (scores, use);

    /// <summary>Which sentences' terms the classifier reads (<see cref="ContextFeatures"/>).</summary>
    public PolarVocabularyUse Use { get; }

    /// <summary>The number of terms.</summary>
    public int Count => _scores.Count;

    /// <summary>The scores of <paramref name="term"/> (negative:neutral, positive:neutral log-odds), or false when it is not kept.</summary>
    public bool TryGet(string term, out (float Negative, float Positive) scores) => _scores.TryGetValue(term, out scores);

    /// <summary>The distinct terms of a sentence, sorted (ordinal): its lower-case words and pairs of adjacent words ("filed suit").</summary>
    public static string[] Terms(ReadOnlySpan<Token> tokens)
    {
        var words = new List<string>(tokens.Length);
        foreach (Token t in tokens)
        {
            if (t.Kind is TokenKind.Word or TokenKind.Clitic)
            {
                words.Add(t.Lower);
            }
        }

        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < words.Count; i++)
        {
            terms.Add(words[i]);
            if (i > 0)
            {
                terms.Add(words[i - 1] + " " + words[i]);
            }
        }

        string[] sorted = [.. terms];
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>
    /// The vocabulary of labelled sentences (<paramref name="label"/> 0 negative, 1 neutral, 2 positive; each sentence's
    /// distinct terms): for a term in n_c sentences of class c (n in all), p_c = (n_c + m·P_c) / (n + m) with the class
    /// shares P_c and m = <see cref="PriorStrength"/>, and the score of c versus neutral log(p_c / p_neutral) − log(P_c / P_neutral).
    /// </summary>
    public static PolarVocabulary Build(IEnumerable<(IReadOnlyList<string> Terms, int Label, string Document)> sentences, PolarVocabularyUse use = PolarVocabularyUse.Sentence)
    {
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var documents = new Dictionary<string, (HashSet<string> Negative, HashSet<string> Positive)>(StringComparer.Ordinal);
        double[] total = new double[3];
        foreach ((IReadOnlyList<string> terms, int label, string document) in sentences)
        {
            total[label]++;
            foreach (string term in terms)
            {
                if (!counts.TryGetValue(term, out int[]? c))
                {
                    c = new int[3];
                    counts[term] = c;
                    documents[term] = ([], []);
                }

                c[label]++;
                if (label != 1)
                {
                    (label == 0 ? documents[term].Negative : documents[term].Positive).Add(document);
                }
            }
        }

        double all = total.Sum();
        var scores = new Dictionary<string, (float, float)>(StringComparer.Ordinal);
        if (all == 0 || total.Any(t => t == 0))
        {
            return new PolarVocabulary(scores, use);
        }

        double[] share = [.. total.Select(t => t / all)];
        foreach ((string term, int[] c) in counts)
        {
            int n = c[0] + c[1] + c[2];
            if (n < MinCount)
            {
                continue;
            }

            double P(int k) => (c[k] + (PriorStrength * share[k])) / (n + PriorStrength);
            double neutral = Math.Log(P(1) / share[1]);
            double negative = Math.Log(P(0) / share[0]) - neutral, positive = Math.Log(P(2) / share[2]) - neutral;
            // A polar score backed by one document's sentences is that report's topic: kept only where it speaks for neutral.
            negative = documents[term].Negative.Count < MinDocuments ? Math.Min(0, negative) : negative;
            positive = documents[term].Positive.Count < MinDocuments ? Math.Min(0, positive) : positive;
            scores[term] = ((float)negative, (float)positive);
        }

        return new PolarVocabulary(scores, use);
    }

    /// <summary>The terms of <paramref name="context"/>'s previous sentence (<see cref="Terms"/>); empty without one.</summary>
    public static string[] PreviousTerms(StanceContext context) => context.Previous is { Length: > 0 } ? Terms(context.PreviousTokens) : [];

    /// <summary>
    /// The named features the classifier reads for a sentence of <paramref name="terms"/> after one of
    /// <paramref name="previousTerms"/>, by <see cref="Use"/>: <see cref="Features"/> of the sentence's terms and the
    /// negative sum and maximum of the previous sentence's (<see cref="PreviousFeatureNames"/>).
    /// </summary>
    public IReadOnlyList<(string Name, float Value)> ContextFeatures(IReadOnlyList<string> terms, IReadOnlyList<string> previousTerms)
    {
        var features = new List<(string, float)>(6);
        if (Use.HasFlag(PolarVocabularyUse.Sentence))
        {
            features.AddRange(Features(terms));
        }

        if (Use.HasFlag(PolarVocabularyUse.Previous))
        {
            IReadOnlyList<(string Name, float Value)> previous = Features(previousTerms);
            features.Add((PreviousFeatureNames[0], previous[0].Value));
            features.Add((PreviousFeatureNames[1], previous[1].Value));
        }

        return features;
    }

    /// <summary>
    /// The named features of a sentence's <paramref name="terms"/> (<see cref="Terms"/>), in <see cref="FeatureNames"/>'
    /// order, for each polar class: the saturated sum S / (1 + S) of the terms' positive scores and the largest score / 3
    /// (clamped to 0..1).
    /// </summary>
    public IReadOnlyList<(string Name, float Value)> Features(IReadOnlyList<string> terms)
    {
        double negSum = 0, negMax = 0, posSum = 0, posMax = 0;
        foreach (string term in terms)
        {
            if (_scores.TryGetValue(term, out (float Negative, float Positive) s))
            {
                negSum += Math.Max(0, s.Negative);
                negMax = Math.Max(negMax, s.Negative);
                posSum += Math.Max(0, s.Positive);
                posMax = Math.Max(posMax, s.Positive);
            }
        }

        return
        [
            (FeatureNames[0], (float)(negSum / (1 + negSum))),
            (FeatureNames[1], (float)Math.Min(1, negMax / 3)),
            (FeatureNames[2], (float)(posSum / (1 + posSum))),
            (FeatureNames[3], (float)Math.Min(1, posMax / 3)),
        ];
    }

    /// <summary>Writes the vocabulary as UTF-8 text: <see cref="Header"/>, then one term a line in ordinal order (byte-reproducible).</summary>
    public void Save(Stream stream)
    {
        var text = new StringBuilder();
        text.Append(Header).Append(Use.ToString()).Append('\n');
        foreach (string term in _scores.Keys.Order(StringComparer.Ordinal))
        {
            (float neg, float pos) = _scores[term];
            text.Append(term).Append('\t').Append(neg.ToString("R", CultureInfo.InvariantCulture)).Append('\t').Append(pos.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        byte[] bytes = new UTF8Encoding(false).GetBytes(text.ToString());
        stream.Write(bytes);
    }

    /// <summary>Reads a file written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> on any other content.</summary>
    public static PolarVocabulary Load(Stream stream)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        string? header = reader.ReadLine();
        if (header is null || !header.StartsWith(Header, StringComparison.Ordinal)
            || !Enum.TryParse(header[Header.Length..], out PolarVocabularyUse use) || use == PolarVocabularyUse.None || header[Header.Length..] != use.ToString())
        {
            throw new InvalidDataException("not a polar vocabulary of this version (header mismatch)");
        }

        var scores = new Dictionary<string, (float, float)>(StringComparer.Ordinal);
        int line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            string[] parts = text.Split('\t');
            if (parts.Length != 3 || parts[0].Length == 0
                || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out float neg) || !float.IsFinite(neg)
                || !float.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out float pos) || !float.IsFinite(pos)
                || !scores.TryAdd(parts[0], (neg, pos)))
            {
                throw new InvalidDataException($"line {line}: expected a new term and two finite scores separated by tabs");
            }
        }

        return new PolarVocabulary(scores, use);
    }
}

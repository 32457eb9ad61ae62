using System.IO.Compression;
using System.Text;

namespace TextLens.Core.Parsing;

/// <summary>
/// The weights of the multiclass linear tagger: one row of <see cref="PartOfSpeechNames.Count"/>
/// class weights per hashed feature slot, plus a bias per class. Trained by ML.NET
/// (PartOfSpeechTrainer in TextLens.Training); evaluated here in plain C# so that tagging a word costs a
/// few hundred multiply-adds rather than an ML.NET prediction call.
/// </summary>
public sealed class PartOfSpeechModel
{
    private const string Magic = "TLPOS1";
    private const int Classes = PartOfSpeechNames.Count;

    private readonly float[] _weights;
    private readonly float[] _bias;

    public PartOfSpeechModel(float[] weights, float[] bias)
    {
        if (weights.Length != PartOfSpeechFeatures.Buckets * Classes || bias.Length != Classes)
        {
            throw new ArgumentException("Weights must have one row of class weights per feature bucket.");
        }

        _weights = weights;
        _bias = bias;
    }

    /// <summary>Number of feature rows with at least one non-zero weight.</summary>
    public int ActiveRows
    {
        get
        {
            int n = 0;
            for (int r = 0; r < PartOfSpeechFeatures.Buckets; r++)
            {
                if (_weights.AsSpan(r * Classes, Classes).ContainsAnyExcept(0f))
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>Tags one sentence greedily, left to right.</summary>
    public PartOfSpeech[] Tag(IReadOnlyList<string> words) => Tag(words, default);

    /// <summary>
    /// Tags one sentence greedily, left to right, and writes for every word the probability the model
    /// gives a verb reading (VERB or AUX; softmax of the class scores) into <paramref name="verbProbability"/>
    /// when it is not empty: a word tagged NOUN or ADJ with a high verb probability is an ambiguous form
    /// (presents, affecting) that the greedy tagger may have got wrong.
    /// </summary>
    public PartOfSpeech[] Tag(IReadOnlyList<string> words, Span<float> verbProbability)
    {
        string[] lower = PartOfSpeechFeatures.LowerForms(words);
        var tags = new PartOfSpeech[words.Count];
        Span<int> features = stackalloc int[PartOfSpeechFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[Classes];
        for (int i = 0; i < tags.Length; i++)
        {
            int prev = i > 0 ? (int)tags[i - 1] : PartOfSpeechFeatures.StartTag;
            int prev2 = i > 1 ? (int)tags[i - 2] : PartOfSpeechFeatures.StartTag;
            int n = PartOfSpeechFeatures.Extract(words, lower, i, prev, prev2, features);
            tags[i] = Predict(features[..n], scores);
            if (!verbProbability.IsEmpty)
            {
                verbProbability[i] = VerbProbability(scores, tags[i]);
            }
        }

        return tags;
    }

    private static float VerbProbability(ReadOnlySpan<float> scores, PartOfSpeech best)
    {
        float max = scores[(int)best];
        float sum = 0;
        foreach (float s in scores)
        {
            sum += MathF.Exp(s - max);
        }

        return (MathF.Exp(scores[(int)PartOfSpeech.Verb] - max) + MathF.Exp(scores[(int)PartOfSpeech.Aux] - max)) / sum;
    }

    /// <summary>The best class for a set of feature slots (each with value 1).</summary>
    public PartOfSpeech Predict(ReadOnlySpan<int> features, Span<float> scores)
    {
        _bias.CopyTo(scores);
        foreach (int f in features)
        {
            ReadOnlySpan<float> row = _weights.AsSpan(f * Classes, Classes);
            for (int c = 0; c < Classes; c++)
            {
                scores[c] += row[c];
            }
        }

        int best = 0;
        for (int c = 1; c < Classes; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return (PartOfSpeech)best;
    }

    /// <summary>
    /// Writes the model gzip-compressed: a header, the biases, then the non-zero rows as
    /// (row delta, class mask, half-precision weights of the classes in the mask).
    /// </summary>
    public void Save(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(PartOfSpeechFeatures.BucketBits);
        w.Write(Classes);
        foreach (float b in _bias)
        {
            w.Write(b);
        }

        int last = -1;
        for (int r = 0; r < PartOfSpeechFeatures.Buckets; r++)
        {
            ReadOnlySpan<float> row = _weights.AsSpan(r * Classes, Classes);
            int mask = 0;
            for (int c = 0; c < Classes; c++)
            {
                if ((Half)row[c] != Half.Zero)
                {
                    mask |= 1 << c;
                }
            }

            if (mask == 0)
            {
                continue;
            }

            w.Write7BitEncodedInt(r - last);
            w.Write7BitEncodedInt(mask);
            for (int c = 0; c < Classes; c++)
            {
                if ((mask & (1 << c)) != 0)
                {
                    w.Write((Half)row[c]);
                }
            }

            last = r;
        }

        w.Write7BitEncodedInt(0);
    }

    public static PartOfSpeechModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(new BufferedStream(gzip, 1 << 16), Encoding.UTF8);
        if (r.ReadString() != Magic || r.ReadInt32() != PartOfSpeechFeatures.BucketBits || r.ReadInt32() != Classes)
        {
            throw new InvalidDataException("Not a TextLens part-of-speech model of this version.");
        }

        var bias = new float[Classes];
        for (int c = 0; c < Classes; c++)
        {
            bias[c] = r.ReadSingle();
        }

        var weights = new float[PartOfSpeechFeatures.Buckets * Classes];
        int row = -1;
        while (true)
        {
            int delta = r.Read7BitEncodedInt();
            if (delta == 0)
            {
                break;
            }

            row += delta;
            int mask = r.Read7BitEncodedInt();
            for (int c = 0; c < Classes; c++)
            {
                if ((mask & (1 << c)) != 0)
                {
                    weights[(row * Classes) + c] = (float)r.ReadHalf();
                }
            }
        }

        return new PartOfSpeechModel(weights, bias);
    }
}

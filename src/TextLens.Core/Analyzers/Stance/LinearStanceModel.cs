using System.IO.Compression;
using System.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// A trained linear model over <see cref="StanceFeaturizer"/> vectors — a multinomial logistic (maximum
/// entropy) classifier (optionally with a value per class, e.g. the mean rating of each bin of an
/// ordinal model), or a regressor with one output named "score" —
/// stored compactly: the weights ML.NET learned, exported to a small gzip binary (magic "TLSM", format
/// version, featurizer version, class names, biases and the non-zero weight rows) that loads in
/// milliseconds without building an ML.NET pipeline. Immutable and thread-safe.
/// </summary>
public sealed class LinearStanceModel
{
    private const int Magic = 0x4D534C54; // "TLSM"
    /// <summary>Format 1: no class values; format 2 adds them (written only when present, so format-1 models stay byte-identical).</summary>
    private const int FormatVersion = 1;
    private const int FormatVersionWithValues = 2;

    private readonly Dictionary<int, float[]> _weights;
    private readonly float[] _bias;

    public LinearStanceModel(string axis, IReadOnlyList<string> classes, float[] bias, Dictionary<int, float[]> weights, bool regression = false, IReadOnlyList<double>? classValues = null)
    {
        if (classValues is not null && (regression || classValues.Count != classes.Count))
        {
            throw new ArgumentException("Class values need a classifier and one value per class.", nameof(classValues));
        }

        if (bias.Length != classes.Count || weights.Values.Any(w => w.Length != classes.Count))
        {
            throw new ArgumentException("Every weight row and the bias need one value per class.");
        }

        if (regression && classes.Count != 1)
        {
            throw new ArgumentException("A regression model has exactly one output.");
        }

        Axis = axis;
        IsRegression = regression;
        Classes = classes;
        ClassValues = classValues;
        _bias = bias;
        _weights = weights;
    }

    public string Axis { get; }

    /// <summary>True for a regressor: <see cref="Predict"/> returns the single raw linear output.</summary>
    public bool IsRegression { get; }

    /// <summary>The class names, in the order of <see cref="Predict"/>'s probabilities.</summary>
    public IReadOnlyList<string> Classes { get; }

    public int NonZeroFeatures => _weights.Count;

    /// <summary>The same model with a value for each class.</summary>
    public LinearStanceModel WithClassValues(IReadOnlyList<double> values) => new(Axis, Classes, _bias, _weights, IsRegression, values);

    /// <summary>
    /// The classifier with temperature <paramref name="temperature"/> folded into its weights: every bias and weight divided
    /// by it, so <see cref="Predict"/> gives softmax(scores / T) — the same ranking of classes, confidences calibrated (T &gt; 1
    /// softens an overconfident model). Saved like any model: every reader of the file applies the temperature.
    /// </summary>
    public LinearStanceModel WithTemperature(double temperature)
    {
        if (IsRegression || !(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentException("A temperature needs a classifier and a positive finite value.", nameof(temperature));
        }

        float inverse = (float)(1 / temperature);
        float[] bias = [.. _bias.Select(b => b * inverse)];
        var weights = _weights.ToDictionary(kv => kv.Key, kv => kv.Value.Select(w => w * inverse).ToArray());
        return new LinearStanceModel(Axis, Classes, bias, weights, IsRegression, ClassValues);
    }

    /// <summary>The value each class stands for (an ordinal model's mean rating per bin), or null.</summary>
    public IReadOnlyList<double>? ClassValues { get; }

    /// <summary>The expected value of the output: a regressor's raw output, or Σ P(class) × value for a classifier with <see cref="ClassValues"/>.</summary>
    public double Expected(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        double[] p = Predict(indices, values);
        if (IsRegression)
        {
            return p[0];
        }

        if (ClassValues is null)
        {
            throw new InvalidOperationException($"The {Axis} classifier has no class values.");
        }

        double e = 0;
        for (int c = 0; c < p.Length; c++)
        {
            e += p[c] * ClassValues[c];
        }

        return e;
    }

    /// <summary>The <see cref="StanceFeaturizer"/> version the model reads (per axis; checked on load).</summary>
    public int FeatureVersion => StanceFeaturizer.VersionFor(Axis);

    public int ClassIndex(string name)
    {
        for (int i = 0; i < Classes.Count; i++)
        {
            if (Classes[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The {Axis} model has no class '{name}'.");
    }

    /// <summary>Class probabilities (softmax of the linear scores), or the raw output of a regressor.</summary>
    public double[] Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        var scores = new double[Classes.Count];
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] = _bias[c];
        }

        for (int i = 0; i < indices.Length; i++)
        {
            if (_weights.TryGetValue(indices[i], out float[]? row))
            {
                for (int c = 0; c < row.Length; c++)
                {
                    scores[c] += row[c] * values[i];
                }
            }
        }

        if (IsRegression)
        {
            return scores;
        }

        double max = scores.Max();
        double total = 0;
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] = Math.Exp(scores[c] - max);
            total += scores[c];
        }

        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] /= total;
        }

        return scores;
    }

    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8);
        w.Write(Magic);
        w.Write(ClassValues is null ? FormatVersion : FormatVersionWithValues);
        w.Write(StanceFeaturizer.VersionFor(Axis));
        w.Write(StanceFeaturizer.HashBits);
        w.Write(Axis);
        w.Write(IsRegression);
        w.Write(Classes.Count);
        foreach (string c in Classes)
        {
            w.Write(c);
        }

        foreach (double v in ClassValues ?? [])
        {
            w.Write(v);
        }

        foreach (float b in _bias)
        {
            w.Write(b);
        }

        w.Write(_weights.Count);
        foreach ((int index, float[] row) in _weights.OrderBy(kv => kv.Key))
        {
            w.Write(index);
            foreach (float x in row)
            {
                w.Write(x);
            }
        }
    }

    public static LinearStanceModel Load(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gz, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8);
        int format = r.ReadInt32() == Magic ? r.ReadInt32() : -1;
        if (format is not (FormatVersion or FormatVersionWithValues))
        {
            throw new InvalidDataException("Not a TextLens stance model (expected magic TLSM, format 1 or 2).");
        }

        int featurizer = r.ReadInt32();
        int bits = r.ReadInt32();
        string axis = r.ReadString();
        int expected = StanceFeaturizer.VersionFor(axis);
        if (featurizer != expected || bits != StanceFeaturizer.HashBits)
        {
            throw new InvalidDataException($"The {axis} stance model was trained with featurizer v{featurizer}/{bits} bits; this build uses v{expected}/{StanceFeaturizer.HashBits}. Retrain it with 'textlens train stance'.");
        }

        bool regression = r.ReadBoolean();
        int k = r.ReadInt32();
        string[] classes = new string[k];
        for (int i = 0; i < k; i++)
        {
            classes[i] = r.ReadString();
        }

        double[]? classValues = null;
        if (format == FormatVersionWithValues)
        {
            classValues = new double[k];
            for (int i = 0; i < k; i++)
            {
                classValues[i] = r.ReadDouble();
            }
        }

        float[] bias = new float[k];
        for (int i = 0; i < k; i++)
        {
            bias[i] = r.ReadSingle();
        }

        int n = r.ReadInt32();
        var weights = new Dictionary<int, float[]>(n);
        for (int i = 0; i < n; i++)
        {
            int index = r.ReadInt32();
            float[] row = new float[k];
            for (int c = 0; c < k; c++)
            {
                row[c] = r.ReadSingle();
            }

            weights[index] = row;
        }

        return new LinearStanceModel(axis, classes, bias, weights, regression, classValues);
    }
}

using System.Buffers.Binary;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The second stage of the epistemic tagger: boosted regression trees (one ensemble per class, trained one-vs-rest by ML.NET's
/// FastTree in <c>TextLens.Training</c>) over the linear model's class scores, the cue strengths and the named features of
/// <see cref="EpistemicFeatures"/> — the interactions a linear model cannot weigh (a modal × its subject × its verb group, a
/// reporting verb × its source × its position). Stored in a small fixed little-endian layout (see <see cref="Save"/>) and
/// evaluated here, so the tool needs no tree trainer at run time. A class's score is its bias plus one leaf value per tree;
/// the probabilities are softmax(score / <see cref="Temperature"/>). Immutable and thread-safe.
/// </summary>
public sealed class EpistemicTrees
{
    public const string FileName = "stance-epistemic-trees.tlet";

    /// <summary>The inputs every model reads first, in this order; the named features of its vocabulary follow.</summary>
    public static IReadOnlyList<string> FixedInputs { get; } =
    [
        "linear:hedged-asserted", "linear:attributed-asserted", "linear:prescriptive-asserted", "linear:max-probability",
        "cues:hedge", "cues:attribution", "cues:prescription", "cues:booster", "cues:quotation",
    ];

    private static ReadOnlySpan<byte> Magic => "TLET"u8;

    private const int FormatVersion = 1;

    /// <summary>Magic, format, featurizer version, classes, inputs, names size, trees, nodes, flags, reserved (4 bytes each), then two float64.</summary>
    private const int HeaderSize = 56;

    private const int ResidualFlag = 1;

    /// <summary>How the messages name the file.</summary>
    private const string What = "epistemic";

    private readonly Dictionary<string, int> _named;
    private readonly float[] _bias;
    private readonly Tree[][] _trees;

    /// <param name="classes">The class names (the epistemic classes, in order).</param>
    /// <param name="inputs">The input names: <see cref="FixedInputs"/> then the named features read.</param>
    /// <param name="bias">One bias per class.</param>
    /// <param name="trees">Each class's trees.</param>
    /// <param name="linearTemperature">The temperature folded into the linear model that feeds the trees (its log-odds are multiplied back by it).</param>
    /// <param name="temperature">The temperature of the output softmax.</param>
    /// <param name="residual">The trees correct the linear model's scores (each class's score starts from its linear log-odds against asserted) rather than replace them.</param>
    public EpistemicTrees(IReadOnlyList<string> classes, IReadOnlyList<string> inputs, float[] bias, IReadOnlyList<IReadOnlyList<Tree>> trees, double linearTemperature = 1, double temperature = 1, bool residual = false)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(inputs);
        TreeEnsembleFile.CheckShape(classes, inputs, FixedInputs, bias, trees);
        if (!(linearTemperature > 0) || !double.IsFinite(linearTemperature) || !(temperature > 0) || !double.IsFinite(temperature) || bias.Any(b => !float.IsFinite(b)))
        {
            throw new ArgumentException("The temperatures must be positive and finite, the biases finite.");
        }

        Classes = [.. classes];
        Inputs = [.. inputs];
        _named = TreeEnsembleFile.Named(Inputs, FixedInputs.Count);
        _bias = (float[])bias.Clone();
        _trees = TreeEnsembleFile.Validated(trees, Inputs.Count);

        if (residual && classes.Count != 4)
        {
            throw new ArgumentException("Residual trees correct the four epistemic classes' linear scores.", nameof(residual));
        }

        LinearTemperature = linearTemperature;
        Temperature = temperature;
        Residual = residual;
    }

    /// <summary>The trees add to the linear model's log-odds (class 0 at 0, class c at input c − 1) instead of replacing them.</summary>
    public bool Residual { get; }

    public IReadOnlyList<string> Classes { get; }

    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The temperature folded into the linear model the trees read: its log-odds are multiplied by it, so the trees see the scores they were trained on.</summary>
    public double LinearTemperature { get; }

    /// <summary>The temperature of the output softmax (fitted on out-of-fold predictions).</summary>
    public double Temperature { get; }

    public int TreeCount => _trees.Sum(t => t.Length);

    /// <summary>The same trees with another output temperature.</summary>
    public EpistemicTrees WithTemperature(double temperature) => new(Classes, Inputs, _bias, _trees, LinearTemperature, temperature, Residual);

    /// <summary>The same trees reading a linear model with <paramref name="linearTemperature"/> folded in.</summary>
    public EpistemicTrees WithLinearTemperature(double linearTemperature) => new(Classes, Inputs, _bias, _trees, linearTemperature, Temperature, Residual);

    /// <summary>
    /// The input vector of one sentence: the linear model's log-odds of each class against asserted (times
    /// <paramref name="linearTemperature"/>) and its largest probability, the cue strengths, and the value of each named
    /// feature of <paramref name="inputs"/> (summed where a name repeats; 0 where absent).
    /// </summary>
    public static float[] InputsOf(IReadOnlyList<string> inputs, IReadOnlyDictionary<string, int> named, double[] linear, double linearTemperature, CueScores scores, IReadOnlyList<(string Name, float Value)> features)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(linear);
        var x = new float[inputs.Count];
        double l0 = Math.Log(Math.Max(linear[0], 1e-300));
        for (int c = 1; c < 4; c++)
        {
            x[c - 1] = (float)(linearTemperature * (Math.Log(Math.Max(linear[c], 1e-300)) - l0));
        }

        x[3] = (float)linear.Max();
        x[4] = (float)scores.Hedge;
        x[5] = (float)scores.Attribution;
        x[6] = (float)scores.Prescription;
        x[7] = (float)scores.Booster;
        x[8] = (float)scores.Quotation;
        foreach ((string name, float value) in features)
        {
            if (named.TryGetValue(name, out int i))
            {
                x[i] += value;
            }
        }

        return x;
    }

    /// <summary>The input vector of one sentence for these trees (<see cref="InputsOf(IReadOnlyList{string}, IReadOnlyDictionary{string, int}, double[], double, CueScores, IReadOnlyList{ValueTuple{string, float}})"/>).</summary>
    public float[] InputsOf(double[] linear, CueScores scores, IReadOnlyList<(string Name, float Value)> features) =>
        InputsOf(Inputs, _named, linear, LinearTemperature, scores, features);

    /// <summary>Each class's raw score: its bias plus the leaf each of its trees reaches (plus, for <see cref="Residual"/> trees, its linear log-odds).</summary>
    public double[] Scores(ReadOnlySpan<float> x)
    {
        if (x.Length != Inputs.Count)
        {
            throw new ArgumentException($"The trees read {Inputs.Count} inputs, not {x.Length}.", nameof(x));
        }

        var s = new double[Classes.Count];
        for (int c = 0; c < s.Length; c++)
        {
            s[c] = TreeEnsembleFile.Sum(_bias[c] + (Residual && c > 0 ? x[c - 1] : 0), _trees[c], x);
        }

        return s;
    }

    /// <summary>Class probabilities: softmax(scores / <see cref="Temperature"/>).</summary>
    public double[] Predict(ReadOnlySpan<float> x) => Softmax(Scores(x), Temperature);

    /// <summary>softmax(scores / temperature).</summary>
    public static double[] Softmax(double[] scores, double temperature)
    {
        double max = scores.Max() / temperature;
        double[] e = [.. scores.Select(v => Math.Exp((v / temperature) - max))];
        double total = e.Sum();
        return [.. e.Select(v => v / total)];
    }

    /// <summary>
    /// Writes format 1, little-endian, fixed layout: a 56-byte header ("TLET", format 1, featurizer version, class count k,
    /// input count m, size of the names block, tree count t, internal node count n, flags (1: residual), 0, then the linear
    /// temperature and the output temperature as float64); the names block (the k class names then the m input names, each an int32 byte
    /// length and UTF-8 bytes, zero-padded to a multiple of 8 bytes); k float32 biases and k int32 tree counts (each
    /// array padded to 8 bytes); t int32 node counts (padded to 8 bytes); then for the n internal nodes of all trees in
    /// order, n int32 split inputs, n float32 thresholds (an input ≤ the threshold goes left), n int32 left and n int32
    /// right children (a child ≥ 0 is a node of the same tree, ~leaf otherwise); then the n + t float32 leaf values
    /// (each tree has one leaf more than nodes). The same trees always write the same bytes.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] data = TreeEnsembleFile.Write(HeaderSize, Classes, Inputs, _bias, _trees, out int namesSize, out int t, out int n);
        Span<byte> d = data;
        Magic.CopyTo(d);
        BinaryPrimitives.WriteInt32LittleEndian(d[4..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(d[8..], StanceFeaturizer.EpistemicVersion);
        BinaryPrimitives.WriteInt32LittleEndian(d[12..], Classes.Count);
        BinaryPrimitives.WriteInt32LittleEndian(d[16..], Inputs.Count);
        BinaryPrimitives.WriteInt32LittleEndian(d[20..], namesSize);
        BinaryPrimitives.WriteInt32LittleEndian(d[24..], t);
        BinaryPrimitives.WriteInt32LittleEndian(d[28..], n);
        BinaryPrimitives.WriteInt32LittleEndian(d[32..], Residual ? ResidualFlag : 0);
        BinaryPrimitives.WriteDoubleLittleEndian(d[40..], LinearTemperature);
        BinaryPrimitives.WriteDoubleLittleEndian(d[48..], Temperature);
        stream.Write(data);
    }

    /// <summary>
    /// Reads format 1 (see <see cref="Save"/>). A short file is an <see cref="EndOfStreamException"/>; any other mismatch
    /// (magic, format, featurizer version, counts, a child or input out of range, trailing bytes) an <see cref="InvalidDataException"/>.
    /// </summary>
    public static EpistemicTrees Load(Stream stream)
    {
        byte[] data = TreeEnsembleFile.ReadHeader(stream, Magic, FormatVersion, HeaderSize, What);
        ReadOnlySpan<byte> d = data;
        int featurizer = BinaryPrimitives.ReadInt32LittleEndian(d[8..]);
        int k = BinaryPrimitives.ReadInt32LittleEndian(d[12..]);
        int m = BinaryPrimitives.ReadInt32LittleEndian(d[16..]);
        int namesSize = BinaryPrimitives.ReadInt32LittleEndian(d[20..]);
        int t = BinaryPrimitives.ReadInt32LittleEndian(d[24..]);
        int n = BinaryPrimitives.ReadInt32LittleEndian(d[28..]);
        int flags = BinaryPrimitives.ReadInt32LittleEndian(d[32..]);
        int reserved = BinaryPrimitives.ReadInt32LittleEndian(d[36..]);
        double linearTemperature = BinaryPrimitives.ReadDoubleLittleEndian(d[40..]);
        double temperature = BinaryPrimitives.ReadDoubleLittleEndian(d[48..]);
        if (featurizer != StanceFeaturizer.EpistemicVersion)
        {
            throw new InvalidDataException($"The epistemic trees read featurizer v{featurizer}; this build uses v{StanceFeaturizer.EpistemicVersion}. Retrain them with 'textlens train stance'.");
        }

        if ((flags & ~ResidualFlag) != 0 || reserved != 0 || !TreeEnsembleFile.InRange(k, m, FixedInputs.Count, namesSize, t, n, data.Length))
        {
            throw TreeEnsembleFile.CorruptHeader(What, k, m, namesSize, t, n);
        }

        (string[] names, float[] bias, List<Tree>[] trees) = TreeEnsembleFile.ReadBody(data, HeaderSize, k, m, namesSize, t, n, What);
        return TreeEnsembleFile.Construct(() => new EpistemicTrees(names[..k], names[k..], bias, trees, linearTemperature, temperature, (flags & ResidualFlag) != 0), What);
    }

    /// <summary>
    /// One regression tree: internal node j splits on input <see cref="Feature"/>[j] (≤ <see cref="Threshold"/>[j] goes to
    /// <see cref="Left"/>[j], else <see cref="Right"/>[j]); a child ≥ 0 is a node after j, a negative child ~c is leaf c.
    /// A tree without nodes is its single leaf.
    /// </summary>
    public sealed record Tree(int[] Feature, float[] Threshold, int[] Left, int[] Right, float[] Leaves)
    {
        public int Nodes => Feature.Length;

        public double Evaluate(ReadOnlySpan<float> x)
        {
            if (Feature.Length == 0)
            {
                return Leaves[0];
            }

            int node = 0;
            while (true)
            {
                int next = x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
                if (next < 0)
                {
                    return Leaves[~next];
                }

                node = next;
            }
        }

        /// <summary>Throws <see cref="ArgumentException"/> unless the tree is well formed: children only forward (no cycles), every leaf reached once, inputs in range, values finite.</summary>
        internal void Validate(int inputs)
        {
            int nodes = Feature.Length;
            if (Threshold.Length != nodes || Left.Length != nodes || Right.Length != nodes || Leaves.Length != nodes + 1)
            {
                throw new ArgumentException($"A tree of {nodes} nodes needs {nodes} splits and {nodes + 1} leaves.");
            }

            var seen = new bool[nodes + 1];
            for (int j = 0; j < nodes; j++)
            {
                if ((uint)Feature[j] >= (uint)inputs || float.IsNaN(Threshold[j]))
                {
                    throw new ArgumentException($"A tree's node {j} splits on input {Feature[j]} of {inputs} at {Threshold[j]}.");
                }

                foreach (int child in (ReadOnlySpan<int>)[Left[j], Right[j]])
                {
                    bool ok = child >= 0 ? child > j && child < nodes : ~child <= nodes && !seen[~child];
                    if (!ok)
                    {
                        throw new ArgumentException($"A tree's node {j} has the child {child}, out of range or reached twice.");
                    }

                    if (child < 0)
                    {
                        seen[~child] = true;
                    }
                }
            }

            if ((nodes > 0 && seen.Any(s => !s)) || Leaves.Any(v => !float.IsFinite(v)))
            {
                throw new ArgumentException("A tree has a leaf no node reaches or a value that is not finite.");
            }
        }
    }
}

using System.Buffers.Binary;
using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// A nonlinear second stage of the polarity tagger (twenty-first round, `train stance --polarity-trees`; not shipped unless
/// models/stance-polarity.md says so): boosted regression trees, one ensemble per polarity class (trained by ML.NET's FastTree
/// in <c>TextLens.Training</c>, residual: one LogitBoost step), over a small dense vector per sentence (<see cref="PolarityStage"/>:
/// the stage-1 blend's probabilities and gate, the VADER valence sums, negators, the clause parts, attribution and quotation,
/// the heading flag, the length, and the classifier's named context features). Class c's score is log P₁(c) + its bias + the
/// leaf each of its trees reaches; the probabilities are softmax(score / <see cref="Temperature"/>). Stored in a small fixed
/// little-endian layout (<see cref="Save"/>) and evaluated here, so the tool needs no tree trainer at run time. Immutable and
/// thread-safe.
/// </summary>
public sealed class PolarityTrees
{
    public const string FileName = "stance-polarity-trees.tlpt";

    /// <summary>The inputs every model reads first, in this order (<see cref="PolarityStage.Fixed"/>); the named features of its vocabulary follow.</summary>
    public static IReadOnlyList<string> FixedInputs { get; } =
    [
        "blend:negative-neutral", "blend:positive-neutral", "blend:max-probability", "gate:analysis",
        "valence:positive", "valence:negative", "valence:compound", "negators",
        "clause:conceded", "clause:conditional", "cl:sub-pos", "cl:sub-neg", "cl:cond-pos", "cl:cond-neg", "cl:main-pos", "cl:main-neg",
        "cues:attribution", "cues:quotation", "heading", "tokens",
    ];

    private static ReadOnlySpan<byte> Magic => "TLPT"u8;

    private const int FormatVersion = 1;

    /// <summary>Magic, format, classes, inputs, names size, trees, nodes, reserved (4 bytes each), then the temperature as float64.</summary>
    private const int HeaderSize = 40;

    /// <summary>How the messages name the file.</summary>
    private const string What = "polarity";

    private readonly Dictionary<string, int> _named;
    private readonly float[] _bias;
    private readonly EpistemicTrees.Tree[][] _trees;

    /// <param name="classes">The polarity classes, in the order of the polarity model.</param>
    /// <param name="inputs">The input names: <see cref="FixedInputs"/> then the named features read.</param>
    /// <param name="bias">One bias per class.</param>
    /// <param name="trees">Each class's trees.</param>
    /// <param name="temperature">The temperature of the output softmax.</param>
    public PolarityTrees(IReadOnlyList<string> classes, IReadOnlyList<string> inputs, float[] bias, IReadOnlyList<IReadOnlyList<EpistemicTrees.Tree>> trees, double temperature = 1)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(trees);
        TreeEnsembleFile.CheckShape(classes, inputs, FixedInputs, bias, trees);
        if (!(temperature > 0) || !double.IsFinite(temperature) || bias.Any(b => !float.IsFinite(b)))
        {
            throw new ArgumentException("The temperature must be positive and finite, the biases finite.");
        }

        Classes = [.. classes];
        Inputs = [.. inputs];
        _named = TreeEnsembleFile.Named(Inputs, FixedInputs.Count);
        _bias = (float[])bias.Clone();
        _trees = TreeEnsembleFile.Validated(trees, Inputs.Count);

        Temperature = temperature;
    }

    public IReadOnlyList<string> Classes { get; }

    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The temperature of the output softmax.</summary>
    public double Temperature { get; }

    public int TreeCount => _trees.Sum(t => t.Length);

    /// <summary>How many splits of the trees read each input (for the model card).</summary>
    public IReadOnlyList<int> SplitCounts()
    {
        var counts = new int[Inputs.Count];
        foreach (EpistemicTrees.Tree t in _trees.SelectMany(t => t))
        {
            foreach (int f in t.Feature)
            {
                counts[f]++;
            }
        }

        return counts;
    }

    /// <summary>The input vector of one sentence: <paramref name="stage"/>'s fixed inputs, then the value of each named feature of <paramref name="inputs"/> (summed where a name repeats; 0 where absent).</summary>
    public static float[] InputsOf(IReadOnlyList<string> inputs, IReadOnlyDictionary<string, int> named, PolarityStage stage)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(named);
        ArgumentNullException.ThrowIfNull(stage);
        var x = new float[inputs.Count];
        stage.Fixed.AsSpan(0, Math.Min(stage.Fixed.Length, FixedInputs.Count)).CopyTo(x);
        foreach ((string name, float value) in stage.Named)
        {
            if (named.TryGetValue(name, out int i))
            {
                x[i] += value;
            }
        }

        return x;
    }

    /// <summary>The input vector of one sentence for these trees.</summary>
    public float[] InputsOf(PolarityStage stage) => InputsOf(Inputs, _named, stage);

    /// <summary>Each class's raw score: log P₁(c) (<paramref name="stage1"/>: the blend's probabilities) plus its bias plus the leaf each of its trees reaches.</summary>
    public double[] Scores(ReadOnlySpan<float> x, double[] stage1)
    {
        ArgumentNullException.ThrowIfNull(stage1);
        if (x.Length != Inputs.Count || stage1.Length != Classes.Count)
        {
            throw new ArgumentException($"The trees read {Inputs.Count} inputs and {Classes.Count} probabilities, not {x.Length} and {stage1.Length}.");
        }

        var s = new double[Classes.Count];
        for (int c = 0; c < s.Length; c++)
        {
            s[c] = TreeEnsembleFile.Sum(Math.Log(Math.Max(stage1[c], 1e-12)) + _bias[c], _trees[c], x);
        }

        return s;
    }

    /// <summary>The second stage's class probabilities of one sentence.</summary>
    public double[] Predict(PolarityStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return EpistemicTrees.Softmax(Scores(InputsOf(stage), stage.Probabilities), Temperature);
    }

    /// <summary>
    /// Writes format 1, little-endian, fixed layout: a 40-byte header ("TLPT", format 1, class count k, input count m, size of
    /// the names block, tree count t, internal node count n, 0, the output temperature as float64); the names block (the k class
    /// names then the m input names, each an int32 byte length and UTF-8 bytes, zero-padded to a multiple of 8 bytes); k float32
    /// biases and k int32 tree counts (each array padded to 8 bytes); t int32 node counts (padded to 8 bytes); then for the n
    /// internal nodes of all trees in order, n int32 split inputs, n float32 thresholds (an input ≤ the threshold goes left),
    /// n int32 left and n int32 right children (a child ≥ 0 is a node of the same tree, ~leaf otherwise); then the n + t float32
    /// leaf values. The same trees always write the same bytes.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] data = TreeEnsembleFile.Write(HeaderSize, Classes, Inputs, _bias, _trees, out int namesSize, out int t, out int n);
        Span<byte> d = data;
        Magic.CopyTo(d);
        BinaryPrimitives.WriteInt32LittleEndian(d[4..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(d[8..], Classes.Count);
        BinaryPrimitives.WriteInt32LittleEndian(d[12..], Inputs.Count);
        BinaryPrimitives.WriteInt32LittleEndian(d[16..], namesSize);
        BinaryPrimitives.WriteInt32LittleEndian(d[20..], t);
        BinaryPrimitives.WriteInt32LittleEndian(d[24..], n);
        BinaryPrimitives.WriteDoubleLittleEndian(d[32..], Temperature);
        stream.Write(data);
    }

    /// <summary>
    /// Reads format 1 (see <see cref="Save"/>). A short file is an <see cref="EndOfStreamException"/>; any other mismatch
    /// (magic, format, counts, a child or input out of range, a value not finite, trailing bytes) an <see cref="InvalidDataException"/>.
    /// </summary>
    public static PolarityTrees Load(Stream stream)
    {
        byte[] data = TreeEnsembleFile.ReadHeader(stream, Magic, FormatVersion, HeaderSize, What);
        ReadOnlySpan<byte> d = data;
        int k = BinaryPrimitives.ReadInt32LittleEndian(d[8..]);
        int m = BinaryPrimitives.ReadInt32LittleEndian(d[12..]);
        int namesSize = BinaryPrimitives.ReadInt32LittleEndian(d[16..]);
        int t = BinaryPrimitives.ReadInt32LittleEndian(d[20..]);
        int n = BinaryPrimitives.ReadInt32LittleEndian(d[24..]);
        int reserved = BinaryPrimitives.ReadInt32LittleEndian(d[28..]);
        double temperature = BinaryPrimitives.ReadDoubleLittleEndian(d[32..]);
        if (reserved != 0 || !TreeEnsembleFile.InRange(k, m, FixedInputs.Count, namesSize, t, n, data.Length))
        {
            throw TreeEnsembleFile.CorruptHeader(What, k, m, namesSize, t, n);
        }

        (string[] names, float[] bias, List<EpistemicTrees.Tree>[] trees) = TreeEnsembleFile.ReadBody(data, HeaderSize, k, m, namesSize, t, n, What);
        return TreeEnsembleFile.Construct(() => new PolarityTrees(names[..k], names[k..], bias, trees, temperature), What);
    }
}

/// <summary>
/// What the polarity second stage (<see cref="PolarityTrees"/>) reads of one sentence: the stage-1 blend's class
/// probabilities, the fixed dense inputs (<see cref="PolarityTrees.FixedInputs"/>, in order) and the classifier's named
/// context features (<see cref="PolarityContext"/>).
/// </summary>
public sealed record PolarityStage(double[] Probabilities, float[] Fixed, IReadOnlyList<(string Name, float Value)> Named)
{
    /// <summary>
    /// The inputs of one sentence that do not depend on the stage-1 models (<see cref="PolarityTrees.FixedInputs"/> from
    /// "valence:positive" on; the first four, the blend's, are left 0 for <see cref="WithBlend"/>): one pass over the words
    /// for the valences, one for the clause parts.
    /// </summary>
    public static float[] SentenceInputs(ReadOnlySpan<Token> tokens, ValenceLexicon lexicon, CueScores scores, bool heading)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var x = new float[PolarityTrees.FixedInputs.Count];
        IReadOnlyList<string> words = DocumentTone.Words(tokens);
        double positive = 0, negative = 0;
        int negators = 0;
        double[] valences = lexicon.Valences(words, inflected: true);
        for (int i = 0; i < valences.Length; i++)
        {
            positive += Math.Max(0, valences[i]);
            negative += Math.Max(0, -valences[i]);
            negators += ValenceLexicon.IsNegation(words[i]) ? 1 : 0;
        }

        x[4] = (float)positive;
        x[5] = (float)negative;
        x[6] = (float)ValenceLexicon.Compound(positive - negative);
        x[7] = negators;
        (bool conceded, bool conditional) = ClauseZones.Parts(tokens);
        x[8] = conceded ? 1 : 0;
        x[9] = conditional ? 1 : 0;
        IReadOnlyList<(string Name, float Value)> parts = ClauseZones.Of(tokens, lexicon, ClauseParts.Concessions | ClauseParts.Conditions);
        for (int i = 0; i < parts.Count; i++)
        {
            x[10 + i] = parts[i].Value;
        }

        x[16] = (float)scores.Attribution;
        x[17] = (float)scores.Quotation;
        x[18] = heading ? 1 : 0;
        x[19] = tokens.Length;
        return x;
    }

    /// <summary>
    /// The stage of a sentence from its <paramref name="sentence"/> inputs (<see cref="SentenceInputs"/>, copied) and the stage-1 blend's
    /// class probabilities <paramref name="p"/> (copied; classes negative / neutral / positive at <paramref name="negative"/>,
    /// <paramref name="neutral"/>, <paramref name="positive"/>) and gate probability of analysis prose.
    /// </summary>
    public static PolarityStage WithBlend(float[] sentence, double[] p, int negative, int neutral, int positive, double gate, IReadOnlyList<(string Name, float Value)> named)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(p);
        float[] x = (float[])sentence.Clone();
        double logNeutral = Math.Log(Math.Max(p[neutral], 1e-12));
        x[0] = (float)(Math.Log(Math.Max(p[negative], 1e-12)) - logNeutral);
        x[1] = (float)(Math.Log(Math.Max(p[positive], 1e-12)) - logNeutral);
        x[2] = (float)p.Max();
        x[3] = (float)gate;
        return new PolarityStage((double[])p.Clone(), x, named);
    }
}

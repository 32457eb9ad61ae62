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

    /// <summary>Flag (format 2): the trees read only a sentence whose document is known (the named input `doc:bad` present); without one the blend decides.</summary>
    public const int DocumentOnly = 1;

    /// <summary>Flag (format 2): the trees' probabilities are mixed with the blend's by the genre gate, p = g·p_trees + (1 − g)·p_blend.</summary>
    public const int MixedByGate = 2;

    private const int KnownFlags = DocumentOnly | MixedByGate;

    /// <summary>The largest offset a file may hold (the fitted ones lie on ±1.5).</summary>
    public const double OffsetLimit = 10;

    /// <summary>The named input whose presence says the sentence's document is known (<see cref="PolarityContext"/>).</summary>
    public const string DocumentInput = "doc:bad";

    /// <summary>Whether a sentence's named inputs say its document is known (<see cref="DocumentInput"/> among them): what the format 2 trees, the negative stage and their training read.</summary>
    public static bool HasDocument(IReadOnlyList<(string Name, float Value)> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        foreach ((string name, _) in named)
        {
            if (name == DocumentInput)
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<byte> Magic => "TLPT"u8;

    /// <summary>Format 1: the twenty-first round's trees (no flags, no offsets); format 2 adds the flags and the class offsets (twenty-second round).</summary>
    private const int FormatVersion = 2;

    /// <summary>Magic, format, classes, inputs, names size, trees, nodes, reserved (format 1) or flags (format 2) (4 bytes each), then the temperature as float64; format 2 then holds k float64 class offsets.</summary>
    private const int HeaderSize = 40;

    /// <summary>How the messages name the file.</summary>
    private const string What = "polarity";

    private readonly Dictionary<string, int> _named;
    private readonly float[] _bias;
    private readonly EpistemicTrees.Tree[][] _trees;
    private readonly double[] _offsets;

    /// <param name="classes">The polarity classes, in the order of the polarity model.</param>
    /// <param name="inputs">The input names: <see cref="FixedInputs"/> then the named features read.</param>
    /// <param name="bias">One bias per class.</param>
    /// <param name="trees">Each class's trees.</param>
    /// <param name="temperature">The temperature of the output softmax.</param>
    /// <param name="flags"><see cref="DocumentOnly"/>, <see cref="MixedByGate"/> (0: the twenty-first round's trees, which read every sentence and decide alone).</param>
    /// <param name="offsets">The class log-offsets of the decision (null: none), finite and within ±<see cref="OffsetLimit"/>.</param>
    public PolarityTrees(IReadOnlyList<string> classes, IReadOnlyList<string> inputs, float[] bias, IReadOnlyList<IReadOnlyList<EpistemicTrees.Tree>> trees, double temperature = 1, int flags = 0, IReadOnlyList<double>? offsets = null)
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
        if ((flags & ~KnownFlags) != 0)
        {
            throw new ArgumentException($"Unknown polarity trees flags {flags}.", nameof(flags));
        }

        if (offsets is not null && (offsets.Count != Classes.Count || offsets.Any(o => !double.IsFinite(o) || Math.Abs(o) > OffsetLimit)))
        {
            throw new ArgumentException($"The class offsets must be one per class, finite and within ±{OffsetLimit}.", nameof(offsets));
        }

        Flags = flags;
        _offsets = offsets is null ? new double[Classes.Count] : [.. offsets];
    }

    /// <summary><see cref="DocumentOnly"/> and <see cref="MixedByGate"/>.</summary>
    public int Flags { get; }

    /// <summary>The class log-offsets of the decision (all 0: the label is the largest probability).</summary>
    public IReadOnlyList<double> Offsets => _offsets;

    /// <summary>Whether the trees read <paramref name="stage"/>'s sentence: always, unless <see cref="DocumentOnly"/> and its document is unknown.</summary>
    public bool Reads(PolarityStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return (Flags & DocumentOnly) == 0 || HasDocument(stage.Named);
    }

    /// <summary>
    /// The probabilities that decide a sentence the trees read (<see cref="Reads"/>): the trees' own, or with <see cref="MixedByGate"/>
    /// g·p_trees + (1 − g)·p_blend, g the gate's probability of analysis prose; <paramref name="offsets"/>: the class offsets
    /// to add to their logarithms for the label, times g when mixed by the gate (all 0 without offsets).
    /// </summary>
    public double[] Decide(PolarityStage stage, out double[] offsets)
    {
        double[] q = Predict(stage);
        double g = (Flags & MixedByGate) != 0 ? Math.Clamp((double)stage.Fixed[3], 0, 1) : 1;
        offsets = [.. _offsets.Select(o => o * g)];
        if (g >= 1)
        {
            return q;
        }

        for (int c = 0; c < q.Length; c++)
        {
            q[c] = (g * q[c]) + ((1 - g) * stage.Probabilities[c]);
        }

        return q;
    }

    /// <summary>These trees with the class offsets <paramref name="offsets"/> (null: none).</summary>
    public PolarityTrees WithOffsets(IReadOnlyList<double>? offsets) => new(Classes, Inputs, _bias, _trees, Temperature, Flags, offsets);

    /// <summary>
    /// The label of the probabilities <paramref name="p"/> (negative / neutral / positive at the given indices) with the class
    /// log-offsets <paramref name="offsets"/>: the largest log p_c + δ_c, ties as the tagger breaks them (positive, then negative).
    /// </summary>
    public static Polarity Label(double[] p, double[] offsets, int negative, int neutral, int positive)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(offsets);
        double n = Math.Log(Math.Max(p[negative], 1e-12)) + offsets[negative];
        double u = Math.Log(Math.Max(p[neutral], 1e-12)) + offsets[neutral];
        double q = Math.Log(Math.Max(p[positive], 1e-12)) + offsets[positive];
        return q >= n && q >= u ? Polarity.Positive : n >= u ? Polarity.Negative : Polarity.Neutral;
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
    /// leaf values. Trees with flags or class offsets (twenty-second round) write format 2: the same layout, with the flags in
    /// the header's eighth word and the k class offsets (float64) between the header and the names block; trees without them
    /// still write format 1. The same trees always write the same bytes.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        bool v2 = Flags != 0 || _offsets.Any(o => o != 0);
        int header = v2 ? HeaderSize + (8 * Classes.Count) : HeaderSize;
        byte[] data = TreeEnsembleFile.Write(header, Classes, Inputs, _bias, _trees, out int namesSize, out int t, out int n);
        Span<byte> d = data;
        Magic.CopyTo(d);
        BinaryPrimitives.WriteInt32LittleEndian(d[4..], v2 ? 2 : 1);
        if (v2)
        {
            BinaryPrimitives.WriteInt32LittleEndian(d[28..], Flags);
            for (int c = 0; c < Classes.Count; c++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(d[(HeaderSize + (8 * c))..], _offsets[c]);
            }
        }

        BinaryPrimitives.WriteInt32LittleEndian(d[8..], Classes.Count);
        BinaryPrimitives.WriteInt32LittleEndian(d[12..], Inputs.Count);
        BinaryPrimitives.WriteInt32LittleEndian(d[16..], namesSize);
        BinaryPrimitives.WriteInt32LittleEndian(d[20..], t);
        BinaryPrimitives.WriteInt32LittleEndian(d[24..], n);
        BinaryPrimitives.WriteDoubleLittleEndian(d[32..], Temperature);
        stream.Write(data);
    }

    /// <summary>
    /// Reads format 1 or 2 (see <see cref="Save"/>). A short file is an <see cref="EndOfStreamException"/>; any other mismatch
    /// (magic, format, counts, a child or input out of range, a value not finite, trailing bytes) an <see cref="InvalidDataException"/>.
    /// </summary>
    public static PolarityTrees Load(Stream stream)
    {
        byte[] data = TreeEnsembleFile.ReadHeader(stream, Magic, FormatVersion, HeaderSize, What, oldestFormat: 1);
        ReadOnlySpan<byte> d = data;
        bool v2 = BinaryPrimitives.ReadInt32LittleEndian(d[4..]) == 2;
        int k = BinaryPrimitives.ReadInt32LittleEndian(d[8..]);
        int m = BinaryPrimitives.ReadInt32LittleEndian(d[12..]);
        int namesSize = BinaryPrimitives.ReadInt32LittleEndian(d[16..]);
        int t = BinaryPrimitives.ReadInt32LittleEndian(d[20..]);
        int n = BinaryPrimitives.ReadInt32LittleEndian(d[24..]);
        int flags = BinaryPrimitives.ReadInt32LittleEndian(d[28..]);
        double temperature = BinaryPrimitives.ReadDoubleLittleEndian(d[32..]);
        if ((v2 ? (flags & ~KnownFlags) != 0 : flags != 0) || !TreeEnsembleFile.InRange(k, m, FixedInputs.Count, namesSize, t, n, data.Length))
        {
            throw TreeEnsembleFile.CorruptHeader(What, k, m, namesSize, t, n);
        }

        int header = HeaderSize;
        double[]? offsets = null;
        if (v2)
        {
            // k is at most 64 (InRange): the offsets block is at most 512 bytes.
            header += 8 * k;
            if (data.Length < header)
            {
                throw new EndOfStreamException($"The {What} trees hold {data.Length} bytes, less than their {header}-byte header with the class offsets.");
            }

            offsets = new double[k];
            for (int c = 0; c < k; c++)
            {
                offsets[c] = BinaryPrimitives.ReadDoubleLittleEndian(d[(HeaderSize + (8 * c))..]);
            }
        }

        (string[] names, float[] bias, List<EpistemicTrees.Tree>[] trees) = TreeEnsembleFile.ReadBody(data, header, k, m, namesSize, t, n, What);
        return TreeEnsembleFile.Construct(() => new PolarityTrees(names[..k], names[k..], bias, trees, temperature, flags, offsets), What);
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

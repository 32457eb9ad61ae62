using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using TextLens.Core.Models;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// A trained linear model over <see cref="StanceFeaturizer"/> vectors — a multinomial logistic (maximum
/// entropy) classifier (optionally with a value per class, e.g. the mean rating of each bin of an
/// ordinal model), or a regressor with one output named "score" —
/// stored as the weights ML.NET learned, in a fixed little-endian layout (see <see cref="Save"/>): the
/// non-zero weight rows are packed behind an ascending array of their feature slots, and a loaded model
/// reads them in place in the file's bytes, read once (no decoding, no ML.NET pipeline); a feature's row is
/// found in constant time through a <see cref="SlotIndex"/> built from the slot array on load.
/// Immutable and thread-safe.
/// </summary>
public sealed class LinearStanceModel
{
    /// <summary>"TLSM": the first four bytes of every format.</summary>
    private static ReadOnlySpan<byte> Magic => "TLSM"u8;

    /// <summary>Format 3, fixed layout. Formats 1 and 2 were gzip-compressed streams of the same weights (no longer read).</summary>
    private const int FormatVersion = 3;

    /// <summary>Magic, format, featurizer version, hash bits, flags, classes, rows, names size (4 bytes each).</summary>
    private const int HeaderSize = 32;

    private const int RegressionFlag = 1, ClassValuesFlag = 2, DocumentFlag = 4, OutcomeFramesFlag = 8, SourceStanceFlag = 16, EmbeddingsFlag = 32, WithoutNamesFlag = 64, GoodNewsFlag = 128, WithoutPreviousFlag = 256, ClausesFlag = 512, ClauseConditionsFlag = 1024, ClauseWordsFlag = 2048, StageNeutralOnlyFlag = 4096, StageGateSquaredFlag = 8192, StageNeutralWhereNegativeFlag = 16384, StageLowerProspectiveFlag = 32768, StageKeepPositiveFlag = 65536, StageWithoutDocumentFlag = 131072;

    /// <summary>The flags that say which context features the classifier reads (each a bit of the file's flags).</summary>
    private const int InputFlags = DocumentFlag | OutcomeFramesFlag | SourceStanceFlag | EmbeddingsFlag | WithoutNamesFlag | GoodNewsFlag | WithoutPreviousFlag | ClausesFlag | ClauseConditionsFlag | ClauseWordsFlag | StageNeutralOnlyFlag | StageGateSquaredFlag | StageNeutralWhereNegativeFlag | StageLowerProspectiveFlag | StageKeepPositiveFlag | StageWithoutDocumentFlag;

    private readonly float[] _bias;

    /// <summary>The feature slots with a non-zero weight row, ascending (int32 little-endian, in place).</summary>
    private readonly ReadOnlyMemory<byte> _slots;

    /// <summary>The packed rows: one float32 per class for each slot of <see cref="_slots"/>.</summary>
    private readonly ReadOnlyMemory<byte> _rows;

    /// <summary>Where each slot's row is in <see cref="_rows"/>.</summary>
    private readonly SlotIndex _index;

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
        Classes = [.. classes];
        ClassValues = classValues is null ? null : [.. classValues];
        _bias = (float[])bias.Clone();
        int[] slots = [.. weights.Keys.Order()];
        var rows = new float[slots.Length * classes.Count];
        for (int i = 0; i < slots.Length; i++)
        {
            weights[slots[i]].CopyTo(rows.AsSpan(i * classes.Count));
        }

        _slots = MemoryMarshal.AsBytes(slots.AsSpan()).ToArray();
        _rows = MemoryMarshal.AsBytes(rows.AsSpan()).ToArray();
        _index = new SlotIndex(slots);
    }

    private LinearStanceModel(string axis, string[] classes, double[]? classValues, float[] bias, bool regression, ReadOnlyMemory<byte> slots, ReadOnlyMemory<byte> rows)
    {
        Axis = axis;
        IsRegression = regression;
        Classes = classes;
        ClassValues = classValues;
        _bias = bias;
        _slots = slots;
        _rows = rows;
        _index = new SlotIndex(Slots);
    }

    public string Axis { get; }

    /// <summary>True for a regressor: <see cref="Predict"/> returns the single raw linear output.</summary>
    public bool IsRegression { get; }

    /// <summary>The class names, in the order of <see cref="Predict"/>'s probabilities.</summary>
    public IReadOnlyList<string> Classes { get; }

    public int NonZeroFeatures => _slots.Length / sizeof(int);

    /// <summary>The feature slots with a weight row, ascending.</summary>
    internal ReadOnlySpan<int> Slots => MemoryMarshal.Cast<byte, int>(_slots.Span);

    /// <summary>The weight rows of <see cref="Slots"/>, one float per class each.</summary>
    internal ReadOnlySpan<float> Rows => MemoryMarshal.Cast<byte, float>(_rows.Span);

    /// <summary>The same model with a value for each class.</summary>
    public LinearStanceModel WithClassValues(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (IsRegression || values.Count != Classes.Count)
        {
            throw new ArgumentException("Class values need a classifier and one value per class.", nameof(values));
        }

        return new(Axis, [.. Classes], [.. values], _bias, IsRegression, _slots, _rows) { Inputs = Inputs };
    }

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
        float[] rows = Rows.ToArray();
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] *= inverse;
        }

        return new(Axis, [.. Classes], ClassValues is null ? null : [.. ClassValues], bias, IsRegression, _slots, MemoryMarshal.AsBytes(rows.AsSpan()).ToArray()) { Inputs = Inputs };
    }

    /// <summary>
    /// The classifier with <paramref name="offsets"/> added to its class biases (per-class decision thresholds on the
    /// logit scale, chosen by cross-validation): the tag moves toward a class with a positive offset.
    /// </summary>
    public LinearStanceModel WithClassOffsets(IReadOnlyList<double> offsets)
    {
        if (IsRegression || offsets.Count != Classes.Count || offsets.Any(o => !double.IsFinite(o)))
        {
            throw new ArgumentException("Class offsets need a classifier and one finite offset per class.", nameof(offsets));
        }

        float[] bias = [.. _bias.Select((b, c) => b + (float)offsets[c])];
        return new(Axis, [.. Classes], ClassValues is null ? null : [.. ClassValues], bias, IsRegression, _slots, _rows) { Inputs = Inputs };
    }

    /// <summary>
    /// The polarity classifier reads the document context (<see cref="PolarityContext"/>; trained with `train stance
    /// --document-context`): flag 4 in the file, so 'report' and 'eval stance' give it the same features it was trained on.
    /// </summary>
    public bool ReadsDocument => (Inputs & DocumentFlag) != 0;

    /// <summary>The same classifier, marked as reading the document context (<see cref="ReadsDocument"/>).</summary>
    public LinearStanceModel WithDocumentContext() => WithInput(DocumentFlag, "the document context");

    /// <summary>
    /// The polarity classifier reads the frames of its polar words and budget changes (<see cref="OutcomeFrames"/>; trained with
    /// `train stance --outcome-frames`): flag 8 in the file, so 'report' and 'eval stance' give it the features it was trained on.
    /// </summary>
    public bool ReadsOutcomeFrames => (Inputs & OutcomeFramesFlag) != 0;

    /// <summary>The same classifier, marked as reading the outcome frames (<see cref="ReadsOutcomeFrames"/>).</summary>
    public LinearStanceModel WithOutcomeFrames() => WithInput(OutcomeFramesFlag, "the outcome frames");

    /// <summary>
    /// The polarity classifier reads the stance of the sentence's sources and the progress of what it reports
    /// (<see cref="SourceStance"/>; trained with `train stance --source-stance`): flag 16 in the file, so 'report' and
    /// 'eval stance' give it the features it was trained on.
    /// </summary>
    public bool ReadsSourceStance => (Inputs & SourceStanceFlag) != 0;

    /// <summary>The same classifier, marked as reading the source stance (<see cref="ReadsSourceStance"/>).</summary>
    public LinearStanceModel WithSourceStance() => WithInput(SourceStanceFlag, "the source stance");

    /// <summary>
    /// The polarity classifier reads the sentence's realised good outcomes, supporters' views and described features
    /// (<see cref="GoodNews"/>; trained with `train stance --good-news`): flag 128 in the file, so 'report' and 'eval stance'
    /// give it the features it was trained on.
    /// </summary>
    public bool ReadsGoodNews => (Inputs & GoodNewsFlag) != 0;

    /// <summary>The same classifier, marked as reading the good-news features (<see cref="ReadsGoodNews"/>).</summary>
    public LinearStanceModel WithGoodNews() => WithInput(GoodNewsFlag, "the good-news features");

    /// <summary>
    /// The polarity classifier reads the previous sentence's bad news (<see cref="PolarityContext"/>: `prev:bad`, `prev:vneg`;
    /// feature version 6). A file trained with `train stance --no-previous` has flag 256 and reads no previous sentence, so
    /// 'report' and 'eval stance' leave those features out as its training did; files without the flag (every one before the
    /// eighteenth round) read it.
    /// </summary>
    public bool ReadsPrevious => (Inputs & WithoutPreviousFlag) == 0;

    /// <summary>The context features a polarity classifier of feature version 6 reads (<see cref="PolarityContext"/>), from the flags above.</summary>
    public PolarityInputs PolarityInputs =>
        (ReadsPrevious ? PolarityInputs.Previous : PolarityInputs.None)
        | (ReadsDocument ? PolarityInputs.Document : PolarityInputs.None)
        | (ReadsOutcomeFrames ? PolarityInputs.OutcomeFrames : PolarityInputs.None)
        | (ReadsSourceStance ? PolarityInputs.SourceStance : PolarityInputs.None)
        | (ReadsGoodNews ? PolarityInputs.GoodNews : PolarityInputs.None)
        | ((Inputs & ClausesFlag) != 0 ? PolarityInputs.Clauses : PolarityInputs.None)
        | ((Inputs & ClauseConditionsFlag) != 0 ? PolarityInputs.ClauseConditions : PolarityInputs.None)
        | (ReadsClauseWords ? PolarityInputs.ClauseWords : PolarityInputs.None);

    /// <summary>
    /// The polarity classifier reads the words of the sentence's conceded and conditional parts as features of their own
    /// (<see cref="ClauseZones.Words"/>; trained with `train stance --clause-words`, flag 2048 in the file; twentieth round).
    /// </summary>
    public bool ReadsClauseWords => (Inputs & ClauseWordsFlag) != 0;

    /// <summary>The same classifier, marked as reading the clause parts' words (<see cref="ReadsClauseWords"/>).</summary>
    public LinearStanceModel WithClauseWords() => WithInput(ClauseWordsFlag, "the clause parts' words");

    /// <summary>
    /// Which clause parts of the polar evidence the polarity classifier reads (<see cref="ClauseZones"/>; trained with `train
    /// stance --clauses`): flag 512 in the file for the conceded and main parts, 1024 also for the conditional part, so
    /// 'report' and 'eval stance' give it the features it was trained on.
    /// </summary>
    public ClauseParts ClauseParts =>
        ((Inputs & ClausesFlag) != 0 ? ClauseParts.Concessions : ClauseParts.None)
        | ((Inputs & ClauseConditionsFlag) != 0 ? ClauseParts.Conditions : ClauseParts.None);

    /// <summary>The same classifier, marked as reading the clause parts <paramref name="parts"/> (<see cref="ClauseParts"/>; the conditions need the concessions).</summary>
    public LinearStanceModel WithClauses(ClauseParts parts) => parts switch
    {
        ClauseParts.None => this,
        ClauseParts.Concessions => WithInput(ClausesFlag, "the clause parts"),
        ClauseParts.Concessions | ClauseParts.Conditions => WithInput(ClausesFlag | ClauseConditionsFlag, "the clause parts"),
        _ => throw new ArgumentException("The conditional part is read with the conceded part.", nameof(parts)),
    };

    /// <summary>The same classifier, marked as reading no previous sentence (<see cref="ReadsPrevious"/> false).</summary>
    public LinearStanceModel WithoutPrevious() => WithInput(WithoutPreviousFlag, "the previous sentence");

    /// <summary>
    /// The classifier reads the sentence's static embedding (<see cref="EmbeddingFeatures"/>, from models/embeddings-minilm.bin;
    /// trained with `train stance --embeddings`): flag 32 in the file, so 'report' and 'eval stance' give it the features it
    /// was trained on.
    /// </summary>
    public bool ReadsEmbeddings => (Inputs & EmbeddingsFlag) != 0;

    /// <summary>The same classifier, marked as reading the sentence's embedding (<see cref="ReadsEmbeddings"/>).</summary>
    public LinearStanceModel WithEmbeddings() => WithInput(EmbeddingsFlag, "the sentence embedding");

    /// <summary>The classifier's embedding is of the sentence's words outside names (flag 64; `train stance --embedding-words common`).</summary>
    public bool EmbedsWithoutNames => (Inputs & WithoutNamesFlag) != 0;

    /// <summary>The same classifier, marked as embedding the words outside names (<see cref="EmbedsWithoutNames"/>).</summary>
    public LinearStanceModel WithEmbeddingWithoutNames() => WithInput(EmbeddingsFlag | WithoutNamesFlag, "the sentence embedding");

    /// <summary>
    /// A negative-vs-rest stage whose lowered P(negative) goes to neutral alone (`train stance --negative-stage-neutral-only`,
    /// flag 4096; models/stance-polarity.md, twenty-eighth round): see <see cref="StanceTagger.MixNegative(double[], double, double, int, int, int, bool)"/>.
    /// </summary>
    public bool StageNeutralOnly => (Inputs & StageNeutralOnlyFlag) != 0;

    /// <summary>The same stage, marked as rescaling into neutral only (<see cref="StageNeutralOnly"/>).</summary>
    public LinearStanceModel WithStageNeutralOnly() => WithInput(StageNeutralOnlyFlag, "a stage's mixing");

    /// <summary>
    /// A negative-vs-rest stage mixed in by the square of the genre gate's probability of analysis prose (`train stance
    /// --negative-stage-gate-squared`, flag 8192; models/stance-polarity.md, twenty-eighth round).
    /// </summary>
    public bool StageGateSquared => (Inputs & StageGateSquaredFlag) != 0;

    /// <summary>The same stage, marked as mixed in by the gate's probability squared (<see cref="StageGateSquared"/>).</summary>
    public LinearStanceModel WithStageGateSquared() => WithInput(StageGateSquaredFlag, "a stage's mixing");

    /// <summary>
    /// A negative-vs-rest stage whose lowered P(negative) goes to neutral alone where the blend read the sentence negative, and
    /// is rescaled in the ratio of neutral and positive elsewhere (`train stance --negative-stage-neutral-where-negative`, flag
    /// 16384; models/stance-polarity.md, twenty-ninth round): see <see cref="StanceTagger.MixNegative(double[], double, double, int, int, int, StageMixing)"/>.
    /// </summary>
    public bool StageNeutralWhereNegative => (Inputs & StageNeutralWhereNegativeFlag) != 0;

    /// <summary>The same stage, marked as rescaling into neutral where the blend read negative (<see cref="StageNeutralWhereNegative"/>).</summary>
    public LinearStanceModel WithStageNeutralWhereNegative() => WithInput(StageNeutralWhereNegativeFlag, "a stage's mixing");

    /// <summary>
    /// A negative-vs-rest stage that lowers P(negative) only in a prospective frame (<see cref="ProspectiveFrame"/>); it raises
    /// P(negative) anywhere (`train stance --negative-stage-lower-prospective`, flag 32768; models/stance-polarity.md, twenty-ninth round).
    /// </summary>
    public bool StageLowerProspective => (Inputs & StageLowerProspectiveFlag) != 0;

    /// <summary>The same stage, marked as lowering only in a prospective frame (<see cref="StageLowerProspective"/>).</summary>
    public LinearStanceModel WithStageLowerProspective() => WithInput(StageLowerProspectiveFlag, "a stage's mixing");

    /// <summary>
    /// A negative-vs-rest stage that leaves a sentence the blend read positive to the blend (`train stance
    /// --negative-stage-keep-positive`, flag 65536; models/stance-polarity.md, thirtieth round): its "rest" merges neutral and
    /// positive, so it has no say on a positive reading.
    /// </summary>
    public bool StageKeepPositive => (Inputs & StageKeepPositiveFlag) != 0;

    /// <summary>The same stage, marked as leaving a positive reading to the blend (<see cref="StageKeepPositive"/>).</summary>
    public LinearStanceModel WithStageKeepPositive() => WithInput(StageKeepPositiveFlag, "a stage's mixing");

    /// <summary>
    /// A negative-vs-rest stage trained and applied without the document's bad news (`train stance
    /// --negative-stage-without-document`, flag 131072; models/stance-polarity.md, thirty-third round): its vector is the
    /// classifier's less the named feature <see cref="PolarityContext.DocumentFeature"/> (<see cref="PolarityContext.WithoutDocument"/>).
    /// The stage is still mixed in only where the document is known. A file without the flag reads the classifier's vector as before.
    /// </summary>
    public bool StageWithoutDocument => (Inputs & StageWithoutDocumentFlag) != 0;

    /// <summary>The same stage, marked as reading the classifier's vector without the document's bad news (<see cref="StageWithoutDocument"/>).</summary>
    public LinearStanceModel WithStageWithoutDocument() => WithInput(StageWithoutDocumentFlag, "a stage's inputs");

    /// <summary>The context features the classifier reads (<see cref="InputFlags"/> bits), kept by every copy and saved in the file's flags.</summary>
    private int Inputs { get; init; }

    private LinearStanceModel WithInput(int flag, string what) =>
        IsRegression ? throw new InvalidOperationException($"A regressor does not read {what}.")
        : new(Axis, [.. Classes], ClassValues is null ? null : [.. ClassValues], _bias, IsRegression, _slots, _rows) { Inputs = Inputs | flag };

    /// <summary>The value each class stands for (an ordinal model's mean rating per bin), or null.</summary>
    public IReadOnlyList<double>? ClassValues { get; }

    /// <summary>The expected value of the output: a regressor's raw output, or Σ P(class) × value for a classifier with <see cref="ClassValues"/>.</summary>
    public double Expected(ReadOnlySpan<int> indices, ReadOnlySpan<float> values) => Expected(Predict(indices, values));

    /// <summary>The expected value of an output <paramref name="p"/> of <see cref="Predict"/> (see <see cref="Expected(ReadOnlySpan{int}, ReadOnlySpan{float})"/>).</summary>
    internal double Expected(double[] p)
    {
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

        ReadOnlySpan<float> rows = Rows;
        int k = scores.Length;
        for (int i = 0; i < indices.Length; i++)
        {
            int r = _index.RowOf(indices[i]);
            if (r >= 0)
            {
                ReadOnlySpan<float> row = rows.Slice(r * k, k);
                for (int c = 0; c < row.Length; c++)
                {
                    scores[c] += row[c] * values[i];
                }
            }
        }

        return Finish(scores);
    }

    /// <summary>The bias of each class, in the order of <see cref="Classes"/> (for <see cref="SharedFeatureRows"/>).</summary>
    internal ReadOnlySpan<float> Bias => _bias;

    /// <summary>
    /// The output of <see cref="Predict"/> from its linear <paramref name="scores"/> (bias plus the weights of the features, one
    /// per class; overwritten): the raw scores of a regressor, the softmax of a classifier's.
    /// </summary>
    internal double[] Finish(double[] scores)
    {
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

    /// <summary>
    /// Writes format 3, little-endian, fixed layout: a 32-byte header ("TLSM", format 3, featurizer version, hash
    /// bits, flags (1 regression, 2 class values, 4 reads the document context), class count k, row count n, size of the names block); the
    /// names block (the axis and the k class names, each an int32 byte length and UTF-8 bytes, zero-padded to a
    /// multiple of 8 bytes); k float64 class values when flagged; k float32 biases; the n feature slots (int32,
    /// ascending); then n rows of k float32 weights. The same model always writes the same bytes.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[][] names = [Encoding.UTF8.GetBytes(Axis), .. Classes.Select(Encoding.UTF8.GetBytes)];
        int namesSize = Align8(names.Sum(n => sizeof(int) + n.Length));
        int k = Classes.Count;
        int n = NonZeroFeatures;
        var layout = new Layout(namesSize, k, n, ClassValues is not null);
        byte[] data = new byte[layout.Total];
        Magic.CopyTo(data);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(8), StanceFeaturizer.VersionFor(Axis));
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(12), StanceFeaturizer.HashBits);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(16), (IsRegression ? RegressionFlag : 0) | (ClassValues is null ? 0 : ClassValuesFlag) | Inputs);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(20), k);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(24), n);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(28), namesSize);
        int pos = HeaderSize;
        foreach (byte[] name in names)
        {
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(pos), name.Length);
            name.CopyTo(data.AsSpan(pos + sizeof(int)));
            pos += sizeof(int) + name.Length;
        }

        for (int c = 0; c < (ClassValues?.Count ?? 0); c++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(layout.ValuesAt + (c * sizeof(double))), ClassValues![c]);
        }

        for (int c = 0; c < k; c++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(layout.BiasAt + (c * sizeof(float))), _bias[c]);
        }

        ReadOnlySpan<int> slots = Slots;
        for (int i = 0; i < n; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(layout.SlotsAt + (i * sizeof(int))), slots[i]);
        }

        ReadOnlySpan<float> rows = Rows;
        for (int i = 0; i < rows.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(layout.RowsAt + (i * sizeof(float))), rows[i]);
        }

        stream.Write(data);
    }

    /// <summary>
    /// Reads format 3 (see <see cref="Save"/>) with one read; the slots and weights are then used in place. A
    /// short file is an <see cref="EndOfStreamException"/>; any other mismatch (magic, format, featurizer
    /// version, trailing bytes, slots out of order) an <see cref="InvalidDataException"/>.
    /// </summary>
    public static LinearStanceModel Load(Stream stream)
    {
        ReadOnlyMemory<byte> data = ModelBytes.ReadMemory(stream);
        if (data.Length < 8 || !data.Span.Slice(0, 4).SequenceEqual(Magic) || BinaryPrimitives.ReadInt32LittleEndian(data.Span[4..]) != FormatVersion)
        {
            throw data.Length >= 2 && data.Span[0] == 0x1F && data.Span[1] == 0x8B
                ? new InvalidDataException("This is a gzip-compressed stance model of an earlier format (1 or 2); this build reads format 3. Retrain it with 'textlens train stance'.")
                : new InvalidDataException("Not a TextLens stance model (expected magic TLSM, format 3).");
        }

        if (data.Length < HeaderSize)
        {
            throw new EndOfStreamException($"The stance model holds {data.Length} bytes, less than its {HeaderSize}-byte header.");
        }

        int featurizer = BinaryPrimitives.ReadInt32LittleEndian(data.Span[8..]);
        int bits = BinaryPrimitives.ReadInt32LittleEndian(data.Span[12..]);
        int flags = BinaryPrimitives.ReadInt32LittleEndian(data.Span[16..]);
        int k = BinaryPrimitives.ReadInt32LittleEndian(data.Span[20..]);
        int n = BinaryPrimitives.ReadInt32LittleEndian(data.Span[24..]);
        int namesSize = BinaryPrimitives.ReadInt32LittleEndian(data.Span[28..]);
        if ((flags & ~(RegressionFlag | ClassValuesFlag | InputFlags)) != 0 || k is < 1 or > 1024 || n < 0 || n > StanceFeaturizer.Dimension
            || namesSize < 0 || namesSize % 8 != 0)
        {
            throw new InvalidDataException($"The stance model's header is corrupt (flags {flags}, {k} classes, {n} rows, names {namesSize} bytes).");
        }

        var layout = new Layout(namesSize, k, n, (flags & ClassValuesFlag) != 0);
        if (data.Length < layout.Total)
        {
            throw new EndOfStreamException($"The stance model holds {data.Length} bytes where its header needs {layout.Total}.");
        }

        if (data.Length > layout.Total)
        {
            throw new InvalidDataException($"The stance model has {data.Length - layout.Total} unexpected trailing bytes.");
        }

        string[] names = ModelBytes.ReadNames(data.Span.Slice(HeaderSize, namesSize), k + 1, "The stance model's");
        string axis = names[0];
        int expected = StanceFeaturizer.VersionFor(axis);
        if (featurizer != expected || bits != StanceFeaturizer.HashBits)
        {
            throw new InvalidDataException($"The {axis} stance model was trained with featurizer v{featurizer}/{bits} bits; this build uses v{expected}/{StanceFeaturizer.HashBits}. Retrain it with 'textlens train stance'.");
        }

        bool regression = (flags & RegressionFlag) != 0;
        double[]? classValues = layout.HasValues
            ? [.. Enumerable.Range(0, k).Select(c => BinaryPrimitives.ReadDoubleLittleEndian(data.Span.Slice(layout.ValuesAt + (c * sizeof(double)))))]
            : null;
        float[] bias = [.. Enumerable.Range(0, k).Select(c => BinaryPrimitives.ReadSingleLittleEndian(data.Span.Slice(layout.BiasAt + (c * sizeof(float)))))];
        if ((regression && (k != 1 || classValues is not null)) || bias.Any(b => !float.IsFinite(b)))
        {
            throw new InvalidDataException("The stance model's outputs are inconsistent (a regressor has one output and no class values; biases are finite).");
        }

        if (!BitConverter.IsLittleEndian)
        {
            byte[] copy = data.ToArray();
            for (int i = layout.SlotsAt; i < copy.Length; i += sizeof(int))
            {
                copy.AsSpan(i, sizeof(int)).Reverse(); // slots and weights are all 4 bytes wide
            }

            data = copy;
        }

        ReadOnlySpan<int> slots = MemoryMarshal.Cast<byte, int>(data.Span.Slice(layout.SlotsAt, n * sizeof(int)));
        for (int i = 0; i < slots.Length; i++)
        {
            if ((uint)slots[i] >= (uint)StanceFeaturizer.Dimension || (i > 0 && slots[i] <= slots[i - 1]))
            {
                throw new InvalidDataException($"The stance model's slot {i} ({slots[i]}) is out of range or out of order.");
            }
        }

        return new LinearStanceModel(axis, names[1..], classValues, bias, regression, data.Slice(layout.SlotsAt, n * sizeof(int)), data.Slice(layout.RowsAt))
        {
            Inputs = flags & InputFlags,
        };
    }

    private static int Align8(int size) => ModelBytes.Align8(size);

    /// <summary>
    /// The row of a feature slot in constant time: one bit per slot of the feature space (set where the model has a
    /// row) and, for each 64-bit word, the number of rows before it; a slot's row is that count plus the set bits
    /// below it in its word. About 48 KB for the 2^18-slot space, built in one pass over the ascending slots.
    /// </summary>
    internal sealed class SlotIndex
    {
        private readonly ulong[] _present;
        private readonly int[] _rowsBefore;

        public SlotIndex(ReadOnlySpan<int> ascendingSlots)
        {
            int words = (StanceFeaturizer.Dimension + 63) / 64;
            _present = new ulong[words];
            _rowsBefore = new int[words];
            foreach (int slot in ascendingSlots)
            {
                if ((uint)slot >= (uint)StanceFeaturizer.Dimension)
                {
                    throw new ArgumentOutOfRangeException(nameof(ascendingSlots), slot, "A feature slot is outside the featurizer's space.");
                }

                _present[slot >> 6] |= 1UL << (slot & 63);
            }

            int before = 0;
            for (int w = 0; w < words; w++)
            {
                _rowsBefore[w] = before;
                before += System.Numerics.BitOperations.PopCount(_present[w]);
            }
        }

        /// <summary>The index of <paramref name="slot"/> in the ascending slot array, or -1 when the model has no row for it.</summary>
        public int RowOf(int slot)
        {
            int w = slot >> 6;
            if ((uint)w >= (uint)_present.Length)
            {
                return -1;
            }

            ulong bit = 1UL << (slot & 63);
            ulong word = _present[w];
            return (word & bit) == 0 ? -1 : _rowsBefore[w] + System.Numerics.BitOperations.PopCount(word & (bit - 1));
        }
    }

    /// <summary>Where each part of a format-3 file starts, from its header.</summary>
    private readonly record struct Layout(int NamesSize, int K, int N, bool HasValues)
    {
        public int ValuesAt => HeaderSize + NamesSize;

        public int BiasAt => ValuesAt + (HasValues ? K * sizeof(double) : 0);

        public int SlotsAt => BiasAt + Align8(K * sizeof(float));

        public int RowsAt => SlotsAt + (N * sizeof(int));

        public long Total => RowsAt + ((long)N * K * sizeof(float));
    }
}

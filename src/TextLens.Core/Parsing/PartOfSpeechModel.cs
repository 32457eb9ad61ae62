using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TextLens.Core.Models;

namespace TextLens.Core.Parsing;

/// <summary>
/// The weights of the multiclass linear tagger: one row of <see cref="PartOfSpeechNames.Count"/>
/// class weights per hashed feature slot, plus a bias per class. Trained by ML.NET
/// (PartOfSpeechTrainer in TextLens.Training); evaluated here in plain C# so that tagging a word costs a
/// few hundred multiply-adds rather than an ML.NET prediction call. Only the rows with a non-zero weight are
/// kept (about one slot in seven), packed, with a map from feature slot to packed row; the file stores them
/// in that form, so loading is one read and the weights are used in place (see <see cref="Save"/>).
/// </summary>
public sealed class PartOfSpeechModel
{
    /// <summary>"TLPOS2", then two zero bytes: the fixed-layout version (version 1 was a gzip of half-precision rows).</summary>
    private static ReadOnlySpan<byte> Magic => "TLPOS2\0\0"u8;

    private const int Classes = PartOfSpeechNames.Count;

    /// <summary><see cref="Predict"/> adds the first 16 class weights as two vectors of eight floats, the rest one by one.</summary>
    private const int Lanes = 8, Vectored = 2 * Lanes;

    /// <summary>Fails to compile (256 is no byte) unless the classes fill two vectors of <see cref="Lanes"/> and part of a third.</summary>
    private const byte ClassesFitTwoVectors = Classes >= Vectored && Classes < Vectored + Lanes ? 0 : 256;

    /// <summary>Magic (8), bucket bits, classes, active rows, reserved (4 bytes each).</summary>
    private const int HeaderSize = 24;

    private readonly float[] _bias;

    /// <summary>For every feature slot, its row in <see cref="_rows"/>, or −1 when all its weights are zero.</summary>
    private readonly int[] _rowOf;

    /// <summary>The slots with a non-zero weight, ascending.</summary>
    private readonly ReadOnlyMemory<byte> _slots;

    /// <summary>The packed rows: <see cref="Classes"/> little-endian floats per slot of <see cref="_slots"/>.</summary>
    private readonly ReadOnlyMemory<byte> _rows;

    /// <summary>A model from dense weights (one row of class weights per feature bucket), as training produces it.</summary>
    public PartOfSpeechModel(float[] weights, float[] bias)
    {
        if (weights.Length != PartOfSpeechFeatures.Buckets * Classes || bias.Length != Classes)
        {
            throw new ArgumentException("Weights must have one row of class weights per feature bucket.");
        }

        var slots = new List<int>();
        for (int r = 0; r < PartOfSpeechFeatures.Buckets; r++)
        {
            if (weights.AsSpan(r * Classes, Classes).ContainsAnyExcept(0f))
            {
                slots.Add(r);
            }
        }

        var rows = new float[slots.Count * Classes];
        for (int i = 0; i < slots.Count; i++)
        {
            weights.AsSpan(slots[i] * Classes, Classes).CopyTo(rows.AsSpan(i * Classes));
        }

        _bias = (float[])bias.Clone();
        _slots = MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(slots)).ToArray();
        _rows = MemoryMarshal.AsBytes(rows.AsSpan()).ToArray();
        _rowOf = MapRows(Slots);
    }

    private PartOfSpeechModel(float[] bias, ReadOnlyMemory<byte> slots, ReadOnlyMemory<byte> rows)
    {
        _bias = bias;
        _slots = slots;
        _rows = rows;
        _rowOf = MapRows(Slots);
    }

    /// <summary>Number of feature rows with at least one non-zero weight.</summary>
    public int ActiveRows => _slots.Length / sizeof(int);

    private ReadOnlySpan<int> Slots => MemoryMarshal.Cast<byte, int>(_slots.Span);

    private ReadOnlySpan<float> Rows => MemoryMarshal.Cast<byte, float>(_rows.Span);

    private static int[] MapRows(ReadOnlySpan<int> slots)
    {
        var rowOf = new int[PartOfSpeechFeatures.Buckets];
        rowOf.AsSpan().Fill(-1);
        for (int i = 0; i < slots.Length; i++)
        {
            rowOf[slots[i]] = i;
        }

        return rowOf;
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
        // Each class score is its bias plus its weight of each present feature, added in feature order: the first 16 classes
        // eight at a time (the same float additions lane by lane), the last one on its own.
        ReadOnlySpan<float> rows = Rows;
        ref float bias = ref MemoryMarshal.GetArrayDataReference(_bias);
        Vector256<float> low = Vector256.LoadUnsafe(ref bias), high = Vector256.LoadUnsafe(ref bias, Lanes);
        Span<float> tail = stackalloc float[Classes - Vectored];
        _bias.AsSpan(Vectored).CopyTo(tail);
        foreach (int f in features)
        {
            int r = _rowOf[f];
            if (r < 0)
            {
                continue;
            }

            ReadOnlySpan<float> row = rows.Slice(r * Classes, Classes);
            ref float first = ref MemoryMarshal.GetReference(row);
            low += Vector256.LoadUnsafe(ref first);
            high += Vector256.LoadUnsafe(ref first, Lanes);
            for (int c = Vectored; c < Classes; c++)
            {
                tail[c - Vectored] += row[c];
            }
        }

        low.CopyTo(scores);
        high.CopyTo(scores[Lanes..]);
        tail.CopyTo(scores[Vectored..]);

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
    /// Writes the fixed layout, little-endian: "TLPOS2\0\0", the bucket bits, the class count, the number of
    /// active rows, 4 zero bytes; the biases (float32); the active slots (int32, ascending); then each active
    /// slot's class weights, rounded to half precision and stored as float32, the form they are used in.
    /// The rounding keeps the model as small in information as before and makes a saved model tag exactly
    /// as the file it came from.
    /// </summary>
    public void Save(Stream stream)
    {
        // Rows whose weights all round to zero are left out, as they add nothing.
        ReadOnlySpan<int> slots = Slots;
        ReadOnlySpan<float> rows = Rows;
        var kept = new List<int>(slots.Length);
        for (int i = 0; i < slots.Length; i++)
        {
            foreach (float w in rows.Slice(i * Classes, Classes))
            {
                if ((Half)w != Half.Zero)
                {
                    kept.Add(i);
                    break;
                }
            }
        }

        byte[] data = new byte[HeaderSize + (Classes * sizeof(float)) + (kept.Count * sizeof(int)) + (kept.Count * Classes * sizeof(float))];
        Magic.CopyTo(data);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(8), PartOfSpeechFeatures.BucketBits);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(12), Classes);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(16), kept.Count);
        int pos = HeaderSize;
        foreach (float b in _bias)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(pos), b);
            pos += sizeof(float);
        }

        foreach (int i in kept)
        {
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(pos), slots[i]);
            pos += sizeof(int);
        }

        foreach (int i in kept)
        {
            foreach (float w in rows.Slice(i * Classes, Classes))
            {
                BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(pos), (float)(Half)w);
                pos += sizeof(float);
            }
        }

        stream.Write(data);
    }

    /// <summary>Reads the fixed layout with one read; the slots and weights are then used in place.</summary>
    public static PartOfSpeechModel Load(Stream stream)
    {
        ReadOnlyMemory<byte> data = ModelBytes.ReadMemory(stream);
        if (data.Length < HeaderSize || !data.Span.Slice(0, 8).SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(data.Span[8..]) != PartOfSpeechFeatures.BucketBits
            || BinaryPrimitives.ReadInt32LittleEndian(data.Span[12..]) != Classes
            || BinaryPrimitives.ReadInt32LittleEndian(data.Span[20..]) != 0)
        {
            throw new InvalidDataException("Not a TextLens part-of-speech model of this version.");
        }

        int active = BinaryPrimitives.ReadInt32LittleEndian(data.Span[16..]);
        if (active < 0 || active > PartOfSpeechFeatures.Buckets)
        {
            throw new InvalidDataException($"The part-of-speech model claims {active} active rows.");
        }

        int slotsAt = HeaderSize + (Classes * sizeof(float));
        int rowsAt = slotsAt + (active * sizeof(int));
        long expected = rowsAt + ((long)active * Classes * sizeof(float));
        if (data.Length < expected)
        {
            throw new EndOfStreamException($"The part-of-speech model holds {data.Length} bytes where {active} rows need {expected}.");
        }

        if (data.Length > expected)
        {
            throw new InvalidDataException($"The part-of-speech model has {data.Length - expected} unexpected trailing bytes.");
        }

        if (!BitConverter.IsLittleEndian)
        {
            byte[] copy = data.ToArray();
            for (int i = HeaderSize; i < copy.Length; i += sizeof(int))
            {
                copy.AsSpan(i, sizeof(int)).Reverse(); // every value after the header is 4 bytes wide
            }

            data = copy;
        }

        var bias = MemoryMarshal.Cast<byte, float>(data.Span.Slice(HeaderSize, Classes * sizeof(float))).ToArray();
        ReadOnlySpan<int> slots = MemoryMarshal.Cast<byte, int>(data.Span.Slice(slotsAt, active * sizeof(int)));
        for (int i = 0; i < slots.Length; i++)
        {
            if ((uint)slots[i] >= PartOfSpeechFeatures.Buckets || (i > 0 && slots[i] <= slots[i - 1]))
            {
                throw new InvalidDataException($"The part-of-speech model's slot {i} ({slots[i]}) is out of range or out of order.");
            }
        }

        return new PartOfSpeechModel(bias, data.Slice(slotsAt, active * sizeof(int)), data.Slice(rowsAt));
    }
}

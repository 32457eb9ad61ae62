using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// Several <see cref="LinearStanceModel"/>s that read the same feature vector of a sentence, scored in one pass: the union
/// of their feature slots is indexed once, and for each slot of the union the weight rows of all the models lie side by
/// side in one row of floats (zero where a model has no row for the slot), so each feature of the sentence is looked up
/// once, not once per model, and its weights are multiplied and added for all the models together, several classes at a
/// time (SIMD). Each class score is the same double <see cref="LinearStanceModel.Predict"/> gives: its bias, plus each
/// feature's float product of weight and value in the vector's order — the added zeros of a model that has no row for a
/// slot change no sum (at most the sign of a score that is exactly zero, which neither softmax nor a regressor's use can
/// tell). Built at run time from the loaded models (the model files are unchanged); immutable and thread-safe.
/// </summary>
internal sealed class SharedFeatureRows
{
    private readonly LinearStanceModel[] _models;

    /// <summary>Each model's class count, and where its scores start in a joint row.</summary>
    private readonly int[] _classes, _offsets;

    /// <summary>The floats of a joint row: every model's classes, padded to a whole number of vectors.</summary>
    private readonly int _width;

    /// <summary>The union of the models' slots, ascending, as a constant-time index of its rows.</summary>
    private readonly LinearStanceModel.SlotIndex _index;

    /// <summary>The joint rows of the union's slots, <see cref="_width"/> floats each.</summary>
    private readonly float[] _weights;

    public SharedFeatureRows(IReadOnlyList<LinearStanceModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0 || models.Count > 32 || models.Distinct(ReferenceEqualityComparer.Instance).Count() != models.Count)
        {
            throw new ArgumentException("Shared rows need between 1 and 32 distinct models.", nameof(models));
        }

        _models = [.. models];
        int m = _models.Length;
        _classes = [.. _models.Select(x => x.Classes.Count)];
        _offsets = new int[m];
        for (int j = 1; j < m; j++)
        {
            _offsets[j] = _offsets[j - 1] + _classes[j - 1];
        }

        int lanes = Vector256<float>.Count;
        _width = (_offsets[m - 1] + _classes[m - 1] + lanes - 1) / lanes * lanes;

        // The union of the models' ascending slot arrays, then each model's rows copied into the joint rows of their slots.
        var union = new List<int>();
        var cursor = new int[m];
        while (true)
        {
            int next = int.MaxValue;
            for (int j = 0; j < m; j++)
            {
                ReadOnlySpan<int> slots = _models[j].Slots;
                if (cursor[j] < slots.Length)
                {
                    next = Math.Min(next, slots[cursor[j]]);
                }
            }

            if (next == int.MaxValue)
            {
                break;
            }

            union.Add(next);
            for (int j = 0; j < m; j++)
            {
                ReadOnlySpan<int> slots = _models[j].Slots;
                cursor[j] += cursor[j] < slots.Length && slots[cursor[j]] == next ? 1 : 0;
            }
        }

        _index = new LinearStanceModel.SlotIndex(CollectionsMarshal.AsSpan(union));
        _weights = new float[(long)union.Count * _width];
        for (int j = 0; j < m; j++)
        {
            ReadOnlySpan<int> slots = _models[j].Slots;
            ReadOnlySpan<float> rows = _models[j].Rows;
            int k = _classes[j];
            for (int i = 0; i < slots.Length; i++)
            {
                rows.Slice(i * k, k).CopyTo(_weights.AsSpan((_index.RowOf(slots[i]) * _width) + _offsets[j], k));
            }
        }
    }

    /// <summary>The models, in the order of <see cref="Predict"/>'s outputs.</summary>
    public IReadOnlyList<LinearStanceModel> Models => _models;

    /// <summary>A mask of every model.</summary>
    public uint All => _models.Length == 32 ? uint.MaxValue : (1u << _models.Length) - 1;

    /// <summary>The position of <paramref name="model"/> among <see cref="Models"/>, or -1.</summary>
    public int IndexOf(LinearStanceModel model) => Array.IndexOf(_models, model);

    /// <summary>
    /// What <see cref="LinearStanceModel.Predict"/> of each model in <paramref name="mask"/> (bit j: model j) gives for the
    /// vector: the same values, each array new; null for a model not in the mask.
    /// </summary>
    public double[]?[] Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, uint mask)
    {
        int width = _width;
        Span<double> scores = stackalloc double[width];
        scores.Clear();
        for (int j = 0; j < _models.Length; j++)
        {
            ReadOnlySpan<float> bias = _models[j].Bias;
            for (int c = 0; c < bias.Length; c++)
            {
                scores[_offsets[j] + c] = bias[c];
            }
        }

        ref float weights = ref MemoryMarshal.GetArrayDataReference(_weights);
        ref double score = ref MemoryMarshal.GetReference(scores);
        for (int i = 0; i < indices.Length; i++)
        {
            int r = _index.RowOf(indices[i]);
            if (r < 0)
            {
                continue;
            }

            // Per lane: the float product of weight and value, widened and added to the double score (as Predict does).
            ref float row = ref Unsafe.Add(ref weights, (nint)r * width);
            var value = Vector256.Create(values[i]);
            for (int c = 0; c < width; c += Vector256<float>.Count)
            {
                (Vector256<double> low, Vector256<double> high) = Vector256.Widen(Vector256.LoadUnsafe(ref row, (nuint)c) * value);
                (Vector256.LoadUnsafe(ref score, (nuint)c) + low).StoreUnsafe(ref score, (nuint)c);
                (Vector256.LoadUnsafe(ref score, (nuint)(c + Vector256<double>.Count)) + high).StoreUnsafe(ref score, (nuint)(c + Vector256<double>.Count));
            }
        }

        var outputs = new double[]?[_models.Length];
        for (int j = 0; j < _models.Length; j++)
        {
            if ((mask & (1u << j)) != 0)
            {
                outputs[j] = _models[j].Finish(scores.Slice(_offsets[j], _classes[j]).ToArray());
            }
        }

        return outputs;
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using TextLens.Core.Parsing;

namespace TextLens.Training;

/// <summary>Settings of a tagger training run; the defaults produce the shipped model.</summary>
public sealed record PartOfSpeechTrainingOptions
{
    public int Seed { get; init; } = 1;

    public float L1Regularization { get; init; } = 0.3f;

    public float L2Regularization { get; init; } = 0.1f;

    public int MaximumIterations { get; init; } = 100;

    public int HistorySize { get; init; } = 10;
}

/// <summary>
/// Trains the part-of-speech model with ML.NET: every word of the training sentences becomes a
/// row whose features are the hashed slots of <see cref="PartOfSpeechFeatures"/> (previous tags
/// are the gold ones, as a greedy tagger is trained), fitted by
/// <see cref="StandardTrainersCatalog.LbfgsMaximumEntropy(MulticlassClassificationCatalog.MulticlassClassificationTrainers, LbfgsMaximumEntropyMulticlassTrainer.Options)"/>
/// (multinomial logistic regression, L1 + L2, one thread so the result is reproducible). The
/// learned weights and biases are copied into a <see cref="PartOfSpeechModel"/>.
/// </summary>
public static class PartOfSpeechTrainer
{
    public static PartOfSpeechModel Train(IReadOnlyList<TaggedSentence> sentences, PartOfSpeechTrainingOptions options)
    {
        var ml = new MLContext(seed: options.Seed);
        IDataView data = ml.Data.Cache(ml.Data.LoadFromEnumerable(Rows(sentences).ToList()));
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(WordRow.Label),
            FeatureColumnName = nameof(WordRow.Features),
            L1Regularization = options.L1Regularization,
            L2Regularization = options.L2Regularization,
            MaximumNumberOfIterations = options.MaximumIterations,
            HistorySize = options.HistorySize,
            NumberOfThreads = 1,
            OptimizationTolerance = 1e-6f,
        });
        MulticlassPredictionTransformer<MaximumEntropyModelParameters> fitted = trainer.Fit(data);

        VBuffer<float>[] classWeights = [];
        fitted.Model.GetWeights(ref classWeights, out int classes);
        if (classes != PartOfSpeechNames.Count)
        {
            throw new InvalidOperationException($"Expected {PartOfSpeechNames.Count} classes, ML.NET returned {classes}.");
        }

        const int k = PartOfSpeechNames.Count;
        var weights = new float[PartOfSpeechFeatures.Buckets * k];
        for (int c = 0; c < k; c++)
        {
            VBuffer<float> v = classWeights[c];
            ReadOnlySpan<int> indices = v.GetIndices();
            ReadOnlySpan<float> values = v.GetValues();
            for (int j = 0; j < values.Length; j++)
            {
                int slot = v.IsDense ? j : indices[j];
                weights[(slot * k) + c] = values[j];
            }
        }

        float[] bias = [.. fitted.Model.GetBiases()];
        return new PartOfSpeechModel(weights, bias);
    }

    /// <summary>Word-level accuracy of <paramref name="model"/> on gold sentences.</summary>
    public static (int Correct, int Total) Evaluate(PartOfSpeechModel model, IEnumerable<TaggedSentence> sentences)
    {
        int correct = 0;
        int total = 0;
        foreach (TaggedSentence s in sentences)
        {
            PartOfSpeech[] predicted = model.Tag(s.Words);
            for (int i = 0; i < predicted.Length; i++)
            {
                correct += predicted[i] == s.Tags[i] ? 1 : 0;
            }

            total += predicted.Length;
        }

        return (correct, total);
    }

    private static IEnumerable<WordRow> Rows(IReadOnlyList<TaggedSentence> sentences)
    {
        var features = new int[PartOfSpeechFeatures.MaxFeatures];
        foreach (TaggedSentence s in sentences)
        {
            string[] lower = PartOfSpeechFeatures.LowerForms(s.Words);
            for (int i = 0; i < s.Words.Length; i++)
            {
                int prev = i > 0 ? (int)s.Tags[i - 1] : PartOfSpeechFeatures.StartTag;
                int prev2 = i > 1 ? (int)s.Tags[i - 2] : PartOfSpeechFeatures.StartTag;
                int n = PartOfSpeechFeatures.Extract(s.Words, lower, i, prev, prev2, features);
                int[] slots = features.AsSpan(0, n).ToArray();
                Array.Sort(slots);
                int distinct = Dedup(slots);
                var values = new float[distinct];
                Array.Fill(values, 1f);
                yield return new WordRow
                {
                    Label = (uint)s.Tags[i],
                    Features = new VBuffer<float>(PartOfSpeechFeatures.Buckets, distinct, values, slots[..distinct]),
                };
            }
        }
    }

    /// <summary>Removes repeated slots (hash collisions inside one word) from a sorted array; returns the new length.</summary>
    private static int Dedup(int[] sorted)
    {
        int n = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (n == 0 || sorted[i] != sorted[n - 1])
            {
                sorted[n++] = sorted[i];
            }
        }

        return n;
    }

    private sealed class WordRow
    {
        [KeyType(PartOfSpeechNames.Count)]
        public uint Label { get; set; }

        [VectorType(PartOfSpeechFeatures.Buckets)]
        public VBuffer<float> Features { get; set; }
    }
}

using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The one-pass look-up of several stance models' rows (<see cref="SharedFeatureRows"/>): every output is the same double
/// as each model's own <see cref="LinearStanceModel.Predict"/>, for built models and for the shipped ones.
/// </summary>
public class SharedFeatureRowsTests
{
    private static LinearStanceModel Random(Random random, string axis, int classes, int rows, bool regression = false, double[]? values = null)
    {
        var weights = new Dictionary<int, float[]>();
        while (weights.Count < rows)
        {
            // Half the rows on a few hundred slots the models share, the rest anywhere in the space (word edges included).
            int slot = random.Next(2) == 0 ? random.Next(300) : random.Next(StanceFeaturizer.Dimension);
            weights[slot] = [.. Enumerable.Range(0, classes).Select(_ => (float)((random.NextDouble() * 6) - 3))];
        }

        float[] bias = [.. Enumerable.Range(0, classes).Select(_ => (float)(random.NextDouble() - 0.5))];
        string[] names = regression ? ["score"] : [.. Enumerable.Range(0, classes).Select(c => $"c{c}")];
        return new LinearStanceModel(axis, names, bias, weights, regression, values);
    }

    [Fact]
    public void Every_model_gets_the_same_doubles_as_its_own_prediction()
    {
        var random = new Random(11);
        LinearStanceModel[] models =
        [
            Random(random, "polarity", 2, 120),
            Random(random, "polarity", 3, 200),
            Random(random, "polarity", 1, 250, regression: true),
            Random(random, "polarity", 5, 90, values: [-3, -1, 0, 1, 3]),
            Random(random, "subjectivity", 2, 60),
            Random(random, "subjectivity", 2, 1),
        ];
        var shared = new SharedFeatureRows(models);
        for (int trial = 0; trial < 500; trial++)
        {
            int[] indices = [.. Enumerable.Range(0, random.Next(0, 80)).Select(_ => random.Next(3) == 0 ? random.Next(StanceFeaturizer.Dimension) : random.Next(300)).Distinct().Order()];
            float[] values = [.. indices.Select(_ => (float)((random.NextDouble() * 4) - 2))];
            uint mask = (uint)random.Next(1, 64);
            double[]?[] outputs = shared.Predict(indices, values, mask);
            Assert.Equal(models.Length, outputs.Length);
            for (int j = 0; j < models.Length; j++)
            {
                if ((mask & (1u << j)) == 0)
                {
                    Assert.Null(outputs[j]);
                    continue;
                }

                double[] expected = models[j].Predict(indices, values);
                Assert.Equal(expected.Length, outputs[j]!.Length);
                for (int c = 0; c < expected.Length; c++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected[c]), BitConverter.DoubleToInt64Bits(outputs[j]![c]));
                }
            }
        }
    }

    [Fact]
    public void The_shipped_models_give_the_same_doubles_on_real_sentences()
    {
        StanceTagger tagger = TestModels.Set.Stance;
        GenreBlend polarity = tagger.PolarityBlend!, subjectivity = tagger.SubjectivityBlend!;
        LinearStanceModel[] models =
        [
            polarity.Genre, polarity.Other,
            TestModels.Set.LoadStanceModel(StanceTagger.PolarityRatingModelFile), TestModels.Set.LoadStanceModel(StanceTagger.PolarityOrdinalModelFile),
            subjectivity.Analysis, subjectivity.Other, subjectivity.Genre, polarity.Analysis,
        ];
        var shared = new SharedFeatureRows(models);
        string text = File.ReadAllText(TestPaths.Repo("seeds/chongryon-japan-north-korea-relations.txt"));
        ParsedDocument document = ParsedDocument.Parse(new SourceText("seed.txt", text, DocumentFormat.PlainText), TestModels.Set);
        int sentences = 0;
        foreach (Sentence sentence in document.Sentences)
        {
            ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
            StanceEvidence evidence = StanceTagger.Inspect(document.Prose.Text, tokens);
            (int[] idx, float[] val) = StanceFeaturizer.Featurize(tokens, evidence.Quoted, evidence.Scores, tagger.Lexicon, StanceFeaturizer.PolarityVersion);
            double[]?[] outputs = shared.Predict(idx, val, shared.All);
            for (int j = 0; j < models.Length; j++)
            {
                Assert.Equal(models[j].Predict(idx, val), outputs[j]!);
            }

            sentences++;
        }

        Assert.True(sentences > 20, $"{sentences} sentences");
    }

    [Fact]
    public void It_needs_distinct_models()
    {
        LinearStanceModel model = Random(new Random(3), "polarity", 2, 10);
        Assert.Throws<ArgumentException>(() => new SharedFeatureRows([]));
        Assert.Throws<ArgumentException>(() => new SharedFeatureRows([model, model]));
    }
}

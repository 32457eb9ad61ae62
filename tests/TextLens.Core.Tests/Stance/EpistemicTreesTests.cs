using System.Buffers.Binary;
using TextLens.Core.Analyzers.Stance;
using TextLens.Training;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Stance;

/// <summary>The epistemic second stage: the tree format (TLET format 1), its evaluator, and reproducible training.</summary>
public class EpistemicTreesTests
{
    private static readonly string[] Inputs = [.. EpistemicTrees.FixedInputs, "cue:Hedge:may", "law", "subject:may:<Cap>"];

    /// <summary>Four classes; class 1 (hedged) has a two-split tree on "cue:Hedge:may" then "law", the others a stump or a single leaf.</summary>
    private static EpistemicTrees Sample(double temperature = 1) => new(
        StanceTagger.EpistemicClasses,
        Inputs,
        [0.5f, -1f, -1.5f, -2f],
        [
            [new EpistemicTrees.Tree([0], [0.25f], [~0], [~1], [0.125f, -0.25f])],
            [new EpistemicTrees.Tree([9, 10], [0.5f, 0.5f], [~0, ~1], [1, ~2], [-1f, 2f, -0.5f]), new EpistemicTrees.Tree([], [], [], [], [0.0625f])],
            [],
            [new EpistemicTrees.Tree([6], [0.5f], [~0], [~1], [0f, 3f])],
        ],
        linearTemperature: 1.5,
        temperature: temperature);

    private static byte[] Bytes(EpistemicTrees trees) => TreeFileAssert.Bytes(trees.Save);

    private static EpistemicTrees Read(byte[] bytes) => EpistemicTrees.Load(new MemoryStream(bytes, writable: false));

    private static float[] X(float hedgeMay, float law, float prescription = 0, float hedgedVsAsserted = 0)
    {
        var x = new float[Inputs.Length];
        x[0] = hedgedVsAsserted;
        x[6] = prescription;
        x[9] = hedgeMay;
        x[10] = law;
        return x;
    }

    [Fact]
    public void Each_class_scores_its_bias_plus_the_leaf_each_tree_reaches()
    {
        EpistemicTrees trees = Sample();

        // "may" without law words: hedged reaches leaf 1 (2) of its first tree, plus the single-leaf tree.
        double[] s = trees.Scores(X(hedgeMay: 1, law: 0));
        Assert.Equal(0.5 + 0.125, s[0], 6);
        Assert.Equal(-1 + 2 + 0.0625, s[1], 6);
        Assert.Equal(-1.5, s[2], 6);
        Assert.Equal(-2, s[3], 6);

        // "may" in a description of law: the law split sends it to leaf 2 (−0.5); no "may": leaf 0 (−1). Equal to the threshold goes left.
        Assert.Equal(-1 - 0.5 + 0.0625, trees.Scores(X(1, 1))[1], 6);
        Assert.Equal(-1 - 1 + 0.0625, trees.Scores(X(0.5f, 1))[1], 6);
        Assert.Equal(-2 + 3, trees.Scores(X(0, 0, prescription: 0.9f))[3], 6);

        double[] p = trees.Predict(X(1, 0));
        Assert.Equal(1, p.Sum(), 9);
        Assert.Equal(1, Array.IndexOf(p, p.Max()));
        double[] soft = Sample(temperature: 2).Predict(X(1, 0));
        Assert.True(soft[1] < p[1] && soft[1] > 0.25, $"{soft[1]} < {p[1]}");
    }

    [Fact]
    public void Residual_trees_add_to_the_linear_log_odds()
    {
        var residual = new EpistemicTrees(StanceTagger.EpistemicClasses, Inputs, [0f, 0.25f, 0f, 0f], [[], [new EpistemicTrees.Tree([10], [0.5f], [~0], [~1], [0f, -3f])], [], []], residual: true);
        double[] s = residual.Scores(X(1, 1, hedgedVsAsserted: 2));
        Assert.Equal([0, 2 + 0.25 - 3, 0, 0], s);
        Assert.Equal([0, 2 + 0.25, 0, 0], residual.Scores(X(1, 0, hedgedVsAsserted: 2)));
        Assert.True(Read(Bytes(residual)).Residual);
        Assert.Equal(s, Read(Bytes(residual)).Scores(X(1, 1, hedgedVsAsserted: 2)));
        Assert.False(Read(Bytes(Sample())).Residual);
    }

    [Fact]
    public void The_inputs_are_the_linear_log_odds_the_cue_strengths_and_the_named_features()
    {
        EpistemicTrees trees = Sample();
        double[] linear = [0.5, 0.25, 0.125, 0.125];
        float[] x = trees.InputsOf(linear, new CueScores(0.7, 0.2, 0, 0.1, 0.4), [("cue:Hedge:may", 1f), ("law", 1f), ("law", 1f), ("w0:the", 1f)]);
        Assert.Equal(Inputs.Length, x.Length);
        Assert.Equal((float)(1.5 * Math.Log(0.25 / 0.5)), x[0], 5);
        Assert.Equal((float)(1.5 * Math.Log(0.125 / 0.5)), x[1], 5);
        Assert.Equal(0.5f, x[3]);
        Assert.Equal([0.7f, 0.2f, 0f, 0.1f, 0.4f], x[4..9]);
        Assert.Equal(1f, x[9]);
        Assert.Equal(2f, x[10]); // a repeated name adds up
        Assert.Equal(0f, x[11]); // absent; "w0:the" is not an input
    }

    [Fact]
    public void Trees_survive_a_round_trip_with_the_same_scores_and_the_same_bytes()
    {
        EpistemicTrees trees = Sample(temperature: 1.25);
        byte[] saved = Bytes(trees);
        EpistemicTrees loaded = Read(saved);
        Assert.Equal(trees.Classes, loaded.Classes);
        Assert.Equal(trees.Inputs, loaded.Inputs);
        Assert.Equal(1.5, loaded.LinearTemperature);
        Assert.Equal(1.25, loaded.Temperature);
        Assert.Equal(4, loaded.TreeCount);
        foreach (float[] x in (float[][])[X(1, 0), X(1, 1), X(0, 0, 0.9f, -2), X(0.5f, 0.5f, 0.5f, 0.25f)])
        {
            Assert.Equal(trees.Scores(x), loaded.Scores(x));
            Assert.Equal(trees.Predict(x), loaded.Predict(x));
        }

        Assert.Equal(saved, Bytes(loaded));
        Assert.Equal(saved, Bytes(Sample(temperature: 1.25)));
        Assert.Equal("TLET"u8.ToArray(), saved[..4]);
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(saved.AsSpan(4)));
        Assert.Equal(StanceFeaturizer.EpistemicVersion, BinaryPrimitives.ReadInt32LittleEndian(saved.AsSpan(8)));
    }

    [Fact]
    public void A_truncated_or_corrupt_file_is_refused()
    {
        // A truncated, padded or foreign file, and every 4-byte word of the body turned into a large value, is refused or harmless, never a crash.
        TreeFileAssert.RefusesTruncatedAndCorrupt(Bytes(Sample()), bytes => Read(bytes), "TLET", lengthStep: 7, corruptFrom: 56, namesSizeAt: 20);
    }

    [Fact]
    public void A_tree_that_loops_or_reads_an_input_it_does_not_have_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EpistemicTrees(StanceTagger.EpistemicClasses, Inputs, new float[4], [[new EpistemicTrees.Tree([0, 1], [0f, 0f], [1, 0], [~0, ~1], [0f, 0f, 0f])], [], [], []]));
        Assert.Throws<ArgumentException>(() => new EpistemicTrees(StanceTagger.EpistemicClasses, Inputs, new float[4], [[new EpistemicTrees.Tree([Inputs.Length], [0f], [~0], [~1], [0f, 0f])], [], [], []]));
        Assert.Throws<ArgumentException>(() => new EpistemicTrees(StanceTagger.EpistemicClasses, Inputs, new float[4], [[new EpistemicTrees.Tree([0], [0f], [~0], [~0], [0f, 0f])], [], [], []]));
        Assert.Throws<ArgumentException>(() => new EpistemicTrees(StanceTagger.EpistemicClasses, ["law"], new float[4], [[], [], [], []]));
        Assert.Throws<ArgumentException>(() => new StanceTagger(TestModels.Set.Valence, null, null) { EpistemicStack = new EpistemicTrees(["a", "b"], Inputs, new float[2], [[], []]) });
    }

    [Fact]
    public void Second_stage_training_is_reproducible_byte_for_byte()
    {
        string data = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.epistemic.dev.jsonl");
        string other = SharedData.RequireOrSkip("data", "stance", "polarity_vader_other.train.jsonl");
        IReadOnlyList<StanceItem> items = [.. StanceEvaluation.ReadJsonl(data).Take(400), .. StanceTrainer.RuleLabelled(StanceEvaluation.ReadJsonl(other).Take(200), 0.1)];
        var options = new StanceTrainingOptions { ClassBalance = 0.5, Folds = 3, SecondStage = new SecondStageOptions(Trees: 20, Leaves: 8, MinLeaf: 5, MinCount: 5) };
        byte[] first = Bytes(StanceTrainer.TrainSecondStage(items, options, TestModels.Set.Valence));
        Assert.Equal(first, Bytes(StanceTrainer.TrainSecondStage(items, options, TestModels.Set.Valence)));
        EpistemicTrees loaded = Read(first);
        Assert.Equal(StanceTagger.EpistemicClasses, loaded.Classes);
        Assert.Equal(80, loaded.TreeCount);
        Assert.Contains("law", loaded.Inputs);
    }
    [Fact]
    public void A_damaged_screening_cache_is_computed_again_not_trusted()
    {
        string data = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.epistemic.dev.jsonl");
        IReadOnlyList<StanceItem> items = [.. StanceEvaluation.ReadJsonl(data).Take(300)];
        string folder = Directory.CreateTempSubdirectory("textlens-stack-").FullName;
        try
        {
            var stage = new SecondStageOptions(Trees: 10, Leaves: 4, MinLeaf: 5, MinCount: 5, Cache: Path.Combine(folder, "cache"));
            var options = new StanceTrainingOptions { ClassBalance = 0.5, Folds = 3, SecondStage = stage };
            byte[] fresh = Bytes(StanceTrainer.TrainSecondStage(items, options, TestModels.Set.Valence));
            string entry = Path.Combine(folder, "cache.0.tsv");
            Assert.True(File.Exists(entry));
            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));

            // Read back: the same model. Damaged (not numbers, too few rows, empty): computed again, the same model.
            Assert.Equal(fresh, Bytes(StanceTrainer.TrainSecondStage(items, options, TestModels.Set.Valence)));
            string[] lines = File.ReadAllLines(entry);
            Assert.Equal(items.Count, lines.Length);
            string notANumber = string.Join('\n', lines.Select((l, k) => k == 7 ? "0.5\tnot-a-number\t0.1\t0.2" : l)) + "\n";
            string columnMissing = string.Join('\n', lines.Select(l => l[..l.LastIndexOf('\t')])) + "\n";
            foreach (string damage in (string[])[notANumber, columnMissing, string.Empty])
            {
                File.WriteAllText(entry, damage);
                Assert.Equal(fresh, Bytes(StanceTrainer.TrainSecondStage(items, options, TestModels.Set.Valence)));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

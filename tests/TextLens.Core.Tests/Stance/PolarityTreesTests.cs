using System.Buffers.Binary;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Features;
using TextLens.Training;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The polarity second stage (`train stance --polarity-trees`, twenty-first round, models/stance-polarity.md): the tree format
/// (TLPT format 1) and its evaluator, the dense inputs of real sentences (CRS DEV rows, public domain), the tagger wiring when
/// the file lies beside the models, a corrupt file, and reproducible training.
/// </summary>
public sealed class PolarityTreesTests : IDisposable
{
    private static readonly string[] Classes = ["negative", "neutral", "positive"];

    private static readonly string[] Inputs = [.. PolarityTrees.FixedInputs, "doc:bad", "prev:bad"];

    private static int At(string input) => Array.IndexOf(Inputs, input);

    private static int F(string input) => PolarityTrees.FixedInputs.ToList().IndexOf(input);

    // R48907-004 (gold neutral): the error is in the condition.
    private const string Conditional = "If a former servicemember believes there is an error in his or her service records or disagrees with the discharge status assigned, he or she may seek a discharge status upgrade by submitting an application to the appropriate Discharge Review Board (DRB) or Board for Correction of Military Records (BCMR).";

    // R47194-s002 (gold negative): the conceded improvements, then the bad news.
    private const string Conceded = "Although improvements have been made in most states, there remain major differences among states in the share of bridges in poor condition.";

    private const string Plain = "The M-2 Bradley transports infantry.";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "textlens-polarity-trees-" + Guid.NewGuid().ToString("N"));

    public PolarityTreesTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Neutral gains 6 in a sentence with a conditional part; negative has a stump on the document's bad news; positive has no tree.</summary>
    private static PolarityTrees Sample(double temperature = 1) => new(
        Classes,
        Inputs,
        [0.25f, -0.5f, 0f],
        [
            [new EpistemicTrees.Tree([At("doc:bad")], [0.5f], [~0], [~1], [0f, 1.5f])],
            [new EpistemicTrees.Tree([At("clause:conditional")], [0.5f], [~0], [~1], [0f, 6f])],
            [],
        ],
        temperature);

    private static byte[] Bytes(PolarityTrees trees) => TreeFileAssert.Bytes(trees.Save);

    private static PolarityTrees Read(byte[] bytes) => PolarityTrees.Load(new MemoryStream(bytes, writable: false));

    private static PolarityStage Stage(double[] p, float conditional = 0, float docBad = 0)
    {
        var x = new float[PolarityTrees.FixedInputs.Count];
        x[9] = conditional;
        return new PolarityStage(p, x, docBad == 0 ? [] : [("doc:bad", docBad), ("w0:the", 1f)]);
    }

    [Fact]
    public void Each_class_scores_its_stage_one_log_probability_plus_its_bias_plus_its_leaves()
    {
        PolarityTrees trees = Sample();
        double[] p = [0.5, 0.25, 0.25];
        double[] s = trees.Scores(trees.InputsOf(Stage(p, conditional: 1)), p);
        Assert.Equal(Math.Log(0.5) + 0.25, s[0], 6);
        Assert.Equal(Math.Log(0.25) - 0.5 + 6, s[1], 6);
        Assert.Equal(Math.Log(0.25), s[2], 6);
        Assert.Equal(Math.Log(0.5) + 0.25 + 1.5, trees.Scores(trees.InputsOf(Stage(p, docBad: 1)), p)[0], 6);

        double[] q = trees.Predict(Stage(p, conditional: 1));
        Assert.Equal(1, q.Sum(), 9);
        Assert.Equal(1, Array.IndexOf(q, q.Max()));
        Assert.Equal(0, Array.IndexOf(trees.Predict(Stage(p)), trees.Predict(Stage(p)).Max()));
        double[] soft = Sample(temperature: 2).Predict(Stage(p, conditional: 1));
        Assert.True(soft[1] < q[1] && soft[1] > 1 / 3.0, $"{soft[1]} < {q[1]}");
    }

    [Fact]
    public void Trees_survive_a_round_trip_with_the_same_scores_and_the_same_bytes()
    {
        PolarityTrees trees = Sample(temperature: 1.25);
        byte[] saved = Bytes(trees);
        PolarityTrees loaded = Read(saved);
        Assert.Equal(Classes, loaded.Classes);
        Assert.Equal(Inputs, loaded.Inputs);
        Assert.Equal(1.25, loaded.Temperature);
        Assert.Equal(2, loaded.TreeCount);
        foreach (PolarityStage stage in (PolarityStage[])[Stage([0.5, 0.25, 0.25], 1), Stage([0.1, 0.8, 0.1], 0, 2), Stage([0.2, 0.3, 0.5], 1, 1)])
        {
            Assert.Equal(trees.Predict(stage), loaded.Predict(stage));
        }

        Assert.Equal(saved, Bytes(loaded));
        Assert.Equal("TLPT"u8.ToArray(), saved[..4]);
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(saved.AsSpan(4)));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0], loaded.SplitCounts());
    }

    [Fact]
    public void A_truncated_or_corrupt_file_is_refused()
    {
        // A truncated, padded or foreign file, and every 4-byte word from the header on turned into a large value, is refused or harmless, never a crash.
        TreeFileAssert.RefusesTruncatedAndCorrupt(Bytes(Sample()), bytes => Read(bytes), "TLPT", lengthStep: 5, corruptFrom: 8, namesSizeAt: 16);
    }

    [Fact]
    public void The_dense_inputs_of_real_sentences()
    {
        float[] conditional = SentenceInputs(Conditional);
        Assert.Equal(0f, conditional[F("clause:conceded")]);
        Assert.Equal(1f, conditional[F("clause:conditional")]);
        Assert.True(conditional[F("cl:cond-neg")] > 0, "'error' is in the condition");

        float[] conceded = SentenceInputs(Conceded);
        Assert.Equal(1f, conceded[F("clause:conceded")]);
        Assert.Equal(0f, conceded[F("clause:conditional")]);
        Assert.True(conceded[F("valence:positive")] > 0, "improvements");
        Assert.True(conceded[F("valence:negative")] > 0, "poor");
        Assert.Equal(0f, conceded[F("negators")]);

        float[] negated = SentenceInputs("The agency did not meet the deadline and never published the rule.");
        Assert.Equal(2f, negated[F("negators")]);
        Assert.True(SentenceInputs("CBO estimated that the bill would reduce deficits by $2 billion.")[F("cues:attribution")] > 0);
        Assert.Equal(1f, SentenceInputs(Plain, heading: true)[F("heading")]);
        Assert.Equal(6f, SentenceInputs("The House passed the bill.")[F("tokens")]);
    }

    private static float[] SentenceInputs(string text, bool heading = false)
    {
        var tokens = new List<TextLens.Core.Parsing.Token>();
        TextLens.Core.Parsing.Tokenizer.Tokenize(text, new TextLens.Core.Text.TextSpan(0, text.Length), tokens);
        ReadOnlySpan<TextLens.Core.Parsing.Token> span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        return PolarityStage.SentenceInputs(span, TestModels.Set.Valence, StanceTagger.Inspect(text, span).Scores, heading);
    }

    [Fact]
    public void Trees_beside_the_models_decide_the_label_in_the_tagger_and_a_missing_file_changes_nothing()
    {
        CopyAllModels();
        File.WriteAllBytes(Path.Combine(_folder, PolarityTrees.FileName), Bytes(Sample()));
        StanceTagger shipped = TestModels.Set.Stance;
        StanceTagger stacked = new ModelSet(_folder).Stance;
        Assert.NotNull(stacked.PolarityStack);
        Assert.Null(shipped.PolarityStack);

        // The conditional sentence: the trees add 6 to neutral, so it reads neutral, with more confidence than the blend gives it.
        SentenceStance before = StanceEvaluation.Tag(shipped, Conditional);
        SentenceStance after = StanceEvaluation.Tag(stacked, Conditional);
        Assert.Equal(Polarity.Neutral, after.Polarity);
        Assert.True(after.PolarityConfidence > (before.Polarity == Polarity.Neutral ? before.PolarityConfidence : 0.5), $"{after.PolarityConfidence} vs {before.Polarity} {before.PolarityConfidence}");
        Assert.True(Math.Abs(after.PolarityScore) < StanceTagger.NeutralBand, "the score agrees with the label");

        // No condition, no document: the trees add only their biases, and a plain description keeps the blend's label.
        Assert.Equal(StanceEvaluation.Tag(shipped, Plain).Polarity, StanceEvaluation.Tag(stacked, Plain).Polarity);

        // The shipped tagger collects nothing; a training tagger does.
        Assert.Null(before.PolarityStage);
    }

    [Fact]
    public void A_corrupt_polarity_trees_file_beside_the_models_is_an_error_that_names_it()
    {
        CopyAllModels();
        File.WriteAllBytes(Path.Combine(_folder, PolarityTrees.FileName), Bytes(Sample())[..^4]);
        ModelLoadException ex = Assert.Throws<ModelLoadException>(() => new ModelSet(_folder).Stance);
        Assert.Equal(PolarityTrees.FileName, ex.FileName);
        Assert.Contains($"'{PolarityTrees.FileName}'", ex.Message, StringComparison.Ordinal);

        // Well formed, but of other classes than the polarity classifier's: refused by name too.
        File.WriteAllBytes(Path.Combine(_folder, PolarityTrees.FileName), Bytes(new PolarityTrees(["bad", "good"], Inputs, new float[2], [[], []])));
        Assert.Equal(PolarityTrees.FileName, Assert.Throws<ModelLoadException>(() => new ModelSet(_folder).Stance).FileName);
    }

    [Fact]
    public void Polarity_stack_training_is_reproducible_byte_for_byte()
    {
        string crs = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.polarity.dev.jsonl");
        string nyt = SharedData.RequireOrSkip("data", "stance", "polarity_nyt_vader.dev.jsonl");
        IReadOnlyList<StanceItem> items = [.. StanceEvaluation.ReadJsonl(crs).Take(300).Select(i => i with { InDomain = true }), .. StanceEvaluation.ReadJsonl(nyt).Take(200)];
        var options = new StanceTrainingOptions { ClassBalance = 0.5, Folds = 3, DocumentContext = true, PolarityStack = new SecondStageOptions(Trees: 10, Leaves: 4, MinLeaf: 5, MinCount: 5) };
        byte[] first = Bytes(StanceTrainer.TrainPolarityStack(items, options, TestModels.Set.Valence));
        Assert.Equal(first, Bytes(StanceTrainer.TrainPolarityStack(items, options, TestModels.Set.Valence)));
        PolarityTrees loaded = Read(first);
        Assert.Equal(Classes, loaded.Classes);
        Assert.Equal(30, loaded.TreeCount);
        Assert.Equal(PolarityTrees.FixedInputs, loaded.Inputs.Take(PolarityTrees.FixedInputs.Count));
        Assert.Contains("doc:bad", loaded.Inputs);
        Assert.True(loaded.SplitCounts().Sum() > 0);
    }

    private void CopyAllModels()
    {
        foreach (string path in Directory.EnumerateFiles(TestPaths.Repo("models")))
        {
            File.Copy(path, Path.Combine(_folder, Path.GetFileName(path)));
        }
    }
}

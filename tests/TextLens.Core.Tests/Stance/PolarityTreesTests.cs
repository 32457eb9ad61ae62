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

    /// <summary>The sample trees of the twenty-second round's kind: read only with a document, mixed by the gate, with class offsets.</summary>
    private static PolarityTrees Scoped(double[]? offsets = null) =>
        new(Classes, Inputs, [0.25f, -0.5f, 0f], SampleTrees, 1, PolarityTrees.DocumentOnly | PolarityTrees.MixedByGate, offsets);

    private static IReadOnlyList<IReadOnlyList<EpistemicTrees.Tree>> SampleTrees =>
    [
        [new EpistemicTrees.Tree([At("doc:bad")], [0.5f], [~0], [~1], [0f, 1.5f])],
        [new EpistemicTrees.Tree([At("clause:conditional")], [0.5f], [~0], [~1], [0f, 6f])],
        [],
    ];

    private static byte[] Bytes(PolarityTrees trees) => TreeFileAssert.Bytes(trees.Save);

    private static PolarityTrees Read(byte[] bytes) => PolarityTrees.Load(new MemoryStream(bytes, writable: false));

    private static PolarityStage Stage(double[] p, float conditional = 0, float docBad = 0, float gate = 1)
    {
        var x = new float[PolarityTrees.FixedInputs.Count];
        x[3] = gate;
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
    public void Format_two_keeps_the_flags_and_the_class_offsets_and_format_one_files_are_unchanged()
    {
        PolarityTrees scoped = Scoped([0, -0.5, 0.8]);
        byte[] saved = Bytes(scoped);
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(saved.AsSpan(4)));
        Assert.Equal(PolarityTrees.DocumentOnly | PolarityTrees.MixedByGate, BinaryPrimitives.ReadInt32LittleEndian(saved.AsSpan(28)));
        PolarityTrees loaded = Read(saved);
        Assert.Equal(scoped.Flags, loaded.Flags);
        Assert.Equal([0, -0.5, 0.8], loaded.Offsets);
        Assert.Equal(saved, Bytes(loaded));
        Assert.Equal(Bytes(Sample()).Length + 24, saved.Length);

        // Trees without flags or offsets (the twenty-first round's) still write format 1, byte for byte.
        Assert.Equal(Bytes(Sample()), Bytes(new PolarityTrees(Classes, Inputs, [0.25f, -0.5f, 0f], SampleTrees, 1, 0, [0, 0, 0])));
        Assert.Equal(1, BinaryPrimitives.ReadInt32LittleEndian(Bytes(Sample().WithOffsets(null)).AsSpan(4)));
    }

    [Fact]
    public void A_truncated_or_corrupt_format_two_file_is_refused_and_so_are_unknown_flags_and_wild_offsets()
    {
        byte[] saved = Bytes(Scoped([0, -0.5, 0.8]));
        TreeFileAssert.RefusesTruncatedAndCorrupt(saved, bytes => Read(bytes), "TLPT", lengthStep: 5, corruptFrom: 8, namesSizeAt: 16);

        byte[] flag = (byte[])saved.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(flag.AsSpan(28), 8);
        Assert.Contains("header is corrupt", Assert.Throws<InvalidDataException>(() => Read(flag)).Message, StringComparison.Ordinal);
        foreach (double wild in (double[])[double.NaN, double.PositiveInfinity, 11, -1e300])
        {
            byte[] bad = (byte[])saved.Clone();
            BinaryPrimitives.WriteDoubleLittleEndian(bad.AsSpan(40 + 8), wild);
            Assert.Contains("offsets", Assert.Throws<InvalidDataException>(() => Read(bad)).Message, StringComparison.Ordinal);
        }

        // A format 1 file with a flag set is corrupt too (its eighth word is reserved), and format 3 is not a file of ours.
        byte[] v1 = Bytes(Sample());
        BinaryPrimitives.WriteInt32LittleEndian(v1.AsSpan(28), 1);
        Assert.Throws<InvalidDataException>(() => Read(v1));
        byte[] v3 = (byte[])saved.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(v3.AsSpan(4), 3);
        Assert.Contains("format 1 to 2", Assert.Throws<InvalidDataException>(() => Read(v3)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scoped_trees_read_only_a_sentence_with_its_document_and_are_mixed_by_the_gate()
    {
        PolarityTrees scoped = Scoped([0, -0.5, 0.8]);
        double[] p = [0.5, 0.25, 0.25];
        Assert.False(scoped.Reads(Stage(p, conditional: 1)));
        Assert.True(scoped.Reads(Stage(p, conditional: 1, docBad: 0.1f)));
        Assert.True(Sample().Reads(Stage(p, conditional: 1)));

        // Gate 1: the trees' probabilities and the offsets as stored; gate 0.25: a quarter of each.
        PolarityStage analysis = Stage(p, conditional: 1, docBad: 0.1f);
        double[] q = scoped.Predict(analysis);
        Assert.Equal(q, scoped.Decide(analysis, out double[] full));
        Assert.Equal([0, -0.5, 0.8], full);
        PolarityStage mixed = Stage(p, conditional: 1, docBad: 0.1f, gate: 0.25f);
        double[] m = scoped.Decide(mixed, out double[] quarter);
        double[] q2 = scoped.Predict(mixed);
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal((0.25 * q2[c]) + (0.75 * p[c]), m[c], 12);
            Assert.Equal(0.25 * full[c], quarter[c], 12);
        }

        // The offsets decide against the largest probability: neutral 0.5 against positive 0.4 with +0.8 on positive.
        Assert.Equal(Polarity.Positive, PolarityTrees.Label([0.1, 0.5, 0.4], [0, -0.5, 0.8], 0, 1, 2));
        Assert.Equal(Polarity.Neutral, PolarityTrees.Label([0.1, 0.5, 0.4], [0, 0, 0], 0, 1, 2));
    }

    [Fact]
    public void In_the_tagger_scoped_trees_leave_a_sentence_without_document_to_the_blend_and_their_offsets_pick_the_label_with_its_own_probability()
    {
        CopyAllModels();
        // Neutral of the conditional sentence gains 6; positive gains the largest offset a file may hold.
        File.WriteAllBytes(Path.Combine(_folder, PolarityTrees.FileName), Bytes(Scoped([0, 0, PolarityTrees.OffsetLimit])));
        StanceTagger shipped = TestModels.Set.Stance;
        StanceTagger stacked = new ModelSet(_folder).Stance;
        Assert.NotNull(stacked.PolarityStack);

        // Without its document (a row read alone, an NYT row) the blend decides: label, score and confidence as shipped.
        foreach (string text in (string[])[Conditional, Conceded, Plain])
        {
            SentenceStance alone = StanceEvaluation.Tag(stacked, text);
            SentenceStance blend = StanceEvaluation.Tag(shipped, text);
            Assert.Equal((blend.Polarity, blend.PolarityScore, blend.PolarityConfidence), (alone.Polarity, alone.PolarityScore, alone.PolarityConfidence));
        }

        // With its document (as 'report' reads it) the trees and the offsets decide: +10 on positive picks positive for the
        // plain description, whose positive probability stays small — the confidence is that probability, so the tag is
        // shown as uncertain, and the score agrees with the label.
        StanceContext withDocument = StanceContext.None with { Document = DocumentTone.OfTexts([Plain, Conceded, Conditional, "Federal agencies consult with the Services."]) };
        SentenceStance before = StanceEvaluation.Tag(shipped, Plain, withDocument);
        SentenceStance after = StanceEvaluation.Tag(stacked, Plain, withDocument);
        Assert.NotEqual(Polarity.Positive, before.Polarity);
        Assert.Equal(Polarity.Positive, after.Polarity);
        Assert.True(after.PolarityScore >= StanceTagger.NeutralBand, $"score {after.PolarityScore} agrees with the label");
        Assert.True(after.PolarityConfidence < 0.5, $"confidence {after.PolarityConfidence} is the positive probability");
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

        // Twenty-second round: the trees of the analysis rows with their documents, with in-fold class offsets — also
        // reproducible, format 2, scoped to sentences with a document and mixed by the gate.
        StanceTrainingOptions scoped = options with { PolarityStack = options.PolarityStack! with { AnalysisOnly = true, Offsets = true } };
        byte[] analysis = Bytes(StanceTrainer.TrainPolarityStack(items, scoped, TestModels.Set.Valence));
        Assert.Equal(analysis, Bytes(StanceTrainer.TrainPolarityStack(items, scoped, TestModels.Set.Valence)));
        PolarityTrees read = Read(analysis);
        Assert.Equal(PolarityTrees.DocumentOnly | PolarityTrees.MixedByGate, read.Flags);
        Assert.Equal(0, read.Offsets[0]);
        Assert.All(read.Offsets, o => Assert.InRange(o, -1.5, 1.5));
        Assert.NotEqual(first, analysis);
    }

    private void CopyAllModels()
    {
        foreach (string path in Directory.EnumerateFiles(TestPaths.Repo("models")))
        {
            File.Copy(path, Path.Combine(_folder, Path.GetFileName(path)));
        }
    }
}

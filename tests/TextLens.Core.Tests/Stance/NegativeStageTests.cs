using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Features;
using TextLens.Training;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The negative-vs-rest stage of the polarity tagger (`train stance --negative-stage`, twenty-fourth round,
/// models/stance-polarity.md): the mixing, the tagger wiring when stance-polarity-negative.tlsm lies beside the models (read
/// only for a sentence with its document), refused files, the per-fold training rows of cross-validation, and reproducible
/// training (CRS rows, public domain).
/// </summary>
public sealed class NegativeStageTests : IDisposable
{
    private const string Plain = "The M-2 Bradley transports infantry.";

    // R47194-s002 (gold negative).
    private const string Conceded = "Although improvements have been made in most states, there remain major differences among states in the share of bridges in poor condition.";

    // A realised success (GoodNews' outcome words), read positive by the shipped blend.
    private const string Good = "The program successfully achieved its goals and exceeded its targets, a major breakthrough for the agency.";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "textlens-negative-stage-" + Guid.NewGuid().ToString("N"));

    public NegativeStageTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A negative-vs-rest stage with no weights and this bias: P(negative) = σ(bias[0] − bias[1]) for every sentence, reading the shipped classifier's inputs.</summary>
    private static LinearStanceModel Constant(float negativeLogit)
    {
        var stage = new LinearStanceModel("polarity", StanceTagger.NegativeStageClasses, [negativeLogit, 0f], []);
        LinearStanceModel shipped = TestModels.Set.LoadStanceModel(StanceTagger.PolarityModelFile);
        stage = shipped.ReadsDocument ? stage.WithDocumentContext() : stage;
        stage = shipped.ReadsGoodNews ? stage.WithGoodNews() : stage;
        stage = shipped.ReadsOutcomeFrames ? stage.WithOutcomeFrames() : stage;
        stage = shipped.ReadsSourceStance ? stage.WithSourceStance() : stage;
        stage = shipped.ReadsClauseWords ? stage.WithClauseWords() : stage;
        stage = shipped.ReadsPrevious ? stage : stage.WithoutPrevious();
        Assert.Equal(shipped.PolarityInputs, stage.PolarityInputs);
        return stage;
    }

    private static byte[] Bytes(LinearStanceModel model)
    {
        using var buffer = new MemoryStream();
        model.Save(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void The_stage_replaces_the_negative_probability_by_the_gate_and_keeps_the_ratio_of_the_other_two()
    {
        double[] p = [0.2, 0.6, 0.2];
        double[] all = StanceTagger.MixNegative(p, 0.8, 1, 0, 1, 2);
        Assert.Equal(0.8, all[0], 12);
        Assert.Equal(0.15, all[1], 12);
        Assert.Equal(0.05, all[2], 12);

        // Half analysis prose: half the stage's, half the blend's; neutral and positive keep their 3 : 1.
        double[] half = StanceTagger.MixNegative([0.2, 0.6, 0.2], 0.6, 0.5, 0, 1, 2);
        Assert.Equal(0.4, half[0], 12);
        Assert.Equal(0.45, half[1], 12);
        Assert.Equal(0.15, half[2], 12);
        double[] ratio = StanceTagger.MixNegative([0.1, 0.6, 0.3], 0.5, 1, 0, 1, 2);
        Assert.Equal(1.0, ratio.Sum(), 12);
        Assert.Equal(2.0, ratio[1] / ratio[2], 12);

        // Other prose (g = 0): the blend's probabilities unchanged.
        Assert.Equal([0.1, 0.6, 0.3], StanceTagger.MixNegative([0.1, 0.6, 0.3], 0.9, 0, 0, 1, 2).Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void In_the_tagger_the_stage_reads_only_a_sentence_with_its_document_and_its_label_agrees_with_the_score()
    {
        CopyAllModels();
        File.WriteAllBytes(Path.Combine(_folder, StanceTagger.PolarityNegativeModelFile), Bytes(Constant(8f)));
        StanceTagger shipped = BlendOnly();
        StanceTagger staged = new ModelSet(_folder).Stance;
        Assert.NotNull(staged.PolarityNegativeStage);
        Assert.Null(shipped.PolarityNegativeStage);

        // Without its document (an NYT row, a row read alone) the blend decides: label, score and confidence as shipped.
        foreach (string text in (string[])[Plain, Conceded, "Federal agencies consult with the Services."])
        {
            SentenceStance alone = StanceEvaluation.Tag(staged, text);
            SentenceStance blend = StanceEvaluation.Tag(shipped, text);
            Assert.Equal((blend.Polarity, blend.PolarityScore, blend.PolarityConfidence), (alone.Polarity, alone.PolarityScore, alone.PolarityConfidence));
        }

        // With its document (as 'report' reads it) a stage sure of negative makes the plain description of analysis prose
        // negative; the confidence is the mixed P(negative) and the score agrees with the label.
        StanceContext withDocument = StanceContext.None with { Document = DocumentTone.OfTexts([Plain, Conceded, "Federal agencies consult with the Services.", "The House passed H.R. 1156."]) };
        SentenceStance before = StanceEvaluation.Tag(shipped, Plain, withDocument);
        SentenceStance after = StanceEvaluation.Tag(staged, Plain, withDocument);
        Assert.Equal(Polarity.Neutral, before.Polarity);
        Assert.Equal(Polarity.Negative, after.Polarity);
        Assert.True(after.PolarityScore <= -StanceTagger.NeutralBand, $"score {after.PolarityScore} agrees with the label");
        Assert.True(after.PolarityConfidence > 0.5, $"confidence {after.PolarityConfidence}");

        // A stage sure of "rest" takes the bad news of the conceded sentence away where the blend reads it negative.
        File.WriteAllBytes(Path.Combine(_folder, StanceTagger.PolarityNegativeModelFile), Bytes(Constant(-8f)));
        StanceTagger rest = new ModelSet(_folder).Stance;
        Assert.NotEqual(Polarity.Negative, StanceEvaluation.Tag(rest, Conceded, withDocument).Polarity);
    }

    [Fact]
    public void Neutral_only_gives_a_lowered_negative_probability_to_neutral_alone_and_rescales_as_before_when_it_rises()
    {
        // Twenty-eighth round, lever (a): the stage lowers P(negative) 0.5 -> 0.1; the freed 0.4 goes to neutral, positive keeps 0.3.
        double[] lowered = StanceTagger.MixNegative([0.5, 0.2, 0.3], 0.1, 1, 0, 1, 2, neutralOnly: true);
        Assert.Equal([0.1, 0.6, 0.3], lowered.Select(v => Math.Round(v, 12)));

        // Without the lever the same reading turns positive (0.1 / 0.36 / 0.54): the case the lever exists for.
        double[] before = StanceTagger.MixNegative([0.5, 0.2, 0.3], 0.1, 1, 0, 1, 2);
        Assert.Equal([0.1, 0.36, 0.54], before.Select(v => Math.Round(v, 12)));

        // Where the stage raises P(negative), neutral and positive give in their ratio, as without the lever.
        Assert.Equal(StanceTagger.MixNegative([0.1, 0.6, 0.3], 0.7, 0.5, 0, 1, 2), StanceTagger.MixNegative([0.1, 0.6, 0.3], 0.7, 0.5, 0, 1, 2, neutralOnly: true));
    }

    [Fact]
    public void The_stage_flags_of_the_twenty_eighth_round_survive_the_file_and_a_stage_without_them_is_unchanged()
    {
        LinearStanceModel plain = Constant(1f);
        Assert.False(plain.StageNeutralOnly);
        Assert.False(plain.StageGateSquared);
        LinearStanceModel both = plain.WithStageNeutralOnly().WithStageGateSquared();
        LinearStanceModel read = LinearStanceModel.Load(new MemoryStream(Bytes(both)));
        Assert.True(read.StageNeutralOnly);
        Assert.True(read.StageGateSquared);
        Assert.Equal(plain.PolarityInputs, read.PolarityInputs);
        Assert.Null(StanceTagger.NegativeStageMismatch(read, TestModels.Set.LoadStanceModel(StanceTagger.PolarityModelFile)));
        Assert.Equal(Bytes(plain), Bytes(LinearStanceModel.Load(new MemoryStream(Bytes(plain)))));
        Assert.NotEqual(Bytes(plain), Bytes(both));
    }

    [Fact]
    public void In_the_tagger_the_stage_flags_change_the_mixing_as_stored()
    {
        CopyAllModels();
        string path = Path.Combine(_folder, StanceTagger.PolarityNegativeModelFile);
        StanceContext withDocument = StanceContext.None with { Document = DocumentTone.OfTexts([Plain, Conceded, "Federal agencies consult with the Services.", "The House passed H.R. 1156."]) };

        // (a) A stage sure of "rest": with the flag neutral takes all of the blend's P(negative), so the neutral reading of the
        // conceded sentence is surer than when neutral and positive share it (1 - p_pos against p_neu / (p_neu + p_pos)).
        File.WriteAllBytes(path, Bytes(Constant(-8f)));
        SentenceStance shared = StanceEvaluation.Tag(new ModelSet(_folder).Stance, Conceded, withDocument);
        File.WriteAllBytes(path, Bytes(Constant(-8f).WithStageNeutralOnly()));
        SentenceStance neutralOnly = StanceEvaluation.Tag(new ModelSet(_folder).Stance, Conceded, withDocument);
        Assert.Equal(Polarity.Neutral, shared.Polarity);
        Assert.Equal(Polarity.Neutral, neutralOnly.Polarity);
        Assert.True(neutralOnly.PolarityConfidence > shared.PolarityConfidence + 1e-6, $"neutral {neutralOnly.PolarityConfidence} against {shared.PolarityConfidence}");

        // (b) A stage sure of negative, mixed by the gate's probability squared: less of the stage's P(negative) than by the
        // probability itself (the gate reads the plain description as analysis prose with g < 1).
        File.WriteAllBytes(path, Bytes(Constant(8f)));
        SentenceStance byGate = StanceEvaluation.Tag(new ModelSet(_folder).Stance, Plain, withDocument);
        File.WriteAllBytes(path, Bytes(Constant(8f).WithStageGateSquared()));
        SentenceStance bySquare = StanceEvaluation.Tag(new ModelSet(_folder).Stance, Plain, withDocument);
        Assert.Equal(Polarity.Negative, byGate.Polarity);
        Assert.True(bySquare.PolarityConfidence < byGate.PolarityConfidence - 1e-6, $"P(negative) {bySquare.PolarityConfidence} against {byGate.PolarityConfidence}");
    }

    [Fact]
    public void Neutral_where_negative_frees_mass_to_neutral_only_for_a_negative_reading_and_rescales_other_readings_as_before()
    {
        // Twenty-ninth round, lever (b): a negative reading (0.5 / 0.2 / 0.3) lowered to 0.1 gives the freed 0.4 to neutral
        // (without the lever it would turn positive: 0.1 / 0.36 / 0.54).
        Assert.Equal([0.1, 0.6, 0.3], StanceTagger.MixNegative([0.5, 0.2, 0.3], 0.1, 1, 0, 1, 2, StageMixing.NeutralWhereNegative).Select(v => Math.Round(v, 12)));

        // A positive reading (0.3 / 0.2 / 0.5) keeps the ratio-keeping rescale, so positive stays first (the twenty-eighth
        // round's neutral-only rescale made it neutral: 0.1 / 0.4 / 0.5 -> here 0.1 / 0.36 / 0.54 as without flags).
        double[] positiveRead = StanceTagger.MixNegative([0.3, 0.2, 0.5], 0.1, 1, 0, 1, 2, StageMixing.NeutralWhereNegative);
        Assert.Equal(StanceTagger.MixNegative([0.3, 0.2, 0.5], 0.1, 1, 0, 1, 2), positiveRead);
        Assert.NotEqual(StanceTagger.MixNegative([0.3, 0.2, 0.5], 0.1, 1, 0, 1, 2, StageMixing.NeutralOnly), positiveRead);

        // A raise is the ratio-keeping rescale with or without the lever.
        Assert.Equal(StanceTagger.MixNegative([0.5, 0.2, 0.3], 0.9, 1, 0, 1, 2), StanceTagger.MixNegative([0.5, 0.2, 0.3], 0.9, 1, 0, 1, 2, StageMixing.NeutralWhereNegative));
    }

    [Fact]
    public void Lower_in_frame_only_keeps_the_blend_where_a_reported_outcome_would_be_lowered_and_lowers_a_prospective_one()
    {
        // Twenty-ninth round, lever (a): outside a prospective frame the stage cannot lower P(negative): the blend stands.
        const StageMixing Lever = StageMixing.NeutralWhereNegative | StageMixing.LowerInFrameOnly;
        Assert.Equal([0.5, 0.2, 0.3], StanceTagger.MixNegative([0.5, 0.2, 0.3], 0.1, 1, 0, 1, 2, Lever).Select(v => Math.Round(v, 12)));

        // In the frame it lowers as lever (b) does.
        Assert.Equal([0.1, 0.6, 0.3], StanceTagger.MixNegative([0.5, 0.2, 0.3], 0.1, 1, 0, 1, 2, Lever | StageMixing.InFrame).Select(v => Math.Round(v, 12)));

        // It raises anywhere.
        Assert.Equal(StanceTagger.MixNegative([0.1, 0.6, 0.3], 0.7, 1, 0, 1, 2), StanceTagger.MixNegative([0.1, 0.6, 0.3], 0.7, 1, 0, 1, 2, Lever));
    }

    [Theory]
    // CRS DEV rows (public domain) and issue 10's examples: prospective, hypothetical, proposed.
    [InlineData("Res. 33 would establish aggregate budgetary levels related to total revenues, spending, the deficit, and the public debt for FY2026-FY2035.", true)]
    [InlineData("Will ARV variants have an organic capability to defend against threat UAS, loitering munitions, and one-way attack drones?", true)]
    [InlineData("Would the rural economy benefit from year-round sale of E15?", true)]
    [InlineData("Reportedly, the Army is considering developing a second interceptor.", true)]
    [InlineData("This consolidation is intended to reduce redundancies.", true)]
    [InlineData("The bill, if enacted, would reduce the backlog.", true)]
    [InlineData("Intangible harms may require more searching deliberations.", true)]
    [InlineData("Congress did not enact the proposed cuts.", true)]
    [InlineData("Are current federal bridge funds sufficient?", true)]
    // Reported outcomes and descriptions: not in the frame ("May" the month is not the modal).
    [InlineData("Chongryon membership has also declined.", false)]
    [InlineData("Program costs rose 40% between FY2020 and FY2024.", false)]
    [InlineData("In May 2005, prime minister Junichiro Koizumi commemorated the 50th anniversary of Chongryon.", false)]
    [InlineData("The M-2 Bradley transports infantry.", false)]
    [InlineData("These schools are ineligible for tuition subsidies from the Japanese government.", false)]
    public void The_prospective_frame_separates_proposed_and_hypothetical_content_from_reported_outcomes(string text, bool expected)
    {
        var tokens = new List<TextLens.Core.Parsing.Token>();
        TextLens.Core.Parsing.Tokenizer.Tokenize(text, new TextLens.Core.Text.TextSpan(0, text.Length), tokens);
        Assert.Equal(expected, ProspectiveFrame.In(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens)));
    }

    [Fact]
    public void The_stage_flags_of_the_twenty_ninth_round_survive_the_file_and_change_the_tagger_as_stored()
    {
        LinearStanceModel plain = Constant(-8f);
        LinearStanceModel both = plain.WithStageNeutralWhereNegative().WithStageLowerProspective();
        LinearStanceModel read = LinearStanceModel.Load(new MemoryStream(Bytes(both)));
        Assert.True(read.StageNeutralWhereNegative);
        Assert.True(read.StageLowerProspective);
        Assert.False(plain.StageNeutralWhereNegative || plain.StageLowerProspective);
        Assert.Equal(plain.PolarityInputs, read.PolarityInputs);
        Assert.Null(StanceTagger.NegativeStageMismatch(read, TestModels.Set.LoadStanceModel(StanceTagger.PolarityModelFile)));

        // In the tagger: a stage sure of "rest" takes the negative reading of the conceded sentence (a reported state of
        // bridges, not in a prospective frame) away without the frame flag, and leaves it to the blend with it.
        CopyAllModels();
        string path = Path.Combine(_folder, StanceTagger.PolarityNegativeModelFile);
        StanceContext withDocument = StanceContext.None with { Document = DocumentTone.OfTexts([Plain, Conceded, "Federal agencies consult with the Services.", "The House passed H.R. 1156."]) };
        SentenceStance blend = StanceEvaluation.Tag(BlendOnly(), Conceded, withDocument);
        Assert.Equal(Polarity.Negative, blend.Polarity);
        File.WriteAllBytes(path, Bytes(plain.WithStageNeutralWhereNegative()));
        SentenceStance lowered = StanceEvaluation.Tag(new ModelSet(_folder).Stance, Conceded, withDocument);
        Assert.Equal(Polarity.Neutral, lowered.Polarity);
        File.WriteAllBytes(path, Bytes(both));
        SentenceStance kept = StanceEvaluation.Tag(new ModelSet(_folder).Stance, Conceded, withDocument);
        Assert.Equal((blend.Polarity, blend.PolarityScore, blend.PolarityConfidence), (kept.Polarity, kept.PolarityScore, kept.PolarityConfidence));

        // The same sentence made prospective is lowered with the frame flag.
        const string Hypothetical = "Although improvements could be made in most states, there could remain major differences among states in the share of bridges in poor condition.";
        SentenceStance framedBlend = StanceEvaluation.Tag(BlendOnly(), Hypothetical, withDocument);
        SentenceStance framed = StanceEvaluation.Tag(new ModelSet(_folder).Stance, Hypothetical, withDocument);
        Assert.True(framed.PolarityConfidence != framedBlend.PolarityConfidence || framed.Polarity != framedBlend.Polarity, "the stage reads a prospective sentence");
        Assert.NotEqual(Polarity.Negative, framed.Polarity);
    }

    [Fact]
    public void Keep_positive_leaves_a_positive_reading_to_the_blend_and_mixes_other_readings_as_before()
    {
        // Thirtieth round: a stage sure of negative turns a positive reading (0.2 / 0.2 / 0.6) negative without the lever
        // (0.9 / 0.025 / 0.075); with it the blend stands.
        Assert.Equal([0.9, 0.025, 0.075], StanceTagger.MixNegative([0.2, 0.2, 0.6], 0.9, 1, 0, 1, 2, StageMixing.None).Select(v => Math.Round(v, 12)));
        Assert.Equal([0.2, 0.2, 0.6], StanceTagger.MixNegative([0.2, 0.2, 0.6], 0.9, 1, 0, 1, 2, StageMixing.KeepPositive).Select(v => Math.Round(v, 12)));

        // A neutral or negative reading is mixed as without the lever.
        Assert.Equal(StanceTagger.MixNegative([0.2, 0.6, 0.2], 0.9, 1, 0, 1, 2), StanceTagger.MixNegative([0.2, 0.6, 0.2], 0.9, 1, 0, 1, 2, StageMixing.KeepPositive));
        Assert.Equal(StanceTagger.MixNegative([0.5, 0.2, 0.3], 0.1, 1, 0, 1, 2, StageMixing.NeutralWhereNegative), StanceTagger.MixNegative([0.5, 0.2, 0.3], 0.1, 1, 0, 1, 2, StageMixing.NeutralWhereNegative | StageMixing.KeepPositive));

        // Through the file and the tagger: a stage sure of negative leaves a sentence the blend reads positive as the blend reads it.
        LinearStanceModel sure = Constant(8f);
        Assert.True(LinearStanceModel.Load(new MemoryStream(Bytes(sure.WithStageKeepPositive()))).StageKeepPositive);
        Assert.False(sure.StageKeepPositive);
        CopyAllModels();
        string path = Path.Combine(_folder, StanceTagger.PolarityNegativeModelFile);
        StanceContext withDocument = StanceContext.None with { Document = DocumentTone.OfTexts([Plain, Good, "Federal agencies consult with the Services.", "The House passed H.R. 1156."]) };
        SentenceStance blend = StanceEvaluation.Tag(BlendOnly(), Good, withDocument);
        Assert.Equal(Polarity.Positive, blend.Polarity);
        File.WriteAllBytes(path, Bytes(sure));
        Assert.Equal(Polarity.Negative, StanceEvaluation.Tag(new ModelSet(_folder).Stance, Good, withDocument).Polarity);
        File.WriteAllBytes(path, Bytes(sure.WithStageKeepPositive()));
        SentenceStance kept = StanceEvaluation.Tag(new ModelSet(_folder).Stance, Good, withDocument);
        Assert.Equal((blend.Polarity, blend.PolarityScore, blend.PolarityConfidence), (kept.Polarity, kept.PolarityScore, kept.PolarityConfidence));

        // A neutral reading is still the stage's to change.
        Assert.Equal(Polarity.Negative, StanceEvaluation.Tag(new ModelSet(_folder).Stance, Plain, withDocument).Polarity);
    }

    // CRS DEV IF10753-006 (gold neutral; public domain): a statement of law the blend reads neutral.
    private const string Established = "EPA established ENERGY STAR in 1992 under the authority of the Clean Air Act, Section 103(g).";

    // Thirty-third round: a report of bad news (CRS sentences quoted in models/stance-polarity.md, public domain, and two plain ones).
    private static readonly string[] BadNewsReport =
    [
        "Program integrity issues, such as improper benefit payments, have long been of concern.",
        "The lawsuit alleged that the administration had unlawfully terminated the program.",
        "The request would cut funding by 37% and eliminate several programs.",
        "Families of CYSHCN often experience chronic stress and adverse health outcomes.",
        Plain,
        Established,
    ];

    /// <summary>The hashed slot and value of the named context feature <paramref name="name"/> at value 1.</summary>
    private static (int Slot, float Value) NamedSlot(string name)
    {
        (int[] idx, float[] val) = StanceFeaturizer.WithContext(([], []), [(name, 1f)]);
        return (idx[0], val[0]);
    }

    /// <summary>A stage whose P(negative) is σ(bias + weight · doc:bad), reading the shipped classifier's inputs.</summary>
    private static LinearStanceModel DocumentOnly(float bias, float weight)
    {
        LinearStanceModel inputs = Constant(0f);
        var stage = new LinearStanceModel("polarity", StanceTagger.NegativeStageClasses, [bias, 0f], new Dictionary<int, float[]> { [NamedSlot(PolarityContext.DocumentFeature).Slot] = [weight, 0f] });
        stage = inputs.ReadsDocument ? stage.WithDocumentContext() : stage;
        stage = inputs.ReadsGoodNews ? stage.WithGoodNews() : stage;
        stage = inputs.ReadsOutcomeFrames ? stage.WithOutcomeFrames() : stage;
        stage = inputs.ReadsSourceStance ? stage.WithSourceStance() : stage;
        stage = inputs.ReadsClauseWords ? stage.WithClauseWords() : stage;
        stage = inputs.ReadsPrevious ? stage : stage.WithoutPrevious();
        Assert.Equal(inputs.PolarityInputs, stage.PolarityInputs);
        return stage;
    }

    [Fact]
    public void Without_document_the_stage_flag_survives_the_file_and_only_the_documents_bad_news_is_left_out()
    {
        LinearStanceModel plain = Constant(1f).WithStageNeutralWhereNegative();
        LinearStanceModel flagged = plain.WithStageWithoutDocument();
        LinearStanceModel read = LinearStanceModel.Load(new MemoryStream(Bytes(flagged)));
        Assert.True(read.StageWithoutDocument);
        Assert.True(read.StageNeutralWhereNegative);
        Assert.False(plain.StageWithoutDocument);
        Assert.False(TestModels.Set.Stance.PolarityNegativeStage!.StageWithoutDocument);
        Assert.Equal(plain.PolarityInputs, read.PolarityInputs);
        Assert.Null(StanceTagger.NegativeStageMismatch(read, TestModels.Set.LoadStanceModel(StanceTagger.PolarityModelFile)));
        Assert.NotEqual(Bytes(plain), Bytes(flagged));

        // The named features of a sentence of the bad-news report: the previous sentence's stay, the document's goes.
        var tokens = new List<TextLens.Core.Parsing.Token>();
        TextLens.Core.Parsing.Tokenizer.Tokenize(Established, new TextLens.Core.Text.TextSpan(0, Established.Length), tokens);
        StanceContext context = StanceContext.None with { Previous = BadNewsReport[1], Document = DocumentTone.OfTexts(BadNewsReport) };
        IReadOnlyList<(string Name, float Value)> named = PolarityContext.Of(context, TestModels.Set.Valence, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), PolarityInputs.Previous | PolarityInputs.Document);
        Assert.Contains(named, f => f.Name == PolarityContext.DocumentFeature && f.Value > 0.5f);
        Assert.Contains(named, f => f.Name == "prev:bad" && f.Value > 0);
        IReadOnlyList<(string Name, float Value)> without = PolarityContext.WithoutDocument(named);
        Assert.Equal(named.Where(f => f.Name != PolarityContext.DocumentFeature), without);
        Assert.Equal(named.Count - 1, without.Count);
    }

    [Fact]
    public void Without_document_a_stage_that_reads_the_reports_bad_news_no_longer_raises_a_plain_sentence_of_it()
    {
        CopyAllModels();
        string path = Path.Combine(_folder, StanceTagger.PolarityNegativeModelFile);
        StanceContext inBadNews = StanceContext.None with { Document = DocumentTone.OfTexts(BadNewsReport) };
        StanceContext inPlainReport = StanceContext.None with { Document = DocumentTone.OfTexts([Plain, "Federal agencies consult with the Services.", "The House passed H.R. 1156.", Established]) };
        SentenceStance blend = StanceEvaluation.Tag(BlendOnly(), Established, inBadNews);
        Assert.Equal(Polarity.Neutral, blend.Polarity);

        // A stage that reads only the document's bad news (σ(−4 + 20 · doc:bad)) turns the statement of law in the bad-news
        // report negative, and not in a report without bad news.
        File.WriteAllBytes(path, Bytes(DocumentOnly(-4f, 20f)));
        Assert.Equal(Polarity.Negative, StanceEvaluation.Tag(new ModelSet(_folder).Stance, Established, inBadNews).Polarity);
        Assert.Equal(Polarity.Neutral, StanceEvaluation.Tag(new ModelSet(_folder).Stance, Established, inPlainReport).Polarity);

        // With the flag it reads its bias alone: exactly what a stage of that bias and no weights gives, in both reports; and the
        // stage is still read only with the document (a sentence alone is the blend's).
        // (Each tagger is read through before the next file is written: the models load on first use.)
        File.WriteAllBytes(path, Bytes(DocumentOnly(-4f, 20f).WithStageWithoutDocument()));
        StanceTagger flagged = new ModelSet(_folder).Stance;
        StanceContext[] reports = [inBadNews, inPlainReport];
        SentenceStance[] withFlag = [.. reports.Select(c => StanceEvaluation.Tag(flagged, Established, c))];
        File.WriteAllBytes(path, Bytes(Constant(-4f)));
        StanceTagger bias = new ModelSet(_folder).Stance;
        for (int i = 0; i < reports.Length; i++)
        {
            SentenceStance a = withFlag[i];
            SentenceStance b = StanceEvaluation.Tag(bias, Established, reports[i]);
            Assert.Equal(Polarity.Neutral, a.Polarity);
            Assert.Equal((b.Polarity, b.PolarityScore, b.PolarityConfidence), (a.Polarity, a.PolarityScore, a.PolarityConfidence));
        }

        SentenceStance alone = StanceEvaluation.Tag(flagged, Established);
        SentenceStance blendAlone = StanceEvaluation.Tag(BlendOnly(), Established);
        Assert.Equal((blendAlone.Polarity, blendAlone.PolarityScore, blendAlone.PolarityConfidence), (alone.Polarity, alone.PolarityScore, alone.PolarityConfidence));
    }

    [Fact]
    public void Without_document_the_trained_stage_has_no_weight_on_the_documents_bad_news_and_training_is_reproducible()
    {
        // crs_more rows (our own file, public-domain CRS text) as in-domain rows and as the stage's own rows.
        IReadOnlyList<StanceItem> file = StanceEvaluation.ReadJsonl(TestPaths.Repo("data", "stance", "crs_more.jsonl"));
        IReadOnlyList<StanceItem> dev = [.. file.Take(400).Select(i => i with { Weight = 3, InDomain = true })];
        IReadOnlyList<StanceItem> more = [.. file.Skip(400).Take(400).Select(i => i with { InDomain = true })];
        var options = new StanceTrainingOptions { ClassBalance = 0.5, DocumentContext = true, NegativeStage = more };
        (int slot, float value) = NamedSlot(PolarityContext.DocumentFeature);
        double Weight(LinearStanceModel m)
        {
            double[] zero = m.Predict([], []);
            double[] one = m.Predict([slot], [value]);
            return Math.Log(one[0] / one[1]) - Math.Log(zero[0] / zero[1]);
        }

        LinearStanceModel reading = StanceTrainer.TrainNegativeStage(dev, options, TestModels.Set.Valence);
        byte[] first = Bytes(StanceTrainer.TrainNegativeStage(dev, options with { NegativeStageWithoutDocument = true }, TestModels.Set.Valence));
        Assert.Equal(first, Bytes(StanceTrainer.TrainNegativeStage(dev, options with { NegativeStageWithoutDocument = true }, TestModels.Set.Valence)));
        LinearStanceModel without = LinearStanceModel.Load(new MemoryStream(first));
        Assert.False(reading.StageWithoutDocument);
        Assert.True(without.StageWithoutDocument);
        Assert.True(without.ReadsDocument);
        Assert.True(Math.Abs(Weight(reading)) > 0.01, $"the stage trained with the document weighs doc:bad {Weight(reading)}");
        Assert.Equal(0, Weight(without), 9);
    }

    [Fact]
    public void A_corrupt_or_foreign_negative_stage_beside_the_models_is_an_error_that_names_it()
    {
        CopyAllModels();
        string path = Path.Combine(_folder, StanceTagger.PolarityNegativeModelFile);
        File.WriteAllBytes(path, Bytes(Constant(1f))[..^4]);
        Assert.Equal(StanceTagger.PolarityNegativeModelFile, Assert.Throws<ModelLoadException>(() => new ModelSet(_folder).Stance).FileName);

        // Well formed, but a three-class model, or a stage that does not read the classifier's inputs: refused by name too.
        File.WriteAllBytes(path, Bytes(new LinearStanceModel("polarity", ["negative", "neutral", "positive"], new float[3], [])));
        ModelLoadException three = Assert.Throws<ModelLoadException>(() => new ModelSet(_folder).Stance);
        Assert.Equal(StanceTagger.PolarityNegativeModelFile, three.FileName);
        Assert.Contains($"'{StanceTagger.PolarityNegativeModelFile}'", three.Message, StringComparison.Ordinal);
        File.WriteAllBytes(path, Bytes(new LinearStanceModel("polarity", StanceTagger.NegativeStageClasses, new float[2], [])));
        Assert.Equal(StanceTagger.PolarityNegativeModelFile, Assert.Throws<ModelLoadException>(() => new ModelSet(_folder).Stance).FileName);
    }

    [Fact]
    public void Cross_validation_trains_each_folds_stage_on_no_row_of_a_held_out_document_and_training_is_reproducible()
    {
        string crs = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.polarity.dev.jsonl");
        string nyt = SharedData.RequireOrSkip("data", "stance", "polarity_nyt_vader.dev.jsonl");
        IReadOnlyList<StanceItem> news = [.. StanceEvaluation.ReadJsonl(nyt).Take(150)];
        IReadOnlyList<StanceItem> dev = [.. StanceEvaluation.ReadJsonl(crs).Take(240).Select(i => i with { Weight = 3, InDomain = true })];
        HashSet<string> devDocs = [.. dev.Select(StanceTrainer.GroupOf)];
        // The stage's own rows: more sentences of the same reports, and of reports the DEV rows do not hold.
        IReadOnlyList<StanceItem> file = StanceEvaluation.ReadJsonl(TestPaths.Repo("data", "stance", "crs_more.jsonl"));
        IReadOnlyList<StanceItem> more = [.. file.Where(i => devDocs.Contains(StanceTrainer.GroupOf(i))).Take(200), .. file.Where(i => !devDocs.Contains(StanceTrainer.GroupOf(i))).Take(40)];
        more = [.. more.Select(i => i with { InDomain = true })];
        Assert.True(more.Select(StanceTrainer.GroupOf).Where(devDocs.Contains).Distinct().Count() >= 3);
        Assert.Contains(more, i => !devDocs.Contains(StanceTrainer.GroupOf(i)));
        var options = new StanceTrainingOptions { ClassBalance = 0.5, Folds = 3, DocumentContext = true, NegativeStage = more };
        CrossValidationResult r = StanceTrainer.CrossValidate(StanceAxis.Polarity, dev, news, options, TestModels.Set.Valence);
        Assert.Equal(3, r.NegativeStageGroups.Count);

        // A report the DEV rows score is held out of exactly one fold's stage (the fold that scores it: its DEV rows are
        // held out there); a report they do not score trains every fold's stage.
        foreach (string doc in more.Select(StanceTrainer.GroupOf).Distinct())
        {
            Assert.Equal(devDocs.Contains(doc) ? 2 : 3, r.NegativeStageGroups.Count(g => g.Contains(doc)));
        }

        byte[] first = Bytes(StanceTrainer.TrainNegativeStage(dev, options, TestModels.Set.Valence));
        Assert.Equal(first, Bytes(StanceTrainer.TrainNegativeStage(dev, options, TestModels.Set.Valence)));
        LinearStanceModel stage = LinearStanceModel.Load(new MemoryStream(first));
        Assert.Equal(StanceTagger.NegativeStageClasses, stage.Classes);
        Assert.True(stage.ReadsDocument);
    }

    /// <summary>The shipped models without the negative stage (the blend alone, as before the thirtieth round shipped the stage).</summary>
    private StanceTagger BlendOnly()
    {
        string folder = Path.Combine(_folder, "blend");
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            foreach (string path in Directory.EnumerateFiles(TestPaths.Repo("models")).Where(f => Path.GetFileName(f) != StanceTagger.PolarityNegativeModelFile))
            {
                File.Copy(path, Path.Combine(folder, Path.GetFileName(path)));
            }
        }

        return new ModelSet(folder).Stance;
    }

    [Fact]
    public void The_shipped_stage_is_the_thirtieth_rounds_and_reads_the_seeds_stated_decline_as_the_blend_does()
    {
        // models/stance-polarity.md, thirtieth round: P2 (neutral where the blend read negative, lowering only in a
        // prospective frame) with positive readings left to the blend.
        LinearStanceModel? stage = TestModels.Set.Stance.PolarityNegativeStage;
        Assert.NotNull(stage);
        Assert.True(stage.StageNeutralWhereNegative && stage.StageLowerProspective && stage.StageKeepPositive);
        Assert.False(stage.StageNeutralOnly || stage.StageGateSquared);

        // A reported outcome keeps the blend's negative reading (the twenty-fourth round's stage made it neutral).
        StanceContext withDocument = StanceContext.None with { Document = DocumentTone.OfTexts([Plain, "Chongryon membership has also declined.", "Federal agencies consult with the Services.", "The House passed H.R. 1156."]) };
        SentenceStance blend = StanceEvaluation.Tag(BlendOnly(), "Chongryon membership has also declined.", withDocument);
        SentenceStance shipped = StanceEvaluation.Tag(TestModels.Set.Stance, "Chongryon membership has also declined.", withDocument);
        Assert.Equal(Polarity.Negative, blend.Polarity);
        Assert.Equal(Polarity.Negative, shipped.Polarity);
    }

    private void CopyAllModels()
    {
        foreach (string path in Directory.EnumerateFiles(TestPaths.Repo("models")))
        {
            File.Copy(path, Path.Combine(_folder, Path.GetFileName(path)));
        }
    }
}

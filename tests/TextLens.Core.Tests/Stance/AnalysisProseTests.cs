using System.Runtime.InteropServices;
using TextLens.Core.Analyzers.Stance;
using TextLens.Training;
using TextLens.Training.Evaluation;
using TextLens.Core.Parsing;
using TextLens.Core.Text;
using TextLens.Testing;

namespace TextLens.Core.Tests.Stance;

/// <summary>Stance on policy-analysis prose (CRS-style reports): description of law and programmes is neutral, headings state nothing.</summary>
public class AnalysisProseTests
{
    private static SentenceStance Tag(string sentence, StanceContext context)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        return TestModels.Set.Stance.Tag(0, sentence, CollectionsMarshal.AsSpan(tokens), context);
    }

    [Theory]
    [InlineData("The M-2 Bradley transports infantry.")]
    [InlineData("Federal agencies consult with the Services.")]
    [InlineData("On March 3, the House passed H.R. 1156.")]
    public void Description_of_programmes_procedure_and_events_is_neutral(string sentence)
    {
        SentenceStance s = Tag(sentence, StanceContext.None);
        Assert.Equal(Polarity.Neutral, s.Polarity);
        Assert.InRange(s.PolarityScore, -StanceTagger.NeutralBand, StanceTagger.NeutralBand);
    }

    [Theory]
    [InlineData("Chongryon membership has also declined.")]
    [InlineData("The program has experienced significant cost growth and schedule delays.")]
    [InlineData("Production was temporarily halted after the contractor reported defects.")]
    [InlineData("GAO estimated that improper payments totaled $162 billion in FY2024.")]
    [InlineData("The Army announced the termination of the contract, leading to litigation.")]
    public void Bad_news_in_policy_vocabulary_is_negative(string sentence)
    {
        SentenceStance s = Tag(sentence, StanceContext.None);
        Assert.Equal(Polarity.Negative, s.Polarity);
        Assert.True(s.PolarityScore <= -StanceTagger.NeutralBand, $"score {s.PolarityScore}");
    }

    [Theory]
    [InlineData("Potential Oversight Issue for Congress")]
    [InlineData("FY2027 XM-30 Budget Request")]
    [InlineData("Overview")]
    public void Headings_carry_no_polarity(string heading)
    {
        StanceContext context = StanceContext.For(heading, "The Army plans to field the first units in FY2029.");
        Assert.True(context.Heading);
        SentenceStance s = Tag(heading, context);
        Assert.Equal(Polarity.Neutral, s.Polarity);
        Assert.Equal(0, s.PolarityScore);
    }

    [Theory]
    [InlineData("The Army plans to field the first units in FY2029.", false)]
    [InlineData("What does the bill change?", false)]
    [InlineData("a lower-case fragment without a period", false)]
    [InlineData("Potential Oversight Issues for Congress", true)]
    [InlineData("Table 1. Funding by Fiscal Year", true)]
    public void Headings_are_recognised_in_plain_text(string line, bool heading)
    {
        Assert.Equal(heading, StanceContext.LooksLikeHeading(line));
    }

    [Theory]
    [InlineData("The report stated:", true)]
    [InlineData("According to Defense News,", true)]
    [InlineData("The committee met on Tuesday.", false)]
    public void A_lead_in_is_read_off_the_previous_sentence(string previous, bool leadIn)
    {
        Assert.Equal(leadIn, PreviousSentence.Of(new StanceContext(previous, false)).LeadIn);
    }

    [Fact]
    public void A_quotation_left_open_is_seen_in_the_previous_sentence()
    {
        Assert.True(PreviousSentence.OpensQuotation("The Secretary wrote: “The program has met every milestone."));
        Assert.False(PreviousSentence.OpensQuotation("The Secretary wrote that “the program has met every milestone.”"));
    }

    [Fact]
    public void Epistemic_training_is_reproducible_byte_for_byte_and_reads_the_context()
    {
        string data = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.epistemic.dev.jsonl");
        string other = SharedData.RequireOrSkip("data", "stance", "polarity_vader_other.train.jsonl");
        IReadOnlyList<StanceItem> silver = StanceTrainer.RuleLabelled(StanceEvaluation.ReadJsonl(other).Take(200), 0.1);
        Assert.All(silver, i => Assert.Contains(i.Label("label"), StanceTagger.EpistemicClasses));
        Assert.All(silver, i => Assert.True(i.RuleLabelled));
        IReadOnlyList<StanceItem> items = [.. StanceEvaluation.ReadJsonl(data).Take(300), .. silver];
        byte[] Train()
        {
            LinearStanceModel model = StanceTrainer.Train(StanceAxis.Epistemic, items, new StanceTrainingOptions { ClassBalance = 0.5 }, TestModels.Set.Valence);
            using var buffer = new MemoryStream();
            model.Save(buffer);
            return buffer.ToArray();
        }

        byte[] first = Train();
        Assert.Equal(first, Train());
        using var stream = new MemoryStream(first);
        LinearStanceModel loaded = LinearStanceModel.Load(stream);
        Assert.Equal(StanceTagger.EpistemicClasses, loaded.Classes);
        Assert.Equal(StanceFeaturizer.EpistemicVersion, loaded.FeatureVersion);
    }

    [Theory]
    [InlineData("CBO estimated that the program would cost $4 billion over 10 years.")]
    [InlineData("Congress may wish to consider whether the Army should accelerate procurement.")]
    [InlineData("The Army may have underestimated the cost of the new vehicle.")]
    public void A_temperature_softens_the_epistemic_confidence_without_changing_the_tag(string sentence)
    {
        LinearStanceModel shipped = TestModels.Set.LoadStanceModel(StanceTagger.EpistemicModelFile);
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        SentenceStance Tagged(LinearStanceModel model) =>
            new StanceTagger(TestModels.Set.Valence, null, null) { EpistemicModel = model }.Tag(0, sentence, CollectionsMarshal.AsSpan(tokens));

        SentenceStance sharp = Tagged(shipped);
        SentenceStance soft = Tagged(shipped.WithTemperature(2));
        Assert.Equal(sharp.Epistemic, soft.Epistemic);
        Assert.True(soft.EpistemicConfidence < sharp.EpistemicConfidence, $"{soft.EpistemicConfidence} < {sharp.EpistemicConfidence}");
        Assert.True(soft.EpistemicConfidence > 0.25);
        Assert.Equal(sharp.EpistemicConfidence, Tagged(shipped.WithTemperature(1)).EpistemicConfidence);
    }

    [Fact]
    public void A_temperature_must_be_positive_and_finite()
    {
        LinearStanceModel shipped = TestModels.Set.LoadStanceModel(StanceTagger.EpistemicModelFile);
        Assert.Throws<ArgumentException>(() => shipped.WithTemperature(0));
        Assert.Throws<ArgumentException>(() => shipped.WithTemperature(double.NaN));
        Assert.Throws<ArgumentException>(() => shipped.WithTemperature(double.PositiveInfinity));
    }

    [Fact]
    public void The_fitted_temperature_softens_an_overconfident_model_and_sharpens_a_timid_one()
    {
        // 0.95 confident and right 70% of the time: overconfident, T > 1. 0.4 confident and always right: timid, T < 1.
        (double[] P, int Gold)[] over = [.. Enumerable.Range(0, 100).Select(i => (new[] { 0.95, 0.05 / 3, 0.05 / 3, 0.05 / 3 }, i % 10 < 7 ? 0 : 1 + (i % 3)))];
        (double[] P, int Gold)[] timid = [.. Enumerable.Range(0, 100).Select(_ => (new[] { 0.4, 0.2, 0.2, 0.2 }, 0))];
        Assert.True(StanceTrainer.FitTemperature(over) > 1.5);
        Assert.True(StanceTrainer.FitTemperature(timid) < 1);
        Assert.Equal(1, StanceTrainer.FitTemperature([]));
        Assert.Equal(StanceTrainer.FitTemperature(over), StanceTrainer.FitTemperature(over));
    }

    [Fact]
    public void Class_offsets_move_the_threshold_toward_an_under_called_class()
    {
        // Class 1 is right whenever its probability reaches 0.3, but the argmax never picks it: a positive offset for class 1 fixes that.
        (double[] P, int Gold)[] heldOut =
        [
            .. Enumerable.Range(0, 60).Select(_ => (new[] { 0.6, 0.3, 0.05, 0.05 }, 1)),
            .. Enumerable.Range(0, 60).Select(_ => (new[] { 0.8, 0.1, 0.05, 0.05 }, 0)),
        ];
        double[] offsets = StanceTrainer.FitClassOffsets(heldOut, 4);
        Assert.Equal(0, offsets[0]);
        Assert.True(offsets[1] > Math.Log(0.6 / 0.3) - 1e-9, $"offset {offsets[1]}");
        Assert.True(offsets[1] < Math.Log(0.8 / 0.1), $"offset {offsets[1]}");
        Assert.Equal(offsets, StanceTrainer.FitClassOffsets(heldOut, 4));
        Assert.Equal(new double[4], StanceTrainer.FitClassOffsets([], 4));
    }

    [Fact]
    public void Class_offsets_shift_the_shipped_models_tag_and_need_one_finite_offset_per_class()
    {
        LinearStanceModel shipped = TestModels.Set.LoadStanceModel(StanceTagger.EpistemicModelFile);
        const string sentence = "The agency published the final rule in March 2025.";
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        SentenceStance Tagged(LinearStanceModel model) =>
            new StanceTagger(TestModels.Set.Valence, null, null) { EpistemicModel = model }.Tag(0, sentence, CollectionsMarshal.AsSpan(tokens));

        Assert.Equal(EpistemicStance.Asserted, Tagged(shipped).Epistemic);
        Assert.Equal(EpistemicStance.Hedged, Tagged(shipped.WithClassOffsets([0, 30, 0, 0])).Epistemic);
        Assert.Equal(Tagged(shipped).EpistemicConfidence, Tagged(shipped.WithClassOffsets([0, 0, 0, 0])).EpistemicConfidence);
        Assert.Throws<ArgumentException>(() => shipped.WithClassOffsets([0, 1]));
        Assert.Throws<ArgumentException>(() => shipped.WithClassOffsets([0, double.NaN, 0, 0]));
    }

    [Fact]
    public void The_epistemic_model_must_have_the_four_tags()
    {
        var wrong = new LinearStanceModel("epistemic", ["asserted", "hedged"], [0f, 0f], []);
        Assert.Throws<ArgumentException>(() => new StanceTagger(TestModels.Set.Valence, null, null) { EpistemicModel = wrong });
    }

    private static byte[] Bytes(LinearStanceModel model)
    {
        using var buffer = new MemoryStream();
        model.Save(buffer);
        return buffer.ToArray();
    }

    [Fact]
    public void Genre_blend_training_is_reproducible_byte_for_byte()
    {
        string crs = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.polarity.dev.jsonl");
        string nyt = SharedData.RequireOrSkip("data", "stance", "polarity_nyt_vader.dev.jsonl");
        IReadOnlyList<StanceItem> items =
        [
            .. StanceEvaluation.ReadJsonl(crs).Take(200).Select(i => i with { Weight = 3, InDomain = true }),
            .. StanceEvaluation.ReadJsonl(nyt).Take(200),
        ];
        var options = new StanceTrainingOptions { ClassBalance = 0.5 };
        byte[][] Train()
        {
            LinearStanceModel model = StanceTrainer.Train(StanceAxis.Polarity, items, options, TestModels.Set.Valence);
            GenreBlend blend = StanceTrainer.TrainBlend(StanceAxis.Polarity, model, items, options, TestModels.Set.Valence)
                ?? throw new InvalidOperationException("Mixed genres must give a blend.");
            return [.. new[] { blend.Analysis, blend.Other, blend.Genre }.Select(Bytes)];
        }

        byte[][] first = Train();
        byte[][] second = Train();
        for (int k = 0; k < first.Length; k++)
        {
            Assert.Equal(first[k], second[k]);
        }

        Assert.NotEqual(first[0], first[1]);
        Assert.Null(StanceTrainer.TrainBlend(StanceAxis.Polarity, StanceTrainer.Train(StanceAxis.Polarity, items.Take(200).ToList(), options, TestModels.Set.Valence), [.. items.Take(200)], options, TestModels.Set.Valence));
    }

    [Fact]
    public void Class_balance_by_genre_balances_analysis_prose_against_its_own_counts()
    {
        string crs = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.polarity.dev.jsonl");
        string nyt = SharedData.RequireOrSkip("data", "stance", "polarity_nyt_vader.dev.jsonl");
        StanceItem[] analysis = [.. StanceEvaluation.ReadJsonl(crs).Take(150).Select(i => i with { Weight = 3, InDomain = true })];
        StanceItem[] opinion = [.. StanceEvaluation.ReadJsonl(nyt).Take(150)];
        var pooled = new StanceTrainingOptions { ClassBalance = 0.5 };
        StanceTrainingOptions byGenre = pooled with { ClassBalanceByGenre = true };
        byte[] Model(IReadOnlyList<StanceItem> items, StanceTrainingOptions options) => Bytes(StanceTrainer.Train(StanceAxis.Polarity, items, options, TestModels.Set.Valence));

        // One genre alone: the same balance either way (and a balance at all): the other rows keep the pooled balance.
        Assert.Equal(Model(analysis, pooled), Model(analysis, byGenre));
        Assert.Equal(Model(opinion, pooled), Model(opinion, byGenre));
        Assert.NotEqual(Model(opinion, pooled with { ClassBalance = 0 }), Model(opinion, byGenre));

        // Mixed: a different classifier, but the same gate and opinion model (they keep their own balance).
        StanceItem[] mixed = [.. analysis, .. opinion];
        LinearStanceModel a = StanceTrainer.Train(StanceAxis.Polarity, mixed, pooled, TestModels.Set.Valence);
        LinearStanceModel b = StanceTrainer.Train(StanceAxis.Polarity, mixed, byGenre, TestModels.Set.Valence);
        Assert.NotEqual(Bytes(a), Bytes(b));
        GenreBlend blendA = StanceTrainer.TrainBlend(StanceAxis.Polarity, a, mixed, pooled, TestModels.Set.Valence)!;
        GenreBlend blendB = StanceTrainer.TrainBlend(StanceAxis.Polarity, b, mixed, byGenre, TestModels.Set.Valence)!;
        Assert.Equal(Bytes(blendA.Genre), Bytes(blendB.Genre));
        Assert.Equal(Bytes(blendA.Other), Bytes(blendB.Other));
    }

    [Fact]
    public void The_genre_gate_tells_report_prose_from_opinion_writing()
    {
        GenreBlend blend = TestModels.Set.Stance.SubjectivityBlend ?? throw new InvalidOperationException("The shipped tagger has no subjectivity blend.");
        double Analysis(string sentence)
        {
            var tokens = new List<Token>();
            Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
            StanceEvidence evidence = StanceTagger.Inspect(sentence, CollectionsMarshal.AsSpan(tokens));
            (int[] idx, float[] val) = StanceFeaturizer.Featurize(CollectionsMarshal.AsSpan(tokens), evidence.Quoted, evidence.Scores, TestModels.Set.Valence, StanceFeaturizer.Version);
            return blend.AnalysisProbability(idx, val);
        }

        Assert.True(Analysis("Section 7 of the Endangered Species Act requires federal agencies to consult with the Services.") > 0.5);
        Assert.True(Analysis("I have never been so ashamed of the people we elected, and I hope they hear us now.") < 0.5);
    }

    [Fact]
    public void A_genre_blend_needs_two_models_of_one_axis_and_an_other_versus_analysis_gate()
    {
        var polarity = new LinearStanceModel("polarity", ["negative", "neutral", "positive"], [0f, 0f, 0f], []);
        var subjectivity = new LinearStanceModel("subjectivity", ["objective", "subjective"], [0f, 0f], []);
        var gate = new LinearStanceModel("polarity", ["other", "analysis"], [0f, 0f], []);
        var wrongGate = new LinearStanceModel("polarity", ["analysis", "other"], [0f, 0f], []);
        Assert.Throws<ArgumentException>(() => new GenreBlend(polarity, subjectivity, gate));
        Assert.Throws<ArgumentException>(() => new GenreBlend(polarity, polarity, wrongGate));
        var blend = new GenreBlend(polarity, polarity, gate);
        Assert.Throws<ArgumentException>(() => new StanceTagger(TestModels.Set.Valence, null, subjectivity) { PolarityBlend = blend });
    }

    [Fact]
    public void A_sharper_gate_is_the_trained_gate_with_its_logit_shifted_and_scaled()
    {
        string crs = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.polarity.dev.jsonl");
        string nyt = SharedData.RequireOrSkip("data", "stance", "polarity_nyt_vader.dev.jsonl");
        IReadOnlyList<StanceItem> items =
        [
            .. StanceEvaluation.ReadJsonl(crs).Take(150).Select(i => i with { Weight = 3, InDomain = true }),
            .. StanceEvaluation.ReadJsonl(nyt).Take(150),
        ];
        var options = new StanceTrainingOptions { ClassBalance = 0.5 };
        LinearStanceModel model = StanceTrainer.Train(StanceAxis.Polarity, items, options, TestModels.Set.Valence);
        GenreBlend plain = StanceTrainer.TrainBlend(StanceAxis.Polarity, model, items, options, TestModels.Set.Valence)!;
        GenreBlend sharp = StanceTrainer.TrainBlend(StanceAxis.Polarity, model, items, options with { GateSharpness = 4, GateShift = -3 }, TestModels.Set.Valence)!;
        foreach (string sentence in (string[])[
            "Section 7 of the Endangered Species Act requires federal agencies to consult with the Services.",
            "I have never been so ashamed of the people we elected, and I hope they hear us now.",
            "The FY2027 request was $323.2 million below the FY2026 enacted amount."])
        {
            (int[] idx, float[] val) = PolarityVector(sentence);
            double g = plain.AnalysisProbability(idx, val);
            double expected = 1 / (1 + Math.Exp(-4 * (Math.Log(g / (1 - g)) + 3)));
            Assert.Equal(expected, sharp.AnalysisProbability(idx, val), 4);
            Assert.Equal(plain.Other.Predict(idx, val), sharp.Other.Predict(idx, val));
        }
    }

    [Fact]
    public void A_polarity_temperature_below_1_sharpens_the_classifier_and_keeps_its_labels()
    {
        string crs = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.polarity.dev.jsonl");
        IReadOnlyList<StanceItem> items = [.. StanceEvaluation.ReadJsonl(crs).Take(150)];
        var options = new StanceTrainingOptions { ClassBalance = 0.5 };
        LinearStanceModel plain = StanceTrainer.Train(StanceAxis.Polarity, items, options, TestModels.Set.Valence);
        LinearStanceModel sharp = StanceTrainer.Train(StanceAxis.Polarity, items, options with { Temperature = 0.85 }, TestModels.Set.Valence);
        foreach (string sentence in (string[])[
            "The FY2027 request was $323.2 million below (-20%) the FY2026 enacted amount.",
            "Federal agencies consult with the Services.",
            "The program has improved readiness and saved $40 million."])
        {
            (int[] idx, float[] val) = PolarityVector(sentence);
            double[] p = plain.Predict(idx, val);
            double[] q = sharp.Predict(idx, val);
            int label = Array.IndexOf(p, p.Max());
            Assert.Equal(label, Array.IndexOf(q, q.Max()));
            Assert.True(q[label] > p[label], sentence);
        }

        LinearStanceModel subjectivity = StanceTrainer.Train(StanceAxis.Subjectivity, [.. StanceEvaluation.ReadJsonl(SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.subjectivity.dev.jsonl")).Take(100)], options with { Temperature = 0.85 }, TestModels.Set.Valence);
        Assert.Equal(Bytes(StanceTrainer.Train(StanceAxis.Subjectivity, [.. StanceEvaluation.ReadJsonl(SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.subjectivity.dev.jsonl")).Take(100)], options, TestModels.Set.Valence)), Bytes(subjectivity));
    }

    [Fact]
    public void Shipped_polarity_blends_by_genre_and_reads_opinion_writing_with_its_tone()
    {
        GenreBlend blend = TestModels.Set.Stance.PolarityBlend ?? throw new InvalidOperationException("The shipped tagger has no polarity blend.");
        (int[] report, float[] reportValues) = PolarityVector("The Coastal and Marine Hazards and Resources Program would decrease in funding from $41.0 million for FY2026 to $25.2 million for FY2027.");
        double reportGate = blend.AnalysisProbability(report, reportValues);
        Assert.True(reportGate > 0.99, $"P(analysis) {reportGate}");
        const string Scorn = "This is a disgraceful, cowardly decision, and the voters will not forget it.";
        const string Praise = "What a wonderful, generous gesture from a team that has given this city so much joy.";
        foreach (string opinion in (string[])[Scorn, Praise])
        {
            (int[] idx, float[] val) = PolarityVector(opinion);
            Assert.True(blend.AnalysisProbability(idx, val) < reportGate, opinion);
        }

        Assert.Equal(Polarity.Negative, Tag(Scorn, StanceContext.None).Polarity);
        Assert.Equal(Polarity.Positive, Tag(Praise, StanceContext.None).Polarity);
        Assert.Equal(Polarity.Negative, Tag("The Coastal and Marine Hazards and Resources Program would decrease in funding from $41.0 million for FY2026 to $25.2 million for FY2027.", StanceContext.None).Polarity);
    }

    private static (int[] Indices, float[] Values) PolarityVector(string sentence)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        StanceEvidence evidence = StanceTagger.Inspect(sentence, CollectionsMarshal.AsSpan(tokens));
        return StanceFeaturizer.Featurize(CollectionsMarshal.AsSpan(tokens), evidence.Quoted, evidence.Scores, TestModels.Set.Valence, StanceFeaturizer.PolarityVersion);
    }
}

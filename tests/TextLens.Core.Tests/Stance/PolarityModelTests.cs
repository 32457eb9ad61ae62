using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Models;
using TextLens.Training.Evaluation;
using TextLens.Training;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;
using static TextLens.Core.Tests.Stance.StanceTestSupport;

namespace TextLens.Core.Tests.Stance;

/// <summary>The polarity axis: inflection-aware lexicon lookup, versioned features, the rating blend and the neutral gate.</summary>
public class PolarityModelTests
{
    private static ValenceLexicon Lexicon => TestModels.Set.Valence;

    [Theory]
    [InlineData("crimes", "crime")]
    [InlineData("penalties", "penalty")]
    [InlineData("helped", "help")]
    [InlineData("delays", "delay")]
    [InlineData("deaths", "death")]
    public void Inflected_forms_take_the_valence_of_their_base_form(string inflected, string lemma)
    {
        Assert.False(Lexicon.TryGet(inflected, out _));
        Assert.True(Lexicon.TryGet(lemma, out float expected));
        Assert.True(Lexicon.TryGetInflected(inflected, out float valence));
        Assert.Equal(expected, valence);
    }

    [Fact]
    public void Listed_forms_keep_their_own_valence_and_short_stems_are_not_guessed()
    {
        // "delayed" has its own rating (−0.9), milder than "delay" (−1.3).
        Assert.True(Lexicon.TryGet("delayed", out float own));
        Assert.True(Lexicon.TryGetInflected("delayed", out float looked));
        Assert.Equal(own, looked);

        // "tied" is not "ty"; "news" is not a plural of anything in the lexicon.
        Assert.False(Lexicon.TryGetInflected("tied", out _));
        Assert.Contains("stop", ValenceLexicon.BaseForms("stopped"));
        Assert.Contains("worry", ValenceLexicon.BaseForms("worries"));
        Assert.Empty(ValenceLexicon.BaseForms("Crimes"));
    }

    [Fact]
    public void The_inflected_lookup_finds_tone_the_plain_lookup_misses_in_a_real_sentence()
    {
        string[] words = Words("The penalties for such crimes were delayed again and again.");
        double plain = Lexicon.Valences(words).Sum();
        double inflected = Lexicon.Valences(words, inflected: true).Sum();
        Assert.True(inflected < plain - 3, $"plain {plain}, inflected {inflected}");
        Assert.Equal(plain, Lexicon.Valences(words, inflected: false).Sum());
    }

    [Fact]
    public void Polarity_features_add_the_inflected_valence_and_leave_the_version_1_features_alone()
    {
        const string sentence = "Deaths and injuries from these crimes have risen every year.";
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        ReadOnlySpan<Token> span = CollectionsMarshal.AsSpan(tokens);
        StanceEvidence evidence = StanceTagger.Inspect(sentence, span);
        (int[] i1, float[] v1) = StanceFeaturizer.Featurize(span, evidence.Quoted, evidence.Scores, Lexicon);
        (int[] i2, float[] v2) = StanceFeaturizer.Featurize(span, evidence.Quoted, evidence.Scores, Lexicon, StanceFeaturizer.PolarityVersion);

        Assert.DoesNotContain(30, i1);
        Assert.DoesNotContain(31, i1);
        Assert.True(v2[Array.IndexOf(i2, 30)] < 0);
        Assert.True(v2[Array.IndexOf(i2, 31)] < 0);
        Dictionary<int, float> withoutNew = i2.Select((index, k) => (index, k)).Where(p => p.index is not (>= 24 and <= 31)).ToDictionary(p => p.index, p => v2[p.k]);
        Assert.Equal(i1.Zip(v1).ToDictionary(p => p.First, p => p.Second), withoutNew);
        Token[] array = [.. tokens];
        Assert.Throws<ArgumentOutOfRangeException>(() => StanceFeaturizer.Featurize(array, evidence.Quoted, evidence.Scores, Lexicon, 7));
    }

    [Theory]
    [InlineData("For FY2027, the Administration requested $10.0 million for the North American Wetlands Conservation Fund (-80% from FY2026).", "(80% from FY2026)")]
    [InlineData("Funding for the Core Science Systems Mission Area would be $156.7 million for FY2027 (\u221243%).", "(43%)")]
    public void A_number_with_a_minus_sign_is_a_fall_for_the_polarity_features_only(string signed, string unsignedPart)
    {
        string plain = signed.Replace("(-80% from FY2026)", unsignedPart, StringComparison.Ordinal).Replace("(\u221243%)", unsignedPart, StringComparison.Ordinal);
        Assert.NotEqual(signed, plain);

        (int[] i1, float[] v1) = Vector(signed, StanceFeaturizer.Version);
        (int[] j1, float[] w1) = Vector(plain, StanceFeaturizer.Version);
        Assert.Equal(j1, i1);
        Assert.Equal(w1, v1);

        (int[] i5, float[] v5) = Vector(signed, StanceFeaturizer.PolarityVersion);
        (int[] j5, float[] w5) = Vector(plain, StanceFeaturizer.PolarityVersion);
        Assert.DoesNotContain(27, j5);
        Assert.True(v5[Array.IndexOf(i5, 27)] > 0, "a fall near a budget level is a bad change");
    }

    [Theory]
    [InlineData("Funding rose in 2020-2025 and again in FY2026.")]
    [InlineData("See pages 3-7 of the FY2026 budget request.")]
    [InlineData("Appropriations grew 5% - 7% a year.")]
    public void A_hyphen_between_numbers_or_apart_from_the_number_is_no_minus_sign(string sentence)
    {
        (int[] i, float[] v) = Vector(sentence, StanceFeaturizer.PolarityVersion);
        Assert.DoesNotContain(27, i);
        (int[] j, float[] w) = Vector(sentence.Replace('-', '+'), StanceFeaturizer.PolarityVersion);
        Assert.Equal(j, i);
        Assert.Equal(w, v);
    }

    [Fact]
    public void The_previous_sentence_gives_its_bad_news_and_negative_tone_and_nothing_without_one()
    {
        Assert.Empty(PolarityContext.Of(StanceContext.None, Lexicon));
        Dictionary<string, float> bad = PolarityContext.Of(StanceContext.For("Next sentence.", "Funding was cut, and the lawsuit alleged serious violations."), Lexicon).ToDictionary(f => f.Name, f => f.Value);
        Assert.True(bad["prev:bad"] > 0.5f);
        Assert.True(bad["prev:vneg"] > 0);
        Dictionary<string, float> plain = PolarityContext.Of(StanceContext.For("Next sentence.", "Federal agencies consult with the Services."), Lexicon).ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(0, plain["prev:bad"]);
        Assert.Equal(0, plain["prev:vneg"]);
    }

    [Fact]
    public void Context_features_are_added_to_a_sorted_vector_and_zero_values_are_left_out()
    {
        (int[] i, float[] v) = Vector("The FY2027 request was $323.2 million below the FY2026 enacted amount.", StanceFeaturizer.PolarityVersion);
        (int[] j, float[] w) = StanceFeaturizer.WithContext((i, v), [("prev:bad", 0.5f), ("prev:vneg", 0f)]);
        Assert.Equal(i.Length + 1, j.Length);
        Assert.True(j.Zip(j.Skip(1)).All(p => p.First < p.Second));
        Assert.Equal(0.5f, w.Sum() - v.Sum(), 4);
        (int[] k, float[] x) = StanceFeaturizer.WithContext((i, v), []);
        Assert.Equal(i, k);
        Assert.Equal(v, x);
    }

    [Fact]
    public void The_subjectivity_model_reads_its_own_features_where_a_number_has_a_minus_sign()
    {
        const string Sentence = "The request is $527.8 million less (-37%) than the FY2026 enacted annual appropriation.";
        StanceTagger shipped = TestModels.Set.Stance;
        var withoutPolarity = new StanceTagger(Lexicon, null, shipped.SubjectivityBlend!.Analysis) { SubjectivityBlend = shipped.SubjectivityBlend };
        var tokens = new List<Token>();
        Tokenizer.Tokenize(Sentence, new TextSpan(0, Sentence.Length), tokens);
        Assert.True(StanceFeaturizer.HasMinusSign(CollectionsMarshal.AsSpan(tokens)));
        Assert.Equal(withoutPolarity.Tag(0, Sentence, CollectionsMarshal.AsSpan(tokens)).Subjectivity, shipped.Tag(0, Sentence, CollectionsMarshal.AsSpan(tokens)).Subjectivity);
    }

    private static (int[] Indices, float[] Values) Vector(string sentence, int version)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        ReadOnlySpan<Token> span = CollectionsMarshal.AsSpan(tokens);
        StanceEvidence evidence = StanceTagger.Inspect(sentence, span);
        return StanceFeaturizer.Featurize(span, evidence.Quoted, evidence.Scores, Lexicon, version);
    }

    [Fact]
    public void Models_are_stamped_with_their_axis_feature_version_and_a_stale_polarity_model_is_rejected()
    {
        Assert.Equal(StanceFeaturizer.PolarityVersion, StanceFeaturizer.VersionFor("polarity"));
        Assert.Equal(StanceFeaturizer.Version, StanceFeaturizer.VersionFor("subjectivity"));

        var model = new LinearStanceModel("polarity", ["score"], [0.1f], new Dictionary<int, float[]> { [31] = [2f] }, regression: true);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        LinearStanceModel loaded = LinearStanceModel.Load(buffer);
        Assert.Equal(StanceFeaturizer.PolarityVersion, loaded.FeatureVersion);
        Assert.Equal(model.Predict([31], [0.5f]), loaded.Predict([31], [0.5f]));

        // A polarity model written with the version 1 features (as shipped before) must be retrained, not misread.
        byte[] stale = buffer.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(stale.AsSpan(8), StanceFeaturizer.Version);
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => LinearStanceModel.Load(new MemoryStream(stale)));
        Assert.Contains("polarity", e.Message, StringComparison.Ordinal);
        Assert.Contains("Retrain", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rating_models_must_estimate_a_rating_and_need_a_classifier()
    {
        var classifier = new LinearStanceModel("polarity", ["negative", "neutral", "positive"], [0f, 0f, 0f], []);
        var regressor = new LinearStanceModel("polarity", ["score"], [0f], [], regression: true);
        Assert.Throws<ArgumentException>(() => new StanceTagger(Lexicon, classifier, null, classifier));
        Assert.Throws<ArgumentException>(() => new StanceTagger(Lexicon, null, null, regressor));
        Assert.Throws<ArgumentException>(() => new StanceTagger(Lexicon, regressor, null, regressor));
        Assert.Throws<ArgumentException>(() => classifier.WithClassValues([1, 2]));
        _ = new StanceTagger(Lexicon, classifier, null, regressor, classifier.WithClassValues([-1, 0, 1]));
    }

    [Fact]
    public void The_score_is_the_mean_of_the_rating_estimates()
    {
        // A classifier leaning negative, a regressor that always predicts a mean rating of −1, and an ordinal model
        // whose bins (valued −2, 0, 3) are all equally likely (expected rating 1/3): the score is the mean of −1/2 and 1/6.
        var classifier = new LinearStanceModel("polarity", ["negative", "neutral", "positive"], [1f, 0f, 0f], []);
        var regressor = new LinearStanceModel("polarity", ["score"], [-1f], [], regression: true);
        LinearStanceModel ordinal = new LinearStanceModel("polarity", ["low", "mid", "high"], [0f, 0f, 0f], []).WithClassValues([-2, 0, 3]);
        const string sentence = "The committee met on Tuesday.";
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);

        SentenceStance both = new StanceTagger(Lexicon, classifier, null, regressor, ordinal).Tag(0, sentence, CollectionsMarshal.AsSpan(tokens));
        Assert.Equal(Math.Round(((-1 / StanceTagger.RatingSpan) + (1.0 / 3 / StanceTagger.RatingSpan)) / 2, 4), both.PolarityScore);
        Assert.Equal(Polarity.Negative, both.Polarity);
        SentenceStance none = new StanceTagger(Lexicon, classifier, null).Tag(0, sentence, CollectionsMarshal.AsSpan(tokens));
        double pNeg = Math.E / (Math.E + 2);
        double pPos = 1 / (Math.E + 2);
        Assert.Equal(Math.Round(pPos - pNeg, 4), none.PolarityScore);
        Assert.Equal(1.0 / 3, ordinal.Expected([], []), 10);
    }

    [Fact]
    public void Class_values_survive_a_round_trip_and_only_a_model_with_them_is_flagged()
    {
        LinearStanceModel ordinal = new LinearStanceModel("polarity", ["low", "high"], [0.2f, -0.2f], new Dictionary<int, float[]> { [40] = [1f, -1f] }).WithClassValues([-1.8, 1.8]);
        using var buffer = new MemoryStream();
        ordinal.Save(buffer);
        buffer.Position = 0;
        LinearStanceModel loaded = LinearStanceModel.Load(buffer);
        Assert.Equal([-1.8, 1.8], loaded.ClassValues!);
        Assert.Equal(ordinal.Expected([40], [1f]), loaded.Expected([40], [1f]));

        var plain = new LinearStanceModel("subjectivity", ["objective", "subjective"], [0f, 0f], []);
        using var plainBuffer = new MemoryStream();
        plain.Save(plainBuffer);
        Assert.Equal(0, BinaryPrimitives.ReadInt32LittleEndian(plainBuffer.ToArray().AsSpan(16)) & 2);
        Assert.Equal(2, BinaryPrimitives.ReadInt32LittleEndian(buffer.ToArray().AsSpan(16)) & 2);
        Assert.Throws<InvalidOperationException>(() => plain.Expected([], []));
    }

    // Report prose from the seed article that its illustrative labels call neutral: objective, with a weak tone.
    [Theory]
    [InlineData("According to the Ministry of Justice, this was an 11.5 per cent decrease over three years.")]
    [InlineData("Most Chosen-seki are known to be Chongryon members.")]
    [InlineData("The Japanese government started the bidding for the building in March 2013 to recover some of the 62.7 billion yen owed by the Chongryon for a bailout in the late 1990s and early 2000s.")]
    public void Objective_report_sentences_with_a_weak_tone_are_neutral(string sentence)
    {
        Assert.Equal(Polarity.Neutral, Tag(sentence).Polarity);
    }

    [Theory]
    [InlineData("The major symbol of Chongryon’s decline was the forced auction of its headquarters in central Tokyo.")]
    [InlineData("Chongryon and the Japanese elite have had a mutually beneficial relationship.")]
    [InlineData("The M-2 Bradley transports infantry.")]
    [InlineData("Chongryon membership has also declined.")]
    [InlineData("The program was a resounding success and won praise from every side.")]
    public void The_label_agrees_with_the_sign_of_the_score(string sentence)
    {
        SentenceStance s = Tag(sentence);
        switch (s.Polarity)
        {
            case Polarity.Positive:
                Assert.True(s.PolarityScore >= StanceTagger.NeutralBand, $"{s.PolarityScore}");
                break;
            case Polarity.Negative:
                Assert.True(s.PolarityScore <= -StanceTagger.NeutralBand, $"{s.PolarityScore}");
                break;
            default:
                Assert.InRange(s.PolarityScore, -StanceTagger.NeutralBand, StanceTagger.NeutralBand);
                break;
        }
    }

    [Fact]
    public void Label_confidence_is_the_chance_the_label_survives_rater_noise()
    {
        var options = new StanceTrainingOptions();
        Assert.Equal(0.5, StanceTrainer.NormalCdf(0), 7);
        Assert.Equal(0.975, StanceTrainer.NormalCdf(1.96), 3);
        Assert.Equal(0.025, StanceTrainer.NormalCdf(-1.96), 3);

        // nyt:1_1 (mean 0.4, sd 0.73, labelled positive) sits near the band edge; nyt:1_5 (−1.15, sd 0.57) is surely negative.
        double edge = StanceTrainer.LabelConfidence("positive", 0.4, 0.73485, options);
        double sure = StanceTrainer.LabelConfidence("negative", -1.15, 0.57228, options);
        double neutral = StanceTrainer.LabelConfidence("neutral", 0.15, 0.35707, options);
        Assert.InRange(edge, 0.85, 0.9);
        Assert.True(sure > 0.999);
        Assert.InRange(neutral, 0.7, 0.75);
        Assert.True(StanceTrainer.LabelConfidence("positive", 0.25, 2, options) < 0.6);
    }

    [Fact]
    public void Rating_sd_is_read_from_the_polarity_data()
    {
        string path = SharedData.RequireOrSkip("data", "stance", "polarity_nyt_vader.dev.jsonl");
        StanceItem first = StanceEvaluation.ReadJsonl(path)[0];
        Assert.NotNull(first.RatingSd);
        Assert.InRange(first.RatingSd!.Value, 0, 4);
    }

    private static string[] Words(string sentence)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        return [.. tokens.Where(t => t.Kind is TokenKind.Word or TokenKind.Clitic).Select(t => t.Lower)];
    }

    private static LinearStanceModel LoadModel(string file) => TestModels.Set.LoadStanceModel(file);
}

using System.Buffers.Binary;
using TextLens.Core.Analyzers.Stance;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// `train stance --no-previous` (eighteenth round, models/stance-polarity.md): a polarity classifier that does not read the
/// previous sentence's bad news (<see cref="PolarityContext"/>: `prev:bad`, `prev:vneg`, read since the sixth version). The
/// file carries flag 256, so 'report' and 'eval stance' leave the features out as its training did. Sentences of the seed
/// article (seeds/), with the sentence before each in the article.
/// </summary>
public class PreviousSentenceOptionTests
{
    private static ValenceLexicon Lexicon => TestModels.Set.Valence;

    // The seed: a sentence of bad news, then one the previous sentence turns negative in 'report' (stop 39).
    private const string BadNews = "But Chongryon’s ability to support the Workers’ Party has been severely impaired, with its businesses suffering from the bursting of Japan’s economic bubble in the 1990s and the Japanese government’s surveillance and sanctions against North Korea.";
    private const string Opening = "North Korea-leaning Koreans are becoming more open to Japanese society and South Korea-leaning ethnic Koreans in Japan.";

    private static IReadOnlyList<(string Name, float Value)> Features(string text, string? previous, bool readsPrevious) =>
        StanceTestSupport.PolarityFeatures(text, readsPrevious ? PolarityInputs.Previous : PolarityInputs.None, StanceContext.For(text, previous));

    [Fact]
    public void Without_the_previous_sentence_its_bad_news_is_not_a_feature()
    {
        Dictionary<string, float> read = Features(Opening, BadNews, readsPrevious: true).ToDictionary(f => f.Name, f => f.Value);
        Assert.True(read["prev:bad"] > 0, "the seed's 'severely impaired … suffering … sanctions' is bad news");
        Assert.Contains("prev:vneg", read.Keys);
        Assert.DoesNotContain(Features(Opening, BadNews, readsPrevious: false), f => f.Name.StartsWith("prev:", StringComparison.Ordinal));

        // The other features are untouched: the good-news features still come without the previous sentence's.
        const string Achieved = "In November 2020, the ACV achieved initial operational capability (IOC).";
        IReadOnlyList<(string Name, float Value)> goodNews = StanceTestSupport.PolarityFeatures(Achieved, PolarityInputs.GoodNews, StanceContext.For(Achieved, BadNews));
        Assert.Contains(goodNews, f => f.Name == "gn:outcome" && f.Value > 0);
        Assert.DoesNotContain(goodNews, f => f.Name.StartsWith("prev:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_flag_survives_a_round_trip_temperature_and_the_other_flags_and_old_files_read_the_previous_sentence()
    {
        var model = new LinearStanceModel("polarity", ["negative", "neutral", "positive"], [0f, 0.5f, 0f], new Dictionary<int, float[]> { [40] = [1f, 0f, -1f] });
        Assert.True(model.ReadsPrevious);
        LinearStanceModel without = model.WithoutPrevious().WithTemperature(0.85).WithDocumentContext().WithGoodNews();
        Assert.False(without.ReadsPrevious);
        Assert.True(without.ReadsDocument);
        Assert.True(without.ReadsGoodNews);
        using var buffer = new MemoryStream();
        without.Save(buffer);
        Assert.Equal(256 | 128 | 4, BinaryPrimitives.ReadInt32LittleEndian(buffer.ToArray().AsSpan(16)) & (256 | 128 | 4));
        buffer.Position = 0;
        LinearStanceModel loaded = LinearStanceModel.Load(buffer);
        Assert.False(loaded.ReadsPrevious);
        Assert.False(new StanceTagger(Lexicon, loaded, null).PolarityPreviousSentence);
        Assert.True(new StanceTagger(Lexicon, model, null).PolarityPreviousSentence);

        // The shipped files were trained reading the previous sentence and carry no flag 256.
        Assert.True(TestModels.Set.Stance.PolarityPreviousSentence);
    }

    [Fact]
    public void A_model_without_the_previous_sentence_tags_a_seed_sentence_as_the_same_weights_tag_it_alone()
    {
        // The shipped classifier's weights, once as shipped and once marked as reading no previous sentence.
        LinearStanceModel shipped;
        using (FileStream file = File.OpenRead(TestPaths.Repo("models", "stance-polarity.tlsm")))
        {
            shipped = LinearStanceModel.Load(file);
        }

        Assert.True(shipped.ReadsPrevious);
        var reading = new StanceTagger(Lexicon, shipped, null);
        var notReading = new StanceTagger(Lexicon, shipped.WithoutPrevious(), null);
        StanceContext afterBadNews = StanceContext.For(Opening, BadNews);

        SentenceStance readWith = StanceEvaluation.Tag(reading, Opening, afterBadNews);
        SentenceStance readAlone = StanceEvaluation.Tag(reading, Opening, StanceContext.None);
        Assert.NotEqual(readAlone.PolarityScore, readWith.PolarityScore);

        // Without the feature the previous sentence changes nothing, and the tag is the one the weights give the sentence alone.
        SentenceStance notWith = StanceEvaluation.Tag(notReading, Opening, afterBadNews);
        Assert.Equal(readAlone.Polarity, notWith.Polarity);
        Assert.Equal(readAlone.PolarityScore, notWith.PolarityScore);
        Assert.Equal(readAlone.PolarityConfidence, notWith.PolarityConfidence);
    }
}

using System.Buffers.Binary;
using TextLens.Core.Analyzers.Stance;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The polarity classifier's source stance (<see cref="SourceStance"/>, `train stance --source-stance`, thirteenth round): the
/// stance of the sentence's sources ("Supporters claim", "Critics argue") and the progress it reports ("will accelerate this
/// program"). Sentences of CRS reports (public domain).
/// </summary>
public class SourceStanceTests
{
    private static ValenceLexicon Lexicon => TestModels.Set.Valence;

    private static Dictionary<string, float> Features(string text, bool sources = true) =>
        StanceTestSupport.PolarityFeatures(text, sources ? PolarityInputs.Previous | PolarityInputs.SourceStance : PolarityInputs.Previous, "src:");

    [Theory]
    [InlineData("Supporters claim the programs keep U.S. agricultural products competitive overseas, diversify market opportunities, help generate additional farm income, and increase farm and food sector jobs.")]
    [InlineData("Proponents maintain that such programs support U.S. jobs and advance U.S. national security.")]
    [InlineData("Some have credited private funding with helping facilitate safe and accessible elections in 2020 under unique and challenging circumstances.")]
    [InlineData("Ferguson, now the Chair of the FTC, endorsed the new form and rules, while noting his prior objections to aspects of the final rule.")]
    public void Sources_on_the_side_of_what_they_speak_of_are_counted_as_pro(string sentence)
    {
        Dictionary<string, float> f = Features(sentence);
        Assert.True(f["src:pro"] > 0);
        Assert.Equal(0, f["src:con"]);
    }

    [Theory]
    [InlineData("Critics of export promotion programs claim the programs provide federal support for activities that private firms could or would otherwise fund themselves.")]
    [InlineData("Skeptics argue that these programs are government subsidies that distort markets and favor politically connected firms.")]
    [InlineData("In September, China and Russia condemned the deployment as fueling an arms race.")]
    public void Sources_against_what_they_speak_of_are_counted_as_con(string sentence)
    {
        Dictionary<string, float> f = Features(sentence);
        Assert.True(f["src:con"] > 0);
        Assert.Equal(0, f["src:pro"]);
    }

    [Fact]
    public void Progress_counts_only_in_its_phrases()
    {
        Assert.True(Features("The Army Transformation Initiative will accelerate this program.")["src:progress"] > 0);
        Assert.True(Features("Current Guam IFPC-related plans remain on track, with first shipments of the system planned to begin in the first quarter of FY2027.")["src:progress"] > 0);
        Assert.Equal(0, Features("The Army has said little publicly about the M1-E3's desired capabilities and features, and it is unclear which track the program will follow.")["src:progress"]);
        Assert.Equal(0, Features("Vehicle speeds increased on tolled and non-tolled routes.")["src:progress"]);
    }

    [Fact]
    public void Description_has_no_source_stance_and_without_the_flag_there_are_no_features()
    {
        Dictionary<string, float> f = Features("Federal agencies consult with one or both of the Services, depending on the listed species and critical habitat found in the area affected by the action.");
        Assert.All(f.Values, v => Assert.Equal(0, v));
        Assert.Empty(Features("Supporters claim the programs keep U.S. agricultural products competitive overseas.", sources: false));
    }

    [Fact]
    public void The_source_flag_survives_a_round_trip_temperature_and_the_other_flags()
    {
        var model = new LinearStanceModel("polarity", ["negative", "neutral", "positive"], [0f, 0.5f, 0f], new Dictionary<int, float[]> { [40] = [1f, 0f, -1f] });
        Assert.False(model.ReadsSourceStance);
        LinearStanceModel reading = model.WithSourceStance().WithTemperature(0.85).WithDocumentContext().WithOutcomeFrames();
        Assert.True(reading.ReadsSourceStance);
        Assert.True(reading.ReadsDocument);
        Assert.True(reading.ReadsOutcomeFrames);
        using var buffer = new MemoryStream();
        reading.Save(buffer);
        Assert.Equal(28, BinaryPrimitives.ReadInt32LittleEndian(buffer.ToArray().AsSpan(16)) & 28);
        buffer.Position = 0;
        LinearStanceModel loaded = LinearStanceModel.Load(buffer);
        Assert.True(loaded.ReadsSourceStance);
        Assert.True(new StanceTagger(Lexicon, loaded, null).PolaritySourceStance);
        Assert.False(new StanceTagger(Lexicon, model, null).PolaritySourceStance);
    }
}

using System.Buffers.Binary;
using TextLens.Core.Analyzers.Stance;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The polarity classifier's outcome frames (<see cref="OutcomeFrames"/>, `train stance --outcome-frames`, twelfth round):
/// a positive word as a purpose or as a realised outcome, and a budget level going down. Sentences of CRS reports (public domain).
/// </summary>
public class OutcomeFramesTests
{
    private static ValenceLexicon Lexicon => TestModels.Set.Valence;

    private static Dictionary<string, float> Frames(string text) =>
        StanceTestSupport.PolarityFeatures(text, PolarityInputs.Previous | PolarityInputs.OutcomeFrames, "fr:");

    [Fact]
    public void An_achievement_stated_as_fact_is_a_realised_outcome_and_a_stated_intent_is_a_purpose()
    {
        Dictionary<string, float> achieved = Frames("In November 2020, the ACV achieved initial operational capability (IOC).");
        Assert.True(achieved["fr:pos-realised"] > 0);
        Assert.Equal(0, achieved["fr:pos-purpose"]);

        Dictionary<string, float> intended = Frames("The Administration stated that this consolidation is intended to reduce redundancies, improve species recovery outcomes, and streamline permitting activities.");
        Assert.True(intended["fr:pos-purpose"] > 0);
        Assert.Equal(0, intended["fr:pos-realised"]);

        Dictionary<string, float> purpose = Frames("The ARBC sold the medal to help fund its bicentennial activities.");
        Assert.True(purpose["fr:pos-purpose"] > 0);
    }

    [Fact]
    public void A_budget_level_going_down_is_counted_and_one_going_up_is_not()
    {
        Assert.True(Frames("The Natural Hazards Mission Area would decrease in funding from $200.1 million for FY2026 to $136.5 million for FY2027 (-32%).")["fr:bud-down"] > 0);
        Assert.True(Frames("For instance, Congress decreased funding for the TAAF and Technical Assistance programs compared to FY2024 funding levels.")["fr:bud-down"] > 0);
        Assert.Equal(0, Frames("The FY2027 request is $920.9 million, an increase of 3.2% over the FY2026 enacted level.")["fr:bud-down"]);
        Assert.Equal(0, Frames("Federal agencies consult with the Services.")["fr:bud-down"]);
    }

    [Fact]
    public void Without_the_flag_there_are_no_frame_features()
    {
        const string Text = "Congress decreased funding for the program.";
        Assert.DoesNotContain(StanceTestSupport.PolarityFeatures(Text, PolarityInputs.Previous | PolarityInputs.Document), f => f.Name.StartsWith("fr:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_outcome_flag_survives_a_round_trip_temperature_and_the_document_flag()
    {
        var model = new LinearStanceModel("polarity", ["negative", "neutral", "positive"], [0f, 0.5f, 0f], new Dictionary<int, float[]> { [40] = [1f, 0f, -1f] });
        Assert.False(model.ReadsOutcomeFrames);
        LinearStanceModel reading = model.WithOutcomeFrames().WithTemperature(0.85).WithDocumentContext();
        Assert.True(reading.ReadsOutcomeFrames);
        Assert.True(reading.ReadsDocument);
        using var buffer = new MemoryStream();
        reading.Save(buffer);
        Assert.Equal(12, BinaryPrimitives.ReadInt32LittleEndian(buffer.ToArray().AsSpan(16)) & 12);
        buffer.Position = 0;
        LinearStanceModel loaded = LinearStanceModel.Load(buffer);
        Assert.True(loaded.ReadsOutcomeFrames);
        Assert.True(new StanceTagger(Lexicon, loaded, null).PolarityOutcomeFrames);
        Assert.False(new StanceTagger(Lexicon, model, null).PolarityOutcomeFrames);
    }
}

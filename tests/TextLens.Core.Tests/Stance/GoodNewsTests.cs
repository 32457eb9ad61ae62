using System.Buffers.Binary;
using TextLens.Core.Analyzers.Stance;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The polarity classifier's good-news features (<see cref="GoodNews"/>, `train stance --good-news`, seventeenth round;
/// shipped by the eighteenth):
/// realised good outcomes, supporters' views, and described features. Sentences of CRS reports (public domain), each a
/// gold label of the analysis-prose DEV set.
/// </summary>
public class GoodNewsTests
{
    private static ValenceLexicon Lexicon => TestModels.Set.Valence;

    private static Dictionary<string, float> Features(string text, bool goodNews = true) =>
        StanceTestSupport.PolarityFeatures(text, goodNews ? PolarityInputs.Previous | PolarityInputs.GoodNews : PolarityInputs.Previous, "gn:");

    [Theory]
    [InlineData("In November 2020, the ACV achieved initial operational capability (IOC).")]
    [InlineData("The 3rd MDTF deployed a Mid-Range Capability [unit] to Australia and conducted a SM - 6 live fire on July 15, 2025, successfully sinking a maritime target in support of Exercise Talisman Sabre 25.")]
    [InlineData("As of November 2025, net revenue was $518 million, exceeding projections.")]
    [InlineData("Grantee data indicate that the information received from F2F HICs met clients' needs (90% of families; 91% of health professionals).")]
    [InlineData("The Army Transformation Initiative will accelerate this program.")]
    [InlineData("According to February 2026 discussions between CRS and the Army, current Guam IFPC-related plans remain on track, with first shipments of the system planned to begin in the first quarter of FY2027.")]
    public void Realised_success_and_progress_are_outcomes(string sentence)
    {
        Dictionary<string, float> f = Features(sentence);
        Assert.True(f["gn:outcome"] > 0);
        Assert.Equal(0, f["gn:attributes"]);
    }

    [Theory]
    [InlineData("This provision prohibits states from paying certain federal unemployment benefits to individuals whose wages during a certain period exceeded $1,000,000.")]
    [InlineData("As shown in Appendix A, however, a revenue-maximizing tax rate that low is not achieved even with infinite elasticities.")]
    [InlineData("For most VA benefits, former servicemembers must meet the statutory definition of veteran, which includes basic eligibility requirements.")]
    public void Exceeded_sums_negated_success_and_statutory_requirements_are_not_outcomes(string sentence) =>
        Assert.Equal(0, Features(sentence)["gn:outcome"]);

    [Theory]
    [InlineData("Supporters claim the programs keep U.S. agricultural products competitive overseas, diversify market opportunities, help generate additional farm income, and increase farm and food sector jobs.")]
    [InlineData("Since the early 1990s, public transportation and cycling advocates, environmentalists, and a wide range of other groups have become supporters of the surface transportation program.")]
    [InlineData("Some have credited private funding with helping facilitate safe and accessible elections in 2020 under unique and challenging circumstances.")]
    [InlineData("Ferguson, now the Chair of the FTC, endorsed the new form and rules, while noting his prior objections to aspects of the final rule.")]
    public void Supporters_and_approval_are_support(string sentence) =>
        Assert.True(Features(sentence)["gn:support"] > 0);

    [Theory]
    [InlineData("Since 1956, these programs have been funded largely by taxes on motor fuels credited to the Highway Trust Fund (HTF).")]
    [InlineData("Others see a more limited role for the federal government, suggesting that the state and local officials who are primarily responsible for administering elections are best positioned to identify and implement changes.")]
    public void Account_credits_and_vague_sources_views_are_not_support(string sentence) =>
        Assert.Equal(0, Features(sentence)["gn:support"]);

    [Theory]
    [InlineData("According to Bureau of Labor Statistics (BLS) data, dollar markups at retailers of certain types of consumer goods increased at accelerated rates in 2025.")]
    [InlineData("In part due to droughts, beef cow herd sizes decreased at successively accelerating annual rates from 2021 through 2023, and decreases continued into 2026.")]
    [InlineData("Such reconciliation legislation is then eligible to be considered under special expedited procedures in both the House and the Senate.")]
    public void Rates_of_change_and_expedited_procedures_are_not_outcomes(string sentence) =>
        Assert.Equal(0, Features(sentence)["gn:outcome"]);

    [Theory]
    [InlineData("It will be equipped with advanced features such as an automatic 30mm medium-caliber cannon, anti-armor capability, modern command-and-control systems, and a full range of advanced sensors.")]
    [InlineData("The reverse features the Great Seal of the United States, with the Bicentennial logos.")]
    public void Equipment_and_object_descriptions_are_attributes(string sentence)
    {
        Dictionary<string, float> f = Features(sentence);
        Assert.True(f["gn:attributes"] > 0);
        Assert.Equal(0, f["gn:outcome"]);
        Assert.Equal(0, f["gn:support"]);
    }

    [Fact]
    public void Description_has_none_and_without_the_flag_there_are_no_features()
    {
        Assert.All(Features("Federal agencies consult with one or both of the Services, depending on the listed species and critical habitat found in the area affected by the action.").Values, v => Assert.Equal(0, v));
        Assert.All(Features("Some states have considered or imposed limits on cryptomining development.").Values, v => Assert.Equal(0, v));
        Assert.Empty(Features("In November 2020, the ACV achieved initial operational capability (IOC).", goodNews: false));
    }

    [Fact]
    public void The_shipped_model_reads_the_good_news_features_since_the_eighteenth_round()
    {
        // models/stance-polarity.md, eighteenth round: configuration A (the Current version's command with --good-news) shipped.
        StanceTagger shipped = TestModels.Set.Stance;
        Assert.True(shipped.PolarityGoodNews);
        Assert.True(shipped.PolarityDocumentContext);
        Assert.True(shipped.PolarityPreviousSentence);
        Assert.False(shipped.PolaritySourceStance);
        Assert.False(shipped.PolarityOutcomeFrames);
    }

    [Fact]
    public void The_good_news_flag_survives_a_round_trip_temperature_and_the_other_flags()
    {
        var model = new LinearStanceModel("polarity", ["negative", "neutral", "positive"], [0f, 0.5f, 0f], new Dictionary<int, float[]> { [40] = [1f, 0f, -1f] });
        Assert.False(model.ReadsGoodNews);
        LinearStanceModel reading = model.WithGoodNews().WithTemperature(0.85).WithDocumentContext();
        Assert.True(reading.ReadsGoodNews);
        Assert.True(reading.ReadsDocument);
        Assert.False(reading.ReadsSourceStance);
        using var buffer = new MemoryStream();
        reading.Save(buffer);
        Assert.Equal(128 | 4, BinaryPrimitives.ReadInt32LittleEndian(buffer.ToArray().AsSpan(16)) & (128 | 4));
        buffer.Position = 0;
        LinearStanceModel loaded = LinearStanceModel.Load(buffer);
        Assert.True(loaded.ReadsGoodNews);
        Assert.True(new StanceTagger(Lexicon, loaded, null).PolarityGoodNews);
        Assert.False(new StanceTagger(Lexicon, model, null).PolarityGoodNews);
    }
}

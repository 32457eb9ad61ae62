using System.Buffers.Binary;
using TextLens.Core.Analyzers.Stance;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The clause parts of the polar evidence (<see cref="ClauseZones"/>, `train stance --clauses`, nineteenth round): the
/// valence of a conceded part, a conditional part and the main clause as separate features. Sentences of CRS reports
/// (public domain), each a row of the analysis-prose DEV set.
/// </summary>
public class ClauseZonesTests
{
    private static ValenceLexicon Lexicon => TestModels.Set.Valence;

    private static Dictionary<string, float> Features(string text, PolarityInputs clauses) =>
        StanceTestSupport.PolarityFeatures(text, PolarityInputs.Previous | clauses, "cl:");

    private const PolarityInputs Concession = PolarityInputs.Clauses;

    private const PolarityInputs All = PolarityInputs.Clauses | PolarityInputs.ClauseConditions;

    [Fact]
    public void A_concession_puts_its_good_words_in_the_conceded_part_and_the_bad_news_in_the_main_clause()
    {
        // R47194-s002, gold negative (the shipped model read it neutral out of fold).
        Dictionary<string, float> f = Features("Although improvements have been made in most states, there remain major differences among states in the share of bridges in poor condition.", Concession);
        Assert.Equal(new[] { "cl:sub-pos", "cl:sub-neg", "cl:main-pos", "cl:main-neg" }, f.Keys.ToArray());
        Assert.True(f["cl:sub-pos"] > 0);
        Assert.Equal(0, f["cl:sub-neg"]);
        Assert.True(f["cl:main-neg"] > 0);
        Assert.True(f["cl:main-neg"] > f["cl:main-pos"]); // "poor" against "share"
    }

    [Fact]
    public void What_precedes_a_contrast_is_conceded()
    {
        // IF12929-019, gold negative (read positive out of fold): "in favor" before "but", the failure after it.
        Dictionary<string, float> f = Features("The next year, the New York City council voted in favor of the project, but the project never received a vote in the New York state legislature and did not move forward.", Concession);
        Assert.True(f["cl:sub-pos"] > 0);
        Assert.Equal(0, f["cl:main-pos"]);
    }

    [Fact]
    public void A_condition_is_its_own_part_only_with_the_conditions()
    {
        // R48907-004, gold neutral (read negative out of fold): the error is in the condition, the main clause is procedure.
        const string sentence = "If a former servicemember believes there is an error in his or her service records or disagrees with the discharge status assigned, he or she may seek a discharge status upgrade by submitting an application to the appropriate Discharge Review Board (DRB) or Board for Correction of Military Records (BCMR).";
        Dictionary<string, float> all = Features(sentence, All);
        Assert.Equal(new[] { "cl:sub-pos", "cl:sub-neg", "cl:cond-pos", "cl:cond-neg", "cl:main-pos", "cl:main-neg" }, all.Keys.ToArray());
        Assert.True(all["cl:cond-neg"] > 0);
        Assert.Equal(0, all["cl:main-neg"]);
        Assert.All(Features(sentence, Concession).Values, v => Assert.Equal(0, v));
    }

    [Theory]
    [InlineData("Officials have yet to fire the missile system in the Philippines.")]
    [InlineData("The request is $527.8 million less (-37%) than the FY2026 enacted annual appropriation of $1.420 billion provided by Division C of P.L. 119-74 (Figure 1).")]
    [InlineData("Federal agencies consult with one or both of the Services, depending on the listed species and critical habitat found in the area affected by the action.")]
    public void Sentences_without_a_marker_have_zero_features(string sentence) =>
        Assert.All(Features(sentence, All).Values, v => Assert.Equal(0, v));

    [Fact]
    public void Without_the_option_there_are_no_clause_features() =>
        Assert.Empty(Features("Although improvements have been made in most states, there remain major differences among states in the share of bridges in poor condition.", PolarityInputs.None));

    [Fact]
    public void A_long_sentence_of_markers_is_read_in_one_pass()
    {
        string sentence = string.Concat(Enumerable.Repeat("although good, but bad, if fine, however poor, ", 5000)) + "end.";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Dictionary<string, float> f = Features(sentence, All);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(6, f.Count);
    }

    [Fact]
    public void The_clause_flags_survive_a_round_trip_temperature_and_the_other_flags()
    {
        var model = new LinearStanceModel("polarity", ["negative", "neutral", "positive"], [0f, 0.5f, 0f], new Dictionary<int, float[]> { [40] = [1f, 0f, -1f] });
        Assert.Equal(ClauseParts.None, model.ClauseParts);
        LinearStanceModel concession = model.WithClauses(ClauseParts.Concessions).WithTemperature(0.85).WithGoodNews();
        LinearStanceModel all = model.WithDocumentContext().WithClauses(ClauseParts.Concessions | ClauseParts.Conditions);
        Assert.Equal(ClauseParts.Concessions, concession.ClauseParts);
        Assert.True(concession.ReadsGoodNews);
        Assert.Equal(PolarityInputs.Previous | PolarityInputs.GoodNews | PolarityInputs.Clauses, concession.PolarityInputs);
        Assert.Equal(PolarityInputs.Previous | PolarityInputs.Document | PolarityInputs.Clauses | PolarityInputs.ClauseConditions, all.PolarityInputs);
        foreach ((LinearStanceModel m, int flags) in new[] { (concession, 512), (all, 512 | 1024) })
        {
            using var buffer = new MemoryStream();
            m.Save(buffer);
            Assert.Equal(flags, BinaryPrimitives.ReadInt32LittleEndian(buffer.ToArray().AsSpan(16)) & (512 | 1024));
            buffer.Position = 0;
            Assert.Equal(m.ClauseParts, LinearStanceModel.Load(buffer).ClauseParts);
        }

        Assert.Equal(ClauseParts.None, TestModels.Set.Stance.PolarityClauses);
        Assert.Equal(ClauseParts.Concessions, new StanceTagger(Lexicon, concession, null).PolarityClauses);
    }
}

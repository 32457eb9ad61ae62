using System.Buffers.Binary;
using TextLens.Core.Analyzers.Stance;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The conceded and the conditional part's words as features of their own (<see cref="ClauseZones.Words"/>, `train stance
/// --clause-words`, flag 2048, twentieth round): "favor" before a "but" is <c>cw:favor</c> besides its unigram, so the
/// classifier can weigh it apart from the main clause's words. Sentences of CRS reports (public domain), each a row of the
/// analysis-prose DEV set, and one of the seed article.
/// </summary>
public class ClauseWordsTests
{
    private static Dictionary<string, float> Words(string text, PolarityInputs inputs = PolarityInputs.ClauseWords) =>
        StanceTestSupport.PolarityFeatures(text, inputs).Where(f => f.Name.StartsWith("cw:", StringComparison.Ordinal) || f.Name.StartsWith("cf:", StringComparison.Ordinal)).ToDictionary(f => f.Name, f => f.Value);

    [Fact]
    public void The_words_before_a_contrast_are_conceded_and_the_main_clause_keeps_its_own()
    {
        // IF12929-019, gold negative (the shipped model reads it positive out of fold): "in favor" before "but".
        Dictionary<string, float> f = Words("The next year, the New York City council voted in favor of the project, but the project never received a vote in the New York state legislature and did not move forward.");
        Assert.Contains("cw:favor", f.Keys);
        Assert.Contains("cw:voted", f.Keys);
        Assert.DoesNotContain("cw:never", f.Keys);
        Assert.DoesNotContain("cw:legislature", f.Keys);
        Assert.DoesNotContain("cw:but", f.Keys);
        Assert.DoesNotContain(f.Keys, k => k.StartsWith("cf:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_concession_clause_is_one_L2_normalised_block_of_distinct_words()
    {
        // R47194-s002, gold negative (read neutral out of fold): the conceded improvements, then the bad news.
        Dictionary<string, float> f = Words("Although improvements have been made in most states, there remain major differences among states in the share of bridges in poor condition.");
        Assert.Equal(new[] { "cw:improvements", "cw:have", "cw:been", "cw:made", "cw:in", "cw:most", "cw:states" }, f.Keys.ToArray());
        Assert.Equal(1.0, f.Values.Sum(v => (double)v * v), 5);
        Assert.DoesNotContain("cw:poor", f.Keys);
    }

    [Fact]
    public void A_condition_is_a_block_of_its_own()
    {
        // R48907-004, gold neutral (read negative out of fold): the error is in the condition.
        Dictionary<string, float> f = Words("If a former servicemember believes there is an error in his or her service records or disagrees with the discharge status assigned, he or she may seek a discharge status upgrade by submitting an application to the appropriate Discharge Review Board (DRB) or Board for Correction of Military Records (BCMR).");
        Assert.Contains("cf:error", f.Keys);
        Assert.DoesNotContain("cf:seek", f.Keys);
        Assert.DoesNotContain(f.Keys, k => k.StartsWith("cw:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sentence_initial_but_concedes_nothing()
    {
        // The seed article (gold neutral; the shipped model reads it positive): the clause before "But" is the previous sentence.
        Dictionary<string, float> f = Words("But as long as it retains North Korea’s confidence and remains the only regular and stable conduit for bilateral discourse, it will remain relevant to the political relationship between Japan and the Democratic People’s Republic of Korea.");
        Assert.DoesNotContain(f.Keys, k => k.StartsWith("cw:", StringComparison.Ordinal));
        Assert.Contains("cf:confidence", f.Keys);
        Assert.DoesNotContain("cf:relevant", f.Keys);
    }

    [Theory]
    [InlineData("Officials have yet to fire the missile system in the Philippines.")]
    [InlineData("Federal agencies consult with one or both of the Services, depending on the listed species and critical habitat found in the area affected by the action.")]
    public void Sentences_without_a_marker_have_no_clause_words(string sentence) => Assert.Empty(Words(sentence));

    [Fact]
    public void Without_the_option_there_are_no_clause_words() =>
        Assert.Empty(Words("Although improvements have been made in most states, there remain major differences among states in the share of bridges in poor condition.", PolarityInputs.Previous | PolarityInputs.Clauses | PolarityInputs.ClauseConditions));

    [Fact]
    public void A_long_sentence_of_markers_is_read_in_one_pass()
    {
        string sentence = string.Concat(Enumerable.Repeat("although good, but bad, if fine, however poor, ", 5000)) + "end.";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Dictionary<string, float> f = Words(sentence);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Contains("cf:fine", f.Keys);
    }

    [Fact]
    public void The_flag_survives_a_round_trip_temperature_and_the_other_flags()
    {
        var model = new LinearStanceModel("polarity", ["negative", "neutral", "positive"], [0f, 0.5f, 0f], new Dictionary<int, float[]> { [40] = [1f, 0f, -1f] });
        Assert.False(model.ReadsClauseWords);
        LinearStanceModel marked = model.WithDocumentContext().WithClauseWords().WithTemperature(0.85).WithGoodNews();
        Assert.True(marked.ReadsClauseWords);
        Assert.Equal(PolarityInputs.Previous | PolarityInputs.Document | PolarityInputs.GoodNews | PolarityInputs.ClauseWords, marked.PolarityInputs);
        using var buffer = new MemoryStream();
        marked.Save(buffer);
        Assert.Equal(2048, BinaryPrimitives.ReadInt32LittleEndian(buffer.ToArray().AsSpan(16)) & 2048);
        buffer.Position = 0;
        Assert.True(LinearStanceModel.Load(buffer).ReadsClauseWords);
        Assert.False(TestModels.Set.Stance.PolarityClauseWords);
        Assert.True(new StanceTagger(TestModels.Set.Valence, marked, null).PolarityClauseWords);
    }
}

using System.Runtime.InteropServices;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// An evaluation of a proposed action is a recommendation whatever degree adverb or contraction it carries: "it would be
/// useful", "it would be <i>particularly</i> useful", "it'd be great". Before, the cue matched only the bare contiguous
/// phrase, so the suggestion set's "It would be very useful to…" and "It'd be great if…" were missed.
/// </summary>
public class PrescriptiveCueFormTests
{
    private static StanceEvidence Inspect(string sentence)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        return StanceTagger.Inspect(sentence, CollectionsMarshal.AsSpan(tokens));
    }

    private static StanceCue Prescription(string sentence) =>
        Assert.Single(Inspect(sentence).Cues, c => c.Kind == StanceCueKind.Prescription);

    [Theory]
    [InlineData("It would be particularly useful for Congress to require agencies to report the full cost of each program.", "It would be particularly useful")]
    [InlineData("It would be very useful to be able to change the names that my apps appear as when I check the dashboard.", "It would be very useful")]
    [InlineData("It would be so much better if the reminder API supported specific days of the week.", "It would be so much better")]
    [InlineData("It'd be great if we at least had the ability to edit reminders created by that app.", "It'd be great")]
    [InlineData("It would also be great if there were an icon in the status bar for new notifications.", "It would also be great")]
    [InlineData("It would be a really good idea to allow third-party drivers.", "would be a really good idea")]
    [InlineData("Having those experiences in the emulator would be a great addition to the developer tools.", "would be a great addition")]
    [InlineData("It would be appropriate for the committee to hold hearings on the proposal.", "would be appropriate")]
    [InlineData("Given the special populations above, it may be worthwhile to consider whether counties with large populations qualify.", "it may be worthwhile")]
    public void An_evaluation_of_a_proposed_action_is_a_prescription_cue_with_its_adverbs_and_contractions(string sentence, string cue)
    {
        StanceCue c = Prescription(sentence);
        Assert.Equal(cue, c.Text);
        Assert.True(Inspect(sentence).Scores.Prescription >= 0.8);
    }

    [Theory]
    [InlineData("I'd suggest to include all transactions in the report.", "I'd suggest")]
    [InlineData("My suggestion is to change the behaviour of that trigger.", "My suggestion")]
    [InlineData("Since the cost will run to the tens of millions of dollars either way, why not redo it, and do it right?", "why not")]
    public void First_person_requests_and_why_not_are_prescription_cues(string sentence, string cue) =>
        Assert.Equal(cue, Prescription(sentence).Text);

    [Theory]
    [InlineData("The TRO opposition brief did not take a position on which federal circuit(s) would be appropriate venues.")]
    [InlineData("Understanding the multilayer internet architecture model may be helpful for analyzing certain internet policy issues.")]
    [InlineData("I knew the new phone would be worth it someday.")]
    [InlineData("It would be very very very useful to have an export button.")]
    public void Attributive_uses_possibilities_and_unbounded_runs_of_adverbs_are_not(string sentence) =>
        Assert.DoesNotContain(Inspect(sentence).Cues, c => c.Kind == StanceCueKind.Prescription);

    [Fact]
    public void The_cue_words_are_the_patterns_so_a_contraction_and_its_full_form_are_one_feature()
    {
        Assert.Equal(["i", "would", "like"], StanceCues.Tokenize("I'd like"));
        Assert.Equal(["it", "will", "be", "great"], StanceCues.Tokenize("it'll be great"));
    }
}

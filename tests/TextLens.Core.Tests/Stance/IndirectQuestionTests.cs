using System.Runtime.InteropServices;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// <see cref="StanceTagger.InIndirectQuestion"/> marks, in one pass, every token inside a "whether" clause; it must give
/// what the former scan back from each cue gave (quadratic: "should may " × n), for any sequence of words, "whether"s and
/// clause breaks.
/// </summary>
public class IndirectQuestionTests
{
    // The former logic: from the token before the cue back to the sentence's start, a break ends the clause, "whether" opens it.
    private static bool ByScan(ReadOnlySpan<Token> tokens, int cue)
    {
        for (int i = cue - 1; i >= 0; i--)
        {
            if (tokens[i].Lower is "," or ";" or ":")
            {
                return false;
            }

            if (tokens[i].Lower == "whether")
            {
                return true;
            }
        }

        return false;
    }

    private static StanceEvidence Inspect(string sentence)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        return StanceTagger.Inspect(sentence, CollectionsMarshal.AsSpan(tokens));
    }

    [Fact]
    public void The_mask_agrees_with_a_scan_back_from_each_token()
    {
        var random = new Random(20261207);
        string[] words = ["should", "may", "whether", "Whether", ",", ";", ":", "the", "plan", ".", "-"];
        int inside = 0;
        int closed = 0;
        for (int n = 0; n < 20_000; n++)
        {
            Token[] tokens = Enumerable.Range(0, random.Next(0, 30)).Select(i =>
            {
                string w = words[random.Next(words.Length)];
                return new Token(new TextSpan(i, w.Length), char.IsLetter(w[0]) ? TokenKind.Word : TokenKind.Punctuation, w, w.ToLowerInvariant());
            }).ToArray();
            bool[] mask = StanceTagger.InIndirectQuestion(tokens);
            Assert.Equal(tokens.Length, mask.Length);
            for (int i = 0; i < tokens.Length; i++)
            {
                bool expected = ByScan(tokens, i);
                Assert.True(expected == mask[i], $"token {i} of [{string.Join(' ', tokens.Select(t => t.Text))}]");
                inside += expected ? 1 : 0;
                closed += !expected && tokens.Take(i).Any(t => t.Lower == "whether") ? 1 : 0;
            }
        }

        // Tokens inside a clause and tokens after a clause a break closed must both be common, or the test proves nothing.
        Assert.True(inside > 20_000, $"only {inside} tokens inside a clause");
        Assert.True(closed > 20_000, $"only {closed} tokens after a closed clause");
    }

    [Fact]
    public void A_prescription_in_a_reported_question_is_reported_and_one_after_the_clause_is_not()
    {
        CueHit inQuestion = Assert.Single(
            Inspect("A servicemember's service branch determines whether the servicemember should be given an honorable discharge.").Hits,
            h => h.Kind == StanceCueKind.Prescription);
        Assert.True(inQuestion.Reported);

        CueHit afterClause = Assert.Single(
            Inspect("Whether or not the bill passes, Congress should act.").Hits, h => h.Kind == StanceCueKind.Prescription);
        Assert.False(afterClause.Reported);
    }
}

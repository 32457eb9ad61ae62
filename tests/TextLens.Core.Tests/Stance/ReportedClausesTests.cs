using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// <see cref="StanceFindings.ReportedClauses"/> marks every token in a reported clause in one pass (the TL3003 rule asks it of
/// each hearsay word); it must give what <see cref="StanceFindings.InReportedClause(Token[], IReadOnlyList{StanceCue}, int)"/>,
/// the scan back from one token, gives (quadratic when asked of each: "would seem to " × n), for any words, openers, breaks,
/// reporting words' "that" and attribution cues.
/// </summary>
public class ReportedClausesTests
{
    [Fact]
    public void The_mask_agrees_with_the_scan_back_from_each_token()
    {
        var random = new Random(20261207);
        string[] words = ["whether", "how", "if", ",", ";", "—", "(", "that", "said", "notes", "the", "it", "would", "seem", "to", "reportedly", "."];
        int opened = 0;
        int closed = 0;
        int attributed = 0;
        for (int n = 0; n < 20_000; n++)
        {
            int at = 0;
            Token[] tokens = Enumerable.Range(0, random.Next(0, 30)).Select(_ =>
            {
                string w = words[random.Next(words.Length)];
                var t = new Token(new TextSpan(at, w.Length), char.IsLetter(w[0]) ? TokenKind.Word : TokenKind.Punctuation, w, w);
                at += w.Length + 1;
                return t;
            }).ToArray();
            var cues = new List<StanceCue>();
            for (int k = random.Next(0, 3); k > 0; k--)
            {
                int start = random.Next(0, Math.Max(1, at));
                cues.Add(new StanceCue(new TextSpan(start, random.Next(1, 12)), "x", random.Next(2) == 0 ? StanceCueKind.Attribution : StanceCueKind.Hedge, random.NextDouble()));
            }

            bool[] mask = StanceFindings.ReportedClauses(tokens, cues);
            Assert.Equal(tokens.Length, mask.Length);
            for (int i = 0; i < tokens.Length; i++)
            {
                bool expected = StanceFindings.InReportedClause(tokens, cues, i);
                Assert.True(expected == mask[i], $"token {i} of [{string.Join(' ', tokens.Select(t => t.Text))}] with cues {string.Join(", ", cues.Select(c => $"{c.Kind} {c.Span.Start}-{c.Span.End} {c.Weight:0.00}"))}");
                bool opener = tokens.Take(i).Any(t => t.Lower is "whether" or "how" or "if");
                opened += expected && opener ? 1 : 0;
                closed += !expected && opener ? 1 : 0;
                attributed += expected && cues.Any(c => c.Kind == StanceCueKind.Attribution && c.Weight >= 0.5 && c.Span.End <= tokens[i].Span.Start) ? 1 : 0;
            }
        }

        // Tokens after an opener inside and outside its clause, and tokens after an attribution cue, must all be common.
        Assert.True(opened > 20_000, $"only {opened}");
        Assert.True(closed > 20_000, $"only {closed}");
        Assert.True(attributed > 5_000, $"only {attributed}");
    }
}

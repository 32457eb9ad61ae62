using TextLens.Core.Analyzers.Stance;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// <see cref="EpistemicScope.PrescriptionSpans"/> answers "does a prescription cue overlap these tokens?" with a binary
/// search; it must give what the former scan over every cue gave, for any set of cues, nested and overlapping ones too.
/// </summary>
public class PrescriptionSpansTests
{
    private static bool ByScan(IReadOnlyList<CueHit> hits, int start, int end) =>
        hits.Any(p => p.Kind == StanceCueKind.Prescription && p.Token < end && start < p.Token + p.Length);

    [Fact]
    public void Overlaps_agrees_with_a_scan_over_every_cue()
    {
        var random = new Random(20261207);
        StanceCueKind[] kinds = [StanceCueKind.Prescription, StanceCueKind.Hedge, StanceCueKind.Attribution];
        int overlapping = 0;
        for (int n = 0; n < 5_000; n++)
        {
            var hits = new List<CueHit>();
            for (int k = random.Next(0, 12); k > 0; k--)
            {
                hits.Add(new CueHit(random.Next(0, 40), random.Next(1, 8), kinds[random.Next(kinds.Length)], "w", 1, false));
            }

            EpistemicScope.PrescriptionSpans spans = EpistemicScope.PrescriptionSpans.Of(hits);
            for (int start = 0; start < 48; start++)
            {
                for (int end = start + 1; end <= Math.Min(48, start + 6); end++)
                {
                    bool expected = ByScan(hits, start, end);
                    Assert.True(expected == spans.Overlaps(start, end), $"[{start}, {end}) against {string.Join(", ", hits.Select(h => $"{h.Kind} {h.Token}+{h.Length}"))}");
                    overlapping += expected ? 1 : 0;
                }
            }
        }

        Assert.True(overlapping > 10_000, $"only {overlapping} overlaps generated");
    }

    [Fact]
    public void No_prescription_overlaps_nothing() =>
        Assert.False(EpistemicScope.PrescriptionSpans.Of([new CueHit(0, 5, StanceCueKind.Hedge, "may", 1, false)]).Overlaps(0, 5));
}

using TextLens.Core.Analyzers.Stance;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// <see cref="StanceFeaturizer.FreshSlots"/> finds the buckets a sentence's named features add to its vector with a set;
/// it must give what the former scan of the earlier names for each name gave (quadratic in the names: "may" × n), for any
/// names, repeated ones and ones the hashed blocks already set included.
/// </summary>
public class FreshSlotsTests
{
    // The former logic of StanceFeaturizer.Words.Vector: count, then collect in name order, each slot once, then sort.
    private static int[] ByScan(int[] hashed, int[] context)
    {
        int fresh = 0;
        for (int c = 0; c < context.Length; c++)
        {
            if (Array.BinarySearch(hashed, context[c]) < 0 && Array.IndexOf(context, context[c], 0, c) < 0)
            {
                fresh++;
            }
        }

        int[] added = new int[fresh];
        int k = 0;
        for (int c = 0; c < context.Length; c++)
        {
            if (Array.BinarySearch(hashed, context[c]) < 0 && Array.IndexOf(added, context[c], 0, k) < 0)
            {
                added[k++] = context[c];
            }
        }

        Array.Sort(added);
        return added;
    }

    [Fact]
    public void FreshSlots_agrees_with_the_former_scan_of_earlier_names()
    {
        var random = new Random(20261207);
        int repeated = 0;
        int taken = 0;
        for (int n = 0; n < 20_000; n++)
        {
            int range = random.Next(1, 60);
            int[] hashed = Enumerable.Range(0, random.Next(0, 20)).Select(_ => random.Next(range)).Distinct().Order().ToArray();
            int[] context = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(range)).ToArray();
            int[] expected = ByScan(hashed, context);
            Assert.Equal(expected, StanceFeaturizer.FreshSlots(hashed, context));
            repeated += context.Length - context.Distinct().Count() > 0 ? 1 : 0;
            taken += context.Any(c => hashed.Contains(c)) ? 1 : 0;
        }

        // Repeated names and names in buckets the blocks set must both be common, or the test proves nothing.
        Assert.True(repeated > 10_000, $"only {repeated} sets of names with a repeat");
        Assert.True(taken > 5_000, $"only {taken} sets of names with a bucket already set");
    }

    [Fact]
    public void A_sentence_of_many_modals_adds_each_bucket_once()
    {
        int[] context = Enumerable.Repeat(new[] { 7, 3, 7, 11 }, 5_000).SelectMany(x => x).ToArray();
        Assert.Equal([3, 7], StanceFeaturizer.FreshSlots([11], context));
    }
}

using TextLens.Core.Analyzers.Summary;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Summary;

/// <summary>
/// The TextRank degree is computed by sentence size instead of over every pair (issue 13, B15: an 8 MB document
/// spent minutes there). It must equal the pairwise definition on real documents.
/// </summary>
public sealed class SummaryDegreeTests
{
    [Theory]
    [InlineData("crs-if10753-energy-star-program.md")]
    [InlineData("crs-in12680-bank-capital-requirements.md")]
    [InlineData("chongryon-japan-north-korea-relations.txt")]
    public void Degree_by_size_equals_the_pairwise_sum(string seed)
    {
        string path = Path.Combine(TestPaths.Seeds, seed);
        ParsedDocument document = ParsedDocument.Parse(SourceText.From(File.ReadAllText(path), seed), TestModels.Set);
        DocumentFeatures features = TestModels.Featurizer.Featurize(document, TestModels.Set);
        SentenceVectors vectors = SentenceVectors.Build(features, ThemeSettings.Default);
        int[] eligible = [.. document.Sentences.Where(s => SentenceEligibility.IsEligible(document, s)).Select(s => s.Index)];
        Assert.True(eligible.Length > 20);

        double[] fast = SummaryScorer.Degree(vectors, eligible);
        double[] pairwise = Pairwise(vectors, eligible);

        Assert.Contains(pairwise, d => d > 0);
        for (int i = 0; i < eligible.Length; i++)
        {
            Assert.Equal(pairwise[i], fast[i], 9);
        }
    }

    /// <summary>The definition: Σ over the other sentences of shared words ÷ (ln |a| + ln |b|), pairs with a one-word sentence skipped.</summary>
    private static double[] Pairwise(SentenceVectors vectors, int[] eligible)
    {
        HashSet<int>[] words = [.. eligible.Select(s => vectors.Counts[s].Indices.Where(t => !vectors.Terms[t].Contains(' ', StringComparison.Ordinal)).ToHashSet())];
        var degree = new double[eligible.Length];
        for (int a = 0; a < words.Length; a++)
        {
            for (int b = 0; b < words.Length; b++)
            {
                if (a != b && words[a].Count >= 2 && words[b].Count >= 2)
                {
                    degree[a] += words[a].Count(words[b].Contains) / (Math.Log(words[a].Count) + Math.Log(words[b].Count));
                }
            }
        }

        return degree;
    }
}

using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Themes;

/// <summary>
/// Themes and the summary read one document's terms: the themes' vectors, weighted again for the summary
/// (<see cref="SentenceVectors.WeightedWith"/>), must be exactly what building them with the summary's settings gives.
/// </summary>
public sealed class SentenceVectorsSharingTests
{
    [Theory]
    [InlineData("crs-if10753-energy-star-program.md")]
    [InlineData("crs-in12680-bank-capital-requirements.md")]
    [InlineData("chongryon-japan-north-korea-relations.txt")]
    public void Weighted_again_equals_built_with_those_settings(string seed)
    {
        DocumentFeatures features = Featurize(seed);
        SentenceVectors themes = SentenceVectors.Build(features, ThemeSettings.Default);
        ThemeSettings[] others =
        [
            ThemeSettings.Default with { DocumentIdfPower = 0 },
            ThemeSettings.Default with { IdfPower = 0.5, PhraseWeight = 0.8 },
            ThemeSettings.Default with { MaxTermWords = 1 },
        ];
        foreach (ThemeSettings settings in others)
        {
            SentenceVectors built = SentenceVectors.Build(features, settings);
            SentenceVectors again = themes.WeightedWith(settings);
            Assert.Equal(built.Terms, again.Terms);
            Assert.Equal(built.DisplayForms, again.DisplayForms);
            Assert.Equal(built.Idf, again.Idf);
            Assert.Equal(built.SentenceCount, again.SentenceCount);
            for (int s = 0; s < built.SentenceCount; s++)
            {
                Assert.Equal(built.Counts[s].Indices, again.Counts[s].Indices);
                Assert.Equal(built.Counts[s].Values, again.Counts[s].Values);
                Assert.Equal(built.Rows[s].Indices, again.Rows[s].Indices);
                Assert.Equal(Bits(built.Rows[s].Values), Bits(again.Rows[s].Values));
            }
        }

        // The weights differ where the settings do (the themes' within-document IDF is not the summary's).
        SentenceVectors summary = themes.WeightedWith(others[0]);
        Assert.Contains(Enumerable.Range(0, summary.SentenceCount), s => !summary.Rows[s].IsEmpty && !Bits(summary.Rows[s].Values).SequenceEqual(Bits(themes.Rows[s].Values)));
    }

    [Fact]
    public void The_theme_result_carries_the_vectors_of_its_own_document()
    {
        DocumentFeatures features = Featurize("chongryon-japan-north-korea-relations.txt");
        ThemeResult result = ThemeClusterer.Cluster(features, ThemeCount.Auto);
        Assert.NotNull(result.Vectors);
        Assert.True(result.Vectors.AreOf(features));
        Assert.False(result.Vectors.AreOf(Featurize("chongryon-japan-north-korea-relations.txt")));
        Assert.Equal(ThemeSettings.Default, result.Vectors.Settings);
    }

    private static DocumentFeatures Featurize(string seed)
    {
        string path = Path.Combine(TestPaths.Seeds, seed);
        ParsedDocument document = ParsedDocument.Parse(SourceText.From(File.ReadAllText(path), seed), TestModels.Set);
        return TestModels.Featurizer.Featurize(document, TestModels.Set);
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];
}

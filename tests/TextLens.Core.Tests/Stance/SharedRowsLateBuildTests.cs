using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The tagger builds its shared model rows (<see cref="SharedFeatureRows"/>) only after <see cref="StanceTagger.ShareAfter"/>
/// sentences: a sentence must get the same stance, to the bit, before and after.
/// </summary>
public class SharedRowsLateBuildTests
{
    [Fact]
    public void Sentences_tagged_before_and_after_the_shared_rows_are_built_get_the_same_stance()
    {
        StanceTagger shipped = TestModels.Set.Stance;
        StanceTagger tagger = StanceTagger.Shipped(
            shipped.Lexicon,
            shipped.PolarityBlend!,
            TestModels.Set.LoadStanceModel(StanceTagger.PolarityRatingModelFile),
            TestModels.Set.LoadStanceModel(StanceTagger.PolarityOrdinalModelFile),
            shipped.SubjectivityBlend!,
            shipped.EpistemicModel!,
            shipped.PolarityVocabulary,
            shipped.EpistemicStack);

        List<(string Text, Token[] Tokens)> sentences = [];
        foreach (string seed in Directory.EnumerateFiles(TestPaths.Seeds).Order(StringComparer.Ordinal))
        {
            ParsedDocument document = ParsedDocument.Parse(SourceText.From(File.ReadAllText(seed), Path.GetFileName(seed)), TestModels.Set);
            foreach (Sentence sentence in document.Sentences)
            {
                Token[] tokens = document.TokensOf(sentence).ToArray();
                if (tokens.Length > 0)
                {
                    sentences.Add((document.Prose.Text, tokens));
                }
            }
        }

        Assert.True(sentences.Count > 100, $"{sentences.Count} sentences");
        List<long[]> before = [.. sentences.Select((s, i) => Bits(tagger.Tag(i, s.Text, s.Tokens)))];
        for (int tagged = sentences.Count; tagged <= StanceTagger.ShareAfter; tagged++)
        {
            (string text, Token[] tokens) = sentences[tagged % sentences.Count];
            _ = tagger.Tag(0, text, tokens);
        }

        for (int i = 0; i < sentences.Count; i++)
        {
            Assert.Equal(before[i], Bits(tagger.Tag(i, sentences[i].Text, sentences[i].Tokens)));
        }
    }

    private static long[] Bits(SentenceStance s) =>
    [
        (long)s.Epistemic, (long)s.Polarity, s.Subjective ? 1 : 0,
        .. new[] { s.Hedged, s.Attributed, s.Prescriptive, s.PolarityScore, s.Subjectivity, s.Confidence, s.EpistemicConfidence, s.PolarityConfidence }.Select(BitConverter.DoubleToInt64Bits),
    ];
}

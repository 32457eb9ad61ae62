using System.Runtime.InteropServices;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// <see cref="StanceFeaturizer.Sentence"/> computes a sentence's words and hashed blocks once for the versions the tagger
/// reads: each vector must be, bit for bit, the one a separate <see cref="StanceFeaturizer.Featurize(ReadOnlySpan{Token}, ReadOnlySpan{bool}, CueScores, ValenceLexicon, int, IReadOnlyList{ValueTuple{string, float}}?)"/> gives.
/// </summary>
public class StanceFeaturizerSharingTests
{
    private static ValenceLexicon Lexicon => TestModels.Set.Valence;

    public static TheoryData<string> Documents => new()
    {
        "seeds/chongryon-japan-north-korea-relations.txt",
        "seeds/crs-if10753-energy-star-program.md",
        "seeds/crs-in12680-bank-capital-requirements.md",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_version_read_from_one_sentence_is_the_vector_featurised_alone(string path)
    {
        string text = File.ReadAllText(TestPaths.Repo(path));
        ParsedDocument document = ParsedDocument.Parse(new SourceText(Path.GetFileName(path), text, path.EndsWith(".md", StringComparison.Ordinal) ? DocumentFormat.Markdown : DocumentFormat.PlainText), TestModels.Set);
        int sentences = 0;
        foreach (Sentence sentence in document.Sentences)
        {
            ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
            StanceEvidence evidence = StanceTagger.Inspect(document.Prose.Text, tokens);
            List<(string Name, float Value)> named = EpistemicFeatures.Of(tokens, evidence, StanceContext.None, PreviousSentence.Of(StanceContext.None));
            AssertSharedEqualsAlone(tokens, evidence, named);
            sentences++;
        }

        Assert.True(sentences > 20, $"{sentences} sentences");
    }

    [Theory]
    [InlineData("For FY2027, the Administration requested $10.0 million for the Fund (-80% from FY2026), which \"may not\" suffice.")]
    [InlineData("Funding would be $156.7 million for FY2027 (\u221243%); officials said it should rise.")]
    [InlineData("")]
    [InlineData("!!")]
    public void Signed_numbers_and_edge_cases_read_the_same_from_one_sentence(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        ReadOnlySpan<Token> span = CollectionsMarshal.AsSpan(tokens);
        StanceEvidence evidence = StanceTagger.Inspect(text, span);

        // A repeated name adds to its bucket twice; a zero value still sets its bucket.
        List<(string Name, float Value)> named = [("cue:hedge", 0.25f), ("quoted", 0f), ("cue:hedge", 0.5f), ("prev:attributed", 1f)];
        AssertSharedEqualsAlone(span, evidence, named);
    }

    [Fact]
    public void Named_features_are_added_to_the_version_1_vector_as_WithContext_adds_them()
    {
        const string Text = "The agency may need more staff, the report said, though costs fell sharply.";
        var tokens = new List<Token>();
        Tokenizer.Tokenize(Text, new TextSpan(0, Text.Length), tokens);
        ReadOnlySpan<Token> span = CollectionsMarshal.AsSpan(tokens);
        StanceEvidence evidence = StanceTagger.Inspect(Text, span);
        List<(string Name, float Value)> named = EpistemicFeatures.Of(span, evidence, StanceContext.None, PreviousSentence.Of(StanceContext.None));
        named = [.. named.Where(f => f.Value != 0).DistinctBy(f => f.Name)];
        Assert.NotEmpty(named);

        var sentence = new StanceFeaturizer.Sentence(span, evidence.Quoted, Lexicon);
        (int[] i1, float[] v1) = sentence.Featurize(StanceFeaturizer.Version, evidence.Scores);
        (int[] ie, float[] ve) = sentence.Featurize(StanceFeaturizer.EpistemicVersion, evidence.Scores, named);
        (int[] iw, float[] vw) = StanceFeaturizer.WithContext((i1, v1), named);
        Assert.Equal(iw, ie);
        Assert.Equal(Bits(vw), Bits(ve));

        // A zero-valued name sets its bucket (WithContext leaves it out).
        (int[] iz, float[] vz) = sentence.Featurize(StanceFeaturizer.EpistemicVersion, evidence.Scores, [("no such feature", 0f)]);
        int[] extra = [.. iz.Except(i1)];
        Assert.Single(extra);
        Assert.Equal(0f, vz[Array.IndexOf(iz, extra[0])]);
    }

    /// <summary>The tagger's order: the epistemic vector with the named features, then polarity and v1 with a heading's cues (no hedge).</summary>
    private static void AssertSharedEqualsAlone(ReadOnlySpan<Token> tokens, StanceEvidence evidence, List<(string Name, float Value)> named)
    {
        CueScores cues = evidence.Scores with { Hedge = evidence.Scores.Hedge + 0.3 };
        CueScores heading = cues with { Hedge = 0 };
        var sentence = new StanceFeaturizer.Sentence(tokens, evidence.Quoted, Lexicon);
        (int Version, CueScores Cues, List<(string, float)>? Named)[] reads =
        [
            (StanceFeaturizer.EpistemicVersion, cues, named),
            (StanceFeaturizer.PolarityVersion, heading, null),
            (StanceFeaturizer.Version, heading, null),
            (StanceFeaturizer.PolarityVersion, cues, null),
            (StanceFeaturizer.EpistemicVersion, heading, []),
        ];
        foreach ((int version, CueScores c, List<(string, float)>? context) in reads)
        {
            (int[] shared, float[] sharedValues) = sentence.Featurize(version, c, context);
            (int[] alone, float[] aloneValues) = StanceFeaturizer.Featurize(tokens, evidence.Quoted, c, Lexicon, version, context);
            Assert.Equal(alone, shared);
            Assert.Equal(Bits(aloneValues), Bits(sharedValues));
            Assert.True(shared.Zip(shared.Skip(1)).All(p => p.First < p.Second), "indices sorted and distinct");
        }
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}

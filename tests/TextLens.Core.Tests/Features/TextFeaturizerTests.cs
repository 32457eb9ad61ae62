using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;
using TextLens.Testing;

namespace TextLens.Core.Tests.Features;

/// <summary>
/// The featurizer counts n-grams itself; ML.NET's n-gram transform (MapValueToKey + ProduceNgrams, 1–3 words,
/// Tf), fitted to the same chunks, is the reference: the vocabulary, its order, the term frequencies and every
/// sentence bag must be the same.
/// </summary>
public class TextFeaturizerTests
{
    [Fact]
    public void The_seeds_featurise_exactly_as_the_ML_NET_ngram_transform_does()
    {
        foreach (string path in Directory.EnumerateFiles(TestPaths.Seeds).Order(StringComparer.Ordinal))
        {
            AssertSameAsReference(SourceText.From(File.ReadAllText(path), path));
        }
    }

    [Fact]
    public void Reports_of_the_CRS_corpus_featurise_exactly_as_the_ML_NET_ngram_transform_does()
    {
        string first = SharedData.RequireOrSkip("corpus", "crs", "docs", "IF10753.md");
        foreach (string path in Directory.EnumerateFiles(Path.GetDirectoryName(first)!).Order(StringComparer.Ordinal).Take(40))
        {
            AssertSameAsReference(SourceText.From(File.ReadAllText(path), path));
        }
    }

    [Theory]
    [InlineData("the cat saw the cat. The cat, the cat saw the the the cat!")]
    [InlineData("a|b c a b|c 3 4 3 4 3 4 — it's a b c's a b c")]
    [InlineData("One. Two two. Three three three.\n\nOne two three, one two three one two.")]
    [InlineData("!!! ... ???")]
    public void Repeats_pipes_clitics_and_empty_sentences_featurise_as_the_reference_does(string text)
    {
        AssertSameAsReference(SourceText.From(text));
    }

    [Fact]
    public void A_sentence_bag_counts_the_words_bigrams_and_trigrams_of_its_chunks()
    {
        DocumentFeatures f = new TextFeaturizer().Featurize(ParsedDocument.Parse(SourceText.From("Rates rose, rates rose again."), TestModels.Set), TestModels.Set);
        Assert.Equal(["rates", "rates rose", "rose", "rates rose again", "rose again", "again"], f.Vocabulary);
        Assert.Equal([2, 2, 2, 1, 1, 1], f.TermFrequency);
        Assert.Equal([0, 1, 2, 3, 4, 5], f.SentenceTerms[0].Indices);
        Assert.Equal([2f, 2f, 2f, 1f, 1f, 1f], f.SentenceTerms[0].Values);
    }

    private static void AssertSameAsReference(SourceText text)
    {
        ParsedDocument document = ParsedDocument.Parse(text, TestModels.Set);
        DocumentFeatures actual = new TextFeaturizer().Featurize(document, TestModels.Set);
        (string[] vocabulary, int[] frequency, SparseVector[] bags) = MlNetReference(document);
        Assert.Equal(vocabulary, actual.Vocabulary);
        Assert.Equal(frequency, actual.TermFrequency);
        Assert.Equal(bags.Length, actual.SentenceTerms.Count);
        for (int s = 0; s < bags.Length; s++)
        {
            Assert.Equal(bags[s].Indices, actual.SentenceTerms[s].Indices);
            Assert.Equal(bags[s].Values, actual.SentenceTerms[s].Values);
        }
    }

    /// <summary>The featurisation as it was computed with ML.NET before (one fit of the n-gram transform per document).</summary>
    private static (string[] Vocabulary, int[] Frequency, SparseVector[] Bags) MlNetReference(ParsedDocument document)
    {
        List<TokenChunk> chunks = TextFeaturizer.FindChunks(document);
        var bags = new SparseVector[document.Sentences.Count];
        if (chunks.Count == 0)
        {
            Array.Fill(bags, SparseVector.Empty);
            return ([], [], bags);
        }

        ChunkRow[] rows = [.. chunks.Select(c => new ChunkRow { Tokens = [.. Enumerable.Range(c.FirstToken, c.TokenCount).Select(t => document.Tokens[t].Lower)] })];
        var ml = new MLContext(seed: 0);
        IDataView data = ml.Data.LoadFromEnumerable(rows, SchemaDefinition.Create(typeof(ChunkRow)));
        IDataView transformed = ml.Transforms.Conversion.MapValueToKey("Keys", nameof(ChunkRow.Tokens))
            .Append(ml.Transforms.Text.ProduceNgrams("Ngrams", "Keys", ngramLength: TextFeaturizer.MaxNgramLength, skipLength: 0, useAllLengths: true,
                maximumNgramsCount: 1_000_000, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
            .Fit(data).Transform(data);

        VBuffer<ReadOnlyMemory<char>> slotNames = default;
        transformed.Schema["Ngrams"].GetSlotNames(ref slotNames);
        string[] vocabulary = [.. slotNames.DenseValues().Select(n => n.ToString().Replace('|', ' '))];
        var frequency = new int[vocabulary.Length];
        var perSentence = new SortedDictionary<int, float>?[bags.Length];
        int row = 0;
        foreach (VBuffer<float> vector in transformed.GetColumn<VBuffer<float>>("Ngrams"))
        {
            SortedDictionary<int, float> bag = perSentence[chunks[row++].Sentence] ??= [];
            foreach ((int index, float value) in vector.Items())
            {
                if (value != 0)
                {
                    frequency[index] += (int)value;
                    bag[index] = bag.GetValueOrDefault(index) + value;
                }
            }
        }

        for (int s = 0; s < bags.Length; s++)
        {
            bags[s] = perSentence[s] is { } bag ? new SparseVector([.. bag.Keys], [.. bag.Values]) : SparseVector.Empty;
        }

        return (vocabulary, frequency, bags);
    }

    private sealed class ChunkRow
    {
        public string[] Tokens { get; set; } = [];
    }
}

using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Features;

/// <summary>The shared ML.NET featurisation: vocabulary order, counts, sentence bags, and the same result on any thread.</summary>
public sealed class TextFeaturizerTests
{
    private static DocumentFeatures Featurize(string text, DocumentFormat format = DocumentFormat.PlainText) =>
        TestModels.Featurizer.Featurize(ParsedDocument.Parse(SourceText.From(text, "doc", format), TestModels.Set), TestModels.Set);

    [Fact]
    public void Vocabulary_holds_the_one_to_three_word_ngrams_in_order_of_first_occurrence()
    {
        DocumentFeatures f = Featurize("The budget grew. The budget office objected.");

        // ML.NET's slot order: grams in order of their first occurrence, grouped by their first word, shorter first.
        Assert.Equal(["the", "the budget", "the budget grew", "budget", "budget grew", "grew", "the budget office", "budget office", "budget office objected", "office", "office objected", "objected"], f.Vocabulary);
        Assert.Equal(2, f.FrequencyOf("the budget"));
        Assert.Equal(1, f.FrequencyOf("budget office objected"));
        Assert.Equal(0, f.FrequencyOf("grew the"));
        Assert.Equal(-1, f.TermIndex("objected ."));
    }

    [Fact]
    public void Ngrams_do_not_cross_punctuation_and_sentence_bags_sum_to_the_document_counts()
    {
        DocumentFeatures f = Featurize("Rates rose, prices fell. Rates rose again; rates rose twice.");
        Assert.Equal(-1, f.TermIndex("rose prices"));
        Assert.Equal(-1, f.TermIndex("again rates"));
        Assert.Equal(3, f.FrequencyOf("rates rose"));

        var summed = new float[f.Vocabulary.Count];
        foreach (SparseVector bag in f.SentenceTerms)
        {
            Assert.True(bag.Indices.SequenceEqual(bag.Indices.Order()), "bag indices are sorted");
            for (int k = 0; k < bag.Count; k++)
            {
                summed[bag.Indices[k]] += bag.Values[k];
            }
        }

        Assert.Equal(f.TermFrequency.Select(c => (float)c), summed);
        Assert.Equal(2f, f.SentenceTerms[1].Values[Array.IndexOf(f.SentenceTerms[1].Indices, f.TermIndex("rates rose"))]);
    }

    [Fact]
    public void A_document_without_words_has_an_empty_vocabulary_and_empty_bags()
    {
        DocumentFeatures f = Featurize("... !!! ---");
        Assert.Empty(f.Vocabulary);
        Assert.All(f.SentenceTerms, bag => Assert.Equal(0, bag.Count));
    }

    [Fact]
    public void The_seed_article_featurises_the_same_on_every_thread_and_every_time()
    {
        ParsedDocument seed = ParsedDocument.Parse(SourceText.From(File.ReadAllText(TestPaths.SeedArticle), TestPaths.SeedArticle), TestModels.Set);
        var featurizer = new TextFeaturizer();
        DocumentFeatures first = featurizer.Featurize(seed, TestModels.Set);
        Assert.True(first.Vocabulary.Count > 1000, $"the seed has {first.Vocabulary.Count} n-grams");

        DocumentFeatures[] again = new DocumentFeatures[8];
        Parallel.For(0, again.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => again[i] = featurizer.Featurize(seed, TestModels.Set));
        foreach (DocumentFeatures f in again)
        {
            Assert.Equal(first.Vocabulary, f.Vocabulary);
            Assert.Equal(first.TermFrequency, f.TermFrequency);
            Assert.Equal(first.SentenceTerms.Count, f.SentenceTerms.Count);
            for (int s = 0; s < first.SentenceTerms.Count; s++)
            {
                Assert.Equal(first.SentenceTerms[s].Indices, f.SentenceTerms[s].Indices);
                Assert.Equal(first.SentenceTerms[s].Values, f.SentenceTerms[s].Values);
            }
        }
    }

    [Fact]
    public void A_thread_featurises_the_same_after_its_ML_NET_pipeline_is_replaced()
    {
        // Two short documents alternate on one thread across more than one pipeline's lifetime: each one's features stay
        // what its first featurisation gave, and no row of one document shows up in the other's.
        var featurizer = new TextFeaturizer();
        ParsedDocument a = ParsedDocument.Parse(SourceText.From("The council approved the budget. The budget grew.", "a"), TestModels.Set);
        ParsedDocument b = ParsedDocument.Parse(SourceText.From("Rain fell on the coast for a week.", "b"), TestModels.Set);
        DocumentFeatures firstA = featurizer.Featurize(a, TestModels.Set);
        DocumentFeatures firstB = featurizer.Featurize(b, TestModels.Set);
        for (int i = 0; i <= TextFeaturizer.DocumentsPerPipeline + 2; i++)
        {
            (ParsedDocument doc, DocumentFeatures first) = i % 2 == 0 ? (a, firstA) : (b, firstB);
            DocumentFeatures f = featurizer.Featurize(doc, TestModels.Set);
            Assert.Equal(first.Vocabulary, f.Vocabulary);
            Assert.Equal(first.TermFrequency, f.TermFrequency);
            for (int s = 0; s < first.SentenceTerms.Count; s++)
            {
                Assert.Equal(first.SentenceTerms[s].Indices, f.SentenceTerms[s].Indices);
                Assert.Equal(first.SentenceTerms[s].Values, f.SentenceTerms[s].Values);
            }
        }

        Assert.Contains("council approved", firstA.Vocabulary);
        Assert.DoesNotContain("rain", firstA.Vocabulary);
    }
}

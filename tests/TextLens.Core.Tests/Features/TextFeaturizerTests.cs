using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;
using TextLens.Testing;

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
    public void A_thread_featurises_many_documents_through_one_mapper_without_mixing_them()
    {
        // Two short documents alternate on one thread, read through the thread's one data view and mapper: each one's
        // features stay what its first featurisation gave, and no row of one document shows up in the other's.
        var featurizer = new TextFeaturizer();
        ParsedDocument a = ParsedDocument.Parse(SourceText.From("The council approved the budget. The budget grew.", "a"), TestModels.Set);
        ParsedDocument b = ParsedDocument.Parse(SourceText.From("Rain fell on the coast for a week.", "b"), TestModels.Set);
        DocumentFeatures firstA = featurizer.Featurize(a, TestModels.Set);
        DocumentFeatures firstB = featurizer.Featurize(b, TestModels.Set);
        for (int i = 0; i < 300; i++)
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

    [Fact]
    public void The_ML_NET_chain_is_fitted_once_per_process_not_per_document()
    {
        ParsedDocument a = ParsedDocument.Parse(SourceText.From("The council approved the budget. The budget grew.", "a"), TestModels.Set);
        ParsedDocument b = ParsedDocument.Parse(SourceText.From("Rain fell on the coast for a week.", "b"), TestModels.Set);
        _ = TestModels.Featurizer.Featurize(a, TestModels.Set);
        ITransformer transformer = TextFeaturizer.Transformer;

        // Other featurizers, other threads, other documents: the same transformer, and no further fit.
        var featurizers = new[] { new TextFeaturizer(), new TextFeaturizer() };
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => featurizers[i % 2].Featurize(i % 3 == 0 ? a : b, TestModels.Set));
        Assert.Equal(1, TextFeaturizer.TransformersFitted);
        Assert.Same(transformer, TextFeaturizer.Transformer);
    }

    [Fact]
    public void The_ngram_slot_is_the_one_ML_NET_hashes_each_ngram_of_real_text_to()
    {
        // ML.NET's own inverted hashing names every slot with the n-grams that hashed to it, as their token hashes joined
        // by '|' (the token keys carry no text: ML.NET inverts token hashes only up to 30 bits); fitted here, in the test,
        // with every invert kept and otherwise the featurizer's settings. Each n-gram of the seeds' chunks must be named
        // at the slot NgramSlot gives it from ML.NET's token keys, and each row's ML.NET counts must be those slots' counts.
        Row[] rows = [.. Directory.EnumerateFiles(TestPaths.Seeds).Order(StringComparer.Ordinal).Select(Parse).SelectMany(
            seed => TextFeaturizer.FindChunks(seed).Select(c => new Row { Tokens = [.. Enumerable.Range(c.FirstToken, c.TokenCount).Select(t => seed.Tokens[t].Lower)] }))];
        var ml = new MLContext(seed: 0);
        IDataView data = ml.Data.LoadFromEnumerable(rows);
        ITransformer inverted = ml.Transforms.Conversion.Hash("Keys", nameof(Row.Tokens), numberOfBits: TextFeaturizer.TokenHashBits, maximumNumberOfInverts: 0)
            .Append(ml.Transforms.Text.ProduceHashedNgrams("Ngrams", "Keys", numberOfBits: TextFeaturizer.NgramHashBits, ngramLength: TextFeaturizer.MaxNgramLength,
                useAllLengths: true, seed: TextFeaturizer.NgramHashSeed, useOrderedHashing: true, maximumNumberOfInverts: -1))
            .Fit(data);
        IDataView output = inverted.Transform(data);
        VBuffer<ReadOnlyMemory<char>> names = default;
        output.Schema["Ngrams"].GetSlotNames(ref names);
        var slotNames = new Dictionary<int, string>();
        foreach ((int slot, ReadOnlyMemory<char> name) in names.Items())
        {
            if (!name.IsEmpty)
            {
                slotNames[slot] = name.ToString();
            }
        }

        int checkedNgrams = 0;
        int row = 0;
        using DataViewRowCursor cursor = output.GetRowCursor([output.Schema["Keys"], output.Schema["Ngrams"]]);
        ValueGetter<VBuffer<uint>> getKeys = cursor.GetGetter<VBuffer<uint>>(output.Schema["Keys"]);
        ValueGetter<VBuffer<float>> getCounts = cursor.GetGetter<VBuffer<float>>(output.Schema["Ngrams"]);
        VBuffer<uint> keys = default;
        VBuffer<float> counts = default;
        while (cursor.MoveNext())
        {
            getKeys(ref keys);
            getCounts(ref counts);
            uint[] k = keys.DenseValues().ToArray();
            string[] tokens = rows[row++].Tokens;
            var expected = new SortedDictionary<int, float>();
            for (int i = 0; i < tokens.Length; i++)
            {
                for (int n = 1; n <= TextFeaturizer.MaxNgramLength && i + n <= tokens.Length; n++)
                {
                    int slot = TextFeaturizer.NgramSlot(k.AsSpan(i, n));
                    string ngram = string.Join('|', k.Skip(i).Take(n).Select(key => key - 1)); // a key without key values is named by its hash
                    Assert.True(slotNames.TryGetValue(slot, out string? name) && (name == ngram || name.StartsWith('{')), $"slot {slot} of '{string.Join(' ', tokens, i, n)}' ({ngram}) is named '{name}'");
                    expected[slot] = expected.GetValueOrDefault(slot) + 1;
                    checkedNgrams++;
                }
            }

            Assert.Equal(expected, counts.Items().Where(x => x.Value != 0).ToDictionary(x => x.Key, x => x.Value));
        }

        Assert.True(checkedNgrams > 5000, $"{checkedNgrams} n-grams checked");
    }

    [Fact]
    public void Features_are_those_of_the_chain_fitted_to_each_document()
    {
        // The reference is the featurisation this replaced: MapValueToKey + ProduceNgrams (1-3-grams, Tf) fitted to the
        // document itself, its slot names read as the vocabulary. Vocabulary, order, term frequencies and every
        // sentence bag must be the same on the seeds and, when ../shared is there, on the CRS reports.
        var files = Directory.EnumerateFiles(TestPaths.Seeds).Order(StringComparer.Ordinal).ToList();
        string crs = Path.GetDirectoryName(SharedData.RequireOrSkip("corpus", "crs", "docs", "IN12679.md"))!;
        files.AddRange(Directory.EnumerateFiles(crs, "*.md").Order(StringComparer.Ordinal));
        int terms = 0;
        foreach (string file in files)
        {
            ParsedDocument document = Parse(file);
            DocumentFeatures f = TestModels.Featurizer.Featurize(document, TestModels.Set);
            (string[] vocabulary, int[] frequency, SparseVector[] bags) = FittedPerDocument(document);
            Assert.Equal(vocabulary, f.Vocabulary);
            Assert.Equal(frequency, f.TermFrequency);
            Assert.Equal(bags.Length, f.SentenceTerms.Count);
            for (int s = 0; s < bags.Length; s++)
            {
                Assert.Equal(bags[s].Indices, f.SentenceTerms[s].Indices);
                Assert.Equal(bags[s].Values, f.SentenceTerms[s].Values);
            }

            terms += vocabulary.Length;
        }

        Assert.True(terms > 50_000, $"{files.Count} documents, {terms} terms");
        Assert.Contains("north korea", TestModels.Featurizer.Featurize(Parse(TestPaths.SeedArticle), TestModels.Set).Vocabulary);
    }

    [Fact]
    public void Sentence_bags_are_those_of_the_fitted_chain_around_a_sentence_of_thousands_of_ngrams_and_sentences_without_words()
    {
        // The bags are counted in one dictionary, emptied (or, after a sentence of more than 4,096 terms, replaced)
        // between sentences: a long sentence, then sentences without words and short ones, must give each its own bag.
        string seeds = string.Concat(Directory.EnumerateFiles(TestPaths.Seeds).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        string longSentence = string.Join(", ", seeds.Split(['.', '!', '?', ';', '\n', '#', '*'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) + ".";
        string text = "Rates rose. ... !!! " + longSentence + " --- Rates rose again. ??? Prices fell, rates rose twice.";
        ParsedDocument document = ParsedDocument.Parse(SourceText.From(text, "doc", DocumentFormat.PlainText), TestModels.Set);
        DocumentFeatures f = TestModels.Featurizer.Featurize(document, TestModels.Set);
        (string[] vocabulary, int[] frequency, SparseVector[] bags) = FittedPerDocument(document);
        Assert.True(f.SentenceTerms.Max(b => b.Count) > 4096, $"the longest sentence has {f.SentenceTerms.Max(b => b.Count)} terms");
        Assert.Contains(f.SentenceTerms, b => b.Count == 0);
        Assert.Equal(vocabulary, f.Vocabulary);
        Assert.Equal(frequency, f.TermFrequency);
        Assert.Equal(bags.Length, f.SentenceTerms.Count);
        for (int s = 0; s < bags.Length; s++)
        {
            Assert.Equal(bags[s].Indices, f.SentenceTerms[s].Indices);
            Assert.Equal(bags[s].Values, f.SentenceTerms[s].Values);
        }
    }

    [Fact]
    public void Two_ngrams_that_share_a_hashed_slot_keep_their_own_terms_and_counts()
    {
        // At 30 bits "east coast" and "colombians" hash to one slot, and so do "arthur" and "from some liberal" (found on
        // the 4 MB benchmark document): ML.NET's count of that slot is split between them, in rows with one or both. And
        // ML.NET's token hash gives "xπn" and "yπn" one key (its mock UTF-8 of two-byte characters, found on Inspec): the
        // two tokens keep their own terms too.
        ParsedDocument document = ParsedDocument.Parse(SourceText.From(
            "Colombians moved to the east coast. The east coast welcomed colombians, and Arthur wrote from some liberal town. " +
            "East coast colombians met Arthur; from some liberal towns came more colombians to the east coast. " +
            "The xπn term and the yπn term differ, and the xπn term recurs.", "collisions"), TestModels.Set);
        (long slotsBefore, long tokensBefore) = TextFeaturizer.Collisions;
        DocumentFeatures f = TestModels.Featurizer.Featurize(document, TestModels.Set);
        Assert.True(TextFeaturizer.Collisions.SharedSlots - slotsBefore >= 2, "the shared slots were met");
        Assert.True(TextFeaturizer.Collisions.TokensSharingKeys - tokensBefore >= 1, "the tokens sharing a key were met");

        (string[] vocabulary, int[] frequency, SparseVector[] bags) = FittedPerDocument(document);
        Assert.Equal(vocabulary, f.Vocabulary);
        Assert.Equal(frequency, f.TermFrequency);
        for (int s = 0; s < bags.Length; s++)
        {
            Assert.Equal(bags[s].Indices, f.SentenceTerms[s].Indices);
            Assert.Equal(bags[s].Values, f.SentenceTerms[s].Values);
        }

        Assert.Equal(4, f.FrequencyOf("east coast"));
        Assert.Equal(4, f.FrequencyOf("colombians"));
        Assert.Equal(2, f.FrequencyOf("arthur"));
        Assert.Equal(2, f.FrequencyOf("from some liberal"));
        Assert.Equal(2, f.FrequencyOf("the xπn term"));
        Assert.Equal(1, f.FrequencyOf("yπn term"));
    }

    private static ParsedDocument Parse(string file) => ParsedDocument.Parse(SourceText.From(File.ReadAllText(file), file), TestModels.Set);

    private static (string[] Vocabulary, int[] Frequency, SparseVector[] Bags) FittedPerDocument(ParsedDocument document)
    {
        List<TokenChunk> chunks = TextFeaturizer.FindChunks(document);
        Row[] rows = [.. chunks.Select(c => new Row { Tokens = [.. Enumerable.Range(c.FirstToken, c.TokenCount).Select(t => document.Tokens[t].Lower)] })];
        var ml = new MLContext(seed: 0);
        IDataView data = ml.Data.LoadFromEnumerable(rows);
        IDataView output = ml.Transforms.Conversion.MapValueToKey("Keys", nameof(Row.Tokens))
            .Append(ml.Transforms.Text.ProduceNgrams("Ngrams", "Keys", ngramLength: TextFeaturizer.MaxNgramLength, skipLength: 0, useAllLengths: true,
                maximumNgramsCount: 1_000_000, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
            .Fit(data).Transform(data);
        VBuffer<ReadOnlyMemory<char>> names = default;
        output.Schema["Ngrams"].GetSlotNames(ref names);
        string[] vocabulary = [.. names.DenseValues().Select(n => n.ToString().Replace('|', ' '))];
        var frequency = new int[vocabulary.Length];
        var bags = new SortedDictionary<int, float>?[document.Sentences.Count];
        int row = 0;
        foreach (VBuffer<float> counts in output.GetColumn<VBuffer<float>>("Ngrams"))
        {
            SortedDictionary<int, float> bag = bags[chunks[row++].Sentence] ??= [];
            foreach ((int slot, float count) in counts.Items().Where(x => x.Value != 0))
            {
                frequency[slot] += (int)count;
                bag[slot] = bag.GetValueOrDefault(slot) + count;
            }
        }

        return (vocabulary, frequency, [.. bags.Select(b => b is null ? SparseVector.Empty : new SparseVector([.. b.Keys], [.. b.Values]))]);
    }

    private sealed class Row
    {
        public string[] Tokens { get; set; } = [];
    }
}

using TextLens.Training;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Parsing;

public class PartOfSpeechTaggerTests
{
    [Fact]
    public void Accuracy_on_a_slice_of_ewt_dev_is_sane()
    {
        string path = SharedData.RequireOrSkip("data", "pos", "ewt-dev.tsv");
        List<TaggedSentence> sentences;
        using (var reader = new StreamReader(path))
        {
            sentences = [.. TaggedCorpus.Read(reader).Take(600)];
        }

        (int correct, int total) = PartOfSpeechTrainer.Evaluate(TestModels.Set.PartOfSpeech.Model, sentences);
        Assert.True(total > 5000, $"{total} words");
        double accuracy = (double)correct / total;
        Assert.True(accuracy > 0.92, $"UPOS accuracy {accuracy:P2} on {total} words of ewt-dev");
    }

    [Fact]
    public void Tags_news_prose()
    {
        string[] words = ["Chongryon", "has", "run", "dozens", "of", "schools", "and", "a", "university", "in", "Japan", "."];
        PartOfSpeech[] tags = TestModels.Set.PartOfSpeech.Tag(words);
        Assert.Equal(
            [PartOfSpeech.Propn, PartOfSpeech.Aux, PartOfSpeech.Verb, PartOfSpeech.Noun, PartOfSpeech.Adp, PartOfSpeech.Noun, PartOfSpeech.Cconj,
             PartOfSpeech.Det, PartOfSpeech.Noun, PartOfSpeech.Adp, PartOfSpeech.Propn, PartOfSpeech.Punct],
            tags);
    }

    [Fact]
    public void Parsed_document_exposes_one_tag_per_token_computed_once()
    {
        ParsedDocument doc = ParsedDocument.Parse(SourceText.From("North Korea's leader met Japanese officials. They didn't agree."), TestModels.Set);
        IReadOnlyList<PartOfSpeech> tags = doc.Tags;
        Assert.Equal(doc.Tokens.Count, tags.Count);
        Assert.Same(tags, doc.Tags);
        int clitic = doc.Tokens.ToList().FindIndex(t => t.Text == "'s");
        Assert.Equal(PartOfSpeech.Part, tags[clitic]);
        Assert.Equal(PartOfSpeech.Propn, tags[0]);
        Assert.Equal(PartOfSpeech.Adj, tags[doc.Tokens.ToList().FindIndex(t => t.Text == "Japanese")]);
    }

    [Fact]
    public void Corpus_reader_joins_hyphenated_compounds_as_the_tokenizer_does()
    {
        const string tsv = "# source=test\nAl\tPROPN\tNNP\n-\tPUNCT\tHYPH\nZaman\tPROPN\tNNP\nwell\tADV\tRB\n-\tPUNCT\tHYPH\nknown\tVERB\tVBN\nfacts\tNOUN\tNNS\n\nHi\tINTJ\tUH\n\n";
        List<TaggedSentence> sentences = TaggedCorpus.Read(new StringReader(tsv));
        Assert.Equal(2, sentences.Count);
        Assert.Equal(["Al-Zaman", "well-known", "facts"], sentences[0].Words);
        Assert.Equal([PartOfSpeech.Propn, PartOfSpeech.Adj, PartOfSpeech.Noun], sentences[0].Tags);
    }

    [Fact]
    public void Model_round_trips_through_its_file_format()
    {
        var weights = new float[PartOfSpeechFeatures.Buckets * PartOfSpeechNames.Count];
        weights[(123 * PartOfSpeechNames.Count) + 7] = 1.5f;
        weights[(99_999 * PartOfSpeechNames.Count) + 16] = -0.25f;
        float[] bias = [.. Enumerable.Range(0, PartOfSpeechNames.Count).Select(i => i / 100f)];
        var model = new PartOfSpeechModel(weights, bias);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        PartOfSpeechModel loaded = PartOfSpeechModel.Load(stream);
        Assert.Equal(2, loaded.ActiveRows);
        Span<float> scores = stackalloc float[PartOfSpeechNames.Count];
        Assert.Equal(PartOfSpeech.Noun, loaded.Predict([123], scores));
        Assert.Equal(1.5f + 0.07f, scores[7], 3);
        Assert.Equal(PartOfSpeech.Verb, loaded.Predict([99_999], scores)); // X (bias 0.16) loses 0.25
    }

    [Fact]
    public void Shipped_model_file_is_the_fixed_layout_it_saves_and_damage_is_rejected()
    {
        byte[] shipped = File.ReadAllBytes(TestModels.Set.PathOf(PartOfSpeechTagger.FileName));
        PartOfSpeechModel model = PartOfSpeechModel.Load(new MemoryStream(shipped));
        using var saved = new MemoryStream();
        model.Save(saved);
        Assert.Equal(shipped, saved.ToArray());
        Assert.Equal(24 + (17 * 4) + (model.ActiveRows * 4) + (model.ActiveRows * 17 * 4), shipped.Length);

        Assert.Throws<EndOfStreamException>(() => PartOfSpeechModel.Load(new MemoryStream(shipped[..^4])));
        Assert.Throws<InvalidDataException>(() => PartOfSpeechModel.Load(new MemoryStream([.. shipped, 0])));
        byte[] version1 = (byte[])shipped.Clone();
        version1[5] = (byte)'1';
        Assert.Throws<InvalidDataException>(() => PartOfSpeechModel.Load(new MemoryStream(version1)));
        byte[] disordered = (byte[])shipped.Clone();
        shipped.AsSpan(24 + 68, 4).CopyTo(disordered.AsSpan(24 + 68 + 4, 4)); // second slot = first slot
        Assert.Throws<InvalidDataException>(() => PartOfSpeechModel.Load(new MemoryStream(disordered)));
    }

    [Fact]
    public void Saving_rounds_weights_to_half_precision_and_drops_rows_that_round_to_zero()
    {
        var weights = new float[PartOfSpeechFeatures.Buckets * PartOfSpeechNames.Count];
        weights[(5 * PartOfSpeechNames.Count) + 3] = 0.1f;       // 0.1 is not a half; it rounds to 0.0999755859375
        weights[(6 * PartOfSpeechNames.Count) + 3] = 1e-9f;      // rounds to zero: the row is left out
        var model = new PartOfSpeechModel(weights, new float[PartOfSpeechNames.Count]);
        Assert.Equal(2, model.ActiveRows);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        PartOfSpeechModel loaded = PartOfSpeechModel.Load(stream);
        Assert.Equal(1, loaded.ActiveRows);
        Span<float> scores = stackalloc float[PartOfSpeechNames.Count];
        loaded.Predict([5], scores);
        Assert.Equal((float)(Half)0.1f, scores[3]);
        loaded.Predict([6], scores);
        Assert.Equal(0f, scores[3]);
    }
}

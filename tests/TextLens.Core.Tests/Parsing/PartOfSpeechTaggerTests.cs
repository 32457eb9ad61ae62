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
}

using System.Runtime.InteropServices;
using System.Text;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;
using TextLens.Testing;
using TextLens.Training;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Stance;

/// <summary>The in-domain polar vocabulary (<see cref="PolarVocabulary"/>, `train stance --polar-vocabulary`; tried, not shipped).</summary>
public class PolarVocabularyTests
{
    private static string[] Terms(string sentence)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        return PolarVocabulary.Terms(CollectionsMarshal.AsSpan(tokens));
    }

    private const int Negative = 0, Neutral = 1, Positive = 2;

    // Sentences of CRS reports (public domain), labelled as in analysis_prose_crs: litigation stated flatly is negative in two
    // reports; "tunnels" is in positive sentences of one report only (its topic, not a polar word).
    private static readonly (string Text, int Label, string Doc)[] Sentences =
    [
        ("Several states filed suit to block the rule.", Negative, "R1"),
        ("The Court rejected the argument and the agency sought review.", Neutral, "R1"),
        ("Federal agencies consult with the Services.", Neutral, "R1"),
        ("Environmental groups filed suit in federal district court.", Negative, "R2"),
        ("The M-2 Bradley transports infantry.", Neutral, "R2"),
        ("On March 3, the House passed H.R. 1156.", Neutral, "R2"),
        ("Vehicle speeds increased on tolled routes and for nearby bridges and tunnels.", Positive, "R3"),
        ("Travel times through the tunnels improved.", Positive, "R3"),
        ("The tolls apply to vehicles entering the zone.", Neutral, "R3"),
        ("The program achieved initial operational capability in November 2020.", Positive, "R4"),
        ("The program was fully funded to procure the Approved Acquisition Objective.", Positive, "R5"),
        ("The program office reported on the schedule.", Neutral, "R5"),
    ];

    private static PolarVocabulary Built() =>
        PolarVocabulary.Build(Sentences.Select(s => ((IReadOnlyList<string>)Terms(s.Text), s.Label, s.Doc)));

    [Fact]
    public void Terms_are_the_lower_case_words_and_adjacent_word_pairs()
    {
        string[] terms = Terms("Environmental groups filed suit.");
        Assert.Equal(new[] { "environmental", "environmental groups", "filed", "filed suit", "groups", "groups filed", "suit" }, terms);
    }

    [Fact]
    public void Litigation_stated_flatly_in_two_reports_scores_negative()
    {
        PolarVocabulary vocabulary = Built();
        Assert.True(vocabulary.TryGet("filed suit", out var filedSuit));
        Assert.True(filedSuit.Negative > 1, $"'filed suit' negative score {filedSuit.Negative}");

        // "program", in positive and neutral sentences only, speaks against negative.
        Assert.True(vocabulary.TryGet("program", out var program));
        Assert.True(program.Negative < 0, $"'program' negative score {program.Negative}");
    }

    [Fact]
    public void A_word_polar_in_one_report_only_gets_no_polar_score()
    {
        PolarVocabulary vocabulary = Built();
        Assert.True(vocabulary.TryGet("tunnels", out var tunnels));
        Assert.True(tunnels.Positive <= 0, $"'tunnels' (positive in one report only) scored {tunnels.Positive}");

        // "program" is in positive sentences of two reports (R4, R5), so its positive score stands.
        Assert.True(vocabulary.TryGet("the program", out var theProgram));
        Assert.True(theProgram.Positive > 0, $"'the program' positive score {theProgram.Positive}");
    }

    [Fact]
    public void A_sentence_with_learnt_bad_news_terms_has_negative_features_and_a_description_none()
    {
        PolarVocabulary vocabulary = Built();
        var litigation = vocabulary.Features(Terms("Three tribes filed suit in 2024.")).ToDictionary(f => f.Name, f => f.Value);
        var description = vocabulary.Features(Terms("The M-2 Bradley transports infantry.")).ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(string.Join(',', PolarVocabulary.FeatureNames), string.Join(',', litigation.Keys));
        Assert.True(litigation["vocab:neg:sum"] > 0.5f && litigation["vocab:neg:max"] > 0.3f, string.Join(", ", litigation));
        Assert.Equal(0f, description["vocab:neg:sum"]);
        Assert.Equal(0f, description["vocab:pos:sum"]);
    }

    [Fact]
    public void With_previous_use_the_previous_sentence_s_bad_news_terms_are_read()
    {
        var sentences = Sentences.Select(s => ((IReadOnlyList<string>)Terms(s.Text), s.Label, s.Doc)).ToList();
        PolarVocabulary previous = PolarVocabulary.Build(sentences, PolarVocabularyUse.Previous);
        PolarVocabulary sentence = PolarVocabulary.Build(sentences, PolarVocabularyUse.Sentence);
        string[] current = Terms("The agency appealed the decision.");
        string[] before = Terms("Three tribes filed suit in 2024.");

        var read = previous.ContextFeatures(current, before).ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(string.Join(',', PolarVocabulary.PreviousFeatureNames), string.Join(',', read.Keys));
        Assert.True(read["vocab:prev:neg:sum"] > 0.5f, string.Join(", ", read));
        Assert.Equal(0f, previous.ContextFeatures(current, Terms("The M-2 Bradley transports infantry."))[0].Value);
        Assert.Equal(string.Join(',', PolarVocabulary.FeatureNames), string.Join(',', sentence.ContextFeatures(current, before).Select(f => f.Name)));

        using var file = new MemoryStream();
        previous.Save(file);
        Assert.Equal(PolarVocabularyUse.Previous, PolarVocabulary.Load(new MemoryStream(file.ToArray())).Use);
    }

    [Fact]
    public void The_file_round_trips_byte_for_byte_and_rejects_another_format()
    {
        PolarVocabulary vocabulary = Built();
        using var first = new MemoryStream();
        vocabulary.Save(first);
        PolarVocabulary read = PolarVocabulary.Load(new MemoryStream(first.ToArray()));
        using var second = new MemoryStream();
        read.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(vocabulary.Count, read.Count);
        string[] terms = Terms("Several states filed suit to block the rule.");
        Assert.Equal(vocabulary.Features(terms), read.Features(terms));

        Assert.Throws<InvalidDataException>(() => PolarVocabulary.Load(new MemoryStream(Encoding.UTF8.GetBytes("term\t1\t2\n"))));
        Assert.Throws<InvalidDataException>(() => PolarVocabulary.Load(new MemoryStream(Encoding.UTF8.GetBytes(PolarVocabulary.Header + "Sentence\nfiled suit\tNaN\t0\n"))));
    }

    [Fact]
    public void Training_with_the_vocabulary_is_reproducible_and_reads_it()
    {
        string crs = SharedData.RequireOrSkip("data", "stance", "analysis_prose_crs.polarity.dev.jsonl");
        string nyt = SharedData.RequireOrSkip("data", "stance", "polarity_nyt_vader.dev.jsonl");
        StanceItem[] items =
        [
            .. StanceEvaluation.ReadJsonl(crs).Take(300).Select(i => i with { Weight = 3, InDomain = true }),
            .. StanceEvaluation.ReadJsonl(nyt).Take(100),
        ];
        var options = new StanceTrainingOptions { ClassBalance = 0.5, PolarVocabulary = PolarVocabularyUse.Sentence };
        (byte[] Model, byte[] Vocabulary) Train(StanceTrainingOptions o)
        {
            LinearStanceModel model = StanceTrainer.Train(StanceAxis.Polarity, items, o, TestModels.Set.Valence, out PolarVocabulary? vocabulary);
            using var m = new MemoryStream();
            model.Save(m);
            using var v = new MemoryStream();
            vocabulary?.Save(v);
            return (m.ToArray(), v.ToArray());
        }

        (byte[] model, byte[] vocabulary) = Train(options);
        (byte[] again, byte[] vocabularyAgain) = Train(options);
        Assert.Equal(model, again);
        Assert.Equal(vocabulary, vocabularyAgain);
        Assert.True(PolarVocabulary.Load(new MemoryStream(vocabulary)).Count > 100);

        (byte[] without, byte[] none) = Train(options with { PolarVocabulary = PolarVocabularyUse.None });
        Assert.Empty(none);
        Assert.NotEqual(model, without);
    }
}

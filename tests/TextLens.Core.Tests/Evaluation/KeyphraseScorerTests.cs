using System.Globalization;
using System.Text.Json;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Evaluation;

public class KeyphraseScorerTests
{
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("bled", "bled")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("tanned", "tan")]
    [InlineData("falling", "fall")]
    [InlineData("hissing", "hiss")]
    [InlineData("fizzed", "fizz")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("sky", "sky")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("hesitanci", "hesit")]
    [InlineData("digitizer", "digit")]
    [InlineData("conformabli", "conform")]
    [InlineData("radicalli", "radic")]
    [InlineData("differentli", "differ")]
    [InlineData("vileli", "vile")]
    [InlineData("analogousli", "analog")]
    [InlineData("vietnamization", "vietnam")]
    [InlineData("predication", "predic")]
    [InlineData("operator", "oper")]
    [InlineData("feudalism", "feudal")]
    [InlineData("decisiveness", "decis")]
    [InlineData("hopefulness", "hope")]
    [InlineData("callousness", "callous")]
    [InlineData("formaliti", "formal")]
    [InlineData("sensitiviti", "sensit")]
    [InlineData("sensibiliti", "sensibl")]
    [InlineData("triplicate", "triplic")]
    [InlineData("formative", "form")]
    [InlineData("electrical", "electr")]
    [InlineData("goodness", "good")]
    [InlineData("revival", "reviv")]
    [InlineData("allowance", "allow")]
    [InlineData("inference", "infer")]
    [InlineData("airliner", "airlin")]
    [InlineData("gyroscopic", "gyroscop")]
    [InlineData("adjustable", "adjust")]
    [InlineData("defensible", "defens")]
    [InlineData("irritant", "irrit")]
    [InlineData("replacement", "replac")]
    [InlineData("dependent", "depend")]
    [InlineData("adoption", "adopt")]
    [InlineData("communism", "commun")]
    [InlineData("activate", "activ")]
    [InlineData("effective", "effect")]
    [InlineData("bowdlerize", "bowdler")]
    [InlineData("probate", "probat")]
    [InlineData("rate", "rate")]
    [InlineData("cease", "ceas")]
    [InlineData("controll", "control")]
    [InlineData("roll", "roll")]
    [InlineData("generalizations", "gener")]
    [InlineData("oscillators", "oscil")]
    [InlineData("hurricanes", "hurrican")]
    [InlineData("news", "new")]
    [InlineData("agencies", "agenc")]
    [InlineData("is", "i")]
    [InlineData("as", "a")]
    public void Porter_1980_as_the_reference_scorer(string word, string stem) =>
        Assert.Equal(stem, OriginalPorterStemmer.Stem(word));

    [Theory]
    [InlineData("Real-Time  Systems", "real time system")]
    [InlineData("U.S. elections,", "u s elect")]
    [InlineData("Hurricane Andrew's", "hurrican andrew s")]
    [InlineData("", "")]
    public void Normalisation(string phrase, string expected) => Assert.Equal(expected, KeyphraseScorer.Normalize(phrase));

    [Fact]
    public void Scores_hand_made_cases_like_kp_score_self_test()
    {
        KeyphraseDocument[] gold =
        [
            new("a", "Hurricane Andrew hit Florida. Insurance claims rose.", ["hurricane andrew", "florida", "insurance claims", "storm damage"]),
            new("b", "x", ["alpha", "beta"]),
            new("c", "empty gold", []),
        ];
        var predictions = new Dictionary<string, IReadOnlyList<string>>
        {
            ["a"] = ["Hurricanes Andrew", "hurricane andrew", "Florida", "claims", "Insurance-Claims", "weather", "x1"],
            ["zzz"] = ["ignored"],
        };

        KeyphraseScores s = KeyphraseScorer.Score(gold, predictions, [2, 5]);
        Assert.Equal(2, s.ScoredDocuments);
        Assert.Equal(2, s.DocumentsWithoutPrediction);
        Assert.Equal(1, s.EmptyGoldExcluded);

        // @2: 2 correct of 2 in doc a (F = 2/3), doc b scores 0.
        Assert.Equal(1.0 / 3, s.AtK[0].F1, 12);

        // @5: doc a has 5 unique predictions, 3 correct: P = 0.6, R = 0.75.
        Assert.Equal(0.6 / 2, s.AtK[1].Precision, 12);
        Assert.Equal(0.75 / 2, s.AtK[1].Recall, 12);
        Assert.Equal(3, s.AtK[1].Correct);
    }

    [Fact]
    public void Precision_divides_by_the_predictions_returned()
    {
        KeyphraseDocument[] gold = [new("a", "", ["florida", "storm"])];
        KeyphraseScores s = KeyphraseScorer.Score(gold, new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["Florida"] }, [5]);
        Assert.Equal(1.0, s.AtK[0].Precision);
        Assert.Equal(0.5, s.AtK[0].Recall);
    }

    /// <summary>
    /// Real predictions of the keyword analyzer for a DEV sample, scored here and by
    /// ../shared/tools/kp_score.py: every figure must agree.
    /// </summary>
    [Fact]
    public void Agrees_with_kp_score_py_on_a_sample()
    {
        string data = SharedData.RequireOrSkip("data", "keyphrase", "inspec.dev.jsonl");
        SharedData.RequireOrSkip("tools", "kp_score.py");
        SharedData.RequirePythonOrSkip();

        List<KeyphraseDocument> docs;
        using (var reader = new StreamReader(data))
        {
            docs = [.. KeyphraseEvaluation.ReadDocuments(reader).Take(20)];
        }

        List<KeyphrasePrediction> predictions = KeyphraseEvaluation.Predict(docs, 15, TestModels.Set);
        predictions.RemoveAt(3); // a document without a prediction must count as zero in both
        KeyphraseScores ours = KeyphraseEvaluation.Score(docs, predictions);

        string dir = Directory.CreateTempSubdirectory("textlens-kp-").FullName;
        try
        {
            string goldFile = Path.Combine(dir, "gold.jsonl");
            string predFile = Path.Combine(dir, "pred.jsonl");
            string jsonFile = Path.Combine(dir, "scores.json");
            File.WriteAllLines(goldFile, docs.Select(d => JsonSerializer.Serialize(new { id = d.Id, text = d.Text, keyphrases = d.Keyphrases })));
            File.WriteAllLines(predFile, predictions.Select(KeyphraseEvaluation.ToJsonLine));
            SharedData.RunScorer("kp_score.py", goldFile, predFile, "--json", jsonFile);

            using JsonDocument reference = JsonDocument.Parse(File.ReadAllText(jsonFile));
            JsonElement root = reference.RootElement;
            Assert.Equal(root.GetProperty("n_scored_docs").GetInt32(), ours.ScoredDocuments);
            Assert.Equal(root.GetProperty("n_docs_without_prediction").GetInt32(), ours.DocumentsWithoutPrediction);
            foreach (KeyphraseScoreAtK at in ours.AtK)
            {
                JsonElement r = root.GetProperty("at").GetProperty(at.K.ToString(CultureInfo.InvariantCulture));
                Assert.Equal(r.GetProperty("correct").GetInt32(), at.Correct);
                Assert.Equal(r.GetProperty("P").GetDouble(), at.Precision, 12);
                Assert.Equal(r.GetProperty("R").GetDouble(), at.Recall, 12);
                Assert.Equal(r.GetProperty("F1").GetDouble(), at.F1, 12);
                Assert.Equal(r.GetProperty("micro_F1").GetDouble(), at.MicroF1, 12);
            }

            Assert.True(ours.AtK[1].Correct > 0, "the sample should have some correct keyphrases");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

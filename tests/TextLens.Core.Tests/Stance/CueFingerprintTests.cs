using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;
using TextLens.Testing;
using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// The cue strengths (hedge, attribution, prescription, booster, quotation) are features of the polarity and subjectivity
/// models, so a change to the cue rules changes what those models would be trained on: their cards' commands then no
/// longer write the shipped files. That went unnoticed from stop 33 to stop 38 (three epistemic rounds changed cues; the
/// polarity command's CRS figure moved 0.5399 → 0.5390 and the files differed). This test holds the cue strengths of every
/// training sentence of the two models to the ones the shipped files were trained on. When it fails: re-run the commands in
/// <c>models/stance-polarity.md</c> and <c>models/stance-subjectivity.md</c>, record the figures, ship the files, and put the
/// new fingerprint here.
/// </summary>
public sealed class CueFingerprintTests
{
    // The fingerprints of the training sentences' cue strengths when the shipped files were trained (thirty-ninth epistemic round, 8 Dec 2026).
    private const string Polarity = "73c40293ea5bb334ce28fcf00031a2f5711d87b6fa23b4f45184b9ac1a72ec36";
    private const string Subjectivity = "c23e627590092a2ec30fe6ef0d3df63be39bdd4494df16c8896c850b2c862916";

    // The polarity model's negative stage (models/stance-polarity-negative.tlsm, thirtieth polarity round) trains on the
    // in-domain rows above and on its own rows, data/stance/crs_more.jsonl, which no other polarity file reads: a cue change
    // that touches only those rows would change what the stage is trained on without moving the fingerprint above.
    private const string PolarityNegativeStage = "d9c695e6985c6d6588e419fcf4c6493cb90b624fcabeb7082f0126a3cb6084d3";

    [Fact]
    public void The_polarity_models_were_trained_on_the_cue_strengths_the_tool_computes() =>
        AssertFingerprint(Polarity, "stance-polarity.md", "analysis_prose_crs.polarity.dev.jsonl", "polarity_nyt_vader.dev.jsonl");

    [Fact]
    public void The_polarity_negative_stage_was_trained_on_the_cue_strengths_the_tool_computes()
    {
        // The stage's own rows ship with the repository: this test needs nothing from ../shared.
        string actual = Fingerprint(StanceEvaluation.ReadJsonl(TestPaths.Repo("data", "stance", "crs_more.jsonl")).Select(i => i.Text));
        Assert.True(PolarityNegativeStage == actual,
            $"The cue strengths of the negative stage's own rows (data/stance/crs_more.jsonl) changed (fingerprint {actual}, trained on {PolarityNegativeStage}): re-run the command in models/stance-polarity.md, ship its files with their figures, then update the fingerprint in {nameof(CueFingerprintTests)}.");
    }

    [Fact]
    public void The_subjectivity_models_were_trained_on_the_cue_strengths_the_tool_computes() =>
        AssertFingerprint(Subjectivity, "stance-subjectivity.md", "analysis_prose_crs.subjectivity.dev.jsonl", "subjectivity_newssd_eng.dev.jsonl");

    [Fact]
    public void The_fingerprint_sees_one_changed_cue_in_one_sentence()
    {
        string[] texts = ["The agency said the rule may raise costs.", "The House passed H.R. 1156."];
        string before = Fingerprint(texts);
        Assert.Equal(before, Fingerprint(texts));
        Assert.NotEqual(before, Fingerprint(["The agency said the rule will raise costs.", "The House passed H.R. 1156."]));
        Assert.NotEqual(before, Fingerprint(texts.Reverse()));
    }

    private static void AssertFingerprint(string expected, string card, params string[] files)
    {
        IEnumerable<string> texts = files.SelectMany(f => StanceEvaluation.ReadJsonl(SharedData.RequireOrSkip("data", "stance", f)).Select(i => i.Text));
        string actual = Fingerprint(texts);
        Assert.True(expected == actual,
            $"The cue strengths of the training sentences changed (fingerprint {actual}, trained on {expected}): re-run the command in models/{card}, ship its files with their figures, then update the fingerprint in {nameof(CueFingerprintTests)}.");
    }

    /// <summary>SHA-256 over each sentence's five cue strengths, rounded to nine decimals, in order.</summary>
    internal static string Fingerprint(IEnumerable<string> texts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var tokens = new List<Token>();
        foreach (string text in texts)
        {
            tokens.Clear();
            Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
            CueScores s = StanceTagger.Inspect(text, CollectionsMarshal.AsSpan(tokens)).Scores;
            string line = string.Join(' ', new[] { s.Hedge, s.Attribution, s.Prescription, s.Booster, s.Quotation }
                .Select(v => Math.Round(v, 9).ToString("F9", CultureInfo.InvariantCulture))) + "\n";
            hash.AppendData(Encoding.UTF8.GetBytes(line));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

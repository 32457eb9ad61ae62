using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analyzers.Stance;

namespace TextLens.Testing;

/// <summary>
/// Stance values as the report holds them (<see cref="StanceSection"/>'s JSON), for tests that give a format known
/// stances in place of the tagger's own. Linked into the CLI tests too.
/// </summary>
internal static class StanceJson
{
    /// <summary>A sentence's <c>stance</c>: its tags with their confidences, a polarity score, and cues (kind and text).</summary>
    public static JsonObject Sentence(string epistemic, double epistemicConfidence, string polarity, double score, double polarityConfidence = 1, params (string Kind, string Text)[] cues) => new()
    {
        ["epistemic"] = epistemic,
        ["hedged"] = 0.1,
        ["attributed"] = 0.1,
        ["prescriptive"] = 0.1,
        ["polarity"] = polarity,
        ["polarityScore"] = score,
        ["subjectivity"] = "objective",
        ["subjectiveProbability"] = 0.1,
        ["confidence"] = 0.9,
        ["cues"] = new JsonArray([.. cues.Select(c => (JsonNode)new JsonObject { ["kind"] = c.Kind, ["text"] = c.Text, ["start"] = 0, ["length"] = c.Text.Length, ["line"] = 1, ["column"] = 1 })]),
        ["epistemicConfidence"] = epistemicConfidence,
        ["polarityConfidence"] = polarityConfidence,
        ["epistemicConfident"] = epistemicConfidence >= StanceSection.EpistemicConfidentAt,
        ["polarityConfident"] = polarityConfidence >= StanceSection.PolarityConfidentAt,
    };

    /// <summary>The sentences' values as the report keeps them: one array, an element per sentence.</summary>
    public static JsonElement Column(IEnumerable<JsonNode?> sentences) => JsonSerializer.SerializeToElement(new JsonArray([.. sentences]));

    /// <summary>A document's <c>stance</c> with the counts of <paramref name="sentences"/>' tags, a mean polarity, and key terms (term, mentions, mean polarity, hedged share).</summary>
    public static JsonElement Document(IReadOnlyList<JsonObject> sentences, double meanPolarity, params (string Term, int Mentions, double MeanPolarity, double Hedged)[] keyTerms)
    {
        int n = sentences.Count;
        JsonObject Tally(string axis, string tag)
        {
            int count = sentences.Count(s => (string?)s[axis] == tag);
            return new JsonObject { ["count"] = count, ["share"] = n == 0 ? 0 : Math.Round(count / (double)n, 4) };
        }

        var value = new JsonObject
        {
            ["sentences"] = n,
            ["epistemic"] = new JsonObject { ["asserted"] = Tally("epistemic", "asserted"), ["hedged"] = Tally("epistemic", "hedged"), ["attributed"] = Tally("epistemic", "attributed"), ["prescriptive"] = Tally("epistemic", "prescriptive") },
            ["polarity"] = new JsonObject { ["positive"] = Tally("polarity", "positive"), ["neutral"] = Tally("polarity", "neutral"), ["negative"] = Tally("polarity", "negative") },
            ["subjectivity"] = new JsonObject { ["subjective"] = Tally("subjectivity", "subjective"), ["objective"] = Tally("subjectivity", "objective") },
            ["meanPolarity"] = meanPolarity,
            ["mostHedged"] = new JsonArray(),
            ["mostPrescriptive"] = new JsonArray(),
            ["mostPolar"] = new JsonArray(),
            ["keyTerms"] = new JsonArray([.. keyTerms.Select((k, i) => (JsonNode)new JsonObject
            {
                ["term"] = k.Term,
                ["rank"] = i + 1,
                ["mentions"] = k.Mentions,
                ["sentences"] = new JsonArray(),
                ["meanPolarity"] = k.MeanPolarity,
                ["positive"] = 0,
                ["negative"] = 0,
                ["hedgedShare"] = k.Hedged,
                ["attributedShare"] = 0.0,
            })]),
        };
        return JsonSerializer.SerializeToElement(value);
    }
}

using TextLens.Training.Evaluation;

namespace TextLens.Core.Tests.Evaluation;

public class FindingEvaluationTests
{
    private const string Text = """
        Reportedly, in early December 2025, GDLS delivered its first M-1E3 prototype to the Army.

        PEUC payments totaled $85.3 billion.

        The Marines reportedly resumed ACV operations in the open ocean.
        """;

    [Fact]
    public void Precision_counts_labelled_findings_and_reports_the_rest()
    {
        const string labels = """
            {"doc": "r1", "rule": "TL3003", "sentence": "Reportedly, in early December 2025, GDLS delivered its first M-1E3 prototype to the Army.", "snippet": "Reportedly", "label": "useful", "note": ""}
            {"doc": "r1", "rule": "TL3002", "sentence": "PEUC payments totaled   $85.3 billion.", "snippet": "85.3", "label": "noise", "note": "white space differs on purpose"}
            {"doc": "r1", "rule": "TL3001", "sentence": "Congress should act.", "snippet": "should", "label": "useful", "note": "no longer in the text"}
            """;
        List<FindingLabel> read = FindingEvaluation.ReadLabels(new StringReader(labels));
        FindingScores scores = FindingEvaluation.Evaluate([("r1", "r1.md", Text)], read, TestModels.Set);

        RuleFindingScore hedges = scores.Rules.Single(r => r.Rule == "TL3003");
        Assert.Equal((2, 1, 0, 1), (hedges.Raised, hedges.Useful, hedges.Noise, hedges.Unlabelled));
        Assert.Equal(1.0, hedges.Precision);
        RuleFindingScore figures = scores.Rules.Single(r => r.Rule == "TL3002");
        Assert.Equal(0.0, figures.Precision);
        RuleFindingScore prescriptions = scores.Rules.Single(r => r.Rule == "TL3001");
        Assert.Null(prescriptions.Precision);
        Assert.Equal((1, 1), (prescriptions.UsefulLabels, prescriptions.UsefulMissed));
    }

    [Fact]
    public void A_label_other_than_useful_or_noise_is_an_error_with_its_line()
    {
        var ex = Assert.Throws<InvalidDataException>(() => FindingEvaluation.ReadLabels(new StringReader("\n{\"doc\": \"a\", \"rule\": \"TL3002\", \"sentence\": \"x\", \"label\": \"maybe\"}")));
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => FindingEvaluation.ReadLabels(new StringReader("{not json")));
    }
}

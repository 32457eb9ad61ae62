using TextLens.Cli.Commands;
using TextLens.Training.Evaluation;

namespace TextLens.Cli.Tests;

public class EvalStanceTests
{
    [Fact]
    public void Eval_stance_prints_the_scores_and_writes_predictions()
    {
        using var dir = new TempDir();
        string data = dir.File("gold.jsonl", string.Join('\n',
            """{"id": "a", "text": "Congress may wish to consider whether the program should continue.", "label": "suggestion"}""",
            """{"id": "b", "text": "The committee met on Monday in Brussels.", "label": "non_suggestion"}""",
            """{"id": "c", "text": "Please add an option to export the data.", "label": "suggestion"}""") + "\n");
        var output = new StringWriter();
        int code = EvalStanceCommand.Run(StanceAxis.Prescriptive, data, "label", Path.Combine(dir.Path, "pred.jsonl"), TestCli.OnDisk(output, TextWriter.Null));
        Assert.Equal(0, code);
        Assert.Contains("accuracy    1.0000", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("macro-F1    1.0000", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            ["""{"id":"a","label":"suggestion"}""", """{"id":"b","label":"non_suggestion"}""", """{"id":"c","label":"suggestion"}"""],
            dir.Read("pred.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Eval_stance_scores_the_held_out_marks_of_cross_validation()
    {
        using var dir = new TempDir();
        string data = dir.File("gold.jsonl", string.Join('\n',
            """{"id": "a", "text": "The rule may reduce costs.", "label": "uncertain"}""",
            """{"id": "b", "text": "Congress may consider whether to act.", "label": "certain"}""",
            """{"id": "c", "text": "GAO found that the rule may reduce costs.", "label": "certain"}""") + "\n");
        string heldOut = dir.File("cv.jsonl", string.Join('\n',
            """{"id": "a", "label": "hedged", "gold": "hedged", "hedged": "uncertain", "attributed": "not_attributed", "prescriptive": "non_suggestion"}""",
            """{"id": "b", "label": "prescriptive", "gold": "prescriptive", "hedged": "certain", "attributed": "not_attributed", "prescriptive": "suggestion"}""",
            """{"id": "c", "label": "attributed", "gold": "attributed", "hedged": "uncertain", "attributed": "attributed", "prescriptive": "non_suggestion"}""") + "\n");
        var output = new StringWriter();
        Assert.Equal(0, EvalStanceCommand.Run(StanceAxis.Hedged, data, "label", null, TestCli.OnDisk(output, TextWriter.Null), heldOut));

        // The mark, not the tag: c is tagged attributed but marked hedged, a false alarm (precision 1/2, recall 1/1).
        Assert.Contains("uncertain     0.5000     1.0000     0.6667        1          2", output.ToString(), StringComparison.Ordinal);
        Assert.Throws<UsageException>(() => EvalStanceCommand.Run(StanceAxis.Hedged, data, "label", null, TestCli.OnDisk(new StringWriter(), TextWriter.Null), dir.File("bad.jsonl", """{"id": "a", "label": "hedged"}""" + "\n")));
    }

    [Fact]
    public void Polarity_rating_models_are_written_next_to_the_classifier()
    {
        string classifier = Path.Combine("models", "stance-polarity.tlsm");
        Assert.Equal(Path.Combine("models", "stance-polarity-rating.tlsm"), TrainStanceCommand.CompanionPath(classifier, "rating"));
        Assert.Equal(Path.Combine("models", "stance-polarity-ordinal.tlsm"), TrainStanceCommand.CompanionPath(classifier, "ordinal"));
    }

    [Fact]
    public void Unknown_axes_and_missing_files_are_usage_errors()
    {
        Assert.Throws<UsageException>(() => EvalStanceCommand.ParseAxis("sarcasm"));
        Assert.Throws<UsageException>(() => EvalStanceCommand.Run(StanceAxis.Hedged, "/nonexistent/gold.jsonl", "label", null, TestCli.OnDisk(new StringWriter(), TextWriter.Null)));
    }
}

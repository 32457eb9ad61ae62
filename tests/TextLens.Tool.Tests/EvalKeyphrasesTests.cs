using System.Text.Json;

namespace TextLens.Tool.Tests;

[Collection(PackedToolCollection.Name)]
public sealed class EvalKeyphrasesTests(PackedTool tool) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("textlens-kp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Scores_a_labelled_set_and_writes_predictions()
    {
        string data = Path.Combine(_dir, "set.jsonl");
        File.WriteAllLines(data,
        [
            JsonSerializer.Serialize(new { id = "a", text = "Hurricane Andrew hit Florida. Hurricane Andrew destroyed homes in Florida. Insurance claims rose after Hurricane Andrew.", keyphrases = new[] { "hurricane andrew", "florida", "insurance claims" } }),
            JsonSerializer.Serialize(new { id = "b", text = "The census bureau counts illegal aliens. Congress sued the census bureau over the count.", keyphrases = new[] { "census bureau", "illegal aliens" } }),
        ]);

        ToolRun run = tool.Run(_dir, "eval", "keyphrases", "--data", data, "--top", "5", "--predictions", "pred.jsonl");
        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains("documents gold=2 scored=2", run.StdOut, StringComparison.Ordinal);
        Assert.Matches(@"@10\s+\d+\.\d\d", run.StdOut);

        string[] lines = File.ReadAllLines(Path.Combine(_dir, "pred.jsonl"));
        Assert.Equal(2, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.Equal("a", first.RootElement.GetProperty("id").GetString());
        string[] predicted = [.. first.RootElement.GetProperty("keyphrases").EnumerateArray().Select(e => e.GetString()!)];
        Assert.InRange(predicted.Length, 1, 5);
        Assert.Contains("Hurricane Andrew", predicted);
    }

    [Fact]
    public void A_missing_data_file_is_a_usage_error()
    {
        ToolRun run = tool.Run(_dir, "eval", "keyphrases", "--data", Path.Combine(_dir, "missing.jsonl"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("does not exist", run.StdErr, StringComparison.Ordinal);
    }
}

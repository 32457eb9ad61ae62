using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Cli.Scale;

namespace TextLens.Cli.Tests;

/// <summary>The map step's input: --stdin-format jsonl reads one document per line of standard input.</summary>
public class JsonLinesInputTests
{
    private static Tool.Result RunOnStdin(string workingDirectory, string jsonLines, ShardSpec? shard = null) =>
        Tool.Run(Tool.Request(workingDirectory, "-") with
        {
            StdinJsonLines = true,
            Shard = shard,
            OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(jsonLines)),
        });

    private static string Line(string id, string text, string? format = null) =>
        JsonSerializer.Serialize(format is null ? new Dictionary<string, string> { ["id"] = id, ["text"] = text } : new() { ["id"] = id, ["text"] = text, ["format"] = format });

    [Fact]
    public void A_record_reports_like_the_file_it_came_from()
    {
        using var dir = new TempDir();
        string text = File.ReadAllText(TestPaths.SeedArticle);
        dir.File("seed.txt", text);
        dir.File("note.md", "# Notes\n\nThe committee reportedly met in 2023.\n");

        JsonNode fromFiles = JsonNode.Parse(Tool.Run(Tool.Request(dir.Path, "seed.txt", "note.md")).Stdout)!;
        Tool.Result fromLines = RunOnStdin(dir.Path, Line("seed.txt", text) + "\n" + Line("note.md", File.ReadAllText(Path.Combine(dir.Path, "note.md"))) + "\n");

        Assert.Equal(0, fromLines.ExitCode);
        Assert.Equal(fromFiles["documents"]!.ToJsonString(), JsonNode.Parse(fromLines.Stdout)!["documents"]!.ToJsonString());
    }

    [Fact]
    public void Format_field_overrides_the_extension_and_other_fields_are_ignored()
    {
        using var dir = new TempDir();
        string line = """{"id": "r1", "title": "A title", "date": "2026-04-20", "format": "markdown", "text": "# Heading\n\n```\ncode that is not prose\n```\n\nThe agency reportedly said so."}""";
        JsonNode report = JsonNode.Parse(RunOnStdin(dir.Path, line).Stdout)!;
        JsonNode document = report["documents"]![0]!;
        Assert.Equal("r1", document["path"]!.GetValue<string>());
        Assert.DoesNotContain(document["sentences"]!.AsArray(), s => s!["text"]!.GetValue<string>().Contains("code", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_lines_are_diagnostics_for_their_line_and_the_rest_is_analysed()
    {
        using var dir = new TempDir();
        string input = string.Join("\n",
            Line("good.txt", "The committee reportedly met in 2023."),
            "not json",
            """{"id": 5, "text": "x"}""",
            """{"text": "no id"}""",
            """{"id": "no-text"}""",
            """{"id": "bad-format", "text": "x", "format": "pdf"}""",
            "[1, 2]",
            """{"id": "two"} {"id": "values"}""",
            "",
            Line("good.txt", "a repeated id"),
            """{"id": "truncated", "text": "the end is mis""");

        Tool.Result result = RunOnStdin(dir.Path, input);

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var documents = json.RootElement.GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("path").GetString()!, d => d);
        Assert.Equal("analysed", documents["good.txt"].GetProperty("status").GetString());
        var expected = new Dictionary<string, string>
        {
            ["-:2"] = "Line 2 of the JSON Lines input was skipped: the line is not valid JSON",
            ["-:3"] = "Line 3 of the JSON Lines input was skipped: \"id\" must be a string, not number",
            ["-:4"] = "Line 4 of the JSON Lines input was skipped: \"id\" is missing or empty",
            ["no-text"] = "Line 5 of the JSON Lines input was skipped: \"text\" is missing",
            ["bad-format"] = "Line 6 of the JSON Lines input was skipped: \"format\" must be \"text\" or \"markdown\", not \"pdf\"",
            ["-:7"] = "Line 7 of the JSON Lines input was skipped: the line is not a JSON object",
            ["-:8"] = "Line 8 of the JSON Lines input was skipped: the line holds more than one JSON value",
            ["-:10"] = "Line 10 of the JSON Lines input was skipped: id 'good.txt' repeats line 1; ids must be unique",
            ["-:11"] = "Line 11 of the JSON Lines input was skipped: the line is not valid JSON",
        };
        foreach ((string path, string message) in expected)
        {
            JsonElement diagnostic = Assert.Single(documents[path].GetProperty("diagnostics").EnumerateArray());
            Assert.Equal("TL0009", diagnostic.GetProperty("id").GetString());
            Assert.StartsWith(message, diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal("failed", documents[path].GetProperty("status").GetString());
        }

        Assert.Equal(expected.Count + 1, documents.Count);
    }

    [Fact]
    public void A_line_over_the_size_limit_is_skipped_and_the_next_one_read()
    {
        using var dir = new TempDir();
        string big = Line("big.txt", new string('a', 300_000));
        Tool.Result result = Tool.Run(Tool.Request(dir.Path, "-") with
        {
            StdinJsonLines = true,
            MaxFileBytes = 1000,
            OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(big + "\n" + Line("small.txt", "The committee met.") + "\n")),
        });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["-:1", "small.txt"], Tool.DocumentPaths(result.Stdout));
        Assert.Contains("longer than", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Shards_split_records_by_id()
    {
        using var dir = new TempDir();
        string[] ids = [.. Enumerable.Range(0, 12).Select(i => $"doc{i}.txt")];
        string input = string.Join("\n", ids.Select(id => Line(id, $"Record {id} says the agency met.")));
        var seen = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            string[] paths = Tool.DocumentPaths(RunOnStdin(dir.Path, input, new ShardSpec(i, 3)).Stdout);
            Assert.All(paths, p => Assert.Equal(i, ShardSpec.ShardOf(p, 3)));
            seen.AddRange(paths);
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }
}

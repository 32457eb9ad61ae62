using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Cli.Commands;
using TextLens.Cli.Scale;
using TextLens.Core.Analysis;

namespace TextLens.Cli.Tests;

/// <summary>'textlens merge': JSON Lines partials, exit codes and baselines as a single run, and partials it must refuse.</summary>
public class MergeTests
{
    private static readonly string[] Texts =
    [
        "The committee reportedly met in 2023. It may act again, officials said.",
        "Chongryon schools teach in Korean. Enrolment fell to 5,000 pupils by 2020.",
        "Nothing here is flagged at all.",
        "The agency reportedly spent 12 million dollars on the program.",
    ];

    private static TempDir Corpus()
    {
        var dir = new TempDir();
        for (int i = 0; i < Texts.Length; i++)
        {
            dir.File($"docs/d{i}.txt", Texts[i]);
        }

        dir.File("docs/seed.txt", File.ReadAllText(TestPaths.SeedArticle));
        return dir;
    }

    private static string[] Shards(TempDir dir, int count, Func<ReportRequest, ReportRequest>? change = null, string prefix = "part")
    {
        var paths = new string[count];
        for (int i = 0; i < count; i++)
        {
            paths[i] = $"{prefix}-{i}.json";
            ReportRequest request = Tool.Request(dir.Path, "docs") with { Shard = new ShardSpec(i, count), Outputs = [paths[i]] };
            Tool.Run(change is null ? request : change(request));
        }

        return paths;
    }

    private static (int ExitCode, string Stdout, string Stderr) Merge(TempDir dir, string[] partials, Func<MergeRequest, MergeRequest>? change = null)
    {
        var request = new MergeRequest(partials, ["json"], [], Severity.Error, Color: false, Quiet: false) { WorkingDirectory = dir.Path };
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = MergeRunner.Run(change is null ? request : change(request), TestCli.OnDisk(stdout, stderr));
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A json report rewritten as JSON Lines: one document object per line.</summary>
    private static string ToJsonLines(string json) =>
        string.Concat(JsonNode.Parse(json)!["documents"]!.AsArray().Select(d => d!.ToJsonString() + "\n"));

    [Fact]
    public void Json_lines_partials_merge_like_json_partials()
    {
        using TempDir dir = Corpus();
        string single = Tool.Run(Tool.Request(dir.Path, "docs")).Stdout;
        string[] partials = Shards(dir, 3);
        for (int i = 0; i < partials.Length; i++)
        {
            File.WriteAllText(Path.Combine(dir.Path, $"part-{i}.jsonl"), ToJsonLines(dir.Read(partials[i])));
        }

        Assert.Equal(single, Merge(dir, ["part-0.jsonl", "part-1.json", "part-2.jsonl"]).Stdout);
    }

    [Fact]
    public void Fail_on_and_baseline_give_the_single_runs_exit_code()
    {
        using TempDir dir = Corpus();
        Assert.Equal(1, Tool.Run(Tool.Request(dir.Path, "docs") with { FailOn = Severity.Warning }).ExitCode);
        string[] partials = Shards(dir, 2);
        Assert.Equal(1, Merge(dir, partials, r => r with { FailOn = Severity.Warning }).ExitCode);
        Assert.Equal(0, Merge(dir, partials).ExitCode);

        Tool.Run(Tool.Request(dir.Path, "docs") with { WriteBaselinePath = "baseline.json" });
        Tool.Result single = Tool.Run(Tool.Request(dir.Path, "docs") with { BaselinePath = "baseline.json", FailOn = Severity.Suggestion });
        var merged = Merge(dir, partials, r => r with { BaselinePath = "baseline.json", FailOn = Severity.Suggestion });
        Assert.Equal(0, single.ExitCode);
        Assert.Equal(single.ExitCode, merged.ExitCode);
        Assert.Equal(single.Stdout, merged.Stdout);
        Assert.Contains("\"suppression\": \"baseline\"", merged.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("markdown")]
    public void Partials_made_against_a_corpus_merge_like_a_single_run(string format)
    {
        using TempDir dir = Corpus();
        IndexOf(dir, "earlier", "corpus.tlx", Texts[0] + " The committee met again in 2024.", File.ReadAllText(TestPaths.SeedArticle)[..2000]);

        Tool.Result single = Tool.Run(Tool.Request(dir.Path, "docs") with { Corpus = "corpus.tlx", Formats = [format] });
        string[] partials = Shards(dir, 3, r => r with { Corpus = "corpus.tlx" });
        var merged = Merge(dir, partials, r => r with { Formats = [format] });

        Assert.Equal(0, single.ExitCode);
        Assert.Contains(format == "json" ? "\"nearest\"" : "Against the corpus", single.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, merged.ExitCode);
        Assert.Equal(single.Stdout, merged.Stdout);
    }

    [Fact]
    public void Partials_made_against_another_index_or_none_are_refused_with_both_named()
    {
        using TempDir dir = Corpus();
        IndexOf(dir, "earlier", "corpus.tlx", Texts[0], Texts[1]);
        IndexOf(dir, "other", "other.tlx", Texts[2], Texts[3], "A third text about something else entirely.");
        string[] first = Shards(dir, 2, r => r with { Corpus = "corpus.tlx" });
        string[] other = Shards(dir, 2, r => r with { Corpus = "other.tlx" }, prefix: "other");
        string[] none = Shards(dir, 2, prefix: "none");

        var ex = Assert.Throws<UsageException>(() => Merge(dir, [first[0], other[1]]));
        Assert.Contains("different versions or options", ex.Message, StringComparison.Ordinal);
        Assert.Matches("corpus 2 documents, sha256:[0-9a-f]{16}", ex.Message);
        Assert.Matches("corpus 3 documents, sha256:[0-9a-f]{16}", ex.Message);
        Assert.Contains("different versions or options", Assert.Throws<UsageException>(() => Merge(dir, [none[0], first[1]])).Message, StringComparison.Ordinal);
    }

    /// <summary>Writes the texts under <paramref name="folder"/> and indexes them into <paramref name="index"/> with 'textlens index'.</summary>
    private static void IndexOf(TempDir dir, string folder, string index, params string[] texts)
    {
        for (int i = 0; i < texts.Length; i++)
        {
            dir.File($"{folder}/e{i}.txt", texts[i]);
        }

        Assert.Equal(0, Program.Main(["index", Path.Combine(dir.Path, folder), "--output", Path.Combine(dir.Path, index), "--quiet"]));
    }

    [Fact]
    public void An_input_error_in_one_shard_makes_the_merge_exit_2()
    {
        using TempDir dir = Corpus();
        File.WriteAllBytes(Path.Combine(dir.Path, "docs", "binary.txt"), [0, 1, 2, 0, 0]);
        Assert.Equal(2, Merge(dir, Shards(dir, 2)).ExitCode);
    }

    [Fact]
    public void Partials_with_other_options_are_refused_with_both_settings_named()
    {
        using TempDir dir = Corpus();
        string[] first = Shards(dir, 2);
        string[] other = Shards(dir, 2, r => r with { Top = 5 }, prefix: "top5");

        var ex = Assert.Throws<UsageException>(() => Merge(dir, [first[0], other[1]]));
        Assert.Contains("different versions or options", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'part-0.json' has TextLens", ex.Message, StringComparison.Ordinal);
        Assert.Contains("top 10", ex.Message, StringComparison.Ordinal);
        Assert.Contains("top 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Partials_from_another_version_are_refused()
    {
        using TempDir dir = Corpus();
        string[] partials = Shards(dir, 2);
        JsonNode report = JsonNode.Parse(dir.Read(partials[1]))!;
        foreach (JsonNode? d in report["documents"]!.AsArray())
        {
            d!["settings"]!["tool"] = "TextLens 0.0.9";
        }

        File.WriteAllText(Path.Combine(dir.Path, partials[1]), report.ToJsonString());
        var ex = Assert.Throws<UsageException>(() => Merge(dir, partials));
        Assert.Contains("TextLens 0.0.9", ex.Message, StringComparison.Ordinal);

        foreach (JsonNode? d in report["documents"]!.AsArray())
        {
            d!.AsObject().Remove("settings");
        }

        File.WriteAllText(Path.Combine(dir.Path, partials[1]), report.ToJsonString());
        Assert.Contains("without settings", Assert.Throws<UsageException>(() => Merge(dir, partials)).Message, StringComparison.Ordinal);

        report["schemaVersion"] = 2;
        File.WriteAllText(Path.Combine(dir.Path, partials[1]), report.ToJsonString());
        Assert.Contains("schemaVersion is not 1", Assert.Throws<UsageException>(() => Merge(dir, partials)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated", "ends inside")]
    [InlineData("not json", "is not JSON")]
    [InlineData("unsorted", "is not in path order")]
    [InlineData("no documents", "has no \"documents\" array")]
    [InlineData("bad record", "a document record")]
    [InlineData("diagnostic without severity", "a diagnostic of 'a.txt' lacks its id, severity, category, title or message")] // was an internal error (exit 3)
    [InlineData("keyword score as text", "has a section value of the wrong kind")] // was an internal error (exit 3)
    public void Damaged_partials_are_refused_with_the_file_named(string damage, string message)
    {
        using TempDir dir = Corpus();
        string[] partials = Shards(dir, 1);
        string json = dir.Read(partials[0]);
        string damaged = damage switch
        {
            "truncated" => json[..(json.Length * 2 / 3)],
            "not json" => "<html>" + json,
            "unsorted" => string.Concat(ToJsonLines(json).Split('\n', StringSplitOptions.RemoveEmptyEntries).Reverse().Select(l => l + "\n")),
            "no documents" => """{"schemaVersion": 1, "tool": {"name": "TextLens", "version": "0.1.0"}}""",
            "keyword score as text" => System.Text.RegularExpressions.Regex.Replace(json, "(\"keywords\":\\s*\\[\\s*\\{\\s*\"text\":\\s*\"[^\"]*\",\\s*\"score\":\\s*)[0-9.]+", "$1\"high\"", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(5)),
            "diagnostic without severity" => """{"path": "a.txt", "status": "analysed", "sentences": [], "diagnostics": [{"id": "TL3003", "category": "Stance", "title": "Hedged claim", "message": "m"}]}""",
            _ => """{"path": "a.txt", "status": 7}""",
        };
        File.WriteAllText(Path.Combine(dir.Path, "damaged.json"), damaged);

        var ex = Assert.Throws<UsageException>(() => Merge(dir, ["damaged.json"]));
        Assert.Contains("'damaged.json'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_partials_exit_2_and_write_nothing()
    {
        using TempDir dir = Corpus();
        string[] partials = Shards(dir, 2);
        File.WriteAllText(Path.Combine(dir.Path, partials[1]), "{\"schemaVersion\": 1, \"documents\": [");
        string output = Path.Combine(dir.Path, "merged.json");
        Assert.Equal(2, Program.Main(["merge", .. partials.Select(p => Path.Combine(dir.Path, p)), "--quiet", "--format", "json", "--output", output]));
        Assert.False(File.Exists(output));
        Assert.Equal(2, Program.Main(["merge", Path.Combine(dir.Path, "missing.json"), "--quiet"]));
        Assert.Equal(2, Program.Main(["merge", "--quiet"]));
    }

    [Fact]
    public void A_document_in_two_partials_is_kept_twice_with_a_warning()
    {
        using TempDir dir = Corpus();
        string[] partials = Shards(dir, 1);
        var merged = Merge(dir, [partials[0], partials[0]]);
        using var json = JsonDocument.Parse(merged.Stdout);
        Assert.Equal(2 * (Texts.Length + 1), json.RootElement.GetProperty("documents").GetArrayLength());
        Assert.Contains("is in both 'part-0.json' and 'part-0.json'", merged.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_of_more_documents_than_it_details_equals_the_single_run()
    {
        using var dir = new TempDir();
        for (int i = 0; i < Core.Reporting.Formats.HtmlReportFormatter.DetailedDocumentLimit + 10; i++)
        {
            dir.File($"docs/d{i:D3}.txt", Texts[i % Texts.Length] + $" Note {i}.");
        }

        Tool.Result single = Tool.Run(Tool.Request(dir.Path, "docs") with { Formats = ["html"] });
        string[] partials = Shards(dir, 2, r => r with { Formats = ["jsonl"] });
        // The page's style sheet holds the styles of the sections the run knows: merge is told the test engine's (no stance).
        Assert.Equal(single.Stdout, Merge(dir, partials, r => r with { Formats = ["html"], Sections = WordRulesAnalyzer.Engine().Sections }).Stdout);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using NJsonSchema;
using TextLens.Core.Analysis;

namespace TextLens.Cli.Tests;

/// <summary>Every CI format written through the tool from the seed article, with paired --format/--output.</summary>
public class ReportFormatsTests
{
    [Fact]
    public void Each_format_goes_to_its_own_output_and_sarif_validates()
    {
        using var dir = new TempDir();
        File.Copy(TestPaths.SeedArticle, Path.Combine(dir.Path, "seed.txt"));
        var request = Tool.Request(dir.Path, "seed.txt") with
        {
            Formats = ["sarif", "github", "json", "markdown"],
            Outputs = ["out/report.sarif", "out/annotations.txt", "out/report.json"],
        };

        Tool.Result result = Tool.Run(request);

        Assert.Equal(0, result.ExitCode);
        string sarif = dir.Read("out/report.sarif");
        Sarif.AssertValid(sarif);
        Assert.StartsWith("::", dir.Read("out/annotations.txt"), StringComparison.Ordinal);
        Assert.StartsWith("{", dir.Read("out/report.json"), StringComparison.Ordinal);
        Assert.StartsWith("<!-- textlens:report -->\n# TextLens report", result.Stdout, StringComparison.Ordinal); // the fourth format, with no --output
    }

    [Theory]
    [InlineData("md")]
    [InlineData("MD")]
    [InlineData("Markdown")]
    public void Markdown_may_be_asked_for_by_its_short_name(string name)
    {
        using var dir = new TempDir();
        File.Copy(TestPaths.SeedArticle, Path.Combine(dir.Path, "seed.txt"));

        Tool.Result shortName = Tool.Run(Tool.Request(dir.Path, "seed.txt") with { Formats = [name] });
        Tool.Result longName = Tool.Run(Tool.Request(dir.Path, "seed.txt") with { Formats = ["markdown"] });

        Assert.Equal(0, shortName.ExitCode);
        Assert.StartsWith("<!-- textlens:report -->\n# TextLens report", shortName.Stdout, StringComparison.Ordinal);
        Assert.Equal(longName.Stdout, shortName.Stdout);
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error_naming_it_and_the_choices()
    {
        using var dir = new TempDir();
        File.Copy(TestPaths.SeedArticle, Path.Combine(dir.Path, "seed.txt"));

        UsageException error = Assert.Throws<UsageException>(() => Tool.Run(Tool.Request(dir.Path, "seed.txt") with { Formats = ["htm"] }));

        Assert.Equal("unknown format 'htm'; choose from console, markdown, json, sarif, github, html, jsonl.", error.Message);
    }

    [Fact]
    public async Task Every_format_from_the_seeds_validates()
    {
        using var dir = new TempDir();
        string seeds = Path.Combine(TestPaths.RepoRoot, "seeds");
        var request = Tool.Request(TestPaths.RepoRoot, seeds) with
        {
            Engine = TextLens.Core.Analyzers.BuiltInAnalyzers.CreateEngine(TestModels.Set),
            Formats = ["json", "sarif", "html", "github", "markdown", "console"],
            Outputs = [.. ((string[])["json", "sarif", "html", "github", "md", "txt"]).Select(e => Path.Combine(dir.Path, "seeds." + e))],
        };
        Tool.Result result = Tool.Run(request);
        Assert.Equal(0, result.ExitCode);

        JsonSchema reportSchema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepoRoot, "docs", "report.schema.json"));
        string json = dir.Read("seeds.json");
        var errors = reportSchema.Validate(json);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        string[] documents = Tool.DocumentPaths(json);
        Assert.Equal(Directory.GetFiles(seeds).Length, documents.Length);

        Sarif.AssertValid(dir.Read("seeds.sarif"));
        var page = new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(dir.Read("seeds.html"));
        Assert.Equal(documents, page.QuerySelectorAll("section.doc h2").Select(h => h.TextContent));
        Assert.Equal(documents.Length, page.QuerySelectorAll("#overview tbody tr").Length);
    }

    [Fact]
    public void Sarif_carries_the_rule_catalogue_results_regions_snippets_and_the_invocation()
    {
        using var dir = new TempDir();
        File.Copy(TestPaths.SeedArticle, Path.Combine(dir.Path, "seed.txt"));
        Tool.Result result = Tool.Run(Tool.Request(dir.Path, "seed.txt") with { Formats = ["sarif"], FailOn = Severity.Warning });

        Assert.Equal(1, result.ExitCode);
        Sarif.AssertValid(result.Stdout);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement run = doc.RootElement.GetProperty("runs")[0];
        JsonElement[] rules = [.. run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()];
        Assert.Equal(WordRulesAnalyzer.Engine().Rules.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        JsonElement flagged = rules.Single(r => r.GetProperty("id").GetString() == "TL9101");
        Assert.Equal("FlaggedWord", flagged.GetProperty("name").GetString());
        Assert.Equal("warning", flagged.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("Test", flagged.GetProperty("properties").GetProperty("category").GetString());
        Assert.Contains("It was reportedly late.", flagged.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);

        JsonElement invocation = run.GetProperty("invocations")[0];
        Assert.Equal(1, invocation.GetProperty("exitCode").GetInt32());
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());

        string text = File.ReadAllText(TestPaths.SeedArticle);
        JsonElement[] results = [.. run.GetProperty("results").EnumerateArray()];
        Assert.Equal(Regex.Matches(text, "Chongryon|reportedly").Count, results.Count(r => r.GetProperty("ruleId").GetString() == "TL9101"));
        foreach (JsonElement r in results)
        {
            JsonElement location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("seed.txt", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            JsonElement region = location.GetProperty("region");
            int offset = region.GetProperty("charOffset").GetInt32();
            int length = region.GetProperty("charLength").GetInt32();
            Assert.Equal(text.Substring(offset, length), region.GetProperty("snippet").GetProperty("text").GetString());
            int line = region.GetProperty("startLine").GetInt32();
            int column = region.GetProperty("startColumn").GetInt32();
            string[] lines = text.Split('\n');
            Assert.Equal(text.Substring(offset, length), lines[line - 1].Substring(column - 1, length));
            Assert.Equal(column + length, region.GetProperty("endColumn").GetInt32());
            Assert.Equal(32, r.GetProperty("partialFingerprints").GetProperty("textlens/v1").GetString()!.Length);
        }

        Assert.Equal(JsonValueKind.Object, run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").ValueKind);
    }

    [Fact]
    public void A_region_over_several_lines_has_no_truncated_snippet()
    {
        using var dir = new TempDir();
        dir.File("a.md", "The committee met on\nMonday in Tokyo. It agreed.\n");
        var engine = new TextLens.Core.Analysis.AnalysisEngine([new LineSpanningAnalyzer()], TestModels.Set);
        Tool.Result result = Tool.Run(Tool.Request(dir.Path, "a.md") with { Formats = ["sarif"], Engine = engine });
        Sarif.AssertValid(result.Stdout);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        JsonElement region = doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(1, region.GetProperty("startLine").GetInt32());
        Assert.Equal(2, region.GetProperty("endLine").GetInt32());
        Assert.Equal(17, region.GetProperty("endColumn").GetInt32());
        Assert.False(region.TryGetProperty("snippet", out _));
    }

    /// <summary>Reports the first sentence, which runs over a line break.</summary>
    private sealed class LineSpanningAnalyzer : TextLens.Core.Analysis.IDocumentAnalyzer
    {
        private static readonly TextLens.Core.Analysis.RuleDescriptor Rule = new("TL9301", "Whole sentence", "Sentence", "Test", Severity.Warning, "Test rule.");

        public string Name => "spanning";

        public IReadOnlyList<TextLens.Core.Analysis.RuleDescriptor> SupportedRules => [Rule];

        public Type? ResultType => null;

        public void Analyze(TextLens.Core.Analysis.AnalysisContext context) => context.Report(Rule, context.Document.Sentences[0].Span);
    }

    [Fact]
    public void Sarif_is_byte_identical_across_runs()
    {
        using var dir = new TempDir();
        File.Copy(TestPaths.SeedArticle, Path.Combine(dir.Path, "seed.txt"));
        var request = Tool.Request(dir.Path, "seed.txt") with { Formats = ["sarif"] };
        string first = Tool.Run(request).Stdout;
        string second = Tool.Run(request).Stdout;
        Assert.Contains("\"invocations\"", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Github_annotations_point_at_each_unsuppressed_finding()
    {
        using var dir = new TempDir();
        dir.File("a.md", "# Notes\n\nThe plan was reportedly dropped, sources said.\n\n<!-- textlens-disable-next-line TL9101 -->\nIt was reportedly revived.\n");
        Tool.Result result = Tool.Run(Tool.Request(dir.Path, "a.md") with { Formats = ["github"], FailOn = Severity.Warning });

        Assert.Equal(1, result.ExitCode);
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string only = Assert.Single(lines);
        Assert.Equal("::warning file=a.md,line=3,col=14,endLine=3,endColumn=24,title=TL9101 Flagged word::'reportedly' is a flagged word", only);
    }

    [Fact]
    public void Fail_on_warning_fails_the_build_and_fail_on_error_does_not()
    {
        using var dir = new TempDir();
        dir.File("a.txt", "The plan was reportedly dropped.\n");
        Assert.Equal(1, Tool.Run(Tool.Request(dir.Path, "a.txt") with { FailOn = Severity.Warning }).ExitCode);
        Assert.Equal(0, Tool.Run(Tool.Request(dir.Path, "a.txt") with { FailOn = Severity.Error }).ExitCode);
        Assert.Equal(1, Tool.Run(Tool.Request(dir.Path, "a.txt") with { FailOn = Severity.Suggestion }).ExitCode);
    }

    [Fact]
    public void More_outputs_than_formats_is_a_usage_error()
    {
        using var dir = new TempDir();
        dir.File("a.txt", "Text.\n");
        var ex = Assert.Throws<UsageException>(() => Tool.Run(Tool.Request(dir.Path, "a.txt") with { Formats = ["sarif"], Outputs = ["a.sarif", "b.sarif"] }));
        Assert.Contains("--output", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_and_output_pair_by_position_on_the_command_line()
    {
        using var dir = new TempDir();
        string seed = Path.Combine(dir.Path, "seed.txt");
        File.Copy(TestPaths.SeedArticle, seed);
        string sarif = Path.Combine(dir.Path, "r.sarif");
        string json = Path.Combine(dir.Path, "r.json");
        int code = Program.Main(["report", seed, "--quiet", "--format", "sarif", "--output", sarif, "--format", "json", "--output", json]);
        Assert.Equal(0, code);
        Sarif.AssertValid(File.ReadAllText(sarif));
        Assert.Contains("\"schemaVersion\": 1", File.ReadAllText(json), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mis_ordered_output_is_written_as_asked_but_flagged()
    {
        using var dir = new TempDir();
        dir.File("a.txt", "The plan was reportedly dropped.\n");
        Tool.Result result = Tool.Run(Tool.Request(dir.Path, "a.txt") with { Formats = ["github", "sarif"], Outputs = ["report.sarif"], Quiet = false });
        Assert.StartsWith("::warning", dir.Read("report.sarif"), StringComparison.Ordinal); // pairing is by position
        Assert.Contains("--output report.sarif goes with the 1st --format, 'github'", result.Stderr, StringComparison.Ordinal);
        Sarif.AssertValid(result.Stdout);
    }
}

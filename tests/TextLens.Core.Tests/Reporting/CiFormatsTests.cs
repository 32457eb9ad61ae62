using System.Text.Json;
using NJsonSchema;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Loading;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Reporting;

public class CiFormatsTests
{
    private static CorpusReport Report()
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var options = AnalysisOptions.Default;
        return ReportBuilder.Build(
        [
            engine.Analyze(DocumentLoader.LoadFile(TestPaths.SeedArticle, "seeds/seed article.txt", options.MaxFileBytes), options, DefaultSeverities.Instance),
            engine.Analyze(DocumentLoader.FromBytes("bad.txt", [0x63, 0x61, 0x66, 0xE9], options.MaxFileBytes, DocumentFormat.PlainText), options, DefaultSeverities.Instance),
            engine.Analyze(DocumentLoader.FromBytes("empty.md", "<!-- textlens-disable TL0005 -->\n"u8.ToArray(), options.MaxFileBytes, DocumentFormat.Markdown), options, DefaultSeverities.Instance),
            engine.Analyze(DocumentLoader.FromBytes("other.md", [], options.MaxFileBytes, DocumentFormat.Markdown), options, DefaultSeverities.Instance),
        ]);
    }

    private static string Write(IReportFormatter formatter, FormatSettings settings)
    {
        var writer = new StringWriter();
        formatter.Write(Report(), writer, settings);
        return writer.ToString();
    }

    [Fact]
    public async Task Sarif_validates_with_and_without_catalogue_and_invocation()
    {
        JsonSchema schema = await JsonSchema.FromFileAsync(TestPaths.Repo("tests", "TestData", "sarif-2.1.0.json"));
        var full = FormatSettings.Default with
        {
            Rules = BuiltInAnalyzers.CreateEngine(TestModels.Set).Rules,
            BaseDirectory = TestPaths.RepoRoot,
            Invocation = new InvocationInfo(2, ["report", "seeds"]),
        };
        foreach (FormatSettings settings in (FormatSettings[])[FormatSettings.Default, full])
        {
            string sarif = Write(new SarifReportFormatter(), settings);
            var errors = schema.Validate(sarif);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }

        using JsonDocument doc = JsonDocument.Parse(Write(new SarifReportFormatter(), full));
        JsonElement run = doc.RootElement.GetProperty("runs")[0];
        Assert.False(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        Assert.Equal(["report", "seeds"], run.GetProperty("invocations")[0].GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
        JsonElement[] results = [.. run.GetProperty("results").EnumerateArray()];
        JsonElement suppressed = results.Single(r => r.TryGetProperty("suppressions", out _));
        Assert.Equal("empty.md", suppressed.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "TL0003" && r.GetProperty("level").GetString() == "error");
        Assert.Contains(results, r => r.GetProperty("ruleId").GetString() == "TL0005" && r.GetProperty("level").GetString() == "warning" && !r.TryGetProperty("suppressions", out _));
        Assert.Equal(BuiltInAnalyzers.CreateEngine(TestModels.Set).Rules.Count, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
    }

    [Theory]
    [InlineData("seeds/seed article.txt", "seeds/seed%20article.txt", true)]
    [InlineData("a#b/c%d.md", "a%23b/c%25d.md", true)]
    [InlineData("/tmp/x y.md", "file:///tmp/x%20y.md", false)]
    public void Artifact_uris_are_escaped(string path, string uri, bool relative) =>
        Assert.Equal((uri, relative), SarifReportFormatter.ArtifactUri(path));

    [Fact]
    public void Github_commands_escape_data_and_properties()
    {
        Assert.Equal("50%25 of a%0Ab%0D", GitHubReportFormatter.EscapeData("50% of a\nb\r"));
        Assert.Equal("a%3A b%2C c%25", GitHubReportFormatter.EscapeProperty("a: b, c%"));
        string text = Write(new GitHubReportFormatter(), FormatSettings.Default);
        string[] all = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // The seed article's suggestions (stance rules) become notices; the checked lines are the input problems.
        Assert.All(all.Where(l => l.StartsWith("::notice", StringComparison.Ordinal)), l => Assert.StartsWith("::notice file=seeds/seed article.txt,line=", l, StringComparison.Ordinal));
        string[] lines = [.. all.Where(l => !l.StartsWith("::notice", StringComparison.Ordinal))];
        Assert.Equal(
        [
            "::error file=bad.txt,title=TL0003 Invalid text encoding::'bad.txt' is not valid UTF-8%3A the first bad byte is at byte offset 3".Replace("%3A", ":", StringComparison.Ordinal),
            "::warning file=other.md,title=TL0005 Empty document::'other.md' has no prose to analyse",
        ], lines);
    }
}

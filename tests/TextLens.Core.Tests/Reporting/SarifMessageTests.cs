using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Loading;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Core.Tests.Reporting;

/// <summary>SARIF Multitool's SARIF2001: every rule message string and every result message ends like a sentence.</summary>
public class SarifMessageTests
{
    [Fact]
    public void Rule_message_strings_and_result_messages_end_with_a_period()
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        var options = AnalysisOptions.Default;
        CorpusReport report = ReportBuilder.Build(
        [
            engine.Analyze(DocumentLoader.LoadFile(TestPaths.SeedArticle, "seeds/seed.txt", options.MaxFileBytes), options, DefaultSeverities.Instance),
            engine.Analyze(DocumentLoader.FromBytes("empty.md", [], options.MaxFileBytes, Core.Text.DocumentFormat.Markdown), options, DefaultSeverities.Instance),
        ]);
        var writer = new StringWriter();
        new SarifReportFormatter().Write(report, writer, FormatSettings.Default with { Rules = engine.Rules });
        using JsonDocument sarif = JsonDocument.Parse(writer.ToString());
        JsonElement run = sarif.RootElement.GetProperty("runs")[0];

        string[] messageStrings = [.. run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Select(r => r.GetProperty("messageStrings").GetProperty("default").GetProperty("text").GetString()!)];
        string[] messages = [.. run.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("message").GetProperty("text").GetString()!)];
        Assert.Equal(engine.Rules.Count, messageStrings.Length);
        Assert.NotEmpty(messages);
        Assert.All(messageStrings.Concat(messages), m => Assert.Matches(@"[.!?]$", m));
        Assert.DoesNotContain(messages, m => m.EndsWith("..", StringComparison.Ordinal));
    }
}

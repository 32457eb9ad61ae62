using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Language;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Language;

/// <summary>
/// B17: a document in another language gets TL0008 naming the language, and no English analyses; no English
/// document is flagged. The paragraphs in tests/TestData/languages were written for these tests.
/// </summary>
public sealed class LanguageCheckTests
{
    private static readonly LanguageCheck Check = new(TestModels.Set.Languages);
    private static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);

    [Theory]
    [InlineData("fr", "French")]
    [InlineData("de", "German")]
    [InlineData("es", "Spanish")]
    [InlineData("it", "Italian")]
    [InlineData("pt", "Portuguese")]
    [InlineData("nl", "Dutch")]
    [InlineData("pl", "Polish")]
    [InlineData("sv", "Swedish")]
    [InlineData("tr", "Turkish")]
    [InlineData("ru", "Russian")]
    [InlineData("el", "Greek")]
    [InlineData("ar", "Arabic")]
    [InlineData("zh", "Chinese")]
    [InlineData("ja", "Japanese")]
    public void A_paragraph_in_another_language_is_named(string file, string language)
    {
        LanguageGuess? found = Check.FindNonEnglish(Prose(LanguageFile(file + ".md")));
        Assert.Equal(language, found?.Name);
    }

    [Fact]
    public void An_english_article_quoting_a_french_paragraph_is_english()
    {
        string prose = Prose(LanguageFile("en-quoting-french.md"));
        Assert.Contains("Le gouvernement", prose, StringComparison.Ordinal);
        Assert.Null(Check.FindNonEnglish(prose));
    }

    [Theory]
    [InlineData("Le gouvernement a présenté mardi un projet.")]
    [InlineData("能源价格上涨。")]
    [InlineData("")]
    public void Text_too_short_to_judge_is_not_flagged(string text) => Assert.Null(Check.FindNonEnglish(text));

    [Fact]
    public void The_warning_names_the_language_and_the_english_analyses_are_skipped()
    {
        var source = new SourceText("de.md", File.ReadAllText(LanguageFile("de.md")), DocumentFormat.Markdown);
        DocumentAnalysis analysis = Engine.Analyze(source, AnalysisOptions.Default, new SeverityConfiguration(useEditorConfig: false));
        Diagnostic warning = Assert.Single(analysis.Diagnostics);
        Assert.Equal(InputRules.NotEnglish, warning.Rule);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("German", warning.Message, StringComparison.Ordinal);
        Assert.Contains("skipped", warning.Message, StringComparison.Ordinal);
        Assert.Null(analysis.GetResult<Core.Analyzers.Keywords.KeywordResult>());
        Assert.NotNull(analysis.Document);
    }

    [Fact]
    public void Severity_none_turns_the_check_off_and_the_document_is_analysed()
    {
        var source = new SourceText("de.md", File.ReadAllText(LanguageFile("de.md")), DocumentFormat.Markdown);
        var severities = new SeverityConfiguration(new Dictionary<string, Severity> { ["TL0008"] = Severity.None }, useEditorConfig: false);
        DocumentAnalysis analysis = Engine.Analyze(source, AnalysisOptions.Default, severities);
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Rule == InputRules.NotEnglish);
        Assert.NotNull(analysis.GetResult<Core.Analyzers.Keywords.KeywordResult>());
    }

    [Fact]
    public void No_english_dev_document_is_flagged_and_the_one_spanish_record_is()
    {
        var documents = new List<(string Name, string Prose)>();
        foreach (string file in new[] { "500n_kpcrowd", "duc2001", "inspec", "semeval2010" })
        {
            documents.AddRange(JsonLines(SharedData.RequireOrSkip("data", "keyphrase", file + ".dev.jsonl"), "text"));
        }

        foreach (string file in new[] { "bbc-mix", "choi", "wikisec" })
        {
            documents.AddRange(JsonLines(SharedData.RequireOrSkip("data", "clustering", file + ".dev.jsonl"), "sentences"));
        }

        foreach (string file in new[] { "bbc", "crs" })
        {
            documents.AddRange(JsonLines(SharedData.RequireOrSkip("data", "summaries", file + ".dev.jsonl"), "text"));
        }

        string stance = Path.GetDirectoryName(SharedData.RequireOrSkip("data", "stance", "README.md"))!;
        foreach (string file in Directory.EnumerateFiles(stance, "*.jsonl"))
        {
            documents.AddRange(JsonLines(file, "text"));
        }

        documents.AddRange(JsonLines(SharedData.RequireOrSkip("corpus", "crs", "bulk.jsonl"), "text"));
        string crs = Path.GetDirectoryName(SharedData.RequireOrSkip("corpus", "crs", "docs", "IF10753.md"))!;
        string[] crsDocs = [.. Directory.EnumerateFiles(crs, "*.md")];
        Assert.Equal(30, crsDocs.Length);
        foreach (string file in crsDocs.Concat(Directory.EnumerateFiles(TestPaths.Seeds)))
        {
            documents.Add((file, Prose(file)));
        }

        Assert.True(documents.Count > 2_000, $"only {documents.Count} documents read");
        var flagged = documents
            .Select(d => (d.Name, d.Prose, Language: Check.FindNonEnglish(d.Prose)?.Name))
            .Where(d => d.Language is not null)
            .ToDictionary(d => d.Name, d => d.Language!);
        string Shown(string name) => $"{name} ({flagged[name]}): {documents.First(d => d.Name == name).Prose[..Math.Min(160, documents.First(d => d.Name == name).Prose.Length)]}";
        Assert.True(
            flagged.Keys.Order().SequenceEqual(NotEnglishInDev.Keys.Order()) && flagged.All(f => NotEnglishInDev.GetValueOrDefault(f.Key) == f.Value),
            "flagged:\n" + string.Join("\n", flagged.Keys.Order().Select(Shown)));
    }

    /// <summary>The records of the DEV sets that are not English (read and checked by hand), which must be flagged.</summary>
    private static readonly Dictionary<string, string> NotEnglishInDev = new(StringComparer.Ordinal)
    {
        // "e estas pantallas con en el simple echo de mover el dedo a izquierda o derecha os mande a todas las aplicaciones…"
        ["prescriptive_suggestion_semeval2019.dev.jsonl:3447"] = "Spanish",
    };

    private static string LanguageFile(string name) => TestPaths.Repo("tests", "TestData", "languages", name);

    private static string Prose(string path)
    {
        var source = new SourceText(path, File.ReadAllText(path), DocumentFormats.FromPath(path));
        return ProseLayout.Create(source).Text;
    }

    private static IEnumerable<(string Name, string Prose)> JsonLines(string path, string field)
    {
        int line = 0;
        foreach (string json in File.ReadLines(path))
        {
            line++;
            using JsonDocument record = JsonDocument.Parse(json);
            if (!record.RootElement.TryGetProperty(field, out JsonElement value))
            {
                continue;
            }

            string text = value.ValueKind == JsonValueKind.Array
                ? string.Join(' ', value.EnumerateArray().Select(s => s.GetString()))
                : value.GetString() ?? "";
            yield return ($"{Path.GetFileName(path)}:{line}", text);
        }
    }
}

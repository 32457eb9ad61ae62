using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using NJsonSchema;
using TextLens.Cli.Commands;
using TextLens.Core.Analysis;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Features;
using TextLens.Core.Text;

namespace TextLens.Cli.Tests;

/// <summary>Paths inside the repository (see <see cref="RepositoryPaths"/>).</summary>
internal static class TestPaths
{
    public static string RepoRoot => RepositoryPaths.Root;

    public static string SeedArticle => RepositoryPaths.SeedArticle;

    public static string SarifSchemaPath => RepositoryPaths.Combine("tests", "TestData", "sarif-2.1.0.json");
}

/// <summary>The official SARIF 2.1.0 schema, loaded once; every SARIF log the tests produce is validated with it.</summary>
/// <summary>The repository's models folder as one set, shared by the in-process tests.</summary>
internal static class TestModels
{
    public static ModelSet Set { get; } = new(Path.Combine(TestPaths.RepoRoot, "models"));
}

internal static class Sarif
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(TestPaths.SarifSchemaPath).GetAwaiter().GetResult());

    public static void AssertValid(string sarif)
    {
        var errors = Schema.Value.Validate(sarif);
        Assert.True(errors.Count == 0, "SARIF does not validate:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }
}

/// <summary>
/// Test rules with real findings on real text: TL9101 (warning) on every "reportedly" and every
/// "Chongryon", TL9102 (suggestion) on every number. Registered with the built-in analyzers.
/// </summary>
internal sealed class WordRulesAnalyzer : IDocumentAnalyzer
{
    public static readonly RuleDescriptor Flagged = new(
        "TL9101", "Flagged word", "'{0}' is a flagged word", "Test", Severity.Warning,
        "Test rule: reports every 'reportedly' and 'Chongryon'.", "It was reportedly late.");

    public static readonly RuleDescriptor Number = new(
        "TL9102", "Number", "Number '{0}'", "Test", Severity.Suggestion, "Test rule: reports every number.", "In 2023, 42 people came.");

    public string Name => "word-rules";

    public IReadOnlyList<RuleDescriptor> SupportedRules => [Flagged, Number];

    public Type? ResultType => null;

    /// <summary>The built-in analyzers except stance (its suggestions on real prose would mix with the findings these tests count), plus the test rules.</summary>
    public static AnalysisEngine Engine() => new([.. BuiltInAnalyzers.Create(TestModels.Set).Where(a => a is not StanceAnalyzer), new WordRulesAnalyzer()], TestModels.Set);

    public void Analyze(AnalysisContext context)
    {
        foreach (var token in context.Document.Tokens)
        {
            string lower = token.Text.ToLowerInvariant();
            if (lower is "reportedly" or "chongryon")
            {
                context.Report(Flagged, token.Span, token.Text);
            }
            else if (token.Kind == Core.Parsing.TokenKind.Number)
            {
                context.Report(Number, token.Span, token.Text);
            }
        }
    }
}

/// <summary>A temporary folder, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "textlens-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative, string content)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return full;
    }

    public string Read(string relative) => System.IO.File.ReadAllText(System.IO.Path.Combine(Path, relative));

    public string Git(params string[] args)
    {
        BufferedCommandResult result = CliWrap.Cli.Wrap("git")
            .WithArguments(["-c", "user.name=TextLens Tests", "-c", "user.email=tests@textlens.invalid", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", .. args])
            .WithWorkingDirectory(Path)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(TestContext.Current.CancellationToken)
            .GetAwaiter().GetResult();
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', args)} failed: {result.StandardError}");
        return result.StandardOutput;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Contexts for running commands in-process.</summary>
internal static class TestCli
{
    /// <summary>The real disk and clock with captured console streams, the repository's models, and <paramref name="environment"/> (none by default).</summary>
    public static CliContext OnDisk(TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null) =>
        new(new System.IO.Abstractions.FileSystem(), new CliConsole(stdout, stderr, () => Stream.Null, IsOutputRedirected: true, IsErrorRedirected: true), environment ?? (_ => null), TimeProvider.System, () => TestModels.Set);
}

/// <summary>Runs 'textlens report' in-process with captured output.</summary>
internal static class Tool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static ReportRequest Request(string workingDirectory, params string[] inputs) =>
        new(
            Inputs: inputs,
            Formats: ["json"],
            Outputs: [],
            Top: 10,
            FailOn: Severity.Error,
            Includes: [],
            Excludes: [],
            MaxFileBytes: 10 * 1024 * 1024,
            SeverityOverrides: new Dictionary<string, Severity>(),
            StdinFormat: DocumentFormat.PlainText,
            Color: false,
            Quiet: true)
        {
            WorkingDirectory = workingDirectory,
            Engine = WordRulesAnalyzer.Engine(),
        };

    public static Result Run(ReportRequest request)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = ReportRunner.Run(request, TestCli.OnDisk(stdout, stderr));
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Paths of the documents in a JSON report.</summary>
    public static string[] DocumentPaths(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("path").GetString()!)];
    }
}

using System.ComponentModel;
using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace TextLens.Testing;

/// <summary>
/// The shared evaluation material (DEV sets, reference scorers) that lives beside the repository in
/// <c>../shared</c> and is not part of it. A test that needs it asks here first:
/// <code>string data = SharedData.RequireOrSkip("data", "stance", "polarity_nyt_vader.dev.jsonl");</code>
/// Without the file the test is reported as skipped, with the reason, never passed silently. CI sets
/// <see cref="RequiredVariable"/>, and there a missing file (or python3) fails the test instead.
/// </summary>
internal static class SharedData
{
    /// <summary>When this environment variable is <c>1</c>, missing shared material fails the test instead of skipping it.</summary>
    public const string RequiredVariable = "TEXTLENS_REQUIRE_SHARED";

    private static readonly Lazy<string?> PythonVersion = new(FindPython);

    /// <summary>The full path of <c>../shared</c> (it may not exist).</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared"));

    private static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

    /// <summary>The full path of a file under <c>../shared</c>; skips the test (fails it in CI) when the file is missing.</summary>
    public static string RequireOrSkip(params string[] relativePath)
    {
        string path = Path.Combine([Root, .. relativePath]);
        if (!File.Exists(path))
        {
            Unavailable($"needs ../shared/{string.Join('/', relativePath)}, the shared evaluation material beside the repository (not found at {path})");
        }

        return path;
    }

    /// <summary>
    /// The 76 CRS reports of <c>../shared/corpus/crs</c>: the 30 Markdown files of <c>docs/</c> (by name, id without the
    /// extension) and then the 46 plain-text records of <c>bulk.jsonl</c>, in that order; skips the test (fails it in CI)
    /// without them.
    /// </summary>
    public static IReadOnlyList<(string Id, string Text, bool Markdown)> CrsReports()
    {
        string docs = Path.GetDirectoryName(RequireOrSkip("corpus", "crs", "docs", "R48447.md"))!;
        string bulk = RequireOrSkip("corpus", "crs", "bulk.jsonl");
        var reports = new List<(string Id, string Text, bool Markdown)>();
        foreach (string file in Directory.GetFiles(docs, "*.md").Order(StringComparer.Ordinal))
        {
            reports.Add((Path.GetFileNameWithoutExtension(file), File.ReadAllText(file), true));
        }

        foreach (string line in File.ReadLines(bulk))
        {
            using var record = System.Text.Json.JsonDocument.Parse(line);
            reports.Add((record.RootElement.GetProperty("id").GetString()!, record.RootElement.GetProperty("text").GetString()!, false));
        }

        Assert.Equal(76, reports.Count);
        return reports;
    }

    /// <summary>Skips the test (fails it in CI) when <c>python3</c>, which runs the reference scorers, is not on the PATH.</summary>
    public static void RequirePythonOrSkip()
    {
        if (PythonVersion.Value is null)
        {
            Unavailable("needs python3 on the PATH to run the reference scorer in ../shared/tools");
        }
    }

    /// <summary>
    /// Runs a reference scorer from <c>../shared/tools</c> with python3 and returns its standard output;
    /// skips (fails in CI) when the scorer or python3 is missing, and fails when the scorer exits non-zero.
    /// </summary>
    public static string RunScorer(string script, params string[] arguments)
    {
        string path = RequireOrSkip("tools", script);
        RequirePythonOrSkip();
        BufferedCommandResult result = CliWrap.Cli.Wrap("python3")
            .WithArguments([path, .. arguments])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, TestContext.Current.CancellationToken)
            .GetAwaiter().GetResult();
        Assert.True(result.ExitCode == 0, $"{script} exited with {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput;
    }

    private static void Unavailable(string reason)
    {
        if (Required)
        {
            Assert.Fail($"{reason}; {RequiredVariable}=1 requires it");
        }

        VisibleSkip.Now(reason);
    }

    private static string? FindPython()
    {
        try
        {
            BufferedCommandResult result = CliWrap.Cli.Wrap("python3").WithArguments("--version")
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync().GetAwaiter().GetResult();
            return result.ExitCode == 0 ? result.StandardOutput.Trim() : null;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}

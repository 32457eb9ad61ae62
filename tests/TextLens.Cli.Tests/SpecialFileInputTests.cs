using System.Diagnostics;
using System.Text.Json;

namespace TextLens.Cli.Tests;

/// <summary>
/// A FIFO (named pipe) named on the command line, with no process writing to it: opening it for reading blocks until a
/// writer comes, so the run hung for ever (audit of 2026-12-07: <c>textlens report pipe.md good.md</c> and
/// <c>--baseline pipe.json</c> were killed after 120 s with nothing written). It is now given
/// <see cref="Core.Text.SpecialFiles.WriterWait"/>, then reported as unreadable, naming it and the reason; the other
/// inputs are still analysed.
/// </summary>
public class SpecialFileInputTests
{
    /// <summary>Far above the 10 s the open is given; without the fix the run never ends.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_fifo_input_with_no_writer_is_TL0001_naming_it_and_the_other_input_is_reported()
    {
        using var dir = new TempDir();
        dir.File("good.txt", File.ReadAllText(TestPaths.SeedArticle));
        string fifo = Fifo(dir, "pipe.md");

        (Tool.Result result, TimeSpan took) = await RunBounded(fifo, () => Tool.Run(Tool.Request(dir.Path, "pipe.md", "good.txt")));

        Assert.True(took < Bound, $"the run took {took}");
        Assert.Equal(2, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Dictionary<string, JsonElement> documents = json.RootElement.GetProperty("documents").EnumerateArray()
            .ToDictionary(d => d.GetProperty("path").GetString()!);
        Assert.Equal("analysed", documents["good.txt"].GetProperty("status").GetString());
        Assert.Equal("failed", documents["pipe.md"].GetProperty("status").GetString());
        JsonElement diagnostic = Assert.Single(documents["pipe.md"].GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("TL0001", diagnostic.GetProperty("id").GetString());
        string message = diagnostic.GetProperty("message").GetString()!;
        Assert.Contains("pipe.md", message, StringComparison.Ordinal);
        Assert.Contains("FIFO", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_baseline_with_no_writer_is_a_usage_error_naming_it()
    {
        using var dir = new TempDir();
        dir.File("good.txt", File.ReadAllText(TestPaths.SeedArticle));
        string fifo = Fifo(dir, "baseline.json");

        // A usage error (exit 2 from Program) reaches the in-process run as UsageException.
        (Tool.Result result, TimeSpan took) = await RunBounded(fifo, () =>
        {
            try
            {
                return Tool.Run(Tool.Request(dir.Path, "good.txt") with { BaselinePath = "baseline.json" });
            }
            catch (UsageException ex)
            {
                return new Tool.Result(2, string.Empty, ex.Message);
            }
        });

        Assert.True(took < Bound, $"the run took {took}");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("baseline.json", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("FIFO", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task A_fifo_input_with_a_writer_is_still_read_like_a_file()
    {
        using var dir = new TempDir();
        string fifo = Fifo(dir, "pipe.md");
        string text = File.ReadAllText(TestPaths.SeedArticle);
        Task writer = Task.Factory.StartNew(
            () =>
            {
                using var stream = new StreamWriter(new FileStream(fifo, FileMode.Open, FileAccess.Write));
                stream.Write(text);
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        (Tool.Result result, TimeSpan _) = await RunBounded(fifo, () => Tool.Run(Tool.Request(dir.Path, "pipe.md")));

        Assert.True(await Task.WhenAny(writer, Task.Delay(Bound, TestContext.Current.CancellationToken)) == writer, "the writer never finished");
        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement document = Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
        Assert.Equal("analysed", document.GetProperty("status").GetString());
        Assert.True(document.GetProperty("stats").GetProperty("words").GetInt32() > 500);
    }

    private static string Fifo(TempDir dir, string name)
    {
        string path = Path.Combine(dir.Path, name);
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "this test needs mkfifo (Unix)");
        return path;
    }

    /// <summary>Runs <paramref name="run"/>, failing after <see cref="Bound"/> instead of hanging the test run: the FIFO is then opened for writing, which frees the blocked reader.</summary>
    private static async Task<(Tool.Result Result, TimeSpan Took)> RunBounded(string fifo, Func<Tool.Result> run)
    {
        var watch = Stopwatch.StartNew();
        Task<Tool.Result> task = Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (await Task.WhenAny(task, Task.Delay(Bound, TestContext.Current.CancellationToken)) != task)
        {
            using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
            {
            }

            Assert.Fail($"the run did not end within {Bound.TotalSeconds} s: it waits for a writer to the FIFO");
        }

        return (await task, watch.Elapsed);
    }
}

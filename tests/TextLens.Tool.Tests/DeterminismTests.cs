namespace TextLens.Tool.Tests;

/// <summary>
/// Two separate processes of the installed tool, on the same inputs, write the same bytes in every format: nothing
/// in the output may depend on hash seeds, thread scheduling, dictionary order or the process (a single-process
/// test cannot see the first of these: string hash codes are randomised per process).
/// </summary>
[Collection(PackedToolCollection.Name)]
public sealed class DeterminismTests(PackedTool tool) : IDisposable
{
    private static readonly string[] Formats = ["json", "jsonl", "sarif", "markdown", "html", "console", "github"];

    private readonly string _dir = Directory.CreateTempSubdirectory("textlens-determinism-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Two_processes_write_identical_bytes_in_every_format()
    {
        (ToolRun first, string firstOutputs) = RunOnSeeds("first");
        (ToolRun second, string secondOutputs) = RunOnSeeds("second");

        Assert.Equal(first.ExitCode, second.ExitCode);
        Assert.Equal(first.StdOut, second.StdOut);
        Assert.Equal(first.StdErr, second.StdErr);
        foreach (string format in Formats)
        {
            byte[] a = File.ReadAllBytes(Path.Combine(firstOutputs, "report." + format));
            byte[] b = File.ReadAllBytes(Path.Combine(secondOutputs, "report." + format));
            Assert.True(a.Length > 0, $"{format}: empty output");
            Assert.True(a.AsSpan().SequenceEqual(b), $"{format}: the two processes wrote different bytes (first difference at byte {FirstDifference(a, b)})");
        }
    }

    /// <summary>
    /// Runs the tool on seeds/ with every format written to the same paths (SARIF records the command line), then
    /// moves the outputs to a folder of their own.
    /// </summary>
    private (ToolRun Run, string Outputs) RunOnSeeds(string name)
    {
        string outputs = Path.Combine(_dir, "out");
        List<string> args = ["report", "seeds", "-q"];
        foreach (string format in Formats)
        {
            args.AddRange(["-f", format, "-o", Path.Combine(outputs, "report." + format)]);
        }

        ToolRun run = tool.Run(RepositoryPaths.Root, [.. args]);
        Assert.True(run.ExitCode is 0 or 1, $"exit code {run.ExitCode}: {run.StdErr}");
        string kept = Path.Combine(_dir, name);
        Directory.Move(outputs, kept);
        return (run, kept);
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        int common = a.AsSpan().CommonPrefixLength(b);
        return common;
    }
}

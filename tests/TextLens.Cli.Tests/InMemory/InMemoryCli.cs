using System.Globalization;
using System.IO.Abstractions.TestingHelpers;
using System.Text;

namespace TextLens.Cli.Tests.InMemory;

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>
/// The whole tool run in-process through <see cref="Program.Run"/> against an in-memory world: a
/// <see cref="MockFileSystem"/> (working folder <see cref="WorkingDirectory"/>), captured standard output and error,
/// a given standard input, environment and a fixed clock (<see cref="Clock"/>). Only the models come from the repository's models/ folder.
/// </summary>
internal sealed class InMemoryCli
{
    public const string WorkingDirectory = "/work";

    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public MockFileSystem Files { get; } = new(new Dictionary<string, MockFileData>(), WorkingDirectory);

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>Standard input's bytes for the next run (UTF-8 of a string, or none).</summary>
    public string StandardInput { get; set; } = string.Empty;

    /// <summary>The clock of the next run (<see cref="Now"/> unless a test moves it).</summary>
    public TimeProvider Clock { get; set; } = new FixedClock(Now);

    /// <summary>Whether standard output is redirected (a terminal otherwise: console colour is allowed).</summary>
    public bool OutputRedirected { get; set; } = true;

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public Result Run(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        byte[] input = Encoding.UTF8.GetBytes(StandardInput);
        var context = new CliContext(
            Files,
            new CliConsole(stdout, stderr, () => new MemoryStream(input, writable: false), OutputRedirected, IsErrorRedirected: true),
            name => Environment.GetValueOrDefault(name),
            Clock,
            () => TestModels.Set)
        {
            Arguments = args,
        };
        int code = Program.Run(args, context);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Adds a file under the working folder.</summary>
    public string Add(string relative, string content)
    {
        string full = Files.Path.Combine(WorkingDirectory, relative);
        Files.AddFile(full, new MockFileData(content));
        return full;
    }

    public string Read(string relative) => Files.File.ReadAllText(Files.Path.Combine(WorkingDirectory, relative));
}

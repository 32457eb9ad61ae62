using System.IO.Abstractions;
using TextLens.Cli.Inputs;
using TextLens.Core.Features;

namespace TextLens.Cli;

/// <summary>
/// The console as the commands see it: the two output streams, standard input (opened on demand: a test passes its
/// own) and whether the output streams are redirected (colour and progress depend on it).
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, Func<Stream> OpenInput, bool IsOutputRedirected, bool IsErrorRedirected)
{
    /// <summary>
    /// Opens standard output as bytes, where <see cref="Out"/> encodes UTF-8 without a byte order mark to the same
    /// place: a large JSON report is then copied out as the UTF-8 it was spooled in, not decoded and encoded again.
    /// Null: text only (a test's console).
    /// </summary>
    public Func<Stream>? OpenOutputBytes { get; init; }

    /// <summary>This process's console.</summary>
    public static CliConsole System() =>
        new(Console.Out, Console.Error, StandardInput.Open, Console.IsOutputRedirected, Console.IsErrorRedirected)
        {
            OpenOutputBytes = Console.OutputEncoding.CodePage == 65001 && Console.OutputEncoding.GetPreamble().Length == 0 ? Console.OpenStandardOutput : null,
        };
}

/// <summary>
/// Everything a command takes from the world outside its arguments, in one object built once in
/// <see cref="Program"/>: the file system, the console, environment variables, the clock, the command line (for
/// SARIF's invocation record) and the models folder. Commands never reach for <c>Console</c>, <c>Environment</c> or
/// <c>DateTimeOffset.UtcNow</c> themselves, so each one runs in a test with an in-memory file system and console
/// (as CSharpier's commands do).
/// </summary>
public sealed record CliContext(
    IFileSystem FileSystem,
    CliConsole Console,
    Func<string, string?> Environment,
    TimeProvider Clock,
    Func<ModelSet> Models)
{
    /// <summary>The arguments the tool was started with (SARIF records them).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The folder relative paths are resolved against: the file system's current directory.</summary>
    public string WorkingDirectory => FileSystem.Directory.GetCurrentDirectory();

    /// <summary>
    /// Whether console output may be coloured: not with --no-color, not when redirected, not with NO_COLOR set to a value
    /// (no-color.org: present and not empty; an empty NO_COLOR= does not count), not on a terminal that says it has no escape
    /// sequences (<c>TERM=dumb</c>, as Emacs shells and some CI consoles set).
    /// </summary>
    public bool ColorAllowed(bool noColorOption) => !noColorOption && !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment("NO_COLOR"))
        && !string.Equals(Environment("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>The real world: this process's disk, console, environment and clock, and the models folder found the usual way.</summary>
    public static CliContext ForProcess(IReadOnlyList<string> arguments) =>
        new(new FileSystem(), CliConsole.System(), global::System.Environment.GetEnvironmentVariable, TimeProvider.System, ModelSet.OpenDefault)
        {
            Arguments = arguments,
        };
}

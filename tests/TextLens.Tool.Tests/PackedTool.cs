using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace TextLens.Tool.Tests;

/// <summary>The result of one run of the tool.</summary>
public sealed record ToolRun(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>The process's peak resident memory (VmHWM) as last sampled before it ended; 0 where /proc is not there.</summary>
    public long PeakResidentBytes { get; init; }
}

/// <summary>
/// The installed 'textlens' command, as a user gets it, named by <c>$TEXTLENS_TOOL</c>: the path of an installed
/// tool (CI packs and installs it once, into a temporary tool path), or <c>pack</c> to have this fixture pack
/// src/TextLens.Cli and install the package into a temporary tool path. Without the variable every test here is
/// skipped with that reason: the default <c>dotnet test TextLens.sln</c> never packs the tool.
/// </summary>
public sealed class PackedTool : IDisposable
{
    public const string Variable = "TEXTLENS_TOOL";

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private readonly string? _temp;
    private readonly string? _executable;
    private readonly string? _unavailable;

    public PackedTool()
    {
        string? setting = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(setting))
        {
            _unavailable = $"an end-to-end test of the installed tool: set {Variable} to an installed textlens, or to 'pack' to pack and install one (bash .ci/run does)";
        }
        else if (setting == "pack")
        {
            _temp = Directory.CreateTempSubdirectory("textlens-tool-").FullName;
            _executable = PackAndInstall(_temp);
        }
        else if (File.Exists(setting))
        {
            _executable = setting;
        }
        else
        {
            throw new InvalidOperationException($"{Variable}={setting}: no such file.");
        }
    }

    /// <summary>The installed executable; skips the calling test when none was given.</summary>
    public string Executable
    {
        get
        {
            if (_executable is null)
            {
                VisibleSkip.Now(_unavailable!);
            }

            return _executable!;
        }
    }

    public ToolRun RunWithInput(string workingDirectory, string? stdin, params string[] args) => RunWith(workingDirectory, stdin, null, args);

    /// <summary>Runs the tool with extra environment variables (e.g. TEXTLENS_MODELS).</summary>
    public ToolRun RunWithEnvironment(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) => RunWith(workingDirectory, null, environment, args);

    private ToolRun RunWith(string workingDirectory, string? stdin, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(RunTimeout);
        CommandTask<BufferedCommandResult> running = Cli.Wrap(Executable)
            .WithArguments(args)
            .WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(env =>
            {
                env.Set("NO_COLOR", "1").Set("TEXTLENS_MODELS", null);
                foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
                {
                    env.Set(name, value);
                }
            })
            .WithStandardInputPipe(stdin is null ? PipeSource.Null : PipeSource.FromString(stdin, Encoding.UTF8))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, timeout.Token);
        long peak = PeakResident(running.ProcessId, running.Task);
        BufferedCommandResult result = running.GetAwaiter().GetResult();
        return new ToolRun(result.ExitCode, result.StandardOutput, result.StandardError) { PeakResidentBytes = peak };
    }

    /// <summary>
    /// Samples the kernel's high-water mark of the process's resident memory (VmHWM in /proc/PID/status) every
    /// 20 ms until it ends; the last sample is the peak up to then. Memory bounds are asserted on this, never time.
    /// </summary>
    private static long PeakResident(int processId, Task running)
    {
        string status = $"/proc/{processId}/status";
        long peak = 0;
        while (!running.IsCompleted)
        {
            try
            {
                foreach (string line in File.ReadLines(status))
                {
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    {
                        peak = Math.Max(peak, long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not Linux, or the process has just ended.
            }

            Thread.Sleep(20);
        }

        return peak;
    }

    public ToolRun Run(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, null, args);

    public void Dispose()
    {
        if (_temp is not null)
        {
            try
            {
                Directory.Delete(_temp, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string PackAndInstall(string temp)
    {
        string packages = Path.Combine(temp, "packages");
        string toolPath = Path.Combine(temp, "tool");
        Dotnet(RepositoryPaths.Root, "pack", RepositoryPaths.Combine("src", "TextLens.Cli"), "-c", "Release", "-o", packages, "-p:PackageOutputPath=" + packages, "--nologo");
        Dotnet(temp, "tool", "install", "TextLens", "--tool-path", toolPath, "--source", packages, "--no-cache");
        return Path.Combine(toolPath, OperatingSystem.IsWindows() ? "textlens.exe" : "textlens");
    }

    private static void Dotnet(string workingDirectory, params string[] args)
    {
        BufferedCommandResult result = Cli.Wrap("dotnet").WithArguments(args).WithWorkingDirectory(workingDirectory)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult();
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed ({result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedToolCollection : ICollectionFixture<PackedTool>
{
    public const string Name = "packed tool";
}

using System.Diagnostics;
using System.Text;

namespace TextLens.Cli.Tests;

/// <summary>The result of one run of the tool.</summary>
public sealed record ToolRun(int ExitCode, string StdOut, string StdErr);

/// <summary>
/// The installed 'textlens' command, as a user gets it: $TEXTLENS_TOOL when set (CI installs the
/// packed tool once and points here), otherwise this fixture packs src/TextLens.Cli and installs the
/// package into a temporary tool path with 'dotnet tool install --source'.
/// </summary>
public sealed class PackedTool : IDisposable
{
    private readonly string? _temp;

    public PackedTool()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("TEXTLENS_TOOL");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv))
        {
            Executable = fromEnv;
            return;
        }

        _temp = Directory.CreateTempSubdirectory("textlens-tool-").FullName;
        string packages = Path.Combine(_temp, "packages");
        string toolPath = Path.Combine(_temp, "tool");
        Exec("dotnet", $"pack \"{Path.Combine(TestPaths.RepoRoot, "src", "TextLens.Cli")}\" -c Release -o \"{packages}\" -p:PackageOutputPath=\"{packages}\" --nologo", TestPaths.RepoRoot);
        Exec("dotnet", $"tool install TextLens --tool-path \"{toolPath}\" --source \"{packages}\" --no-cache", _temp);
        Executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "textlens.exe" : "textlens");
    }

    public string Executable { get; }

    public ToolRun RunWithInput(string workingDirectory, string? stdin, params string[] args) => RunWith(workingDirectory, stdin, null, args);

    /// <summary>Runs the tool with extra environment variables (e.g. TEXTLENS_MODELS).</summary>
    public ToolRun RunWithEnvironment(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) => RunWith(workingDirectory, null, environment, args);

    private ToolRun RunWith(string workingDirectory, string? stdin, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var psi = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NO_COLOR"] = "1";
        psi.Environment.Remove("TEXTLENS_MODELS");
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[name] = value;
        }

        using Process p = Process.Start(psi)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
        }

        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"textlens {string.Join(' ', args)} did not finish in 3 minutes.");
        }

        return new ToolRun(p.ExitCode, stdout.Result, stderr.Result);
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

    private static void Exec(string file, string arguments, string cwd)
    {
        var psi = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process p = Process.Start(psi)!;
        Task<string> o = p.StandardOutput.ReadToEndAsync();
        Task<string> e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({p.ExitCode}):\n{o.Result}\n{e.Result}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedToolCollection : ICollectionFixture<PackedTool>
{
    public const string Name = "packed tool";
}

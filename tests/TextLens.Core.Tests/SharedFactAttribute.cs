using System.Diagnostics;

namespace TextLens.Core.Tests;

/// <summary>
/// A fact that needs files from ../shared (and, with <see cref="Python"/>, python3 to run a reference
/// scorer): when one is missing the test is reported as skipped, with the reason, instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> PythonOnPath = new(FindPython);

    public SharedFactAttribute(params string[] sharedPaths)
    {
        string? missing = sharedPaths.Select(p => Path.Combine(TestPaths.Shared, p)).FirstOrDefault(p => !File.Exists(p));
        if (missing is not null)
        {
            Skip = $"needs {missing} (the shared material beside the repository)";
        }
    }

    /// <summary>Also needs python3 on the PATH.</summary>
    public bool Python
    {
        get => PythonOnPath.Value;
        init
        {
            if (value && Skip is null && !PythonOnPath.Value)
            {
                Skip = "needs python3 on the PATH to run the reference scorer";
            }
        }
    }

    private static bool FindPython()
    {
        try
        {
            using Process? p = Process.Start(new ProcessStartInfo("python3", "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            p?.WaitForExit();
            return p is { ExitCode: 0 };
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

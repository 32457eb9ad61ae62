namespace TextLens.Core.Models;

/// <summary>
/// Finds the run-time models folder: $TEXTLENS_MODELS, else 'models' beside the tool's assembly
/// (where the package puts it), else the nearest 'models' folder above it (a source checkout).
/// Holds nothing: Features/ModelSet is the one object that loads models.
/// </summary>
public static class ModelStore
{
    /// <summary>A file every models folder has (the background frequencies, Features/BackgroundFrequencies.FileName).</summary>
    private const string MarkerFile = "background-df-wiki.bin";

    public const string EnvironmentVariable = "TEXTLENS_MODELS";

    /// <summary>The folder the tool reads its models from (see the type's summary).</summary>
    public static string Locate(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? fromEnv = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return fromEnv;
        }

        string baseDir = AppContext.BaseDirectory;
        for (DirectoryInfo? dir = new(baseDir); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "models");
            if (File.Exists(Path.Combine(candidate, MarkerFile)))
            {
                return candidate;
            }
        }

        return Path.Combine(baseDir, "models");
    }

    /// <summary><see cref="Locate(Func{string, string?})"/> with the process environment.</summary>
    public static string Locate() => Locate(Environment.GetEnvironmentVariable);
}

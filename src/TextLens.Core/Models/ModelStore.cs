namespace TextLens.Core.Models;

/// <summary>
/// Finds the run-time models folder: $TEXTLENS_MODELS, else 'models' beside the tool's assembly
/// (where the package puts it), else the nearest 'models' folder above it (a source checkout).
/// </summary>
public static class ModelStore
{
    /// <summary>A file every models folder has (the background frequencies, Features/BackgroundFrequencies.FileName).</summary>
    private const string MarkerFile = "background-df-wiki.bin";

    public const string EnvironmentVariable = "TEXTLENS_MODELS";

    private static readonly Lazy<string> Directory = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ModelsDirectory => Directory.Value;

    public static string PathOf(string fileName) => System.IO.Path.Combine(ModelsDirectory, fileName);

    public static Stream Open(string fileName)
    {
        string path = PathOf(fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"TextLens model file '{fileName}' was not found in '{ModelsDirectory}'. Set {EnvironmentVariable} to the folder that holds it.", path);
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    private static string Locate()
    {
        string? fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return fromEnv;
        }

        string baseDir = AppContext.BaseDirectory;
        for (DirectoryInfo? dir = new(baseDir); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "models");
            if (File.Exists(System.IO.Path.Combine(candidate, MarkerFile)))
            {
                return candidate;
            }
        }

        return System.IO.Path.Combine(baseDir, "models");
    }
}

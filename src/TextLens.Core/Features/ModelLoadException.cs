using TextLens.Core.Models;

namespace TextLens.Core.Features;

/// <summary>
/// A run-time model file that is missing, truncated or corrupt. The message names the file and the
/// folder it was looked for in; the CLI prints it without a stack trace and exits with code 2.
/// </summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string fileName, string path, string problem, Exception? inner = null)
        : base($"model file '{fileName}' {problem} ('{path}'). Reinstall the tool, or set {ModelStore.EnvironmentVariable} to a folder that holds the models.", inner)
    {
        FileName = fileName;
        FilePath = path;
    }

    /// <summary>The model's file name, e.g. <c>pos-ewt.bin</c>.</summary>
    public string FileName { get; }

    /// <summary>The full path that was read.</summary>
    public string FilePath { get; }
}

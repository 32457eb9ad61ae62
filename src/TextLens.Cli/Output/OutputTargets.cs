using System.IO.Abstractions;
using TextLens.Cli.Commands;
using TextLens.Core.Text;

namespace TextLens.Cli.Output;

/// <summary>
/// Refuses output paths that would lose data: two outputs (reports or --write-baseline) naming the same file,
/// or an output naming a document given on the command line (it would be overwritten by its own report; documents found in folders that are this run's outputs are left out by OwnFiles). Paths are compared after
/// resolving symbolic links; '-' (standard output) may repeat.
/// </summary>
public static class OutputTargets
{
    public static void Validate(IFileSystem fileSystem, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string option, string path) in Targets(request))
        {
            string full = fileSystem.Path.GetFullPath(path, request.WorkingDirectory);
            if (IsSpecial(fileSystem, full))
            {
                continue;
            }

            string key = Canonical(fileSystem, full);

            if (seen.TryGetValue(key, out string? earlier))
            {
                throw new UsageException($"{earlier} and {option} both name '{path}'; one would overwrite the other. Give each output its own file.");
            }

            seen[key] = option;
        }
    }

    /// <summary>Refuses an output that names a document given on the command line (it would be overwritten by its own report).</summary>
    public static void RefuseInputsAsOutputs(IFileSystem fileSystem, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string option, string path) in Targets(request))
        {
            targets.TryAdd(Canonical(fileSystem, fileSystem.Path.GetFullPath(path, request.WorkingDirectory)), option);
        }

        foreach (string input in request.Inputs.Where(i => i != "-"))
        {
            string full = fileSystem.Path.GetFullPath(input, request.WorkingDirectory);
            if (FileSystemKinds.Of(fileSystem, full, followLinks: true) == FileKind.Regular && targets.TryGetValue(Canonical(fileSystem, full), out string? option))
            {
                throw new UsageException($"{option} '{input}' is also an input document; writing there would overwrite it.");
            }
        }
    }

    private static IEnumerable<(string Option, string Path)> Targets(ReportRequest request)
    {
        for (int i = 0; i < request.Outputs.Count; i++)
        {
            if (request.Outputs[i] != "-")
            {
                yield return ($"--output #{i + 1}", request.Outputs[i]);
            }
        }

        if (request.WriteBaselinePath is { } baseline)
        {
            yield return ("--write-baseline", baseline);
        }
    }

    /// <summary>Devices and pipes (/dev/null, /dev/stdout) may be named by several outputs.</summary>
    private static bool IsSpecial(IFileSystem fileSystem, string full) => FileSystemKinds.Of(fileSystem, full, followLinks: true) == FileKind.Other;

    private static string Canonical(IFileSystem fileSystem, string full)
    {
        try
        {
            return FileSystemKinds.Of(fileSystem, full, followLinks: true) == FileKind.Regular ? fileSystem.File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full : full;
        }
        catch (IOException)
        {
            return full;
        }
    }
}

using TextLens.Cli.Commands;
using TextLens.Cli.Inputs;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Cli.PullRequest;

/// <summary>
/// The tool's own files are never inputs: the files this run writes (--output, --write-baseline), the
/// baseline it reads, and any Markdown report TextLens wrote earlier (recognised by the marker its
/// first line carries), so a second run in the same workspace does not analyse the first run's summary.
/// </summary>
public static class OwnFiles
{
    public static IReadOnlySet<string> Of(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (string? p in request.Outputs.Append(request.BaselinePath).Append(request.WriteBaselinePath))
        {
            if (!string.IsNullOrEmpty(p) && p != "-")
            {
                paths.Add(Path.GetFullPath(p, request.WorkingDirectory));
            }
        }

        return paths;
    }

    public static DiscoveredInputs Exclude(DiscoveredInputs found, IReadOnlySet<string> own)
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(own);
        return own.Count == 0 || !found.Files.Any(f => own.Contains(f.FullPath))
            ? found
            : found with { Files = [.. found.Files.Where(f => !own.Contains(f.FullPath))] };
    }

    /// <summary>True for a Markdown report TextLens wrote (its first line is <see cref="MarkdownReportFormatter.Marker"/>).</summary>
    public static bool IsOwnReport(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Content.AsSpan().TrimStart('\uFEFF').StartsWith(MarkdownReportFormatter.Marker, StringComparison.Ordinal);
    }
}

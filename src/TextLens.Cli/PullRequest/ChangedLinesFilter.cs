using TextLens.Cli.Inputs;
using TextLens.Core.Analysis;

namespace TextLens.Cli.PullRequest;

/// <summary>
/// Pull-request mode keeps the findings a change introduced: those whose lines touch an added or
/// modified line. File-level findings (unreadable, empty, analyzer failed) always stay.
/// </summary>
public static class ChangedLinesFilter
{
    public static DocumentAnalysis Apply(DocumentAnalysis analysis, ChangedLines? lines)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (lines is null || lines.IsWholeFile)
        {
            return analysis;
        }

        Diagnostic[] kept = [.. analysis.Diagnostics.Where(d =>
            d.Location is not { } at || lines.Touches(at.Start.DisplayLine, at.End.DisplayLine))];
        return kept.Length == analysis.Diagnostics.Count ? analysis : analysis.WithDiagnostics(kept);
    }
}

namespace TextLens.Cli.Inputs;

/// <summary>How much of a changed file --changed-since reports on.</summary>
public enum ChangeScope
{
    /// <summary>Findings only on added or modified lines (the default).</summary>
    Lines,

    /// <summary>Every finding in a changed file.</summary>
    File,
}

/// <summary>
/// The lines of one file that were added or modified since the base commit: every line for a new
/// file, the new-side lines of the diff's hunks otherwise (none for a pure rename or a pure deletion
/// of lines). Line numbers are 1-based, as in the report.
/// </summary>
public sealed class ChangedLines
{
    private readonly (int First, int Last)[] _ranges;

    private ChangedLines(bool all, (int First, int Last)[] ranges)
    {
        IsWholeFile = all;
        _ranges = ranges;
    }

    /// <summary>Every line counts as changed (an added or untracked file).</summary>
    public static ChangedLines WholeFile { get; } = new(true, []);

    public static ChangedLines None { get; } = new(false, []);

    public bool IsWholeFile { get; }

    /// <summary>The changed line ranges (inclusive), sorted and merged.</summary>
    public IReadOnlyList<(int First, int Last)> Ranges => _ranges;

    public static ChangedLines FromRanges(IEnumerable<(int First, int Last)> ranges)
    {
        var merged = new List<(int First, int Last)>();
        foreach ((int first, int last) in ranges.Where(r => r.Last >= r.First).OrderBy(r => r.First))
        {
            if (merged.Count > 0 && first <= merged[^1].Last + 1)
            {
                merged[^1] = (merged[^1].First, Math.Max(merged[^1].Last, last));
            }
            else
            {
                merged.Add((first, last));
            }
        }

        return merged.Count == 0 ? None : new ChangedLines(false, [.. merged]);
    }

    /// <summary>True when any line from <paramref name="first"/> to <paramref name="last"/> (inclusive) was added or modified.</summary>
    public bool Touches(int first, int last)
    {
        if (IsWholeFile)
        {
            return true;
        }

        int lo = 0;
        int hi = _ranges.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_ranges[mid].Last < first)
            {
                lo = mid + 1;
            }
            else if (_ranges[mid].First > last)
            {
                hi = mid - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// What changed since a git ref: the ref as given, the merge base it was compared from, and the
/// changed files (full paths, sorted) with their changed lines.
/// </summary>
public sealed record GitChangeSet(string Ref, string MergeBase, IReadOnlyDictionary<string, ChangedLines> Files)
{
    public IReadOnlyList<string> Paths => [.. Files.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The changed lines of a file, or null when the file did not change.</summary>
    public ChangedLines? For(string fullPath) => Files.GetValueOrDefault(Path.GetFullPath(fullPath));
}

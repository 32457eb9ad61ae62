namespace TextLens.Core.Globbing;

/// <summary>Which glob dialect a pattern is written in.</summary>
public enum GlobSyntax
{
    /// <summary>
    /// gitignore (git's wildmatch with WM_PATHNAME): <c>*</c> <c>?</c> <c>[...]</c> never match '/';
    /// <c>**</c> crosses folders only as a whole segment (<c>**/x</c>, <c>x/**</c>, <c>x/**/y</c>), elsewhere it is <c>*</c>;
    /// <c>[!a]</c> and <c>[^a]</c> negate, POSIX classes (<c>[[:alpha:]]</c>); an unclosed <c>[</c> makes the pattern match nothing.
    /// Used for <c>.textlensignore</c>, <c>--include</c> and <c>--exclude</c>.
    /// </summary>
    Gitignore,

    /// <summary>
    /// EditorConfig section names: <c>**</c> crosses folders anywhere, <c>{a,b}</c> alternatives (nested),
    /// <c>{n1..n2}</c> integer ranges, <c>[!a]</c> negation; a bracket or brace that does not close is literal.
    /// </summary>
    EditorConfig,
}

/// <summary>
/// A compiled glob matched by a linear-time automaton simulation (no backtracking): matching costs at
/// most (path length) × (pattern size) steps whatever the pattern, and integer ranges are compared as
/// numbers, never expanded. Patterns longer than <see cref="MaxPatternLength"/> characters or with braces
/// nested deeper than <see cref="MaxBraceDepth"/> are rejected (<see cref="Error"/> says why) and match nothing.
/// Paths use '/' separators and are matched whole (anchor and folder prefixes are the caller's choice,
/// see <c>anyDirectory</c>).
/// </summary>
public sealed class Glob
{
    public const int MaxPatternLength = 1024;
    public const int MaxBraceDepth = 16;

    private readonly GlobProgram _program;

    private Glob(string pattern, GlobProgram program, string? error, IReadOnlyList<string>? tails = null, IReadOnlyList<string>? heads = null, IReadOnlyList<string>? nameHeads = null)
    {
        Pattern = pattern;
        _program = program;
        Error = error;
        Tails = error is null ? tails : [];
        Heads = error is null ? heads : [];
        NameHeads = error is null ? nameHeads : [];
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Why the pattern was rejected (it then matches nothing), or null.</summary>
    public string? Error { get; }

    public bool IsValid => Error is null;

    /// <summary>
    /// Literal strings one of which ends every path the glob matches (empty: it matches nothing), or null when none are
    /// known (see <see cref="GlobAffixes"/>): a pre-filter for callers that hold many globs.
    /// </summary>
    internal IReadOnlyList<string>? Tails { get; }

    /// <summary>As <see cref="Tails"/>, strings one of which begins every path the glob matches.</summary>
    internal IReadOnlyList<string>? Heads { get; }

    /// <summary>
    /// For a glob that may match after any folders and cannot match '/' itself (EditorConfig's <c>[*.md]</c>,
    /// <c>[README*]</c>): strings one of which begins the file name (the path after its last '/') of every path it
    /// matches; else null.
    /// </summary>
    internal IReadOnlyList<string>? NameHeads { get; }

    /// <summary>
    /// Compiles a pattern. With <paramref name="anyDirectory"/>, the pattern may match after any run of
    /// leading folders (as a gitignore pattern without a slash, or an EditorConfig section without one).
    /// Never throws: a rejected pattern has an <see cref="Error"/> and matches nothing.
    /// </summary>
    public static Glob Parse(string pattern, GlobSyntax syntax, bool anyDirectory = false)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length > MaxPatternLength)
        {
            return new Glob(pattern, GlobProgram.Never, $"the pattern is longer than {MaxPatternLength} characters");
        }

        GlobNode node;
        try
        {
            node = new GlobParser(pattern, syntax).Parse();
        }
        catch (GlobLimitException ex)
        {
            return new Glob(pattern, GlobProgram.Never, ex.Message);
        }

        IReadOnlyList<string>? nameHeads = null;
        if (anyDirectory)
        {
            // (.*/)? then a node that cannot match '/': the node matches exactly the part after the last '/'.
            nameHeads = GlobAffixes.CanMatchSlash(node) ? null : GlobAffixes.Of(node, atEnd: false);
            node = new GlobNode.Sequence([GlobNode.AnyFolders, node]);
        }

        return new Glob(pattern, GlobProgram.Compile(node), null, GlobAffixes.Of(node, atEnd: true), GlobAffixes.Of(node, atEnd: false), nameHeads);
    }

    /// <summary>Whether the whole path matches ('/' separators).</summary>
    public bool IsMatch(ReadOnlySpan<char> path) => _program.IsMatch(path);

    public override string ToString() => Pattern;
}

/// <summary>A limit on patterns was exceeded while parsing.</summary>
internal sealed class GlobLimitException(string message) : Exception(message);

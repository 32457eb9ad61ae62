using TextLens.Core.Globbing;
using TextLens.Core.Text;

namespace TextLens.Cli.Inputs;

/// <summary>
/// One pattern of a <c>.textlensignore</c> file, with gitignore semantics: <c>#</c> comments, <c>!</c>
/// negation, a trailing <c>/</c> matches directories only, a pattern with a <c>/</c> at the start or in
/// the middle is anchored to the ignore file's folder (otherwise it matches a name at any depth),
/// <c>*</c> <c>?</c> <c>[a-z]</c> within one path segment, and <c>**</c> across segments, matched by the
/// bounded <see cref="Glob"/> engine (no backtracking).
/// </summary>
public sealed class IgnorePattern
{
    private readonly Glob _glob;

    private IgnorePattern(Glob glob, bool negated, bool directoryOnly, string text)
    {
        _glob = glob;
        Negated = negated;
        DirectoryOnly = directoryOnly;
        Text = text;
    }

    public bool Negated { get; }

    public bool DirectoryOnly { get; }

    public string Text { get; }

    /// <summary>Parses one line; null for blank lines and comments.</summary>
    public static IgnorePattern? Parse(string line)
    {
        string text = line.TrimEnd('\r', '\n');
        string trimmed = TrimTrailingSpaces(text);
        if (trimmed.Length == 0 || trimmed[0] == '#')
        {
            return null;
        }

        bool negated = false;
        string p = trimmed;
        if (p[0] == '!')
        {
            negated = true;
            p = p[1..];
        }
        else if (p.StartsWith("\\#", StringComparison.Ordinal) || p.StartsWith("\\!", StringComparison.Ordinal))
        {
            p = p[1..];
        }

        bool directoryOnly = p.EndsWith('/');
        p = p.TrimEnd('/');
        if (p.Length == 0)
        {
            return null;
        }

        bool anchored = p.Contains('/');
        p = p.TrimStart('/');
        return new IgnorePattern(Glob.Parse(p, GlobSyntax.Gitignore, anyDirectory: !anchored), negated, directoryOnly, trimmed);
    }

    /// <summary>Whether the pattern matches a path relative to the ignore file's folder ('/' separators).</summary>
    public bool Matches(string relativePath, bool isDirectory) => (isDirectory || !DirectoryOnly) && _glob.IsMatch(relativePath);

    private static string TrimTrailingSpaces(string s)
    {
        int end = s.Length;
        while (end > 0 && s[end - 1] == ' ' && !(end > 1 && s[end - 2] == '\\'))
        {
            end--;
        }

        return s[..end];
    }
}

/// <summary>The patterns of one ignore file and the folder they are relative to.</summary>
public sealed record IgnoreFile(string Directory, IReadOnlyList<IgnorePattern> Patterns)
{
    public static IgnoreFile Parse(string directory, string content) =>
        new(directory, [.. content.Split('\n').Select(IgnorePattern.Parse).OfType<IgnorePattern>()]);
}

/// <summary>
/// <c>.textlensignore</c> files, found like <c>.gitignore</c> files: in the file's folder and every
/// parent folder up to the repository root (the first folder holding <c>.git</c>; the file-system root
/// outside a repository). Deeper files take precedence; within a file the last matching pattern wins;
/// a file inside an ignored folder is ignored (as in git, it cannot be re-included).
/// </summary>
public sealed class IgnoreFiles
{
    public const string FileName = ".textlensignore";

    private readonly Dictionary<string, IReadOnlyList<IgnoreFile>> _chains = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _unusable = new(StringComparer.Ordinal);
    private readonly InputFiles _files;

    /// <param name="files">Where the ignore files are read (the CLI context's file system); the real disk by default.</param>
    public IgnoreFiles(InputFiles? files = null) => _files = files ?? InputFiles.Real;

    /// <summary>
    /// The ignore files looked at so far that could not be used as written (too large, not a regular file, unreadable,
    /// binary; or not valid UTF-8, read anyway), by path: each is (the file's path, what is wrong).
    /// </summary>
    public IReadOnlyList<(string Path, string Problem)> Problems => [.. _unusable.Select(p => (p.Key, p.Value))];

    public bool IsIgnored(string fullPath)
    {
        string full = Path.GetFullPath(fullPath);
        string? directory = Path.GetDirectoryName(full);
        if (directory is null)
        {
            return false;
        }

        IReadOnlyList<IgnoreFile> chain = Chain(directory);
        if (chain.Count == 0)
        {
            return false;
        }

        string top = chain[0].Directory;
        string[] segments = Path.GetRelativePath(top, full).Replace('\\', '/').Split('/');
        string prefix = top;
        for (int k = 0; k < segments.Length; k++)
        {
            prefix = Path.Combine(prefix, segments[k]);
            bool isDirectory = k < segments.Length - 1;
            bool ignored = false;
            foreach (IgnoreFile file in chain)
            {
                string rel = Path.GetRelativePath(file.Directory, prefix).Replace('\\', '/');
                if (rel.StartsWith("..", StringComparison.Ordinal) || rel == ".")
                {
                    continue;
                }

                foreach (IgnorePattern pattern in file.Patterns)
                {
                    if (pattern.Matches(rel, isDirectory))
                    {
                        ignored = !pattern.Negated;
                    }
                }
            }

            if (ignored)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ignore files that apply in a folder, outermost first.</summary>
    private IReadOnlyList<IgnoreFile> Chain(string directory)
    {
        if (_chains.TryGetValue(directory, out IReadOnlyList<IgnoreFile>? cached))
        {
            return cached;
        }

        bool isRoot = _files.DirectoryExists(Path.Combine(directory, ".git")) || _files.FileExists(Path.Combine(directory, ".git"));
        string? parent = Path.GetDirectoryName(directory);
        var chain = new List<IgnoreFile>(isRoot || parent is null ? [] : Chain(parent));
        string path = Path.Combine(directory, FileName);
        ConfigurationRead read = _files.ReadConfiguration(path);
        if (read.Problem is { } problem)
        {
            _unusable[path] = problem;
        }

        if (read.Text is { } content)
        {
            chain.Add(IgnoreFile.Parse(directory, content));
        }

        _chains[directory] = chain;
        return chain;
    }
}

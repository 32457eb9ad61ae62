using TextLens.Core.Analysis;
using TextLens.Core.Globbing;
using TextLens.Core.Text;

namespace TextLens.Cli.Inputs;

/// <summary>One input to analyse: a file path (or '-' for standard input) and the path shown in reports.</summary>
public sealed record InputFile(string FullPath, string DisplayPath)
{
    public bool IsStandardInput => FullPath == "-";
}

/// <summary>What the arguments resolved to: files to analyse, and diagnostics for arguments that matched nothing.</summary>
public sealed record DiscoveredInputs(IReadOnlyList<InputFile> Files, IReadOnlyList<Diagnostic> Problems);

/// <summary>
/// Expands command-line inputs: '-' is standard input; a file is taken as given; a directory is
/// searched recursively for the included patterns (default *.txt, *.md, *.markdown), skipping
/// hidden folders; anything with * ? or [ is a glob. --exclude globs and .textlensignore files apply to all of them.
/// Scanning never opens FIFOs, sockets or devices and does not follow symbolic links (with
/// <c>followSymlinks</c> it follows them, visiting each real folder once, so link loops end); a folder that
/// cannot be read becomes a TL0001 diagnostic. All globs use the one bounded <see cref="Glob"/> engine.
/// With --changed-since, <see cref="DiscoverChanged"/> filters git's list of changed files by the same rules
/// instead of searching the tree.
/// Display paths are relative to the working directory when inside it, with '/' separators.
/// </summary>
public sealed class InputDiscovery
{
    public static readonly IReadOnlyList<string> DefaultIncludes = ["**/*.txt", "**/*.md", "**/*.markdown"];

    private readonly string _workingDirectory;
    private readonly IReadOnlyList<Glob> _includes;
    private readonly IReadOnlyList<Glob> _excludes;
    private readonly IgnoreFiles? _ignoreFiles;
    private readonly bool _followSymlinks;
    private readonly InputFiles _files;

    /// <param name="files">The file system searched (the CLI context's); the real disk by default.</param>
    public InputDiscovery(string workingDirectory, IReadOnlyList<string>? includes, IReadOnlyList<string>? excludes, IgnoreFiles? ignoreFiles = null, bool followSymlinks = false, InputFiles? files = null)
    {
        _files = files ?? InputFiles.Real;
        _ignoreFiles = ignoreFiles;
        _followSymlinks = followSymlinks;
        _workingDirectory = Path.GetFullPath(workingDirectory);
        _includes = [.. (includes is { Count: > 0 } ? includes : DefaultIncludes).Select(g => Compile(g, "--include", anyDirectory: !g.Replace('\\', '/').Contains('/')))];
        _excludes = [.. (excludes ?? []).Select(g => Compile(g, "--exclude", anyDirectory: true))];
    }

    public DiscoveredInputs Discover(IEnumerable<string> arguments)
    {
        var files = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        var problems = new List<Diagnostic>();
        foreach (string arg in arguments)
        {
            if (arg == "-")
            {
                files["-"] = new InputFile("-", "-");
                continue;
            }

            string full = Path.GetFullPath(arg, _workingDirectory);
            if (_files.FileExists(full))
            {
                if (!IsExcluded(full))
                {
                    Add(files, full);
                }

                continue;
            }

            int before = files.Count;
            if (_files.DirectoryExists(full))
            {
                foreach (string f in Search(full, _includes, problems))
                {
                    Add(files, f);
                }

                if (files.Count == before)
                {
                    problems.Add(Diagnostic.ForFile(InputRules.NoInputs, Display(full), Display(full)));
                }
            }
            else if (arg.AsSpan().IndexOfAny("*?[") >= 0)
            {
                (string root, string pattern) = SplitGlob(arg);
                foreach (string f in _files.DirectoryExists(root) ? Search(root, [Compile(pattern, "the input glob", anyDirectory: false)], problems) : [])
                {
                    Add(files, f);
                }

                if (files.Count == before)
                {
                    problems.Add(Diagnostic.ForFile(InputRules.NoInputs, arg, arg));
                }
            }
            else
            {
                problems.Add(Diagnostic.ForFile(InputRules.Unreadable, Display(full), Display(full), MissingReason(full)));
            }
        }

        return new DiscoveredInputs([.. files.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal)], problems);
    }

    /// <summary>
    /// The changed files (full paths, e.g. from <see cref="GitChanges"/>) that lie within the arguments
    /// (folders, files or globs; none means the working directory) and pass the include, exclude and
    /// ignore rules. Nothing else is read. Standard input is not allowed here.
    /// </summary>
    public DiscoveredInputs DiscoverChanged(IEnumerable<string> changedFiles, IReadOnlyList<string> arguments)
    {
        IReadOnlyList<string> scopes = arguments.Count > 0 ? arguments : ["."];
        if (scopes.Contains("-"))
        {
            throw new UsageException("--changed-since cannot be combined with '-' (standard input).");
        }

        var files = new Dictionary<string, InputFile>(StringComparer.Ordinal);
        var problems = new List<Diagnostic>();
        foreach (string arg in scopes.Where(a => a.AsSpan().IndexOfAny("*?[") < 0))
        {
            string full = Path.GetFullPath(arg, _workingDirectory);
            if (!_files.FileExists(full) && !_files.DirectoryExists(full))
            {
                problems.Add(Diagnostic.ForFile(InputRules.Unreadable, Display(full), Display(full), MissingReason(full)));
            }
        }

        foreach (string changed in changedFiles)
        {
            string full = Path.GetFullPath(changed);
            if (_files.KindOf(full) != FileKind.Regular)
            {
                // git records a symbolic link, not the content it points to, which may lie outside the
                // repository: it is never read. FIFOs and devices are never opened either.
                continue;
            }

            foreach (string arg in scopes)
            {
                if (InScope(full, arg) && !IsExcluded(full))
                {
                    Add(files, full);
                    break;
                }
            }
        }

        return new DiscoveredInputs([.. files.Values.OrderBy(f => f.DisplayPath, StringComparer.Ordinal)], problems);
    }

    private bool InScope(string full, string arg)
    {
        string target = Path.GetFullPath(arg, _workingDirectory);
        if (string.Equals(Path.TrimEndingDirectorySeparator(target), full, StringComparison.Ordinal))
        {
            return true;
        }

        string root = target;
        IReadOnlyList<Glob> patterns = _includes;
        if (arg.AsSpan().IndexOfAny("*?[") >= 0 && !_files.DirectoryExists(target))
        {
            (root, string pattern) = SplitGlob(arg);
            patterns = [Compile(pattern, "the input glob", anyDirectory: false)];
        }

        string rel = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (rel.StartsWith("../", StringComparison.Ordinal) || rel == ".." || Path.IsPathRooted(rel) ||
            rel.Split('/').SkipLast(1).Any(segment => segment.StartsWith('.') || segment is "bin" or "obj" or "node_modules"))
        {
            return false;
        }

        return patterns.Any(p => p.IsMatch(rel));
    }

    private void Add(Dictionary<string, InputFile> files, string full) => files.TryAdd(full, new InputFile(full, Display(full)));

    /// <summary>
    /// Regular files under a folder whose path relative to it matches a pattern, found by a walk that skips
    /// hidden, bin, obj and node_modules folders, never opens anything but regular files, and follows symbolic
    /// links only when asked (each real folder once). Unreadable folders are added to <paramref name="problems"/>.
    /// </summary>
    private List<string> Search(string root, IReadOnlyList<Glob> patterns, List<Diagnostic> problems)
    {
        var found = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(root);
        if (_followSymlinks)
        {
            visited.Add(RealPath(root));
        }

        while (pending.Count > 0)
        {
            string directory = pending.Pop();
            string[] entries;
            try
            {
                entries = _files.Entries(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add(Diagnostic.ForFile(InputRules.Unreadable, Display(directory), Display(directory), ex.Message));
                continue;
            }

            Array.Sort(entries, StringComparer.Ordinal);
            for (int e = entries.Length - 1; e >= 0; e--)
            {
                string entry = entries[e];
                FileKind kind = _files.KindOf(entry);
                if (kind == FileKind.SymbolicLink)
                {
                    if (!_followSymlinks)
                    {
                        continue;
                    }

                    kind = _files.KindOf(entry, followLinks: true);
                    if (kind == FileKind.Directory && !visited.Add(RealPath(entry)))
                    {
                        continue;
                    }
                }

                string name = Path.GetFileName(entry);
                if (kind == FileKind.Directory)
                {
                    if (!name.StartsWith('.') && name is not ("bin" or "obj" or "node_modules"))
                    {
                        if (_followSymlinks)
                        {
                            visited.Add(RealPath(entry));
                        }

                        pending.Push(entry);
                    }

                    continue;
                }

                string rel = Path.GetRelativePath(root, entry).Replace('\\', '/');
                if (kind == FileKind.Missing && name.Contains('\uFFFD') && patterns.Any(p => p.IsMatch(rel)) && !IsExcluded(entry))
                {
                    // A name that is not valid UTF-8 comes back with U+FFFD and cannot be opened again: say so, never drop it silently.
                    problems.Add(Diagnostic.ForFile(InputRules.Unreadable, Display(entry), Display(entry), MissingReason(entry)));
                    continue;
                }

                if (kind != FileKind.Regular)
                {
                    continue;
                }

                if (patterns.Any(p => p.IsMatch(rel)) && !IsExcluded(entry))
                {
                    found.Add(Path.GetFullPath(entry));
                }
            }
        }

        return found;
    }

    /// <summary>Why a path that was named or listed cannot be found (issue 13, B19: .NET decodes a file name that is not UTF-8 with U+FFFD, and cannot open it).</summary>
    private static string MissingReason(string path) =>
        path.Contains('\uFFFD') ? "its name is not valid UTF-8, so it cannot be opened; rename it" : "no such file or directory";

    /// <summary>The path with every symbolic link resolved (loops and dangling links resolve to the link itself).</summary>
    private string RealPath(string path)
    {
        string full = Path.GetFullPath(path);
        string current = Path.GetPathRoot(full) ?? "/";
        foreach (string segment in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            try
            {
                if (_files.LinkTarget(current) is { } target)
                {
                    current = Path.GetFullPath(target);
                }
            }
            catch (IOException)
            {
                return full;
            }
        }

        return current;
    }

    private bool IsExcluded(string full)
    {
        if (_ignoreFiles?.IsIgnored(full) == true)
        {
            return true;
        }

        // A pattern may match the path relative to the working directory or any trailing part of it,
        // so 'drafts/**' excludes docs/drafts/a.md as it would in a .gitignore.
        string rel = Path.GetRelativePath(_workingDirectory, full).Replace('\\', '/');
        return _excludes.Any(x => x.IsMatch(rel));
    }

    /// <summary>A gitignore-syntax glob from the command line; <paramref name="anyDirectory"/> lets it match below any folder.</summary>
    private static Glob Compile(string pattern, string option, bool anyDirectory)
    {
        string g = pattern.Replace('\\', '/');
        Glob glob = Glob.Parse(g.TrimStart('/'), GlobSyntax.Gitignore, anyDirectory);
        return glob.Error is { } error ? throw new UsageException($"{option} '{pattern}': {error}.") : glob;
    }

    private string Display(string full)
    {
        string rel = Path.GetRelativePath(_workingDirectory, full);
        bool inside = !rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel);
        return (inside ? rel : full).Replace('\\', '/');
    }

    private (string Root, string Pattern) SplitGlob(string arg)
    {
        string normalized = arg.Replace('\\', '/');
        string[] parts = normalized.Split('/');
        int firstGlob = Array.FindIndex(parts, p => p.AsSpan().IndexOfAny("*?[") >= 0);
        string root = string.Join('/', parts.Take(firstGlob));
        string pattern = string.Join('/', parts.Skip(firstGlob));
        return (Path.GetFullPath(root.Length == 0 ? "." : root, _workingDirectory), pattern);
    }

}

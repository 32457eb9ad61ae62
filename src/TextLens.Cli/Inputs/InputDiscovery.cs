using Microsoft.Extensions.FileSystemGlobbing;
using TextLens.Core.Analysis;

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
/// With --changed-since, <see cref="DiscoverChanged"/> filters git's list of changed files by the same rules
/// instead of searching the tree.
/// Display paths are relative to the working directory when inside it, with '/' separators.
/// </summary>
public sealed class InputDiscovery
{
    public static readonly IReadOnlyList<string> DefaultIncludes = ["**/*.txt", "**/*.md", "**/*.markdown"];

    private readonly string _workingDirectory;
    private readonly IReadOnlyList<string> _includes;
    private readonly Matcher _excludes;
    private readonly bool _hasExcludes;
    private readonly IgnoreFiles? _ignoreFiles;

    public InputDiscovery(string workingDirectory, IReadOnlyList<string>? includes, IReadOnlyList<string>? excludes, IgnoreFiles? ignoreFiles = null)
    {
        _ignoreFiles = ignoreFiles;
        _workingDirectory = Path.GetFullPath(workingDirectory);
        _includes = includes is { Count: > 0 } ? [.. includes.Select(Normalize)] : DefaultIncludes;
        _excludes = new Matcher(StringComparison.Ordinal);
        foreach (string e in excludes ?? [])
        {
            _excludes.AddInclude(Normalize(e));
            _hasExcludes = true;
        }
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
            if (File.Exists(full))
            {
                if (!IsExcluded(full))
                {
                    Add(files, full);
                }

                continue;
            }

            int before = files.Count;
            if (Directory.Exists(full))
            {
                foreach (string f in Search(full, _includes))
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
                foreach (string f in Directory.Exists(root) ? Search(root, [pattern]) : [])
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
                problems.Add(Diagnostic.ForFile(InputRules.Unreadable, Display(full), Display(full), "no such file or directory"));
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
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                problems.Add(Diagnostic.ForFile(InputRules.Unreadable, Display(full), Display(full), "no such file or directory"));
            }
        }

        foreach (string changed in changedFiles)
        {
            string full = Path.GetFullPath(changed);
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
        IReadOnlyList<string> patterns = _includes;
        if (arg.AsSpan().IndexOfAny("*?[") >= 0 && !Directory.Exists(target))
        {
            (root, string pattern) = SplitGlob(arg);
            patterns = [pattern];
        }

        string rel = Path.GetRelativePath(root, full).Replace('\\', '/');
        if (rel.StartsWith("../", StringComparison.Ordinal) || rel == ".." || Path.IsPathRooted(rel) ||
            rel.Split('/').SkipLast(1).Any(segment => segment.StartsWith('.') || segment is "bin" or "obj" or "node_modules"))
        {
            return false;
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (string p in patterns)
        {
            matcher.AddInclude(p);
        }

        return matcher.Match(rel).HasMatches;
    }

    private void Add(Dictionary<string, InputFile> files, string full) => files.TryAdd(full, new InputFile(full, Display(full)));

    private IEnumerable<string> Search(string root, IReadOnlyList<string> patterns)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (string p in patterns)
        {
            matcher.AddInclude(p);
        }

        foreach (string file in matcher.GetResultsInFullPath(root))
        {
            string rel = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (rel.Split('/').SkipLast(1).Any(segment => segment.StartsWith('.') || segment is "bin" or "obj" or "node_modules"))
            {
                continue;
            }

            if (!IsExcluded(file))
            {
                yield return Path.GetFullPath(file);
            }
        }
    }

    private bool IsExcluded(string full)
    {
        if (_ignoreFiles?.IsIgnored(full) == true)
        {
            return true;
        }

        if (!_hasExcludes)
        {
            return false;
        }

        // A pattern may match the path relative to the working directory or any trailing part of it,
        // so 'drafts/**' excludes docs/drafts/a.md as it would in a .gitignore.
        string rel = Path.GetRelativePath(_workingDirectory, full).Replace('\\', '/');
        for (int i = 0; i >= 0 && i < rel.Length; i = rel.IndexOf('/', i) is var slash and >= 0 ? slash + 1 : -1)
        {
            if (_excludes.Match(rel[i..]).HasMatches)
            {
                return true;
            }
        }

        return false;
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

    private static string Normalize(string glob)
    {
        string g = glob.Replace('\\', '/');
        return g.Contains('/') || g.StartsWith("**", StringComparison.Ordinal) ? g : "**/" + g;
    }
}

using System.Collections.Concurrent;
using TextLens.Core.Text;

namespace TextLens.Core.Analysis.Configuration;

/// <summary>
/// Severities from, in order of precedence: the command line (--severity TL1234=warning), then the
/// nearest .editorconfig files found by walking up from each document's folder until one says
/// 'root = true' (keys 'textlens_diagnostic.TL1234.severity' and
/// 'textlens_diagnostic.category-Stance.severity'), then the rule's default.
/// </summary>
public sealed class SeverityConfiguration : ISeverityConfiguration
{
    public const string KeyPrefix = "textlens_diagnostic.";

    /// <summary>The .NET compilers' prefix: never read, but a TextLens rule id or category under it is named as a problem.</summary>
    private const string CompilerPrefix = "dotnet_diagnostic.";

    private readonly IReadOnlyDictionary<string, Severity> _overrides;
    private readonly bool _useEditorConfig;
    private readonly ConcurrentDictionary<string, EditorConfigFile?> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _properties = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, string> _unusable = new(StringComparer.Ordinal);

    private readonly Func<string, ConfigurationRead> _readConfiguration;
    private readonly string? _baseDirectory;

    /// <param name="overrides">--severity: by rule id or <c>category-Name</c>.</param>
    /// <param name="useEditorConfig">Whether .editorconfig files apply.</param>
    /// <param name="readConfiguration">Reads one .editorconfig (its text, or what is wrong with it); the real disk's bounded reader by default.</param>
    /// <param name="baseDirectory">The folder relative document paths are in; the process's current folder by default.</param>
    public SeverityConfiguration(IReadOnlyDictionary<string, Severity>? overrides = null, bool useEditorConfig = true, Func<string, ConfigurationRead>? readConfiguration = null, string? baseDirectory = null)
    {
        _overrides = new Dictionary<string, Severity>(overrides ?? new Dictionary<string, Severity>(), StringComparer.OrdinalIgnoreCase);
        _useEditorConfig = useEditorConfig;
        _readConfiguration = readConfiguration ?? ConfigurationFiles.Read;
        _baseDirectory = baseDirectory;
    }

    public Severity GetSeverity(RuleDescriptor rule, string documentPath)
    {
        if (_overrides.TryGetValue(rule.Id, out Severity fromCli) || _overrides.TryGetValue("category-" + rule.Category, out fromCli))
        {
            return fromCli;
        }

        if (_useEditorConfig && documentPath != "-" && !string.IsNullOrEmpty(documentPath))
        {
            IReadOnlyDictionary<string, string> props = PropertiesFor(_baseDirectory is null ? Path.GetFullPath(documentPath) : Path.GetFullPath(documentPath, _baseDirectory));
            if ((props.TryGetValue(KeyPrefix + rule.Id.ToLowerInvariant() + ".severity", out string? value)
                    || props.TryGetValue(KeyPrefix + "category-" + rule.Category.ToLowerInvariant() + ".severity", out value))
                && Severities.TryParse(value, out Severity fromFile))
            {
                return fromFile;
            }
        }

        return rule.DefaultSeverity;
    }

    /// <summary>The EditorConfig properties of one file; files nearer the document win.</summary>
    public IReadOnlyDictionary<string, string> PropertiesFor(string fullPath) => _properties.GetOrAdd(fullPath, path =>
    {
        var chain = new List<EditorConfigFile>();
        for (DirectoryInfo? dir = new FileInfo(path).Directory; dir is not null; dir = dir.Parent)
        {
            EditorConfigFile? file = _files.GetOrAdd(dir.FullName, Read);
            if (file is null)
            {
                continue;
            }

            chain.Add(file);
            if (file.IsRoot)
            {
                break;
            }
        }

        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = chain.Count - 1; i >= 0; i--)
        {
            chain[i].Apply(path, props);
        }

        return props;
    });

    /// <summary>
    /// What in the .editorconfig files looked at so far will not apply as written: a file that could not be used (too
    /// large, not a regular file, unreadable, binary; or not valid UTF-8, read anyway), then the entries that will
    /// never apply, each with its line: TextLens keys before the first section, unknown rule ids or categories, unknown
    /// severities, other keys under <c>textlens_diagnostic.</c> (a misspelt <c>.severity</c>), a TextLens rule id or
    /// category, or an id of TextLens's form (TL and four digits) that no rule has, under the compilers'
    /// <c>dotnet_diagnostic.</c>, a TextLens key on a line with no '=', a broken section header that TextLens keys
    /// follow, sections whose glob was rejected. Each is (the file's path, what is wrong).
    /// </summary>
    public IReadOnlyList<(string Path, string Problem)> Problems(IReadOnlyList<RuleDescriptor> rules)
    {
        var ids = new HashSet<string>(rules.Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
        var categories = new HashSet<string>(rules.Select(r => "category-" + r.Category), StringComparer.OrdinalIgnoreCase);
        var problems = new List<(string, string)>(_unusable.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
        foreach (EditorConfigFile file in _files.Values.OfType<EditorConfigFile>().OrderBy(f => f.Directory, StringComparer.Ordinal))
        {
            string path = Path.Combine(file.Directory, ".editorconfig");
            var found = new List<(int Line, string Problem)>();
            foreach ((string key, int line) in file.Preamble)
            {
                // EditorConfig reads only 'root' before the first section: a severity there, meant for every file, is for none.
                if (key.StartsWith(KeyPrefix, StringComparison.Ordinal))
                {
                    found.Add((line, $"{Shown(key)}: before any [section], so it applies to no file (put it under [*] for every file)"));
                }
            }

            foreach (EditorConfigFile.Section section in file.Sections)
            {
                if (section.Matcher.Error is { } error)
                {
                    found.Add((section.Line, $"section [{Shown(section.Pattern)}] is ignored: {error}"));
                }

                foreach ((string key, string value) in section.Properties)
                {
                    if (EntryProblem(key, value, ids, categories) is { } problem)
                    {
                        found.Add((section.Lines[key], $"[{Shown(section.Pattern)}] {problem}"));
                    }
                }
            }

            // Where TextLens keys and section headers stand, sorted, so that each broken header asks in logarithmic time
            // whether a TextLens key comes before the next header (a file of 100,000 broken headers is not quadratic).
            int[] headers = [.. file.Sections.Select(s => s.Line)];
            int[] textLensKeys = [.. file.Preamble.Where(p => p.Key.StartsWith(KeyPrefix, StringComparison.Ordinal)).Select(p => p.Line)
                .Concat(file.Sections.SelectMany(s => s.Lines.Where(l => l.Key.StartsWith(KeyPrefix, StringComparison.Ordinal)).Select(l => l.Value)))];
            Array.Sort(textLensKeys);
            foreach (EditorConfigFile.UnreadLine unread in file.Unread)
            {
                if (UnreadProblem(unread, headers, textLensKeys, ids, categories) is { } problem)
                {
                    found.Add((unread.Line, unread.Section is { } section ? $"[{Shown(section.Pattern)}] {problem}" : problem));
                }
            }

            problems.AddRange(found.OrderBy(f => f.Line).Select(f => (path, $"line {f.Line}, {f.Problem}")));
        }

        return problems;
    }

    /// <summary>What is wrong with one key = value of a section that TextLens should read, or null (also for other tools' keys).</summary>
    private static string? EntryProblem(string key, string value, HashSet<string> ids, HashSet<string> categories)
    {
        if (CompilerId(key) is { } compilerId)
        {
            if (ids.Contains(compilerId) || categories.Contains(compilerId))
            {
                // The Roslyn habit: a TextLens rule under the compilers' prefix configures nothing.
                return $"{Shown(key)}: TextLens does not read dotnet_diagnostic keys (the .NET compilers do); write {KeyPrefix}{compilerId}.severity";
            }

            if (RuleDescriptor.IsWellFormedId(compilerId))
            {
                // TextLens's id form, but no rule of TextLens's: a misspelt id under the wrong prefix (as TL0011 names one in a directive).
                return $"{Shown(key)}: TextLens does not read dotnet_diagnostic keys (the .NET compilers do), and no TextLens rule is {compilerId.ToUpperInvariant()} ('textlens rules' lists them)";
            }

            return null;
        }

        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        // "textlens_diagnostic.severity" shares its dot between the prefix and the suffix: no id between them (it
        // was cut as a negative length, and the run ended in an internal error).
        if (!key.EndsWith(".severity", StringComparison.Ordinal) || key.Length <= KeyPrefix.Length + ".severity".Length)
        {
            return $"{Shown(key)}: not a TextLens setting (use {KeyPrefix}<rule id or category-Name>.severity)";
        }

        string id = key[KeyPrefix.Length..^".severity".Length];
        if (!ids.Contains(id) && !categories.Contains(id))
        {
            return $"{Shown(key)}: unknown rule id or category '{Shown(id)}'";
        }

        return Severities.TryParse(value, out _) ? null : $"{Shown(key)}: unknown severity '{Shown(value)}' (use none, suggestion, warning or error)";
    }

    /// <summary>
    /// Why a line EditorConfig does not read matters to TextLens, or null: a TextLens key (or a TextLens id under the
    /// compilers' prefix) with no '=' after it, or a broken section header that TextLens keys follow (they stay in
    /// the section before it). Other tools' lines are theirs.
    /// </summary>
    /// <param name="headers">The lines of the file's section headers, in order.</param>
    /// <param name="textLensKeys">The lines of the file's TextLens keys (as read: the last of a key repeated in a section), in order.</param>
    private static string? UnreadProblem(EditorConfigFile.UnreadLine unread, int[] headers, int[] textLensKeys, HashSet<string> ids, HashSet<string> categories)
    {
        if (unread.BrokenHeader)
        {
            int nextHeader = After(headers, unread.Line);
            bool textLensFollows = After(textLensKeys, unread.Line) < nextHeader;
            return textLensFollows
                ? $"'{Shown(unread.Text)}': not a section header (it does not end in ']'), so the TextLens entries after it {(unread.Section is { } s ? $"stay in [{Shown(s.Pattern)}]" : "apply to no file")}"
                : null;
        }

        string[] parts = unread.Text.Split([' ', '\t', ':'], 2);
        string word = parts[0].ToLowerInvariant();
        string? key = word.StartsWith(KeyPrefix, StringComparison.Ordinal) ? word
            : CompilerId(word) is { } compilerId && (ids.Contains(compilerId) || categories.Contains(compilerId) || RuleDescriptor.IsWellFormedId(compilerId)) ? KeyPrefix + compilerId + ".severity"
            : null;
        if (key is null)
        {
            return null;
        }

        string rest = parts.Length > 1 ? parts[1].Trim(' ', '\t', ':') : string.Empty;
        string severity = Severities.TryParse(rest, out _) ? rest.ToLowerInvariant() : "<severity>";
        return $"'{Shown(unread.Text)}': not key = value (no '=' after the key), so it configures nothing; write {Shown(key)} = {severity}";
    }

    /// <summary>The first of the sorted <paramref name="lines"/> after <paramref name="line"/>, or <see cref="int.MaxValue"/>.</summary>
    private static int After(int[] lines, int line)
    {
        int i = Array.BinarySearch(lines, line + 1);
        i = i < 0 ? ~i : i;
        return i < lines.Length ? lines[i] : int.MaxValue;
    }

    /// <summary>The id or category of a key <c>dotnet_diagnostic.&lt;id&gt;.severity</c>, or null.</summary>
    private static string? CompilerId(string key) =>
        key.StartsWith(CompilerPrefix, StringComparison.Ordinal) && key.EndsWith(".severity", StringComparison.Ordinal)
            && key.Length > CompilerPrefix.Length + ".severity".Length
            ? key[CompilerPrefix.Length..^".severity".Length]
            : null;

    /// <summary>Text from the file as a message shows it: at most 100 characters (a 1 MiB line is not repeated whole).</summary>
    private static string Shown(string text) =>
        text.Length <= 100 ? text : string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[98]) ? 98 : 99), "…");

    private EditorConfigFile? Read(string directory)
    {
        string path = Path.Combine(directory, ".editorconfig");
        ConfigurationRead read = _readConfiguration(path);
        if (read.Problem is { } problem)
        {
            _unusable[path] = problem;
        }

        return read.Text is { } text ? EditorConfigFile.Parse(text, directory) : null;
    }
}

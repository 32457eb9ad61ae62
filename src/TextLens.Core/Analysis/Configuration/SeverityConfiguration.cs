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
    /// never apply: TextLens keys before the first section, unknown rule ids or categories, unknown severities, other keys under <c>textlens_diagnostic.</c> (a
    /// misspelt <c>.severity</c>), a TextLens rule id or category under the compilers' <c>dotnet_diagnostic.</c>, sections
    /// whose glob was rejected. Each is (the file's path, what is wrong).
    /// </summary>
    public IReadOnlyList<(string Path, string Problem)> Problems(IReadOnlyList<RuleDescriptor> rules)
    {
        var ids = new HashSet<string>(rules.Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
        var categories = new HashSet<string>(rules.Select(r => "category-" + r.Category), StringComparer.OrdinalIgnoreCase);
        var problems = new List<(string, string)>(_unusable.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
        foreach (EditorConfigFile file in _files.Values.OfType<EditorConfigFile>().OrderBy(f => f.Directory, StringComparer.Ordinal))
        {
            string path = Path.Combine(file.Directory, ".editorconfig");
            foreach (string key in file.Preamble)
            {
                // EditorConfig reads only 'root' before the first section: a severity there, meant for every file, is for none.
                if (key.StartsWith(KeyPrefix, StringComparison.Ordinal))
                {
                    problems.Add((path, $"{key}: before any [section], so it applies to no file (put it under [*] for every file)"));
                }
            }

            foreach (EditorConfigFile.Section section in file.Sections)
            {
                if (section.Matcher.Error is { } error)
                {
                    problems.Add((path, $"section [{section.Pattern}] is ignored: {error}"));
                }

                foreach ((string key, string value) in section.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (key.StartsWith(CompilerPrefix, StringComparison.Ordinal) && key.EndsWith(".severity", StringComparison.Ordinal)
                        && key.Length > CompilerPrefix.Length + ".severity".Length
                        && key[CompilerPrefix.Length..^".severity".Length] is var compilerId && (ids.Contains(compilerId) || categories.Contains(compilerId)))
                    {
                        // The Roslyn habit: a TextLens rule under the compilers' prefix configures nothing.
                        problems.Add((path, $"[{section.Pattern}] {key}: TextLens does not read dotnet_diagnostic keys (the .NET compilers do); write {KeyPrefix}{compilerId}.severity"));
                        continue;
                    }

                    if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // "textlens_diagnostic.severity" shares its dot between the prefix and the suffix: no id between them (it
                    // was cut as a negative length, and the run ended in an internal error).
                    if (!key.EndsWith(".severity", StringComparison.Ordinal) || key.Length <= KeyPrefix.Length + ".severity".Length)
                    {
                        problems.Add((path, $"[{section.Pattern}] {key}: not a TextLens setting (use {KeyPrefix}<rule id or category-Name>.severity)"));
                        continue;
                    }

                    string id = key[KeyPrefix.Length..^".severity".Length];
                    if (!ids.Contains(id) && !categories.Contains(id))
                    {
                        problems.Add((path, $"[{section.Pattern}] {key}: unknown rule id or category '{id}'"));
                    }
                    else if (!Severities.TryParse(value, out _))
                    {
                        problems.Add((path, $"[{section.Pattern}] {key}: unknown severity '{value}' (use none, suggestion, warning or error)"));
                    }
                }
            }
        }

        return problems;
    }

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

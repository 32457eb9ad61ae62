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

    private readonly IReadOnlyDictionary<string, Severity> _overrides;
    private readonly bool _useEditorConfig;
    private readonly ConcurrentDictionary<string, EditorConfigFile?> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _properties = new(StringComparer.Ordinal);

    public SeverityConfiguration(IReadOnlyDictionary<string, Severity>? overrides = null, bool useEditorConfig = true)
    {
        _overrides = new Dictionary<string, Severity>(overrides ?? new Dictionary<string, Severity>(), StringComparer.OrdinalIgnoreCase);
        _useEditorConfig = useEditorConfig;
    }

    public Severity GetSeverity(RuleDescriptor rule, string documentPath)
    {
        if (_overrides.TryGetValue(rule.Id, out Severity fromCli) || _overrides.TryGetValue("category-" + rule.Category, out fromCli))
        {
            return fromCli;
        }

        if (_useEditorConfig && documentPath != "-" && !string.IsNullOrEmpty(documentPath))
        {
            IReadOnlyDictionary<string, string> props = PropertiesFor(Path.GetFullPath(documentPath));
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

    private static EditorConfigFile? Read(string directory) =>
        ConfigurationFiles.TryRead(Path.Combine(directory, ".editorconfig")) is { } text ? EditorConfigFile.Parse(text, directory) : null;
}

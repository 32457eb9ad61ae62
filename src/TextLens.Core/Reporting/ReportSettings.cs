using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting;

/// <summary>
/// What shaped a document's record: the tool and version, and every option that changes what is analysed or
/// reported per document (not the output formats, the inputs or --shard). Written with each document (JSON
/// <c>settings</c>), so a record carries its provenance through shards, map tasks and shuffles, and
/// <c>textlens merge</c> refuses to combine records whose settings differ (docs/scale-out.md).
/// Severity overrides are keyed as rule ids in upper case or as <c>category-name</c> in lower case, in ordinal order, so the same options always give the same settings.
/// </summary>
public sealed record ReportSettings(
    string Tool,
    int Top,
    string Themes,
    bool ThemeSegments,
    long MaxFileBytes,
    IReadOnlyDictionary<string, string> Severity)
{
    /// <summary>The corpus of <c>--corpus</c> (<see cref="Corpus.CorpusIndex.Fingerprint"/>), or null without one.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Corpus { get; init; }

    /// <summary>The settings of a run of this build with these options and command-line severity overrides.</summary>
    public static ReportSettings For(AnalysisOptions options, IReadOnlyDictionary<string, Severity> overrides) => new(
        $"{ReportBuilder.ToolName} {ReportBuilder.ToolVersion}",
        options.TopKeywords,
        options.Themes.ToString(),
        options.ThemeSegments,
        options.MaxFileBytes,
        new SortedDictionary<string, string>(
            overrides.ToDictionary(o => CanonicalKey(o.Key), o => o.Value.ToName(), StringComparer.Ordinal),
            StringComparer.Ordinal));

    /// <summary>A one-line description for messages: <c>TextLens 0.1.0, top 15, themes auto, ...</c>.</summary>
    public string Describe()
    {
        string severities = Severity.Count == 0 ? "none" : string.Join(",", Severity.Select(s => $"{s.Key}={s.Value}"));
        return $"{Tool}, top {Top}, themes {Themes}{(ThemeSegments ? " (segments)" : "")}, max file size {MaxFileBytes:N0} bytes, severity overrides {severities}{(Corpus is null ? "" : $", corpus {Corpus}")}";
    }

    /// <summary>Equal when every field is equal (records compare dictionaries by reference; this compares them by content).</summary>
    public bool SameAs(ReportSettings other) =>
        Tool == other.Tool && Top == other.Top && Themes == other.Themes && ThemeSegments == other.ThemeSegments
        && MaxFileBytes == other.MaxFileBytes && Corpus == other.Corpus
        && Severity.Count == other.Severity.Count
        && Severity.All(s => other.Severity.TryGetValue(s.Key, out string? v) && v == s.Value);

    private static string CanonicalKey(string key)
    {
        const string prefix = "category-";
        return key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? prefix + key[prefix.Length..].ToLowerInvariant()
            : key.ToUpperInvariant();
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TextLens.Core.Analysis.Baselines;

/// <summary>One recorded finding. Only <see cref="Fingerprint"/> is matched; the rest helps a reader of the file.</summary>
public sealed record BaselineEntry(string Fingerprint, string RuleId, string Path, int? Line, string Message);

/// <summary>A baseline file is not what <see cref="Baseline.Parse"/> expects.</summary>
public sealed class BaselineFormatException(string message) : Exception(message);

/// <summary>
/// Known findings to accept: <c>--write-baseline</c> records the current findings, <c>--baseline</c>
/// marks findings whose fingerprint is recorded as <see cref="SuppressionKind.Baseline"/>, so only new
/// ones are reported and counted (they stay visible in SARIF as suppressed). Findings suppressed in
/// the source and input failures (a file that cannot be read is never "known") are not recorded.
/// The file is JSON: <c>{"version":1,"fingerprintVersion":"textlens/v1","findings":[{fingerprint, ruleId, path, line, message}]}</c>.
/// </summary>
public sealed class Baseline
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly HashSet<string> _fingerprints;

    public Baseline(IEnumerable<BaselineEntry> entries)
    {
        Entries = [.. entries
            .DistinctBy(e => e.Fingerprint, StringComparer.Ordinal)
            .OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line ?? 0).ThenBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)];
        _fingerprints = new HashSet<string>(Entries.Select(e => e.Fingerprint), StringComparer.Ordinal);
    }

    public IReadOnlyList<BaselineEntry> Entries { get; }

    /// <summary>Whether a diagnostic may be recorded in a baseline.</summary>
    public static bool IsRecordable(Diagnostic d) =>
        d.Fingerprint is not null && d.Suppression != SuppressionKind.InSource && !InputRules.IsLoadFailure(d.Rule);

    /// <summary>A baseline of every recordable diagnostic of the analyses.</summary>
    public static Baseline From(IEnumerable<DocumentAnalysis> analyses) =>
        new(analyses.SelectMany(a => a.Diagnostics).Where(IsRecordable).Select(d =>
            new BaselineEntry(d.Fingerprint!, d.Id, d.Path, d.Location?.Start.DisplayLine, d.Message)));

    public bool Contains(Diagnostic d) => d.Fingerprint is { } f && _fingerprints.Contains(f);

    /// <summary>Whether a finding with this fingerprint is recorded.</summary>
    public bool Contains(string fingerprint) => _fingerprints.Contains(fingerprint);

    /// <summary>The analysis with every recorded, recordable, not yet suppressed diagnostic marked <see cref="SuppressionKind.Baseline"/>.</summary>
    public DocumentAnalysis Apply(DocumentAnalysis analysis)
    {
        if (!analysis.Diagnostics.Any(d => !d.IsSuppressed && IsRecordable(d) && Contains(d)))
        {
            return analysis;
        }

        return analysis.WithDiagnostics([.. analysis.Diagnostics.Select(d =>
            !d.IsSuppressed && IsRecordable(d) && Contains(d) ? d with { Suppression = SuppressionKind.Baseline } : d)]);
    }

    public string ToJson()
    {
        var findings = new JsonArray();
        foreach (BaselineEntry e in Entries)
        {
            findings.Add(new JsonObject
            {
                ["fingerprint"] = e.Fingerprint,
                ["ruleId"] = e.RuleId,
                ["path"] = e.Path,
                ["line"] = e.Line,
                ["message"] = e.Message,
            });
        }

        var root = new JsonObject
        {
            ["version"] = CurrentVersion,
            ["fingerprintVersion"] = DiagnosticFingerprints.Version,
            ["findings"] = findings,
        };
        return root.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>Reads a baseline written by <see cref="ToJson"/>; throws <see cref="BaselineFormatException"/> naming what is wrong.</summary>
    public static Baseline Parse(string json)
    {
        try
        {
            return ParseTree(json);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or JsonException)
        {
            // e.g. a property named twice ('An item with the same key has already been added').
            throw new BaselineFormatException($"not a baseline ({ex.Message})");
        }
    }

    private static Baseline ParseTree(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new BaselineFormatException($"not valid JSON ({ex.Message})");
        }

        if (root is not JsonObject obj)
        {
            throw new BaselineFormatException("expected a JSON object with 'version' and 'findings'");
        }

        if (obj["version"] is not JsonValue v || !v.TryGetValue(out int version) || version != CurrentVersion)
        {
            throw new BaselineFormatException($"'version' must be {CurrentVersion}");
        }

        if (obj["fingerprintVersion"] is JsonValue fv && fv.TryGetValue(out string? fingerprintVersion) && fingerprintVersion != DiagnosticFingerprints.Version)
        {
            throw new BaselineFormatException($"fingerprints are '{fingerprintVersion}', this version of TextLens writes '{DiagnosticFingerprints.Version}'; write the baseline again");
        }

        if (obj["findings"] is not JsonArray array)
        {
            throw new BaselineFormatException("'findings' must be an array");
        }

        var entries = new List<BaselineEntry>(array.Count);
        for (int i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject f || Text(f, "fingerprint") is not { Length: > 0 } fingerprint)
            {
                throw new BaselineFormatException($"finding {i} has no 'fingerprint' string");
            }

            int? line = f["line"] is JsonValue lv && lv.TryGetValue(out int l) ? l : null;
            entries.Add(new BaselineEntry(fingerprint, Text(f, "ruleId") ?? string.Empty, Text(f, "path") ?? string.Empty, line, Text(f, "message") ?? string.Empty));
        }

        return new Baseline(entries);
    }

    private static string? Text(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}

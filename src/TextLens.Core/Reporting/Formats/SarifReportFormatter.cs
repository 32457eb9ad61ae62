using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Baselines;

namespace TextLens.Core.Reporting.Formats;

/// <summary>
/// SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, VS Code SARIF viewer).
/// One run: <c>tool.driver</c> carries the whole rule catalogue; every diagnostic is a result, and
/// suppressed ones (inline directives, baseline) are kept with <c>suppressions</c> so viewers can show
/// them as such. Paths are relative to the folder the tool ran in, declared as the <c>SRCROOT</c>
/// uriBaseId (absolute in <c>originalUriBaseIds</c> when known); columns are UTF-16 code units and
/// 1-based, end columns exclusive, as SARIF defines them. Output is deterministic except for the
/// invocation's times, which the caller passes in.
/// </summary>
public sealed class SarifReportFormatter : IReportFormatter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string UriBaseId = "SRCROOT";
    public const string InformationUri = "https://github.com/textlens/textlens";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "sarif";

    public string Extension => ".sarif";

    public void Write(CorpusReport report, TextWriter writer, FormatSettings settings)
    {
        IReadOnlyList<RuleInfo> rules = Catalogue(report, settings);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Id] = i;
        }

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = report.Tool.Name,
                    ["version"] = report.Tool.Version,
                    ["semanticVersion"] = report.Tool.Version,
                    ["informationUri"] = InformationUri,
                    ["rules"] = new JsonArray([.. rules.Select(RuleNode)]),
                },
            },
        };

        if (settings.Invocation is { } inv)
        {
            run["invocations"] = new JsonArray(new JsonObject
            {
                ["executionSuccessful"] = inv.Successful,
                ["exitCode"] = inv.ExitCode,
                ["startTimeUtc"] = Time(inv.StartTimeUtc),
                ["endTimeUtc"] = Time(inv.EndTimeUtc),
                ["arguments"] = new JsonArray([.. inv.Arguments.Select(a => (JsonNode)JsonValue.Create(a)!)]),
            });
        }

        if (Path.IsPathFullyQualified(settings.BaseDirectory))
        {
            string dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.BaseDirectory)) + Path.DirectorySeparatorChar;
            run["originalUriBaseIds"] = new JsonObject
            {
                [UriBaseId] = new JsonObject
                {
                    ["uri"] = new Uri(dir).AbsoluteUri,
                    ["description"] = new JsonObject { ["text"] = "The folder textlens ran in; result paths are relative to it." },
                },
            };
        }

        var results = new JsonArray();
        foreach (DocumentReport doc in report.Documents)
        {
            foreach (DiagnosticReport d in doc.Diagnostics)
            {
                results.Add(ResultNode(doc, d, ruleIndex));
            }
        }

        run["columnKind"] = "utf16CodeUnits";
        run["results"] = results;

        var root = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        writer.Write(root.ToJsonString(Options));
        writer.Write('\n');
    }

    /// <summary>SARIF's level for a TextLens severity.</summary>
    public static string Level(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        "suggestion" => "note",
        _ => "none",
    };

    /// <summary>The artifact URI of a report path: '/'-separated segments, percent-escaped; absolute paths as file URIs.</summary>
    public static (string Uri, bool Relative) ArtifactUri(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return (new Uri(path).AbsoluteUri, false);
        }

        string escaped = string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
        return (escaped, true);
    }

    private static JsonObject ResultNode(DocumentReport doc, DiagnosticReport d, Dictionary<string, int> ruleIndex)
    {
        (string uri, bool relative) = ArtifactUri(doc.Path);
        var artifact = new JsonObject { ["uri"] = uri };
        if (relative)
        {
            artifact["uriBaseId"] = UriBaseId;
        }

        var physical = new JsonObject { ["artifactLocation"] = artifact };
        if (d.Line is { } line && d.Column is { } column)
        {
            var region = new JsonObject
            {
                ["startLine"] = line,
                ["startColumn"] = column,
                ["endLine"] = d.EndLine ?? line,
                ["endColumn"] = d.EndColumn ?? column,
                ["charOffset"] = d.Start,
                ["charLength"] = d.Length,
            };
            // The snippet must be the region's whole text; the report keeps only a diagnostic's first line, so a
            // region over several lines has no snippet rather than a truncated one.
            if (!string.IsNullOrEmpty(d.Snippet) && d.Snippet.Length == d.Length)
            {
                region["snippet"] = new JsonObject { ["text"] = d.Snippet };
            }

            physical["region"] = region;
        }

        var result = new JsonObject
        {
            ["ruleId"] = d.Id,
            ["ruleIndex"] = ruleIndex[d.Id],
            ["level"] = Level(d.Severity),
            ["message"] = new JsonObject { ["text"] = Sentence(d.Message) },
            ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical }),
        };
        if (d.Fingerprint is { } fingerprint)
        {
            result["partialFingerprints"] = new JsonObject { [DiagnosticFingerprints.Version] = fingerprint };
        }

        if (d.Suppression is { } suppression)
        {
            result["suppressions"] = new JsonArray(suppression == "inSource"
                ? new JsonObject { ["kind"] = "inSource", ["justification"] = "Suppressed by a textlens-disable directive in the document." }
                : new JsonObject { ["kind"] = "external", ["justification"] = "Recorded in the baseline file (--baseline)." });
        }

        result["properties"] = new JsonObject { ["category"] = d.Category, ["textlensSeverity"] = d.Severity };
        return result;
    }

    private static JsonObject RuleNode(RuleInfo r)
    {
        string helpText = r.Help;
        string helpMarkdown = $"**{r.Title}** ({r.Category})\n\n{r.Help}";
        if (!string.IsNullOrEmpty(r.Example))
        {
            helpText += $"\n\nExample: {r.Example}";
            helpMarkdown += $"\n\nExample:\n\n> {r.Example}";
        }

        var node = new JsonObject
        {
            ["id"] = r.Id,
            ["name"] = r.Name,
            ["shortDescription"] = new JsonObject { ["text"] = r.Title },
            ["fullDescription"] = new JsonObject { ["text"] = string.IsNullOrEmpty(r.Help) ? r.Title : r.Help },
            ["help"] = new JsonObject { ["text"] = string.IsNullOrEmpty(helpText) ? r.Title : helpText, ["markdown"] = helpMarkdown },
            ["messageStrings"] = new JsonObject { ["default"] = new JsonObject { ["text"] = Sentence(SarifMessageFormat(r.MessageFormat)) } },
        };
        if (r.HelpUri is not null)
        {
            node["helpUri"] = r.HelpUri;
        }

        node["defaultConfiguration"] = new JsonObject
        {
            ["enabled"] = r.DefaultSeverity != "none",
            ["level"] = Level(r.DefaultSeverity),
        };
        node["properties"] = new JsonObject
        {
            ["category"] = r.Category,
            ["tags"] = new JsonArray(r.Category),
            ["textlensSeverity"] = r.DefaultSeverity,
        };
        return node;
    }

    /// <summary>SARIF messages are sentences (SARIF Multitool's SARIF2001): a final period unless one of .!? ends them.</summary>
    private static string Sentence(string message) =>
        message.Length == 0 || message[^1] is '.' or '!' or '?' ? message : message + ".";

    /// <summary>SARIF message strings use {0} placeholders like .NET, without format specifiers.</summary>
    private static string SarifMessageFormat(string format) =>
        System.Text.RegularExpressions.Regex.Replace(format, @"\{(\d+)[:,][^}]*\}", "{$1}");

    private static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static IReadOnlyList<RuleInfo> Catalogue(CorpusReport report, FormatSettings settings)
    {
        var rules = settings.Rules.Select(r => new RuleInfo(r.Id, r.Name, r.Title, r.Category, r.DefaultSeverity.ToName(), r.Help, r.Example, r.HelpUri, r.MessageFormat))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (DiagnosticReport d in report.Documents.SelectMany(doc => doc.Diagnostics))
        {
            rules.TryAdd(d.Id, new RuleInfo(d.Id, d.Id, d.Title, d.Category, d.Severity, d.Title, null, null, d.Title));
        }

        return [.. rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    private sealed record RuleInfo(string Id, string Name, string Title, string Category, string DefaultSeverity, string Help, string? Example, string? HelpUri, string MessageFormat);
}

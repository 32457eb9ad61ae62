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

    public IReportWriter Open(TextWriter output, FormatSettings settings, Func<IReportSpool> spools)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(spools);
        return new Writer(output, settings, spools());
    }

    /// <summary>
    /// The rule catalogue and the invocation come before the results: the results wait in a spool, each serialised
    /// on its own and indented to its place. A result's <c>ruleIndex</c> is its rule's place in the catalogue of
    /// <see cref="FormatSettings.Rules"/>; a rule met only in a diagnostic joins the catalogue, and when any does the
    /// indices are renumbered as the spool is copied out (the catalogue stays sorted by id).
    /// </summary>
    private sealed class Writer : IReportWriter
    {
        private const string EmptyResults = "\"results\": []";
        private readonly TextWriter _output;
        private readonly FormatSettings _settings;
        private readonly IReportSpool _results;
        private readonly Dictionary<string, RuleInfo> _rules;
        private readonly Dictionary<string, int> _provisionalIndex = new(StringComparer.Ordinal);
        private int _count;

        public Writer(TextWriter output, FormatSettings settings, IReportSpool results)
        {
            _output = output;
            _settings = settings;
            _results = results;
            _rules = settings.Rules.Select(r => new RuleInfo(r.Id, r.Name, r.Title, r.Category, r.DefaultSeverity.ToName(), r.Help, r.Example, r.HelpUri, r.MessageFormat))
                .ToDictionary(r => r.Id, StringComparer.Ordinal);
            foreach (string id in _rules.Keys.Order(StringComparer.Ordinal))
            {
                _provisionalIndex[id] = _provisionalIndex.Count;
            }
        }

        public void WriteDocument(DocumentReport doc)
        {
            var sentenceValues = new SentenceValueLookup(doc, _settings.Sections);
            foreach (DiagnosticReport d in doc.Diagnostics)
            {
                if (_rules.TryAdd(d.Id, new RuleInfo(d.Id, d.Id, d.Title, d.Category, d.Severity, d.Title, null, null, d.Title)))
                {
                    _provisionalIndex[d.Id] = _provisionalIndex.Count;
                }

                _results.Writer.Write(_count++ == 0 ? "\n        " : ",\n        ");
                ReportFormatterExtensions.WriteIndented(_results.Writer, ResultNode(doc, d, sentenceValues, _provisionalIndex).ToJsonString(Options), 8);
            }
        }

        public void Complete(ReportCompletion completion)
        {
            RuleInfo[] rules = [.. _rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal)];
            int[] final = new int[rules.Length];
            bool renumber = false;
            for (int i = 0; i < rules.Length; i++)
            {
                int provisional = _provisionalIndex[rules[i].Id];
                final[provisional] = i;
                renumber |= provisional != i;
            }

            string text = RunNode(completion, rules, _settings).ToJsonString(Options);
            int at = text.LastIndexOf(EmptyResults, StringComparison.Ordinal);
            if (_count == 0 || at < 0)
            {
                _output.Write(text);
            }
            else
            {
                _output.Write(text.AsSpan(0, at + EmptyResults.Length - 1));
                if (renumber)
                {
                    using var renumbered = new RuleIndexRenumbering(_output, final);
                    _results.CopyTo(renumbered);
                }
                else
                {
                    _results.CopyTo(_output);
                }

                _output.Write("\n      ]");
                _output.Write(text.AsSpan(at + EmptyResults.Length));
            }

            _output.Write('\n');
        }

        public void Dispose() => _results.Dispose();
    }

    /// <summary>The whole log with an empty results array, which the writer fills in.</summary>
    private static JsonObject RunNode(ReportCompletion completion, IReadOnlyList<RuleInfo> rules, FormatSettings settings)
    {
        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = completion.Tool.Name,
                    ["version"] = completion.Tool.Version,
                    ["semanticVersion"] = completion.Tool.Version,
                    ["informationUri"] = InformationUri,
                    ["rules"] = new JsonArray([.. rules.Select(RuleNode)]),
                },
            },
        };

        if (completion.Invocation is { } inv)
        {
            run["invocations"] = new JsonArray(new JsonObject
            {
                ["executionSuccessful"] = inv.Successful,
                ["exitCode"] = inv.ExitCode,
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

        run["columnKind"] = "utf16CodeUnits";
        run["results"] = new JsonArray();

        return new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
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

    private static JsonObject ResultNode(DocumentReport doc, DiagnosticReport d, SentenceValueLookup sentenceValues, Dictionary<string, int> ruleIndex)
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

        var properties = new JsonObject { ["category"] = d.Category, ["textlensSeverity"] = d.Severity };
        // What the sections say of the sentence the finding falls in (the stance: the tag a stance finding rests on and
        // how sure the tagger is of it, calibrated; confident at the axis's display threshold).
        foreach (KeyValuePair<string, JsonNode?> property in sentenceValues.FindingProperties(d))
        {
            properties[property.Key] = property.Value;
        }

        result["properties"] = properties;
        return result;
    }

    /// <summary>
    /// The sections' values of a document's sentences, for the properties a finding gains from the sentence it falls in
    /// (<see cref="IReportSection.FindingProperties"/>): the one sentence's value, read when a finding asks for it (a
    /// fresh report's written from the section's writer), never the document's whole array.
    /// </summary>
    private sealed class SentenceValueLookup(DocumentReport doc, IReadOnlyList<IReportSection> sections)
    {
        private readonly Dictionary<string, SentenceValueView?> _columns = new(StringComparer.Ordinal);

        public IEnumerable<KeyValuePair<string, JsonNode?>> FindingProperties(DiagnosticReport d)
        {
            if (doc.SentenceValues is not { Count: > 0 } values || d.Start is not int start)
            {
                yield break;
            }

            int sentence = -1;
            foreach (IReportSection section in sections)
            {
                if (section.SentenceKey is not { } key)
                {
                    continue;
                }

                if (!_columns.TryGetValue(key, out SentenceValueView? column))
                {
                    _columns[key] = column = SentenceValueColumns.View(values, key);
                }

                if (column is null)
                {
                    continue;
                }

                sentence = sentence >= 0 ? sentence : SentenceAt(doc.Sentences, start);
                if (sentence < 0)
                {
                    yield break;
                }

                // The properties are taken while the sentence's value is read: they hold what they need of it, not the element.
                if (sentence < column.Count && column.Read(sentence, value => section.FindingProperties(d.Id, d.Category, value)) is { } properties)
                {
                    foreach (KeyValuePair<string, JsonNode?> property in properties)
                    {
                        yield return property;
                    }
                }
            }
        }

        /// <summary>The index of the sentence whose span holds <paramref name="offset"/> (the sentences are in text order), or -1.</summary>
        private static int SentenceAt(IReadOnlyList<SentenceReport> sentences, int offset)
        {
            int lo = 0, hi = sentences.Count - 1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) / 2);
                SentenceReport s = sentences[mid];
                if (offset < s.Start)
                {
                    hi = mid - 1;
                }
                else if (offset >= s.Start + s.Length)
                {
                    lo = mid + 1;
                }
                else
                {
                    return mid;
                }
            }

            return -1;
        }
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

    private sealed record RuleInfo(string Id, string Name, string Title, string Category, string DefaultSeverity, string Help, string? Example, string? HelpUri, string MessageFormat);

    /// <summary>Copies spooled results, replacing each provisional <c>"ruleIndex": n</c> (one per line) by its final value.</summary>
    private sealed class RuleIndexRenumbering(TextWriter inner, int[] final) : TextWriter
    {
        private const string Key = "\"ruleIndex\": ";
        private readonly System.Text.StringBuilder _line = new();

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            _line.Append(value);
            if (value == '\n')
            {
                Flush();
            }
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            foreach (char c in buffer)
            {
                Write(c);
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Flush()
        {
            string line = _line.ToString();
            _line.Clear();
            int at = line.IndexOf(Key, StringComparison.Ordinal);
            if (at >= 0)
            {
                int start = at + Key.Length;
                int end = start;
                while (end < line.Length && char.IsAsciiDigit(line[end]))
                {
                    end++;
                }

                int provisional = int.Parse(line.AsSpan(start, end - start), CultureInfo.InvariantCulture);
                line = string.Concat(line.AsSpan(0, start), final[provisional].ToString(CultureInfo.InvariantCulture), line.AsSpan(end));
            }

            inner.Write(line);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Flush();
            }

            base.Dispose(disposing);
        }
    }
}

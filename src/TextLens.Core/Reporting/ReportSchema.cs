using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting;

/// <summary>
/// The report's JSON Schema for a set of analyzers: the base schema (<see cref="Base"/>: what the core writes, whatever
/// analyzers run) plus the fragment of each analyzer-owned section. docs/report.schema.json is <see cref="For"/> the
/// built-in sections (a test keeps it so); the base and the sections' fragments are the one source of it.
/// </summary>
public static class ReportSchema
{
    /// <summary>Where a line of the written schema ends: a value whose one-line form would reach past it is written over several lines.</summary>
    private const int LineWidth = 120;

    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The base schema (<c>Reporting/report.base.schema.json</c>, embedded): the report's envelope, the summary's counts, and
    /// each document's path, status, counts, sentences (their positions), findings and settings, none of which allows a
    /// property it does not list; and the definitions section fragments may refer to (<c>#/definitions/location</c>, …).
    /// It names no section: an engine without the keyword analyzer writes no <c>keywords</c>.
    /// </summary>
    public static string Base { get; } = ReadBase();

    /// <summary>The schema of the reports of an engine with these sections (<see cref="AnalysisEngine.Sections"/>): <see cref="WithSections"/> of <see cref="Base"/>.</summary>
    public static string For(IEnumerable<IReportSection> sections) => WithSections(Base, sections);

    /// <summary>
    /// <paramref name="schema"/> (<see cref="Base"/>) with each section's schema added to the document object's properties
    /// under the section's key (and the key to the document's <c>required</c> where every record carries the value,
    /// <see cref="IReportSection.AlwaysWritten"/>), its sentence schema (<see cref="IReportSection.SentenceSchema"/>) to the
    /// sentence object's properties under its sentence key, and its corpus schema (<see cref="IReportSection.CorpusSchema"/>)
    /// to the corpus summary's properties and <c>required</c> under its corpus key (the summary always has it). None of
    /// these objects allows any other property. The section's definitions (<see cref="IReportSection.Definitions"/>) join the
    /// schema's. Written two spaces an indent, a value on one line where it fits.
    /// </summary>
    /// <exception cref="ArgumentException">The schema has no document object, or a section's schema is not a JSON object.</exception>
    public static string WithSections(string schema, IEnumerable<IReportSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        JsonNode root = JsonNode.Parse(schema) ?? throw new ArgumentException("The schema is empty.", nameof(schema));
        JsonObject document = root["definitions"]?["document"] as JsonObject
            ?? throw new ArgumentException("The schema has no definitions/document.", nameof(schema));
        JsonObject properties = document["properties"] as JsonObject
            ?? throw new ArgumentException("The schema has no definitions/document/properties.", nameof(schema));
        foreach (IReportSection section in sections)
        {
            if (section.Definitions is { } definitions)
            {
                Define(root, section, Fragment(section, definitions));
            }

            properties[section.Key] = Fragment(section, section.Schema);
            if (section.AlwaysWritten)
            {
                Require(document, section.Key);
            }

            if (section.CorpusKey is { } corpusKey)
            {
                JsonObject summary = root["properties"]?["summary"] as JsonObject
                    ?? throw new ArgumentException("The schema has no properties/summary.", nameof(schema));
                JsonObject summaryProperties = summary["properties"] as JsonObject
                    ?? throw new ArgumentException("The schema has no properties/summary/properties.", nameof(schema));
                summaryProperties[corpusKey] = Fragment(section, section.CorpusSchema
                    ?? throw new ArgumentException($"Report section '{section.Key}' has a corpus key but no corpus schema.", nameof(sections)));
                Require(summary, corpusKey);
            }

            if (section.SentenceKey is { } sentenceKey)
            {
                JsonObject sentence = properties["sentences"]?["items"]?["properties"] as JsonObject
                    ?? throw new ArgumentException("The schema has no definitions/document/properties/sentences/items/properties.", nameof(schema));
                sentence[sentenceKey] = Fragment(section, section.SentenceSchema
                    ?? throw new ArgumentException($"Report section '{section.Key}' has a sentence key but no sentence schema.", nameof(sections)));
            }
        }

        var text = new StringBuilder();
        Write(text, root, 0, 0);
        return text.Append('\n').ToString();
    }

    /// <summary>
    /// Adds the section's definitions (<see cref="IReportSection.Definitions"/>) to the schema's, after those it has; a name
    /// already defined must be defined the same (composing twice changes nothing).
    /// </summary>
    private static void Define(JsonNode root, IReportSection section, JsonObject definitions)
    {
        JsonObject all = root["definitions"] as JsonObject
            ?? throw new ArgumentException("The schema has no definitions.", nameof(root));
        foreach ((string name, JsonNode? definition) in definitions.ToList())
        {
            if (all[name] is { } existing)
            {
                if (!JsonNode.DeepEquals(existing, definition))
                {
                    throw new ArgumentException($"Report section '{section.Key}' defines '{name}', which the schema defines otherwise.", nameof(section));
                }

                continue;
            }

            definitions.Remove(name);
            all[name] = definition;
        }
    }

    /// <summary>Adds <paramref name="key"/> to the object schema's <c>required</c> list, once.</summary>
    private static void Require(JsonObject objectSchema, string key)
    {
        if (objectSchema["required"] is not JsonArray required)
        {
            objectSchema["required"] = required = [];
        }

        if (!required.Any(r => r?.GetValueKind() == JsonValueKind.String && r.GetValue<string>() == key))
        {
            required.Add(key);
        }
    }

    private static JsonObject Fragment(IReportSection section, string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new ArgumentException($"The schema of report section '{section.Key}' is not a JSON object.", nameof(section));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The schema of report section '{section.Key}' is not JSON: {ex.Message}", nameof(section), ex);
        }
    }

    /// <summary>A value at <paramref name="indent"/> after <paramref name="prefix"/> characters of its line: on one line where it fits, else an item a line.</summary>
    private static void Write(StringBuilder text, JsonNode? node, int indent, int prefix)
    {
        string line = OneLine(node);
        if (node is not (JsonObject { Count: > 0 } or JsonArray { Count: > 0 }) || indent + prefix + line.Length <= LineWidth)
        {
            text.Append(line);
            return;
        }

        string inner = new(' ', indent + 2);
        bool first = true;
        if (node is JsonObject obj)
        {
            text.Append("{\n");
            foreach ((string key, JsonNode? value) in obj)
            {
                string name = JsonSerializer.Serialize(key, Strings) + ": ";
                text.Append(first ? string.Empty : ",\n").Append(inner).Append(name);
                Write(text, value, indent + 2, name.Length);
                first = false;
            }

            text.Append('\n').Append(' ', indent).Append('}');
            return;
        }

        text.Append("[\n");
        foreach (JsonNode? item in (JsonArray)node)
        {
            text.Append(first ? string.Empty : ",\n").Append(inner);
            Write(text, item, indent + 2, 0);
            first = false;
        }

        text.Append('\n').Append(' ', indent).Append(']');
    }

    /// <summary>The value on one line: <c>{ "type": "string" }</c>, <c>["a", "b"]</c>.</summary>
    private static string OneLine(JsonNode? node) => node switch
    {
        JsonObject { Count: 0 } => "{}",
        JsonObject obj => "{ " + string.Join(", ", obj.Select(p => JsonSerializer.Serialize(p.Key, Strings) + ": " + OneLine(p.Value))) + " }",
        JsonArray array => "[" + string.Join(", ", array.Select(OneLine)) + "]",
        null => "null",
        _ => node.GetValueKind() == JsonValueKind.String ? JsonSerializer.Serialize(node.GetValue<string>(), Strings) : node.ToJsonString(),
    };

    private static string ReadBase()
    {
        using Stream stream = typeof(ReportSchema).Assembly.GetManifestResourceStream("TextLens.Core.Reporting.report.base.schema.json")
            ?? throw new InvalidOperationException("The base report schema is not embedded in TextLens.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

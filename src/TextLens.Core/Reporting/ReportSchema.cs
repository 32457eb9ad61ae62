using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting;

/// <summary>The report's JSON Schema for a set of analyzers: docs/report.schema.json plus the fragment of each analyzer-owned section.</summary>
public static class ReportSchema
{
    /// <summary>
    /// <paramref name="schema"/> (the text of docs/report.schema.json) with each section's schema added to the
    /// document object's properties under the section's key, and its sentence schema (<see cref="IReportSection.SentenceSchema"/>)
    /// to the sentence object's properties under its sentence key, and its corpus schema (<see cref="IReportSection.CorpusSchema"/>)
    /// to the corpus summary's properties under its corpus key. None of these objects allows any other property.
    /// </summary>
    /// <exception cref="ArgumentException">The schema has no document object, or a section's schema is not a JSON object.</exception>
    public static string WithSections(string schema, IEnumerable<IReportSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        JsonNode root = JsonNode.Parse(schema) ?? throw new ArgumentException("The schema is empty.", nameof(schema));
        JsonObject properties = root["definitions"]?["document"]?["properties"] as JsonObject
            ?? throw new ArgumentException("The schema has no definitions/document/properties.", nameof(schema));
        foreach (IReportSection section in sections)
        {
            properties[section.Key] = Fragment(section, section.Schema);
            if (section.CorpusKey is { } corpusKey)
            {
                JsonObject summary = root["properties"]?["summary"]?["properties"] as JsonObject
                    ?? throw new ArgumentException("The schema has no properties/summary/properties.", nameof(schema));
                summary[corpusKey] = Fragment(section, section.CorpusSchema
                    ?? throw new ArgumentException($"Report section '{section.Key}' has a corpus key but no corpus schema.", nameof(sections)));
            }

            if (section.SentenceKey is { } sentenceKey)
            {
                JsonObject sentence = properties["sentences"]?["items"]?["properties"] as JsonObject
                    ?? throw new ArgumentException("The schema has no definitions/document/properties/sentences/items/properties.", nameof(schema));
                sentence[sentenceKey] = Fragment(section, section.SentenceSchema
                    ?? throw new ArgumentException($"Report section '{section.Key}' has a sentence key but no sentence schema.", nameof(sections)));
            }
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
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
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace TextLens.Training.Evaluation;

/// <summary>
/// One document of a summarisation set (../shared/data/summaries/*.jsonl): its id, its body text
/// (paragraphs separated by blank lines) and the reference summary. Other fields (title, the
/// reference's sentence list) are deliberately not part of this type, so no method can read them.
/// </summary>
public sealed record SummaryDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("summary")] string Summary);

/// <summary>Reads a summarisation set: JSON Lines, one document per line, blank lines ignored.</summary>
public static class SummaryDataset
{
    /// <exception cref="InvalidDataException">A line is not a document ("line N: reason").</exception>
    public static IReadOnlyList<SummaryDocument> Read(TextReader reader)
    {
        var documents = new List<SummaryDocument>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach ((int line, JsonElement root) in JsonLines.Parse(reader))
        {
            SummaryDocument? doc = JsonLines.Deserialize<SummaryDocument>(line, root, "a JSON object with string 'id', 'text' and 'summary'");
            if (doc?.Id is null || doc.Text is null || doc.Summary is null)
            {
                throw JsonLines.Error(line, "a document needs 'id', 'text' and 'summary' (strings).");
            }

            if (!ids.Add(doc.Id))
            {
                throw JsonLines.Error(line, $"duplicate id '{doc.Id}'.");
            }

            documents.Add(doc);
        }

        return documents;
    }
}

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
    public static IReadOnlyList<SummaryDocument> Read(TextReader reader, string name = "<data>")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var documents = new List<SummaryDocument>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            SummaryDocument? doc;
            try
            {
                doc = JsonSerializer.Deserialize<SummaryDocument>(line);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{name}:{lineNumber}: not a JSON object with string 'id', 'text' and 'summary' ({ex.Message}).", ex);
            }

            if (doc?.Id is null || doc.Text is null || doc.Summary is null)
            {
                throw new InvalidDataException($"{name}:{lineNumber}: a document needs 'id', 'text' and 'summary' (strings).");
            }

            if (!ids.Add(doc.Id))
            {
                throw new InvalidDataException($"{name}:{lineNumber}: duplicate id '{doc.Id}'.");
            }

            documents.Add(doc);
        }

        return documents;
    }
}

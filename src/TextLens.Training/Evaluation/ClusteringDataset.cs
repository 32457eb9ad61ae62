using System.Text.Json;
using System.Text.Json.Serialization;

namespace TextLens.Training.Evaluation;

/// <summary>
/// One document of a sentence-clustering set (../shared/data/clustering/*.jsonl): its id, its
/// sentences (already split, in reading order), the gold label of each sentence and the gold number
/// of groups. The set's 'meta' field (source titles, headings, categories) is deliberately not part
/// of this type, so no method can read it.
/// </summary>
public sealed record ClusteringDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("sentences")] IReadOnlyList<string> Sentences,
    [property: JsonPropertyName("labels")] IReadOnlyList<int> Labels,
    [property: JsonPropertyName("k")] int K);

/// <summary>Reads a clustering set: JSON Lines, one document per line, blank lines ignored.</summary>
public static class ClusteringDataset
{
    /// <exception cref="InvalidDataException">A line is not a document ("line N: reason").</exception>
    public static IReadOnlyList<ClusteringDocument> Read(TextReader reader)
    {
        var documents = new List<ClusteringDocument>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach ((int line, JsonElement root) in JsonLines.Parse(reader))
        {
            ClusteringDocument? doc = JsonLines.Deserialize<ClusteringDocument>(line, root, "a JSON object with 'id', 'sentences', 'labels' and 'k'");
            if (doc is null || doc.Id is null || doc.Sentences is null || doc.Labels is null)
            {
                throw JsonLines.Error(line, "a document needs 'id', 'sentences', 'labels' and 'k'.");
            }

            if (doc.Sentences.Count != doc.Labels.Count || doc.Sentences.Count == 0)
            {
                throw JsonLines.Error(line, $"{doc.Labels.Count} labels for {doc.Sentences.Count} sentences.");
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

using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting;

/// <summary>
/// A fresh report's sentence values (<see cref="DocumentReport.SentenceValues"/>), by sentence key in analyzer order:
/// a JSON array each, or, for a section that writes its values from its result (<see cref="IReportSection.SentenceWriter"/>,
/// the stance), a writer and the number of sentences. The JSON formats write such a column straight from its writer
/// (<see cref="Formats.DocumentReportConverter"/>) and the views and SARIF read it sentence by sentence through
/// <see cref="View"/>, so a 100,000-sentence document's stance is never held as JSON; whoever still reads it as one JSON
/// array (the dictionary's indexer, <see cref="TryGetValue"/>) gets it written afresh each time, kept no longer than they keep it.
/// </summary>
internal sealed class SentenceValueColumns : IReadOnlyDictionary<string, JsonElement>
{
    private readonly List<Column> _columns = [];

    public int Count => _columns.Count;

    public IEnumerable<string> Keys => _columns.Select(c => c.Key);

    public IEnumerable<JsonElement> Values => _columns.Select(c => c.Element);

    public JsonElement this[string key] => TryGetValue(key, out JsonElement value) ? value : throw new KeyNotFoundException(key);

    public void Add(string key, JsonElement values) => _columns.Add(new Column(key, values, null, 0));

    public void Add(string key, SentenceValueWriter writer, int count) => _columns.Add(new Column(key, default, writer, count));

    /// <summary>The writer of a column that has one (the JSON formats write from it rather than from the array).</summary>
    public bool TryGetWriter(string key, [NotNullWhen(true)] out SentenceValueWriter? writer)
    {
        writer = _columns.FirstOrDefault(c => c.Key == key)?.Writer;
        return writer is not null;
    }

    /// <summary>The values of <paramref name="key"/> in <paramref name="values"/>, read sentence by sentence (a fresh report's from its writer); null: none.</summary>
    public static SentenceValueView? View(IReadOnlyDictionary<string, JsonElement>? values, string key)
    {
        if (values is SentenceValueColumns fresh)
        {
            Column? column = fresh._columns.FirstOrDefault(c => c.Key == key);
            return column?.Writer is { } writer ? SentenceValueView.Of(writer, column.Count) : column is null ? null : SentenceValueView.Of(column.Element);
        }

        return values is not null && values.TryGetValue(key, out JsonElement array) ? SentenceValueView.Of(array) : null;
    }

    public bool ContainsKey(string key) => _columns.Any(c => c.Key == key);

    public bool TryGetValue(string key, out JsonElement value)
    {
        Column? column = _columns.FirstOrDefault(c => c.Key == key);
        value = column?.Element ?? default;
        return column is not null;
    }

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() =>
        _columns.Select(c => new KeyValuePair<string, JsonElement>(c.Key, c.Element)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Column(string key, JsonElement values, SentenceValueWriter? writer, int count)
    {
        public string Key => key;

        public SentenceValueWriter? Writer => writer;

        public int Count => count;

        /// <summary>The values as one JSON array: a writer's written afresh on each call (not kept: the views read them sentence by sentence).</summary>
        public JsonElement Element => writer is null ? values : Write(writer, count);

        private static JsonElement Write(SentenceValueWriter writer, int count)
        {
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartArray();
                for (int i = 0; i < count; i++)
                {
                    if (!writer(json, i, null))
                    {
                        json.WriteNullValue();
                    }
                }

                json.WriteEndArray();
            }

            // Read in place and not disposed: the element lives as long as its reader keeps it.
#pragma warning disable CA2000
            return JsonDocument.Parse(buffer.WrittenMemory).RootElement;
#pragma warning restore CA2000
        }
    }
}

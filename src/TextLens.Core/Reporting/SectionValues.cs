using System.Buffers;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting;

/// <summary>
/// A fresh report's section values (<see cref="DocumentReport.Sections"/>), by key in analyzer order: the JSON of each,
/// or, for a section that writes its value from its result (<see cref="IReportSection.ValueWriter"/>, the keywords), the
/// writer. The JSON formats write such a value straight from its writer (<see cref="Formats.DocumentReportConverter"/>),
/// so a long document's keywords, with 100,000 occurrences each, are never held as JSON; whoever reads the value as JSON
/// (the corpus aggregate, a view) gets it written afresh, which lives as long as they hold it and no longer. Read only:
/// the mutating members of <see cref="IDictionary{TKey, TValue}"/> (the type <c>merge</c>'s reader fills) throw.
/// </summary>
internal sealed class SectionValues : IDictionary<string, JsonElement>
{
    private readonly List<(string Key, JsonElement Value, SectionValueWriter? Writer)> _values = [];
    private List<(string Key, SectionValueWriter Writer)>? _corpusWriters;
    private List<(string Key, SectionValueWriter Writer)>? _viewWriters;

    public int Count => _values.Count;

    public bool IsReadOnly => true;

    public ICollection<string> Keys => [.. _values.Select(v => v.Key)];

    public ICollection<JsonElement> Values => [.. _values.Select(v => Read(v.Value, v.Writer))];

    public JsonElement this[string key]
    {
        get => TryGetValue(key, out JsonElement value) ? value : throw new KeyNotFoundException(key);
        set => throw ReadOnly();
    }

    /// <summary>Adds a value held as JSON (the report builder; read only to everyone else).</summary>
    public void Append(string key, JsonElement value) => _values.Add((key, value, null));

    /// <summary>Adds a value written by <paramref name="writer"/> whenever it is asked for.</summary>
    public void Append(string key, SectionValueWriter writer) => _values.Add((key, default, writer));

    /// <summary>
    /// Adds a value written by <paramref name="writer"/>, what its corpus aggregate reads of it written by
    /// <paramref name="corpusWriter"/> (<see cref="IReportSection.CorpusValueWriter"/>), and what its view reads of it written
    /// by <paramref name="viewWriter"/> (<see cref="IReportSection.ViewValueWriter"/>).
    /// </summary>
    public void Append(string key, SectionValueWriter writer, SectionValueWriter? corpusWriter, SectionValueWriter? viewWriter = null)
    {
        Append(key, writer);
        if (corpusWriter is not null)
        {
            (_corpusWriters ??= []).Add((key, corpusWriter));
        }

        if (viewWriter is not null)
        {
            (_viewWriters ??= []).Add((key, viewWriter));
        }
    }

    /// <summary>
    /// The value as the corpus aggregate reads it: what <see cref="IReportSection.CorpusValueWriter"/> writes, where the
    /// section has one, else the whole value (<see cref="TryGetValue"/>). Written afresh, not kept.
    /// </summary>
    public bool TryGetCorpusValue(string key, out JsonElement value) => TryGetPart(_corpusWriters, key, out value);

    /// <summary>
    /// The value as the human-readable formats show it: what <see cref="IReportSection.ViewValueWriter"/> writes, where the
    /// section has one, else the whole value (<see cref="TryGetValue"/>). Written afresh, not kept.
    /// </summary>
    public bool TryGetViewValue(string key, out JsonElement value) => TryGetPart(_viewWriters, key, out value);

    /// <summary>What <paramref name="key"/>'s writer among <paramref name="writers"/> writes, or else the whole value.</summary>
    private bool TryGetPart(List<(string Key, SectionValueWriter Writer)>? writers, string key, out JsonElement value)
    {
        foreach ((string k, SectionValueWriter w) in writers ?? [])
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                value = Read(default, w);
                return true;
            }
        }

        return TryGetValue(key, out value);
    }

    /// <summary>The writer of a value that has one (the JSON formats write from it rather than from JSON).</summary>
    public bool TryGetWriter(string key, [NotNullWhen(true)] out SectionValueWriter? writer)
    {
        writer = null;
        foreach ((string k, _, SectionValueWriter? w) in _values)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                writer = w;
                break;
            }
        }

        return writer is not null;
    }

    public bool ContainsKey(string key) => _values.Exists(v => string.Equals(v.Key, key, StringComparison.Ordinal));

    public bool TryGetValue(string key, out JsonElement value)
    {
        foreach ((string k, JsonElement v, SectionValueWriter? w) in _values)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                value = Read(v, w);
                return true;
            }
        }

        value = default;
        return false;
    }

    public bool Contains(KeyValuePair<string, JsonElement> item) =>
        TryGetValue(item.Key, out JsonElement value) && EqualityComparer<JsonElement>.Default.Equals(value, item.Value);

    public void CopyTo(KeyValuePair<string, JsonElement>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        foreach (KeyValuePair<string, JsonElement> item in this)
        {
            array[arrayIndex++] = item;
        }
    }

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator() =>
        _values.Select(v => new KeyValuePair<string, JsonElement>(v.Key, Read(v.Value, v.Writer))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void IDictionary<string, JsonElement>.Add(string key, JsonElement value) => throw ReadOnly();

    void ICollection<KeyValuePair<string, JsonElement>>.Add(KeyValuePair<string, JsonElement> item) => throw ReadOnly();

    public bool Remove(string key) => throw ReadOnly();

    bool ICollection<KeyValuePair<string, JsonElement>>.Remove(KeyValuePair<string, JsonElement> item) => throw ReadOnly();

    public void Clear() => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("A report's section values are read only.");

    /// <summary>The value as JSON: written afresh from the writer where there is one (not kept).</summary>
    private static JsonElement Read(JsonElement value, SectionValueWriter? writer)
    {
        if (writer is null)
        {
            return value;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            writer(json);
        }

        // Read in place, not disposed: the element lives as long as its reader holds it.
#pragma warning disable CA2000
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement;
#pragma warning restore CA2000
    }
}

using System.Buffers;
using System.Text.Json;

namespace TextLens.Core.Analysis;

/// <summary>
/// A section's values inside a document's sentences (<see cref="IReportSection.SentenceKey"/>), one per sentence in
/// document order, read one sentence at a time: what <see cref="IReportSection.Present(JsonElement, SentenceValueView?)"/>
/// and SARIF's <see cref="IReportSection.FindingProperties"/> see. A record read back (<c>textlens merge</c>) holds the
/// values as a JSON array and the view walks it; a fresh report holds the section's <see cref="SentenceValueWriter"/>
/// (the stance's result and text) and the view writes and reads each sentence's value on its own, so a long document's
/// values are never held as one JSON array (at 5 MB of text the stance's was 34 MB, kept with the record).
/// </summary>
public sealed class SentenceValueView
{
    private readonly JsonElement _array;
    private readonly SentenceValueWriter? _writer;
    private JsonElement[]? _elements;

    private SentenceValueView(JsonElement array, SentenceValueWriter? writer, int count)
    {
        _array = array;
        _writer = writer;
        Count = count;
    }

    /// <summary>The number of sentences (one value each, JSON null where a sentence has none).</summary>
    public int Count { get; }

    /// <summary>The values of a JSON array (a record read back); null when <paramref name="array"/> is not an array.</summary>
    public static SentenceValueView? Of(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? new SentenceValueView(array, null, array.GetArrayLength()) : null;

    /// <summary>The values <paramref name="writer"/> writes for sentences 0 to <paramref name="count"/> − 1 (a fresh report).</summary>
    public static SentenceValueView Of(SentenceValueWriter writer, int count)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new SentenceValueView(default, writer, count);
    }

    /// <summary>
    /// <paramref name="read"/> of each sentence's value, in order (a <see cref="JsonValueKind.Null"/> element where a
    /// sentence has none). The element is valid only during the call (a fresh report's is written for it and dropped
    /// after): keep what is read from it, or its <see cref="JsonElement.Clone"/>.
    /// </summary>
    public T[] Read<T>(Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var results = new T[Count];
        if (_writer is null)
        {
            int i = 0;
            foreach (JsonElement value in _array.EnumerateArray())
            {
                results[i++] = read(value);
            }

            return results;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer);
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = ReadWritten(buffer, json, i, read);
        }

        return results;
    }

    /// <summary><paramref name="read"/> of sentence <paramref name="index"/>'s value (valid only during the call, as with <see cref="Read{T}(Func{JsonElement, T})"/>).</summary>
    public T Read<T>(int index, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        if (_writer is null)
        {
            // An array's elements by index (its indexer walks the array from the start where the elements are objects).
            _elements ??= [.. _array.EnumerateArray()];
            return read(_elements[index]);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using var json = new Utf8JsonWriter(buffer);
        return ReadWritten(buffer, json, index, read);
    }

    /// <summary>Writes sentence <paramref name="index"/>'s value into the emptied <paramref name="buffer"/>, reads it in place, then lets it go.</summary>
    private T ReadWritten<T>(ArrayBufferWriter<byte> buffer, Utf8JsonWriter json, int index, Func<JsonElement, T> read)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        if (!_writer!(json, index, null))
        {
            json.WriteNullValue();
        }

        json.Flush();
        using JsonDocument document = JsonDocument.Parse(buffer.WrittenMemory);
        return read(document.RootElement);
    }
}

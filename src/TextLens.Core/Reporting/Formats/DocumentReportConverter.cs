using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting.Formats;

/// <summary>
/// Writes a document record in the documented order (docs/report-schema.md): the model's own properties in declaration
/// order, the section values of <see cref="ReportSections.BeforeSentences"/> just before <c>sentences</c> (the place the
/// keywords had before they became a section), those of <see cref="ReportSections.AfterDiagnostics"/> just after <c>diagnostics</c> (the place
/// the summary and the themes had before they became sections), those of <see cref="ReportSections.BeforeSettings"/> just before
/// <c>settings</c> (the place the corpus comparison had), then every other section value in analyzer order. System.Text.Json
/// writes extension data only after every property, so the order is written here rather than by attributes. Each
/// sentence gets the sections' values for it (<see cref="DocumentReport.SentenceValues"/>) after its position (those of
/// <see cref="ReportSections.SentenceValuesLast"/>, the stance, last). Reading is System.Text.Json's own (the section values, wherever they stand, land in
/// <see cref="DocumentReport.Sections"/>), and then one pass over the same bytes gathers the sentences' other
/// properties back into <see cref="DocumentReport.SentenceValues"/>.
/// </summary>
internal sealed class DocumentReportConverter : JsonConverter<DocumentReport>
{
    private JsonSerializerOptions? _readOptions;

    public override DocumentReport? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A converter is given the whole value (System.Text.Json reads ahead), so a copy of the reader can read it again.
        Utf8JsonReader again = reader;
        DocumentReport? document = JsonSerializer.Deserialize<DocumentReport>(ref reader, _readOptions ??= WithoutThis(options));
        return document is null ? null : document with { SentenceValues = ReadSentenceValues(ref again) };
    }

    public override void Write(Utf8JsonWriter writer, DocumentReport value, JsonSerializerOptions options) =>
        Write(writer, value, options, flushAt: int.MaxValue);

    /// <summary>
    /// Writes the record, flushing <paramref name="writer"/> whenever more than <paramref name="flushAt"/> bytes are
    /// pending between two list items. A converter's output is not resumable: System.Text.Json buffers all of it
    /// before it reaches a stream, and a 100,000-sentence document's JSON is hundreds of megabytes. So the formats
    /// write the record through <see cref="JsonText.Serialize(TextWriter, DocumentReport, JsonSerializerOptions, int)"/>,
    /// which calls this with a writer on the output stream and a small threshold; the bytes are the same.
    /// </summary>
    /// <param name="parallel">When given, the output <paramref name="writer"/> flushes to, and long lists are written to it in parallel chunks.</param>
    internal static void Write(Utf8JsonWriter writer, DocumentReport value, JsonSerializerOptions options, int flushAt, JsonText.ParallelLists? parallel = null)
    {
        writer.WriteStartObject();
        writer.WriteString("path"u8, value.Path);
        writer.WriteString("status"u8, value.Status);
        writer.WritePropertyName("stats"u8);
        JsonSerializer.Serialize(writer, value.Stats, options);
        WriteSections(writer, value.Sections, ReportSections.BeforeSentences);
        WriteSentences(writer, value, options, flushAt, parallel);
        WriteList(writer, "diagnostics"u8, value.Diagnostics, options, flushAt);
        WriteSections(writer, value.Sections, ReportSections.AfterDiagnostics);
        WriteSections(writer, value.Sections, ReportSections.BeforeSettings);
        if (value.Settings is { } settings)
        {
            writer.WritePropertyName("settings"u8);
            JsonSerializer.Serialize(writer, settings, options);
        }

        WriteOtherSections(writer, value.Sections);
        writer.WriteEndObject();
    }

    /// <summary>A list item by item (the bytes System.Text.Json writes for the whole list), flushing between items.</summary>
    private static void WriteList<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<T>? items, JsonSerializerOptions options, int flushAt)
    {
        writer.WritePropertyName(name);
        if (items is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (T item in items)
        {
            JsonSerializer.Serialize(writer, item, options);
            if (writer.BytesPending > flushAt)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// The sentences item by item, as System.Text.Json writes a <see cref="SentenceReport"/> (its position), then each
    /// section's value for the sentence, in <see cref="DocumentReport.SentenceValues"/>' order (those of
    /// <see cref="ReportSections.SentenceValuesLast"/> last).
    /// </summary>
    private static void WriteSentences(Utf8JsonWriter writer, DocumentReport value, JsonSerializerOptions options, int flushAt, JsonText.ParallelLists? parallel)
    {
        writer.WritePropertyName("sentences"u8);
        if (value.Sentences is not { } sentences)
        {
            writer.WriteNullValue();
            return;
        }

        // Analyzer order, except the values that keep their schema version 1 place last in the sentence (the stance). A
        // fresh report's column with a writer is written from it, never read as JSON.
        Column[] columns = value.SentenceValues is { Count: > 0 } values
            ? [.. values.Keys
                .OrderBy(key => ReportSections.SentenceValuesLast.Contains(key, StringComparer.Ordinal))
                .Select(key => values is SentenceValueColumns fresh && fresh.TryGetWriter(key, out SentenceValueWriter? sentenceWriter)
                    ? new Column(key, default, sentenceWriter)
                    : new Column(key, values[key].ValueKind == JsonValueKind.Array ? values[key].EnumerateArray() : default, null))
                .Where(c => c.Writer is not null || values[c.Key].ValueKind == JsonValueKind.Array)]
            : [];
        writer.WriteStartArray();
        if (parallel is not null && sentences.Count > 2 * JsonText.ParallelLists.ChunkSize)
        {
            WriteSentence(writer, sentences[0], 0, columns);
            writer.Flush();
            parallel.WriteRest(writer, sentences.Count, (from, to) =>
            {
                // The chunk reads the section values from copies of the enumerators (structs: cursors of their own) where
                // they stand; the originals are moved past the chunk, in order, before the next chunk is handed out.
                var cursors = (Column[])columns.Clone();
                for (int c = 0; c < columns.Length; c++)
                {
                    for (int i = from; i < to && columns[c].Writer is null && columns[c].Values.MoveNext(); i++)
                    {
                    }
                }

                return json =>
                {
                    for (int i = from; i < to; i++)
                    {
                        WriteSentence(json, sentences[i], i, cursors);
                    }
                };
            });
            writer.WriteEndArray();
            return;
        }

        for (int i = 0; i < sentences.Count; i++)
        {
            WriteSentence(writer, sentences[i], i, columns);
            if (writer.BytesPending > flushAt)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>A column of the sentences' values: a cursor over its JSON array, or the writer of a fresh report's values.</summary>
    /// <remarks>Fields, not properties: <see cref="Values"/> is a cursor moved in place.</remarks>
    private struct Column(string key, JsonElement.ArrayEnumerator values, SentenceValueWriter? writer)
    {
        public readonly string Key = key;
        public JsonElement.ArrayEnumerator Values = values;
        public readonly SentenceValueWriter? Writer = writer;
    }

    private static void WriteSentence(Utf8JsonWriter writer, SentenceReport s, int index, Column[] columns)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index"u8, s.Index);
        writer.WriteString("text"u8, s.Text);
        writer.WriteNumber("start"u8, s.Start);
        writer.WriteNumber("length"u8, s.Length);
        writer.WriteNumber("line"u8, s.Line);
        writer.WriteNumber("column"u8, s.Column);
        for (int c = 0; c < columns.Length; c++)
        {
            if (columns[c].Writer is { } sentenceWriter)
            {
                sentenceWriter(writer, index, columns[c].Key);
            }
            else if (columns[c].Values.MoveNext() && columns[c].Values.Current is { ValueKind: not JsonValueKind.Null } v)
            {
                writer.WritePropertyName(columns[c].Key);
                v.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// The properties of the record's sentences that are not a sentence's own (<see cref="ReportSections.ReservedSentenceKeys"/>),
    /// by name in order of first appearance: a JSON array each, one element per sentence, null where a sentence lacks it.
    /// <paramref name="reader"/> stands on the record's start.
    /// </summary>
    private static Dictionary<string, JsonElement>? ReadSentenceValues(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        int depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            bool sentences = reader.ValueTextEquals("sentences"u8);
            reader.Read();
            if (!sentences || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }

            return ReadColumns(ref reader);
        }

        return null;
    }

    /// <summary>The columns of the sentences array <paramref name="reader"/> stands on (see <see cref="ReadSentenceValues"/>).</summary>
    private static Dictionary<string, JsonElement>? ReadColumns(ref Utf8JsonReader reader)
    {
        Dictionary<string, (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer, int Count)>? columns = null;
        int sentence = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                sentence++;
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                if (ReportSections.ReservedSentenceKeys.Contains(name, StringComparer.Ordinal))
                {
                    reader.Skip();
                    continue;
                }

                columns ??= new Dictionary<string, (ArrayBufferWriter<byte>, Utf8JsonWriter, int)>(StringComparer.Ordinal);
                if (!columns.TryGetValue(name, out var column))
                {
                    var buffer = new ArrayBufferWriter<byte>();
                    column = (buffer, new Utf8JsonWriter(buffer), 0);
                    column.Writer.WriteStartArray();
                }

                column.Count = Pad(column.Writer, column.Count, sentence);
                JsonElement.ParseValue(ref reader).WriteTo(column.Writer);
                columns[name] = (column.Buffer, column.Writer, column.Count + 1);
            }

            sentence++;
        }

        if (columns is null)
        {
            return null;
        }

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach ((string name, (ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer, int count)) in columns)
        {
            Pad(writer, count, sentence);
            writer.WriteEndArray();
            writer.Dispose();
            using JsonDocument parsed = JsonDocument.Parse(buffer.WrittenMemory);
            values[name] = parsed.RootElement.Clone();
        }

        return values;

        static int Pad(Utf8JsonWriter writer, int count, int to)
        {
            for (; count < to; count++)
            {
                writer.WriteNullValue();
            }

            return count;
        }
    }

    /// <summary>The values of <paramref name="keys"/> the record has, in that order.</summary>
    private static void WriteSections(Utf8JsonWriter writer, IDictionary<string, JsonElement>? sections, IReadOnlyList<string> keys)
    {
        if (sections is null)
        {
            return;
        }

        foreach (string key in keys)
        {
            if (sections.ContainsKey(key))
            {
                WriteSection(writer, sections, key);
            }
        }
    }

    /// <summary>Every section value without a fixed place, in the record's (analyzer) order.</summary>
    private static void WriteOtherSections(Utf8JsonWriter writer, IDictionary<string, JsonElement>? sections)
    {
        foreach (string key in sections?.Keys ?? [])
        {
            if (!ReportSections.HasFixedPlace(key))
            {
                WriteSection(writer, sections!, key);
            }
        }
    }

    /// <summary>One section value: a fresh report's from its writer where it has one (the keywords), never read as JSON.</summary>
    private static void WriteSection(Utf8JsonWriter writer, IDictionary<string, JsonElement> sections, string key)
    {
        writer.WritePropertyName(key);
        if (sections is SectionValues fresh && fresh.TryGetWriter(key, out SectionValueWriter? valueWriter))
        {
            valueWriter(writer);
        }
        else
        {
            sections[key].WriteTo(writer);
        }
    }

    private JsonSerializerOptions WithoutThis(JsonSerializerOptions options)
    {
        var read = new JsonSerializerOptions(options);
        read.Converters.Remove(this);
        return read;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting.Formats;

/// <summary>
/// Writes a document record in the documented order (docs/report-schema.md): the model's own properties in declaration
/// order, the section values of <see cref="ReportSections.AfterDiagnostics"/> just after <c>diagnostics</c> (the place
/// the summary had before it became a section), those of <see cref="ReportSections.BeforeSettings"/> just before
/// <c>settings</c> (the place the corpus comparison had), then every other section value in analyzer order. System.Text.Json
/// writes extension data only after every property, so the order is written here rather than by attributes. Reading
/// is System.Text.Json's own (the section values, wherever they stand, land in <see cref="DocumentReport.Sections"/>).
/// </summary>
internal sealed class DocumentReportConverter : JsonConverter<DocumentReport>
{
    private JsonSerializerOptions? _readOptions;

    public override DocumentReport? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<DocumentReport>(ref reader, _readOptions ??= WithoutThis(options));

    public override void Write(Utf8JsonWriter writer, DocumentReport value, JsonSerializerOptions options) =>
        Write(writer, value, options, flushAt: int.MaxValue);

    /// <summary>
    /// Writes the record, flushing <paramref name="writer"/> whenever more than <paramref name="flushAt"/> bytes are
    /// pending between two list items. A converter's output is not resumable: System.Text.Json buffers all of it
    /// before it reaches a stream, and a 100,000-sentence document's JSON is hundreds of megabytes. So the formats
    /// write the record through <see cref="JsonText.Serialize(TextWriter, DocumentReport, JsonSerializerOptions, int)"/>,
    /// which calls this with a writer on the output stream and a small threshold; the bytes are the same.
    /// </summary>
    internal static void Write(Utf8JsonWriter writer, DocumentReport value, JsonSerializerOptions options, int flushAt)
    {
        writer.WriteStartObject();
        writer.WriteString("path"u8, value.Path);
        writer.WriteString("status"u8, value.Status);
        writer.WritePropertyName("stats"u8);
        JsonSerializer.Serialize(writer, value.Stats, options);
        WriteList(writer, "keywords"u8, value.Keywords, options, flushAt);
        WriteList(writer, "sentences"u8, value.Sentences, options, flushAt);
        WriteList(writer, "diagnostics"u8, value.Diagnostics, options, flushAt);
        WriteSections(writer, value.Sections, ReportSections.AfterDiagnostics);
        if (value.Clusters is { } clusters)
        {
            WriteList(writer, "clusters"u8, clusters, options, flushAt);
        }

        if (value.Stance is { } stance)
        {
            writer.WritePropertyName("stance"u8);
            JsonSerializer.Serialize(writer, stance, options);
        }

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

    /// <summary>The values of <paramref name="keys"/> the record has, in that order.</summary>
    private static void WriteSections(Utf8JsonWriter writer, Dictionary<string, JsonElement>? sections, IReadOnlyList<string> keys)
    {
        if (sections is null)
        {
            return;
        }

        foreach (string key in keys)
        {
            if (sections.TryGetValue(key, out JsonElement value))
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }
        }
    }

    /// <summary>Every section value without a fixed place, in the record's (analyzer) order.</summary>
    private static void WriteOtherSections(Utf8JsonWriter writer, Dictionary<string, JsonElement>? sections)
    {
        foreach ((string key, JsonElement value) in sections ?? [])
        {
            if (!ReportSections.HasFixedPlace(key))
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }
        }
    }

    private JsonSerializerOptions WithoutThis(JsonSerializerOptions options)
    {
        var read = new JsonSerializerOptions(options);
        read.Converters.Remove(this);
        return read;
    }
}

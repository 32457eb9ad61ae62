using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TextLens.Core.Reporting;

/// <summary>
/// Compile-time System.Text.Json metadata for the report model (the corpus report, the document record and every type
/// inside them), so a run does not build it by reflection, nor emit and compile property accessors, before its first
/// line of JSON. Names, order and null handling still come from <see cref="Formats.JsonReportFormatter.Options"/> and the
/// model's attributes, so the bytes are those reflection gives.
/// </summary>
[JsonSerializable(typeof(CorpusReport))]
[JsonSerializable(typeof(DocumentReport))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class ReportJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The generated metadata, except for <see cref="DocumentReport"/> itself (written by
    /// <see cref="Formats.DocumentReportConverter"/>, read by reflection, the next resolver) and <see cref="CorpusSummary"/>
    /// (by reflection): generated metadata binds their init-only properties like constructor parameters and refuses their
    /// <see cref="JsonExtensionDataAttribute"/> property (<see cref="DocumentReport.Sections"/>, <see cref="CorpusSummary.Aggregates"/>) among them.
    /// </summary>
    public static IJsonTypeInfoResolver ReportTypes { get; } = new ExceptDocumentRecord();

    private sealed class ExceptDocumentRecord : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            type == typeof(DocumentReport) || type == typeof(CorpusSummary) ? null : ((IJsonTypeInfoResolver)Default).GetTypeInfo(type, options);
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace TextLens.Core.Reporting;

// The JSON report, schema version 1 (docs/report-schema.md, docs/report.schema.json).
// Offsets and lengths are UTF-16 code units into the file as decoded; lines and columns are 1-based.
// Property order here is the order in the output (a document record's is written by Formats/DocumentReportConverter.cs,
// in the same order); every list has a documented stable order.

public sealed record CorpusReport(
    int SchemaVersion,
    ToolInfo Tool,
    CorpusSummary Summary,
    IReadOnlyList<DocumentReport> Documents)
{
    public const int CurrentSchemaVersion = 1;
}

public sealed record ToolInfo(string Name, string Version);

public sealed record CorpusSummary(
    int Documents,
    int Analysed,
    int Failed,
    int Words,
    int Sentences,
    IReadOnlyDictionary<string, int> DiagnosticsBySeverity)
{
    /// <summary>
    /// What sections total over the corpus (<see cref="Analysis.IReportSection.CorpusKey"/>: the keywords'
    /// <c>topKeywords</c>), by key, in section order, after the summary's own properties. Null: none.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Aggregates { get; init; }
}

public sealed record DocumentReport(
    string Path,
    string Status,
    DocumentStats? Stats,
    IReadOnlyList<SentenceReport> Sentences,
    IReadOnlyList<DiagnosticReport> Diagnostics)
{
    /// <summary>The tool version and options that produced this record (ReportSettings.cs); <c>textlens merge</c> combines only records with equal settings.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportSettings? Settings { get; init; }

    /// <summary>
    /// The sections analyzers own (<see cref="Analysis.IReportSection"/>), by key, in analyzer order: written after
    /// <c>settings</c>, except those with the place they had in schema version 1 (<see cref="Analysis.ReportSections"/>:
    /// the <c>keywords</c> just before <c>sentences</c>, the extractive <c>summary</c>, the themes' <c>clusters</c> and the <c>stance</c> after <c>diagnostics</c>, the
    /// corpus comparison of <c>--corpus</c> just before <c>settings</c>; <see cref="Formats.DocumentReportConverter"/>),
    /// and read back whole by <c>merge</c>. Null when no such analyzer ran. A fresh report's values may be written on
    /// demand from the analyzer's result (<see cref="Analysis.IReportSection.ValueWriter"/>, the keywords), not held as JSON.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Sections { get; init; }

    /// <summary>
    /// What sections write inside each sentence (<see cref="Analysis.IReportSection.SentenceKey"/>: the themes'
    /// <c>cluster</c>, the <c>stance</c>), by sentence key, in analyzer order: a JSON array with one element per sentence
    /// of <see cref="Sentences"/>, JSON null where a sentence has no value. One array per key rather than a property bag
    /// per sentence, so a long document stays small; <see cref="Formats.DocumentReportConverter"/> writes each value
    /// inside its sentence, after the sentence's position (<see cref="Analysis.ReportSections.SentenceValuesLast"/>, the
    /// <c>stance</c>, last), and reads them back. Null: none.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? SentenceValues { get; init; }
}

public sealed record DocumentStats(int Characters, int Words, int Sentences, int Paragraphs);

public sealed record SentenceReport(int Index, string Text, int Start, int Length, int Line, int Column);

public sealed record DiagnosticReport(
    string Id,
    string Severity,
    string Category,
    string Title,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Start,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Length,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Line,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Column,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EndLine,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EndColumn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Suppression,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Snippet = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fingerprint = null);

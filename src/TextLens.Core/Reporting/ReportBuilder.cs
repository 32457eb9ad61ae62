using System.Buffers;
using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Reporting;

/// <summary>Turns analyses into the report model every format writes. Documents are sorted by path (ordinal).</summary>
public static class ReportBuilder
{
    public const string ToolName = "TextLens";

    public static string ToolVersion { get; } =
        typeof(ReportBuilder).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <param name="analyses">The documents' analyses, in any order.</param>
    /// <param name="settings">What produced them, recorded with each document (null: not recorded).</param>
    /// <param name="sections">The report sections of the analyzers that ran (<see cref="AnalysisEngine.Sections"/>).</param>
    public static CorpusReport Build(IEnumerable<DocumentAnalysis> analyses, ReportSettings? settings = null, IReadOnlyList<IReportSection>? sections = null)
    {
        DocumentAnalysis[] ordered = [.. analyses.OrderBy(a => a.Path, StringComparer.Ordinal)];
        return FromDocuments([.. ordered.Select(a => BuildDocument(a, sections) with { Settings = settings })], sections);
    }

    /// <summary>The report of document records already in report order (ordinal path order), e.g. merged from partial results.</summary>
    /// <param name="sections">The report sections whose corpus aggregates the summary holds (<see cref="IReportSection.CorpusKey"/>).</param>
    public static CorpusReport FromDocuments(IReadOnlyList<DocumentReport> documents, IReadOnlyList<IReportSection>? sections = null)
    {
        var summary = new CorpusSummaryBuilder(sections);
        foreach (DocumentReport d in documents)
        {
            summary.Add(d);
        }

        return new CorpusReport(CorpusReport.CurrentSchemaVersion, new ToolInfo(ToolName, ToolVersion), summary.Build(), documents);
    }

    /// <param name="sections">The report sections of the analyzers that ran; each adds its value to the document (a failed one too, where it has one).</param>
    public static DocumentReport BuildDocument(DocumentAnalysis analysis, IReadOnlyList<IReportSection>? sections = null)
    {
        DiagnosticReport[] diagnostics = [.. analysis.Diagnostics.Select(ToReport)];
        if (analysis.Document is not { } doc)
        {
            return new DocumentReport(analysis.Path, "failed", null, [], diagnostics) { Sections = ValuesOf(analysis, sections) };
        }

        SourceText source = doc.Source;
        SentenceReport[] sentences = [.. doc.Sentences.Select(s =>
        {
            LinePosition p = source.GetLinePosition(s.Span.Start);
            return new SentenceReport(s.Index, s.Text, s.Span.Start, s.Span.Length, p.DisplayLine, p.DisplayColumn);
        })];
        var stats = new DocumentStats(source.Length, doc.WordCount, doc.Sentences.Count, doc.Paragraphs.Count);
        return new DocumentReport(analysis.Path, "analysed", stats, sentences, diagnostics)
        {
            Sections = ValuesOf(analysis, sections),
            SentenceValues = SentenceValues(analysis, doc.Sentences.Count, sections),
        };
    }

    /// <summary>Each section's values inside the sentences, as one JSON array per sentence key (null where a sentence has none).</summary>
    private static SentenceValueColumns? SentenceValues(DocumentAnalysis analysis, int count, IReadOnlyList<IReportSection>? sections)
    {
        SentenceValueColumns? values = null;
        foreach (IReportSection section in sections ?? [])
        {
            if (section.SentenceKey is not { } key)
            {
                continue;
            }

            // A section that writes its values from its result keeps a writer, not the JSON (the stance of a long document).
            if (section.SentenceWriter(analysis) is { } sentenceWriter)
            {
                if (count > 0)
                {
                    (values ??= new SentenceValueColumns()).Add(key, sentenceWriter, count);
                }

                continue;
            }

            var buffer = new ArrayBufferWriter<byte>();
            bool any = false;
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                for (int i = 0; i < count; i++)
                {
                    if (section.WriteSentence(writer, analysis, i))
                    {
                        any = true;
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }
                }

                writer.WriteEndArray();
            }

            if (any)
            {
                // The document reads the written bytes in place and is kept, not disposed: a clone would copy the bytes and
                // the token index once more (a 100,000-sentence document's stance: some 70 MB at once, on top of these).
#pragma warning disable CA2000 // The element lives as long as the report: nothing to return early.
                JsonDocument column = JsonDocument.Parse(buffer.WrittenMemory);
#pragma warning restore CA2000
                (values ??= new SentenceValueColumns()).Add(key, column.RootElement);
            }
        }

        return values;
    }

    /// <summary>
    /// Each section's value: its writer where it has one (<see cref="IReportSection.ValueWriter"/>, holding what it needs
    /// of the result), otherwise <see cref="IReportSection.Build"/>'s node written once and read in place.
    /// </summary>
    private static SectionValues? ValuesOf(DocumentAnalysis analysis, IReadOnlyList<IReportSection>? sections)
    {
        SectionValues? values = null;
        foreach (IReportSection section in sections ?? [])
        {
            if (section.ValueWriter(analysis) is { } valueWriter)
            {
                (values ??= new SectionValues()).Append(section.Key, valueWriter, section.CorpusValueWriter(analysis), section.ViewValueWriter(analysis));
                continue;
            }

            if (section.Build(analysis) is not { } node)
            {
                continue;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                node.WriteTo(writer);
            }

            // As with the sentences' values: the document reads the written bytes in place and lives as long as the report.
#pragma warning disable CA2000 // The element lives as long as the report: nothing to return early.
            (values ??= new SectionValues()).Append(section.Key, JsonDocument.Parse(buffer.WrittenMemory).RootElement);
#pragma warning restore CA2000
        }

        return values;
    }

    public static DiagnosticReport ToReport(Diagnostic d) => new(
        d.Id,
        d.Severity.ToName(),
        d.Rule.Category,
        d.Rule.Title,
        d.Message,
        d.Span?.Start,
        d.Span?.Length,
        d.Location?.Start.DisplayLine,
        d.Location?.Start.DisplayColumn,
        d.Location?.End.DisplayLine,
        d.Location?.End.DisplayColumn,
        d.Suppression switch
        {
            SuppressionKind.InSource => "inSource",
            SuppressionKind.Baseline => "baseline",
            _ => null,
        },
        d.Snippet,
        d.Fingerprint);
}

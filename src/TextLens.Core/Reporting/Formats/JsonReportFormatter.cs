using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TextLens.Core.Reporting.Formats;

/// <summary>The versioned JSON report (docs/report-schema.md). Deterministic: properties in declaration order, LF line ends.</summary>
public sealed class JsonReportFormatter : IReportFormatter
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.Strict,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ReportJsonContext.ReportTypes, new DefaultJsonTypeInfoResolver()),
        Converters = { new DocumentReportConverter() },
    };

    public string Name => "json";

    public string Extension => ".json";

    public IReportWriter Open(TextWriter output, FormatSettings settings, Func<IReportSpool> spools)
    {
        ArgumentNullException.ThrowIfNull(spools);
        return new Writer(output, spools());
    }

    /// <summary>
    /// The summary comes before the documents, so the documents wait in a spool, each serialised on its own and
    /// indented to its place in the array: the bytes are those of serialising the whole <see cref="CorpusReport"/>.
    /// </summary>
    private sealed class Writer(TextWriter output, IReportSpool documents) : IReportWriter
    {
        private const string EmptyDocuments = "[]\n}";
        private int _count;

        private static ReadOnlySpan<byte> FirstSeparator => "\n    "u8;

        private static ReadOnlySpan<byte> Separator => ",\n    "u8;

        public void WriteDocument(DocumentReport document)
        {
            if (documents is IUtf8ReportSpool bytes)
            {
                // The record is UTF-8 from the JSON writer on: spooled and copied out as bytes where the output takes them.
                bytes.Utf8.Write(_count++ == 0 ? FirstSeparator : Separator);
                JsonText.SerializeUtf8(bytes.Utf8, document, Options, indent: 4);
                return;
            }

            documents.Writer.Write(_count++ == 0 ? "\n    " : ",\n    ");
            JsonText.Serialize(documents.Writer, document, Options, indent: 4);
        }

        public void Complete(ReportCompletion completion)
        {
            string head = JsonSerializer.Serialize(new CorpusReport(CorpusReport.CurrentSchemaVersion, completion.Tool, completion.Summary, []), Options);
            if (_count == 0)
            {
                output.Write(head);
            }
            else
            {
                output.Write(head.AsSpan(0, head.Length - EmptyDocuments.Length));
                output.Write('[');
                if (documents is IUtf8ReportSpool bytes)
                {
                    Utf8Copy.To(output, bytes);
                }
                else
                {
                    documents.CopyTo(output);
                }

                output.Write("\n  ]\n}");
            }

            output.Write('\n');
        }

        public void Dispose() => documents.Dispose();
    }
}

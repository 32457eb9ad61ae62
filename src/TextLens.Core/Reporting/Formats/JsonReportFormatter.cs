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
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(spools);
        return new Writer(output, spools(), settings.ExpectedDocuments);
    }

    /// <summary>
    /// The summary comes before the documents, so the documents wait in a spool, each serialised on its own and
    /// indented to its place in the array: the bytes are those of serialising the whole <see cref="CorpusReport"/>.
    /// The document expected last (<see cref="FormatSettings.ExpectedDocuments"/>) does not wait in the spool: it is held
    /// as it is and written straight to the output after the summary, so a one-document report (100 MB of JSON for a
    /// document of 100,000 sentences) is written once, not spooled to a scratch file and copied. Should more documents
    /// come than expected, the held one goes to the spool first, in order.
    /// </summary>
    private sealed class Writer(TextWriter output, IReportSpool documents, int? expected) : IReportWriter
    {
        private const string EmptyDocuments = "[]\n}";
        private int _count;
        private int _spooled;
        private DocumentReport? _last;

        private static ReadOnlySpan<byte> FirstSeparator => "\n    "u8;

        private static ReadOnlySpan<byte> Separator => ",\n    "u8;

        public void WriteDocument(DocumentReport document)
        {
            if (_last is { } held)
            {
                _last = null;
                Spool(held);
            }

            if (++_count == expected)
            {
                _last = document;
                return;
            }

            Spool(document);
        }

        private void Spool(DocumentReport document)
        {
            if (documents is IUtf8ReportSpool bytes)
            {
                // The record is UTF-8 from the JSON writer on: spooled and copied out as bytes where the output takes them.
                bytes.Utf8.Write(_spooled++ == 0 ? FirstSeparator : Separator);
                JsonText.SerializeUtf8(bytes.Utf8, document, Options, indent: 4);
                return;
            }

            documents.Writer.Write(_spooled++ == 0 ? "\n    " : ",\n    ");
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
                if (_spooled > 0)
                {
                    if (documents is IUtf8ReportSpool bytes)
                    {
                        Utf8Copy.To(output, bytes);
                    }
                    else
                    {
                        documents.CopyTo(output);
                    }
                }

                if (_last is { } last)
                {
                    _last = null;
                    output.Write(_spooled == 0 ? "\n    " : ",\n    ");
                    if (output is IUtf8Output utf8)
                    {
                        using var stream = new Utf8OutputStream(utf8);
                        JsonText.SerializeUtf8(stream, last, Options, indent: 4);
                    }
                    else
                    {
                        JsonText.Serialize(output, last, Options, indent: 4);
                    }
                }

                output.Write("\n  ]\n}");
            }

            output.Write('\n');
        }

        public void Dispose() => documents.Dispose();
    }
}

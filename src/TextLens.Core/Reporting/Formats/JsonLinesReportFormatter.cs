using System.Text.Json;

namespace TextLens.Core.Reporting.Formats;

/// <summary>
/// JSON Lines: one line per document, the same document object as in the <c>documents</c> array of the
/// <c>json</c> format (compact), in report order, written as soon as the document is done. No corpus summary:
/// it is computed from the records (<see cref="CorpusSummaryBuilder"/>), e.g. by <c>textlens merge</c>.
/// </summary>
public sealed class JsonLinesReportFormatter : IReportFormatter
{
    /// <summary>The options of <see cref="JsonReportFormatter.Options"/> without indentation.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonReportFormatter.Options) { WriteIndented = false };

    public string Name => "jsonl";

    public string Extension => ".jsonl";

    public IReportWriter Open(TextWriter output, FormatSettings settings, Func<IReportSpool> spools) => new Writer(output);

    private sealed class Writer(TextWriter output) : DirectReportWriter(output)
    {
        public override void WriteDocument(DocumentReport document)
        {
            JsonText.Serialize(Output, document, Options);
            Output.Write('\n');
        }
    }
}

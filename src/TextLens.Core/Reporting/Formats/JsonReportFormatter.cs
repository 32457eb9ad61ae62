using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

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
    };

    public string Name => "json";

    public string Extension => ".json";

    public void Write(CorpusReport report, TextWriter writer, FormatSettings settings)
    {
        writer.Write(JsonSerializer.Serialize(report, Options));
        writer.Write('\n');
    }
}

using System.Text.Json;
using TextLens.Core.Text;

namespace TextLens.Core.Analysis;

/// <summary>How a report section writes where a span stands in its document: the properties every located value shares.</summary>
public static class SpanJson
{
    /// <summary>Writes <c>start</c> and <c>length</c> of <paramref name="span"/> and the 1-based <c>line</c> and <c>column</c> of its start in <paramref name="source"/>.</summary>
    public static void WriteLocation(Utf8JsonWriter writer, SourceText source, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(source);
        LinePosition at = source.GetLinePosition(span.Start);
        writer.WriteNumber("start"u8, span.Start);
        writer.WriteNumber("length"u8, span.Length);
        writer.WriteNumber("line"u8, at.DisplayLine);
        writer.WriteNumber("column"u8, at.DisplayColumn);
    }
}

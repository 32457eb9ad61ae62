using System.Text.Json;
using System.Text.Json.Nodes;

namespace TextLens.Core.Analysis;

/// <summary>
/// A section of the report that an analyzer owns (its slice): the JSON value it adds to each document object under
/// <see cref="Key"/>, the JSON Schema of that value, and what the console, Markdown and HTML formats show of it.
/// </summary>
/// <remarks>
/// The formats never see the analyzer's result, only the JSON: <see cref="Present"/> reads the value back, so a
/// result merged from partial runs (<c>textlens merge</c> reads the JSON records) shows exactly what one run shows.
/// A format writes the view generically (facts, then a table), escaping for itself: a section writes no markup.
/// </remarks>
public interface IReportSection
{
    /// <summary>The property of the document object (camelCase, unique, not a built-in property such as <c>stance</c>).</summary>
    string Key { get; }

    /// <summary>The heading the human-readable formats give the section.</summary>
    string Title { get; }

    /// <summary>The JSON Schema (draft 2020-12) of the value, as JSON text; the report schema gains it under <see cref="Key"/>.</summary>
    string Schema { get; }

    /// <summary>The section's value for one analysed document, from its analyzer's result; null leaves the property out.</summary>
    JsonNode? Build(DocumentAnalysis analysis);

    /// <summary>What the human-readable formats show, computed from the value <see cref="Build"/> wrote.</summary>
    SectionView Present(JsonElement value);
}

/// <summary>A format-neutral view of a section: labelled facts, then an optional table. Plain text only.</summary>
public sealed record SectionView(IReadOnlyList<SectionFact> Facts, SectionTable? Table = null)
{
    public static SectionView Empty { get; } = new([]);
}

/// <summary>One labelled value ("mean sentence length", "21.4 words").</summary>
public sealed record SectionFact(string Label, string Value);

/// <summary>A table of plain-text cells; every row has as many cells as there are columns.</summary>
public sealed record SectionTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

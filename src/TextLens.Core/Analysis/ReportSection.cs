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

    /// <summary>The label the console gives it, where the built-in parts have short lower-case labels (<c>summary:</c>); <see cref="Title"/> unless given.</summary>
    string ShortTitle => Title;

    /// <summary>Where the human-readable formats show it: after the built-in parts (the default), before them, or first, under the document's heading.</summary>
    SectionPlacement Placement => SectionPlacement.End;

    /// <summary>
    /// The heading of the column the corpus overview (HTML) gives the section, each document's cell being its view's
    /// <see cref="SectionView.Overview"/>; null (the default): no column.
    /// </summary>
    string? OverviewColumn => null;

    /// <summary>The JSON Schema (draft 2020-12) of the value, as JSON text; the report schema gains it under <see cref="Key"/>.</summary>
    string Schema { get; }

    /// <summary>The section's value for one analysed document, from its analyzer's result; null leaves the property out.</summary>
    JsonNode? Build(DocumentAnalysis analysis);

    /// <summary>What the human-readable formats show, computed from the value <see cref="Build"/> wrote.</summary>
    SectionView Present(JsonElement value);

    /// <summary>
    /// The property the section adds to each sentence object of the document (<c>sentences[i].cluster</c>): camelCase,
    /// unique among the sections, not one of the sentence's own properties (<see cref="ReportSections.ReservedSentenceKeys"/>);
    /// null (the default): the section writes nothing inside the sentences.
    /// </summary>
    string? SentenceKey => null;

    /// <summary>The JSON Schema of a sentence's value (with <see cref="SentenceKey"/>); the report schema gains it among the sentence's properties.</summary>
    string? SentenceSchema => null;

    /// <summary>
    /// The value sentence <paramref name="index"/> of an analysed document carries under <see cref="SentenceKey"/>; null
    /// leaves the property out of that sentence. Called once per sentence, in order, while the report is built: the
    /// values of a document are kept as one compact JSON array (see <c>DocumentReport.SentenceValues</c>), never as an
    /// object per sentence, so a document of 100,000 sentences costs a few bytes a sentence.
    /// </summary>
    JsonNode? BuildSentence(DocumentAnalysis analysis, int index) => null;

    /// <summary>
    /// What the human-readable formats show, from the value and the sentences' values: <paramref name="sentenceValues"/> is
    /// a JSON array with one element per sentence (JSON null where a sentence has none), or an undefined element when
    /// the sentences carry none. By default the sentences' values are not shown: <see cref="Present(JsonElement)"/>.
    /// </summary>
    SectionView Present(JsonElement value, JsonElement sentenceValues) => Present(value);

    /// <summary>
    /// What HTML says under the section's title where the document has no value, or its <see cref="SectionView.Groups"/>
    /// are empty (for a <see cref="SectionPlacement.Body"/> section: "No themes in this report …"); null (the default): nothing is shown.
    /// </summary>
    string? MissingNote => null;
}

/// <summary>Where console, Markdown and HTML show a section (its JSON place is told by <see cref="ReportSections"/>).</summary>
public enum SectionPlacement
{
    /// <summary>After the document's built-in parts: the title, the facts, then the table.</summary>
    End,

    /// <summary>
    /// First, under the document's heading: one line, the title and the view's <see cref="SectionView.Headline"/>
    /// (HTML adds its <see cref="SectionView.Details"/>); a view without a headline is shown as at the end.
    /// </summary>
    Lead,

    /// <summary>
    /// Before the document's built-in parts (keywords, themes, stance), after the <see cref="Lead"/> sections and the
    /// document's facts: what the document says comes before what the analyses make of it.
    /// </summary>
    Start,

    /// <summary>
    /// Among the analyses, where the themes stand: after the keywords, before the stance (until those two are sections
    /// too, when it is simply analyzer order). HTML shows it with the charts, only in a detailed section of a document
    /// that has sentences, and there says <see cref="IReportSection.MissingNote"/> where the document has no value.
    /// </summary>
    Body,
}

/// <summary>A format-neutral view of a section: labelled facts, then an optional table, then an optional excerpt. Plain text only.</summary>
public sealed record SectionView(IReadOnlyList<SectionFact> Facts, SectionTable? Table = null)
{
    public static SectionView Empty { get; } = new([]);

    /// <summary>The one line a <see cref="SectionPlacement.Lead"/> section shows after its title; null: none.</summary>
    public string? Headline { get; init; }

    /// <summary>Sentences quoted from the document, after the facts and the table; null: none. An excerpt with no sentence, and nothing else, is not shown.</summary>
    public SectionExcerpt? Excerpt { get; init; }

    /// <summary>The document's cell in the corpus overview's column of the section (<see cref="IReportSection.OverviewColumn"/>); null: empty.</summary>
    public string? Overview { get; init; }

    /// <summary>
    /// The document's sentences in groups (themes), after the excerpt: console and Markdown list the groups with their
    /// representative sentences, HTML draws the document as a strip coloured by group and colours its text the same way.
    /// Null: none.
    /// </summary>
    public SentenceGroups? Groups { get; init; }

    /// <summary>False when the view has nothing to show: no fact, no table, and an empty excerpt or no group.</summary>
    public bool Shows => Facts.Count > 0 || Table is not null || Excerpt is { Sentences.Count: > 0 } || Groups is { Groups.Count: > 0 }
        || (Excerpt is null && Groups is null);

    /// <summary>Lines HTML lists under the headline, where there is room for them (console and Markdown keep to the headline); null: none.</summary>
    public SectionList? Details { get; init; }
}

/// <summary>A list of plain-text lines; <paramref name="Name"/> (a lower-case word) names it for styling (HTML class).</summary>
public sealed record SectionList(string Name, IReadOnlyList<string> Items);

/// <summary>
/// Sentences of the document, in the order shown. Console prints each with its line, Markdown as a block quotation,
/// HTML as a numbered list whose items link to the sentence in the document's text where the page shows it.
/// </summary>
public sealed record SectionExcerpt(IReadOnlyList<QuotedSentence> Sentences);

/// <summary>
/// Sentences in groups, in the order shown (<see cref="SentenceGroup.Id"/> numbers them from 0 in that order).
/// <see cref="Noun"/> names one group in the formats' words ("theme": "theme: …", "no theme", "Theme" over a column).
/// </summary>
public sealed record SentenceGroups(string Noun, IReadOnlyList<SentenceGroup> Groups)
{
    /// <summary>
    /// Each sentence's group id as the sentences themselves say (-1: in no group; null: the sentence says nothing), one
    /// entry per sentence; where a sentence says something it wins over the groups' <see cref="SentenceGroup.Sentences"/>.
    /// Null: the groups' lists alone.
    /// </summary>
    public IReadOnlyList<int?>? Membership { get; init; }
}

/// <summary>A group of sentences: its id, label, share of the document's sentences, its sentences (indices) and the one that represents it best.</summary>
public sealed record SentenceGroup(int Id, string Label, double Share, IReadOnlyList<int> Sentences, int Representative);

/// <summary>A sentence of the document: its index in the document's <c>sentences</c>, its 1-based line, its text.</summary>
public sealed record QuotedSentence(int Index, int Line, string Text);

/// <summary>One labelled value ("mean sentence length", "21.4 words").</summary>
public sealed record SectionFact(string Label, string Value);

/// <summary>A table of plain-text cells; every row has as many cells as there are columns.</summary>
public sealed record SectionTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

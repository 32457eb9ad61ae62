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
    /// The heading of the column the corpus overview gives the section, each document's cell being its view's
    /// <see cref="SectionView.Overview"/>; null (the default): no column. Which overviews show it: <see cref="OverviewIn"/>.
    /// </summary>
    string? OverviewColumn => null;

    /// <summary>
    /// Which corpus overviews have the <see cref="OverviewColumn"/>: the HTML page's (the default: room for a sentence,
    /// the summary's) or the Markdown table's (a short list, the top keywords), or both.
    /// </summary>
    OverviewFormats OverviewIn => OverviewFormats.Html;

    /// <summary>
    /// Style rules (CSS) the HTML page adds to its style sheet for the classes the section's view gives its parts: the
    /// <see cref="SentenceMarks.Name"/> and <see cref="TextMark.Kind"/> of its marks in the text (<c>.text mark.cue</c>).
    /// Inserted in section order after the page's own rules for the text and its finding marks; one rule or more a line,
    /// each line ending with a line break. No <c>&lt;</c> (it could close the style element):
    /// <see cref="ReportSections.Check"/> refuses it. Null (the default): none.
    /// </summary>
    string? Css => null;

    /// <summary>The JSON Schema (draft-07, as the report schema) of the value, as JSON text; the report schema gains it under <see cref="Key"/>.</summary>
    string Schema { get; }

    /// <summary>
    /// Schemas the section's own fragments (<see cref="Schema"/>, <see cref="SentenceSchema"/>, <see cref="CorpusSchema"/>)
    /// refer to as <c>#/definitions/NAME</c>, as the JSON text of an object from name to schema; the report schema gains
    /// them among its definitions (<c>ReportSchema.WithSections</c>: a name the base or another section defines otherwise
    /// is refused). What several sections use (<c>probability</c>, <c>location</c>) is the base's. Null (the default): none.
    /// </summary>
    string? Definitions => null;

    /// <summary>
    /// True when every document record carries the value: <see cref="Build"/> returns one for every document, a failed one
    /// too (the keywords: an empty list). The report schema then lists <see cref="Key"/> among the document's required
    /// properties (<c>ReportSchema.WithSections</c>). False (the default): a record may leave the value out.
    /// </summary>
    bool AlwaysWritten => false;

    /// <summary>
    /// The section's value for one document, from its analyzer's result; null leaves the property out. Called for every
    /// document of the report, a failed one too (its <see cref="DocumentAnalysis.Document"/> is null, and no analyzer
    /// ran): most sections return null there, one whose value every document carries returns its empty value (the
    /// keywords: an empty list).
    /// </summary>
    JsonNode? Build(DocumentAnalysis analysis);

    /// <summary>
    /// A writer of the section's value for one document (what <see cref="Build"/> returns) that holds only what it needs
    /// of the analysis (the keywords: the result and the text), or null (the default): the report builder then writes
    /// <see cref="Build"/>'s node once into JSON and keeps that. With a writer the report keeps it in place of the JSON:
    /// the JSON formats write the value from it as they write the record (possibly on two threads at once: it must only
    /// read), and whoever reads the value as JSON (the corpus aggregate, a view) gets it written afresh, kept no longer
    /// than they use it. For a section with a large value (the keywords of a long document, with every occurrence), whose
    /// JSON and its index would weigh more than the result it is written from. Such a writer flushes the writer between
    /// items once <see cref="Utf8JsonWriter.BytesPending"/> is large (as the keywords do every 16 KB): the JSON formats
    /// write records to a stream, and a value written without a flush waits whole in the writer's buffer (a keyword
    /// list with three million occurrences: hundreds of megabytes, doubled as the buffer grows). The bytes are the same.
    /// </summary>
    SectionValueWriter? ValueWriter(DocumentAnalysis analysis) => null;

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
    /// Writes the value sentence <paramref name="index"/> carries (what <see cref="BuildSentence"/> returns) to
    /// <paramref name="writer"/> and returns true, or writes nothing and returns false where it has none. The report
    /// builder calls this rather than <see cref="BuildSentence"/>, once per sentence: a section with a large value per
    /// sentence (the stance) writes it directly, without a tree of nodes per sentence. The default writes
    /// <see cref="BuildSentence"/>'s node.
    /// </summary>
    /// <summary>
    /// A writer of the sentences' values of an analysed document that holds only what it needs of the analysis (the
    /// stance: the result and the text), or null (the default): the report builder then writes every value once with
    /// <see cref="WriteSentence"/> into one JSON array. With a writer the report keeps it instead of the JSON, and the
    /// JSON formats write each sentence's value from it as they write the sentence (possibly on two threads at once:
    /// it must only read), and a view or SARIF reads each sentence's value written afresh (<see cref="SentenceValueView"/>).
    /// For a section with a large value per sentence, where a long document's JSON array would weigh more than the result
    /// it is written from.
    /// </summary>
    SentenceValueWriter? SentenceWriter(DocumentAnalysis analysis) => null;

    bool WriteSentence(Utf8JsonWriter writer, DocumentAnalysis analysis, int index)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (BuildSentence(analysis, index) is not { } value)
        {
            return false;
        }

        value.WriteTo(writer);
        return true;
    }

    /// <summary>
    /// What the human-readable formats show, from the value and the sentences' values: <paramref name="sentenceValues"/>
    /// reads them one sentence at a time (one per sentence, JSON null where a sentence has none; a fresh report's written
    /// from <see cref="SentenceWriter"/> as they are read, never held as one array), or is null when the sentences carry
    /// none. By default the sentences' values are not shown: <see cref="Present(JsonElement)"/>.
    /// </summary>
    SectionView Present(JsonElement value, SentenceValueView? sentenceValues) => Present(value);

    /// <summary>
    /// What HTML says under the section's title where the document has no value, or its <see cref="SectionView.Groups"/>
    /// are empty (for a <see cref="SectionPlacement.Body"/> section: "No themes in this report …"); null (the default): nothing is shown.
    /// </summary>
    string? MissingNote => null;

    /// <summary>
    /// The heading HTML gives the section among the charts of a <see cref="SectionPlacement.Body"/> section (over its
    /// groups or its series, and over its <see cref="MissingNote"/>); <see cref="Title"/> unless given.
    /// </summary>
    string ChartTitle => Title;

    /// <summary>
    /// Properties a finding gains in SARIF (a result's <c>properties</c>) from the sentence its start falls in: the
    /// finding's rule and category, and the section's value for that sentence (with <see cref="SentenceKey"/>; valid only
    /// during the call, as with <see cref="SentenceValueView"/>: the properties hold what they need of it, not the element).
    /// Null (the default): none. The stance section says which tag a stance finding rests on and how sure it is.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, JsonNode?>>? FindingProperties(string ruleId, string category, JsonElement sentenceValue) => null;

    /// <summary>
    /// The property the section adds to the corpus summary (<c>summary.topKeywords</c>): camelCase, unique among the
    /// sections, not one of the summary's own properties (<see cref="ReportSections.ReservedCorpusKeys"/>); null (the
    /// default): none. Its value is computed by <see cref="CreateAggregate"/> from the documents' values.
    /// </summary>
    string? CorpusKey => null;

    /// <summary>The JSON Schema of the corpus value (with <see cref="CorpusKey"/>); the report schema gains it among the summary's properties.</summary>
    string? CorpusSchema => null;

    /// <summary>
    /// A new running aggregate of the documents' values, for the corpus summary's <see cref="CorpusKey"/>; null (the
    /// default): none. A run and <c>textlens merge</c> both feed it every document's value in report order (ordinal
    /// path order), one at a time, from the JSON alone, so the two agree to the byte and nothing holds a document.
    /// </summary>
    ICorpusAggregate? CreateAggregate() => null;

    /// <summary>
    /// A writer of what this section's corpus aggregate (<see cref="CreateAggregate"/>) reads of a document's value, in
    /// the value's own JSON shape with the rest left out (the keywords: each keyword's text and score, not its
    /// occurrences), or null (the default): the aggregate reads the whole value. Only with a <see cref="ValueWriter"/>,
    /// whose value would otherwise be written whole and parsed for the total (a long document's keywords with 200,000
    /// occurrences: megabytes of JSON and its index, held for a moment at the run's peak). The aggregate must read the
    /// same numbers and strings from it as from the whole value (<c>textlens merge</c> feeds it whole records).
    /// </summary>
    SectionValueWriter? CorpusValueWriter(DocumentAnalysis analysis) => null;

    /// <summary>
    /// A writer of what <see cref="Present(JsonElement)"/> reads of a document's value, in the value's own JSON shape with
    /// the rest left out (the keywords: each keyword's text, score and count, not its occurrences), or null (the default):
    /// the human-readable formats read the whole value. Only with a <see cref="ValueWriter"/>, whose value would otherwise
    /// be written whole and parsed to be shown (a long document's keywords with a million occurrences: hundreds of
    /// megabytes of JSON and its index, at the run's peak). The view must be the same from it as from the whole value
    /// (<c>textlens merge</c> shows whole records).
    /// </summary>
    SectionValueWriter? ViewValueWriter(DocumentAnalysis analysis) => null;

    /// <summary>
    /// What the corpus overview shows of the corpus value (<see cref="CorpusKey"/>): Markdown writes the view's facts, a
    /// line each, under its overview table; HTML draws its <see cref="SectionView.Terms"/> as bars above its overview
    /// table. Shown only for a report of more than one document. The default: nothing.
    /// </summary>
    SectionView PresentCorpus(JsonElement value) => SectionView.Empty;
}

/// <summary>
/// A section's running aggregate over the corpus (<see cref="IReportSection.CreateAggregate"/>): fed each document's
/// value in report order, it keeps a running total (its memory does not grow with the number of documents it is fed,
/// only with what it totals, such as the distinct keywords), and gives the corpus value at the end.
/// </summary>
public interface ICorpusAggregate
{
    /// <summary>Adds one document's value (the section's JSON in the document record).</summary>
    void Add(JsonElement value);

    /// <summary>The corpus value: the summary's property under <see cref="IReportSection.CorpusKey"/>. Called once, after the last document.</summary>
    JsonNode Build();
}

/// <summary>The corpus overviews a section's <see cref="IReportSection.OverviewColumn"/> appears in.</summary>
[Flags]
public enum OverviewFormats
{
    /// <summary>In none.</summary>
    None = 0,

    /// <summary>The HTML page's overview table.</summary>
    Html = 1,

    /// <summary>The Markdown report's overview table.</summary>
    Markdown = 2,
}

/// <summary>Writes a document's value of a section (<see cref="IReportSection.ValueWriter"/>) to <paramref name="writer"/>.</summary>
public delegate void SectionValueWriter(Utf8JsonWriter writer);

/// <summary>
/// Writes sentence <paramref name="index"/>'s value to <paramref name="writer"/> (after <paramref name="propertyName"/>,
/// when given: the value inside the sentence object; without, an array element) and returns true, or writes nothing
/// and returns false where the sentence has none (<see cref="IReportSection.SentenceWriter"/>).
/// </summary>
public delegate bool SentenceValueWriter(Utf8JsonWriter writer, int index, string? propertyName);

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
    /// Among the analyses, in analyzer order (the keywords, the themes, the stance). HTML draws their ranked terms and
    /// bars in one row, then the other parts with the charts, only in a detailed section of a document that has
    /// sentences, and there says <see cref="IReportSection.MissingNote"/> where the document has no value.
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

    /// <summary>False when the view has nothing to show: no fact, no table, and an empty excerpt, no group or no term.</summary>
    public bool Shows => Facts.Count > 0 || Table is not null || Excerpt is { Sentences.Count: > 0 } || Groups is { Groups.Count: > 0 }
        || Terms is { Terms.Count: > 0 } || (Excerpt is null && Groups is null && Terms is null);

    /// <summary>Lines HTML lists under the headline, where there is room for them (console and Markdown keep to the headline); null: none.</summary>
    public SectionList? Details { get; init; }

    /// <summary>
    /// What Markdown writes collapsed after the view's other parts (a <c>details</c> block), and the console, which keeps
    /// short, replaces with the fold's <see cref="SectionFold.Brief"/> lines. HTML draws a view that has charts
    /// (<see cref="Series"/>, <see cref="Bars"/>) in place of its facts, table and fold. Null: none.
    /// </summary>
    public SectionFold? Fold { get; init; }

    /// <summary>
    /// A value and a category for each sentence (HTML: a timeline of the document, one column per sentence or per bin
    /// of consecutive sentences, the value up or down and the categories stacked under it, under the section's
    /// <see cref="IReportSection.ChartTitle"/>; only for a <see cref="SectionPlacement.Body"/> section). Null: none.
    /// </summary>
    public SentenceSeries? Series { get; init; }

    /// <summary>
    /// Labelled values from −1 to +1 (HTML: diverging bars beside the document's keyword bars, for a
    /// <see cref="SectionPlacement.Body"/> section). Null: none.
    /// </summary>
    public SectionBars? Bars { get; init; }

    /// <summary>Words to highlight in the sentences (HTML marks them in the document's text). Null: none.</summary>
    public SentenceMarks? Marks { get; init; }

    /// <summary>
    /// Ranked terms with a weight each (the keywords): the console writes one line (<c>  keywords: term 0.87, …</c>),
    /// Markdown one line (<c>**Keywords:** term (0.87) · …</c>), HTML bars beside the other sections' bars (or, in a
    /// compact document section, one line of the first terms). Each format shows at most
    /// <c>FormatSettings.TopKeywords</c> of them (<c>--top</c>). A view with no term, and nothing else, is not shown. Null: none.
    /// </summary>
    public RankedTerms? Terms { get; init; }

    /// <summary>
    /// A short note for each sentence (null: none for that sentence), which HTML adds to the sentence's tooltip in the
    /// document's text, after its position and group. Null: none.
    /// </summary>
    public IReadOnlyList<string?>? SentenceNotes { get; init; }
}

/// <summary>
/// The collapsed part of a view (<see cref="SectionView.Fold"/>): its <paramref name="Summary"/> (the line shown while it
/// is collapsed), lists of sentences, then a table. Markdown writes a <c>details</c> block (none when the fold holds
/// nothing); the console writes the <see cref="Brief"/> instead, a <c>label: value</c> line each.
/// </summary>
public sealed record SectionFold(string Summary, IReadOnlyList<SentenceList> Lists, SectionTable? Table = null)
{
    /// <summary>The console's lines in place of the fold: a label (lower case, like a section's short title) and its value.</summary>
    public IReadOnlyList<SectionFact> Brief { get; init; } = [];
}

/// <summary>A titled list of sentences, each with a short tag ("hedged 0.82"): Markdown writes <c>- line N (tag): text</c>, the text clipped to 160 characters.</summary>
public sealed record SentenceList(string Title, IReadOnlyList<TaggedSentence> Sentences);

/// <summary>A sentence (its index in the document's <c>sentences</c>) with a short tag.</summary>
public sealed record TaggedSentence(int Index, string Tag);

/// <summary>
/// A value in [−1, 1] and a category for each sentence of the document (<see cref="Points"/>, null where a sentence has
/// none), in document order. <see cref="Categories"/> are drawn in their order with a colour each from the format's
/// palette (a <see cref="SeriesCategory.Muted"/> one pale); the value up when positive, down when negative, in the
/// positive or negative colour beyond ±0.05. <see cref="Caption"/> describes the chart with one column per sentence,
/// <see cref="BinnedCaption"/> with bins (<c>{0}</c>: sentences per bin); <see cref="ValueName"/> names the value
/// ("tone": "positive tone" in the legend) and <see cref="CategoryName"/> the categories' row ("how").
/// </summary>
public sealed record SentenceSeries(
    string Caption,
    string BinnedCaption,
    string ValueName,
    string CategoryName,
    IReadOnlyList<SeriesCategory> Categories,
    IReadOnlyList<SeriesPoint?> Points)
{
    /// <summary>
    /// A lower-case word naming the chart for styling: the class of its HTML <c>svg</c>, which the section's
    /// <see cref="IReportSection.Css"/> may style (the stance's <c>timeline</c>); null: none.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// What a sentence without a point is (the stance's "back matter, not tagged"): the legend names it with its count
    /// when some sentence has none; null: nothing is said.
    /// </summary>
    public string? MissingLabel { get; init; }
}

/// <summary>A category of a series: its name and the label the legend and tooltips give it.</summary>
public sealed record SeriesCategory(string Name, string Label)
{
    /// <summary>Drawn pale: what is not a category proper (not tagged, uncertain).</summary>
    public bool Muted { get; init; }
}

/// <summary>A sentence's value in [−1, 1] and its category (an index into <see cref="SentenceSeries.Categories"/>).</summary>
public readonly record struct SeriesPoint(double Value, int Category);

/// <summary>
/// Labelled values from −1 to +1, one bar each from a centre line, under <paramref name="Title"/>;
/// <paramref name="Caption"/> describes the chart. Each bar shows its <see cref="SectionBar.ValueText"/> beside its end
/// and its <see cref="SectionBar.Side"/> in a column headed <see cref="SideColumn"/>.
/// </summary>
public sealed record SectionBars(string Title, string Caption, IReadOnlyList<SectionBar> Rows)
{
    /// <summary>The heading of the column of the bars' <see cref="SectionBar.Side"/> texts; null: no such column.</summary>
    public string? SideColumn { get; init; }

    /// <summary>
    /// A lower-case word naming the chart for styling: the class of its HTML <c>svg</c>, which the section's
    /// <see cref="IReportSection.Css"/> may style (the stance's <c>keyterms</c>); null: none.
    /// </summary>
    public string? Name { get; init; }
}

/// <summary>One bar: its label, value in [−1, 1], the value as shown, its tooltip, and a text in the side column.</summary>
public sealed record SectionBar(string Label, double Value, string ValueText, string Tip)
{
    public string? Side { get; init; }
}

/// <summary>
/// Words to highlight, per sentence (<see cref="Sentences"/>: one entry per sentence, null or empty where none): HTML
/// marks the first occurrence of each in the sentence's text not already marked, styled by <see cref="Name"/> and the
/// mark's <see cref="TextMark.Kind"/> (lower-case words: HTML classes), its <see cref="TextMark.Note"/> as the tooltip.
/// </summary>
public sealed record SentenceMarks(string Name, IReadOnlyList<IReadOnlyList<TextMark>?> Sentences);

/// <summary>A word or phrase of a sentence to highlight: its text, its kind, and what the highlight means.</summary>
public sealed record TextMark(string Text, string Kind, string Note);

/// <summary>
/// Terms in rank order, each with a weight from 0 to 1 (the length of its bar in HTML), its value as shown and a tooltip.
/// HTML draws the bars under <see cref="Title"/> (the section's title when null), described by <paramref name="Caption"/>,
/// in which <c>{0}</c> stands for the document's path.
/// </summary>
public sealed record RankedTerms(string Caption, IReadOnlyList<RankedTerm> Terms)
{
    /// <summary>The heading HTML gives the bars; null: the section's <see cref="IReportSection.Title"/>.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// A lower-case word naming the chart for styling: the class of its HTML <c>svg</c>, which the section's
    /// <see cref="IReportSection.Css"/> may style (the keywords' <c>bars</c>); null: none.
    /// </summary>
    public string? Name { get; init; }
}

/// <summary>A ranked term: its text, its weight in [0, 1], its value as shown ("0.87", "3 documents") and its tooltip.</summary>
public sealed record RankedTerm(string Text, double Weight, string ValueText, string Tip);

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

/// <summary>One labelled value ("mean sentence length", "21.4 words"); an empty label shows the value alone.</summary>
public sealed record SectionFact(string Label, string Value);

/// <summary>A table of plain-text cells; every row has as many cells as there are columns.</summary>
public sealed record SectionTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The columns (by index) whose cells are numbers, aligned right (Markdown <c>---:</c>, HTML class <c>num</c>); empty: none.</summary>
    public IReadOnlyList<int> Numeric { get; init; } = [];
}

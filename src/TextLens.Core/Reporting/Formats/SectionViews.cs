using System.Globalization;
using System.Text;
using System.Text.Json;
using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting.Formats;

/// <summary>
/// How the human-readable formats write the sections analyzers own (<see cref="IReportSection"/>): each format
/// writes the same view (facts, then a table; or, for a <see cref="SectionPlacement.Lead"/> section, one headline
/// under the document's heading) in its own markup, with its own escaping. A value whose section is not in
/// <see cref="FormatSettings.Sections"/> stays in the JSON and is not shown.
/// </summary>
internal static class SectionViews
{
    /// <summary>The document's sections that the settings know and that are shown at <paramref name="placement"/>, in the document's order, with their views.</summary>
    public static IEnumerable<(IReportSection Section, SectionView View)> Of(DocumentReport document, FormatSettings settings, SectionPlacement placement)
    {
        if (document.Sections is not { Count: > 0 } values || settings.Sections.Count == 0)
        {
            yield break;
        }

        // By key: a value is read (a fresh report's written from its section's writer) only where it is shown.
        foreach (string key in values.Keys)
        {
            if (settings.Sections.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal)) is { } section && section.Placement == placement
                && ViewValue(values, key, out JsonElement value) && Present(section, value, document) is { Shows: true } view)
            {
                yield return (section, view);
            }
        }
    }

    /// <summary>The sections shown first, under the document's heading: a line each (<c>  corpus: …</c>).</summary>
    public static void WriteConsoleLead(StringBuilder o, DocumentReport document, FormatSettings settings)
    {
        foreach ((IReportSection section, SectionView view) in Of(document, settings, SectionPlacement.Lead))
        {
            if (view.Headline is { } headline)
            {
                o.Append("  ").Append(TerminalText.Safe(section.ShortTitle)).Append(": ").Append(TerminalText.Safe(headline)).Append('\n');
            }
            else
            {
                WriteConsole(o, section, view, settings, document.Sentences);
            }
        }
    }

    /// <summary>
    /// The sections shown at <paramref name="placement"/> (<see cref="SectionPlacement.Start"/>: before the built-in parts;
    /// <see cref="SectionPlacement.Body"/>: after the keywords; <see cref="SectionPlacement.End"/>: after them all).
    /// </summary>
    public static void WriteConsole(StringBuilder o, DocumentReport document, FormatSettings settings, SectionPlacement placement)
    {
        foreach ((IReportSection section, SectionView view) in Of(document, settings, placement))
        {
            WriteConsole(o, section, view, settings, document.Sentences);
        }
    }

    public static void WriteMarkdownLead(StringBuilder md, DocumentReport document, FormatSettings settings)
    {
        foreach ((IReportSection section, SectionView view) in Of(document, settings, SectionPlacement.Lead))
        {
            if (view.Headline is { } headline)
            {
                md.Append("**").Append(MarkdownReportFormatter.EscapeInline(section.Title)).Append(":** ").Append(MarkdownReportFormatter.EscapeProse(headline)).Append("\n\n");
            }
            else
            {
                WriteMarkdown(md, section, view, settings, document.Sentences);
            }
        }
    }

    public static void WriteMarkdown(StringBuilder md, DocumentReport document, FormatSettings settings, SectionPlacement placement)
    {
        foreach ((IReportSection section, SectionView view) in Of(document, settings, placement))
        {
            WriteMarkdown(md, section, view, settings, document.Sentences);
        }
    }

    /// <param name="sentenceAnchor">The id prefix of the sentences in the page's text of the document (<c>doc-3</c> links a quoted sentence 7 to <c>#doc-3-s7</c>); null when the page does not show the text.</param>
    public static void WriteHtmlLead(StringBuilder h, DocumentReport document, FormatSettings settings, string? sentenceAnchor)
    {
        foreach ((IReportSection section, SectionView view) in Of(document, settings, SectionPlacement.Lead))
        {
            if (view.Headline is not { } headline)
            {
                WriteHtml(h, section, view, sentenceAnchor);
                continue;
            }

            h.Append("<p class=\"").Append(E(section.Key)).Append("\"><strong>").Append(E(section.Title)).Append(":</strong> ").Append(E(headline)).Append("</p>\n");
            if (view.Details is { Items.Count: > 0 } details)
            {
                h.Append("<ul class=\"").Append(E(details.Name)).Append("\">\n");
                foreach (string item in details.Items)
                {
                    h.Append("<li>").Append(E(item)).Append("</li>\n");
                }

                h.Append("</ul>\n");
            }
        }
    }

    /// <returns>Whether a section was written.</returns>
    public static bool WriteHtml(StringBuilder h, DocumentReport document, FormatSettings settings, SectionPlacement placement, string? sentenceAnchor)
    {
        bool any = false;
        foreach ((IReportSection section, SectionView view) in Of(document, settings, placement))
        {
            WriteHtml(h, section, view, sentenceAnchor);
            any = true;
        }

        return any;
    }

    /// <summary>
    /// The <see cref="SectionPlacement.Body"/> sections the settings know, in the settings' order, with the document's
    /// view of each: null where the document has no value (HTML then says the section's <see cref="IReportSection.MissingNote"/>).
    /// </summary>
    public static IEnumerable<(IReportSection Section, SectionView? View)> Body(DocumentReport document, FormatSettings settings)
    {
        foreach (IReportSection section in settings.Sections.Where(s => s.Placement == SectionPlacement.Body))
        {
            yield return (section, document.Sections is { } values && ViewValue(values, section.Key, out JsonElement value)
                ? Present(section, value, document)
                : null);
        }
    }

    /// <summary>The sections with a column in the corpus overview of <paramref name="format"/> (<see cref="IReportSection.OverviewColumn"/>, <see cref="IReportSection.OverviewIn"/>), in the settings' order.</summary>
    public static IReadOnlyList<IReportSection> OverviewColumns(FormatSettings settings, OverviewFormats format) =>
        [.. settings.Sections.Where(s => s.OverviewColumn is not null && (s.OverviewIn & format) != 0)];

    /// <summary>
    /// The corpus views of the sections the settings know that total a value over the corpus (<see cref="IReportSection.CorpusKey"/>),
    /// in the settings' order, where the summary has the value and the view shows something.
    /// </summary>
    public static IEnumerable<(IReportSection Section, SectionView View)> Corpus(CorpusSummary summary, FormatSettings settings)
    {
        foreach (IReportSection section in settings.Sections)
        {
            if (section.CorpusKey is { } key && summary.Aggregates is { } values && values.TryGetValue(key, out JsonElement value)
                && PresentCorpus(section, value) is { Shows: true } view && (view.Facts.Count > 0 || view.Terms is { Terms.Count: > 0 }))
            {
                yield return (section, view);
            }
        }
    }

    /// <summary>The terms of a view a format shows (<see cref="FormatSettings.TopKeywords"/> at most).</summary>
    public static RankedTerm[] Shown(RankedTerms terms, FormatSettings settings) => [.. terms.Terms.Take(settings.TopKeywords)];

    /// <summary>The document's cell of each overview column: the view's <see cref="SectionView.Overview"/>, empty without one.</summary>
    public static IEnumerable<string> OverviewCells(DocumentReport document, IReadOnlyList<IReportSection> columns)
    {
        foreach (IReportSection column in columns)
        {
            yield return document.Sections is { } values && ViewValue(values, column.Key, out JsonElement value)
                ? Present(column, value, document).Overview ?? string.Empty
                : string.Empty;
        }
    }

    private static void WriteConsole(StringBuilder o, IReportSection section, SectionView view, FormatSettings settings, IReadOnlyList<SentenceReport> sentences)
    {
        bool color = settings.Color;
        o.Append("  ").Append(TerminalText.Safe(section.ShortTitle)).Append(':');
        o.Append(view.Facts.Count == 0 ? string.Empty : " " + string.Join(" \u00b7 ", view.Facts.Select(f => TerminalText.Safe(FactText(f)))));
        if (view.Terms is { Terms.Count: > 0 } terms)
        {
            // Ranked terms on the same line: each term, then its value dimmed.
            o.Append(view.Facts.Count == 0 ? " " : " \u00b7 ").Append(string.Join(", ", Shown(terms, settings).Select(t =>
                $"{Wrap(color, "36", TerminalText.Safe(t.Text))} {Wrap(color, "2", TerminalText.Safe(t.ValueText))}")));
        }

        o.Append('\n');
        if (view.Table is { Rows.Count: > 0 } table)
        {
            foreach (IReadOnlyList<string> row in table.Rows)
            {
                o.Append("    ").Append(string.Join("  ", row.Select(TerminalText.Safe))).Append('\n');
            }
        }

        foreach (QuotedSentence quoted in view.Excerpt?.Sentences ?? [])
        {
            string line = $"line {quoted.Line.ToString(CultureInfo.InvariantCulture)}:";
            o.Append("    ").Append(color ? $"\u001b[2m{line}\u001b[0m" : line).Append(' ').Append(TerminalText.Safe(quoted.Text)).Append('\n');
        }

        // Groups: number, label, share and size, then the representative sentence quoted on the next line.
        foreach (SentenceGroup group in view.Groups?.Groups ?? [])
        {
            string share = (group.Share * 100).ToString("0", CultureInfo.InvariantCulture);
            string example = TerminalText.Safe(ConsoleReportFormatter.Shorten(Representative(group, sentences), 100));
            o.Append(CultureInfo.InvariantCulture, $"    {group.Id + 1}. {Wrap(color, "36", TerminalText.Safe(group.Label))} {Wrap(color, "2", $"{share}%, {group.Sentences.Count} sentence(s)")}\n");
            o.Append(CultureInfo.InvariantCulture, $"       {Wrap(color, "2", $"\u201c{example}\u201d")}\n");
        }

        // The console shows no fold: its brief lines instead, at the section's own level.
        foreach (SectionFact line in view.Fold?.Brief ?? [])
        {
            o.Append("  ").Append(TerminalText.Safe(line.Label)).Append(": ").Append(TerminalText.Safe(line.Value)).Append('\n');
        }
    }

    /// <summary>A fact as one phrase: its label and value, or the value alone when it has no label.</summary>
    private static string FactText(SectionFact fact) => fact.Label.Length == 0 ? fact.Value : $"{fact.Label} {fact.Value}";

    /// <summary>The text of the group's representative sentence; empty when the document has no such sentence.</summary>
    private static string Representative(SentenceGroup group, IReadOnlyList<SentenceReport> sentences) =>
        group.Representative >= 0 && group.Representative < sentences.Count ? sentences[group.Representative].Text : string.Empty;

    /// <summary>An ANSI graphics code around <paramref name="text"/> when colours are on.</summary>
    private static string Wrap(bool color, string code, string text) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;

    private static void WriteMarkdown(StringBuilder md, IReportSection section, SectionView view, FormatSettings settings, IReadOnlyList<SentenceReport> sentences)
    {
        md.Append("**").Append(MarkdownReportFormatter.EscapeInline(section.Title)).Append(":**");
        md.Append(view.Facts.Count == 0 ? string.Empty : " " + string.Join(" · ", view.Facts.Select(f => MarkdownReportFormatter.EscapeProse(FactText(f)))));
        if (view.Terms is { Terms.Count: > 0 } terms)
        {
            // Ranked terms on the same line: each term with its value in parentheses.
            md.Append(view.Facts.Count == 0 ? " " : " · ").Append(string.Join(" · ", Shown(terms, settings).Select(t =>
                $"{MarkdownReportFormatter.EscapeProse(t.Text)} ({MarkdownReportFormatter.EscapeProse(t.ValueText)})")));
        }

        md.Append("\n\n");
        if (view.Table is { Rows.Count: > 0 } table)
        {
            WriteMarkdownTable(md, table);
        }

        if (view.Excerpt is { Sentences.Count: > 0 } excerpt)
        {
            // One block quotation, the sentences kept apart by an empty quoted line.
            md.Append(string.Join(">\n", excerpt.Sentences.Select(q => $"> {MarkdownReportFormatter.EscapeInline(q.Text)}\n"))).Append('\n');
        }

        if (view.Groups is { Groups.Count: > 0 } groups)
        {
            string noun = groups.Noun.Length == 0 ? "Group" : char.ToUpperInvariant(groups.Noun[0]) + groups.Noun[1..];
            md.Append("| # | ").Append(MarkdownReportFormatter.EscapeProse(noun)).Append(" | Share | Sentences | Representative sentence |\n|---:|---|---:|---:|---|\n");
            foreach (SentenceGroup group in groups.Groups)
            {
                string example = ConsoleReportFormatter.Shorten(Representative(group, sentences), 160);
                md.Append(CultureInfo.InvariantCulture, $"| {group.Id + 1} | {MarkdownReportFormatter.EscapeProse(group.Label)} | {group.Share * 100:0}% | {group.Sentences.Count} | {MarkdownReportFormatter.EscapeProse(example)} |\n");
            }

            md.Append('\n');
        }

        if (view.Fold is { } fold)
        {
            WriteMarkdownFold(md, fold, sentences);
        }
    }

    /// <summary>A table, its numeric columns aligned right, then an empty line.</summary>
    private static void WriteMarkdownTable(StringBuilder md, SectionTable table)
    {
        md.Append("| ").Append(string.Join(" | ", table.Columns.Select(MarkdownReportFormatter.Escape))).Append(" |\n|");
        for (int c = 0; c < table.Columns.Count; c++)
        {
            md.Append(table.Numeric.Contains(c) ? "---:|" : "---|");
        }

        md.Append('\n');
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(MarkdownReportFormatter.Escape))).Append(" |\n");
        }

        md.Append('\n');
    }

    /// <summary>The fold as a collapsed block (so that a job summary over many documents stays short): its lists, then its table; nothing to collapse, no block.</summary>
    private static void WriteMarkdownFold(StringBuilder md, SectionFold fold, IReadOnlyList<SentenceReport> sentences)
    {
        int before = md.Length;
        md.Append("<details><summary>").Append(MarkdownReportFormatter.Escape(fold.Summary)).Append("</summary>\n\n");
        int opened = md.Length;
        foreach (SentenceList list in fold.Lists)
        {
            if (list.Sentences.Count == 0)
            {
                continue;
            }

            md.Append('*').Append(MarkdownReportFormatter.EscapeInline(list.Title)).Append(":*\n\n");
            foreach (TaggedSentence item in list.Sentences)
            {
                SentenceReport? sentence = item.Index >= 0 && item.Index < sentences.Count ? sentences[item.Index] : null;
                md.Append(CultureInfo.InvariantCulture, $"- line {sentence?.Line ?? 0} ({MarkdownReportFormatter.EscapeProse(item.Tag)}): {MarkdownReportFormatter.EscapeProse(Clip(sentence?.Text ?? string.Empty, 160))}\n");
            }

            md.Append('\n');
        }

        if (fold.Table is { Rows.Count: > 0 } table)
        {
            WriteMarkdownTable(md, table);
        }

        if (md.Length == opened)
        {
            md.Length = before;
        }
        else
        {
            md.Append("</details>\n\n");
        }
    }

    /// <summary>At most <paramref name="max"/> characters: cut, with an ellipsis.</summary>
    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "\u2026";

    /// <summary>The view's title, facts, table and excerpt (a view's <see cref="SectionView.Groups"/> are drawn by the HTML format itself).</summary>
    public static void WriteHtml(StringBuilder h, IReportSection? section, SectionView view, string? sentenceAnchor)
    {
        if (section is not null)
        {
            h.Append("<h3>").Append(E(section.Title)).Append("</h3>\n");
        }

        if (view.Facts.Count > 0)
        {
            h.Append("<p class=\"facts\">").Append(string.Join(" · ", view.Facts.Select(f => $"{E(f.Label)} <strong>{E(f.Value)}</strong>"))).Append("</p>\n");
        }

        if (view.Table is { Rows.Count: > 0 } table)
        {
            h.Append("<div class=\"scroll\"><table><thead><tr>");
            for (int c = 0; c < table.Columns.Count; c++)
            {
                h.Append(table.Numeric.Contains(c) ? "<th class=\"num\">" : "<th>").Append(E(table.Columns[c])).Append("</th>");
            }

            h.Append("</tr></thead><tbody>\n");
            foreach (IReadOnlyList<string> row in table.Rows)
            {
                h.Append("<tr>").Append(string.Concat(row.Select((c, i) => table.Numeric.Contains(i) ? $"<td class=\"num\">{E(c)}</td>" : $"<td>{E(c)}</td>"))).Append("</tr>\n");
            }

            h.Append("</tbody></table></div>\n");
        }

        if (view.Excerpt is { Sentences.Count: > 0 } excerpt)
        {
            h.Append("<ol class=\"").Append(E(section?.Key ?? string.Empty)).Append("\">\n");
            foreach (QuotedSentence quoted in excerpt.Sentences)
            {
                string text = E(quoted.Text);
                h.Append(sentenceAnchor is null
                    ? $"<li>{text}</li>\n"
                    : string.Create(CultureInfo.InvariantCulture, $"<li><a href=\"#{E(sentenceAnchor)}-s{quoted.Index}\" title=\"line {quoted.Line}\">{text}</a></li>\n"));
            }

            h.Append("</ol>\n");
        }

        if (view.Fold is { } fold)
        {
            WriteHtmlFold(h, fold, sentenceAnchor);
        }
    }

    /// <summary>A fold as a collapsed block: its lists (each sentence linked to the page's text where it shows it), then its table; nothing to collapse, no block.</summary>
    private static void WriteHtmlFold(StringBuilder h, SectionFold fold, string? sentenceAnchor)
    {
        SentenceList[] lists = [.. fold.Lists.Where(l => l.Sentences.Count > 0)];
        if (lists.Length == 0 && fold.Table is not { Rows.Count: > 0 })
        {
            return;
        }

        h.Append("<details><summary>").Append(E(fold.Summary)).Append("</summary>\n");
        foreach (SentenceList list in lists)
        {
            h.Append("<p><em>").Append(E(list.Title)).Append("</em></p>\n<ul>\n");
            foreach (TaggedSentence item in list.Sentences)
            {
                string label = string.Create(CultureInfo.InvariantCulture, $"sentence {item.Index + 1}");
                h.Append("<li>").Append(sentenceAnchor is null ? E(label) : string.Create(CultureInfo.InvariantCulture, $"<a href=\"#{E(sentenceAnchor)}-s{item.Index}\">{E(label)}</a>"))
                 .Append(item.Tag.Length == 0 ? string.Empty : " (" + E(item.Tag) + ")").Append("</li>\n");
            }

            h.Append("</ul>\n");
        }

        if (fold.Table is { Rows.Count: > 0 } table)
        {
            WriteHtml(h, section: null, new SectionView([], table), sentenceAnchor);
        }

        h.Append("</details>\n");
    }

    /// <summary>
    /// A document's value as its view reads it: a fresh report's written by the section's view writer where it has one
    /// (the keywords without their occurrences), a record read back (merge) whole.
    /// </summary>
    private static bool ViewValue(IDictionary<string, JsonElement> values, string key, out JsonElement value) =>
        values is SectionValues fresh ? fresh.TryGetViewValue(key, out value) : values.TryGetValue(key, out value);

    /// <summary>A value the section cannot read (a hand-edited partial result given to <c>merge</c>) is shown as such, not thrown.</summary>
    private static SectionView Present(IReportSection section, JsonElement value, DocumentReport document)
    {
        try
        {
            // The sentences' values read one sentence at a time (a fresh report's written from the section's writer as read).
            return section.SentenceKey is { } key && SentenceValueColumns.View(document.SentenceValues, key) is { } sentences
                ? section.Present(value, sentences)
                : section.Present(value);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return new SectionView([new SectionFact("not shown:", $"the value is not what the {section.Key} section writes ({ex.Message})")]);
        }
    }

    /// <summary>A corpus value the section cannot read (a hand-edited summary) is shown as such, not thrown.</summary>
    private static SectionView PresentCorpus(IReportSection section, JsonElement value)
    {
        try
        {
            return section.PresentCorpus(value);
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return new SectionView([new SectionFact("not shown:", $"the value is not what the {section.Key} section writes ({ex.Message})")]);
        }
    }

    private static string E(string text) => TerminalText.Html(text);
}

using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Analyzers.Summary;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Cli.Tests;

/// <summary>The HTML report: well-formed, self-contained, and carrying the report's data.</summary>
public class HtmlReportTests
{
    private static IDocument Parse(string html)
    {
        // Strict mode throws on any HTML5 parse error, so a page that parses is well-formed.
        var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = true });
        return parser.ParseDocument(html);
    }

    private static (string Html, JsonDocument Json) Seed(TempDir dir, params string[] extra)
    {
        File.Copy(TestPaths.SeedArticle, Path.Combine(dir.Path, "seed.txt"), overwrite: true);
        Tool.Result result = Tool.Run(Tool.Request(dir.Path, ["seed.txt", .. extra]) with { Formats = ["html", "json"], Outputs = ["r.html", "r.json"] });
        return (dir.Read("r.html"), JsonDocument.Parse(dir.Read("r.json")));
    }

    [Fact]
    public void Seed_report_is_well_formed_self_contained_and_holds_the_data()
    {
        using var dir = new TempDir();
        (string html, JsonDocument json) = Seed(dir);
        using (json)
        {
            IDocument page = Parse(html);
            JsonElement doc = json.RootElement.GetProperty("documents")[0];

            Assert.Empty(page.QuerySelectorAll("script, link, iframe, img, object, embed"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Value.Contains("http://", StringComparison.Ordinal) || a.Value.Contains("https://", StringComparison.Ordinal)));

            string[] keywords = [.. doc.GetProperty("keywords").EnumerateArray().Select(k => k.GetProperty("text").GetString()!)];
            string[] bars = [.. page.QuerySelectorAll("section.doc svg.bars g > text.label").Select(t => t.TextContent)];
            Assert.Equal(keywords, bars);
            Assert.Equal(keywords.Length, page.QuerySelectorAll("section.doc svg.bars rect").Length);

            JsonElement[] sentences = [.. doc.GetProperty("sentences").EnumerateArray()];
            IElement[] spans = [.. page.QuerySelectorAll("div.text span.s")];
            Assert.Equal(sentences.Select(s => s.GetProperty("text").GetString()), spans.Select(s => s.TextContent));
            Assert.Equal(sentences.Length, spans.Select(s => s.Id).Distinct().Count());

            // The summary comes first in the section and links to its sentences; the contents list the document.
            Assert.Equal("Summary", page.QuerySelector("section.doc h3")!.TextContent);
            int[] summary = [.. doc.GetProperty("summary").GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("index").GetInt32())];
            Assert.InRange(summary.Length, 3, 5);
            Assert.Equal(summary.Select(i => $"#doc-0-s{i}"), page.QuerySelectorAll("ol.summary li a").Select(a => a.GetAttribute("href")));
            Assert.Equal(["#doc-0"], page.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")));

            // Cue words are marked, never whole sentences tinted.
            Assert.DoesNotContain(spans, s => s.GetAttribute("style")?.Contains("background", StringComparison.Ordinal) == true);
            Assert.All(page.QuerySelectorAll("div.text mark"), m => Assert.True(m.TextContent.Length < m.ParentElement!.TextContent.Length));
            Assert.DoesNotContain("UTF-16", page.Body!.TextContent, StringComparison.Ordinal);

            // Each chart is drawn from the report's data when the analysis produced it; otherwise the page says so.
            bool hasThemes = doc.TryGetProperty("clusters", out JsonElement clusters) && clusters.GetArrayLength() > 0;
            Assert.Equal(hasThemes, page.QuerySelector("section.doc svg.strip") is not null);
            Assert.Equal(!hasThemes, page.Body!.TextContent.Contains("No themes in this report", StringComparison.Ordinal));
            bool hasStance = sentences.Any(s => s.TryGetProperty("stance", out JsonElement st) && st.ValueKind == JsonValueKind.Object);
            Assert.Equal(hasStance, page.QuerySelector("section.doc svg.timeline") is not null);

            // Without the stance analyzer (this engine has none) the page shows no stance part, as it shows no themes
            // part without theirs; a stance section with no tags says so (Without_themes_and_stance_the_page_says_so).
            Assert.Equal(hasStance, page.Body.TextContent.Contains("Tone and certainty", StringComparison.Ordinal));
            Assert.True(hasThemes, "the seed report has themes");

            // One strip segment per sentence; a legend entry per theme in order, linking to its representative sentence.
            Assert.Equal(sentences.Length, page.QuerySelectorAll("svg.strip rect").Length);
            string[] legend = [.. page.QuerySelectorAll("svg.strip + ul.legend li").Select(li => li.TextContent.Split(" · ")[0])];
            Assert.Equal(clusters.EnumerateArray().Select(c => c.GetProperty("label").GetString()), legend.Where(l => l != "no theme"));
            foreach (JsonElement c in clusters.EnumerateArray())
            {
                IElement rep = page.GetElementById($"doc-0-s{c.GetProperty("representative").GetInt32()}")!;
                Assert.Contains("rep", rep.ClassList);
                Assert.Contains($"theme: {c.GetProperty("label").GetString()} (representative)", rep.GetAttribute("title"), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Control_characters_and_bidi_overrides_are_shown_as_escapes_not_written()
    {
        // An escape sequence, a bell and a right-to-left override in a document and its name: HTML does not allow the first
        // two, and the override reversed the report's own text after it (the contents list, a finding's line).
        using var dir = new TempDir();
        string name = "rates\u202Etxt.txt";
        dir.File(name, "Interest rates \u001B[31mreportedly\u001B[0m rose\u0007 today. The bank said \u202Enothing\u202C about the rise.\n");
        Tool.Run(Tool.Request(dir.Path, name) with { Formats = ["html"], Outputs = ["r.html"] });
        string html = dir.Read("r.html");

        Assert.DoesNotContain(html, c => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));
        IDocument page = Parse(html);
        Assert.Contains("Interest rates \\u001B[31mreportedly\\u001B[0m rose\\u0007 today.", page.QuerySelector("div.text")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("said \\u202Enothing\\u202C about", page.QuerySelector("div.text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("rates\\u202Etxt.txt", page.QuerySelector("nav.toc a")!.TextContent);
    }

    [Fact]
    public void Diagnostics_link_to_their_highlighted_sentence()
    {
        using var dir = new TempDir();
        dir.File("notes.md", "# Notes\n\nThe plan was dropped.\n\nIt was reportedly revived in 2024.\n\n<!-- textlens-disable-next-line -->\nIt was reportedly shelved.\n");
        Tool.Result result = Tool.Run(Tool.Request(dir.Path, "notes.md") with { Formats = ["html"], FailOn = Severity.Warning });
        Assert.Equal(1, result.ExitCode);
        IDocument page = Parse(result.Stdout);

        IElement[] items = [.. page.QuerySelectorAll("ul.diagnostics li")];
        Assert.Equal(3, items.Length); // the word and the number on line 5, the suppressed word on line 8
        foreach (IElement item in items)
        {
            string target = item.QuerySelector("a.loc")!.GetAttribute("href")!;
            IElement sentence = page.GetElementById(target[1..])!;
            Assert.StartsWith("It was reportedly", sentence.TextContent, StringComparison.Ordinal);
        }

        Assert.Single(page.QuerySelectorAll("ul.diagnostics li.suppressed"));
        IElement flagged = Assert.Single(page.QuerySelectorAll("span.s.flagged"));
        Assert.Equal("It was reportedly revived in 2024.", flagged.TextContent);
        Assert.Equal(["reportedly", "2024"], flagged.QuerySelectorAll("mark.finding").Select(m => m.TextContent));
        Assert.Contains("TL9101", items[0].TextContent, StringComparison.Ordinal);
    }

    /// <summary>The typed report behind the tool's JSON output (the JSON form round-trips to the records).</summary>
    private static CorpusReport Typed(JsonDocument json)
    {
        using (json)
        {
            return json.RootElement.Deserialize<CorpusReport>(JsonReportFormatter.Options)!;
        }
    }

    private static string Render(CorpusReport report)
    {
        var writer = new StringWriter();
        new HtmlReportFormatter().Write(report, writer, FormatSettings.Default with { Sections = [KeywordsSection.Instance, ThemesSection.Instance, StanceSection.Instance, SummarySection.Instance] });
        return writer.ToString();
    }

    [Fact]
    public void Without_themes_and_stance_the_page_says_so()
    {
        using var dir = new TempDir();
        (_, JsonDocument json) = Seed(dir);
        CorpusReport report = Typed(json);
        DocumentReport doc = report.Documents[0];
        CorpusReport bare = report with
        {
            Documents =
            [
                doc with
                {
                    Sections = doc.Sections!.Where(s => s.Key is not ("clusters" or "stance")).ToDictionary(StringComparer.Ordinal),
                    SentenceValues = null,
                },
            ],
        };

        IDocument page = Parse(Render(bare));
        Assert.Null(page.QuerySelector("svg.strip"));
        Assert.Null(page.QuerySelector("svg.timeline"));
        Assert.Contains("No themes in this report", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No stance in this report", page.Body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg.bars"));
    }

    [Fact]
    public void Themes_and_stance_render_when_the_report_has_them()
    {
        using var dir = new TempDir();
        (_, JsonDocument json) = Seed(dir);
        CorpusReport report = Typed(json);
        DocumentReport doc = report.Documents[0];

        // Known themes and stances in place of the analysers' own: sentence i is in cluster (i % 4) - 1 (with an entry
        // for the outliers too), carries the epistemic tag i % 4 and polarity -0.5 when i % 3 == 0, else +0.25.
        int n = doc.Sentences.Count;
        var clusters = new System.Text.Json.Nodes.JsonArray();
        for (int c = -1; c < 3; c++)
        {
            int[] members = [.. Enumerable.Range(0, n).Where(i => (i % 4) - 1 == c)];
            clusters.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = c,
                ["label"] = c < 0 ? "outliers" : $"label {c}",
                ["terms"] = new System.Text.Json.Nodes.JsonArray(),
                ["sentences"] = new System.Text.Json.Nodes.JsonArray([.. members.Select(m => (System.Text.Json.Nodes.JsonNode)m)]),
                ["representative"] = members[0],
                ["share"] = members.Length / (double)n,
            });
        }

        JsonElement assigned = JsonSerializer.SerializeToElement(Enumerable.Range(0, n).Select(i => (i % 4) - 1).ToArray());

        string[] tags = ["asserted", "hedged", "attributed", "prescriptive"];
        System.Text.Json.Nodes.JsonObject[] stances = [.. Enumerable.Range(0, n).Select(i =>
        {
            double score = i % 3 == 0 ? -0.5 : 0.25;
            return StanceJson.Sentence(tags[i % 4], 1, score < 0 ? "negative" : "positive", score);
        })];
        JsonElement profile = StanceJson.Document(stances, Math.Round(stances.Average(s => (double)s["polarityScore"]!), 4), ("Chongryon", 20, -0.3, 0.1), ("Japan", 9, 0.4, 0));
        CorpusReport enriched = report with
        {
            Documents =
            [
                doc with
                {
                    Sections = new Dictionary<string, JsonElement>(doc.Sections!, StringComparer.Ordinal) { ["clusters"] = JsonSerializer.SerializeToElement(clusters), ["stance"] = profile },
                    SentenceValues = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["cluster"] = assigned, ["stance"] = StanceJson.Column(stances) },
                },
            ],
        };

        IDocument page = Parse(Render(enriched));

        Assert.Equal(n, page.QuerySelectorAll("svg.strip rect").Length);
        Assert.Equal(["label 0", "label 1", "label 2", "outliers"], page.QuerySelectorAll("svg.strip + ul.legend li").Select(li => li.TextContent.Split(" · ")[0]));
        Assert.Equal(n, page.QuerySelectorAll("svg.timeline rect.tone").Length);
        Assert.Equal(n, page.QuerySelectorAll("svg.timeline rect.tag").Length);
        Assert.Contains("hedged (" + Enumerable.Range(0, n).Count(i => i % 4 == 1) + ")", page.QuerySelector("div.wide + ul.legend")!.TextContent, StringComparison.Ordinal);
        IElement[] spans = [.. page.QuerySelectorAll("div.text span.s")];
        Assert.Contains("theme: label 0", spans[1].GetAttribute("title"), StringComparison.Ordinal);
        Assert.DoesNotContain("No themes", page.Body!.TextContent, StringComparison.Ordinal);

        // Tone bars: green up for positive, red down for negative sentences; an axis with +1, 0, −1 and sentence numbers.
        IElement[] bars = [.. page.QuerySelectorAll("svg.timeline rect.tone")];
        Assert.Equal(Enumerable.Range(0, n).Select(i => i % 3 == 0 ? "#cf222e" : "#1a7f37"), bars.Select(b => b.GetAttribute("fill")));
        string[] ticks = [.. page.QuerySelectorAll("svg.timeline text.tick").Select(t => t.TextContent)];
        Assert.Contains("+1", ticks);
        Assert.Contains("−1", ticks);
        Assert.Contains("1", ticks);
        Assert.Contains("40", ticks);

        // Theme and stance colours never coincide.
        string[] themeColours = [.. page.QuerySelectorAll("svg.strip + ul.legend .swatch").Select(x => x.GetAttribute("style")!)];
        string[] stanceColours = [.. page.QuerySelectorAll("div.wide + ul.legend .swatch").Select(x => x.GetAttribute("style")!)];
        Assert.Empty(themeColours.Intersect(stanceColours));

        // Stance toward key terms: one diverging bar per term, negative to the left of the axis.
        Assert.Equal(["Chongryon", "Japan"], page.QuerySelectorAll("svg.keyterms text.label").Select(t => t.TextContent));
        IElement[] termBars = [.. page.QuerySelectorAll("svg.keyterms rect")];
        double axis = double.Parse(page.QuerySelector("svg.keyterms line:not(.grid)")!.GetAttribute("x1")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(double.Parse(termBars[0].GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture) < axis);
        Assert.Equal(axis, double.Parse(termBars[1].GetAttribute("x")!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Several_documents_get_an_overview_and_failed_ones_still_render()
    {
        using var dir = new TempDir();
        dir.File("other.md", "# Other\n\nThe plan was reportedly revived.\n");
        dir.File("empty.txt", string.Empty);
        (string html, JsonDocument json) = Seed(dir, "other.md", "empty.txt", "missing.txt");
        json.Dispose();
        IDocument page = Parse(html);
        Assert.Equal(4, page.QuerySelectorAll("#overview tbody tr").Length);
        Assert.Equal(4, page.QuerySelectorAll("section.doc").Length);
        Assert.Contains("Not analysed", page.GetElementById("doc-1")!.TextContent, StringComparison.Ordinal); // missing.txt, after empty.txt
        Assert.Equal(4, page.QuerySelectorAll("nav.toc li").Length);

        // The seed and the note share no keyword, so there is no "shared keywords" chart.
        Assert.Null(page.QuerySelector("#overview svg.bars"));
    }

    [Fact]
    public void A_long_document_gets_a_binned_timeline_with_readable_marks()
    {
        using var dir = new TempDir();
        (_, JsonDocument json) = Seed(dir);
        CorpusReport report = Typed(json);
        DocumentReport doc = report.Documents[0];
        SentenceReport[] many = [.. Enumerable.Range(0, 305).Select(i => doc.Sentences[i % doc.Sentences.Count] with { Index = i })];
        System.Text.Json.Nodes.JsonObject[] stances = [.. Enumerable.Range(0, 305).Select(i => StanceJson.Sentence(i % 2 == 0 ? "hedged" : "asserted", 1, "neutral", 0.01 * (i % 7), 1,
            i % 2 == 0 ? [("hedge", doc.Sentences[i % doc.Sentences.Count].Text.Split(' ')[0])] : []))];
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["stance"] = StanceJson.Document(stances, 0) };
        IDocument page = Parse(Render(report with { Documents = [doc with { Sentences = many, SentenceValues = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["stance"] = StanceJson.Column(stances) }, Sections = values }] }));

        Assert.Equal(HtmlReportFormatter.MaxTimelineBins, page.QuerySelectorAll("svg.timeline rect.tone").Length);
        Assert.Contains("Sentences 1–2", page.QuerySelector("svg.timeline a g title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("300", page.QuerySelectorAll("svg.timeline text.tick").Select(t => t.TextContent));
        IElement[] cues = [.. page.QuerySelectorAll("div.text mark.cue.hedge")];
        Assert.InRange(cues.Length, 100, 153); // one per hedged (even) sentence where its first word is found
        Assert.All(cues, m => Assert.Equal(0, int.Parse(m.ParentElement!.Id!.Split("-s")[1], System.Globalization.CultureInfo.InvariantCulture) % 2));
    }

    [Fact]
    public void A_large_corpus_gets_compact_sections()
    {
        using var dir = new TempDir();
        (_, JsonDocument json) = Seed(dir);
        CorpusReport report = Typed(json);
        DocumentReport doc = report.Documents[0];
        DocumentReport[] documents = [.. Enumerable.Range(0, HtmlReportFormatter.DetailedDocumentLimit + 1).Select(i => doc with { Path = $"docs/{i:D3}.txt" })];
        string html = Render(report with { Documents = documents });
        IDocument page = Parse(html);

        Assert.Equal(documents.Length, page.QuerySelectorAll("section.doc").Length);
        Assert.Equal(documents.Length, page.QuerySelectorAll("nav.toc li").Length);
        Assert.Empty(page.QuerySelectorAll("div.text, svg.timeline, svg.strip"));
        Assert.Equal(documents.Length, page.QuerySelectorAll("ol.summary").Length);
        Assert.Empty(page.QuerySelectorAll("ol.summary a"));
        Assert.Contains("summary, keywords and findings only", page.QuerySelector("footer")!.TextContent, StringComparison.Ordinal);
    }
}

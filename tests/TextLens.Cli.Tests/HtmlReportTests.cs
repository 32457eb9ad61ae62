using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using TextLens.Core.Analysis;
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

            // Each chart is drawn from the report's data when the analysis produced it; otherwise the page says so.
            bool hasThemes = doc.TryGetProperty("clusters", out JsonElement clusters) && clusters.GetArrayLength() > 0;
            Assert.Equal(hasThemes, page.QuerySelector("section.doc svg.strip") is not null);
            Assert.Equal(!hasThemes, page.Body!.TextContent.Contains("No themes in this report", StringComparison.Ordinal));
            bool hasStance = sentences.Any(s => s.TryGetProperty("stance", out JsonElement st) && st.ValueKind == JsonValueKind.Object);
            Assert.Equal(hasStance, page.QuerySelector("section.doc svg.timeline") is not null);
            Assert.Equal(!hasStance, page.Body.TextContent.Contains("No stance in this report", StringComparison.Ordinal));
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
        Assert.Contains("TL9101", items[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_themes_and_stance_the_page_says_so()
    {
        using var dir = new TempDir();
        (_, JsonDocument json) = Seed(dir);
        JsonNode root;
        using (json)
        {
            root = JsonNode.Parse(json.RootElement.GetRawText())!;
        }

        JsonObject doc = root["documents"]![0]!.AsObject();
        doc.Remove("clusters");
        foreach (JsonNode? sentence in doc["sentences"]!.AsArray())
        {
            sentence!.AsObject().Remove("cluster");
            sentence.AsObject().Remove("stance");
        }

        using JsonDocument bare = JsonDocument.Parse(root.ToJsonString());
        var writer = new StringWriter();
        new HtmlReportFormatter().Write(bare.RootElement, writer, FormatSettings.Default);
        IDocument page = Parse(writer.ToString());
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
        JsonNode root;
        using (json)
        {
            root = JsonNode.Parse(json.RootElement.GetRawText())!;
        }

        // The shapes issues #4 and #6 specify: document clusters (id, label, share, sentences), per-sentence cluster and stance.
        JsonNode doc = root["documents"]![0]!;
        JsonArray sentences = doc["sentences"]!.AsArray();
        int n = sentences.Count;
        var clusters = new JsonArray();
        for (int c = -1; c < 3; c++)
        {
            int[] members = [.. Enumerable.Range(0, n).Where(i => (i % 4) - 1 == c)];
            clusters.Add(new JsonObject { ["id"] = c, ["label"] = c < 0 ? "outliers" : $"label {c}", ["share"] = members.Length / (double)n, ["sentences"] = new JsonArray([.. members.Select(m => (JsonNode)m)]) });
        }

        doc["clusters"] = clusters;
        string[] tags = ["asserted", "hedged", "attributed", "prescriptive"];
        for (int i = 0; i < n; i++)
        {
            sentences[i]!["cluster"] = (i % 4) - 1;
            double score = i % 3 == 0 ? -0.5 : 0.25;
            sentences[i]!["stance"] = i % 2 == 0
                ? new JsonObject { ["epistemic"] = tags[i % 4], ["polarity"] = score < 0 ? "negative" : "positive", ["polarityScore"] = score } // the shape of issue #6's branch
                : new JsonObject { ["epistemic"] = tags[i % 4], ["polarity"] = new JsonObject { ["label"] = "positive", ["score"] = score } };
        }

        doc["stance"] = new JsonObject
        {
            ["keyTerms"] = new JsonArray(
                new JsonObject { ["term"] = "Chongryon", ["mentions"] = 20, ["meanPolarity"] = -0.3, ["hedgedShare"] = 0.1, ["attributedShare"] = 0.2 },
                new JsonObject { ["term"] = "Japan", ["mentions"] = 9, ["meanPolarity"] = 0.4, ["hedgedShare"] = 0, ["attributedShare"] = 0.5 }),
        };

        using JsonDocument enriched = JsonDocument.Parse(root.ToJsonString());
        var writer = new StringWriter();
        new HtmlReportFormatter().Write(enriched.RootElement, writer, FormatSettings.Default);
        IDocument page = Parse(writer.ToString());

        Assert.Equal(n, page.QuerySelectorAll("svg.strip rect").Length);
        Assert.Equal(["label 0", "label 1", "label 2", "outliers"], page.QuerySelectorAll("svg.strip + ul.legend li").Select(li => li.TextContent.Split(" · ")[0]));
        Assert.Equal(n, page.QuerySelectorAll("svg.timeline circle").Length);
        Assert.Equal(n, page.QuerySelectorAll("svg.timeline rect").Length);
        Assert.Contains("hedged (" + Enumerable.Range(0, n).Count(i => i % 4 == 1) + ")", page.QuerySelector("svg.timeline + ul.legend")!.TextContent, StringComparison.Ordinal);
        IElement[] spans = [.. page.QuerySelectorAll("div.text span.s")];
        Assert.Equal(n - Enumerable.Range(0, n).Count(i => i % 4 == 0), spans.Count(s => s.GetAttribute("style")?.Contains("background", StringComparison.Ordinal) == true));
        Assert.Contains("theme: label 0", spans[1].GetAttribute("title"), StringComparison.Ordinal);
        Assert.DoesNotContain("No themes", page.Body!.TextContent, StringComparison.Ordinal);

        // Polarity bars go up for positive and down for negative sentences.
        IElement[] bars = [.. page.QuerySelectorAll("svg.timeline rect")];
        Assert.Equal(Enumerable.Range(0, n).Select(i => i % 3 == 0 ? "#e15759" : "#59a14f"), bars.Select(b => b.GetAttribute("fill")));

        // Stance toward key terms: one diverging bar per term, negative to the left of the axis.
        Assert.Equal(["Chongryon", "Japan"], page.QuerySelectorAll("svg.keyterms text.label").Select(t => t.TextContent));
        IElement[] termBars = [.. page.QuerySelectorAll("svg.keyterms rect")];
        double axis = double.Parse(page.QuerySelector("svg.keyterms line")!.GetAttribute("x1")!, System.Globalization.CultureInfo.InvariantCulture);
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
        Assert.NotNull(page.QuerySelector("#overview svg.bars"));
    }
}

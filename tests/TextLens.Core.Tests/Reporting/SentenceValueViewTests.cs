using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Loading;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Core.Tests.Reporting;

/// <summary>
/// The sentences' values as the views and SARIF read them (<see cref="SentenceValueView"/>): a fresh report's stance is
/// written sentence by sentence from the stance result, never held as one JSON array, and reads the same as the array
/// its record reads back (what <c>textlens merge</c> shows), on a CRS report (../shared/corpus/crs) and the seed article.
/// </summary>
public class SentenceValueViewTests
{
    private static readonly Lazy<AnalysisEngine> Engine = new(() => BuiltInAnalyzers.CreateEngine(TestModels.Set));

    public static TheoryData<string> Documents => new() { "seed", "R48907", "IF12155" };

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_fresh_reports_values_read_sentence_by_sentence_are_those_its_record_reads_back(string name)
    {
        (DocumentAnalysis analysis, DocumentReport fresh) = Report(name);
        DocumentReport read = ReadBack(fresh);
        foreach (string key in (string[])["stance", "cluster"])
        {
            SentenceValueView written = SentenceValueColumns.View(fresh.SentenceValues, key)!;
            SentenceValueView array = SentenceValueColumns.View(read.SentenceValues, key)!;
            Assert.Equal(analysis.Document!.Sentences.Count, written.Count);
            Assert.Equal(written.Count, array.Count);

            string[] texts = array.Read(v => v.GetRawText());
            Assert.Equal(texts, written.Read(v => v.GetRawText()));
            Assert.Equal(texts, Enumerable.Range(0, written.Count).Select(i => written.Read(i, v => v.GetRawText())));
            Assert.Equal(texts, Enumerable.Range(0, array.Count).Select(i => array.Read(i, v => v.GetRawText())));
        }

        // The stance's column is its writer (the JSON formats' and the views' source), and what it writes is the record's.
        Assert.True(((SentenceValueColumns)fresh.SentenceValues!).TryGetWriter("stance", out _));
        Assert.Contains(read.SentenceValues!["stance"].EnumerateArray(), s => s.GetProperty("cues").GetArrayLength() > 0);
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_stance_view_of_a_fresh_report_is_that_of_its_record_read_back(string name)
    {
        (_, DocumentReport fresh) = Report(name);
        DocumentReport read = ReadBack(fresh);
        SectionView a = View(fresh), b = View(read);

        Assert.Equal(b.Facts, a.Facts);
        Assert.Equal(b.SentenceNotes, a.SentenceNotes);
        Assert.Equal(b.Series!.Points, a.Series!.Points);
        Assert.Equal(b.Marks!.Sentences.Select(m => m is null ? null : string.Join("|", m)), a.Marks!.Sentences.Select(m => m is null ? null : string.Join("|", m)));
        Assert.Contains(a.Marks.Sentences, m => m is { Count: > 0 });
        Assert.Equal(b.Fold!.Lists.SelectMany(l => l.Sentences), a.Fold!.Lists.SelectMany(l => l.Sentences));
        Assert.Contains(a.Fold.Lists.SelectMany(l => l.Sentences), s => s.Tag.Length > 0);
    }

    [Fact]
    public void Sarif_writes_only_the_stance_of_the_sentences_its_findings_fall_in()
    {
        // The stance's values asked one sentence at a time: a document's other sentences are never written for SARIF
        // (they were, all of them, into one JSON array kept with the record).
        (DocumentAnalysis analysis, DocumentReport fresh) = Report("R48907");
        SentenceValueWriter stance = StanceSection.Instance.SentenceWriter(analysis)!;
        var written = new List<int>();
        var columns = new SentenceValueColumns();
        columns.Add("cluster", ((SentenceValueColumns)fresh.SentenceValues!)["cluster"]);
        columns.Add("stance", (json, i, property) =>
        {
            lock (written)
            {
                written.Add(i);
            }

            return stance(json, i, property);
        }, fresh.Sentences.Count);
        DocumentReport counted = fresh with { SentenceValues = columns };

        var sarif = new StringWriter();
        new SarifReportFormatter().Write(Corpus(counted), sarif, Settings);
        using var parsed = JsonDocument.Parse(sarif.ToString());
        int[] stanceSentences = [.. parsed.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("properties").TryGetProperty("stanceTag", out _))
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("charOffset").GetInt32())
            .Select(offset => fresh.Sentences.Single(s => offset >= s.Start && offset < s.Start + s.Length).Index)];
        Assert.NotEmpty(stanceSentences);
        Assert.Equal(stanceSentences.Distinct().Order(), written.Distinct().Order());
        Assert.True(written.Distinct().Count() < fresh.Sentences.Count / 2, $"{written.Distinct().Count()} of {fresh.Sentences.Count} sentences written");

        // The same SARIF as from the record read back, which holds the array.
        var again = new StringWriter();
        new SarifReportFormatter().Write(Corpus(ReadBack(fresh)), again, Settings);
        Assert.Equal(again.ToString(), sarif.ToString());
    }

    [Fact]
    public void Showing_a_fresh_report_keeps_no_json_of_its_sentences_with_the_record()
    {
        // Each format reads the stance afresh from its writer: the human-readable formats, one after the other, call it
        // once per sentence each (the array written on first use and kept with the record was written once, then kept).
        (DocumentAnalysis analysis, DocumentReport fresh) = Report("seed");
        SentenceValueWriter stance = StanceSection.Instance.SentenceWriter(analysis)!;
        int calls = 0;
        var columns = new SentenceValueColumns();
        columns.Add("cluster", ((SentenceValueColumns)fresh.SentenceValues!)["cluster"]);
        columns.Add("stance", (json, i, property) =>
        {
            Interlocked.Increment(ref calls);
            return stance(json, i, property);
        }, fresh.Sentences.Count);
        CorpusReport report = Corpus(fresh with { SentenceValues = columns });

        var first = new StringWriter();
        new MarkdownReportFormatter().Write(report, first, Settings);
        Assert.Equal(fresh.Sentences.Count, calls);
        var second = new StringWriter();
        new MarkdownReportFormatter().Write(report, second, Settings);
        Assert.Equal(2 * fresh.Sentences.Count, calls);
        Assert.Equal(first.ToString(), second.ToString());
    }

    private static FormatSettings Settings => FormatSettings.Default with { Rules = Engine.Value.Rules, Sections = Engine.Value.Sections };

    private static (DocumentAnalysis Analysis, DocumentReport Report) Report(string name)
    {
        string path = name == "seed" ? TestPaths.SeedArticle : SharedData.RequireOrSkip("corpus", "crs", "docs", name + ".md");
        var options = AnalysisOptions.Default;
        DocumentAnalysis analysis = Engine.Value.Analyze(DocumentLoader.LoadFile(path, Path.GetFileName(path), options.MaxFileBytes), options, DefaultSeverities.Instance);
        return (analysis, ReportBuilder.BuildDocument(analysis, Engine.Value.Sections));
    }

    private static DocumentReport ReadBack(DocumentReport document) =>
        JsonSerializer.Deserialize<DocumentReport>(JsonSerializer.Serialize(document, JsonLinesReportFormatter.Options), JsonLinesReportFormatter.Options)!;

    private static CorpusReport Corpus(DocumentReport document) => ReportBuilder.FromDocuments([document], Engine.Value.Sections);

    private static SectionView View(DocumentReport document)
    {
        IReportSection stance = Engine.Value.Sections.Single(s => s.Key == "stance");
        return stance.Present(document.Sections!["stance"], SentenceValueColumns.View(document.SentenceValues, "stance"));
    }
}

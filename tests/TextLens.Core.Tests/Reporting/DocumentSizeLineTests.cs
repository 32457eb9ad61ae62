using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Reporting;

/// <summary>The line under each document's name: its size in words, sentences (and paragraphs), the same in every human format.</summary>
public class DocumentSizeLineTests
{
    private static readonly Lazy<CorpusReport> Report = new(() =>
    {
        AnalysisEngine engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);
        AnalysisOptions options = AnalysisOptions.Default;
        string many = string.Concat(Enumerable.Range(0, 1_200).Select(i => $"The council approved budget line {i} on Monday.\n\n"));
        return ReportBuilder.Build(
        [
            engine.Analyze(SourceText.From("Approved.", "one.txt"), options, DefaultSeverities.Instance),
            engine.Analyze(SourceText.From(many, "many.txt"), options, DefaultSeverities.Instance),
        ]);
    });

    private static string Write(IReportFormatter formatter)
    {
        var writer = new StringWriter();
        formatter.Write(Report.Value, writer, FormatSettings.Default);
        return writer.ToString();
    }

    [Fact]
    public void Console_writes_one_word_and_one_sentence_in_the_singular_and_thousands_grouped()
    {
        // Before: "1 words, 1 sentences", and "1200 sentences" beside "9,600 words".
        string console = Write(new ConsoleReportFormatter());

        Assert.Contains("one.txt  1 word, 1 sentence\n", console, StringComparison.Ordinal);
        Assert.Contains("many.txt  9,600 words, 1,200 sentences\n", console, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_and_html_group_thousands_of_sentences_and_paragraphs_as_they_do_words()
    {
        string markdown = Write(new MarkdownReportFormatter());
        string html = Write(new HtmlReportFormatter());

        Assert.Contains("1 word · 1 sentence · 1 paragraph\n", markdown, StringComparison.Ordinal);
        Assert.Contains("9,600 words · 1,200 sentences · 1,200 paragraphs\n", markdown, StringComparison.Ordinal);
        Assert.Contains("<p class=\"meta\">1 word · 1 sentence · 1 paragraph</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"meta\">9,600 words · 1,200 sentences · 1,200 paragraphs</p>", html, StringComparison.Ordinal);
    }
}

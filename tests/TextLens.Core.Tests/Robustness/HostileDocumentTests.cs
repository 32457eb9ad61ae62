using System.Text;
using TextLens.Core.Analysis;
using TextLens.Core.Analysis.Baselines;
using TextLens.Core.Analysis.Configuration;
using TextLens.Core.Analyzers;
using TextLens.Core.Loading;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Robustness;

/// <summary>Documents and files that once crashed the run (issue 13, B1, B2, B5, B6, B16): each is answered with results or a diagnostic.</summary>
public sealed class HostileDocumentTests
{
    private static readonly AnalysisEngine Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set);

    [Theory]
    [InlineData("- ", 64)]
    [InlineData("1. ", 64)]
    [InlineData(">", 200)]
    [InlineData("* ", 100)]
    public void Markdown_nested_beyond_markdigs_limits_is_still_analysed(string marker, int depth)
    {
        string content = string.Concat(Enumerable.Repeat(marker, depth)) + "The minister resigned after the vote.\n\nThe council approved the budget.";
        DocumentAnalysis analysis = Analyze(content, DocumentFormat.Markdown);
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Rule == InputRules.AnalyzerFailed);
        Assert.NotNull(analysis.Document);
        Assert.True(analysis.Document!.WordCount > 5);
        Assert.Contains(analysis.Diagnostics, d => d.Rule == InputRules.ReadAsPlainText);

        // Not parsed, so where its HTML is is unknown: all of it may be (a directive comment anywhere counts).
        Assert.Equal([TextSpan.FromBounds(0, content.Length)], ProseLayout.HtmlSpans(content));
    }

    [Theory]
    [InlineData("by J.")]
    [InlineData("By Jane Doe")]
    [InlineData("By Jane Doe\n\nThe council approved the budget on Monday.")]
    public void Bylines_alone_do_not_fail_the_themes_analyzer(string content)
    {
        DocumentAnalysis analysis = Analyze(content, DocumentFormat.Markdown);
        Assert.DoesNotContain(analysis.Diagnostics, d => d.Rule == InputRules.AnalyzerFailed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf32_with_a_byte_order_mark_decodes(bool bigEndian)
    {
        var encoding = new UTF32Encoding(bigEndian, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("Chongryon’s role 😀")];
        DecodeResult result = SourceDecoder.Decode(bytes);
        Assert.Equal("Chongryon’s role 😀", result.Text);
        Assert.Equal(bigEndian ? "UTF-32 BE" : "UTF-32 LE", result.EncodingName);
    }

    [Fact]
    public void A_nul_byte_anywhere_means_binary()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(new string('a', 20_000));
        bytes[15_000] = 0;
        DecodeResult result = SourceDecoder.Decode(bytes);
        Assert.Equal(DecodeFailureKind.Binary, result.Failure);
        Assert.Equal(15_000, result.ByteOffset);
    }

    [Theory]
    [InlineData("{\"version\": 1, \"findings\": [], \"findings\": []}")]
    [InlineData("{\"version\": 1, \"version\": 1, \"findings\": []}")]
    [InlineData("{\"version\": 1, \"findings\": [{\"fingerprint\": \"a\", \"fingerprint\": \"b\"}]}")]
    [InlineData("[1, 2")]
    [InlineData("null")]
    public void Malformed_baselines_are_a_format_error(string json) =>
        Assert.Throws<BaselineFormatException>(() => Baseline.Parse(json));

    [Fact]
    public void Streams_are_read_no_further_than_the_limit()
    {
        using var endless = new PipeStream(fill: (byte)'a');
        BoundedBytes read = BoundedReader.Read(endless, 1000);
        Assert.True(read.TooLarge);
        Assert.InRange(endless.Served, 1001, 1000 + (1 << 16));

        LoadResult load = DocumentLoader.FromStream("-", new PipeStream(fill: (byte)'a'), 4096, DocumentFormat.PlainText);
        Assert.Equal(InputRules.TooLarge, load.Failure!.Rule);
        Assert.Contains("more than 4,096", load.Failure.Message);
    }

    [Fact]
    public void Devices_are_read_within_the_limit()
    {
        if (!File.Exists("/dev/zero"))
        {
            Assert.Fail("this test needs /dev/zero (Unix)");
        }

        LoadResult load = DocumentLoader.LoadFile("/dev/zero", "/dev/zero", 1 << 20);
        Assert.Equal(InputRules.TooLarge, load.Failure!.Rule);
    }

    private static DocumentAnalysis Analyze(string content, DocumentFormat format) =>
        Engine.Analyze(new SourceText("doc.md", content, format), AnalysisOptions.Default, new SeverityConfiguration(useEditorConfig: false));
}

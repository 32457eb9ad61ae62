using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TextLens.Cli.Commands;
using TextLens.Cli.Output;
using TextLens.Core.Analysis;

namespace TextLens.Cli.Tests;

/// <summary>The streaming run loop: order, the bounded reorder buffer, jsonl against json, spools.</summary>
public class StreamingRunTests
{
    [Fact]
    public void Ordered_parallel_keeps_item_order_and_holds_at_most_the_window()
    {
        int[] items = [.. Enumerable.Range(0, 2000)];
        var seen = new List<int>();
        int peak = OrderedParallel.Run(items, i =>
        {
            if (i % 7 == 0)
            {
                Thread.SpinWait(20_000); // some items take longer, so results arrive out of order
            }

            return i * 2;
        }, seen.Add, degree: 4, window: 6);
        Assert.Equal(items.Select(i => i * 2), seen);
        Assert.InRange(peak, 1, 6);
    }

    [Fact]
    public void Ordered_parallel_passes_a_worker_failure_to_the_caller()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            OrderedParallel.Run([.. Enumerable.Range(0, 100)], i => i == 37 ? throw new InvalidOperationException("item 37") : i, _ => { }, degree: 2, window: 4));
        Assert.Equal("item 37", ex.Message);
    }

    [Fact]
    public void A_generated_corpus_streams_with_a_bounded_number_of_documents_held()
    {
        using var dir = new TempDir();
        const int documents = 400;
        for (int i = 0; i < documents; i++)
        {
            dir.File(string.Create(CultureInfo.InvariantCulture, $"corpus/doc{i:D4}.txt"), string.Create(CultureInfo.InvariantCulture, $"Report {i}. The committee met in Tokyo on Monday and agreed on {i} measures. Officials said the talks may resume."));
        }

        var counter = new HeldCounter();
        var stdout = new LineCountingWriter(counter);
        var request = Tool.Request(dir.Path, "corpus") with
        {
            Formats = ["jsonl"],
            Engine = new AnalysisEngine([.. WordRulesAnalyzer.Engine().Analyzers, counter], TestModels.Set),
        };
        int code = ReportRunner.Run(request, TestCli.OnDisk(stdout, new StringWriter(CultureInfo.InvariantCulture)));
        Assert.Equal(0, code);
        string[] lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(documents, lines.Length);
        string[] paths = [.. lines.Select(l => JsonNode.Parse(l)!["path"]!.GetValue<string>())];
        Assert.Equal(paths.Order(StringComparer.Ordinal), paths);
        Assert.InRange(counter.Peak, 1, ReportRunner.ReorderWindow);
    }

    [Fact]
    public void Jsonl_and_json_files_hold_the_same_documents_and_runs_are_byte_identical()
    {
        using var dir = new TempDir();
        for (int i = 0; i < 12; i++)
        {
            dir.File(string.Create(CultureInfo.InvariantCulture, $"in/{(char)('l' - i)}{i}.md"), $"# Note {i}\n\nThe report was reportedly late, said officials in Chongryon. In 2023, {i} people came.\n");
        }

        string[] outputs = ["a.json", "a.jsonl", "a.md", "a.sarif"];
        var request = Tool.Request(dir.Path, "in") with { Formats = ["json", "jsonl", "markdown", "sarif"], Outputs = outputs };
        Assert.Equal(0, Tool.Run(request).ExitCode);
        string[] first = [.. outputs.Select(dir.Read)];
        Assert.Equal(0, Tool.Run(request).ExitCode);
        Assert.Equal(first[..3], outputs[..3].Select(dir.Read));

        JsonArray documents = JsonNode.Parse(first[0])!["documents"]!.AsArray();
        string[] lines = first[1].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(documents.Count, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.True(JsonNode.DeepEquals(documents[i], JsonNode.Parse(lines[i])), $"document {i}");
        }

        using JsonDocument sarif = JsonDocument.Parse(first[3]);
        Assert.NotEmpty(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void Formats_for_standard_output_keep_their_order()
    {
        using var dir = new TempDir();
        dir.File("a.txt", "The report was reportedly late.");
        dir.File("b.txt", "In 2023, 42 people came.");
        Tool.Result both = Tool.Run(Tool.Request(dir.Path, ".") with { Formats = ["console", "jsonl"] });
        Tool.Result console = Tool.Run(Tool.Request(dir.Path, ".") with { Formats = ["console"] });
        Tool.Result jsonl = Tool.Run(Tool.Request(dir.Path, ".") with { Formats = ["jsonl"] });
        Assert.Equal(console.Stdout + jsonl.Stdout, both.Stdout);
    }

    [Fact]
    public void A_spilling_spool_moves_to_a_file_and_copies_back_exactly()
    {
        using var spool = new SpillingSpool(memoryLimit: 1000);
        var expected = new System.Text.StringBuilder();
        for (int i = 0; i < 500; i++)
        {
            string piece = string.Create(CultureInfo.InvariantCulture, $"line {i} é ✓ \"quoted\"\n");
            spool.Writer.Write(piece);
            expected.Append(piece);
        }

        Assert.True(spool.Spilled);
        var copy = new StringWriter(CultureInfo.InvariantCulture);
        spool.CopyTo(copy);
        Assert.Equal(expected.ToString(), copy.ToString());
    }

    [Fact]
    public void A_spilling_spool_of_utf8_bytes_copies_back_exactly_as_bytes_and_as_text()
    {
        // Multi-byte characters straddle the 1,000-byte memory limit and the 64 KiB read chunks: the decoder carries them over.
        using var spool = new SpillingSpool(memoryLimit: 1000);
        var expected = new System.Text.StringBuilder();
        var utf8 = new System.Text.UTF8Encoding(false);
        for (int i = 0; i < 20_000; i++)
        {
            string piece = string.Create(CultureInfo.InvariantCulture, $"line {i} é ✓ 中文 😀 \"quoted\"\n");
            spool.Utf8.Write(utf8.GetBytes(piece));
            expected.Append(piece);
        }

        Assert.True(spool.Spilled);
        Assert.Throws<InvalidOperationException>(() => spool.Writer);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        spool.CopyTo(text);
        Assert.Equal(expected.ToString(), text.ToString());

        using var bytes = new MemoryStream();
        using (var file = new StreamWriter(bytes, utf8, 1 << 10, leaveOpen: true))
        {
            TextWriter output = Core.Reporting.Formats.Utf8OutputWriter.Over(file);
            Assert.IsAssignableFrom<Core.Reporting.Formats.IUtf8Output>(output);
            output.Write("head ✓ ");
            spool.CopyTo(output);
            output.Write(" tail é");
            output.Flush();
        }

        Assert.Equal("head ✓ " + expected + " tail é", utf8.GetString(bytes.ToArray()));
    }

    /// <summary>Counts documents analysed and not yet written out (a jsonl line each): the documents the run holds.</summary>
    private sealed class HeldCounter : IDocumentAnalyzer
    {
        private int _held;
        private int _peak;

        public int Peak => Volatile.Read(ref _peak);

        public string Name => "held-counter";

        public IReadOnlyList<RuleDescriptor> SupportedRules => [];

        public Type? ResultType => null;

        public void Analyze(AnalysisContext context)
        {
            int held = Interlocked.Increment(ref _held);
            int peak;
            while (held > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, held, peak) != peak)
            {
            }
        }

        public void Written() => Interlocked.Decrement(ref _held);
    }

    private sealed class LineCountingWriter(HeldCounter counter) : StringWriter(CultureInfo.InvariantCulture)
    {
        public override void Write(char value)
        {
            base.Write(value);
            if (value == '\n')
            {
                counter.Written();
            }
        }

        public override void Write(string? value)
        {
            base.Write(value);
            foreach (char c in value ?? string.Empty)
            {
                if (c == '\n')
                {
                    counter.Written();
                }
            }
        }
    }
}

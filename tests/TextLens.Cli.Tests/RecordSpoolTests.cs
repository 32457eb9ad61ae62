using System.Text;
using System.Text.Json;
using TextLens.Cli.Inputs;
using TextLens.Cli.Scale;
using TextLens.Core.Analysis;
using TextLens.Core.Text;

namespace TextLens.Cli.Tests;

/// <summary>
/// JSON Lines records wait for report order in a spool that moves their texts to a temporary file: what comes back
/// must be exactly what was read, whatever the text (astral characters, markdown), in parallel, and memory must hold no more text than the limit.
/// </summary>
public sealed class RecordSpoolTests
{
    private static readonly string[] Texts =
    [
        File.ReadAllText(TestPaths.SeedArticle),
        "Short.",
        "Emoji 😀, accents é, CJK 漢字 and a tab\t end.",
        "# Heading\n\nA markdown paragraph with *emphasis*.\n",
    ];

    private static string JsonLines(int copies) => string.Concat(Enumerable.Range(0, copies).SelectMany(i => Texts.Select((t, j) =>
        JsonSerializer.Serialize(new { id = $"doc-{i:D3}-{j}{(j == 3 ? ".md" : ".txt")}", text = t }) + "\n")));

    private static List<(string Path, LoadResult Result)> LoadAll(string input, long memoryLimit, out RecordSpool spool, out DocumentSources sources)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(input);
        sources = new DocumentSources(null, stdinJsonLines: true, DocumentFormat.PlainText, 10 << 20, () => new MemoryStream(bytes), InputFiles.Real, memoryLimit);
        spool = sources.Records;
        var found = new DiscoveredInputs([new InputFile("-", "-")], []);
        DocumentLoad[] loads = [.. sources.Loads(found).OrderBy(l => l.Path, StringComparer.Ordinal)];
        var results = new (string, LoadResult)[loads.Length];
        Parallel.For(0, loads.Length, i => results[i] = (loads[i].Path, loads[i].Load()));
        return [.. results];
    }

    [Fact]
    public void Spilled_records_come_back_exactly_in_parallel()
    {
        List<(string Path, LoadResult Result)> kept = LoadAll(JsonLines(30), long.MaxValue, out RecordSpool keptSpool, out DocumentSources keptSources);
        List<(string Path, LoadResult Result)> spilled = LoadAll(JsonLines(30), 0, out RecordSpool spilledSpool, out DocumentSources spilledSources);
        using (keptSources)
        using (spilledSources)
        {
            Assert.Equal(0, keptSpool.Spilled);
            Assert.Equal(120, spilledSpool.Spilled);
            Assert.Equal(0, spilledSpool.HeldCharacters);
            Assert.Equal(kept.Count, spilled.Count);
            for (int i = 0; i < kept.Count; i++)
            {
                Assert.Equal(kept[i].Path, spilled[i].Path);
                SourceText a = kept[i].Result.Text!;
                SourceText b = spilled[i].Result.Text!;
                Assert.Equal(a.Path, b.Path);
                Assert.Equal(a.Format, b.Format);
                Assert.Equal(a.Content, b.Content);
            }

            Assert.Contains(spilled, s => s.Result.Text!.Content.Contains("Emoji 😀, accents é, CJK 漢字", StringComparison.Ordinal));
            Assert.Contains(spilled, s => s.Result.Text!.Format == DocumentFormat.Markdown);
        }
    }

    [Fact]
    public void Memory_holds_no_more_text_than_the_limit()
    {
        _ = LoadAll(JsonLines(50), 20_000, out RecordSpool spool, out DocumentSources sources);
        using (sources)
        {
            Assert.InRange(spool.HeldCharacters, 1, 20_000);
            Assert.True(spool.Spilled > 150, $"{spool.Spilled} records spilled");
        }
    }

    [Fact]
    public void Failed_lines_stay_diagnostics_and_the_spool_file_never_has_a_name_to_leave_behind()
    {
        string input = JsonLines(2) + "not json\n" + JsonSerializer.Serialize(new { id = "doc-000-0.txt", text = "a repeated id" }) + "\n";
        List<(string Path, LoadResult Result)> all = LoadAll(input, 0, out RecordSpool spool, out DocumentSources sources);
        Assert.Equal(2, all.Count(r => r.Result.Failure is { Id: "TL0009" }));
        Assert.Equal(8, spool.Spilled);
        string pattern = $"textlens-records-{Environment.ProcessId}-*.tmp";
        if (OperatingSystem.IsWindows())
        {
            Assert.NotEmpty(Directory.GetFiles(Path.GetTempPath(), pattern)); // deleted on close there
        }
        else
        {
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), pattern)); // unlinked while open: a kill leaves nothing
        }

        sources.Dispose();
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), pattern));
    }
}

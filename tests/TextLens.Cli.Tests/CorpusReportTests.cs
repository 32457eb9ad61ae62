using System.Globalization;
using System.Text.Json.Nodes;
using NJsonSchema;
using TextLens.Cli.Commands;
using TextLens.Cli.Corpus;

namespace TextLens.Cli.Tests;

/// <summary>'report --corpus': the nearest documents, new terms and themes against an index or a folder, in every human format, and corpora it must refuse.</summary>
public class CorpusReportTests
{
    /// <summary>A corpus of the first half of the ENERGY STAR seed and the two other seeds; the second half is the new document.</summary>
    private static TempDir Setup()
    {
        var dir = new TempDir();
        string energy = File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "crs-if10753-energy-star-program.md"));
        int cut = energy.IndexOf("\n\n", energy.Length / 2, StringComparison.Ordinal);
        dir.File("corpus/energy-a.md", energy[..cut]);
        dir.File("new/energy-b.md", energy[cut..]);
        dir.File("corpus/bank.md", File.ReadAllText(Path.Combine(RepositoryPaths.Seeds, "crs-in12680-bank-capital-requirements.md")));
        dir.File("corpus/chongryon.txt", File.ReadAllText(RepositoryPaths.SeedArticle));
        int code = IndexCommand.Run(new CorpusInputs(["corpus"], dir.Path), [], "corpus.tlx", quiet: true, TextWriter.Null, TestModels.Set);
        Assert.Equal(0, code);
        return dir;
    }

    private static Tool.Result Report(TempDir dir, string corpus, string format, params string[] inputs) =>
        Tool.Run(Tool.Request(dir.Path, inputs) with { Corpus = corpus, Formats = [format] });

    [Fact]
    public async Task The_other_half_of_a_document_is_its_nearest_and_the_json_validates()
    {
        using TempDir dir = Setup();

        Tool.Result result = Report(dir, "corpus.tlx", "json", "new/energy-b.md");

        Assert.Equal(0, result.ExitCode);
        JsonNode doc = JsonNode.Parse(result.Stdout)!["documents"]![0]!;
        JsonNode corpus = doc["corpus"]!;
        Assert.Equal(3, corpus["documents"]!.GetValue<int>());
        JsonArray nearest = corpus["nearest"]!.AsArray();
        Assert.Equal("corpus/energy-a.md", nearest[0]!["path"]!.GetValue<string>());
        Assert.Equal("energy-a", nearest[0]!["name"]!.GetValue<string>());
        double first = nearest[0]!["similarity"]!.GetValue<double>();
        Assert.True(first > 0.2 && first > nearest[1]!["similarity"]!.GetValue<double>(), result.Stdout);
        Assert.Contains("ENERGY STAR", nearest[0]!["sharedTerms"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(doc["clusters"]!.AsArray().Count, corpus["themes"]!.AsArray().Count);
        Assert.Matches("^3 documents, sha256:[0-9a-f]{16}$", doc["settings"]!["corpus"]!.GetValue<string>());
        JsonSchema schema = await JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepoRoot, "docs", "report.schema.json"));
        Assert.Empty(schema.Validate(result.Stdout));
    }

    [Fact]
    public void Markdown_console_and_html_lead_with_the_closest_document_and_the_new_terms()
    {
        using TempDir dir = Setup();

        string markdown = Report(dir, "corpus.tlx", "markdown", "new/energy-b.md").Stdout;
        string console = Report(dir, "corpus.tlx", "console", "new/energy-b.md").Stdout;
        string html = Report(dir, "corpus.tlx", "html", "new/energy-b.md").Stdout;

        string heading = "## `new/energy-b.md`\n\n";
        Assert.Contains(heading + "**Against the corpus:** Closest to energy-a (0.", markdown, StringComparison.Ordinal);
        Assert.Contains("; new here: ", markdown, StringComparison.Ordinal);
        Assert.Contains("\n  corpus: Closest to energy-a (0.", console, StringComparison.Ordinal);
        Assert.Contains("<p class=\"corpus\"><strong>Against the corpus:</strong> Closest to energy-a (0.", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("class=\"corpus\"", StringComparison.Ordinal) < html.IndexOf("<h3>Summary</h3>", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_as_corpus_gives_the_bytes_its_index_gives()
    {
        using TempDir dir = Setup();

        string fromIndex = Report(dir, "corpus.tlx", "json", "new/energy-b.md").Stdout;
        string fromFolder = Report(dir, "corpus", "json", "new/energy-b.md").Stdout;

        Assert.Equal(fromIndex, fromFolder);
    }

    [Fact]
    public void A_document_of_the_corpus_is_compared_with_the_others()
    {
        using TempDir dir = Setup();

        JsonNode corpus = JsonNode.Parse(Report(dir, "corpus.tlx", "json", "corpus/energy-a.md").Stdout)!["documents"]![0]!["corpus"]!;

        Assert.Equal(2, corpus["documents"]!.GetValue<int>());
        Assert.DoesNotContain(corpus["nearest"]!.AsArray(), n => n!["path"]!.GetValue<string>() == "corpus/energy-a.md");
        Assert.Contains(corpus["newTerms"]!.AsArray(), t => t!["text"]!.GetValue<string>().Contains("ENERGY STAR", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_corpus_is_a_usage_error_naming_the_file_and_the_reason()
    {
        using TempDir dir = Setup();
        byte[] good = File.ReadAllBytes(Path.Combine(dir.Path, "corpus.tlx"));
        File.WriteAllBytes(Path.Combine(dir.Path, "cut.tlx"), good[..(good.Length / 2)]);
        byte[] future = (byte[])good.Clone();
        future[4] = 2;
        File.WriteAllBytes(Path.Combine(dir.Path, "v2.tlx"), future);

        string cut = Assert.Throws<UsageException>(() => Report(dir, "cut.tlx", "json", "new/energy-b.md")).Message;
        string version = Assert.Throws<UsageException>(() => Report(dir, "v2.tlx", "json", "new/energy-b.md")).Message;
        string text = Assert.Throws<UsageException>(() => Report(dir, "new/energy-b.md", "json", "new/energy-b.md")).Message;
        string missing = Assert.Throws<UsageException>(() => Report(dir, "nowhere", "json", "new/energy-b.md")).Message;

        Assert.Contains("cut.tlx' is truncated", cut, StringComparison.Ordinal);
        Assert.Contains("v2.tlx' is in index format version 2; this TextLens reads version 1", version, StringComparison.Ordinal);
        Assert.Contains("energy-b.md' is not a TextLens corpus index", text, StringComparison.Ordinal);
        Assert.Contains("'nowhere' is neither a folder nor an index file", missing, StringComparison.Ordinal);
        Assert.Equal(2, Program.Main(["report", Path.Combine(dir.Path, "new", "energy-b.md"), "--corpus", Path.Combine(dir.Path, "cut.tlx"), "--quiet"]));
    }
}

using System.Globalization;
using System.Text;
using TextLens.Cli.Commands;
using TextLens.Cli.Corpus;
using TextLens.Cli.Scale;
using TextLens.Core.Corpus;

namespace TextLens.Cli.Tests;

/// <summary>'textlens index': inputs as 'report' takes them, shards merged with --merge, and indexes it must refuse.</summary>
public class IndexCommandTests
{
    private static TempDir Corpus()
    {
        var dir = new TempDir();
        foreach (string seed in Directory.GetFiles(RepositoryPaths.Seeds))
        {
            dir.File("docs/" + Path.GetFileName(seed), File.ReadAllText(seed));
        }

        string[] paragraphs = [.. File.ReadAllText(RepositoryPaths.SeedArticle).Split("\n\n").Where(p => p.Length > 200).Take(6)];
        for (int i = 0; i < paragraphs.Length; i++)
        {
            dir.File($"more/part{i}.txt", paragraphs[i]);
        }

        return dir;
    }

    private static (int ExitCode, string Stderr) Index(TempDir dir, string output, IReadOnlyList<string> inputs, IReadOnlyList<string>? merges = null, Func<CorpusInputs, CorpusInputs>? change = null)
    {
        var request = new CorpusInputs(inputs, dir.Path);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = IndexCommand.Run(change is null ? request : change(request), merges ?? [], output, quiet: false, stderr, TestModels.Set);
        return (code, stderr.ToString());
    }

    [Fact]
    public void A_folder_is_indexed_with_paths_relative_to_the_working_folder()
    {
        using TempDir dir = Corpus();

        (int code, string stderr) = Index(dir, "corpus.tlx", ["docs"]);

        Assert.Equal(0, code);
        Assert.Contains("indexed 3 document(s)", stderr, StringComparison.Ordinal);
        CorpusIndex index = CorpusIndexFile.Load(Path.Combine(dir.Path, "corpus.tlx"));
        Assert.Equal(
            ["docs/chongryon-japan-north-korea-relations.txt", "docs/crs-if10753-energy-star-program.md", "docs/crs-in12680-bank-capital-requirements.md"],
            index.Documents.Select(d => d.Id));
    }

    [Fact]
    public void Shard_indexes_merged_are_byte_identical_to_one_index_of_all_the_documents()
    {
        using TempDir dir = Corpus();
        Index(dir, "all.tlx", ["docs", "more"]);
        Index(dir, "part-0.tlx", ["docs", "more"], change: r => r with { Shard = new ShardSpec(0, 2) });
        Index(dir, "part-1.tlx", ["docs", "more"], change: r => r with { Shard = new ShardSpec(1, 2) });

        (int code, _) = Index(dir, "merged.tlx", [], ["part-1.tlx", "part-0.tlx"]);

        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Path, "all.tlx")), File.ReadAllBytes(Path.Combine(dir.Path, "merged.tlx")));
        int first = CorpusIndexFile.Load(Path.Combine(dir.Path, "part-0.tlx")).Documents.Count;
        int second = CorpusIndexFile.Load(Path.Combine(dir.Path, "part-1.tlx")).Documents.Count;
        Assert.True(first > 0 && second > 0, $"the shards hold {first} and {second} documents");
        Assert.Equal(9, first + second);
    }

    [Fact]
    public void Json_lines_on_standard_input_are_indexed_by_id()
    {
        using TempDir dir = Corpus();
        string jsonl = "{\"id\": \"R1\", \"text\": \"Unemployment insurance pays benefits to workers who lose jobs.\"}\n"
            + "{\"id\": \"R2\", \"text\": \"Tank modernization programs replace armored vehicles.\"}\n";

        (int code, _) = Index(dir, "stdin.tlx", ["-"], change: r => r with
        {
            StdinJsonLines = true,
            OpenStandardInput = () => new MemoryStream(Encoding.UTF8.GetBytes(jsonl)),
        });

        Assert.Equal(0, code);
        CorpusIndex index = CorpusIndexFile.Load(Path.Combine(dir.Path, "stdin.tlx"));
        Assert.Equal(["R1", "R2"], index.Documents.Select(d => d.Id));
        Assert.Contains("unemployment insurance", index.Terms);
    }

    [Fact]
    public void A_missing_input_exits_2_and_the_rest_is_still_indexed()
    {
        using TempDir dir = Corpus();

        (int code, string stderr) = Index(dir, "corpus.tlx", ["docs", "nowhere.md"]);

        Assert.Equal(2, code);
        Assert.Contains("nowhere.md", stderr, StringComparison.Ordinal);
        Assert.Equal(3, CorpusIndexFile.Load(Path.Combine(dir.Path, "corpus.tlx")).Documents.Count);
    }

    [Fact]
    public void A_bad_index_to_merge_is_a_usage_error_naming_it_and_nothing_is_written()
    {
        using TempDir dir = Corpus();
        Index(dir, "good.tlx", ["docs"]);
        File.WriteAllBytes(Path.Combine(dir.Path, "cut.tlx"), File.ReadAllBytes(Path.Combine(dir.Path, "good.tlx"))[..200]);
        dir.File("notes.tlx", "just some words");

        var truncated = Assert.Throws<UsageException>(() => Index(dir, "out.tlx", [], ["good.tlx", "cut.tlx"]));
        var notIndex = Assert.Throws<UsageException>(() => Index(dir, "out.tlx", [], ["notes.tlx"]));
        var twice = Assert.Throws<UsageException>(() => Index(dir, "out.tlx", [], ["good.tlx", "good.tlx"]));

        Assert.Contains("cut.tlx' is truncated", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("notes.tlx' is not a TextLens corpus index", notIndex.Message, StringComparison.Ordinal);
        Assert.Contains("is in the corpus twice", twice.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "out.tlx")));
    }

    [Fact]
    public void The_command_line_needs_an_output_and_some_input()
    {
        using TempDir dir = Corpus();

        Assert.Equal(2, Program.Main(["index", Path.Combine(dir.Path, "docs"), "--quiet"]));
        Assert.Equal(2, Program.Main(["index", "--output", Path.Combine(dir.Path, "x.tlx"), "--quiet"]));
        Assert.Equal(0, Program.Main(["index", Path.Combine(dir.Path, "docs"), "--output", Path.Combine(dir.Path, "x.tlx"), "--quiet"]));
        Assert.Equal(2, Program.Main(["index", "--merge", Path.Combine(dir.Path, "docs", "crs-if10753-energy-star-program.md"), "-o", Path.Combine(dir.Path, "y.tlx"), "-q"]));
        Assert.False(File.Exists(Path.Combine(dir.Path, "y.tlx")));
    }
}

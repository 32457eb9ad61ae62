using System.Collections.Concurrent;
using System.Globalization;
using TextLens.Cli.Commands;
using TextLens.Cli.Scale;
using TextLens.Core.Analyzers;

namespace TextLens.Cli.Tests;

/// <summary>
/// Shards merged give the single run's output, byte for byte, in every format (SARIF's invocation times excepted):
/// N = 1, 2 (as JSON Lines partials) and 7 shards of the seeds and of the 30 CRS Markdown reports in ../shared.
/// </summary>
public class MergeEqualityTests
{
    private static readonly string[] Formats = ["json", "jsonl", "markdown", "console", "sarif", "github", "html"];
    private static readonly ConcurrentDictionary<string, Lazy<Corpus>> Corpora = new();

    public static TheoryData<string, int> Cases => new()
    {
        { "seeds", 1 }, { "seeds", 2 }, { "seeds", 7 },
        { "crs", 1 }, { "crs", 2 }, { "crs", 7 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Merged_shards_equal_one_run_in_every_format(string corpusName, int shards)
    {
        Corpus corpus = Corpora.GetOrAdd(corpusName, name => new Lazy<Corpus>(() => Corpus.Create(name))).Value;
        using var work = new TempDir();
        string partialFormat = shards == 2 ? "jsonl" : "json"; // both kinds of partial: the map step writes jsonl
        string[] partials = [.. Enumerable.Range(0, shards).Select(i => Path.Combine(work.Path, $"part-{i}.{partialFormat}"))];
        int worstShard = 0;
        for (int i = 0; i < shards; i++)
        {
            Tool.Result part = Tool.Run(corpus.Request() with { Shard = new ShardSpec(i, shards), Formats = [partialFormat], Outputs = [partials[i]] });
            worstShard = Math.Max(worstShard, part.ExitCode);
        }

        Assert.Equal(corpus.ExitCode, worstShard);

        string[] merged = [.. Formats.Select(f => Path.Combine(work.Path, "merged." + f))];
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int exitCode = MergeRunner.Run(
            new MergeRequest(partials, Formats, merged, Core.Analysis.Severity.Error, Color: false, Quiet: true)
            {
                WorkingDirectory = corpus.Directory,
                Rules = BuiltInAnalyzers.CreateEngine(TestModels.Set).Rules,
            },
            TestCli.OnDisk(TextWriter.Null, stderr));

        Assert.Equal(corpus.ExitCode, exitCode);
        for (int i = 0; i < Formats.Length; i++)
        {
            string expected = corpus.Outputs[i];
            string actual = File.ReadAllText(merged[i]);
            Assert.True(expected == actual, $"{Formats[i]} differs after merging {shards} shard(s) of {corpusName}: first difference at character {FirstDifference(expected, actual)}");
        }
    }

    private static int FirstDifference(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }

    /// <summary>A corpus copied into a temporary folder, and its single run in every format.</summary>
    private sealed class Corpus
    {
        private Corpus(string directory, string[] outputs, int exitCode)
        {
            Directory = directory;
            Outputs = outputs;
            ExitCode = exitCode;
        }

        public string Directory { get; }

        public string[] Outputs { get; }

        public int ExitCode { get; }

        public static Corpus Create(string name)
        {
            string source = name == "seeds"
                ? Path.Combine(TestPaths.RepoRoot, "seeds")
                : Path.GetDirectoryName(SharedData.RequireOrSkip("corpus", "crs", "docs", "R48907.md"))!;
            string directory = Path.Combine(Path.GetTempPath(), "textlens-merge-" + name + "-" + Guid.NewGuid().ToString("N")[..8]);
            foreach (string file in System.IO.Directory.GetFiles(source))
            {
                System.IO.Directory.CreateDirectory(Path.Combine(directory, "docs"));
                File.Copy(file, Path.Combine(directory, "docs", Path.GetFileName(file)));
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.Directory.Delete(directory, recursive: true);
            var corpus = new Corpus(directory, [], 0);
            string[] outputs = [.. Formats.Select(f => Path.Combine(directory, "single." + f))];
            Tool.Result single = Tool.Run(corpus.Request() with { Formats = Formats, Outputs = outputs });
            return new Corpus(directory, [.. outputs.Select(File.ReadAllText)], single.ExitCode);
        }

        public ReportRequest Request() => Tool.Request(Directory, "docs") with { Top = 15, Engine = BuiltInAnalyzers.CreateEngine(TestModels.Set) };
    }
}

using TextLens.Cli.Scale;

namespace TextLens.Cli.Tests;

/// <summary>--shard i/N: a stable split of the inputs in which every input lands in exactly one shard.</summary>
public class ShardTests
{
    [Theory]
    [InlineData("seeds/chongryon-japan-north-korea-relations.txt", 0, 1, 6, 288)]
    [InlineData("docs/R48907.md", 1, 0, 5, 209)]
    [InlineData("a.md", 1, 2, 4, 333)]
    [InlineData("é/ü.txt", 0, 0, 3, 954)]
    [InlineData(@"docs\R48907.md", 1, 0, 5, 209)] // separators are normalised to '/'
    public void Shard_of_a_path_is_sha256_of_its_utf8_modulo_n(string path, int of2, int of3, int of7, int of1000)
    {
        // The expected values come from Python: int.from_bytes(hashlib.sha256(p.encode()).digest()[:8], 'big') % n
        Assert.Equal([of2, of3, of7, of1000], new[] { 2, 3, 7, 1000 }.Select(n => ShardSpec.ShardOf(path, n)));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData(" 3/7 ", 3, 7)]
    [InlineData("99999/100000", 99999, 100000)]
    public void Valid_specs_parse(string text, int index, int count) =>
        Assert.Equal(new ShardSpec(index, count), ShardSpec.Parse(text));

    [Theory]
    [InlineData("2/2", "the shard index must be from 0 to 1")]
    [InlineData("0/0", "the number of shards must be from 1")]
    [InlineData("1", "--shard takes INDEX/COUNT")]
    [InlineData("-1/4", "--shard takes INDEX/COUNT")]
    [InlineData("a/b", "--shard takes INDEX/COUNT")]
    [InlineData("1/4/5", "--shard takes INDEX/COUNT")]
    [InlineData("0/100001", "the number of shards must be from 1 to 100,000")]
    public void Bad_specs_are_usage_errors_with_a_clear_message(string text, string message)
    {
        var ex = Assert.Throws<UsageException>(() => ShardSpec.Parse(text));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_spec_exits_2() =>
        Assert.Equal(2, Program.Main(["report", TestPaths.SeedArticle, "--quiet", "--shard", "4/4"]));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Every_input_and_every_problem_lands_in_exactly_one_shard(int shards)
    {
        using var dir = new TempDir();
        string[] sentences = File.ReadAllLines(TestPaths.SeedArticle).Where(l => l.Length > 40).Take(24).ToArray();
        for (int i = 0; i < sentences.Length; i++)
        {
            dir.File(i % 3 == 0 ? $"notes/n{i}.md" : $"t{i}.txt", sentences[i]);
        }

        string[] arguments = [".", "missing.txt", "empty-glob/*.md"];
        string[] all = Tool.DocumentPaths(Tool.Run(Tool.Request(dir.Path, arguments)).Stdout);
        Assert.Equal(sentences.Length + 2, all.Length);

        var seen = new List<string>();
        for (int i = 0; i < shards; i++)
        {
            Tool.Result part = Tool.Run(Tool.Request(dir.Path, arguments) with { Shard = new ShardSpec(i, shards) });
            string[] paths = Tool.DocumentPaths(part.Stdout);
            Assert.All(paths, p => Assert.Equal(i, ShardSpec.ShardOf(p, shards)));
            seen.AddRange(paths);
        }

        Assert.Equal(all, seen.Order(StringComparer.Ordinal));
    }
}

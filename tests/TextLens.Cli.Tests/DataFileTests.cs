using System.Globalization;
using System.IO.Abstractions.TestingHelpers;
using System.Text;
using TextLens.Cli.Inputs;
using TextLens.Cli.Tests.InMemory;

namespace TextLens.Cli.Tests;

/// <summary>
/// The data files of 'eval' and 'train', and the index files of '--corpus' and 'index --merge': a device, a folder, a
/// binary, an oversized or a malformed file is a usage error (exit 2) that names the file and the reason, found at once,
/// never an unbounded read, an out-of-memory failure or an internal error.
/// </summary>
public class DataFileTests
{
    private static readonly string[][] FileCommands =
    [
        ["eval", "stance", "--axis", "polarity", "--data", "{0}"],
        ["eval", "summaries", "--data", "{0}"],
        ["eval", "clusters", "--data", "{0}"],
        ["eval", "keyphrases", "--data", "{0}"],
        ["eval", "findings", "--data", "{0}", "--docs", "{dir}"],
        ["train", "stance", "--axis", "polarity", "--data", "{0}", "--out", "{dir}/s.tlsm"],
        ["train", "pos", "--data", "{0}", "--out", "{dir}/p.bin"],
        ["train", "background", "--data", "{0}", "--out", "{dir}/b.bin"],
    ];

    private static readonly string[][] IndexCommands =
    [
        ["report", "{dir}/doc.txt", "--corpus", "{0}"],
        ["index", "{dir}/doc.txt", "-o", "{dir}/x.tlx", "--merge", "{0}"],
    ];

    public static TheoryData<string[]> CommandsReadingAFile => [.. FileCommands];

    public static TheoryData<string[]> CommandsReadingAFileOrIndex => [.. FileCommands, .. IndexCommands];

    [Theory]
    [MemberData(nameof(CommandsReadingAFileOrIndex))]
    public void A_device_is_refused_at_its_first_bytes(string[] command)
    {
        if (!File.Exists("/dev/zero"))
        {
            Assert.Fail("this test needs /dev/zero (Unix)");
        }

        (int code, string stderr) = RunOnDisk(command, "/dev/zero");

        // Before: every one of these read /dev/zero until memory ran out (eval summaries: 7.7 GB in 60 s) or, for an
        // index, up to its 1 GiB limit (19 s, 3 GB).
        Assert.Equal(2, code);
        Assert.Contains("'/dev/zero'", stderr, StringComparison.Ordinal);
        Assert.Matches("not a text file|not a TextLens corpus index", stderr);
        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CommandsReadingAFile))]
    public void A_folder_is_refused_by_name(string[] command)
    {
        using var dir = new TempDir();
        string folder = Directory.CreateDirectory(Path.Combine(dir.Path, "data")).FullName;

        (int code, string stderr) = RunOnDisk(command, folder);

        // The audit of 2026-12-07 found seven of the eight saying the folder "does not exist" or "was not found".
        Assert.Equal(2, code);
        Assert.Contains($"'{folder}' is a folder, not a file.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--data", "eval", "stance", "--axis", "polarity", "--data", "")]
    [InlineData("--data", "eval", "keyphrases", "--data", "")]
    [InlineData("--data", "eval", "findings", "--data", "", "--docs", "docs")]
    [InlineData("--data", "train", "pos", "--data", "", "--out", "p.bin")]
    [InlineData("--data", "train", "stance", "--axis", "polarity", "--data", "", "--out", "s.tlsm")]
    [InlineData("--held-out", "eval", "stance", "--axis", "hedged", "--data", "set.jsonl", "--held-out", "")]
    [InlineData("--corpus", "report", "-", "--corpus", "")]
    [InlineData("--output", "report", "-", "-f", "json", "-o", "")]
    [InlineData("--include", "report", ".", "--include", "")]
    public void An_empty_value_is_a_usage_error_naming_the_option(string option, params string[] args)
    {
        // Before: an empty path reached the file system APIs, and five of these ended in "internal error: ArgumentException", exit 3.
        InMemoryCli.Result result = new InMemoryCli { StandardInput = "The committee approved the budget." }.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"textlens: {option} needs a value, not an empty string.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read()
    {
        var files = new MockFileSystem();
        files.AddFile("/data/big.jsonl", new MockFileData(new string('x', 5000)));

        var ex = Assert.Throws<UsageException>(() => DataFiles.ReadText(files, "/data/big.jsonl", maxBytes: 4096));

        Assert.Equal("data file '/data/big.jsonl' is larger than 4,096 bytes; is it the right file?", ex.Message);
        Assert.Equal(new string('x', 5000), DataFiles.ReadText(files, "/data/big.jsonl", maxBytes: 5000));
    }

    [Fact]
    public async Task A_stream_over_the_limit_is_read_up_to_the_limit_only()
    {
        using var dir = new TempDir();
        string fifo = Path.Combine(dir.Path, "pipe.jsonl");
        if (Mkfifo(fifo) != 0)
        {
            Assert.Fail("this test needs mkfifo (Unix)");
        }

        // A writer that would never stop: the reader must give up after the limit and the writer then fails.
        var writer = Task.Run(() =>
        {
            try
            {
                using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Write);
                byte[] line = Encoding.UTF8.GetBytes("{\"id\": \"a\", \"text\": \"x\", \"label\": \"neutral\"}\n");
                while (true)
                {
                    stream.Write(line);
                }
            }
            catch (IOException)
            {
                // The reader closed the pipe.
            }
        });

        var ex = Assert.Throws<UsageException>(() => DataFiles.ReadText(new System.IO.Abstractions.FileSystem(), fifo, maxBytes: 1 << 20));

        Assert.Contains("is larger than 1,048,576 bytes", ex.Message, StringComparison.Ordinal);
        await writer.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Text_is_decoded_as_documents_are_and_bad_text_is_named_with_its_offset()
    {
        var files = new MockFileSystem();
        files.AddFile("/d/bom.jsonl", new MockFileData([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"id\": \"a\"}\r\n{\"id\": \"b\"}\n\n")]));
        files.AddFile("/d/utf16.jsonl", new MockFileData([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("{\"id\": \"é\"}\n")]));
        files.AddFile("/d/latin1.jsonl", new MockFileData([.. Encoding.ASCII.GetBytes("{\"id\": \"caf"), 0xE9, .. Encoding.ASCII.GetBytes("\"}\n")]));

        Assert.Equal(["{\"id\": \"a\"}", "{\"id\": \"b\"}", ""], DataFiles.ReadLines(files, "/d/bom.jsonl"));
        Assert.Equal(["{\"id\": \"é\"}"], DataFiles.ReadLines(files, "/d/utf16.jsonl"));
        var ex = Assert.Throws<UsageException>(() => DataFiles.ReadLines(files, "/d/latin1.jsonl"));
        Assert.Equal("data file '/d/latin1.jsonl' is not valid UTF-8: the first bad byte is at byte offset 11.", ex.Message);
        Assert.Equal("label file '/d/none.jsonl' does not exist.", Assert.Throws<UsageException>(() => DataFiles.ReadText(files, "/d/none.jsonl", "label file")).Message);
    }

    [Fact]
    public void A_malformed_line_of_a_stance_set_is_named_by_file_and_line()
    {
        var cli = new InMemoryCli();
        cli.Add("set.jsonl", "{\"id\": \"a\", \"text\": \"The bill passed.\", \"label\": \"neutral\"}\n# a comment\n");

        InMemoryCli.Result result = cli.Run("eval", "stance", "--axis", "polarity", "--data", "set.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("textlens: /work/set.jsonl: line 2: not valid JSON (", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]", "line 2: each line must be an object with an 'id'.", "eval", "stance", "--axis", "polarity")]
    [InlineData("[1, 2]", "line 2: not a JSON object with string 'id', 'text' and 'summary' (", "eval", "summaries")]
    [InlineData("{\"id\": \"a\", \"text\": \"x\", \"summary\": \"y\"}", "line 2: duplicate id 'a'.", "eval", "summaries")]
    [InlineData("[1, 2]", "line 2: not a JSON object with 'id', 'sentences', 'labels' and 'k' (", "eval", "clusters")]
    [InlineData("[1, 2]", "line 2: not a keyphrase document (", "eval", "keyphrases")]
    [InlineData("{\"doc\": \"a\", \"rule\": 7, \"sentence\": \"x\", \"label\": \"noise\"}", "line 2: a finding label needs 'doc', 'rule' and 'sentence' (strings).", "eval", "findings", "--docs", "docs")]
    public void A_line_that_is_not_a_record_is_named_by_the_files_full_path_and_the_line(string secondLine, string message, params string[] command)
    {
        // Before: three forms ("set.jsonl: line 2: …", "/work/set.jsonl:2: …", and the stance sets' path twice:
        // "/work/set.jsonl: /work/set.jsonl:2: …").
        string first = command[1] switch
        {
            "stance" => "{\"id\": \"a\", \"text\": \"The bill passed.\", \"label\": \"neutral\"}",
            "summaries" => "{\"id\": \"a\", \"text\": \"The bill passed.\", \"summary\": \"It passed.\"}",
            "clusters" => "{\"id\": \"a\", \"sentences\": [\"The bill passed.\"], \"labels\": [0], \"k\": 1}",
            "keyphrases" => "{\"id\": \"a\", \"text\": \"The bill passed.\", \"keyphrases\": [\"bill\"]}",
            _ => "{\"doc\": \"a\", \"rule\": \"TL3002\", \"sentence\": \"x\", \"label\": \"noise\"}",
        };
        var cli = new InMemoryCli();
        cli.Add("set.jsonl", first + "\n" + secondLine + "\n");
        cli.Add("docs/a.md", "The bill passed.");

        InMemoryCli.Result result = cli.Run([.. command, "--data", "set.jsonl"]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("textlens: /work/set.jsonl: " + message, result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train", "stance", "--axis", "polarity", "--data", "set.jsonl", "--out", "s.tlsm")]
    [InlineData("train", "stance", "--axis", "epistemic", "--data", "good.jsonl", "--rule-labelled", "set.jsonl", "--out", "s.tlsm")]
    public void A_malformed_training_set_is_a_usage_error_naming_file_and_line(params string[] args)
    {
        // Before: "internal error: InvalidDataException", exit 3.
        var cli = new InMemoryCli();
        cli.Add("good.jsonl", "{\"id\": \"a\", \"text\": \"The bill passed.\", \"label\": \"asserted\"}\n");
        cli.Add("set.jsonl", "{\"id\": \"a\", \"text\": \"The bill passed.\", \"label\": \"neutral\"}\n# a comment\n");

        InMemoryCli.Result result = cli.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("textlens: /work/set.jsonl: line 2: not valid JSON (", result.Stderr, StringComparison.Ordinal);
        Assert.False(cli.Files.File.Exists("/work/s.tlsm"));
    }

    [Fact]
    public void A_malformed_held_out_file_is_named_not_the_data_file()
    {
        // Before: the message named the data file instead, which was well-formed.
        var cli = new InMemoryCli();
        cli.Add("set.jsonl", "{\"id\": \"a\", \"text\": \"The bill may pass.\", \"label\": \"uncertain\"}\n");
        cli.Add("cv.jsonl", "not json\n");

        InMemoryCli.Result result = cli.Run("eval", "stance", "--axis", "hedged", "--data", "set.jsonl", "--held-out", "cv.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("textlens: /work/cv.jsonl: line 1: not valid JSON (", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_frequency_table_is_a_usage_error_naming_it()
    {
        var cli = new InMemoryCli();
        cli.Add("df.tsv", "#N_DOCS\t10\nterm\tdf\nbudget\tmany\n");
        cli.Add("df.tsv.gz", "not gzip at all");

        InMemoryCli.Result table = cli.Run("train", "background", "--data", "df.tsv", "--out", "b.bin");
        InMemoryCli.Result gzip = cli.Run("train", "background", "--data", "df.tsv.gz", "--out", "b.bin");

        Assert.Equal(2, table.ExitCode);
        Assert.StartsWith("textlens: data file 'df.tsv' is not a document-frequency table: ", table.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, gzip.ExitCode);
        Assert.StartsWith("textlens: data file 'df.tsv.gz' is not a document-frequency table: ", gzip.Stderr, StringComparison.Ordinal);
        Assert.False(cli.Files.File.Exists("/work/b.bin"));
    }

    private static (int Code, string Stderr) RunOnDisk(string[] command, string file)
    {
        using var dir = new TempDir();
        dir.File("doc.txt", "The committee approved the budget after a long debate about schools and roads.\n");
        string[] args = [.. command.Select(a => a.Replace("{0}", file, StringComparison.Ordinal).Replace("{dir}", dir.Path, StringComparison.Ordinal))];
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var run = Task.Run(() => Program.Run(args, TestCli.OnDisk(TextWriter.Null, stderr)));
        Assert.True(run.Wait(TimeSpan.FromSeconds(60)), $"'{string.Join(' ', args)}' did not finish");
        return (run.Result, stderr.ToString());
    }

    private static int Mkfifo(string path)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        return process.ExitCode;
    }
}

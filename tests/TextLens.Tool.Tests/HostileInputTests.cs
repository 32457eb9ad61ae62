using System.Text;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace TextLens.Tool.Tests;

/// <summary>
/// Issue 13's hostile inputs, each run through the installed tool beside a good document: the exit code, a
/// message naming the file, the good document still reported, and the process's peak memory bounded (asserted on
/// the sampled VmHWM, never on time). Inputs are made here; none is kept in the repository.
/// </summary>
[Collection(PackedToolCollection.Name)]
public sealed class HostileInputTests(PackedTool tool) : IDisposable
{
    private const long MiB = 1024 * 1024;
    private const long OneDocumentBudget = 600 * MiB;

    private readonly string _dir = Directory.CreateTempSubdirectory("textlens-hostile-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // .NET cannot name a file whose name is not UTF-8 (B19); rm can.
            Cli("rm", "-rf", _dir);
        }
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private void WriteGood() =>
        Write("good.txt", File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "seeds", "chongryon-japan-north-korea-relations.txt")));

    /// <summary>Runs a json report of the inputs and good.txt; asserts the good document was analysed and memory stayed in budget.</summary>
    private (ToolRun Run, string Json) Report(string[] inputs, long budget = OneDocumentBudget, params string[] options)
    {
        WriteGood();
        string output = Path.Combine(_dir, "out", "r.json");
        ToolRun run = tool.Run(_dir, ["report", .. inputs, "good.txt", "--format", "json", "-o", output, .. options]);
        Assert.True(run.ExitCode is 0 or 1 or 2, $"exit {run.ExitCode}: {run.StdErr}");
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        string json = File.ReadAllText(output);
        Assert.Contains("\"path\": \"good.txt\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"analysed\"", json, StringComparison.Ordinal);
        AssertPeak(run, budget);
        return (run, json);
    }

    private static void AssertPeak(ToolRun run, long budget) =>
        Assert.True(run.PeakResidentBytes < budget, $"peak resident memory {run.PeakResidentBytes / MiB} MiB, budget {budget / MiB} MiB");

    [Theory]
    [InlineData("- ", 64)]
    [InlineData("1. ", 64)]
    [InlineData(">", 200)]
    public void B1_markdown_nested_past_the_parsers_limit_is_analysed(string marker, int depth)
    {
        Write("u.md", string.Concat(Enumerable.Repeat(marker, depth)) + "x\n\nThe council approved the budget on Monday after a long debate.\n");
        (ToolRun run, string json) = Report(["u.md"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"path\": \"u.md\"", json, StringComparison.Ordinal);
        Assert.Contains("'u.md' was analysed as plain text: its block quotes and lists may nest deeper than 128 levels", json, StringComparison.Ordinal);
    }

    /// <summary>
    /// 250,000 inline-link openings that never close, in one paragraph (1 MB): Markdig reads such a tail again from every
    /// opening, which would take it over 5 minutes (12.87 s for 50,000), past the run's 3-minute limit. The text is analysed
    /// as plain text instead, with TL0012.
    /// </summary>
    [Fact]
    public void B1_markdown_with_unclosed_inline_links_is_analysed_as_plain_text()
    {
        Write("links.md", "The council approved the budget on Monday after a long debate.\n\n" + string.Concat(Enumerable.Repeat("[a](", 250_000)) + "\n");
        (ToolRun run, string json) = Report(["links.md"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("'links.md' was analysed as plain text: more than 64 inline links ('](') do not close within 2,048 characters", json, StringComparison.Ordinal);
    }

    [Fact]
    public void B2_a_byline_alone_does_not_fail_an_analyzer()
    {
        Write("t.md", "by J.");
        (ToolRun _, string json) = Report(["t.md"]);
        Assert.DoesNotContain("TL0007", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{a,b]")]
    [InlineData("[[z-a].md]")]
    [InlineData("[{0..2147483647}]")]
    [InlineData("[{0..50000000}.md]")]
    public void B3_hostile_editorconfig_sections_are_a_warning_and_bounded(string section)
    {
        string stars = string.Concat(Enumerable.Repeat("**a", 40)) + "**b";
        Write(".editorconfig", $"root = true\n\n{section}\ntextlens_diagnostic.TL0005.severity = error\n\n[{stars}]\ntextlens_diagnostic.TL0005.severity = error\n");
        (ToolRun run, string _) = Report([]);
        Assert.NotEqual(134, run.ExitCode);
    }

    [Fact]
    public void B4_hostile_ignore_patterns_are_bounded()
    {
        Write(".textlensignore", "[z-a].md\n[!]\n[^]\n" + string.Concat(Enumerable.Repeat("*a", 30)) + "*b\n" + string.Concat(Enumerable.Repeat("**/", 20)) + "x\n");
        Write("sub/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.md", "The council approved the budget on Monday after a long debate about schools.\n");
        (ToolRun run, string _) = Report(["."]);
        Assert.True(run.ExitCode is 0 or 1, run.StdErr);
    }

    [Fact]
    public void B5_a_baseline_with_a_duplicate_key_is_a_usage_error_naming_it()
    {
        WriteGood();
        Write("b.json", "{\"version\": 1, \"version\": 2}");
        ToolRun run = tool.Run(_dir, "report", "good.txt", "--baseline", "b.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("b.json", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void B5_a_device_as_baseline_is_bounded()
    {
        WriteGood();
        ToolRun run = tool.Run(_dir, "report", "good.txt", "--baseline", "/dev/zero");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/dev/zero", run.StdErr, StringComparison.Ordinal);
        AssertPeak(run, OneDocumentBudget);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void B6_devices_are_read_up_to_the_limit_only(string device)
    {
        (ToolRun run, string json) = Report([device]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(device, json, StringComparison.Ordinal);
        Assert.Matches("TL000[24]", json);
    }

    [Fact]
    public void B6_standard_input_is_read_up_to_the_limit_only()
    {
        string big = new('a', 2 * 1024 * 1024);
        ToolRun run = tool.RunWithInput(_dir, big, "report", "-", "--max-file-size", "1M", "--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TL0004", run.StdOut, StringComparison.Ordinal);
        AssertPeak(run, OneDocumentBudget);
    }

    [Fact]
    public void B7_B8_a_fifo_and_symlink_loops_in_a_scanned_folder_neither_block_nor_repeat()
    {
        Write("docs/a.md", "The council approved the budget on Monday after a long debate about schools.\n");
        Assert.Equal(0, Cli("mkfifo", Path.Combine(_dir, "docs", "pipe.md")));
        File.CreateSymbolicLink(Path.Combine(_dir, "docs", "self"), ".");
        File.CreateSymbolicLink(Path.Combine(_dir, "docs", "loop1"), "loop2");
        File.CreateSymbolicLink(Path.Combine(_dir, "docs", "loop2"), "loop1");
        (ToolRun _, string json) = Report(["docs"]);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(json, "\"path\": \"docs/a.md\""));
        Assert.DoesNotContain("pipe.md\", \"status\": \"analysed\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void B10_an_output_that_cannot_be_written_is_exit_2_naming_it()
    {
        WriteGood();
        ToolRun run = tool.Run(_dir, "report", "good.txt", "--format", "json", "-o", "/etc/passwd/r.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("/etc/passwd/r.json", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void B10_standard_output_that_cannot_be_written_is_exit_2_with_one_line()
    {
        WriteGood();
        // The shell opens /dev/full as the tool's own standard output: a pipe to this process would always take the bytes.
        BufferedCommandResult run = Run(CliWrap.Cli.Wrap("sh")
            .WithArguments(["-c", "exec \"$0\" report good.txt --format json > /dev/full", tool.Executable])
            .WithWorkingDirectory(_dir));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("No space left on device", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "sarif", "-o")]
    [InlineData("--write-baseline")]
    public void B12_two_outputs_naming_one_file_are_refused(params string[] second)
    {
        WriteGood();
        ToolRun run = tool.Run(_dir, ["report", "good.txt", "--format", "json", "-o", "same.json", .. second, "same.json"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("same.json", run.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "same.json")));
    }

    /// <summary>
    /// A special file named by -o is written in place, not replaced by a regular file (the atomic rename would turn a
    /// device into a file). Checked on a FIFO of the test's own, never on a system device: a regression must not be
    /// able to replace /dev/null on the machine running the tests.
    /// </summary>
    [Fact]
    public async Task B11_a_special_file_output_stays_a_special_file()
    {
        WriteGood();
        string fifo = Path.Combine(_dir, "out.fifo");
        string received = Path.Combine(_dir, "received.json");
        Output("mkfifo", fifo);
        Assert.Equal("fifo", Output("stat", "-c", "%F", fifo).Trim());
        using var stopReader = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        CommandTask<CommandResult> reader = CliWrap.Cli.Wrap("cat").WithArguments([fifo])
            .WithStandardOutputPipe(PipeTarget.ToFile(received))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(stopReader.Token);
        try
        {
            ToolRun run = tool.Run(_dir, "report", "good.txt", "--format", "json", "-o", fifo);
            Assert.Equal(0, run.ExitCode);
            Assert.True(await Task.WhenAny(reader.Task, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)) == reader.Task, "the reader of the FIFO never saw it closed");
            Assert.Equal(0, (await reader).ExitCode);
        }
        finally
        {
            if (!reader.Task.IsCompleted)
            {
                await stopReader.CancelAsync(); // kills cat
                await Task.WhenAny(reader.Task, Task.Delay(TimeSpan.FromSeconds(10)));
            }
        }

        Assert.Equal("fifo", Output("stat", "-c", "%F", fifo).Trim());
        using var report = JsonDocument.Parse(File.ReadAllText(received));
        Assert.Equal(1, report.RootElement.GetProperty("documents").GetArrayLength());
    }

    [Fact]
    public void B12_an_output_naming_an_input_is_refused()
    {
        WriteGood();
        byte[] before = File.ReadAllBytes(Path.Combine(_dir, "good.txt"));
        ToolRun run = tool.Run(_dir, "report", "good.txt", "--format", "json", "-o", "good.txt");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("good.txt", run.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(_dir, "good.txt")));
    }

    [Theory]
    [InlineData("md", "<!-- textlens-disable-next-line TL3001 -->\n")]
    [InlineData("txt", "%% textlens-disable-next-line TL3001\n")]
    public void B14_B15_a_hundred_thousand_suppression_directives_are_bounded(string extension, string directive)
    {
        var text = new StringBuilder();
        for (int i = 0; i < 100_000; i++)
        {
            text.Append(directive).Append("The council approved the budget.\n");
        }

        Write("s." + extension, text.ToString());
        (ToolRun run, string _) = Report(["s." + extension], 800 * MiB);
        Assert.True(run.ExitCode is 0 or 1, run.StdErr);
    }

    [Fact]
    public void B15_five_megabytes_of_one_word_stay_under_600_mib()
    {
        Write("w.txt", string.Concat(Enumerable.Repeat("policy ", 5_000_000 / 7)));
        (ToolRun run, string _) = Report(["w.txt"], 600 * MiB);
        Assert.True(run.ExitCode is 0 or 1, run.StdErr);
    }

    [Fact]
    public void B16_utf32_with_a_bom_is_decoded()
    {
        Write("u32.txt", [.. new UTF32Encoding(false, true).GetPreamble(), .. new UTF32Encoding(false, false).GetBytes("The council approved the budget on Monday after a long debate about the schools.")]);
        (ToolRun run, string json) = Report(["u32.txt"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("council", json, StringComparison.Ordinal);
    }

    [Fact]
    public void B17_a_french_document_gets_TL0008_naming_french()
    {
        Write("fr.md", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "TestData", "languages", "fr.md")));
        (ToolRun run, string json) = Report(["fr.md"]);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("TL0008", json, StringComparison.Ordinal);
        Assert.Contains("French", json, StringComparison.Ordinal);
    }

    [Fact]
    public void B19_a_file_name_that_is_not_utf8_is_named_not_dropped()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "docs"));
        Assert.Equal(0, Cli("bash", ["-c", "printf 'The council approved the budget.' > \"$(printf 'docs/caf\\351.txt')\""], _dir));
        (ToolRun run, string json) = Report(["docs"]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not valid UTF-8", json, StringComparison.Ordinal);
    }

    [Fact]
    public void B20_a_file_name_cannot_inject_a_workflow_command()
    {
        WriteGood();
        Write("a.md\n::error file=evil.md::INJECTED", "");
        ToolRun run = tool.Run(_dir, "report", ".", "--format", "console");
        Assert.DoesNotContain("\n::error", "\n" + run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void B21_markdown_format_escapes_html_from_documents()
    {
        WriteGood();
        Write("x.md", "# Budget <script>alert(1)</script>\n\nThe council approved the budget on Monday after a long debate about schools.\n");
        ToolRun run = tool.Run(_dir, "report", "x.md", "--format", "markdown");
        Assert.DoesNotContain("<script>", run.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-file-size", "99999999999G")]
    [InlineData("--severity", "category-Nonsense=warning")]
    public void B23_B25_impossible_options_are_usage_errors(string option, string value)
    {
        WriteGood();
        ToolRun run = tool.Run(_dir, "report", "good.txt", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void B24_closed_standard_input_does_not_block()
    {
        ToolRun run = tool.RunWithInput(_dir, null, "report", "-", "--format", "json");
        Assert.True(run.ExitCode is 0 or 2, run.StdErr);
    }

    [Fact]
    public void B25_an_unknown_severity_in_editorconfig_is_TL0010()
    {
        Write(".editorconfig", "root = true\n\n[*]\ntextlens_diagnostic.TL0005.severity = eror\n");
        (ToolRun _, string json) = Report([]);
        Assert.Contains("TL0010", json, StringComparison.Ordinal);
    }

    [Fact]
    public void B9_an_unreadable_folder_is_TL0001_naming_it_and_the_rest_is_reported()
    {
        Write("docs/a.md", "The council approved the budget on Monday after a long debate about schools.\n");
        Write("docs/locked/b.md", "The mayor vetoed the plan.\n");
        WriteGood();
        Assert.Equal(0, Cli("chmod", "-R", "a+rX", _dir));
        Assert.Equal(0, Cli("chmod", "000", Path.Combine(_dir, "docs", "locked")));
        try
        {
            // As root a mode-000 folder is still readable: run the tool as an unprivileged user.
            OpenPathTo(_dir);
            OpenPathTo(tool.Executable);

            // A tool installed with --tool-path is a link into .store, to an apphost only its owner may run (rwxr--r--):
            // a tool in a temporary folder (CI's) is opened to other users along the whole way.
            string real = new FileInfo(tool.Executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? tool.Executable;
            if (real.StartsWith(Path.GetTempPath(), StringComparison.Ordinal))
            {
                OpenPathTo(real);
                Cli("chmod", "a+rx", real);
            }
            string[] unprivileged = Environment.UserName == "root"
                ? ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
                : [];
            if (unprivileged.Length > 0 && Cli("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", "test", "-x", tool.Executable]) != 0)
            {
                VisibleSkip.Now("B9 needs to run the tool as an unprivileged user; setpriv to nobody failed here");
            }

            var run = RunAs(unprivileged, "report", "docs", "good.txt", "--format", "json");
            Assert.Equal(2, run.ExitCode);
            Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
            using var report = JsonDocument.Parse(run.StdOut);
            var documents = report.RootElement.GetProperty("documents").EnumerateArray()
                .ToDictionary(d => d.GetProperty("path").GetString()!, d => d);
            Assert.Equal("analysed", documents["docs/a.md"].GetProperty("status").GetString());
            Assert.Equal("analysed", documents["good.txt"].GetProperty("status").GetString());
            Assert.Contains("docs/locked", run.StdOut, StringComparison.Ordinal);
            Assert.Contains("TL0001", run.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            Cli("chmod", "755", Path.Combine(_dir, "docs", "locked"));
        }
    }

    /// <summary>Lets other users traverse every folder above <paramref name="path"/> (the test's temp folders are 0700).</summary>
    private static void OpenPathTo(string path)
    {
        for (string? dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir is not null && dir != "/"; dir = Path.GetDirectoryName(dir))
        {
            if (dir.StartsWith(Path.GetTempPath(), StringComparison.Ordinal))
            {
                Cli("chmod", "a+rx", dir);
            }
        }
    }

    /// <summary>Runs the tool behind <paramref name="prefix"/> (a command that runs its arguments, e.g. setpriv), or alone.</summary>
    private ToolRun RunAs(string[] prefix, params string[] args)
    {
        string[] command = [.. prefix, tool.Executable, .. args];
        BufferedCommandResult run = Run(CliWrap.Cli.Wrap(command[0])
            .WithArguments(command[1..])
            .WithWorkingDirectory(_dir)
            .WithEnvironmentVariables(env => env
                .Set("NO_COLOR", "1")
                .Set("HOME", Path.GetTempPath())
                .Set("DOTNET_CLI_HOME", Path.GetTempPath())));
        return new ToolRun(run.ExitCode, run.StandardOutput, run.StandardError);
    }

    [Fact]
    public void B18_soft_hyphens_and_zero_width_characters_do_not_split_words()
    {
        Write("z.txt", string.Concat(Enumerable.Repeat(
            "Photo\u00ADsynthesis feeds the forest. The study of photo\u200Bsynthesis grew. Photo\u2060synthesis needs light. ", 6)));
        (ToolRun run, string json) = Report(["z.txt"]);
        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(json);
        JsonElement z = report.RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("path").GetString() == "z.txt");
        string[] keywords = [.. z.GetProperty("keywords").EnumerateArray().Select(k => k.GetProperty("text").GetString()!)];
        Assert.Contains(keywords, k => Visible(k).Equals("photosynthesis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(keywords, k => Visible(k).Equals("synthesis", StringComparison.OrdinalIgnoreCase) || Visible(k).Equals("photo", StringComparison.OrdinalIgnoreCase));

        static string Visible(string s) => string.Concat(s.Where(c => c is not ('\u00AD' or '\u200B' or '\u2060')));
    }

    [Fact]
    public void B22_changed_since_never_reads_a_committed_symlink_to_a_file_outside_the_repository()
    {
        string outside = Write("secret/key.md", "The password of the vault is hunter2 and the council must never see it.\n");
        string repo = Path.Combine(_dir, "repo");
        Write("repo/a.md", "The council approved the budget on Monday after a long debate about schools.\n");
        Assert.Equal(0, Git(repo, "init", "-q", "-b", "main"));
        Assert.Equal(0, Git(repo, "commit", "-q", "--allow-empty", "-m", "start"));
        File.CreateSymbolicLink(Path.Combine(repo, "leak.md"), outside);
        Write("repo/b.md", "The mayor vetoed the plan after the council had approved the budget.\n");
        Assert.Equal(0, Git(repo, "add", "-A"));
        Assert.Equal(0, Git(repo, "commit", "-q", "-m", "docs"));
        ToolRun run = tool.Run(repo, "report", ".", "--changed-since", "HEAD~1", "--format", "json");
        Assert.True(run.ExitCode is 0 or 1, run.StdErr);
        Assert.Contains("\"path\": \"b.md\"", run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("vault", run.StdOut, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", run.StdErr, StringComparison.Ordinal);
    }

    private static int Git(string repo, params string[] args) =>
        Cli("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", .. args], repo);

    private static string Output(string program, params string[] args) =>
        Run(CliWrap.Cli.Wrap(program).WithArguments(args)).StandardOutput;

    private static int Cli(string program, params string[] args) => Cli(program, args, null);

    private static int Cli(string program, string[] args, string? workingDirectory) =>
        Run(CliWrap.Cli.Wrap(program).WithArguments(args).WithWorkingDirectory(workingDirectory ?? Directory.GetCurrentDirectory())).ExitCode;

    /// <summary>Runs a command to its end, its output and error read together (no pipe can fill and block it); any exit code is returned.</summary>
    private static BufferedCommandResult Run(Command command) =>
        command.WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, TestContext.Current.CancellationToken)
            .GetAwaiter().GetResult();
}

using System.Text;
using NJsonSchema;

namespace TextLens.Tool.Tests;

[Collection(PackedToolCollection.Name)]
public sealed class ReportEndToEndTests(PackedTool tool) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("textlens-e2e-").FullName;

    private static string SeedDir => Path.Combine(RepositoryPaths.Root, "seeds");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string CopySeed(string name = "good.txt") =>
        Write(name, File.ReadAllBytes(Path.Combine(SeedDir, "chongryon-japan-north-korea-relations.txt")));

    [Fact]
    public void Help_version_and_rules_work()
    {
        ToolRun help = tool.Run(_dir, "--help");
        Assert.True(help.ExitCode == 0, help.StdErr + help.StdOut);
        Assert.Contains("report", help.StdOut, StringComparison.Ordinal);
        ToolRun reportHelp = tool.Run(_dir, "report", "--help");
        Assert.Equal(0, reportHelp.ExitCode);
        Assert.Contains("--fail-on", reportHelp.StdOut, StringComparison.Ordinal);
        ToolRun version = tool.Run(_dir, "--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.StdOut);
        File.WriteAllText(Path.Combine(_dir, "version.rsp"), "--version\n");
        ToolRun parsed = tool.Run(_dir, "@version.rsp"); // System.CommandLine's own --version, not the short path for '--version' alone
        Assert.Equal(0, parsed.ExitCode);
        Assert.Equal(parsed.StdOut, version.StdOut);
        ToolRun rules = tool.Run(_dir, "rules");
        Assert.Equal(0, rules.ExitCode);
        Assert.Contains("TL0002", rules.StdOut, StringComparison.Ordinal);
        ToolRun json = tool.Run(_dir, "rules", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        Assert.Contains("\"defaultSeverity\": \"error\"", json.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeds_report_in_every_format_from_another_folder()
    {
        ToolRun console = tool.Run(_dir, "report", SeedDir);
        Assert.Equal(0, console.ExitCode);
        Assert.Contains("keywords: Chongryon", console.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", console.StdOut, StringComparison.Ordinal);

        ToolRun markdown = tool.Run(_dir, "report", SeedDir, "--format", "markdown");
        Assert.Equal(0, markdown.ExitCode);
        Assert.StartsWith("<!-- textlens:report -->\n# TextLens report", markdown.StdOut, StringComparison.Ordinal);
        Assert.Contains("**Keywords:** Chongryon", markdown.StdOut, StringComparison.Ordinal);

        ToolRun json = tool.Run(_dir, "report", SeedDir, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        JsonSchema schema = await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Root, "docs", "report.schema.json"));
        Assert.Empty(schema.Validate(json.StdOut));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("truncated")]
    [InlineData("corrupt")]
    public void A_bad_model_file_is_a_clear_error_with_exit_code_2(string damage)
    {
        string models = Path.Combine(_dir, "models");
        Directory.CreateDirectory(models);
        foreach (string path in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "models")))
        {
            File.Copy(path, Path.Combine(models, Path.GetFileName(path)));
        }

        const string file = "pos-ewt.bin";
        string target = Path.Combine(models, file);
        byte[] bytes = File.ReadAllBytes(target);
        switch (damage)
        {
            case "missing": File.Delete(target); break;
            case "truncated": File.WriteAllBytes(target, bytes[..(bytes.Length / 2)]); break;
            default: File.WriteAllBytes(target, [.. bytes.Select((b, i) => i < 200 ? (byte)(b ^ 0x5A) : b)]); break;
        }

        CopySeed();
        ToolRun run = tool.RunWithEnvironment(_dir, new Dictionary<string, string> { ["TEXTLENS_MODELS"] = models }, "report", "good.txt", "--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"model file '{file}'", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal); // no stack trace
        Assert.Equal(string.Empty, run.StdOut);
    }

    [Fact]
    public void Json_is_byte_identical_across_runs_and_written_atomically()
    {
        CopySeed("in/a.txt");
        CopySeed("in/sub/b.md");
        ToolRun first = tool.Run(_dir, "report", "in", "--format", "json", "--output", "out/one.json", "--format", "markdown", "--output", "out/one.md");
        ToolRun second = tool.Run(_dir, "report", "in", "--format", "json", "--output", "out/two.json");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "out/one.json")), File.ReadAllBytes(Path.Combine(_dir, "out/two.json")));
        Assert.True(File.Exists(Path.Combine(_dir, "out/one.md")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "out"), "*.tmp"));
        string json = File.ReadAllText(Path.Combine(_dir, "out/one.json"));
        Assert.True(json.IndexOf("\"path\": \"in/a.txt\"", StringComparison.Ordinal) < json.IndexOf("\"path\": \"in/sub/b.md\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_path_is_an_input_error_and_good_files_are_still_reported()
    {
        CopySeed();
        ToolRun run = tool.Run(_dir, "report", "good.txt", "missing.txt", "--format", "json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("\"path\": \"missing.txt\"", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("Cannot read 'missing.txt': no such file or directory", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"path\": \"good.txt\"", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("\"text\": \"Chongryon\"", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_with_no_matching_files_is_an_input_error()
    {
        Write("empty-dir/notes.csv", "a,b\n");
        ToolRun run = tool.Run(_dir, "report", "empty-dir");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("TL0006", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("'empty-dir' matched no files", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_is_skipped_with_a_clear_error()
    {
        CopySeed();
        Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);
        ToolRun run = tool.Run(_dir, "report", "image.txt", "good.txt");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("image.txt: error TL0002: 'image.txt' looks like a binary file (a NUL or control byte at byte 8)", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("keywords: Chongryon", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_names_the_first_bad_byte()
    {
        CopySeed();
        Write("latin1.txt", [.. Encoding.ASCII.GetBytes("The caf"), 0xE9, .. Encoding.ASCII.GetBytes(" opened.")]);
        ToolRun run = tool.Run(_dir, "report", "latin1.txt", "good.txt");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'latin1.txt' is not valid UTF-8: the first bad byte is at byte offset 7", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("keywords: Chongryon", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_a_warning_that_can_fail_the_build()
    {
        CopySeed();
        Write("empty.md", string.Empty);
        ToolRun run = tool.Run(_dir, "report", "empty.md", "good.txt");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("empty.md: warning TL0005: 'empty.md' has no prose to analyse", run.StdOut, StringComparison.Ordinal);
        Assert.Equal(1, tool.Run(_dir, "report", "empty.md", "--fail-on", "warning").ExitCode);
    }

    [Fact]
    public void File_over_the_limit_is_skipped()
    {
        CopySeed();
        Write("big.txt", new string('x', 2048) + ".");
        ToolRun run = tool.Run(_dir, "report", "big.txt", "good.txt", "--max-file-size", "1K");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'big.txt' is 2,049 bytes, over the limit of 1,024 bytes", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_option_and_unknown_format_are_usage_errors()
    {
        CopySeed();
        ToolRun option = tool.Run(_dir, "report", "good.txt", "--bogus");
        Assert.Equal(2, option.ExitCode);
        Assert.Contains("--bogus", option.StdErr, StringComparison.Ordinal);
        ToolRun format = tool.Run(_dir, "report", "good.txt", "--format", "yaml");
        Assert.Equal(2, format.ExitCode);
        Assert.Contains("unknown format 'yaml'", format.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, tool.Run(_dir, "report").ExitCode);
        Assert.Equal(2, tool.Run(_dir, "report", "good.txt", "--fail-on", "loud").ExitCode);
    }

    [Fact]
    public void Standard_input_is_read_with_dash()
    {
        ToolRun run = tool.RunWithInput(_dir, "The central bank raised interest rates again. Interest rates are now at a record high.", "report", "-", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"path\": \"-\"", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("interest rates", run.StdOut, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Editorconfig_and_command_line_set_rule_severity()
    {
        Write(".editorconfig", "root = true\n[*.md]\ntextlens_diagnostic.TL0005.severity = error\n");
        Write("empty.md", "   \n");
        ToolRun fromFile = tool.Run(_dir, "report", "empty.md");
        Assert.Equal(1, fromFile.ExitCode);
        Assert.Contains("error TL0005", fromFile.StdOut, StringComparison.Ordinal);
        ToolRun fromCli = tool.Run(_dir, "report", "empty.md", "--severity", "TL0005=none");
        Assert.Equal(0, fromCli.ExitCode);
        Assert.DoesNotContain("TL0005", fromCli.StdOut, StringComparison.Ordinal);
        Assert.Equal(2, tool.Run(_dir, "report", "empty.md", "--severity", "TL9999=none").ExitCode);
    }

    [Fact]
    public void Include_and_exclude_globs_filter_directories()
    {
        CopySeed("docs/a.md");
        CopySeed("docs/b.txt");
        CopySeed("docs/drafts/c.md");
        ToolRun run = tool.Run(_dir, "report", "docs", "--include", "*.md", "--exclude", "drafts/**", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"path\": \"docs/a.md\"", run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("docs/b.txt", run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("drafts", run.StdOut, StringComparison.Ordinal);
        ToolRun glob = tool.Run(_dir, "report", "docs/**/*.md", "--format", "json");
        Assert.Contains("docs/drafts/c.md", glob.StdOut, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using TextLens.Cli.Inputs;

namespace TextLens.Cli.Tests;

/// <summary>--changed-since against a real temporary git repository.</summary>
public class ChangedSinceTests
{
    private const string First = "The committee met in Tokyo on Monday. It reportedly agreed on a budget of 40 million yen.\n";
    private const string Second = "Officials said the talks would resume next year. No date was given.\n";
    private const string Third = "A new report reportedly finds that 12 schools closed in 2023. Chongryon disputed the figure.\n";

    private static TempDir Repository()
    {
        var dir = new TempDir();
        dir.Git("init", "-q");
        dir.File("docs/first.md", First);
        dir.File("docs/second.txt", Second);
        dir.Git("add", "-A");
        dir.Git("commit", "-q", "-m", "two documents");
        dir.File("docs/third.md", Third);
        return dir;
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    [InlineData("markdown")]
    [InlineData("console")]
    [InlineData("html")]
    public void Reports_exactly_the_new_document_in_every_format(string format)
    {
        using TempDir dir = Repository();
        Tool.Result result = Tool.Run(Tool.Request(dir.Path) with { Formats = [format], ChangedSince = "HEAD" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("docs/third.md", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("first.md", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("second.txt", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Tokyo", result.Stdout, StringComparison.Ordinal);
        switch (format)
        {
            case "json":
                Assert.Equal(["docs/third.md"], Tool.DocumentPaths(result.Stdout));
                break;
            case "sarif":
                Sarif.AssertValid(result.Stdout);
                using (JsonDocument doc = JsonDocument.Parse(result.Stdout))
                {
                    string[] uris = [.. doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                        .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)
                        .Distinct()];
                    Assert.Equal(["docs/third.md"], uris);
                }

                break;
            case "github":
                Assert.All(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("::", line, StringComparison.Ordinal));
                Assert.Contains("file=docs/third.md,line=1,", result.Stdout, StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void Counts_modified_and_committed_changes_since_the_merge_base_and_honours_filters()
    {
        using TempDir dir = Repository();
        dir.Git("checkout", "-q", "-b", "feature");
        dir.Git("add", "-A");
        dir.Git("commit", "-q", "-m", "third");
        File.AppendAllText(Path.Combine(dir.Path, "docs/second.txt"), "A sentence was added.\n");
        dir.File("docs/drafts/fourth.md", Third);
        dir.File("notes/elsewhere.md", Third);
        dir.File("docs/picture.png", "not prose");

        Tool.Result all = Tool.Run(Tool.Request(dir.Path) with { ChangedSince = "main" });
        Assert.Equal(["docs/drafts/fourth.md", "docs/second.txt", "docs/third.md", "notes/elsewhere.md"], Tool.DocumentPaths(all.Stdout));

        Tool.Result scoped = Tool.Run(Tool.Request(dir.Path, "docs") with { ChangedSince = "main", Excludes = ["docs/drafts/**"] });
        Assert.Equal(["docs/second.txt", "docs/third.md"], Tool.DocumentPaths(scoped.Stdout));

        dir.File(".textlensignore", "*.txt\n");
        Tool.Result ignored = Tool.Run(Tool.Request(dir.Path, "docs") with { ChangedSince = "main" });
        Assert.Equal(["docs/drafts/fourth.md", "docs/third.md"], Tool.DocumentPaths(ignored.Stdout));
    }

    [Fact]
    public void Nothing_changed_is_an_empty_report_not_an_error()
    {
        using TempDir dir = Repository();
        dir.Git("add", "-A");
        dir.Git("commit", "-q", "-m", "third");
        Tool.Result result = Tool.Run(Tool.Request(dir.Path) with { ChangedSince = "HEAD", Quiet = false });
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(Tool.DocumentPaths(result.Stdout));
        Assert.Contains("no documents changed since HEAD", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_is_still_reported_with_changed_since()
    {
        using TempDir dir = Repository();
        Tool.Result result = Tool.Run(Tool.Request(dir.Path, "docs", "nowhere") with { ChangedSince = "HEAD" });
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["docs/third.md", "nowhere"], Tool.DocumentPaths(result.Stdout));
    }

    [Fact]
    public void Standard_input_cannot_be_combined_with_changed_since()
    {
        using TempDir dir = Repository();
        var ex = Assert.Throws<UsageException>(() => Tool.Run(Tool.Request(dir.Path, "-") with { ChangedSince = "HEAD" }));
        Assert.Contains("cannot be combined with '-'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_ref_is_a_clear_usage_error()
    {
        using TempDir dir = Repository();
        var ex = Assert.Throws<UsageException>(() => Tool.Run(Tool.Request(dir.Path) with { ChangedSince = "no-such-branch" }));
        Assert.Contains("unknown git ref 'no-such-branch'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_repository_is_a_clear_usage_error()
    {
        using var dir = new TempDir();
        dir.File("a.md", First);
        var ex = Assert.Throws<UsageException>(() => Tool.Run(Tool.Request(dir.Path) with { ChangedSince = "HEAD" }));
        Assert.Contains("needs a git repository", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_exit_with_code_2_from_the_command_line()
    {
        using var dir = new TempDir();
        dir.File("a.md", First);
        Assert.Equal(2, Program.Main(["report", Path.Combine(dir.Path, "a.md"), "--changed-since", "--oops"]));
    }

    [Fact]
    public void A_git_that_never_answers_is_stopped_and_named_instead_of_hanging_the_run()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the stand-in git is a POSIX shell script
        }

        // A stand-in for git on a hung network share: it prints nothing and waits, holding its output pipe open.
        using var dir = new TempDir();
        string git = dir.File("slow-git", "#!/bin/sh\nsleep 25\n");
        File.SetUnixFileMode(git, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        UsageException e = Assert.Throws<UsageException>(() => GitChanges.Changes("main", dir.Path, git, TimeSpan.FromSeconds(1)));
        Assert.Contains("'git rev-parse --show-toplevel' did not finish within 1 s", e.Message, StringComparison.Ordinal);
        Assert.Contains(dir.Path, e.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using TextLens.Cli.Commands;
using TextLens.Cli.Inputs;
using TextLens.Cli.PullRequest;

namespace TextLens.Cli.Tests;

/// <summary>Pull-request mode (--changed-since) against a real temporary git repository: which findings, which documents, what it says.</summary>
public sealed class PullRequestModeTests
{
    private static readonly string Kept = string.Join("\n\n",
        "The committee reportedly met in Tokyo on Monday.",
        "Officials reportedly said the talks would resume next year.",
        "The ministry reportedly declined to comment on the plan.") + "\n";

    private static readonly string Renamed = string.Join("\n\n",
        "Schools reportedly closed across the prefecture last spring.",
        "Parents reportedly protested outside the education office.",
        "The board reportedly promised a review of the decision.") + "\n";

    private const string Deleted = "The old draft reportedly mentioned the budget.\n";

    private static TempDir Repository()
    {
        var dir = new TempDir();
        dir.Git("init", "-q");
        dir.File("docs/kept.md", Kept);
        dir.File("docs/renamed.md", Renamed);
        dir.File("docs/deleted.md", Deleted);
        dir.Git("add", "-A");
        dir.Git("commit", "-q", "-m", "three documents");
        dir.Git("branch", "base");

        // Modified: one paragraph appended. Renamed with one edited line. Deleted. Added (untracked).
        dir.File("docs/kept.md", Kept + "\nA spokesman reportedly confirmed the new date.\n");
        dir.Git("mv", "docs/renamed.md", "docs/moved.md");
        dir.File("docs/moved.md", Renamed.Replace("Parents reportedly protested", "Parents reportedly marched", StringComparison.Ordinal));
        dir.Git("rm", "-q", "docs/deleted.md");
        dir.File("docs/added.md", "Reporters reportedly waited outside.\n\nThe minister reportedly left early.\n");
        return dir;
    }

    private static Dictionary<string, int[]> FindingLines(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("documents").EnumerateArray().ToDictionary(
            d => d.GetProperty("path").GetString()!,
            d => d.GetProperty("diagnostics").EnumerateArray()
                .Where(x => x.GetProperty("id").GetString() == "TL9101")
                .Select(x => x.GetProperty("line").GetInt32()).ToArray());
    }

    [Fact]
    public void Reports_findings_only_on_added_or_modified_lines()
    {
        using TempDir dir = Repository();
        Tool.Result result = Tool.Run(Tool.Request(dir.Path) with { ChangedSince = "base" });
        Dictionary<string, int[]> lines = FindingLines(result.Stdout);

        Assert.Equal(["docs/added.md", "docs/kept.md", "docs/moved.md"], lines.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([7], lines["docs/kept.md"]);        // the appended paragraph only
        Assert.Equal([3], lines["docs/moved.md"]);       // renamed: only the edited line
        Assert.Equal([1, 3], lines["docs/added.md"]);    // a new file: every line
    }

    [Fact]
    public void Whole_file_scope_reports_every_finding_in_a_changed_file()
    {
        using TempDir dir = Repository();
        Tool.Result result = Tool.Run(Tool.Request(dir.Path) with { ChangedSince = "base", ChangedScope = ChangeScope.File });
        Dictionary<string, int[]> lines = FindingLines(result.Stdout);

        Assert.Equal([1, 3, 5, 7], lines["docs/kept.md"]);
        Assert.Equal([1, 3, 5], lines["docs/moved.md"]);
    }

    [Fact]
    public void Markdown_says_what_was_compared_and_how()
    {
        using TempDir dir = Repository();
        Tool.Result lines = Tool.Run(Tool.Request(dir.Path) with { ChangedSince = "base", Formats = ["markdown"] });
        Assert.Contains("Documents changed since `base`; findings on added or modified lines only", lines.Stdout, StringComparison.Ordinal);

        Tool.Result file = Tool.Run(Tool.Request(dir.Path) with { ChangedSince = "base", Formats = ["markdown"], ChangedScope = ChangeScope.File });
        Assert.Contains("findings anywhere in the changed files", file.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("markdown", "No documents changed since `HEAD`.")]
    [InlineData("console", "No documents changed since HEAD.")]
    public void Nothing_changed_says_so_and_names_the_ref(string format, string message)
    {
        using TempDir dir = Repository();
        dir.Git("add", "-A");
        dir.Git("commit", "-q", "-m", "changes");
        Tool.Result result = Tool.Run(Tool.Request(dir.Path) with { ChangedSince = "HEAD", Formats = [format] });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(message, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("0 document(s)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tools_own_outputs_and_baselines_are_never_inputs()
    {
        using TempDir dir = Repository();
        ReportRequest first = Tool.Request(dir.Path) with
        {
            ChangedSince = "base",
            Formats = ["markdown", "json"],
            Outputs = ["docs/summary.md"],
            WriteBaselinePath = "docs/baseline.txt",
        };
        Tool.Run(first);
        Assert.True(File.Exists(Path.Combine(dir.Path, "docs", "summary.md")));

        // The same command again: its output and baseline are now untracked files in the folder.
        Tool.Result again = Tool.Run(first);
        Assert.DoesNotContain("docs/summary.md", Tool.DocumentPaths(again.Stdout));
        Assert.DoesNotContain("docs/baseline.txt", Tool.DocumentPaths(again.Stdout));

        // A later run that writes elsewhere still recognises the earlier Markdown report by its marker.
        Tool.Result other = Tool.Run(Tool.Request(dir.Path) with { ChangedSince = "base" });
        Assert.DoesNotContain("docs/summary.md", Tool.DocumentPaths(other.Stdout));
        Assert.Contains("docs/added.md", Tool.DocumentPaths(other.Stdout));
    }

    [Fact]
    public void Changed_lines_come_from_the_diff_hunks()
    {
        IReadOnlyList<List<(int First, int Last)>> files = GitChanges.ParseHunks(
            "diff --git a/a.md b/a.md\n@@ -3,0 +4,2 @@\n+x\n+y\n@@ -9 +11 @@\n-z\n+w\n@@ -20,3 +22,0 @@\n" +
            "diff --git a/b.md b/c.md\nsimilarity index 100%\n");
        Assert.Equal(2, files.Count);
        Assert.Equal([(4, 5), (11, 11)], files[0]);
        Assert.Empty(files[1]);

        ChangedLines lines = ChangedLines.FromRanges(files[0]);
        Assert.True(lines.Touches(5, 5));
        Assert.True(lines.Touches(6, 12));
        Assert.False(lines.Touches(6, 10));
        Assert.False(ChangedLines.None.Touches(1, 100));
        Assert.True(ChangedLines.WholeFile.Touches(1, 1));
    }

    [Fact]
    public void A_patch_is_read_line_by_line_and_a_huge_added_line_costs_only_its_head()
    {
        // A minified file added on one 4 MB line: its hunk header is read, the line itself is cut to its head.
        string huge = "+" + new string('x', 4 * 1024 * 1024);
        string patch = "diff --git a/a.md b/a.md\n@@ -3,0 +4,2 @@\n" + huge + "\n+y\n" +
            "diff --git a/min.js b/min.js\nnew file mode 100644\n@@ -0,0 +1 @@\n" + huge + "\n@@ -9 +11 @@\n-z\n+w";
        string[] heads = [.. GitChanges.LineHeads(new StringReader(patch), GitChanges.PatchLineHead)];
        Assert.Equal(patch.Split('\n').Length, heads.Length);
        Assert.All(heads, h => Assert.True(h.Length <= GitChanges.PatchLineHead));
        Assert.Equal("+w", heads[^1]); // the last line, without a newline after it
        Assert.Equal(GitChanges.ParseHunks(patch), GitChanges.ParseHunks(heads));
        Assert.Equal([(4, 5)], GitChanges.ParseHunks(heads)[0]);
        Assert.Equal([(1, 1), (11, 11)], GitChanges.ParseHunks(heads)[1]);
        Assert.Empty(GitChanges.LineHeads(new StringReader(string.Empty), 10));
    }

    [Fact]
    public void Links_point_at_the_line_on_github_actions_only()
    {
        var env = new Dictionary<string, string?>
        {
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "acme/policy-notes",
            ["GITHUB_SHA"] = "0123abcd",
            ["GITHUB_WORKSPACE"] = "/work/repo",
        };
        Assert.Equal("https://github.com/acme/policy-notes/blob/0123abcd/", SourceLinks.GitHubBase(k => env.GetValueOrDefault(k), "/work/repo"));
        Assert.Equal("https://github.com/acme/policy-notes/blob/0123abcd/site/", SourceLinks.GitHubBase(k => env.GetValueOrDefault(k), "/work/repo/site"));
        Assert.Equal("https://github.com/acme/policy-notes/blob/0123abcd/my%20docs/%28draft%29/", SourceLinks.GitHubBase(k => env.GetValueOrDefault(k), "/work/repo/my docs/(draft)"));
        env.Remove("GITHUB_SHA");
        Assert.Null(SourceLinks.GitHubBase(k => env.GetValueOrDefault(k), "/work/repo"));
    }

    [Theory]
    [InlineData("javascript:alert(1)//", "acme/policy-notes")]
    [InlineData("https://github.com/x)y", "acme/policy-notes")]
    [InlineData("https://github.com?q=1", "acme/policy-notes")]
    [InlineData("github.com", "acme/policy-notes")]
    [InlineData("https://github.com", "acme/policy notes")]
    [InlineData("https://github.com", "o/r#?")]
    [InlineData("https://github.com", "acme")]
    [InlineData("https://github.com", "acme/policy-notes/extra")]
    public void Garbage_in_the_github_variables_gives_no_links_rather_than_broken_ones(string server, string repository)
    {
        // The base is written into Markdown link targets and HTML hrefs: "javascript:…" was linked, and a ')' or a space
        // ended the Markdown link early.
        var env = new Dictionary<string, string?>
        {
            ["GITHUB_SERVER_URL"] = server,
            ["GITHUB_REPOSITORY"] = repository,
            ["GITHUB_SHA"] = "0123abcd",
        };
        Assert.Null(SourceLinks.GitHubBase(k => env.GetValueOrDefault(k), "/work/repo"));
    }

    [Fact]
    public void The_markdown_table_carries_the_sentence_with_the_cue_and_a_link()
    {
        using TempDir dir = Repository();
        ReportRequest request = Tool.Request(dir.Path) with { ChangedSince = "base", Formats = ["markdown"] };
        var stdout = new StringWriter();
        var env = new Dictionary<string, string?>
        {
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_REPOSITORY"] = "acme/notes",
            ["GITHUB_SHA"] = "abc123",
        };
        ReportRunner.Run(request, TestCli.OnDisk(stdout, new StringWriter(), k => env.GetValueOrDefault(k)));
        string md = stdout.ToString();

        Assert.Contains("| [7](https://github.com/acme/notes/blob/abc123/docs/kept.md#L7) | TL9101 | warning | A spokesman **reportedly** confirmed the new date. |", md, StringComparison.Ordinal);
    }
}

using CliWrap;
using CliWrap.Buffered;
using System.Text;
using TextLens.Cli.Inputs;

namespace TextLens.Cli.Tests;

/// <summary>
/// .textlensignore against git itself: a generated tree and ignore files (hand-picked edge cases and random
/// patterns from a small grammar, fixed seed) are given to both <c>git check-ignore</c> and <see cref="IgnoreFiles"/>;
/// every file must get the same answer.
/// </summary>
public sealed class GitCheckIgnoreOracleTests
{
    private static readonly string[] Files =
    [
        "a.md", "b.txt", "z.md", "m.md", "1.md", "#x.md", "!k.md", "ab.md", "a b.md", "[x].md", "keep.md", "c.markdown",
        "a/a.md", "a/b.md", "a/c.md", "a/b/c.md", "a/b/d.txt", "a/x/y/c.md", "a/keep.md",
        "docs/a.md", "docs/b/c.md", "docs/drafts/d.md", "drafts/e.md", "x/drafts/f.md", "x/y/z/g.md",
        "b/a.md", "b/b/b.md", "dbs/q.md", "ds/r.md", "deep/er/est/a2.md", "deep/a9.txt",
    ];

    private static readonly string[] HandPicked =
    [
        "*.txt", "/a.md", "docs/", "drafts/**", "**/b/*.md", "a/**/c.md", "*.md\n!keep.md", "[z-a].md", "[!]", "[^]", "[",
        "[^a]*.md", "\\#x.md", "\\!k.md", "*[[:digit:]].md", "?.md", "d*s/", "**/x/**", "b/", "a/b", "*.m[a-d]*",
        "a\\ b.md", "[[]x].md", "**", "a/**", "/**/c.md", "**/drafts", "x/**/g.md", "*/b", "a/*", "**/", "*\n!a/", "deep/**/*.md",
        "*a*a*a*a*a*a*b", "**/**/**/**/**/**/**/**/**/**/a.md", "[a-c-e].md", "[]a].md", "[!a-c].md",
    ];

    [Fact]
    public void Textlensignore_matches_git_check_ignore_on_a_generated_tree()
    {
        var random = new Random(1234);
        string[] atoms = ["a", "b", "d", "*", "?", "**", "[a-c]", "[!b]", "/", ".md", "docs", "x", "[[:alpha:]]", "\\*"];
        var cases = new List<(string Root, string? Sub)>();
        cases.AddRange(HandPicked.Select(p => (p, (string?)null)));
        for (int n = 0; n < 120; n++)
        {
            cases.Add((RandomPattern(random, atoms), n % 3 == 0 ? RandomPattern(random, atoms) : null));
        }

        var failures = new List<string>();
        using var dir = new TempDir();
        dir.Git("init", "-q");
        foreach (string f in Files)
        {
            dir.File(f, "x");
        }

        foreach ((string rootPatterns, string? subPatterns) in cases)
        {
            dir.File(".gitignore", rootPatterns + "\n");
            dir.File(".textlensignore", rootPatterns + "\n");
            dir.File("a/.gitignore", (subPatterns ?? string.Empty) + "\n");
            dir.File("a/.textlensignore", (subPatterns ?? string.Empty) + "\n");

            HashSet<string> byGit = CheckIgnore(dir.Path, Files);
            var ours = new IgnoreFiles();
            foreach (string f in Files)
            {
                bool expected = byGit.Contains(f);
                bool actual = ours.IsIgnored(Path.Combine(dir.Path, f));
                if (expected != actual)
                {
                    failures.Add($"root '{rootPatterns.Replace("\n", "⏎")}' sub '{subPatterns?.Replace("\n", "⏎")}': {f} git={expected} textlens={actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} disagreement(s) with git:\n{string.Join('\n', failures.Take(40))}");
    }

    private static string RandomPattern(Random random, string[] atoms)
    {
        var sb = new StringBuilder();
        if (random.Next(6) == 0)
        {
            sb.Append('!');
        }

        int length = random.Next(1, 6);
        for (int i = 0; i < length; i++)
        {
            sb.Append(atoms[random.Next(atoms.Length)]);
        }

        string pattern = sb.ToString();
        return pattern == "!" ? "!a" : pattern;
    }

    private static HashSet<string> CheckIgnore(string repository, IEnumerable<string> paths)
    {
        BufferedCommandResult git = CliWrap.Cli.Wrap("git")
            .WithArguments(["check-ignore", "--stdin", "-z"])
            .WithWorkingDirectory(repository)
            .WithStandardInputPipe(PipeSource.FromString(string.Join('\0', paths) + "\0"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(TestContext.Current.CancellationToken)
            .GetAwaiter().GetResult();
        Assert.True(git.ExitCode is 0 or 1, $"git check-ignore failed: {git.StandardError}");
        return [.. git.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
    }
}

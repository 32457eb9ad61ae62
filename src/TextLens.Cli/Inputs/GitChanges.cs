using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace TextLens.Cli.Inputs;

/// <summary>
/// The files added or modified since a git ref, for <c>--changed-since</c>: the merge base of the ref
/// and HEAD is compared with the working tree (committed, staged and unstaged changes), and untracked
/// files that git does not ignore count as added. Deleted files are left out; a rename counts as an
/// added file. Only git is asked; the rest of the tree is never read.
/// </summary>
public static class GitChanges
{
    /// <summary>Full paths of the changed files, sorted. Throws <see cref="UsageException"/> outside a repository or for an unknown ref.</summary>
    public static IReadOnlyList<string> Since(string gitRef, string workingDirectory)
    {
        if (string.IsNullOrWhiteSpace(gitRef) || gitRef.StartsWith('-'))
        {
            throw new UsageException($"--changed-since needs a git ref (a branch, tag or commit), not '{gitRef}'.");
        }

        (int code, string output, string error) = Git(workingDirectory, "rev-parse", "--show-toplevel");
        if (code != 0)
        {
            throw new UsageException($"--changed-since needs a git repository, but '{workingDirectory}' is not inside one ({FirstLine(error)}).");
        }

        string top = output.Trim();
        (code, output, _) = Git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", gitRef + "^{commit}");
        if (code != 0)
        {
            throw new UsageException($"--changed-since: unknown git ref '{gitRef}' (not a branch, tag or commit in this repository; in CI, fetch it first, e.g. 'git fetch origin main' and use origin/main).");
        }

        string commit = output.Trim();
        (code, output, error) = Git(top, "merge-base", commit, "HEAD");
        if (code != 0)
        {
            throw new UsageException($"--changed-since: '{gitRef}' and HEAD have no common ancestor ({FirstLine(error)}); with a shallow clone, fetch more history (fetch-depth: 0).");
        }

        string mergeBase = output.Trim();
        (code, output, error) = Git(top, "-c", "core.quotepath=off", "diff", "--name-only", "--no-renames", "--diff-filter=AM", "-z", mergeBase, "--");
        if (code != 0)
        {
            throw new UsageException($"--changed-since: git diff failed ({FirstLine(error)}).");
        }

        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string rel in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            files.Add(Path.GetFullPath(rel, top));
        }

        (code, output, error) = Git(top, "ls-files", "--others", "--exclude-standard", "-z");
        if (code != 0)
        {
            throw new UsageException($"--changed-since: git ls-files failed ({FirstLine(error)}).");
        }

        foreach (string rel in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            files.Add(Path.GetFullPath(rel, top));
        }

        return [.. files.Where(File.Exists)];
    }

    private static (int Code, string Output, string Error) Git(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        try
        {
            using Process process = Process.Start(start) ?? throw new UsageException("--changed-since: could not start git.");
            process.StandardInput.Close();
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (Win32Exception ex)
        {
            throw new UsageException($"--changed-since needs git on the PATH ({ex.Message}).");
        }
    }

    private static string FirstLine(string text)
    {
        string t = text.Trim();
        int nl = t.IndexOf('\n');
        return nl >= 0 ? t[..nl] : t.Length > 0 ? t : "no details";
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TextLens.Cli.Inputs;

/// <summary>
/// The files added or modified since a git ref, for <c>--changed-since</c>: the merge base of the ref
/// and HEAD is compared with the working tree (committed, staged and unstaged changes), and untracked
/// files that git does not ignore count as added. Deleted files are left out. Renames are detected, so
/// a renamed file reports only the lines edited in it; each file comes with its added or modified
/// lines (<see cref="ChangedLines"/>). Only git is asked; the rest of the tree is never read.
/// </summary>
public static class GitChanges
{
    /// <summary>Full paths of the changed files, sorted. Throws <see cref="UsageException"/> outside a repository or for an unknown ref.</summary>
    public static IReadOnlyList<string> Since(string gitRef, string workingDirectory) => Changes(gitRef, workingDirectory).Paths;

    /// <summary>How long one git command may run before it is stopped and the run fails with a usage error (exit 2).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The changed files and their added or modified lines. Throws <see cref="UsageException"/> outside a repository, for an
    /// unknown ref, or when a git command does not finish within <paramref name="timeout"/> (default <see cref="DefaultTimeout"/>:
    /// a repository on a hung network share, a lock held by another git, a hook that waits). <paramref name="git"/> names the
    /// executable (default "git" on the PATH).
    /// </summary>
    public static GitChangeSet Changes(string gitRef, string workingDirectory, string git = "git", TimeSpan? timeout = null)
    {
        var runner = new GitRunner(git, timeout ?? DefaultTimeout);
        if (string.IsNullOrWhiteSpace(gitRef) || gitRef.StartsWith('-'))
        {
            throw new UsageException($"--changed-since needs a git ref (a branch, tag or commit), not '{gitRef}'.");
        }

        (int code, string output, string error) = runner.Git(workingDirectory, "rev-parse", "--show-toplevel");
        if (code != 0)
        {
            throw new UsageException($"--changed-since needs a git repository, but '{workingDirectory}' is not inside one ({FirstLine(error)}).");
        }

        string top = output.Trim();
        (code, output, _) = runner.Git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", gitRef + "^{commit}");
        if (code != 0)
        {
            throw new UsageException($"--changed-since: unknown git ref '{gitRef}' (not a branch, tag or commit in this repository; in CI, fetch it first, e.g. 'git fetch origin main' and use origin/main).");
        }

        string commit = output.Trim();
        (code, output, error) = runner.Git(top, "merge-base", commit, "HEAD");
        if (code != 0)
        {
            throw new UsageException($"--changed-since: '{gitRef}' and HEAD have no common ancestor ({FirstLine(error)}); with a shallow clone, fetch more history (fetch-depth: 0).");
        }

        string mergeBase = output.Trim();
        (code, output, error) = runner.Git(top, "-c", "core.quotepath=off", "diff", "--name-status", "-M", "--diff-filter=AMR", "-z", mergeBase, "--");
        if (code != 0)
        {
            throw new UsageException($"--changed-since: git diff failed ({FirstLine(error)}).");
        }

        // -z name-status: "M\0path\0", "A\0path\0", "R093\0old\0new\0". The patch below lists the
        // same files in the same order, one "diff --git" header each.
        var entries = new List<(char Status, string Path)>();
        string[] fields = output.Split('\0');
        for (int i = 0; i + 1 < fields.Length && fields[i].Length > 0; i += 2)
        {
            char status = fields[i][0];
            if (status == 'R' || status == 'C')
            {
                i++;
            }

            entries.Add((status, fields[i + 1]));
        }

        // The patch holds every added line of every changed file (a generated or minified file can be hundreds of
        // megabytes on one line): it is read as it comes, and only each line's head is kept, which holds the headers.
        (code, IReadOnlyList<List<(int First, int Last)>> hunks, error) = runner.Run(
            top,
            ["-c", "core.quotepath=off", "diff", "-U0", "-M", "--no-color", "--no-ext-diff", "--diff-filter=AMR", mergeBase, "--"],
            patch => ParseHunks(LineHeads(patch, PatchLineHead)));
        if (code != 0)
        {
            throw new UsageException($"--changed-since: git diff failed ({FirstLine(error)}).");
        }

        var files = new Dictionary<string, ChangedLines>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            (char status, string rel) = entries[i];
            string full = Path.GetFullPath(rel, top);
            files[full] = status == 'A' ? ChangedLines.WholeFile : ChangedLines.FromRanges(i < hunks.Count ? hunks[i] : []);
        }

        (code, output, error) = runner.Git(top, "ls-files", "--others", "--exclude-standard", "-z");
        if (code != 0)
        {
            throw new UsageException($"--changed-since: git ls-files failed ({FirstLine(error)}).");
        }

        foreach (string rel in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            files[Path.GetFullPath(rel, top)] = ChangedLines.WholeFile;
        }

        return new GitChangeSet(gitRef, mergeBase, files.Where(f => File.Exists(f.Key)).ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// The new-side line ranges of each file's hunks in a <c>git diff -U0</c> patch, one list per
    /// "diff --git" header: "@@ -a,b +c,d @@" adds lines c..c+d-1 (d defaults to 1; d = 0 is a pure deletion).
    /// </summary>
    public static IReadOnlyList<List<(int First, int Last)>> ParseHunks(string patch) => ParseHunks(patch.Split('\n'));

    /// <summary>The same, from the patch's lines as they are read (each may be only its head: see <see cref="LineHeads"/>).</summary>
    public static IReadOnlyList<List<(int First, int Last)>> ParseHunks(IEnumerable<string> lines)
    {
        var files = new List<List<(int, int)>>();
        foreach (string line in lines)
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                files.Add([]);
            }
            else if (line.StartsWith("@@ ", StringComparison.Ordinal) && files.Count > 0)
            {
                int plus = line.IndexOf(" +", StringComparison.Ordinal);
                int end = plus < 0 ? -1 : line.IndexOf(' ', plus + 2);
                if (end < 0)
                {
                    continue;
                }

                string[] range = line[(plus + 2)..end].Split(',');
                int start = int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
                int count = range.Length > 1 ? int.Parse(range[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
                if (count > 0)
                {
                    files[^1].Add((start, start + count - 1));
                }
            }
        }

        return files;
    }

    /// <summary>
    /// How much of a patch line is kept: a "diff --git" header names two paths (each at most 4,096 bytes on Linux), and a
    /// hunk header's ranges come before its (short) function context.
    /// </summary>
    public const int PatchLineHead = 16 * 1024;

    /// <summary>
    /// The lines of <paramref name="reader"/> ('\n'-separated), each cut to its first <paramref name="head"/> characters,
    /// so that a line of any length costs at most that much memory.
    /// </summary>
    public static IEnumerable<string> LineHeads(TextReader reader, int head)
    {
        var line = new StringBuilder();
        char[] buffer = new char[16 * 1024];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                char c = buffer[i];
                if (c == '\n')
                {
                    yield return line.ToString();
                    line.Clear();
                }
                else if (line.Length < head)
                {
                    line.Append(c);
                }
            }
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    /// <summary>Runs git commands: one executable, each command stopped (with its child processes) after the timeout.</summary>
    private sealed record GitRunner(string Executable, TimeSpan Timeout)
    {
        public (int Code, string Output, string Error) Git(string workingDirectory, params string[] args) =>
            Run(workingDirectory, args, output => output.ReadToEnd());

        /// <summary>Runs git with <paramref name="args"/>, its standard output read by <paramref name="read"/> (to its end) while its standard error is collected.</summary>
        public (int Code, T Output, string Error) Run<T>(string workingDirectory, string[] args, Func<TextReader, T> read)
        {
            var start = new ProcessStartInfo(Executable)
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
                int timedOut = 0;
                // Killing git closes its pipes, so the reads below end and the run fails with a message instead of hanging.
                using var watchdog = new Timer(
                    _ =>
                    {
                        try
                        {
                            if (!process.HasExited)
                            {
                                Interlocked.Exchange(ref timedOut, 1);
                                process.Kill(entireProcessTree: true);
                            }
                        }
                        catch (InvalidOperationException)
                        {
                            // it has just exited
                        }
                        catch (Win32Exception)
                        {
                            // it is exiting
                        }
                        catch (AggregateException)
                        {
                            // a child left the tree as it was being stopped; an exception here would end the whole process
                        }
                    },
                    null,
                    Timeout,
                    System.Threading.Timeout.InfiniteTimeSpan);
                process.StandardInput.Close();
                Task<string> error = process.StandardError.ReadToEndAsync();
                T output = read(process.StandardOutput);
                process.StandardOutput.ReadToEnd(); // whatever the reader left, so that git is never blocked on a full pipe
                process.WaitForExit();
                watchdog.Change(System.Threading.Timeout.InfiniteTimeSpan, System.Threading.Timeout.InfiniteTimeSpan);
                if (Volatile.Read(ref timedOut) == 1)
                {
                    throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--changed-since: 'git {string.Join(' ', args)}' did not finish within {Timeout.TotalSeconds:0.#} s in '{workingDirectory}' and was stopped (a hung file system, a lock held by another git, or a hook that waits?)."));
                }

                return (process.ExitCode, output, error.Result);
            }
            catch (Win32Exception ex)
            {
                throw new UsageException($"--changed-since needs git on the PATH ({ex.Message}).");
            }
        }
    }

    private static string FirstLine(string text)
    {
        string t = text.Trim();
        int nl = t.IndexOf('\n');
        return nl >= 0 ? t[..nl] : t.Length > 0 ? t : "no details";
    }
}

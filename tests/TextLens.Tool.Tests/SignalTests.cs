using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace TextLens.Tool.Tests;

/// <summary>
/// Issue 13, B13: the installed tool killed while its JSON Lines standard input waits in the record spool (a
/// temporary file past 4 MB) and while it writes an <c>--output</c> report (a temporary file renamed over the
/// target at the end). After SIGINT or SIGTERM nothing is left: no report at the target (never half of one), no
/// temporary file beside it, none in the temporary folder. After kill -9 the spool leaves nothing either (its file
/// is unlinked as soon as it is made); the report's temporary file remains, and the next run writing the same
/// target removes it. The states are observed on the process (its open files, the files it made), never timed.
/// </summary>
[Collection(PackedToolCollection.Name)]
public sealed class SignalTests(PackedTool tool) : IDisposable
{
    /// <summary>Records of the seed articles: about 6 MB of text, past the spool's 4 MB held in memory.</summary>
    private const int Records = 1000;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly string _dir = Directory.CreateTempSubdirectory("textlens-signals-").FullName;

    private string Temp => Path.Combine(_dir, "tmp");

    /// <summary>The report: JSON Lines, which writes each document as soon as it is analysed, so its temporary file grows during the run.</summary>
    private string Target => Path.Combine(_dir, "out", "r.jsonl");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// The tool running (CliWrap's task), its standard error as written so far, the end of its standard input, and
    /// CliWrap's forceful cancellation (a kill) for a test that fails with the tool still running.
    /// </summary>
    private sealed class Running(CommandTask<CommandResult> task, StringBuilder errors, TaskCompletionSource closeInput, CancellationTokenSource stop) : IDisposable
    {
        public int Id => task.ProcessId;

        public Task<CommandResult> Task => task.Task;

        public bool HasExited => task.Task.IsCompleted;

        public void CloseInput() => closeInput.TrySetResult();

        public string Errors
        {
            get
            {
                lock (errors)
                {
                    return errors.ToString();
                }
            }
        }

        /// <summary>Ends the input and kills the tool if it is still running (a failed assertion, a skip), then waits for its end.</summary>
        public void Stop()
        {
            CloseInput();
            if (!task.Task.IsCompleted)
            {
                stop.Cancel();
            }

            _ = task.Task.ContinueWith(_ => { }, TaskScheduler.Default).Wait(Patience);
        }

        public void Dispose()
        {
            Stop();
            stop.Dispose();
        }
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public void B13_a_signal_while_the_record_spool_holds_its_file_leaves_no_file(string signal)
    {
        using Running process = StartJsonLinesReport();
        WaitFor(process, () => OpenFiles(process).Any(f => f.Contains("textlens-records-", StringComparison.Ordinal)), "the record spool's temporary file open");
        Assert.Empty(OwnTemporaryFiles()); // unlinked while open: no name anyone else can reach

        Signal(process, signal);

        Assert.Empty(OwnTemporaryFiles());
        Assert.False(File.Exists(Target), "a report at the target from an interrupted run");
        Assert.Empty(TemporaryReports());
        AssertNoStackTrace(process);
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void B13_a_signal_while_the_report_is_written_leaves_no_file(string signal)
    {
        using Running process = StartJsonLinesReport();
        process.CloseInput();
        WaitFor(process, () => TemporaryReports().Any(f => new FileInfo(f).Length > 0), "part of the report written to its temporary file");

        Signal(process, signal);

        Assert.False(File.Exists(Target), "a report at the target from an interrupted run");
        Assert.Empty(TemporaryReports());
        Assert.Empty(OwnTemporaryFiles());
        AssertNoStackTrace(process);
    }

    [Fact]
    public void B13_kill_9_while_the_report_is_written_leaves_a_temporary_file_the_next_run_removes()
    {
        using Running process = StartJsonLinesReport();
        process.CloseInput();
        WaitFor(process, () => TemporaryReports().Any(f => new FileInfo(f).Length > 0), "part of the report written to its temporary file");

        Signal(process, "KILL");

        Assert.False(File.Exists(Target), "a report at the target from a killed run");
        string left = Assert.Single(TemporaryReports());
        Assert.Empty(OwnTemporaryFiles());

        File.WriteAllText(Path.Combine(_dir, "good.txt"), File.ReadAllText(Path.Combine(RepositoryPaths.Root, "seeds", "chongryon-japan-north-korea-relations.txt")));
        ToolRun next = tool.Run(_dir, "report", "good.txt", "--format", "jsonl", "-o", Target);
        Assert.Equal(0, next.ExitCode);
        Assert.False(File.Exists(left), $"{left} left by the killed run is still there");
        Assert.Empty(TemporaryReports());
        using JsonDocument report = JsonDocument.Parse(Assert.Single(File.ReadAllLines(Target)));
        Assert.Equal("good.txt", report.RootElement.GetProperty("path").GetString());
    }

    /// <summary>
    /// Starts a report of JSON Lines standard input and writes every record, leaving the input open until
    /// <see cref="Running.CloseInput"/> (CliWrap closes the tool's standard input when its pipe source returns).
    /// </summary>
    private Running StartJsonLinesReport()
    {
        Directory.CreateDirectory(Temp);
        string[] seeds = [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "seeds")).Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closeInput = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var input = PipeSource.Create(async (stdin, cancellation) =>
        {
            await using (var writer = new StreamWriter(stdin, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
            {
                for (int i = 0; i < Records; i++)
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(new { id = $"doc-{i:D4}.txt", text = seeds[i % seeds.Length] }).AsMemory(), cancellation);
                }

                await writer.FlushAsync(cancellation);
            }

            written.TrySetResult();
            await closeInput.Task.WaitAsync(cancellation);
        });

        var errors = new StringBuilder();
        var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        CommandTask<CommandResult> task = CliWrap.Cli.Wrap(tool.Executable)
            .WithArguments(["report", "-", "--stdin-format", "jsonl", "--format", "jsonl", "-o", Target])
            .WithWorkingDirectory(_dir)
            .WithEnvironmentVariables(env => env.Set("TMPDIR", Temp).Set("NO_COLOR", "1").Set("TEXTLENS_MODELS", null))
            .WithStandardInputPipe(input)
            .WithStandardOutputPipe(PipeTarget.Null)
            .WithStandardErrorPipe(PipeTarget.Create(async (stderr, cancellation) =>
            {
                using var reader = new StreamReader(stderr, Encoding.UTF8);
                var buffer = new char[4096];
                int read;
                while ((read = await reader.ReadAsync(buffer, cancellation)) > 0)
                {
                    lock (errors)
                    {
                        errors.Append(buffer, 0, read);
                    }
                }
            }))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(stop.Token);
        var running = new Running(task, errors, closeInput, stop);

        // Every record written (as the hand-written runner did before it returned), unless the tool ended first.
        Task.WaitAny([written.Task, task.Task], Patience);
        return running;
    }

    private static void AssertNoStackTrace(Running process) =>
        Assert.DoesNotContain("   at ", process.Errors, StringComparison.Ordinal);

    /// <summary>The tool's files in its temporary folder (the runtime's own diagnostic socket aside).</summary>
    private string[] OwnTemporaryFiles() => Directory.GetFiles(Temp, "textlens-*");

    /// <summary>The report's temporary files beside the target (<c>.r.jsonl.PID.GUID.tmp</c>).</summary>
    private string[] TemporaryReports() =>
        Directory.Exists(Path.GetDirectoryName(Target)) ? Directory.GetFiles(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.*.tmp") : [];

    /// <summary>The targets of the process's open file descriptors (Linux's /proc); empty once it has ended.</summary>
    private static IEnumerable<string> OpenFiles(Running process)
    {
        string fds = $"/proc/{process.Id}/fd";
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(fds);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        return entries.Select(fd =>
        {
            try
            {
                return new FileInfo(fd).LinkTarget ?? "";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return "";
            }
        });
    }

    private static void WaitFor(Running process, Func<bool> condition, string what)
    {
        if (!OperatingSystem.IsLinux())
        {
            VisibleSkip.Now("B13's signal tests watch the process through Linux's /proc");
        }

        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited, $"the tool ended (exit {(process.HasExited ? process.Task.Result.ExitCode : 0)}) before {what}");
            Assert.True(clock.Elapsed < Patience, $"no {what} after {Patience}");
            Thread.Sleep(20);
        }
    }

    /// <summary>
    /// Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status): a job started in the background by a
    /// non-interactive shell does, the tool inherits it and, by convention, keeps ignoring it, so SIGINT proves nothing.
    /// </summary>
    private static bool InterruptIgnored()
    {
        string? mask = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return mask is not null && (Convert.ToUInt64(mask["SigIgn:".Length..].Trim(), 16) & (1UL << 1)) != 0;
    }

    /// <summary>
    /// Sends the signal with kill(1), run through CliWrap, and waits for the tool to end. kill(1) rather than CliWrap's
    /// graceful cancellation: that sends SIGINT only (not SIGTERM) and ends in an OperationCanceledException that hides
    /// the tool's exit code, which is asserted here.
    /// </summary>
    private static void Signal(Running process, string signal)
    {
        if (signal == "INT" && InterruptIgnored())
        {
            process.Stop();
            VisibleSkip.Now("SIGINT is ignored by this test run (started in the background), and so by the tool it starts");
        }

        BufferedCommandResult kill = CliWrap.Cli.Wrap("kill")
            .WithArguments(["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        Assert.True(kill.ExitCode == 0, $"kill -s {signal}: {kill.StandardError}");

        process.CloseInput(); // the tool no longer reads it; lets CliWrap finish once the tool has ended
        Assert.True(process.Task.Wait(Patience), $"the tool did not end within {Patience} of SIG{signal}"); // output drained too
        Assert.NotEqual(0, process.Task.Result.ExitCode);
    }
}

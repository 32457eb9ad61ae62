namespace TextLens.Cli.Output;

/// <summary>
/// A one-line progress counter on standard error ("textlens: 12/340 files"), redrawn in place.
/// Shown only when it helps a person watching: standard error is a terminal, there are at least
/// <see cref="MinimumFiles"/> files, and neither --quiet nor a CI environment (CI, GITHUB_ACTIONS,
/// TF_BUILD… set) asks for silence. Thread-safe; redraws at most every 100 ms.
/// </summary>
public sealed class ProgressReporter : IDisposable
{
    public const int MinimumFiles = 20;

    private static readonly string[] CiVariables = ["CI", "GITHUB_ACTIONS", "TF_BUILD", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TEAMCITY_VERSION"];

    private readonly TextWriter? _writer;
    private readonly int _total;
    private readonly object _gate = new();
    private int _done;
    private long _lastDraw;

    public ProgressReporter(TextWriter? writer, int total)
    {
        _writer = writer;
        _total = total;
    }

    public bool Enabled => _writer is not null;

    /// <summary>Whether to show progress, from the facts that decide it.</summary>
    public static bool ShouldShow(bool stderrIsTerminal, bool quiet, int files, Func<string, string?> environment) =>
        stderrIsTerminal && !quiet && files >= MinimumFiles && !CiVariables.Any(v => !string.IsNullOrEmpty(environment(v)));

    public void Advance()
    {
        if (_writer is null)
        {
            return;
        }

        int done = Interlocked.Increment(ref _done);
        long now = Environment.TickCount64;
        lock (_gate)
        {
            if (done < _total && now - _lastDraw < 100)
            {
                return;
            }

            _lastDraw = now;
            _writer.Write($"\rtextlens: analysed {done}/{_total} files");
            _writer.Flush();
        }
    }

    public void Dispose()
    {
        if (_writer is null)
        {
            return;
        }

        lock (_gate)
        {
            _writer.Write("\r\u001b[2K");
            _writer.Flush();
        }
    }
}

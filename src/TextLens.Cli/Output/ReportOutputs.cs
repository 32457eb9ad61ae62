using TextLens.Cli.Commands;
using TextLens.Core.Reporting;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Cli.Output;

/// <summary>
/// The outputs of one report run: a streaming writer per --format, to its --output file (a temporary file renamed
/// over the target when the report is complete) or to standard output. The first format for standard output writes
/// there as it goes; any later one is spooled and copied after it, so standard output keeps the order of the formats.
/// </summary>
internal sealed class ReportOutputs : IDisposable
{
    private readonly List<Target> _targets = [];
    private readonly TextWriter _stdout;

    /// <param name="formatters">The formats, in --format order.</param>
    /// <param name="request">The --output files, colour and the working directory.</param>
    /// <param name="settings">The settings every format shares (colour is decided here per format).</param>
    /// <param name="stdout">Standard output.</param>
    public ReportOutputs(IReadOnlyList<IReportFormatter> formatters, ReportRequest request, FormatSettings settings, TextWriter stdout)
    {
        _stdout = stdout;
        bool stdoutTaken = false;
        try
        {
            for (int i = 0; i < formatters.Count; i++)
            {
                string? path = i < request.Outputs.Count && request.Outputs[i] != "-" ? request.Outputs[i] : null;
                FormatSettings own = settings with { Color = path is null && request.Color && formatters[i].Name == "console" };
                AtomicFile.Writer? file = path is null ? null : AtomicFile.Create(Path.GetFullPath(path, request.WorkingDirectory));
                SpillingSpool? deferred = path is null && stdoutTaken ? new SpillingSpool() : null;
                stdoutTaken |= path is null;
                TextWriter destination = file?.Text ?? deferred?.Writer ?? stdout;
                _targets.Add(new Target(formatters[i].Name, path, file, deferred, formatters[i].Open(destination, own, SpillingSpool.Factory)));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public void WriteDocument(DocumentReport document)
    {
        foreach (Target t in _targets)
        {
            t.Writer.WriteDocument(document);
        }
    }

    /// <summary>Completes every format in order, commits the files and notes each on <paramref name="notes"/>.</summary>
    public void Complete(ReportCompletion completion, TextWriter? notes)
    {
        foreach (Target t in _targets)
        {
            t.Writer.Complete(completion);
            if (t.File is { } file)
            {
                file.Commit();
                notes?.WriteLine($"textlens: wrote {t.Format} report to {t.Path}");
            }

            t.Deferred?.CopyTo(_stdout);
        }
    }

    public void Dispose()
    {
        foreach (Target t in _targets)
        {
            t.Writer.Dispose();
            t.Deferred?.Dispose();
            t.File?.Dispose();
        }
    }

    private sealed record Target(string Format, string? Path, AtomicFile.Writer? File, SpillingSpool? Deferred, IReportWriter Writer);
}

using System.IO.Abstractions;
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

    /// <param name="fileSystem">The file system the --output files are written to.</param>
    /// <param name="formatters">The formats, in --format order.</param>
    /// <param name="outputs">The --output files, paired with the formats by position.</param>
    /// <param name="color">Whether console output to standard output may be coloured.</param>
    /// <param name="workingDirectory">The folder the output paths are relative to.</param>
    /// <param name="settings">The settings every format shares (colour is decided here per format).</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="openStdoutBytes">Opens standard output as a byte stream, where the console allows (null: text only).</param>
    public ReportOutputs(IFileSystem fileSystem, IReadOnlyList<IReportFormatter> formatters, IReadOnlyList<string> outputs, bool color, string workingDirectory, FormatSettings settings, TextWriter stdout, Func<Stream>? openStdoutBytes = null)
    {
        _stdout = stdout;
        TextWriter? stdoutBytes = openStdoutBytes is null ? null : new Utf8OutputWriter(stdout, openStdoutBytes);
        bool stdoutTaken = false;
        try
        {
            for (int i = 0; i < formatters.Count; i++)
            {
                string? path = i < outputs.Count && outputs[i] != "-" ? outputs[i] : null;
                FormatSettings own = settings with { Color = path is null && color && formatters[i].Name == "console" };
                AtomicFile.Writer? file = path is null ? null : AtomicFile.Create(fileSystem, fileSystem.Path.GetFullPath(path, workingDirectory));
                SpillingSpool? deferred = path is null && stdoutTaken ? new SpillingSpool() : null;
                stdoutTaken |= path is null;
                // A report file, and standard output where the console gives its bytes, also take the JSON records' UTF-8 as it is.
                TextWriter destination = file is not null ? Utf8OutputWriter.Over(file.Text) : deferred?.Writer ?? stdoutBytes ?? stdout;
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

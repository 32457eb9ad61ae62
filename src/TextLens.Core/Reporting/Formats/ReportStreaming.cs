using System.Text;

namespace TextLens.Core.Reporting.Formats;

/// <summary>What a report knows only at its end: the tool, the corpus summary and how the run went.</summary>
public sealed record ReportCompletion(ToolInfo Tool, CorpusSummary Summary, InvocationInfo? Invocation);

/// <summary>
/// One format's output for one run, fed the per-document records in report order. A writer holds no
/// document after <see cref="WriteDocument"/> returns: what it must write before the documents (a summary, an
/// overview) it writes at <see cref="Complete"/>, with the document parts kept in spools until then.
/// </summary>
public interface IReportWriter : IDisposable
{
    /// <summary>Writes (or spools) one document's part. Documents come in report order (sorted by path).</summary>
    void WriteDocument(DocumentReport document);

    /// <summary>Writes the rest of the report. Called once, after the last document.</summary>
    void Complete(ReportCompletion completion);
}

/// <summary>Text held for later in the same run: written once, then copied out once. The caller chooses where it lives.</summary>
public interface IReportSpool : IDisposable
{
    TextWriter Writer { get; }

    /// <summary>Copies everything written so far to <paramref name="destination"/>.</summary>
    void CopyTo(TextWriter destination);
}

/// <summary>A spool in memory (small reports and tests; the CLI spills large ones to a temporary file). It holds text or UTF-8 bytes.</summary>
public sealed class MemorySpool : IUtf8ReportSpool
{
    private readonly StringWriter _writer = new(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
    private MemoryStream? _bytes;

    public static Func<IReportSpool> Factory { get; } = static () => new MemorySpool();

    public TextWriter Writer => _bytes is null ? _writer : throw new InvalidOperationException("The spool holds UTF-8 bytes.");

    public Stream Utf8 => _writer.GetStringBuilder().Length == 0 ? _bytes ??= new MemoryStream() : throw new InvalidOperationException("The spool holds text.");

    public void CopyTo(TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_bytes is not null)
        {
            Utf8Copy.To(destination, this);
            return;
        }

        foreach (ReadOnlyMemory<char> chunk in _writer.GetStringBuilder().GetChunks())
        {
            destination.Write(chunk.Span);
        }
    }

    public void ReadUtf8(Action<ReadOnlySpan<byte>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (_bytes is { } bytes)
        {
            write(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _bytes?.Dispose();
    }
}

public static class ReportFormatterExtensions
{
    /// <summary>Writes a whole report held in memory by streaming its documents through the format's writer.</summary>
    public static void Write(this IReportFormatter formatter, CorpusReport report, TextWriter writer, FormatSettings settings)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        ArgumentNullException.ThrowIfNull(report);
        using IReportWriter stream = formatter.Open(writer, settings with { ExpectedDocuments = report.Documents.Count }, MemorySpool.Factory);
        foreach (DocumentReport document in report.Documents)
        {
            stream.WriteDocument(document);
        }

        stream.Complete(new ReportCompletion(report.Tool, report.Summary, settings.Invocation));
    }

    /// <summary>Indents every line but the first of <paramref name="json"/> by <paramref name="spaces"/> (JSON strings hold no raw line breaks).</summary>
    internal static void WriteIndented(TextWriter writer, string json, int spaces)
    {
        string pad = "\n" + new string(' ', spaces);
        writer.Write(json.Replace("\n", pad, StringComparison.Ordinal));
    }
}

/// <summary>A writer that formats each document into the output as it comes, and writes a closing part at the end.</summary>
internal abstract class DirectReportWriter(TextWriter output) : IReportWriter
{
    protected TextWriter Output { get; } = output;

    public abstract void WriteDocument(DocumentReport document);

    public virtual void Complete(ReportCompletion completion)
    {
    }

    public void Dispose()
    {
    }
}

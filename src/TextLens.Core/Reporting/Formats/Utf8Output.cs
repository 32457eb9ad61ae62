using System.Buffers;
using System.Text;

namespace TextLens.Core.Reporting.Formats;

/// <summary>
/// A spool that also holds UTF-8 bytes: a format whose part is already UTF-8 (the JSON document records, written by a
/// <see cref="System.Text.Json.Utf8JsonWriter"/>) spools the bytes as they are instead of decoding them to text and
/// encoding them again. A spool holds either text (<see cref="IReportSpool.Writer"/>) or bytes (<see cref="Utf8"/>), never both.
/// </summary>
public interface IUtf8ReportSpool : IReportSpool
{
    /// <summary>Where the bytes go, in order.</summary>
    Stream Utf8 { get; }

    /// <summary>Passes every byte written so far to <paramref name="write"/>, in chunks, in order.</summary>
    void ReadUtf8(Action<ReadOnlySpan<byte>> write);
}

/// <summary>
/// A text output that also takes UTF-8 bytes as they are (a file or standard output encoded as UTF-8 without a byte
/// order mark): the bytes follow the text written so far, which is flushed first.
/// </summary>
public interface IUtf8Output
{
    void WriteUtf8(ReadOnlySpan<byte> utf8);
}

/// <summary>A text writer over a UTF-8 byte stream that also takes bytes straight through (<see cref="IUtf8Output"/>).</summary>
/// <param name="text">The writer text goes through; it must encode UTF-8 without a byte order mark to <paramref name="bytes"/>.</param>
/// <param name="bytes">The stream under <paramref name="text"/>, opened on first use (standard output is opened only when bytes come).</param>
public sealed class Utf8OutputWriter(TextWriter text, Func<Stream> bytes) : TextWriter(System.Globalization.CultureInfo.InvariantCulture), IUtf8Output
{
    private Stream? _bytes;

    public override Encoding Encoding => text.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => text.NewLine;
        set => text.NewLine = value;
    }

    /// <summary>
    /// The UTF-8 output under <paramref name="writer"/> when it is a <see cref="StreamWriter"/> that encodes UTF-8 without a
    /// byte order mark (a report file), else <paramref name="writer"/> itself (bytes are then decoded into it).
    /// </summary>
    public static TextWriter Over(TextWriter writer) =>
        writer is StreamWriter { Encoding: UTF8Encoding utf8 } stream && utf8.Preamble.Length == 0 && !ReferenceEquals(stream, StreamWriter.Null)
            ? new Utf8OutputWriter(stream, () => stream.BaseStream)
            : writer;

    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        text.Flush();
        (_bytes ??= bytes()).Write(utf8);
    }

    public override void Write(char value) => text.Write(value);

    public override void Write(ReadOnlySpan<char> buffer) => text.Write(buffer);

    public override void Write(char[] buffer, int index, int count) => text.Write(buffer, index, count);

    public override void Write(string? value) => text.Write(value);

    public override void Flush()
    {
        text.Flush();
        _bytes?.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }
}

/// <summary>The bytes written to this stream go to a UTF-8 output as they are (<see cref="IUtf8Output.WriteUtf8"/>).</summary>
internal sealed class Utf8OutputStream(IUtf8Output output) : WriteOnlyStream
{
    public override void Write(ReadOnlySpan<byte> buffer) => output.WriteUtf8(buffer);

    public override void Flush()
    {
    }
}

/// <summary>Copies spooled UTF-8 to an output: as bytes where it takes them, else decoded into its text.</summary>
internal static class Utf8Copy
{
    public static void To(TextWriter output, IUtf8ReportSpool spool)
    {
        if (output is IUtf8Output bytes)
        {
            spool.ReadUtf8(bytes.WriteUtf8);
            return;
        }

        Decoder decoder = new UTF8Encoding(false, true).GetDecoder();
        spool.ReadUtf8(chunk =>
        {
            char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(16, chunk.Length + 4));
            try
            {
                int n = decoder.GetChars(chunk, chars, flush: false);
                output.Write(chars, 0, n);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        });
    }
}

/// <summary>A stream that is only written to, in order (no reading, seeking or length): the spools and the JSON pipes derive from it.</summary>
public abstract class WriteOnlyStream : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public abstract override void Write(ReadOnlySpan<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

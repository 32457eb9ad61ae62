using System.Text;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Cli.Output;

/// <summary>
/// A report spool that stays in memory while small and moves to a <see cref="ScratchFile"/> (unlinked as soon as
/// it is created) once it passes <see cref="MemoryLimit"/> characters, so a corpus of any size spools in flat memory.
/// </summary>
public sealed class SpillingSpool : IUtf8ReportSpool
{
    /// <summary>Characters held in memory before the spool moves to a file.</summary>
    public const int MemoryLimit = 1 << 20;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly SpillingWriter _writer;

    private readonly int _memoryLimit;

    public SpillingSpool(int memoryLimit = MemoryLimit)
    {
        _memoryLimit = memoryLimit;
        _writer = new SpillingWriter(memoryLimit);
    }

    public static Func<IReportSpool> Factory { get; } = static () => new SpillingSpool();

    private SpillingBytes? _bytes;

    public TextWriter Writer => _bytes is null ? _writer : throw new InvalidOperationException("The spool holds UTF-8 bytes.");

    /// <summary>UTF-8 bytes spooled as they are (in memory up to <see cref="MemoryLimit"/> bytes, then in a scratch file); a spool holds text or bytes.</summary>
    public Stream Utf8 => _writer.Memory.Length == 0 && _writer.File is null
        ? _bytes ??= new SpillingBytes(_memoryLimit)
        : throw new InvalidOperationException("The spool holds text.");

    /// <summary>Whether the spool has moved to a temporary file.</summary>
    public bool Spilled => _writer.File is not null || _bytes?.File is not null;

    public void ReadUtf8(Action<ReadOnlySpan<byte>> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _bytes?.Read(write);
    }

    public void CopyTo(TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_bytes is not null)
        {
            if (destination is IUtf8Output output)
            {
                _bytes.Read(output.WriteUtf8);
                return;
            }

            var decoder = Utf8NoBom.GetDecoder();
            char[] chars = new char[(1 << 16) + 4];
            _bytes.Read(chunk =>
            {
                for (int at = 0; at < chunk.Length; at += 1 << 16)
                {
                    ReadOnlySpan<byte> part = chunk.Slice(at, Math.Min(1 << 16, chunk.Length - at));
                    int n = decoder.GetChars(part, chars, flush: false);
                    destination.Write(chars, 0, n);
                }
            });
            return;
        }

        _writer.Flush();
        if (_writer.File is { } file)
        {
            file.BaseStream.Position = 0;
            using var reader = new StreamReader(file.BaseStream, Utf8NoBom, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
            char[] buffer = new char[1 << 15];
            int n;
            while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                destination.Write(buffer, 0, n);
            }

            file.BaseStream.Seek(0, SeekOrigin.End);
        }
        else
        {
            foreach (ReadOnlyMemory<char> chunk in _writer.Memory.GetChunks())
            {
                destination.Write(chunk.Span);
            }
        }
    }

    public void Dispose()
    {
        _writer.Dispose();
        _bytes?.Dispose();
    }

    /// <summary>A write-only byte stream in memory that moves to a scratch file once it passes its limit.</summary>
    private sealed class SpillingBytes(int memoryLimit) : Stream
    {
        private MemoryStream? _memory = new();

        public FileStream? File { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (File is { } file)
            {
                file.Write(buffer);
                return;
            }

            _memory!.Write(buffer);
            if (_memory.Length >= memoryLimit)
            {
                File = ScratchFile.Open("spool");
                File.Write(_memory.GetBuffer().AsSpan(0, (int)_memory.Length));
                _memory = null;
            }
        }

        /// <summary>Passes every byte written so far to <paramref name="write"/>, in order, and leaves the stream ready for more.</summary>
        public void Read(Action<ReadOnlySpan<byte>> write)
        {
            if (File is not { } file)
            {
                write(_memory!.GetBuffer().AsSpan(0, (int)_memory.Length));
                return;
            }

            file.Flush();
            long end = file.Position;
            file.Position = 0;
            byte[] buffer = new byte[1 << 16];
            for (int n; file.Position < end && (n = file.Read(buffer, 0, (int)Math.Min(buffer.Length, end - file.Position))) > 0;)
            {
                write(buffer.AsSpan(0, n));
            }

            file.Position = end;
        }

        public override void Flush() => File?.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                File?.Dispose();
                File = null;
                _memory?.Dispose();
                _memory = null;
            }

            base.Dispose(disposing);
        }
    }

    private sealed class SpillingWriter(int memoryLimit) : TextWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public StringBuilder Memory { get; } = new();

        public StreamWriter? File { get; private set; }

        public override Encoding Encoding => Utf8NoBom;

        public override void Write(char value)
        {
            if (File is { } file)
            {
                file.Write(value);
                return;
            }

            Memory.Append(value);
            SpillIfLarge();
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            if (File is { } file)
            {
                file.Write(buffer);
                return;
            }

            Memory.Append(buffer);
            SpillIfLarge();
        }

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void Flush() => File?.Flush();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                File?.Dispose();
                File = null;
                Memory.Clear();
            }

            base.Dispose(disposing);
        }

        private void SpillIfLarge()
        {
            if (Memory.Length < memoryLimit)
            {
                return;
            }

            File = new StreamWriter(ScratchFile.Open("spool"), Utf8NoBom, 1 << 16);
            foreach (ReadOnlyMemory<char> chunk in Memory.GetChunks())
            {
                File.Write(chunk.Span);
            }

            Memory.Clear();
            Memory.Capacity = 0;
        }
    }
}

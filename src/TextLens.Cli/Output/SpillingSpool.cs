using System.Text;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Cli.Output;

/// <summary>
/// A report spool that stays in memory while small and moves to a <see cref="ScratchFile"/> (unlinked as soon as
/// it is created) once it passes <see cref="MemoryLimit"/> characters, so a corpus of any size spools in flat memory.
/// </summary>
public sealed class SpillingSpool : IReportSpool
{
    /// <summary>Characters held in memory before the spool moves to a file.</summary>
    public const int MemoryLimit = 1 << 20;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly SpillingWriter _writer;

    public SpillingSpool(int memoryLimit = MemoryLimit) => _writer = new SpillingWriter(memoryLimit);

    public static Func<IReportSpool> Factory { get; } = static () => new SpillingSpool();

    public TextWriter Writer => _writer;

    /// <summary>Whether the spool has moved to a temporary file.</summary>
    public bool Spilled => _writer.File is not null;

    public void CopyTo(TextWriter destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
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

    public void Dispose() => _writer.Dispose();

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

namespace TextLens.Core.Models;

/// <summary>
/// A read-only stream over a model file's bytes held in memory (mapped: <see cref="MappedModelFile"/>), which a
/// fixed-layout reader takes whole, without a copy, through <see cref="ModelBytes.ReadMemory"/>; any other reader
/// reads it as a stream.
/// </summary>
public sealed class ModelMemoryStream(ReadOnlyMemory<byte> memory) : Stream
{
    private int _position;

    /// <summary>The bytes, all of them, whatever the position.</summary>
    public ReadOnlyMemory<byte> Memory => memory;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => memory.Length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 && value <= memory.Length ? (int)value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, memory.Length - _position);
        memory.Span.Slice(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => memory.Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

namespace TextLens.Core.Tests;

/// <summary>
/// A read-only stream that cannot seek, like a pipe: the bytes of <paramref name="inner"/>, or, without one, bytes of
/// <paramref name="fill"/> that never end (like /dev/zero); it counts what it served.
/// </summary>
internal sealed class PipeStream(Stream? inner = null, byte fill = 0) : Stream
{
    public long Served { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Served; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = count;
        if (inner is not null)
        {
            n = inner.Read(buffer, offset, count);
        }
        else
        {
            Array.Fill(buffer, fill, offset, count);
        }

        Served += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

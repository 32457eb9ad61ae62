using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace TextLens.Core.Models;

/// <summary>
/// A model file mapped read-only into memory, as the bytes a fixed-layout reader uses in place (<see cref="ModelBytes.ReadMemory"/>):
/// no read into an array, so a run touches only the pages it reads, they come straight from the page cache and are shared
/// with other processes, and the collector never sees them. The mapping lives as long as anything holds its memory (a model
/// holds slices of it for the process); then the view's handle unmaps it when it is finalized. An empty file is empty memory.
/// </summary>
internal sealed unsafe class MappedModelFile : MemoryManager<byte>
{
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _pointer;
    private readonly int _length;

    private MappedModelFile(MemoryMappedViewAccessor view, int length)
    {
        _view = view;
        _length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _pointer = pointer + view.PointerOffset;
    }

    /// <summary>The bytes of the file at <paramref name="path"/>, mapped; the exceptions of opening it for reading.</summary>
    public static ReadOnlyMemory<byte> Map(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        long length = stream.Length;
        if (length == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (length > int.MaxValue)
        {
            throw new IOException($"The file is {length} bytes, more than a model file can be.");
        }

        // The view keeps the mapping after the file and its mapping object are closed.
        using MemoryMappedFile file = MemoryMappedFile.CreateFromFile(stream, mapName: null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        return new MappedModelFile(file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), (int)length).Memory;
    }

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) =>
        (uint)elementIndex <= (uint)_length ? new MemoryHandle(_pointer + elementIndex) : throw new ArgumentOutOfRangeException(nameof(elementIndex));

    public override void Unpin()
    {
    }

    /// <summary>Not disposed by anyone (a model's memory lives as long as the model); the view unmaps when finalized.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _view.Dispose();
        }
    }
}

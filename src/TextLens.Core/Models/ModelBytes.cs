using System.Buffers.Binary;
using System.Text;

namespace TextLens.Core.Models;

/// <summary>The bytes of a model file in fixed layout, read once and then used in place.</summary>
public static class ModelBytes
{
    /// <summary>
    /// The whole content of <paramref name="stream"/>. A memory stream over exactly one exposed array (the
    /// model set's single read of the file) gives that array itself, without a copy; any other stream is copied.
    /// </summary>
    public static byte[] ReadAll(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream is MemoryStream memory && memory.Position == 0 && memory.TryGetBuffer(out ArraySegment<byte> whole)
            && whole.Offset == 0 && whole.Array is { } array && whole.Count == array.Length)
        {
            return array;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// The whole content of <paramref name="stream"/> as memory read in place: the model set's mapped file
    /// (<see cref="ModelMemoryStream"/>, not copied), else <see cref="ReadAll"/>.
    /// </summary>
    public static ReadOnlyMemory<byte> ReadMemory(Stream stream) =>
        stream is ModelMemoryStream model && model.Position == 0 ? model.Memory : ReadAll(stream);

    /// <summary>
    /// The strings of a fixed-layout names block: <paramref name="count"/> entries, each an int32 byte length and strict
    /// UTF-8 bytes, zero-padded to a multiple of 8 bytes. A bad length, bytes that are not UTF-8, or anything but zeros
    /// after the last entry is an <see cref="InvalidDataException"/> that begins with <paramref name="owner"/> (for
    /// example "The stance model's").
    /// </summary>
    public static string[] ReadNames(ReadOnlySpan<byte> block, int count, string owner)
    {
        var names = new string[count];
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        int pos = 0;
        for (int i = 0; i < count; i++)
        {
            int length = pos + sizeof(int) <= block.Length ? BinaryPrimitives.ReadInt32LittleEndian(block[pos..]) : -1;
            if (length < 0 || length > block.Length - pos - sizeof(int))
            {
                throw new InvalidDataException($"{owner} names block is corrupt.");
            }

            try
            {
                names[i] = strict.GetString(block.Slice(pos + sizeof(int), length));
            }
            catch (DecoderFallbackException ex)
            {
                throw new InvalidDataException($"{owner} names block is not UTF-8.", ex);
            }

            pos += sizeof(int) + length;
        }

        if (block[pos..].ContainsAnyExcept((byte)0) || Align8(pos) != block.Length)
        {
            throw new InvalidDataException($"{owner} names block has unexpected bytes.");
        }

        return names;
    }

    /// <summary><paramref name="size"/> rounded up to a multiple of 8 (the fixed layouts align their blocks so).</summary>
    public static int Align8(int size) => (size + 7) & ~7;
}

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
}

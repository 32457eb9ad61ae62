using System.Buffers.Binary;

namespace TextLens.Core.Tests.Stance;

/// <summary>
/// What the tests of both tree files (<c>EpistemicTrees</c>, TLET; <c>PolarityTrees</c>, TLPT) check of a saved file the same
/// way: the bytes a save writes, and that a truncated, padded, foreign or corrupted file is refused, never a crash.
/// </summary>
internal static class TreeFileAssert
{
    /// <summary>The bytes <paramref name="save"/> writes.</summary>
    public static byte[] Bytes(Action<Stream> save)
    {
        using var buffer = new MemoryStream();
        save(buffer);
        return buffer.ToArray();
    }

    /// <summary>
    /// Every prefix of <paramref name="saved"/> (every <paramref name="lengthStep"/> bytes) is an <see cref="EndOfStreamException"/>
    /// or <see cref="InvalidDataException"/>; trailing bytes are refused; a wrong magic is refused by a message naming
    /// <paramref name="magic"/>; and every 4-byte word from <paramref name="corruptFrom"/> on turned into a large value (a count,
    /// an input, a child out of range) is refused or harmless, more than 10 of them refused; and a names block larger than the
    /// file (its size at <paramref name="namesSizeAt"/>) is a corrupt header, before any offset is computed from it.
    /// </summary>
    public static void RefusesTruncatedAndCorrupt(byte[] saved, Action<byte[]> read, string magic, int lengthStep, int corruptFrom, int namesSizeAt)
    {
        foreach (int size in (int[])[saved.Length + 8 - (saved.Length % 8), 0x7FFF_FFF8])
        {
            byte[] huge = (byte[])saved.Clone();
            BinaryPrimitives.WriteInt32LittleEndian(huge.AsSpan(namesSizeAt), size);
            Assert.Contains("header is corrupt", Assert.Throws<InvalidDataException>(() => read(huge)).Message, StringComparison.Ordinal);
        }

        for (int length = 0; length < saved.Length; length += lengthStep)
        {
            Exception ex = Assert.ThrowsAny<Exception>(() => read(saved[..length]));
            Assert.True(ex is EndOfStreamException or InvalidDataException, $"{length}: {ex.GetType().Name}");
        }

        Assert.Throws<InvalidDataException>(() => read([.. saved, 0, 0, 0, 0]));
        byte[] foreign = (byte[])saved.Clone();
        foreign[0] = (byte)'X';
        Assert.Contains(magic, Assert.Throws<InvalidDataException>(() => read(foreign)).Message, StringComparison.Ordinal);

        int refused = 0;
        for (int at = corruptFrom; at + 4 <= saved.Length; at += 4)
        {
            byte[] bad = (byte[])saved.Clone();
            BinaryPrimitives.WriteInt32LittleEndian(bad.AsSpan(at), 0x7FFF_FFF0);
            try
            {
                read(bad);
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
            {
                refused++;
            }
        }

        Assert.True(refused > 10, $"{refused} refused");
    }
}

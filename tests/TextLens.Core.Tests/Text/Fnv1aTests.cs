using System.Buffers.Binary;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Text;

public class Fnv1aTests
{
    // The published FNV-1a test vectors (ASCII text: one code unit per step is one byte per step).
    [Theory]
    [InlineData("", 0x811c9dc5u, 0xcbf29ce484222325ul)]
    [InlineData("a", 0xe40c292cu, 0xaf63dc4c8601ec8cul)]
    [InlineData("foobar", 0xbf9cf968u, 0x85944171f73967e8ul)]
    public void Matches_the_reference_vectors(string text, uint hash32, ulong hash64)
    {
        Assert.Equal(hash32, Fnv1a.Hash32(text));
        Assert.Equal(hash64, Fnv1a.Hash64(text));
        Assert.Equal(hash64, Fnv1a.Hash64(System.Text.Encoding.ASCII.GetBytes(text).AsSpan())); // the corpus index's checksum
    }

    [Fact]
    public void Byte_steps_are_fnv1a_over_utf16_little_endian()
    {
        const string text = "Chongryon \u2019s na\u00efve \u671d\u9bae";
        byte[] bytes = new byte[text.Length * 2];
        for (int i = 0; i < text.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), text[i]);
        }

        uint expected = Fnv1a.Basis32;
        foreach (byte b in bytes)
        {
            expected = Fnv1a.Append(expected, (char)b);
        }

        Assert.Equal(expected, Fnv1a.AppendBytes(Fnv1a.Basis32, text));
        Assert.NotEqual(Fnv1a.Hash32(text), Fnv1a.AppendBytes(Fnv1a.Basis32, text));
    }

    [Fact]
    public void Appending_in_parts_equals_hashing_the_whole()
    {
        Assert.Equal(Fnv1a.Hash32("North Korea"), Fnv1a.Append(Fnv1a.Append(Fnv1a.Hash32("North"), ' '), "Korea"));
    }
}

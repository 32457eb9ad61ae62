using System.Buffers;
using System.Text;
using System.Text.Unicode;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Text;

public class SourceDecoderTests
{
    [Fact]
    public void Utf8_with_and_without_bom_decode_to_the_same_text()
    {
        byte[] plain = Encoding.UTF8.GetBytes("Chongryon’s role");
        byte[] bom = [0xEF, 0xBB, 0xBF, .. plain];
        Assert.Equal("Chongryon’s role", SourceDecoder.Decode(plain).Text);
        Assert.Equal("Chongryon’s role", SourceDecoder.Decode(bom).Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_bom_decodes(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes("Japan–North Korea")];
        DecodeResult result = SourceDecoder.Decode(bytes);
        Assert.True(result.Succeeded);
        Assert.Equal("Japan–North Korea", result.Text);
    }

    [Fact]
    public void Invalid_utf8_reports_the_first_bad_byte()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("caf"), 0xE9, .. Encoding.ASCII.GetBytes(" au lait")];
        DecodeResult result = SourceDecoder.Decode(bytes);
        Assert.Equal(DecodeFailureKind.InvalidEncoding, result.Failure);
        Assert.Equal(3, result.ByteOffset);
    }

    [Fact]
    public void Nul_bytes_mean_binary()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00];
        DecodeResult result = SourceDecoder.Decode(bytes);
        Assert.Equal(DecodeFailureKind.Binary, result.Failure);
        Assert.Equal(8, result.ByteOffset);
    }

    [Fact]
    public void Empty_input_is_empty_text()
    {
        Assert.Equal(string.Empty, SourceDecoder.Decode([]).Text);
    }

    /// <summary>
    /// UTF-8 decoded straight into a string (no buffer of chars) gives what the buffered decoding gave: the same text,
    /// or the same offset of the first bad byte, on random mixes of one- to four-byte characters with bad, truncated,
    /// overlong and surrogate sequences, long enough to cross the chunks of the offset search.
    /// </summary>
    [Fact]
    public void Utf8_decodes_as_the_buffered_decoding_did()
    {
        var random = new Random(15);
        byte[][] bad = [[0xE9], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xFF]];
        string[] good = ["a", "Z", " ", "\n", "é", "’", "–", "北", "😀", "\U0010FFFF"];
        for (int trial = 0; trial < 400; trial++)
        {
            var bytes = new List<byte>();
            int length = random.Next(0, trial % 4 == 0 ? 3000 : 40);
            for (int i = 0; i < length; i++)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(good[random.Next(good.Length)]));
            }

            if (trial % 3 != 0)
            {
                bytes.InsertRange(random.Next(bytes.Count + 1), bad[random.Next(bad.Length)]);
            }

            if (trial % 5 == 0)
            {
                bytes.InsertRange(0, [0xEF, 0xBB, 0xBF]);
            }

            byte[] input = [.. bytes];
            (string? text, long offset) = Buffered(input);
            DecodeResult result = SourceDecoder.Decode(input);
            Assert.Equal(text, result.Text);
            Assert.Equal(offset, result.ByteOffset);
            Assert.Equal(text is null ? DecodeFailureKind.InvalidEncoding : DecodeFailureKind.None, result.Failure);
        }
    }

    /// <summary>The decoding before: the whole body into a rented buffer of chars.</summary>
    private static (string? Text, long Offset) Buffered(byte[] bytes)
    {
        int bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        ReadOnlySpan<byte> body = bytes.AsSpan(bom);
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, body.Length));
        try
        {
            OperationStatus status = Utf8.ToUtf16(body, buffer, out int read, out int written, replaceInvalidSequences: false);
            return status != OperationStatus.Done ? (null, read + bom) : (new string(buffer, 0, written), -1);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}

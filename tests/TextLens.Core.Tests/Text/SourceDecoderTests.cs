using System.Text;
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
}

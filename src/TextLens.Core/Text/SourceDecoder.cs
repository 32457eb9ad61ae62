using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TextLens.Core.Text;

/// <summary>Why a file's bytes could not become a <see cref="SourceText"/>.</summary>
public enum DecodeFailureKind
{
    None,
    Binary,
    InvalidEncoding,
}

/// <summary>The outcome of decoding: either text, or a failure with the byte offset that caused it.</summary>
public readonly record struct DecodeResult(string? Text, DecodeFailureKind Failure, long ByteOffset, string EncodingName)
{
    public bool Succeeded => Failure == DecodeFailureKind.None;
}

/// <summary>
/// Decodes file bytes: UTF-8 with or without a byte-order mark, UTF-16 or UTF-32 (LE or BE) with a
/// byte-order mark. Anything else must be valid UTF-8; NUL bytes or a high share of control characters mark a
/// binary file.
/// </summary>
public static class SourceDecoder
{
    private const int SniffLength = 8192;

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
        {
            return DecodeUtf32(bytes[4..], bigEndian: false);
        }

        if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
        {
            return DecodeUtf32(bytes[4..], bigEndian: true);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return DecodeUtf16(bytes[2..], bigEndian: false);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return DecodeUtf16(bytes[2..], bigEndian: true);
        }

        int bomLength = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        ReadOnlySpan<byte> body = bytes[bomLength..];

        long binaryAt = FindBinaryEvidence(body);
        if (binaryAt >= 0)
        {
            return new DecodeResult(null, DecodeFailureKind.Binary, binaryAt + bomLength, "binary");
        }

        // Valid UTF-8 has one decoding: the string is made straight from the bytes, without a buffer of chars (a pooled
        // one of a 4 MB file is 16 MB, rounded up to a power of two and kept by the pool for the rest of the process).
        if (Utf8.IsValid(body))
        {
            return new DecodeResult(Encoding.UTF8.GetString(body), DecodeFailureKind.None, -1, bomLength > 0 ? "UTF-8 with BOM" : "UTF-8");
        }

        return new DecodeResult(null, DecodeFailureKind.InvalidEncoding, FirstInvalidUtf8(body) + bomLength, "UTF-8");
    }

    /// <summary>
    /// The offset of the first byte that is not part of a valid UTF-8 sequence (an incomplete sequence at the end
    /// included): where <see cref="Utf8.ToUtf16(ReadOnlySpan{byte}, Span{char}, out int, out int, bool, bool)"/> stops
    /// with <see cref="OperationStatus.InvalidData"/>, decoded a chunk at a time into a small buffer.
    /// </summary>
    internal static long FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        Span<char> chunk = stackalloc char[1024];
        long consumed = 0;
        while (true)
        {
            OperationStatus status = Utf8.ToUtf16(body, chunk, out int read, out _, replaceInvalidSequences: false);
            consumed += read;
            body = body[read..];
            if (status != OperationStatus.DestinationTooSmall)
            {
                return status == OperationStatus.Done ? -1 : consumed;
            }
        }
    }

    private static DecodeResult DecodeUtf16(ReadOnlySpan<byte> body, bool bigEndian)
    {
        string name = bigEndian ? "UTF-16 BE" : "UTF-16 LE";
        if (body.Length % 2 != 0)
        {
            return new DecodeResult(null, DecodeFailureKind.InvalidEncoding, body.Length + 1, name);
        }

        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        try
        {
            string text = encoding.GetString(body);
            return new DecodeResult(text, DecodeFailureKind.None, -1, name);
        }
        catch (DecoderFallbackException ex)
        {
            return new DecodeResult(null, DecodeFailureKind.InvalidEncoding, ex.Index + 2, name);
        }
    }

    private static DecodeResult DecodeUtf32(ReadOnlySpan<byte> body, bool bigEndian)
    {
        string name = bigEndian ? "UTF-32 BE" : "UTF-32 LE";
        if (body.Length % 4 != 0)
        {
            return new DecodeResult(null, DecodeFailureKind.InvalidEncoding, body.Length - (body.Length % 4) + 4, name);
        }

        var encoding = new UTF32Encoding(bigEndian, byteOrderMark: false, throwOnInvalidCharacters: true);
        try
        {
            return new DecodeResult(encoding.GetString(body), DecodeFailureKind.None, -1, name);
        }
        catch (DecoderFallbackException ex)
        {
            return new DecodeResult(null, DecodeFailureKind.InvalidEncoding, ex.Index + 4, name);
        }
    }

    /// <summary>
    /// The offset of the first NUL byte anywhere (a text file has none, wherever it is), or of the first control
    /// byte when they are more than 10% of the first 8 KiB; else -1.
    /// </summary>
    private static long FindBinaryEvidence(ReadOnlySpan<byte> body)
    {
        int nul = body.IndexOf((byte)0);
        if (nul >= 0)
        {
            return nul;
        }

        ReadOnlySpan<byte> head = body[..Math.Min(body.Length, SniffLength)];

        int controls = 0;
        int first = -1;
        for (int i = 0; i < head.Length; i++)
        {
            byte b = head[i];
            if (b < 0x20 && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t' && b != 0x0C)
            {
                controls++;
                if (first < 0)
                {
                    first = i;
                }
            }
        }

        return head.Length > 0 && controls * 10 > head.Length ? first : -1;
    }
}

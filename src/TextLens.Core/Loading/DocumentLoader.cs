using TextLens.Core.Analysis;
using TextLens.Core.Text;

namespace TextLens.Core.Loading;

/// <summary>Reads and decodes one input (a file, or bytes from standard input) within the size limit.</summary>
public static class DocumentLoader
{
    public const string StandardInputPath = "-";

    public static LoadResult LoadFile(string path, string displayPath, long maxBytes, DocumentFormat? format = null)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                string reason = Directory.Exists(path) ? "it is a directory" : "no such file";
                return Fail(displayPath, InputRules.Unreadable, displayPath, reason);
            }

            if (info.Length > maxBytes)
            {
                return Fail(displayPath, InputRules.TooLarge, displayPath, info.Length, maxBytes);
            }

            byte[] bytes = File.ReadAllBytes(path);
            return FromBytes(displayPath, bytes, maxBytes, format ?? DocumentFormats.FromPath(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Fail(displayPath, InputRules.Unreadable, displayPath, ex.Message);
        }
    }

    public static LoadResult FromBytes(string displayPath, ReadOnlySpan<byte> bytes, long maxBytes, DocumentFormat format)
    {
        if (bytes.Length > maxBytes)
        {
            return Fail(displayPath, InputRules.TooLarge, displayPath, (long)bytes.Length, maxBytes);
        }

        DecodeResult decoded = SourceDecoder.Decode(bytes);
        return decoded.Failure switch
        {
            DecodeFailureKind.Binary => Fail(displayPath, InputRules.Binary, displayPath, decoded.ByteOffset),
            DecodeFailureKind.InvalidEncoding => Fail(displayPath, InputRules.InvalidEncoding, displayPath, decoded.EncodingName, decoded.ByteOffset),
            _ => new LoadResult(displayPath, new SourceText(displayPath, decoded.Text!, format), null),
        };
    }

    private static LoadResult Fail(string path, RuleDescriptor rule, params object?[] args) =>
        new(path, null, Diagnostic.ForFile(rule, path, args));
}

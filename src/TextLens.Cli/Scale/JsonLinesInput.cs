using System.Text;
using System.Text.Json;
using TextLens.Core.Analysis;
using TextLens.Core.Loading;
using TextLens.Core.Text;

namespace TextLens.Cli.Scale;

/// <summary>
/// The map step's input (<c>--stdin-format jsonl -</c>): JSON Lines documents, one object per line,
/// <c>{"id": "...", "text": "...", "format": "text|markdown"}</c>. <c>id</c> becomes the document's report path;
/// <c>format</c> is optional (default: from the id's extension, as for files); other fields are ignored, so
/// records with titles or dates pass through. Blank lines are skipped. A line that is not such an object, or whose id
/// repeats an earlier line's, becomes a TL0009 diagnostic on a document named <c>-:LINE</c> (or the id when it is usable),
/// and the run goes on. Lines are read one at a time and each is bounded by the size limit, so memory does not grow
/// with the number of lines (only the set of ids seen so far is kept).
/// </summary>
public static class JsonLinesInput
{
    /// <summary>The report path of a line that has no usable id.</summary>
    public static string LinePath(long line) => $"{DocumentLoader.StandardInputPath}:{line}";

    /// <summary>Each line of <paramref name="stream"/> as a loaded document or the diagnostic that says why not, in input order.</summary>
    public static IEnumerable<LoadResult> Read(Stream stream, long maxBytes)
    {
        // A record holds the text JSON-escaped: allow for escapes on top of the text's own limit.
        long maxLineBytes = checked(Math.Min(maxBytes, int.MaxValue / 8) * 6 + 64 * 1024);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        long lineNumber = 0;
        foreach (Line line in Lines(stream, maxLineBytes))
        {
            lineNumber++;
            if (line.TooLong)
            {
                yield return Malformed(lineNumber, null, $"the line is longer than {maxLineBytes:N0} bytes (raise --max-file-size for longer documents)");
                continue;
            }

            if (IsBlank(line.Bytes))
            {
                continue;
            }

            yield return Parse(line.Bytes, lineNumber, maxBytes, seen);
        }
    }

    private static LoadResult Parse(ReadOnlySpan<byte> bytes, long lineNumber, long maxBytes, Dictionary<string, long> seen)
    {
        string? id = null;
        string? text = null;
        string? format = null;
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64, AllowMultipleValues = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Malformed(lineNumber, null, "the line is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "id":
                        id = StringValue(ref reader, "id");
                        break;
                    case "text":
                        text = StringValue(ref reader, "text");
                        break;
                    case "format":
                        format = StringValue(ref reader, "format");
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return Malformed(lineNumber, null, "the line holds more than one JSON value");
            }
        }
        catch (JsonException ex)
        {
            return Malformed(lineNumber, null, "the line is not valid JSON: " + FirstSentence(ex.Message));
        }
        catch (InvalidRecordException ex)
        {
            return Malformed(lineNumber, null, ex.Message);
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            return Malformed(lineNumber, null, "\"id\" is missing or empty (it is the document's path in the report)");
        }

        if (seen.TryGetValue(id, out long first))
        {
            return Malformed(lineNumber, null, $"id '{id}' repeats line {first}; ids must be unique");
        }

        seen[id] = lineNumber;
        if (text is null)
        {
            return Malformed(lineNumber, id, "\"text\" is missing");
        }

        DocumentFormat documentFormat;
        switch (format?.ToLowerInvariant())
        {
            case null:
                documentFormat = DocumentFormats.FromPath(id);
                break;
            case "text" or "txt":
                documentFormat = DocumentFormat.PlainText;
                break;
            case "markdown" or "md":
                documentFormat = DocumentFormat.Markdown;
                break;
            default:
                return Malformed(lineNumber, id, $"\"format\" must be \"text\" or \"markdown\", not \"{format}\"");
        }

        return DocumentLoader.FromBytes(id, Encoding.UTF8.GetBytes(text), maxBytes, documentFormat);
    }

    private static string StringValue(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new InvalidRecordException($"\"{name}\" must be a string, not {reader.TokenType.ToString().ToLowerInvariant()}");

    private static LoadResult Malformed(long lineNumber, string? id, string reason)
    {
        string path = id ?? LinePath(lineNumber);
        return new LoadResult(path, null, Diagnostic.ForFile(InputRules.MalformedRecord, path, lineNumber, reason));
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes) => bytes.Trim(" \t\r"u8).IsEmpty;

    private readonly record struct Line(byte[] Bytes, bool TooLong);

    /// <summary>The stream's lines without their line ends; a line over the limit is skipped to its end and flagged.</summary>
    private static IEnumerable<Line> Lines(Stream stream, long maxLineBytes)
    {
        var buffer = new byte[64 * 1024];
        using var line = new MemoryStream();
        bool tooLong = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            while (start < read)
            {
                int newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                int end = newline < 0 ? read : newline;
                if (!tooLong)
                {
                    if (line.Length + (end - start) > maxLineBytes)
                    {
                        tooLong = true;
                        line.SetLength(0);
                    }
                    else
                    {
                        line.Write(buffer, start, end - start);
                    }
                }

                if (newline < 0)
                {
                    break;
                }

                yield return new Line(tooLong ? [] : line.ToArray(), tooLong);
                line.SetLength(0);
                tooLong = false;
                start = newline + 1;
            }
        }

        if (line.Length > 0 || tooLong)
        {
            yield return new Line(tooLong ? [] : line.ToArray(), tooLong);
        }
    }

    private sealed class InvalidRecordException(string message) : Exception(message);
}

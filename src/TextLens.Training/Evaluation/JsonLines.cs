using System.Text.Json;

namespace TextLens.Training.Evaluation;

/// <summary>
/// The lines of a JSON Lines data file ('eval' and 'train' sets, label files, held-out predictions): every non-blank
/// line parsed on its own, with its 1-based number. Data that is not what the reader expects is an
/// <see cref="InvalidDataException"/> whose message starts "line N: " (<see cref="Error"/>); the command that opened
/// the file puts the file's path before it, so every data file's problem reads "PATH: line N: reason".
/// </summary>
public static class JsonLines
{
    /// <summary>The parsed root of each non-blank line with its line number; each root is valid until the next one is read.</summary>
    /// <exception cref="InvalidDataException">A line is not valid JSON.</exception>
    public static IEnumerable<(int Line, JsonElement Root)> Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        int line = 0;
        foreach (string raw in lines)
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(raw);
            }
            catch (JsonException ex)
            {
                throw Error(line, $"not valid JSON ({ex.Message})", ex);
            }

            using (json)
            {
                yield return (line, json.RootElement);
            }
        }
    }

    /// <summary>The parsed non-blank lines of <paramref name="reader"/>, as <see cref="Parse(IEnumerable{string})"/>.</summary>
    public static IEnumerable<(int Line, JsonElement Root)> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Parse(Lines(reader));

        static IEnumerable<string> Lines(TextReader reader)
        {
            while (reader.ReadLine() is { } line)
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// The root of line <paramref name="line"/> as a <typeparamref name="T"/>; a root that is not one (a field of the wrong
    /// type, an array) is an error saying what the line should be (<paramref name="expected"/>).
    /// </summary>
    public static T? Deserialize<T>(int line, JsonElement root, string expected)
    {
        try
        {
            return root.Deserialize<T>();
        }
        catch (JsonException ex)
        {
            throw Error(line, $"not {expected} ({ex.Message})", ex);
        }
    }

    /// <summary>The error for line <paramref name="line"/>: "line N: <paramref name="reason"/>".</summary>
    public static InvalidDataException Error(int line, string reason, Exception? inner = null) => new($"line {line}: {reason}", inner);
}

namespace TextLens.Core.Text;

/// <summary>
/// The immutable text of one document, with its path and a line map. Offsets everywhere in
/// TextLens are UTF-16 code units into <see cref="Content"/>, which is exactly the decoded file
/// (a byte-order mark is not part of it). Lines end at LF, CRLF or a lone CR.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string path, string content, DocumentFormat format)
    {
        Path = path;
        Content = content;
        Format = format;
        _lineStarts = ComputeLineStarts(content);
    }

    /// <summary>The path as the user gave it or as discovered ('-' for standard input), with '/' separators.</summary>
    public string Path { get; }

    public string Content { get; }

    public DocumentFormat Format { get; }

    public int Length => Content.Length;

    public int LineCount => _lineStarts.Length;

    public char this[int index] => Content[index];

    public static SourceText From(string content, string path = "<memory>", DocumentFormat? format = null) =>
        new(path, content, format ?? DocumentFormats.FromPath(path));

    public string ToString(TextSpan span) => Content.Substring(span.Start, span.Length);

    public ReadOnlySpan<char> Slice(TextSpan span) => Content.AsSpan(span.Start, span.Length);

    /// <summary>Maps an offset (0..Length) to a zero-based line and column. O(log lines).</summary>
    public LinePosition GetLinePosition(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Content.Length);
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line, offset - _lineStarts[line]);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>The span of a zero-based line, without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        int start = _lineStarts[line];
        int end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : Content.Length;
        while (end > start && (Content[end - 1] == '\n' || Content[end - 1] == '\r'))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    public int GetLineStart(int line) => _lineStarts[line];

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int>(Math.Max(4, text.Length / 60)) { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}

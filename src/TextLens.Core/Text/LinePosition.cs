namespace TextLens.Core.Text;

/// <summary>A zero-based line and character (UTF-16 column) position. Output formats add one.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    /// <summary>The 1-based line number used in every report format.</summary>
    public int DisplayLine => Line + 1;

    /// <summary>The 1-based column (in UTF-16 code units) used in every report format.</summary>
    public int DisplayColumn => Character + 1;

    public int CompareTo(LinePosition other)
    {
        int c = Line.CompareTo(other.Line);
        return c != 0 ? c : Character.CompareTo(other.Character);
    }

    public override string ToString() => $"{DisplayLine}:{DisplayColumn}";
}

/// <summary>The start and end positions of a span.</summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End);

namespace TextLens.Core.Text;

/// <summary>A half-open range [Start, End) of UTF-16 code units in a <see cref="SourceText"/>.</summary>
public readonly record struct TextSpan(int Start, int Length) : IComparable<TextSpan>
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        return new TextSpan(start, end - start);
    }

    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool OverlapsWith(TextSpan other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);

    public int CompareTo(TextSpan other)
    {
        int c = Start.CompareTo(other.Start);
        return c != 0 ? c : Length.CompareTo(other.Length);
    }

    public override string ToString() => $"[{Start}..{End})";
}

namespace TextLens.Core.Globbing;

/// <summary>The syntax tree of a glob, independent of its dialect.</summary>
internal abstract record GlobNode
{
    /// <summary><c>(.*/)?</c>: zero or more whole leading folders.</summary>
    public static readonly GlobNode AnyFolders = new Optional(new Sequence([new Star(CrossesFolders: true), new Literal('/')]));

    /// <summary>One exact character.</summary>
    public sealed record Literal(char Char) : GlobNode;

    /// <summary>One character other than '/'.</summary>
    public sealed record AnyChar : GlobNode;

    /// <summary>One character (other than '/') in, or with <see cref="CharSet.Negated"/> not in, a set.</summary>
    public sealed record Class(CharSet Set) : GlobNode;

    /// <summary>Any run of characters; without <see cref="CrossesFolders"/>, none of them '/'.</summary>
    public sealed record Star(bool CrossesFolders) : GlobNode;

    /// <summary>An integer from <see cref="Low"/> to <see cref="High"/> written without leading zeros.</summary>
    public sealed record Number(long Low, long High) : GlobNode;

    public sealed record Sequence(IReadOnlyList<GlobNode> Items) : GlobNode;

    public sealed record Alternatives(IReadOnlyList<GlobNode> Branches) : GlobNode;

    public sealed record Optional(GlobNode Item) : GlobNode;

    /// <summary>Matches nothing (git's answer to a malformed bracket expression).</summary>
    public sealed record Never : GlobNode;
}

/// <summary>A bracket expression: inclusive ranges (a single character is a range of one), possibly negated.</summary>
internal sealed record CharSet(IReadOnlyList<(char Low, char High)> Ranges, bool Negated)
{
    public bool Matches(char c)
    {
        if (c == '/')
        {
            return false;
        }

        bool inSet = false;
        foreach ((char low, char high) in Ranges)
        {
            if (c >= low && c <= high)
            {
                inSet = true;
                break;
            }
        }

        return inSet != Negated;
    }
}

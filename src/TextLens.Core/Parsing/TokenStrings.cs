namespace TextLens.Core.Parsing;

/// <summary>
/// The strings of one document's tokens, each distinct surface made once with its lower-case form: a document repeats
/// its words (the, of, and, its own terms), so its tokens share a few thousand strings instead of holding two per token,
/// which a long document keeps alive through every analysis. Used while parsing one document; not thread-safe.
/// </summary>
public sealed class TokenStrings
{
    private readonly Dictionary<string, string> _lowerOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public TokenStrings() => _bySpan = _lowerOf.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The distinct surfaces seen so far.</summary>
    public int Count => _lowerOf.Count;

    /// <summary>The shared string equal to <paramref name="surface"/> and its <see cref="string.ToLowerInvariant()"/>.</summary>
    public (string Text, string Lower) Get(ReadOnlySpan<char> surface)
    {
        if (_bySpan.TryGetValue(surface, out string? text, out string? lower))
        {
            return (text, lower);
        }

        text = surface.ToString();
        lower = text.ToLowerInvariant();
        _lowerOf.Add(text, lower);
        return (text, lower);
    }
}

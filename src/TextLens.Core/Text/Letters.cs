namespace TextLens.Core.Text;

/// <summary>Character tests over a word without LINQ: <c>word.Any(char.IsLetter)</c> allocates an enumerator per call, and the
/// analyzers ask it of every token.</summary>
public static class Letters
{
    /// <summary>True when <paramref name="text"/> holds a letter (<see cref="char.IsLetter(char)"/>).</summary>
    public static bool Any(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}

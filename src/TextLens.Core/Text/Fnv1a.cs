namespace TextLens.Core.Text;

/// <summary>
/// FNV-1a, the one non-cryptographic hash of TextLens: stable across processes, runs and platforms (unlike
/// <see cref="string.GetHashCode()"/>), so model feature slots, background-frequency keys and cross-validation
/// folds computed here match those computed when the models were trained. Two input forms exist because the
/// shipped models were trained with both: one UTF-16 code unit per step (<see cref="Append(uint, char)"/>), and a
/// 16-bit value as two byte steps, low byte first (<see cref="AppendBytes"/>). Changing either changes every model.
/// </summary>
public static class Fnv1a
{
    /// <summary>The 32-bit offset basis.</summary>
    public const uint Basis32 = 2166136261;

    /// <summary>The 64-bit offset basis.</summary>
    public const ulong Basis64 = 14695981039346656037UL;

    private const uint Prime32 = 16777619;
    private const ulong Prime64 = 1099511628211UL;

    /// <summary>The 32-bit hash of <paramref name="text"/>, one code unit per step.</summary>
    public static uint Hash32(ReadOnlySpan<char> text) => Append(Basis32, text);

    /// <summary>The 64-bit hash of <paramref name="text"/>, one code unit per step.</summary>
    public static ulong Hash64(ReadOnlySpan<char> text)
    {
        ulong h = Basis64;
        foreach (char c in text)
        {
            h = (h ^ c) * Prime64;
        }

        return h;
    }

    /// <summary>The 64-bit hash of <paramref name="bytes"/>, one byte per step (the corpus index's checksum).</summary>
    public static ulong Hash64(ReadOnlySpan<byte> bytes)
    {
        ulong h = Basis64;
        foreach (byte b in bytes)
        {
            h = (h ^ b) * Prime64;
        }

        return h;
    }

    /// <summary>Continues a 64-bit hash with one code unit.</summary>
    public static ulong Append(ulong hash, char c) => (hash ^ c) * Prime64;

    /// <summary>Continues a 32-bit hash with one code unit.</summary>
    public static uint Append(uint hash, char c) => (hash ^ c) * Prime32;

    /// <summary>Continues a 32-bit hash with <paramref name="text"/>, one code unit per step.</summary>
    public static uint Append(uint hash, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            hash = (hash ^ c) * Prime32;
        }

        return hash;
    }

    /// <summary>Continues a 32-bit hash with a value as two byte steps: its low byte, then the bits above it.</summary>
    public static uint AppendBytes(uint hash, uint value)
    {
        hash = (hash ^ (value & 0xFF)) * Prime32;
        return (hash ^ (value >> 8)) * Prime32;
    }

    /// <summary>Continues a 32-bit hash with <paramref name="text"/>, each code unit as two byte steps.</summary>
    public static uint AppendBytes(uint hash, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            hash = AppendBytes(hash, c);
        }

        return hash;
    }
}

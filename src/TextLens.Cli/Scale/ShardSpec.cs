using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TextLens.Cli.Scale;

/// <summary>
/// <c>--shard i/N</c>: this run takes only the documents whose path hashes into shard <see cref="Index"/> of
/// <see cref="Count"/>. The hash is SHA-256 over the UTF-8 bytes of the document's report path (relative to the
/// working directory, '/' separators), its first 8 bytes read as a big-endian unsigned integer, modulo N. It depends
/// only on the path, never on the machine, the process or the .NET version, so N jobs that see the same inputs split
/// them into N disjoint parts that cover every input exactly once (docs/scale-out.md shows the same function in Python).
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The largest N accepted; more shards than this is a mistake, not a plan.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Parses "i/N" with 0 ≤ i &lt; N ≤ <see cref="MaxCount"/>; anything else is a usage error.</summary>
    public static ShardSpec Parse(string text)
    {
        string t = text.Trim();
        int slash = t.IndexOf('/');
        if (slash <= 0
            || !int.TryParse(t.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(t.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            throw new UsageException($"--shard takes INDEX/COUNT, e.g. --shard 0/4 for the first of four shards, not '{text}'.");
        }

        if (count < 1 || count > MaxCount)
        {
            throw new UsageException($"--shard {text}: the number of shards must be from 1 to {MaxCount:N0}.");
        }

        if (index >= count)
        {
            throw new UsageException($"--shard {text}: the shard index must be from 0 to {count - 1} (shards are numbered from 0).");
        }

        return new ShardSpec(index, count);
    }

    /// <summary>The shard a document path belongs to, from 0 to <paramref name="count"/> − 1.</summary>
    public static int ShardOf(string path, int count)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(path)), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>Whether this shard takes the document with this report path.</summary>
    public bool Takes(string path) => ShardOf(path, Count) == Index;

    public override string ToString() => $"{Index}/{Count}";

    private static string Normalize(string path) => path.Replace('\\', '/');
}

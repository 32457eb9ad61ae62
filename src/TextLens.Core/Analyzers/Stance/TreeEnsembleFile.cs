using System.Buffers.Binary;
using System.Text;
using TextLens.Core.Models;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// What <see cref="EpistemicTrees"/> (TLET) and <see cref="PolarityTrees"/> (TLPT) share: one ensemble of
/// <see cref="EpistemicTrees.Tree"/>s per class, checked, scored and stored in the same little-endian layout after each
/// file's own header. The layout after a header of h bytes: the names block (the k class names then the m input names,
/// each an int32 byte length and UTF-8 bytes, zero-padded to a multiple of 8 bytes); k float32 biases and k int32 tree
/// counts (each array padded to 8 bytes); t int32 node counts (padded to 8 bytes); then for the n internal nodes of all
/// trees in order, n int32 split inputs, n float32 thresholds, n int32 left and n int32 right children; then the n + t
/// float32 leaf values. Every message names the file by <c>what</c> ("epistemic", "polarity").
/// </summary>
internal static class TreeEnsembleFile
{
    /// <summary>The checks both constructors make first: the class, bias and ensemble counts, and the fixed inputs leading.</summary>
    public static void CheckShape(IReadOnlyList<string> classes, IReadOnlyList<string> inputs, IReadOnlyList<string> fixedInputs, float[] bias, IReadOnlyList<IReadOnlyList<EpistemicTrees.Tree>> trees)
    {
        if (classes.Count < 2 || bias.Length != classes.Count || trees.Count != classes.Count)
        {
            throw new ArgumentException("The trees need at least two classes and one bias and one ensemble per class.");
        }

        if (inputs.Count < fixedInputs.Count || !inputs.Take(fixedInputs.Count).SequenceEqual(fixedInputs))
        {
            throw new ArgumentException("The inputs must start with the fixed inputs.", nameof(inputs));
        }
    }

    /// <summary>The index of each named input (those after the <paramref name="fixedCount"/> fixed ones); a name given twice is an <see cref="ArgumentException"/>.</summary>
    public static Dictionary<string, int> Named(IReadOnlyList<string> inputs, int fixedCount)
    {
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = fixedCount; i < inputs.Count; i++)
        {
            if (!named.TryAdd(inputs[i], i))
            {
                throw new ArgumentException($"The input '{inputs[i]}' is named twice.", nameof(inputs));
            }
        }

        return named;
    }

    /// <summary>Each class's trees as an array, every tree validated against <paramref name="inputs"/> inputs.</summary>
    public static EpistemicTrees.Tree[][] Validated(IReadOnlyList<IReadOnlyList<EpistemicTrees.Tree>> trees, int inputs)
    {
        EpistemicTrees.Tree[][] all = [.. trees.Select(t => t.ToArray())];
        foreach (EpistemicTrees.Tree tree in all.SelectMany(t => t))
        {
            tree.Validate(inputs);
        }

        return all;
    }

    /// <summary>The leaf each tree of one ensemble reaches for <paramref name="x"/>, summed onto <paramref name="start"/> in tree order.</summary>
    public static double Sum(double start, EpistemicTrees.Tree[] trees, ReadOnlySpan<float> x)
    {
        double v = start;
        foreach (EpistemicTrees.Tree t in trees)
        {
            v += t.Evaluate(x);
        }

        return v;
    }

    /// <summary>
    /// The whole file with everything after its <paramref name="headerSize"/>-byte header written (the header left zero for
    /// the caller), and the names block size, tree count and node count the header records.
    /// </summary>
    public static byte[] Write(int headerSize, IReadOnlyList<string> classes, IReadOnlyList<string> inputs, float[] bias, EpistemicTrees.Tree[][] trees, out int namesSize, out int treeCount, out int nodeCount)
    {
        EpistemicTrees.Tree[] all = [.. trees.SelectMany(t => t)];
        byte[][] names = [.. classes.Select(Encoding.UTF8.GetBytes), .. inputs.Select(Encoding.UTF8.GetBytes)];
        namesSize = ModelBytes.Align8(names.Sum(b => sizeof(int) + b.Length));
        int n = all.Sum(t => t.Nodes);
        treeCount = all.Length;
        nodeCount = n;
        var layout = new Layout(headerSize, namesSize, classes.Count, all.Length, n);
        byte[] data = new byte[layout.Total];
        Span<byte> d = data;
        int pos = headerSize;
        foreach (byte[] name in names)
        {
            BinaryPrimitives.WriteInt32LittleEndian(d[pos..], name.Length);
            name.CopyTo(d[(pos + sizeof(int))..]);
            pos += sizeof(int) + name.Length;
        }

        for (int c = 0; c < classes.Count; c++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(d[(layout.BiasAt + (c * 4))..], bias[c]);
            BinaryPrimitives.WriteInt32LittleEndian(d[(layout.CountsAt + (c * 4))..], trees[c].Length);
        }

        int node = 0, leaf = 0;
        for (int i = 0; i < all.Length; i++)
        {
            EpistemicTrees.Tree t = all[i];
            BinaryPrimitives.WriteInt32LittleEndian(d[(layout.NodeCountsAt + (i * 4))..], t.Nodes);
            for (int j = 0; j < t.Nodes; j++, node++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(d[(layout.FeaturesAt + (node * 4))..], t.Feature[j]);
                BinaryPrimitives.WriteSingleLittleEndian(d[(layout.ThresholdsAt + (node * 4))..], t.Threshold[j]);
                BinaryPrimitives.WriteInt32LittleEndian(d[(layout.LeftAt + (node * 4))..], t.Left[j]);
                BinaryPrimitives.WriteInt32LittleEndian(d[(layout.RightAt + (node * 4))..], t.Right[j]);
            }

            foreach (float v in t.Leaves)
            {
                BinaryPrimitives.WriteSingleLittleEndian(d[(layout.LeavesAt + (leaf++ * 4))..], v);
            }
        }

        return data;
    }

    /// <summary>
    /// The file's bytes (bounded by <see cref="ModelBytes.ReadAll"/>) once its magic, a format from <paramref name="oldestFormat"/>
    /// (0: only <paramref name="formatVersion"/>) to <paramref name="formatVersion"/> and a whole <paramref name="headerSize"/>-byte header are there: else an <see cref="InvalidDataException"/> (not such a file) or an
    /// <see cref="EndOfStreamException"/> (a short header).
    /// </summary>
    public static byte[] ReadHeader(Stream stream, ReadOnlySpan<byte> magic, int formatVersion, int headerSize, string what, int oldestFormat = 0)
    {
        byte[] data = ModelBytes.ReadAll(stream);
        int oldest = oldestFormat > 0 ? oldestFormat : formatVersion;
        int format = data.Length < 8 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(4));
        if (data.Length < 8 || !data.AsSpan(0, 4).SequenceEqual(magic) || format < oldest || format > formatVersion)
        {
            string formats = oldest == formatVersion ? $"{formatVersion}" : $"{oldest} to {formatVersion}";
            throw new InvalidDataException($"Not TextLens {what} trees (expected magic {Encoding.ASCII.GetString(magic)}, format {formats}).");
        }

        if (data.Length < headerSize)
        {
            throw new EndOfStreamException($"The {what} trees hold {data.Length} bytes, less than their {headerSize}-byte header.");
        }

        return data;
    }

    /// <summary>The ranges both headers keep to (k classes, m inputs of which <paramref name="fixedCount"/> fixed, the names block size, no larger than the file, t trees, n nodes).</summary>
    public static bool InRange(int k, int m, int fixedCount, int namesSize, int t, int n, int fileLength) =>
        k is >= 2 and <= 64 && m >= fixedCount && m <= 1 << 20 && namesSize >= 0 && namesSize <= fileLength && namesSize % 8 == 0
        && t >= 0 && t <= 1 << 20 && n >= 0 && n <= 1 << 26;

    /// <summary>The corrupt-header refusal, naming the counts read.</summary>
    public static InvalidDataException CorruptHeader(string what, int k, int m, int namesSize, int t, int n) =>
        new($"The {what} trees' header is corrupt ({k} classes, {m} inputs, names {namesSize} bytes, {t} trees, {n} nodes).");

    /// <summary>
    /// Reads everything after a header already checked against <see cref="InRange"/>: the names, biases and each class's trees
    /// (not yet validated: the constructor does that). A short file is an <see cref="EndOfStreamException"/>; trailing bytes,
    /// counts that do not add up or a bad names block an <see cref="InvalidDataException"/>.
    /// </summary>
    public static (string[] Names, float[] Bias, List<EpistemicTrees.Tree>[] Trees) ReadBody(byte[] data, int headerSize, int k, int m, int namesSize, int t, int n, string what)
    {
        var layout = new Layout(headerSize, namesSize, k, t, n);
        if (data.Length < layout.Total)
        {
            throw new EndOfStreamException($"The {what} trees hold {data.Length} bytes where their header needs {layout.Total}.");
        }

        if (data.Length > layout.Total)
        {
            throw new InvalidDataException($"The {what} trees have {data.Length - layout.Total} unexpected trailing bytes.");
        }

        ReadOnlySpan<byte> d = data;
        string[] names = ModelBytes.ReadNames(d.Slice(headerSize, namesSize), k + m, $"The {what} trees'");
        float[] bias = new float[k];
        int[] counts = new int[k];
        for (int c = 0; c < k; c++)
        {
            bias[c] = BinaryPrimitives.ReadSingleLittleEndian(d[(layout.BiasAt + (c * 4))..]);
            counts[c] = BinaryPrimitives.ReadInt32LittleEndian(d[(layout.CountsAt + (c * 4))..]);
        }

        if (counts.Any(c => c < 0) || counts.Sum(c => (long)c) != t)
        {
            throw new InvalidDataException($"The {what} trees' counts per class do not add up to their tree count.");
        }

        var trees = new List<EpistemicTrees.Tree>[k];
        int tree = 0, node = 0, leaf = 0;
        for (int c = 0; c < k; c++)
        {
            trees[c] = new List<EpistemicTrees.Tree>(counts[c]);
            for (int i = 0; i < counts[c]; i++, tree++)
            {
                int nodes = BinaryPrimitives.ReadInt32LittleEndian(d[(layout.NodeCountsAt + (tree * 4))..]);
                if (nodes < 0 || (long)node + nodes > n)
                {
                    throw new InvalidDataException($"The {what} trees' tree {tree} has {nodes} nodes, beyond the {n} in the file.");
                }

                int[] feature = new int[nodes], left = new int[nodes], right = new int[nodes];
                float[] threshold = new float[nodes], leaves = new float[nodes + 1];
                for (int j = 0; j < nodes; j++, node++)
                {
                    feature[j] = BinaryPrimitives.ReadInt32LittleEndian(d[(layout.FeaturesAt + (node * 4))..]);
                    threshold[j] = BinaryPrimitives.ReadSingleLittleEndian(d[(layout.ThresholdsAt + (node * 4))..]);
                    left[j] = BinaryPrimitives.ReadInt32LittleEndian(d[(layout.LeftAt + (node * 4))..]);
                    right[j] = BinaryPrimitives.ReadInt32LittleEndian(d[(layout.RightAt + (node * 4))..]);
                }

                for (int j = 0; j <= nodes; j++)
                {
                    leaves[j] = BinaryPrimitives.ReadSingleLittleEndian(d[(layout.LeavesAt + (leaf++ * 4))..]);
                }

                trees[c].Add(new EpistemicTrees.Tree(feature, threshold, left, right, leaves));
            }
        }

        if (node != n)
        {
            throw new InvalidDataException($"The {what} trees' node counts add up to {node}, not {n}.");
        }

        return (names, bias, trees);
    }

    /// <summary>The trees built from a file's parts; the constructor's <see cref="ArgumentException"/> becomes an <see cref="InvalidDataException"/> naming the file.</summary>
    public static T Construct<T>(Func<T> construct, string what)
    {
        try
        {
            return construct();
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"The {what} trees are inconsistent: {ex.Message}", ex);
        }
    }

    /// <summary>Where each part of the file starts, from its header.</summary>
    private readonly record struct Layout(int HeaderSize, int NamesSize, int K, int T, int N)
    {
        public int BiasAt => HeaderSize + NamesSize;

        public int CountsAt => BiasAt + ModelBytes.Align8(K * 4);

        public int NodeCountsAt => CountsAt + ModelBytes.Align8(K * 4);

        public int FeaturesAt => NodeCountsAt + ModelBytes.Align8(T * 4);

        public int ThresholdsAt => FeaturesAt + (N * 4);

        public int LeftAt => ThresholdsAt + (N * 4);

        public int RightAt => LeftAt + (N * 4);

        public int LeavesAt => RightAt + (N * 4);

        public long Total => (long)LeavesAt + ((long)(N + T) * 4);
    }
}

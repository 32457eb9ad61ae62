using System.Buffers.Binary;
using System.Text;
using TextLens.Core.Text;

namespace TextLens.Core.Corpus;

/// <summary>
/// The file form of a <see cref="CorpusIndex"/> (<c>.tlx</c>), format version <see cref="Version"/>. Little-endian;
/// "varint" is an unsigned LEB128 integer of at most 5 bytes; a string is a varint byte length and UTF-8.
/// <code>
/// "TLXI"  u16 version  string featurisation  varint documents  varint terms
/// terms:      per term, varint shared-prefix length (UTF-16 units, with the previous term), string suffix
/// df:         per term, varint document frequency
/// documents:  per document (sorted by id), string id, varint words, varint term count,
///             per term varint gap (first: the term id; then id − previous id − 1) and varint count
/// u64 FNV-1a checksum of every byte before it
/// </code>
/// Reading checks everything (magic, version, featurisation, bounds, order, frequencies, checksum, no trailing
/// bytes) and never allocates more than the input's size allows: a bad file is a <see cref="CorpusIndexException"/>
/// with the reason, never a crash.
/// </summary>
public static class CorpusIndexFormat
{
    /// <summary>The format version this build writes and reads.</summary>
    public const ushort Version = 1;

    /// <summary>The usual file extension.</summary>
    public const string Extension = ".tlx";

    private static ReadOnlySpan<byte> Magic => "TLXI"u8;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the bytes start like an index (the magic number), e.g. to tell an index from a folder of text.</summary>
    public static bool LooksLikeIndex(ReadOnlySpan<byte> start) => start.StartsWith(Magic);

    /// <summary>The bytes of the index: the same documents always give the same bytes.</summary>
    public static byte[] Write(CorpusIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var w = new ArrayBufferWriterStream();
        w.Write(Magic);
        Span<byte> version = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(version, Version);
        w.Write(version);
        w.WriteString(CorpusIndex.Featurisation);
        w.WriteVarint(index.Documents.Count);
        w.WriteVarint(index.Terms.Count);
        string previous = "";
        foreach (string term in index.Terms)
        {
            int shared = SharedPrefix(previous, term);
            w.WriteVarint(shared);
            w.WriteString(term[shared..]);
            previous = term;
        }

        foreach (int df in index.DocumentFrequency)
        {
            w.WriteVarint(df);
        }

        foreach (IndexedDocument d in index.Documents)
        {
            w.WriteString(d.Id);
            w.WriteVarint(d.Words);
            w.WriteVarint(d.TermIds.Count);
            int last = -1;
            for (int k = 0; k < d.TermIds.Count; k++)
            {
                w.WriteVarint(d.TermIds[k] - last - 1);
                w.WriteVarint(d.Counts[k]);
                last = d.TermIds[k];
            }
        }

        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, Checksum(w.WrittenSpan));
        w.Write(checksum);
        return w.ToArray();
    }

    /// <summary>Reads and verifies an index.</summary>
    /// <exception cref="CorpusIndexException">The bytes are not a valid index of this version; the message says why.</exception>
    public static CorpusIndex Read(ReadOnlySpan<byte> data)
    {
        var r = new Reader(data[..Math.Max(0, data.Length - 8)]);
        if (!data.StartsWith(Magic))
        {
            throw new CorpusIndexException("is not a TextLens corpus index (it does not start with 'TLXI'; build one with 'textlens index')");
        }

        if (data.Length < Magic.Length + 2)
        {
            throw new CorpusIndexException("is truncated (it ends inside its header)");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(data[Magic.Length..]);
        if (version != Version)
        {
            throw new CorpusIndexException($"is in index format version {version}; this TextLens reads version {Version} (rebuild it with 'textlens index')");
        }

        if (data.Length < Magic.Length + 2 + 8)
        {
            throw new CorpusIndexException("is truncated (it ends inside its header)");
        }

        r.Skip(Magic.Length + 2);
        string featurisation = r.ReadString("its header");
        if (featurisation != CorpusIndex.Featurisation)
        {
            throw new CorpusIndexException($"was built with another featurisation ('{featurisation}', this TextLens uses '{CorpusIndex.Featurisation}'); rebuild it with 'textlens index'");
        }

        int documentCount = r.ReadCount("its header", minBytesEach: 3);
        int termCount = r.ReadCount("its header", minBytesEach: 3);
        var terms = new string[termCount];
        string previous = "";
        for (int i = 0; i < termCount; i++)
        {
            int shared = r.ReadVarint("its term list");
            if (shared > previous.Length)
            {
                throw new CorpusIndexException($"is corrupt (term {i} shares {shared} characters with a term of {previous.Length})");
            }

            string term = string.Concat(previous.AsSpan(0, shared), r.ReadString("its term list"));
            if (term.Length == 0 || string.CompareOrdinal(previous, term) >= 0 && i > 0)
            {
                throw new CorpusIndexException($"is corrupt (term {i} is empty or out of order)");
            }

            terms[i] = previous = term;
        }

        var df = new int[termCount];
        for (int i = 0; i < termCount; i++)
        {
            df[i] = r.ReadVarint("its document frequencies");
        }

        var seen = new int[termCount];
        var documents = new IndexedDocument[documentCount];
        string? previousId = null;
        for (int d = 0; d < documentCount; d++)
        {
            string id = r.ReadString("its documents");
            if (id.Length == 0 || previousId is not null && string.CompareOrdinal(previousId, id) >= 0)
            {
                throw new CorpusIndexException($"is corrupt (document {d}'s id is empty, repeated or out of order)");
            }

            int words = r.ReadVarint("its documents");
            int count = r.ReadCount("its documents", minBytesEach: 2);
            var ids = new int[count];
            var counts = new int[count];
            long last = -1;
            for (int k = 0; k < count; k++)
            {
                long term = last + 1 + r.ReadVarint("its documents");
                if (term >= termCount)
                {
                    throw new CorpusIndexException($"is corrupt (document '{id}' refers to term {term} of {termCount})");
                }

                int tf = r.ReadVarint("its documents");
                if (tf < 1)
                {
                    throw new CorpusIndexException($"is corrupt (document '{id}' counts a term 0 times)");
                }

                ids[k] = (int)term;
                counts[k] = tf;
                seen[term]++;
                last = term;
            }

            documents[d] = new IndexedDocument(id, words, ids, counts);
            previousId = id;
        }

        if (r.Remaining != 0)
        {
            throw new CorpusIndexException($"is corrupt ({r.Remaining} unexpected bytes after its documents)");
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(data[^8..]) != Checksum(data[..^8]))
        {
            throw new CorpusIndexException("is corrupt (its checksum does not match its contents)");
        }

        for (int i = 0; i < termCount; i++)
        {
            if (seen[i] != df[i] || df[i] == 0)
            {
                throw new CorpusIndexException($"is corrupt (term '{terms[i]}' has document frequency {df[i]} but is in {seen[i]} documents)");
            }
        }

        return CorpusIndex.FromVerifiedParts(terms, df, documents);
    }

    /// <summary>The longest common prefix in UTF-16 units, never splitting a surrogate pair.</summary>
    private static int SharedPrefix(string a, string b)
    {
        int n = a.AsSpan().CommonPrefixLength(b);
        return n > 0 && char.IsHighSurrogate(b[n - 1]) ? n - 1 : n;
    }

    private static ulong Checksum(ReadOnlySpan<byte> bytes) => Fnv1a.Hash64(bytes);

    /// <summary>A forward reader over the bytes before the checksum that turns every overrun into a "truncated" error.</summary>
    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _pos;

        public readonly int Remaining => _data.Length - _pos;

        public void Skip(int n) => _pos = Math.Min(_data.Length, _pos + n);

        public int ReadVarint(string where)
        {
            uint result = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                if (_pos >= _data.Length)
                {
                    throw new CorpusIndexException($"is truncated (it ends inside {where})");
                }

                byte b = _data[_pos++];
                result |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return result <= int.MaxValue ? (int)result : throw new CorpusIndexException($"is corrupt (a number in {where} is out of range)");
                }
            }

            throw new CorpusIndexException($"is corrupt (a number in {where} is too long)");
        }

        /// <summary>A count of items of at least <paramref name="minBytesEach"/> bytes each: more than the rest of the file can hold is corrupt.</summary>
        public int ReadCount(string where, int minBytesEach)
        {
            int n = ReadVarint(where);
            return (long)n * minBytesEach <= Remaining ? n : throw new CorpusIndexException($"is truncated or corrupt ({where} announces {n:N0} entries in {Remaining:N0} bytes)");
        }

        public string ReadString(string where)
        {
            int length = ReadVarint(where);
            if (length > Remaining)
            {
                throw new CorpusIndexException($"is truncated (it ends inside {where})");
            }

            try
            {
                string s = StrictUtf8.GetString(_data.Slice(_pos, length));
                _pos += length;
                return s;
            }
            catch (DecoderFallbackException)
            {
                throw new CorpusIndexException($"is corrupt (invalid UTF-8 in {where})");
            }
        }
    }

    /// <summary>A growable byte buffer with the few writes the format needs.</summary>
    private sealed class ArrayBufferWriterStream
    {
        private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(1 << 16);

        public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

        public void Write(ReadOnlySpan<byte> bytes) => System.Buffers.BuffersExtensions.Write(_buffer, bytes);

        public void WriteVarint(int value)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Span<byte> span = _buffer.GetSpan(5);
            int n = 0;
            uint v = (uint)value;
            while (v >= 0x80)
            {
                span[n++] = (byte)(v | 0x80);
                v >>= 7;
            }

            span[n++] = (byte)v;
            _buffer.Advance(n);
        }

        public void WriteString(string s)
        {
            int length = StrictUtf8.GetByteCount(s);
            WriteVarint(length);
            Span<byte> span = _buffer.GetSpan(Math.Max(1, length));
            _buffer.Advance(StrictUtf8.GetBytes(s, span));
        }

        public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
    }
}

using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TextLens.Core.Reporting.Formats;

/// <summary>
/// Serialises JSON straight into a <see cref="TextWriter"/>, as it is produced, instead of into a string first:
/// a document's JSON can be hundreds of megabytes (an 8 MB document's sentences and tokens), and a string of it,
/// plus an indented copy, once tripled the report's peak memory (issue 13, B15).
/// </summary>
internal static class JsonText
{
    /// <summary>Writes <paramref name="value"/> as JSON, every line after the first indented by <paramref name="indent"/> spaces (JSON strings hold no raw line breaks).</summary>
    public static void Serialize<T>(TextWriter writer, T value, JsonSerializerOptions options, int indent = 0)
    {
        using var stream = new Utf8TextWriterStream(writer, indent);
        JsonSerializer.Serialize(stream, value, options);
        stream.Flush();
    }

    /// <summary>
    /// Writes a document record as <see cref="Serialize{T}"/> would, but flushed to <paramref name="writer"/> between
    /// list items: the record's converter is not resumable, so through <see cref="JsonSerializer"/> the whole record
    /// would wait in one buffer first (it doubled the peak memory of a 100,000-sentence document).
    /// </summary>
    public static void Serialize(TextWriter writer, DocumentReport value, JsonSerializerOptions options, int indent = 0)
    {
        using var stream = new Utf8TextWriterStream(writer, indent);
        using (var json = new Utf8JsonWriter(stream, WriterOptions(options)))
        {
            DocumentReportConverter.Write(json, value, options, FlushAt);
        }

        stream.Flush();
    }

    /// <summary>
    /// Writes a document record as UTF-8 bytes into <paramref name="utf8"/>, exactly the bytes of <see cref="Serialize(TextWriter, DocumentReport, JsonSerializerOptions, int)"/>
    /// encoded as UTF-8, with no decoding to text on the way (the JSON report spools its records so).
    /// </summary>
    public static void SerializeUtf8(Stream utf8, DocumentReport value, JsonSerializerOptions options, int indent = 0)
    {
        if (indent > 0 && options.WriteIndented && options.IndentCharacter == ' ' && indent % options.IndentSize == 0)
        {
            // The writer itself indents the record: it starts inside indent / IndentSize arrays whose bytes are dropped, and
            // so writes every line at its place (no pass over the bytes for line breaks, no small write per line).
            int depth = indent / options.IndentSize;
            using var nested = new NestedStream(utf8);
            using (var json = new Utf8JsonWriter(nested, WriterOptions(options) with { MaxDepth = (options.MaxDepth == 0 ? 64 : options.MaxDepth) + depth }))
            {
                for (int i = 0; i < depth; i++)
                {
                    json.WriteStartArray();
                }

                json.Flush();
                nested.Expect([.. Encoding.UTF8.GetBytes(options.NewLine), .. Enumerable.Repeat((byte)' ', indent)]);
                DocumentReportConverter.Write(json, value, options, FlushAt, new ParallelLists(nested, options));
            }

            return;
        }

        using var stream = new IndentingStream(utf8, indent);
        using (var json = new Utf8JsonWriter(stream, WriterOptions(options)))
        {
            DocumentReportConverter.Write(json, value, options, FlushAt);
        }
    }

    /// <summary>
    /// Bytes a record may hold in its writer before they are passed on. The writer's buffer doubles as it fills, so at
    /// 64 KB it reached 128 KB, an array on the large-object heap for every document of a corpus (a seed's record is ~80 KB),
    /// and the large-object allocations brought a full collection every ten or so documents; at 16 KB it stays near 32 KB.
    /// </summary>
    internal const int FlushAt = 16 * 1024;

    /// <summary>The writer settings <see cref="JsonSerializer"/> derives from <paramref name="options"/> for a stream.</summary>
    private static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder,
        Indented = options.WriteIndented,
        IndentCharacter = options.IndentCharacter,
        IndentSize = options.IndentSize,
        NewLine = options.NewLine,
        MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth,
    };

    /// <summary>
    /// Long lists of a record (100,000 sentences) written two chunks at a time, one on this thread and one on the thread
    /// pool, each by its own writer nested as deep as the list's items, and passed on in order: the same bytes as one
    /// writer's, in about half the time on two cores.
    /// </summary>
    internal sealed class ParallelLists(Stream output, JsonSerializerOptions options)
    {
        /// <summary>Items per chunk; a list of fewer than two chunks after its first item is written by the record's writer.</summary>
        public const int ChunkSize = 1024;

        /// <summary>
        /// Writes the items after the first of a list of <paramref name="count"/> that <paramref name="writer"/> has opened and
        /// written the first item of (and flushed to the output), each after a comma, as <paramref name="writer"/> would.
        /// <paramref name="prepare"/> is called in order on this thread for each chunk [from, to) and returns what writes it.
        /// </summary>
        public void WriteRest(Utf8JsonWriter writer, int count, Func<int, int, Action<Utf8JsonWriter>> prepare)
        {
            int depth = writer.CurrentDepth;
            var mine = new ArrayBufferWriter<byte>(ChunkSize << 10);
            var theirs = new ArrayBufferWriter<byte>(ChunkSize << 10);
            for (int from = 1; from < count; from += 2 * ChunkSize)
            {
                int middle = Math.Min(from + ChunkSize, count);
                int end = Math.Min(middle + ChunkSize, count);
                Action<Utf8JsonWriter> first = prepare(from, middle);
                Action<Utf8JsonWriter>? second = middle < end ? prepare(middle, end) : null;
                Task<int>? pending = second is null ? null : Task.Run(() => Chunk(second, depth, theirs));
                Pass(mine, Chunk(first, depth, mine));
                if (pending is not null)
                {
                    Pass(theirs, pending.GetAwaiter().GetResult());
                }
            }
        }

        private void Pass(ArrayBufferWriter<byte> chunk, int from)
        {
            output.Write(","u8);
            output.Write(chunk.WrittenSpan[from..]);
        }

        /// <summary>Writes a chunk into <paramref name="buffer"/> (emptied first) nested <paramref name="depth"/> deep; returns where its bytes start.</summary>
        private int Chunk(Action<Utf8JsonWriter> write, int depth, ArrayBufferWriter<byte> buffer)
        {
            buffer.ResetWrittenCount();
            using var json = new Utf8JsonWriter(buffer, WriterOptions(options) with { MaxDepth = (options.MaxDepth == 0 ? 64 : options.MaxDepth) + depth });
            for (int i = 0; i < depth; i++)
            {
                json.WriteStartArray();
            }

            json.Flush();
            int primed = buffer.WrittenCount;
            write(json);
            json.Flush();
            return primed;
        }
    }

    /// <summary>
    /// A write-only stream that drops what is written to it until <see cref="Expect"/> is called, then drops the given
    /// bytes (the line break and indentation a writer puts before a nested value, which the caller writes itself) and
    /// passes everything after them on.
    /// </summary>
    private sealed class NestedStream(Stream inner) : WriteOnlyStream
    {
        private byte[]? _expected;
        private int _matched;

        public void Expect(byte[] bytes) => (_expected, _matched) = (bytes, 0);

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_expected is null)
            {
                return;
            }

            int n = Math.Min(buffer.Length, _expected.Length - _matched);
            if (n > 0)
            {
                if (!buffer[..n].SequenceEqual(_expected.AsSpan(_matched, n)))
                {
                    throw new InvalidOperationException("The JSON writer did not start the nested record with a line break and its indentation.");
                }

                _matched += n;
                buffer = buffer[n..];
            }

            inner.Write(buffer);
        }

        public override void Flush()
        {
        }
    }

    /// <summary>A write-only stream that passes UTF-8 on to another stream, indenting after each line break (a '\n' byte is never part of a longer UTF-8 sequence).</summary>
    private sealed class IndentingStream(Stream inner, int indent) : WriteOnlyStream
    {
        private readonly byte[] _pad = [.. Enumerable.Repeat((byte)' ', indent)];

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_pad.Length == 0)
            {
                inner.Write(buffer);
                return;
            }

            for (int line; (line = buffer.IndexOf((byte)'\n')) >= 0; buffer = buffer[(line + 1)..])
            {
                inner.Write(buffer[..(line + 1)]);
                inner.Write(_pad);
            }

            inner.Write(buffer);
        }

        public override void Flush()
        {
        }
    }

    /// <summary>A write-only stream that decodes UTF-8 into a text writer, indenting after each line break.</summary>
    private sealed class Utf8TextWriterStream(TextWriter writer, int indent) : WriteOnlyStream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false, true).GetDecoder();
        private readonly string _pad = new(' ', indent);

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            char[] chars = ArrayPool<char>.Shared.Rent(Math.Max(16, buffer.Length + 4));
            try
            {
                int n = _decoder.GetChars(buffer, chars, flush: false);
                ReadOnlySpan<char> text = chars.AsSpan(0, n);
                if (_pad.Length == 0)
                {
                    writer.Write(text);
                    return;
                }

                for (int line; (line = text.IndexOf('\n')) >= 0; text = text[(line + 1)..])
                {
                    writer.Write(text[..(line + 1)]);
                    writer.Write(_pad);
                }

                writer.Write(text);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        public override void Flush()
        {
        }
    }
}

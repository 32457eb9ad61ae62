using System.Text.Json;
using TextLens.Core.Reporting.Formats;

namespace TextLens.Core.Reporting;

/// <summary>A partial result that cannot be read as TextLens output.</summary>
public sealed class PartialFormatException(string message) : Exception(message);

/// <summary>
/// Reads the document records of a TextLens result, one at a time, from either output that carries them whole:
/// a <c>json</c> report (the elements of its <c>documents</c> array) or JSON Lines (one document object per line).
/// The kind is told from the first property of the first value (<c>schemaVersion</c> or <c>path</c>). Only one
/// record is held at a time, with a read buffer that grows to the largest record, so memory does not grow with
/// the number of documents.
/// </summary>
public static class DocumentRecordReader
{
    private const int InitialBuffer = 64 * 1024;

    public static IEnumerable<DocumentReport> Read(Stream stream) =>
        Elements(stream).Select(Deserialize);

    /// <summary>How many document records the result holds: the records are found and skipped, not deserialised.</summary>
    public static int Count(Stream stream) => Elements(stream).Count();

    private static DocumentReport Deserialize(ReadOnlyMemory<byte> element)
    {
        DocumentReport? document;
        try
        {
            document = JsonSerializer.Deserialize<DocumentReport>(element.Span, JsonReportFormatter.Options);
        }
        catch (JsonException ex)
        {
            throw new PartialFormatException($"a document record is not valid: {ex.Message}");
        }

        if (document is null || string.IsNullOrEmpty(document.Path) || document.Diagnostics is null || document.Sentences is null)
        {
            throw new PartialFormatException("a document record lacks its path, sentences or diagnostics");
        }

        // A diagnostic without them (a hand-edited record) ended the merge in an internal error where the summary counts it.
        if (document.Diagnostics.Any(d => d is null || d.Id is null || d.Severity is null || d.Category is null || d.Title is null || d.Message is null))
        {
            throw new PartialFormatException($"a diagnostic of '{document.Path}' lacks its id, severity, category, title or message");
        }

        return document;
    }

    /// <summary>The bytes of each document record in turn; each is valid only until the next is read.</summary>
    private static IEnumerable<ReadOnlyMemory<byte>> Elements(Stream stream)
    {
        var buffer = new Buffer(stream);
        var state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 256 });

        // The first value: a report object (schemaVersion first) or the first document record of JSON Lines.
        buffer.SkipWhiteSpace();
        if (buffer.AtEnd)
        {
            yield break;
        }

        bool isReport = buffer.FirstPropertyIs("schemaVersion"u8);
        if (isReport)
        {
            state = buffer.AdvanceToDocumentsArray(state);
        }

        while (true)
        {
            (ReadOnlyMemory<byte> element, state, bool ended) = buffer.NextElement(state, insideArray: isReport);
            if (ended)
            {
                yield break;
            }

            yield return element;
        }
    }

    /// <summary>A growable window over the stream: bytes [Start, End) of Data are read and not yet consumed.</summary>
    private sealed class Buffer(Stream stream)
    {
        private byte[] _data = new byte[InitialBuffer];
        private int _start;
        private int _end;
        private bool _eof;

        public bool AtEnd => _start == _end && _eof;

        private ReadOnlySpan<byte> Pending => _data.AsSpan(_start, _end - _start);

        public void SkipWhiteSpace()
        {
            while (true)
            {
                while (_start < _end && _data[_start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                {
                    _start++;
                }

                if (_start < _end || !Fill())
                {
                    return;
                }
            }
        }

        /// <summary>Whether the first value is an object whose first property has this name.</summary>
        public bool FirstPropertyIs(ReadOnlySpan<byte> name)
        {
            while (true)
            {
                var reader = new Utf8JsonReader(Pending, isFinalBlock: false, default);
                try
                {
                    if (reader.Read() && reader.Read())
                    {
                        if (reader.TokenType == JsonTokenType.PropertyName)
                        {
                            return reader.ValueTextEquals(name);
                        }

                        throw new PartialFormatException("it is neither a TextLens json report nor TextLens JSON Lines (the first value is not an object with properties)");
                    }
                }
                catch (JsonException ex)
                {
                    throw new PartialFormatException($"it is not JSON: {ex.Message}");
                }

                if (!Fill())
                {
                    throw new PartialFormatException("it ends before its first value is complete");
                }
            }
        }

        /// <summary>Consumes the report up to and including the '[' of its top-level "documents" array, checking its schemaVersion on the way.</summary>
        public JsonReaderState AdvanceToDocumentsArray(JsonReaderState state)
        {
            while (true)
            {
                var reader = new Utf8JsonReader(Pending, isFinalBlock: false, state);
                long consumed = 0; // a checkpoint before the next top-level property: where to resume after reading more
                JsonReaderState checkpoint = state;
                try
                {
                    while (reader.Read())
                    {
                        if (reader.CurrentDepth == 0 && reader.TokenType == JsonTokenType.StartObject)
                        {
                            (consumed, checkpoint) = (reader.BytesConsumed, reader.CurrentState);
                            continue;
                        }

                        if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName)
                        {
                            throw new PartialFormatException("it has no \"documents\" array (is it a complete json report?)");
                        }

                        bool documents = reader.ValueTextEquals("documents"u8);
                        bool version = reader.ValueTextEquals("schemaVersion"u8);
                        if (!documents && !version)
                        {
                            if (!reader.TrySkip())
                            {
                                break;
                            }
                        }
                        else if (!reader.Read())
                        {
                            break;
                        }
                        else if (documents)
                        {
                            if (reader.TokenType != JsonTokenType.StartArray)
                            {
                                throw new PartialFormatException("its \"documents\" is not an array");
                            }

                            _start += (int)reader.BytesConsumed;
                            return reader.CurrentState;
                        }
                        else if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int v) || v != CorpusReport.CurrentSchemaVersion)
                        {
                            throw new PartialFormatException($"its schemaVersion is not {CorpusReport.CurrentSchemaVersion}: it was written by another TextLens version");
                        }

                        (consumed, checkpoint) = (reader.BytesConsumed, reader.CurrentState);
                    }
                }
                catch (JsonException ex)
                {
                    throw new PartialFormatException($"it is not valid JSON: {ex.Message}");
                }

                _start += (int)consumed;
                state = checkpoint;
                if (!Fill())
                {
                    throw new PartialFormatException("it has no \"documents\" array (is it a complete json report?)");
                }
            }
        }

        /// <summary>The bytes of the next complete element (an array element, or a top-level value), or ended at the array's end / the stream's end.</summary>
        public (ReadOnlyMemory<byte> Element, JsonReaderState State, bool Ended) NextElement(JsonReaderState state, bool insideArray)
        {
            while (true)
            {
                var reader = new Utf8JsonReader(Pending, isFinalBlock: false, state);
                try
                {
                    if (reader.Read())
                    {
                        if (insideArray && reader.TokenType == JsonTokenType.EndArray)
                        {
                            _start += (int)reader.BytesConsumed;
                            return (default, reader.CurrentState, true);
                        }

                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new PartialFormatException("a document record is not a JSON object");
                        }

                        int begin = (int)reader.TokenStartIndex;
                        if (reader.TrySkip())
                        {
                            var element = new ReadOnlyMemory<byte>(_data, _start + begin, (int)reader.BytesConsumed - begin);
                            _start += (int)reader.BytesConsumed;
                            return (element, reader.CurrentState, false);
                        }
                    }
                    else if (_eof && IsWhiteSpace(Pending[(int)reader.BytesConsumed..]))
                    {
                        if (insideArray)
                        {
                            throw new PartialFormatException("it ends inside its \"documents\" array (a truncated file?)");
                        }

                        return (default, reader.CurrentState, true);
                    }
                }
                catch (JsonException ex)
                {
                    throw new PartialFormatException($"it is not valid JSON: {ex.Message}");
                }

                // Incomplete: read more and parse the element again from its start.
                if (!Fill())
                {
                    throw new PartialFormatException("it ends inside a document record (a truncated file?)");
                }
            }
        }

        private static bool IsWhiteSpace(ReadOnlySpan<byte> bytes) => bytes.Trim(" \t\r\n"u8).IsEmpty;

        /// <summary>Reads more of the stream behind the pending bytes; false at the end of the stream.</summary>
        private bool Fill()
        {
            if (_eof)
            {
                return false;
            }

            if (_start > 0)
            {
                Pending.CopyTo(_data);
                _end -= _start;
                _start = 0;
            }

            if (_end == _data.Length)
            {
                Array.Resize(ref _data, _data.Length * 2);
            }

            int read = stream.Read(_data, _end, _data.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
            return true;
        }
    }
}

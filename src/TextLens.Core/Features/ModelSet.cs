using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using TextLens.Core.Language;
using TextLens.Core.Models;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Features;

/// <summary>
/// The run-time models of one models folder, as one object: the CLI opens it and passes it to the
/// engine and the analyzers through their constructors. Opening reads nothing; each model loads on
/// first use (thread-safely, once), so a run loads only what the analyzers that run need. A missing,
/// truncated or corrupt file is a <see cref="ModelLoadException"/> naming the file. The set knows the models of its
/// own layer and below; an analyzer's own models (the stance tagger's) are loaded by that analyzer's code through
/// <see cref="Shared{T}"/>, so this layer depends on no analyzer.
/// </summary>
public sealed class ModelSet : IPartOfSpeechSource
{
    private readonly Lazy<BackgroundFrequencies> _background;
    private readonly Lazy<PartOfSpeechTagger> _partOfSpeech;
    private readonly ConcurrentDictionary<string, Lazy<object>> _shared = new(StringComparer.Ordinal);

    public ModelSet(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        _background = Once(() => Load(BackgroundFrequencies.FileName, BackgroundFrequencies.ReadBinary));
        _partOfSpeech = Once(() => new PartOfSpeechTagger(Load(PartOfSpeechTagger.FileName, PartOfSpeechModel.Load)));
        Languages = new LanguageIdentifier(PathOf(LanguageIdentifier.FolderName));
    }

    /// <summary>The models folder found the usual way (<see cref="ModelStore.Locate()"/>).</summary>
    public static ModelSet OpenDefault() => new(ModelStore.Locate());

    /// <summary>The folder the models are read from.</summary>
    public string Directory { get; }

    /// <summary>Background document frequencies (keywords, themes).</summary>
    public BackgroundFrequencies Background => _background.Value;

    /// <summary>The part-of-speech tagger (keywords).</summary>
    public PartOfSpeechTagger PartOfSpeech => _partOfSpeech.Value;

    /// <summary>The language identifier (its trigram models load on first use: only for prose that does not read as English).</summary>
    public LanguageIdentifier Languages { get; }

    /// <summary>The full path of a model file in this set's folder.</summary>
    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>
    /// A model of a higher layer (an analyzer's), loaded by <paramref name="load"/> on first use, thread-safely and
    /// once per <paramref name="key"/>, and kept with this set; a failed load fails every later use the same way.
    /// </summary>
    public T Shared<T>(string key, Func<ModelSet, T> load)
        where T : class
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(load);
        Lazy<object> entry = _shared.GetOrAdd(key, _ => new Lazy<object>(() => load(this), LazyThreadSafetyMode.ExecutionAndPublication));
        return entry.Value as T ?? throw new InvalidOperationException($"The shared model '{key}' is a {entry.Value.GetType().Name}, not a {typeof(T).Name}.");
    }

    /// <summary>
    /// Reads one model file with <paramref name="read"/>, turning every way the file can be bad into a
    /// <see cref="ModelLoadException"/>. The file is mapped into memory (<see cref="MappedModelFile"/>), and a fixed-layout
    /// reader uses its bytes in place (<see cref="ModelBytes.ReadMemory"/>): the large tables are never copied into arrays. A
    /// gzip file is read into an array and checked whole first (its trailer's length against what it inflates to), because a
    /// truncated gzip file otherwise reads as a shorter, valid-looking one.
    /// </summary>
    public T Load<T>(string fileName, Func<Stream, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        string path = PathOf(fileName);
        if (NotAFile(path) is { } problem)
        {
            throw new ModelLoadException(fileName, path, problem);
        }

        ReadOnlyMemory<byte> bytes;
        try
        {
            bytes = MappedModelFile.Map(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ModelLoadException(fileName, path, "was not found", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException(fileName, path, $"could not be read: {ex.Message}", ex);
        }

        try
        {
            if (IsGzip(bytes.Span))
            {
                byte[] gzip = bytes.ToArray();
                VerifyGzip(gzip);
                using var compressed = new MemoryStream(gzip, 0, gzip.Length, writable: false, publiclyVisible: true);
                return read(compressed);
            }

            using var stream = new ModelMemoryStream(bytes);
            return read(stream);
        }
        catch (EndOfStreamException ex)
        {
            throw new ModelLoadException(fileName, path, "is truncated", ex);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or OverflowException
            or ArgumentException or IndexOutOfRangeException or OutOfMemoryException)
        {
            throw new ModelLoadException(fileName, path, $"is corrupt: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Why <paramref name="path"/> cannot be a model file before it is opened, or null: a FIFO would block the open (and the
    /// run) until something writes to it, a device such as /dev/zero never ends, a folder is not a file.
    /// </summary>
    internal static string? NotAFile(string path) => FileKinds.Of(path, followLinks: true) switch
    {
        FileKind.Missing => "was not found",
        FileKind.Directory => "is a folder, not a file",
        FileKind.Other => "is not a regular file (a FIFO, socket or device)",
        _ => null,
    };

    private static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    /// <summary>Inflates a single-member gzip file and checks that its length matches the trailer (ISIZE, RFC 1952).</summary>
    private static void VerifyGzip(byte[] bytes)
    {
        if (bytes.Length < 18)
        {
            throw new EndOfStreamException("The gzip file is shorter than its header and trailer.");
        }

        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
        using var gzip = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
        byte[] buffer = new byte[1 << 16];
        ulong total = 0;
        int n;
        while ((n = gzip.Read(buffer)) > 0)
        {
            total += (ulong)n;
        }

        if ((uint)total != expected)
        {
            throw new EndOfStreamException($"The gzip data inflates to {total} bytes, not the {expected} its trailer records.");
        }
    }

    private static Lazy<T> Once<T>(Func<T> load) => new(load, LazyThreadSafetyMode.ExecutionAndPublication);
}

using System.Buffers.Binary;
using System.IO.Compression;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Language;
using TextLens.Core.Models;
using TextLens.Core.Parsing;

namespace TextLens.Core.Features;

/// <summary>
/// The run-time models of one models folder, as one object: the CLI opens it and passes it to the
/// engine and the analyzers through their constructors. Opening reads nothing; each model loads on
/// first use (thread-safely, once), so a run loads only what the analyzers that run need. A missing,
/// truncated or corrupt file is a <see cref="ModelLoadException"/> naming the file.
/// </summary>
public sealed class ModelSet : IPartOfSpeechSource
{
    private readonly Lazy<BackgroundFrequencies> _background;
    private readonly Lazy<PartOfSpeechTagger> _partOfSpeech;
    private readonly Lazy<ValenceLexicon> _valence;
    private readonly Lazy<StanceTagger> _stance;

    public ModelSet(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        _background = Once(() => Load(BackgroundFrequencies.FileName, BackgroundFrequencies.ReadBinary));
        _partOfSpeech = Once(() => new PartOfSpeechTagger(Load(PartOfSpeechTagger.FileName, PartOfSpeechModel.Load)));
        _valence = Once(() => Load(ValenceLexicon.FileName, ValenceLexicon.Load));
        _stance = Once(LoadStanceTagger);
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

    /// <summary>The valence lexicon (stance).</summary>
    public ValenceLexicon Valence => _valence.Value;

    /// <summary>The stance tagger: the lexicon and the epistemic, polarity, subjectivity and rating models (stance).</summary>
    public StanceTagger Stance => _stance.Value;

    /// <summary>The language identifier (its trigram models load on first use: only for prose that does not read as English).</summary>
    public LanguageIdentifier Languages { get; }

    /// <summary>The full path of a model file in this set's folder.</summary>
    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>Reads one stance model of this folder (also for 'textlens train stance').</summary>
    public LinearStanceModel LoadStanceModel(string fileName) => Load(fileName, LinearStanceModel.Load);

    /// <summary>
    /// Reads one model file with <paramref name="read"/>, turning every way the file can be bad into a
    /// <see cref="ModelLoadException"/>. A gzip file is checked whole first (its trailer's length against
    /// what it inflates to), because a truncated gzip file otherwise reads as a shorter, valid-looking one.
    /// </summary>
    public T Load<T>(string fileName, Func<Stream, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        string path = PathOf(fileName);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
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
            if (IsGzip(bytes))
            {
                VerifyGzip(bytes);
            }

            using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
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

    private StanceTagger LoadStanceTagger()
    {
        // The seven files are independent: read them in parallel, and wait for all of them.
        string[] files =
        [
            StanceTagger.PolarityModelFile, StanceTagger.PolarityRatingModelFile, StanceTagger.PolarityOrdinalModelFile,
            StanceTagger.SubjectivityModelFile, StanceTagger.SubjectivityOtherModelFile, StanceTagger.SubjectivityGenreModelFile,
            StanceTagger.EpistemicModelFile,
        ];
        Task<LinearStanceModel>[] loads = [.. files.Select(f => Task.Run(() => LoadStanceModel(f)))];
        ValenceLexicon lexicon = Valence;
        try
        {
            LinearStanceModel[] m = [.. loads.Select(t => t.Result)];
            return StanceTagger.Shipped(lexicon, m[0], m[1], m[2], m[3], m[4], m[5], m[6]);
        }
        catch (AggregateException ex) when (ex.InnerException is ModelLoadException failed)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
            throw;
        }
        catch (ArgumentException ex)
        {
            throw new ModelLoadException(StanceTagger.SubjectivityModelFile, PathOf(StanceTagger.SubjectivityModelFile), $"does not fit its genre blend: {ex.Message}", ex);
        }
    }

    private static Lazy<T> Once<T>(Func<T> load) => new(load, LazyThreadSafetyMode.ExecutionAndPublication);
}

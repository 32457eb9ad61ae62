using Lingua;
using TextLens.Core.Features;
using TextLens.Core.Text;

namespace TextLens.Core.Language;

/// <summary>The language a detector found, with its confidence (0–1, relative to the other candidates).</summary>
public readonly record struct LanguageGuess(string Name, string IsoCode, double Confidence)
{
    public bool IsEnglish => IsoCode == "en";
}

/// <summary>
/// Names the language of a text with Lingua (SearchPioneer.Lingua, Apache-2.0) in its low-accuracy mode,
/// which reads only the character trigram models the tool ships (models/language/ISO/trigrams.json.br,
/// 4.6 MB for 75 languages). Nothing is read until the first call, and then only the models of the
/// languages whose alphabet the text can be in; calls are serialised (they are rare: only prose that does
/// not read as English reaches here).
/// </summary>
public sealed class LanguageIdentifier
{
    /// <summary>The folder name, under the models folder, of the language models.</summary>
    public const string FolderName = "language";

    private readonly Lazy<LanguageDetector> _detector;
    private readonly Lock _gate = new();

    /// <param name="directory">The folder with one sub-folder of trigram models per ISO 639-1 code.</param>
    public LanguageIdentifier(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        _detector = new Lazy<LanguageDetector>(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Directory { get; }

    /// <summary>The most likely language of <paramref name="text"/>; null when no language fits (no letters).</summary>
    public LanguageGuess? Identify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        LanguageDetector detector = _detector.Value;
        try
        {
            lock (_gate)
            {
                KeyValuePair<Lingua.Language, double>? best = null;
                foreach (KeyValuePair<Lingua.Language, double> candidate in detector.ComputeLanguageConfidenceValues(text))
                {
                    if (best is null || candidate.Value > best.Value.Value)
                    {
                        best = candidate;
                    }
                }

                if (best is not { Value: > 0 } found)
                {
                    return null;
                }

                return new LanguageGuess(NameOf(found.Key), found.Key.IsoCode6391().ToString().ToLowerInvariant(), found.Value);
            }
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw new ModelLoadException(FolderName, Directory, $"could not be read: {ex.Message}", ex);
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.All(IsUnreadable))
        {
            // Lingua loads the models of several languages at once and gathers their failures.
            throw new ModelLoadException(FolderName, Directory, $"could not be read: {ex.Flatten().InnerExceptions[0].Message}", ex);
        }
    }

    /// <summary>How a truncated or corrupt model file fails: Brotli's invalid data, JSON that does not parse, a failed read.</summary>
    private static bool IsUnreadable(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or System.Text.Json.JsonException;

    private LanguageDetector Build()
    {
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "en")))
        {
            throw new ModelLoadException(FolderName, Directory, "was not found");
        }

        // Lingua opens the files itself (models/language/ISO/*.json.br): one that is not a regular file (a FIFO would
        // block the run) is named first.
        try
        {
            foreach (string language in System.IO.Directory.EnumerateDirectories(Directory).Order(StringComparer.Ordinal))
            {
                foreach (string file in System.IO.Directory.EnumerateFileSystemEntries(language).Order(StringComparer.Ordinal))
                {
                    if (FileKinds.Of(file, followLinks: true) == FileKind.Other)
                    {
                        throw new ModelLoadException(Path.Join(FolderName, Path.GetRelativePath(Directory, file)), file, ModelSet.NotAFile(file)!);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException(FolderName, Directory, $"could not be read: {ex.Message}", ex);
        }

        return LanguageDetectorBuilder.FromAllLanguages()
            .WithLowAccuracyMode()
            .WithLanguageModelsDirectory(Directory)
            .Build();
    }

    /// <summary>Lingua's names, as people write them.</summary>
    private static string NameOf(Lingua.Language language) => language switch
    {
        Lingua.Language.Bokmal => "Norwegian Bokmål",
        Lingua.Language.Nynorsk => "Norwegian Nynorsk",
        Lingua.Language.Slovene => "Slovenian",
        _ => language.ToString(),
    };
}

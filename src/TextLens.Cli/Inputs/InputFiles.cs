using System.IO.Abstractions;
using TextLens.Cli.Output;
using TextLens.Core.Analysis;
using TextLens.Core.Loading;
using TextLens.Core.Text;

namespace TextLens.Cli.Inputs;

/// <summary>
/// The file system as input discovery, ignore files, .editorconfig and document loading see it: the CLI context's
/// <see cref="IFileSystem"/>. On the real disk every operation is the one the tool always used (kinds from the
/// operating system, so FIFOs, devices and sockets are never opened while scanning; bounded reads of any file named
/// on the command line). An in-memory file system (tests) has only folders and regular files.
/// </summary>
public sealed class InputFiles
{
    private static readonly EnumerationOptions Listing = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false, ReturnSpecialDirectories = false };

    private readonly bool _real;

    public InputFiles(IFileSystem fileSystem)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        FileSystem = fileSystem;
        _real = fileSystem is FileSystem;
    }

    /// <summary>The real disk.</summary>
    public static InputFiles Real { get; } = new(new FileSystem());

    public IFileSystem FileSystem { get; }

    public bool FileExists(string path) => FileSystem.File.Exists(path);

    public bool DirectoryExists(string path) => FileSystem.Directory.Exists(path);

    /// <summary>What is at <paramref name="path"/> (the link itself unless <paramref name="followLinks"/>).</summary>
    public FileKind KindOf(string path, bool followLinks = false) => FileSystemKinds.Of(FileSystem, path, followLinks);

    /// <summary>The entries of one folder (files, folders, links, special files), not recursive; throws as the file system does.</summary>
    /// <remarks>On the real disk hidden and system entries are listed too (the walk decides what to skip); an in-memory file system has no such attributes.</remarks>
    public string[] Entries(string directory) => _real
        ? FileSystem.Directory.GetFileSystemEntries(directory, "*", Listing)
        : FileSystem.Directory.GetFileSystemEntries(directory, "*", SearchOption.TopDirectoryOnly);

    /// <summary>The final target of a symbolic link to a folder, or null when <paramref name="path"/> is not a link.</summary>
    public string? LinkTarget(string path) => FileSystem.DirectoryInfo.New(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName;

    /// <summary>A small configuration file (.textlensignore, .editorconfig): its text, or what is wrong with it; neither when there is none.</summary>
    public ConfigurationRead ReadConfiguration(string path)
    {
        if (_real)
        {
            return ConfigurationFiles.Read(path);
        }

        if (FileSystem.Directory.Exists(path))
        {
            return ConfigurationRead.Unusable("a folder, not a file; not read");
        }

        if (!FileSystem.File.Exists(path))
        {
            return ConfigurationRead.None;
        }

        try
        {
            using Stream stream = FileSystem.File.OpenRead(path);
            return ConfigurationFiles.FromBytes(BoundedReader.Read(stream, ConfigurationFiles.MaxBytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return ConfigurationRead.Unusable($"cannot be read: {ex.Message}");
        }
    }

    /// <summary>Loads one named file within the size limit; every failure is a TL0001 diagnostic naming it.</summary>
    public LoadResult Load(string path, string displayPath, long maxBytes)
        => DocumentLoader.LoadFile(_real ? DiskDocumentFiles.Instance : new SeamDocumentFiles(FileSystem), path, displayPath, maxBytes);

    /// <summary>Documents read through the CLI's file system seam (an in-memory file system in tests).</summary>
    private sealed class SeamDocumentFiles(IFileSystem fileSystem) : IDocumentFiles
    {
        public bool IsDirectory(string path) => fileSystem.Directory.Exists(path);

        public bool IsFile(string path) => fileSystem.File.Exists(path);

        public BoundedBytes Read(string path, long maxBytes)
        {
            using Stream stream = fileSystem.File.OpenRead(path);
            return BoundedReader.Read(stream, maxBytes);
        }
    }
}

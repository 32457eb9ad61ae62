using TextLens.Core.Text;

namespace TextLens.Core.Loading;

/// <summary>
/// What <see cref="DocumentLoader"/> needs of a file system: whether a path is a folder or a file, and a bounded
/// read. The real disk is <see cref="DiskDocumentFiles"/>; the CLI passes its file system seam, so a document read
/// from an in-memory file system fails with the same diagnostics as one on disk.
/// </summary>
public interface IDocumentFiles
{
    bool IsDirectory(string path);

    bool IsFile(string path);

    /// <summary>At most <paramref name="maxBytes"/> plus one buffer of the file; throws as the file system does.</summary>
    BoundedBytes Read(string path, long maxBytes);
}

/// <summary>The real disk: a file of any kind (regular, device, pipe) read through <see cref="BoundedReader.ReadFile"/>.</summary>
public sealed class DiskDocumentFiles : IDocumentFiles
{
    private DiskDocumentFiles()
    {
    }

    public static DiskDocumentFiles Instance { get; } = new();

    public bool IsDirectory(string path) => Directory.Exists(path);

    public bool IsFile(string path) => File.Exists(path);

    public BoundedBytes Read(string path, long maxBytes) => BoundedReader.ReadFile(path, maxBytes);
}

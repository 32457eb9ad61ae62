using System.IO.Abstractions;
using TextLens.Core.Text;

namespace TextLens.Cli.Output;

/// <summary>
/// <see cref="FileKinds"/> through an <see cref="IFileSystem"/>. On the real disk it asks the operating system (a
/// device or a pipe is <see cref="FileKind.Other"/>); an in-memory file system has only files and folders.
/// </summary>
public static class FileSystemKinds
{
    public static FileKind Of(IFileSystem fileSystem, string path, bool followLinks = false)
    {
        ArgumentNullException.ThrowIfNull(fileSystem);
        if (fileSystem is FileSystem)
        {
            return FileKinds.Of(path, followLinks);
        }

        return fileSystem.Directory.Exists(path) ? FileKind.Directory
            : fileSystem.File.Exists(path) ? FileKind.Regular
            : FileKind.Missing;
    }

    /// <summary>
    /// Opens <paramref name="path"/> of <paramref name="fileSystem"/> for reading with <paramref name="open"/>, asking the same
    /// file system what the path is: a FIFO with no writer gets <see cref="SpecialFiles.WriterWait"/>, then an
    /// <see cref="IOException"/> saying so (<see cref="SpecialFiles"/>).
    /// </summary>
    public static Stream OpenRead(IFileSystem fileSystem, string path, Func<Stream> open) =>
        SpecialFiles.OpenRead(Of(fileSystem, path, followLinks: true), open);
}

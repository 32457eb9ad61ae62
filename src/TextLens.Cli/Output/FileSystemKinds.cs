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
}

using System.Runtime.InteropServices;

namespace TextLens.Core.Text;

/// <summary>What a path names, as <c>lstat</c>/<c>stat</c> see it.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,

    /// <summary>A FIFO, socket or device: never opened while scanning (a FIFO would block the run).</summary>
    Other,
}

/// <summary>
/// The kind of a file system entry. .NET reports FIFOs, sockets and devices as ordinary files, so on Unix
/// this asks the runtime's own native shim (<c>SystemNative_LStat</c>/<c>SystemNative_Stat</c> in
/// libSystem.Native, which every .NET on Unix ships; its status record starts with <c>int Flags; int Mode</c>
/// with portable S_IF* type bits). Elsewhere, or if the shim cannot be called, it falls back to the
/// managed view, where anything that is not a directory or link counts as regular.
/// </summary>
public static class FileKinds
{
    private const int TypeMask = 0xF000;
    private const int DirectoryType = 0x4000;
    private const int RegularType = 0x8000;
    private const int LinkType = 0xA000;

    private static bool s_nativeUnavailable = !OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD();

    /// <summary>The kind of the path itself (a symbolic link is <see cref="FileKind.SymbolicLink"/>), or what it points to with <paramref name="followLinks"/>.</summary>
    public static FileKind Of(string path, bool followLinks = false)
    {
        if (!s_nativeUnavailable)
        {
            try
            {
                byte[] status = new byte[512];
                int rc = followLinks ? Stat(path, status) : LStat(path, status);
                if (rc != 0)
                {
                    return FileKind.Missing;
                }

                return (BitConverter.ToInt32(status, 4) & TypeMask) switch
                {
                    RegularType => FileKind.Regular,
                    DirectoryType => FileKind.Directory,
                    LinkType => FileKind.SymbolicLink,
                    _ => FileKind.Other,
                };
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                s_nativeUnavailable = true;
            }
        }

        return Managed(path, followLinks);
    }

    private static FileKind Managed(string path, bool followLinks)
    {
        var info = new FileInfo(path);
        if (!followLinks && info.Exists && info.LinkTarget is not null)
        {
            return FileKind.SymbolicLink;
        }

        if (Directory.Exists(path))
        {
            return !followLinks && new DirectoryInfo(path).LinkTarget is not null ? FileKind.SymbolicLink : FileKind.Directory;
        }

        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}

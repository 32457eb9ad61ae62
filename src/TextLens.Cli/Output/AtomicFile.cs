using System.Text;

namespace TextLens.Cli.Output;

/// <summary>Writes a file all at once: to a temporary file in the same folder, then renamed over the target.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string content) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, Utf8NoBom, leaveOpen: true);
        writer.Write(content);
    });

    public static void WriteAllBytes(string path, byte[] content) => Write(path, stream => stream.Write(content));

    /// <summary>Starts writing <paramref name="path"/> as text (UTF-8, no BOM) through a temporary file; <see cref="Writer.Commit"/> renames it over the target.</summary>
    public static Writer Create(string path)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        string temp = TempPath(full, directory);
        return new Writer(full, temp, new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16));
    }

    private static string TempPath(string full, string directory) =>
        Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    private static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        string temp = TempPath(full, directory);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
            }

            throw;
        }
    }

    /// <summary>A file being written: text goes to a temporary file until <see cref="Commit"/>; disposed uncommitted, it leaves no trace.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly string _target;
        private readonly string _temp;
        private readonly FileStream _stream;
        private bool _done;

        internal Writer(string target, string temp, FileStream stream)
        {
            _target = target;
            _temp = temp;
            _stream = stream;
            Text = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        }

        public TextWriter Text { get; }

        public void Commit()
        {
            Text.Dispose();
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
            File.Move(_temp, _target, overwrite: true);
            _done = true;
        }

        public void Dispose()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            Text.Dispose();
            _stream.Dispose();
            try
            {
                File.Delete(_temp);
            }
            catch (IOException)
            {
            }
        }
    }
}

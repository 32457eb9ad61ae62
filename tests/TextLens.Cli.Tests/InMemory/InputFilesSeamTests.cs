using System.IO.Abstractions;
using System.IO.Abstractions.TestingHelpers;
using TextLens.Cli.Inputs;
using TextLens.Core.Analysis;

namespace TextLens.Cli.Tests.InMemory;

/// <summary>
/// A document read through the file system seam fails with the same rule and message as the same file on disk:
/// one loader decides (<c>DocumentLoader.LoadFile</c> over <c>IDocumentFiles</c>), not two copies of its messages.
/// </summary>
public sealed class InputFilesSeamTests : IDisposable
{
    private static readonly byte[] Binary = [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x00, 0x01, 0x02];

    private readonly string _root = Directory.CreateTempSubdirectory("textlens-seam-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void In_memory_and_disk_loads_give_the_same_diagnostics()
    {
        var memory = new MockFileSystem(new Dictionary<string, MockFileData>(), "/mem");
        string Put(IFileSystem fs, string root, string name, byte[] bytes)
        {
            string path = fs.Path.Combine(root, name);
            fs.Directory.CreateDirectory(fs.Path.GetDirectoryName(path)!);
            fs.File.WriteAllBytes(path, bytes);
            return path;
        }

        var disk = new FileSystem();
        foreach ((IFileSystem fs, string root) in new[] { ((IFileSystem)memory, "/mem"), (disk, _root) })
        {
            Put(fs, root, "ok.txt", "The committee met on Tuesday. It approved the bill."u8.ToArray());
            Put(fs, root, "binary.txt", Binary);
            Put(fs, root, "big.txt", new byte[5000]);
            fs.Directory.CreateDirectory(fs.Path.Combine(root, "folder"));
        }

        string[] names = ["ok.txt", "binary.txt", "big.txt", "folder", "missing.txt"];
        var fromMemory = new InputFiles(memory);
        var fromDisk = new InputFiles(disk);
        foreach (string name in names)
        {
            LoadResult m = fromMemory.Load(memory.Path.Combine("/mem", name), name, maxBytes: 4096);
            LoadResult d = fromDisk.Load(Path.Combine(_root, name), name, maxBytes: 4096);
            Assert.Equal(d.Failure?.Id, m.Failure?.Id);
            Assert.Equal(d.Failure?.Message, m.Failure?.Message);
            Assert.Equal(d.Text?.Content, m.Text?.Content);
        }

        Assert.Null(fromMemory.Load("/mem/ok.txt", "ok.txt", 4096).Failure);
        Assert.Equal(InputRules.Unreadable.Id, fromMemory.Load("/mem/folder", "folder", 4096).Failure?.Id);
        Assert.Contains("it is a directory", fromMemory.Load("/mem/folder", "folder", 4096).Failure!.Message, StringComparison.Ordinal);
        Assert.Contains("no such file", fromMemory.Load("/mem/missing.txt", "missing.txt", 4096).Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(InputRules.TooLarge.Id, fromMemory.Load("/mem/big.txt", "big.txt", 4096).Failure?.Id);
        Assert.Equal(InputRules.Binary.Id, fromMemory.Load("/mem/binary.txt", "binary.txt", 4096).Failure?.Id);
    }
}

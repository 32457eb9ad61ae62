using System.IO.Abstractions;
using TextLens.Cli.Output;

namespace TextLens.Cli.Tests;

/// <summary>
/// A report written through a symbolic link (on the real disk; links are what the in-memory file system lacks): the link
/// stays and the file it leads to gets the report, whether that file exists yet or not; a loop of links is an error naming
/// the path, and nothing is written.
/// </summary>
public sealed class AtomicFileLinkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("textlens-links-").FullName;
    private readonly FileSystem _disk = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string In(string name) => Path.Combine(_dir, name);

    [Fact]
    public void A_link_to_a_file_not_yet_written_leads_to_that_file_and_stays_a_link()
    {
        Directory.CreateDirectory(In("out"));
        File.CreateSymbolicLink(In("report.md"), Path.Combine("out", "report.md"));

        AtomicFile.WriteAllText(_disk, In("report.md"), "first");

        Assert.Equal(Path.Combine("out", "report.md"), new FileInfo(In("report.md")).LinkTarget);
        Assert.Equal("first", File.ReadAllText(In(Path.Combine("out", "report.md"))));

        // Written again, now that the file exists, through a second link in a chain.
        File.CreateSymbolicLink(In("latest.md"), "report.md");
        using (AtomicFile.Writer writer = AtomicFile.Create(_disk, In("latest.md")))
        {
            writer.Text.Write("second");
            writer.Commit();
        }

        Assert.NotNull(new FileInfo(In("latest.md")).LinkTarget);
        Assert.NotNull(new FileInfo(In("report.md")).LinkTarget);
        Assert.Equal("second", File.ReadAllText(In(Path.Combine("out", "report.md"))));
        Assert.Equal(["report.md"], Directory.GetFiles(In("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_dangling_link_into_a_missing_folder_creates_the_folder_as_any_output_path_does()
    {
        File.CreateSymbolicLink(In("r.json"), In(Path.Combine("new", "r.json")));

        AtomicFile.WriteAllText(_disk, In("r.json"), "{}");

        Assert.NotNull(new FileInfo(In("r.json")).LinkTarget);
        Assert.Equal("{}", File.ReadAllText(In(Path.Combine("new", "r.json"))));
    }

    [Fact]
    public void A_loop_of_links_is_an_error_naming_the_path_and_nothing_is_written()
    {
        File.CreateSymbolicLink(In("loop1"), "loop2");
        File.CreateSymbolicLink(In("loop2"), "loop1");

        IOException error = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(_disk, In("loop1"), "lost"));
        Assert.Equal($"'{In("loop1")}' is a symbolic link that loops", error.Message);
        Assert.Throws<IOException>(() => AtomicFile.Create(_disk, In("loop2")));

        Assert.NotNull(new FileInfo(In("loop1")).LinkTarget);
        Assert.NotNull(new FileInfo(In("loop2")).LinkTarget);
        Assert.Equal(["loop1", "loop2"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}

using System.IO.Abstractions.TestingHelpers;
using System.Text;
using System.Text.Json;

namespace TextLens.Cli.Tests.InMemory;

/// <summary>
/// An .editorconfig or .textlensignore that is there but cannot be read as written is named in a TL0010 diagnostic;
/// it was passed over in silence, so one Latin-1 byte in a comment dropped every severity of the file and a CI gate
/// on them passed.
/// </summary>
public sealed class ConfigurationFileTests
{
    private const string Hedged = "Interest rates reportedly rose. The bank said nothing.";

    private const string Raise = "root = true\n[*.txt]\ntextlens_diagnostic.TL3003.severity = error\n";

    [Fact]
    public void An_editorconfig_that_is_not_utf8_still_applies_and_is_named()
    {
        var cli = new InMemoryCli();
        cli.Add("docs/rates.txt", Hedged);
        byte[] latin1 = [.. Encoding.Latin1.GetBytes("# Café settings\n"), .. Encoding.ASCII.GetBytes(Raise)];
        cli.Files.AddFile("/work/docs/.editorconfig", new MockFileData(latin1));

        InMemoryCli.Result result = cli.Run("report", "docs", "-f", "json", "-q");

        Assert.Equal(2, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("error", Diagnostic(json, "docs/rates.txt", "TL3003").GetProperty("severity").GetString());
        Assert.Equal(
            "'docs/.editorconfig': not valid UTF-8 (the first bad byte is at byte offset 5); read with each invalid byte as U+FFFD",
            Diagnostic(json, "docs/.editorconfig", "TL0010").GetProperty("message").GetString());
    }

    [Fact]
    public void An_editorconfig_over_the_limit_is_named_and_not_applied()
    {
        var cli = new InMemoryCli();
        cli.Add("docs/rates.txt", Hedged);
        cli.Add("docs/.editorconfig", Raise + string.Concat(Enumerable.Repeat("# a long comment line to pad the file\n", 30_000)));

        InMemoryCli.Result result = cli.Run("report", "docs", "-f", "json", "-q");

        Assert.Equal(2, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("suggestion", Diagnostic(json, "docs/rates.txt", "TL3003").GetProperty("severity").GetString());
        Assert.Equal(
            "'docs/.editorconfig': larger than 1,048,576 bytes, too large for a configuration file; not read",
            Diagnostic(json, "docs/.editorconfig", "TL0010").GetProperty("message").GetString());
    }

    [Fact]
    public void A_binary_ignore_file_is_named_and_the_other_documents_are_reported()
    {
        var cli = new InMemoryCli();
        cli.Add("docs/rates.txt", Hedged);
        cli.Add("docs/draft.txt", "A draft the ignore file meant to skip.");
        cli.Files.AddFile("/work/docs/.textlensignore", new MockFileData([.. Encoding.ASCII.GetBytes("draft.txt\n"), 0, 1, 2]));

        InMemoryCli.Result result = cli.Run("report", "docs", "-f", "json", "-q");

        Assert.Equal(2, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        string[] paths = [.. json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("path").GetString()!)];
        Assert.Equal(["docs/draft.txt", "docs/rates.txt", "docs/.textlensignore"], paths);
        Assert.Equal(
            "'docs/.textlensignore': looks like a binary file (a NUL or control byte at byte 10); not read",
            Diagnostic(json, "docs/.textlensignore", "TL0010").GetProperty("message").GetString());
    }

    [Fact]
    public void A_folder_named_editorconfig_is_named()
    {
        var cli = new InMemoryCli();
        cli.Add("docs/rates.txt", Hedged);
        cli.Add("docs/.editorconfig/readme", "not a configuration");

        InMemoryCli.Result result = cli.Run("report", "docs/rates.txt", "-f", "json", "-q");

        Assert.Equal(2, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(
            "'docs/.editorconfig': a folder, not a file; not read",
            Diagnostic(json, "docs/.editorconfig", "TL0010").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_fifo_named_editorconfig_on_disk_is_named_and_never_opened()
    {
        using var dir = new TempDir();
        dir.File("rates.txt", Hedged);
        string fifo = Path.Combine(dir.Path, ".editorconfig");
        using (var mkfifo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
            Assert.True(mkfifo.ExitCode == 0, "this test needs mkfifo (Unix)");
        }

        Tool.Result result = await Task.Run(() => Tool.Run(Tool.Request(dir.Path, "rates.txt"))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(
            "'.editorconfig': not a regular file (a FIFO, socket or device); not read",
            Diagnostic(json, ".editorconfig", "TL0010").GetProperty("message").GetString());
    }

    /// <summary>
    /// "textlens_diagnostic.severity = none" (a severity for every rule, one might think) ended the run in an internal
    /// error, exit code 3, after the report was written; the Roslyn spelling of a TextLens key applied to nothing in
    /// silence. Both are entries that never apply: TL0010 and exit code 2, the documents still reported.
    /// </summary>
    [Fact]
    public void Keys_that_never_apply_are_named_not_an_internal_error()
    {
        var cli = new InMemoryCli();
        cli.Add("docs/rates.txt", Hedged);
        cli.Add("docs/.editorconfig", "root = true\n[*.txt]\ntextlens_diagnostic.severity = none\ndotnet_diagnostic.TL3003.severity = none\n");

        InMemoryCli.Result result = cli.Run("report", "docs", "-f", "json", "-q");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("suggestion", Diagnostic(json, "docs/rates.txt", "TL3003").GetProperty("severity").GetString());
        Assert.Equal(
            [
                "'docs/.editorconfig': line 3, [*.txt] textlens_diagnostic.severity: not a TextLens setting (use textlens_diagnostic.<rule id or category-Name>.severity)",
                "'docs/.editorconfig': line 4, [*.txt] dotnet_diagnostic.tl3003.severity: TextLens does not read dotnet_diagnostic keys (the .NET compilers do); write textlens_diagnostic.tl3003.severity",
            ],
            Messages(json, "docs/.editorconfig"));
    }

    /// <summary>
    /// A severity written without '=' (the Roslyn spelling with a space), and the compilers' prefix on an id of TextLens's
    /// form that no rule has, configured nothing and nobody was told. They are TL0010 with the file and the line, exit
    /// code 2; the entry on the line between them still applies, and the document is still reported.
    /// </summary>
    [Fact]
    public void A_line_without_equals_and_an_unknown_id_under_dotnet_diagnostic_are_named_with_their_line()
    {
        var cli = new InMemoryCli();
        cli.Add("docs/rates.txt", Hedged);
        cli.Add("docs/.editorconfig", "root = true\n[*.txt]\ndotnet_diagnostic.TL3003.severity none\ntextlens_diagnostic.TL3003.severity = error\ndotnet_diagnostic.TL9999.severity = warning\n");

        InMemoryCli.Result result = cli.Run("report", "docs", "-f", "json", "-q");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("error", Diagnostic(json, "docs/rates.txt", "TL3003").GetProperty("severity").GetString());
        Assert.Equal(
            [
                "'docs/.editorconfig': line 3, [*.txt] 'dotnet_diagnostic.TL3003.severity none': not key = value (no '=' after the key), so it configures nothing; write textlens_diagnostic.tl3003.severity = none",
                "'docs/.editorconfig': line 5, [*.txt] dotnet_diagnostic.tl9999.severity: TextLens does not read dotnet_diagnostic keys (the .NET compilers do), and no TextLens rule is TL9999 ('textlens rules' lists them)",
            ],
            Messages(json, "docs/.editorconfig"));
    }

    /// <summary>The messages of the diagnostics reported under <paramref name="path"/>, in report order.</summary>
    private static IEnumerable<string?> Messages(JsonDocument json, string path) =>
        json.RootElement.GetProperty("documents").EnumerateArray().Where(d => d.GetProperty("path").GetString() == path)
            .SelectMany(d => d.GetProperty("diagnostics").EnumerateArray()).Select(d => d.GetProperty("message").GetString());

    private static JsonElement Diagnostic(JsonDocument json, string path, string rule) =>
        Assert.Single(
            json.RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("path").GetString() == path).GetProperty("diagnostics").EnumerateArray(),
            d => d.GetProperty("id").GetString() == rule);
}

namespace TextLens.Cli.Tests.InMemory;

/// <summary>
/// Document text quoted in the Markdown report is shown as written. Before, the stance lists, theme table and overview
/// escaped only HTML, pipes and backticks, so a plain-text document's "[the memo](https://…)" became a live link and
/// "*extra*" emphasis in a job summary.
/// </summary>
public class MarkdownDocumentTextTests
{
    private const string Document =
        "The agency paid the contractor for the bridge. The contractor reportedly used [the memo](https://example.com/x) to justify *extra* payments.\n\n" +
        "Congress should require the agency to publish the memo.\n";

    [Fact]
    public void Links_and_emphasis_in_a_documents_text_are_escaped_not_rendered()
    {
        var cli = new InMemoryCli { StandardInput = Document };
        InMemoryCli.Result result = cli.Run("report", "-", "-f", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(@"The contractor reportedly used \[the memo\](https://example.com/x) to justify \*extra\* payments.", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[the memo](", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" *extra* ", result.Stdout, StringComparison.Ordinal);
    }
}

using TextLens.Core.Analyzers;
using TextLens.Core.Reporting;

namespace TextLens.Core.Tests.Reporting;

public class RuleCatalogDocumentTests
{
    [Fact]
    public void Docs_rules_md_is_the_generated_catalogue()
    {
        string expected = RuleCatalogDocument.ToMarkdown(BuiltInAnalyzers.CreateEngine(TestModels.Set).Rules);
        string actual = File.ReadAllText(TestPaths.Repo("docs", "rules.md")).ReplaceLineEndings("\n");
        Assert.True(expected == actual, "docs/rules.md is stale: regenerate it with 'textlens rules --format markdown > docs/rules.md'.");
    }
}

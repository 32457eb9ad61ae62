
namespace TextLens.Core.Tests;

/// <summary>Paths inside the repository (see <see cref="RepositoryPaths"/>); shared data goes through <see cref="SharedData"/>.</summary>
internal static class TestPaths
{
    public static string RepoRoot => RepositoryPaths.Root;

    public static string Seeds => RepositoryPaths.Seeds;

    public static string SeedArticle => RepositoryPaths.SeedArticle;

    public static string Repo(params string[] parts) => RepositoryPaths.Combine(parts);

    /// <summary>The repository's own Markdown and the seeds, in ordinal order: the seeds, docs/*.md, models/*.md and README.md.</summary>
    public static IReadOnlyList<string> OwnMarkdownAndSeeds()
    {
        string[] files =
        [
            .. Directory.EnumerateFiles(Repo("seeds")),
            .. Directory.EnumerateFiles(Repo("docs"), "*.md"),
            .. Directory.EnumerateFiles(Repo("models"), "*.md"),
            Repo("README.md"),
        ];
        return [.. files.Order(StringComparer.Ordinal)];
    }
}

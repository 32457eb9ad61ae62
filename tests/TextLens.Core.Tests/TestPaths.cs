
namespace TextLens.Core.Tests;

/// <summary>Paths inside the repository (see <see cref="RepositoryPaths"/>); shared data goes through <see cref="SharedData"/>.</summary>
internal static class TestPaths
{
    public static string RepoRoot => RepositoryPaths.Root;

    public static string Seeds => RepositoryPaths.Seeds;

    public static string SeedArticle => RepositoryPaths.SeedArticle;

    public static string Repo(params string[] parts) => RepositoryPaths.Combine(parts);
}

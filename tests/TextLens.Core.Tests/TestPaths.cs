namespace TextLens.Core.Tests;

/// <summary>Locates the repository (the folder with TextLens.sln) and the shared material beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    public static string SeedArticle => Path.Combine(Seeds, "chongryon-japan-north-korea-relations.txt");

    public static string Repo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TextLens.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace TextLens.Testing;

/// <summary>The repository the tests run from: the folder holding TextLens.sln, found above the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string SeedArticle => Path.Combine(Seeds, "chongryon-japan-north-korea-relations.txt");

    /// <summary>A path inside the repository.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
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

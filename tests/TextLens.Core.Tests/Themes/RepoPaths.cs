namespace TextLens.Core.Tests.Themes;

/// <summary>Finds the repository root (the folder holding TextLens.sln) and ../shared next to it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string SeedArticle => Directory.GetFiles(Path.Combine(Root, "seeds"), "*.txt").Order(StringComparer.Ordinal).First();

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TextLens.sln was not found above " + AppContext.BaseDirectory);
    }
}

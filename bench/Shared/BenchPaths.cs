/// <summary>Where the benchmarks find the repository and the shared evaluation data beside it (../shared).</summary>
internal static class BenchPaths
{
    /// <summary>The folder holding TextLens.sln, found by walking up from the benchmark's assembly.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>A path under ../shared/data, e.g. <c>SharedData("keyphrase", "duc2001.dev.jsonl")</c>.</summary>
    public static string SharedData(params string[] parts) =>
        Path.GetFullPath(Path.Combine([RepositoryRoot, "..", "shared", "data", .. parts]));

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TextLens.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("TextLens.sln not found above " + AppContext.BaseDirectory);
    }
}

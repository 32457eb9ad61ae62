using TextLens.Testing;

/// <summary>Where the benchmarks find the shared evaluation data beside the repository (../shared).</summary>
internal static class BenchPaths
{
    /// <summary>The folder holding TextLens.sln (the one finder, tests/Common/RepositoryPaths.cs).</summary>
    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>A path under ../shared/data, e.g. <c>SharedData("keyphrase", "duc2001.dev.jsonl")</c>.</summary>
    public static string SharedData(params string[] parts) =>
        Path.GetFullPath(Path.Combine([RepositoryRoot, "..", "shared", "data", .. parts]));
}

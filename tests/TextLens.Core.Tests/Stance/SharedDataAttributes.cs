namespace TextLens.Core.Tests.Stance;

/// <summary>A fact that needs ../shared (data sets, scorers): reported as skipped, with the reason, when it is missing.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        Skip = SharedData.SkipReason;
    }
}

/// <summary>A theory that needs ../shared: reported as skipped, with the reason, when it is missing.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        Skip = SharedData.SkipReason;
    }
}

internal static class SharedData
{
    /// <summary>Null when ../shared/data/stance is present; else why the test is skipped.</summary>
    public static string? SkipReason { get; } = Directory.Exists(Path.Combine(TestPaths.Shared, "data", "stance"))
        ? null
        : $"needs the shared data sets at {TestPaths.Shared} (not present)";
}

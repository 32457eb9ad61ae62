using TextLens.Core.Features;

namespace TextLens.Core.Tests;

/// <summary>The repository's models folder as one set, shared by the tests (each model loads once, when a test first needs it).</summary>
internal static class TestModels
{
    public static ModelSet Set { get; } = new(TestPaths.Repo("models"));

    /// <summary>One featurizer for the tests that featurise documents themselves.</summary>
    public static TextFeaturizer Featurizer { get; } = new();
}

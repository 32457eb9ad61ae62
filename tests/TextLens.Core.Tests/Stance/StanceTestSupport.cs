using System.Runtime.InteropServices;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>Helpers shared by the stance tests: tagging a sentence, and locating the repository and ../shared.</summary>
internal static class StanceTestSupport
{
    public static SentenceStance Tag(string sentence)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        return StanceTagger.Default.Tag(0, sentence, CollectionsMarshal.AsSpan(tokens));
    }

    /// <summary>The folder holding TextLens.sln, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
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

    /// <summary>../shared next to the repository (read-only DEV data and reference scorers).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
}

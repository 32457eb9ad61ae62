using System.Runtime.InteropServices;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.Stance;

/// <summary>Helpers shared by the stance tests.</summary>
internal static class StanceTestSupport
{
    public static SentenceStance Tag(string sentence)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(sentence, new TextSpan(0, sentence.Length), tokens);
        return TestModels.Set.Stance.Tag(0, sentence, CollectionsMarshal.AsSpan(tokens));
    }

    /// <summary>The polarity context features of <paramref name="text"/> (<see cref="PolarityContext"/>) for a classifier reading <paramref name="inputs"/>.</summary>
    public static IReadOnlyList<(string Name, float Value)> PolarityFeatures(string text, PolarityInputs inputs, StanceContext? context = null)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        return PolarityContext.Of(context ?? StanceContext.None, TestModels.Set.Valence, CollectionsMarshal.AsSpan(tokens), inputs);
    }

    /// <summary>As <see cref="PolarityFeatures"/>, only the features whose names start with <paramref name="prefix"/> ("gn:", "src:", "fr:"), by name.</summary>
    public static Dictionary<string, float> PolarityFeatures(string text, PolarityInputs inputs, string prefix) =>
        PolarityFeatures(text, inputs).Where(f => f.Name.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(f => f.Name, f => f.Value);
}

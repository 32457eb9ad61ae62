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
}

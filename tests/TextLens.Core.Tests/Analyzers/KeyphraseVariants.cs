using TextLens.Core.Analyzers.Keywords;

namespace TextLens.Core.Tests.Analyzers;

/// <summary>
/// Test helper: whether a written occurrence is a variant of a keyword's display text, as the
/// keyword analyzer merges them (same Porter stems word by word, or a demonym modifying a later word and its place:
/// 'Chosen school' / 'Chosen schools', 'North Korean embassy' / 'North Korea embassy').
/// </summary>
internal static class KeyphraseVariants
{
    public static string Stems(string phrase) =>
        string.Join(' ', Words(phrase).Select(PhraseStemmer.Stem));

    public static bool Same(string a, string b)
    {
        string[] x = [.. Words(a).Select(PhraseStemmer.Stem)];
        string[] y = [.. Words(b).Select(PhraseStemmer.Stem)];
        return x.Length == y.Length
            && x[^1] == y[^1]
            && x.Zip(y).All(p => p.First == p.Second || PhraseStemmer.IsDemonymPair(p.First, p.Second));
    }

    private static string[] Words(string phrase) =>
        phrase.ToLowerInvariant().Replace('’', '\'').Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
}

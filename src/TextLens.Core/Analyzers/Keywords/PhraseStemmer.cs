using Lucene.Net.Tartarus.Snowball.Ext;
using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Keywords;

/// <summary>
/// Porter stems (Lucene.Net's Snowball Porter stemmer) of lower-case words, used to match and
/// merge keyphrases: 'chosen schools' and 'chosen school' share the key 'chosen school'. Stems are
/// cached process-wide and bounded (<see cref="SnowballStems{TStemmer}"/>).
/// </summary>
public static class PhraseStemmer
{
    public static string Stem(string lowerWord)
    {
        string stem = SnowballStems<PorterStemmer>.Of(lowerWord);
        return stem.Length == 0 ? lowerWord : stem;
    }

    /// <summary>
    /// True when two stems name the same thing as a place and its people or adjective
    /// (korea / korean, america / american, europ / european): the longer is the shorter plus
    /// 'n', 'an' or 'ean', and the shorter has at least four letters.
    /// </summary>
    public static bool IsDemonymPair(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length < 4 || !b.StartsWith(a, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> rest = b.AsSpan(a.Length);
        return rest is "n" or "an" or "ean";
    }
}

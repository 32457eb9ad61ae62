using System.Collections.Frozen;

namespace TextLens.Core.Language;

/// <summary>
/// What a cheap pass over a document's prose says about its language: how many letters it has, how many of
/// them are Latin, and how often its lower-case Latin words are English function words. English prose is about
/// a third function words; the words counted here are chosen to be rare in other languages written in Latin
/// script (no "a", "in", "is", "was", "to", "at", "by", "all", "over", "also", "will", "my", "he", "her"), so
/// French, German or Spanish prose scores near zero. Capitalised words (names, titles) and web or e-mail
/// addresses (<see cref="IsAddress"/>) are not counted: a list of names or links says nothing about the
/// language of the prose around it.
/// </summary>
/// <param name="Letters">Letters in the prose, outside addresses.</param>
/// <param name="LatinLetters">Of those, letters of the Latin script.</param>
/// <param name="LatinWords">Runs of Latin letters that start in lower case (an apostrophe inside a word joins it).</param>
/// <param name="FunctionWords">Of those, English function words.</param>
/// <param name="Ideographs">Letters of scripts that write a word in one or two characters (Han, kana, Hangul).</param>
public readonly record struct EnglishEvidence(int Letters, int LatinLetters, int LatinWords, int FunctionWords, int Ideographs)
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.Ordinal,
        "the", "of", "and", "that", "with", "for", "this", "are", "from", "have", "has", "had", "it", "its", "which",
        "not", "be", "been", "being", "were", "their", "they", "them", "she", "his", "would", "there", "than", "these",
        "those", "who", "what", "when", "where", "whether", "can", "could", "should", "into", "about", "after",
        "other", "such", "some", "any", "our", "your", "you", "if", "how", "between", "because", "only", "most",
        "may", "must", "each", "both", "through", "while", "does", "did", "within", "without", "upon", "but");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What separates the chunks a text is read in (searched with a precomputed set: a string of seven separators, one outside ASCII, was searched with a map rebuilt for every chunk).</summary>
    internal static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(" \t\r\n\f\v\u00A0");

    /// <summary>The amount of text, in alphabetic letters: an ideograph counts as three (about a short word).</summary>
    public int LetterEquivalents => Letters + (2 * Ideographs);

    /// <summary>The share of letters that are Latin (1 when there are none).</summary>
    public double LatinShare => Letters == 0 ? 1 : (double)LatinLetters / Letters;

    /// <summary>The share of lower-case Latin words that are English function words (0 when there are none).</summary>
    public double FunctionWordShare => LatinWords == 0 ? 0 : (double)FunctionWords / LatinWords;

    /// <summary>One linear pass over <paramref name="text"/>; allocates nothing.</summary>
    public static EnglishEvidence Measure(ReadOnlySpan<char> text)
    {
        int letters = 0, latinLetters = 0, latinWords = 0, functionWords = 0, ideographs = 0;
        foreach (Range chunkRange in text.SplitAny(Separators))
        {
            ReadOnlySpan<char> chunk = text[chunkRange];
            if (chunk.IsEmpty || IsAddress(chunk))
            {
                continue;
            }

            int i = 0;
            while (i < chunk.Length)
            {
                if (!char.IsLetter(chunk[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                bool latin = true;
                while (i < chunk.Length && (char.IsLetter(chunk[i]) || (chunk[i] is '\'' or '\u2019' && i + 1 < chunk.Length && char.IsLetter(chunk[i + 1]))))
                {
                    char c = chunk[i++];
                    if (!char.IsLetter(c))
                    {
                        continue;
                    }

                    letters++;
                    if (IsLatin(c))
                    {
                        latinLetters++;
                    }
                    else
                    {
                        latin = false;
                        ideographs += IsIdeograph(c) ? 1 : 0;
                    }
                }

                if (latin && char.IsLower(chunk[start]))
                {
                    latinWords++;
                    functionWords += Lookup.Contains(chunk[start..i]) ? 1 : 0;
                }
            }
        }

        return new EnglishEvidence(letters, latinLetters, latinWords, functionWords, ideographs);
    }

    /// <summary>A web or e-mail address (<c>http://…</c>, <c>www.…</c>, <c>name@host</c>): not prose in any language.</summary>
    public static bool IsAddress(ReadOnlySpan<char> chunk) =>
        chunk.Contains("://", StringComparison.Ordinal) || chunk.Contains(":/", StringComparison.Ordinal)
        || chunk.TrimStart("(<[\"'").StartsWith("www.", StringComparison.OrdinalIgnoreCase) || chunk.Contains('@');

    /// <summary>Basic Latin, Latin-1, Latin Extended-A/B, IPA and Latin Extended Additional letters.</summary>
    public static bool IsLatin(char c) => c < '\u0250' || c is >= '\u1E00' and <= '\u1EFF';

    /// <summary>Hiragana, katakana, CJK ideographs (with extension A and compatibility) and Hangul syllables.</summary>
    public static bool IsIdeograph(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF';
}

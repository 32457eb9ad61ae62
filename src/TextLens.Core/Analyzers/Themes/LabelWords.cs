using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Themes;

/// <summary>
/// How a document uses each word in the sentences that may name a theme, from the part-of-speech tags: as a noun,
/// as an adjective, and as one word of a longer capitalised name. A theme label term should be a content noun phrase:
/// its last word used mostly as a noun, its other words as nouns or adjectives, and a one-word term not mostly a
/// fragment of a name. R48447: "introduced" (a verb) and "representative" ("Representative Donald Beyer", "House of
/// Representatives") are not; "ui programs", "overpayments", "Chongryon" are.
/// </summary>
public sealed class LabelWords
{
    private readonly Dictionary<string, Usage> _usage;

    private LabelWords(Dictionary<string, Usage> usage) => _usage = usage;

    private sealed class Usage
    {
        public int Total;
        public int Noun;
        public int Adjective;
        public int InName;
    }

    /// <summary>Counts the words of the sentences <paramref name="isSource"/> accepts (tags are computed if they were not).</summary>
    public static LabelWords Of(ParsedDocument document, Func<int, bool> isSource)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(isSource);
        IReadOnlyList<Token> tokens = document.Tokens;
        IReadOnlyList<PartOfSpeech> tags = document.Tags;
        var usage = new Dictionary<string, Usage>(StringComparer.Ordinal);
        foreach (Sentence sentence in document.Sentences)
        {
            if (!isSource(sentence.Index))
            {
                continue;
            }

            int end = sentence.FirstToken + sentence.TokenCount;
            for (int t = sentence.FirstToken; t < end; t++)
            {
                Token token = tokens[t];
                if (token.Kind != TokenKind.Word)
                {
                    continue;
                }

                if (!usage.TryGetValue(token.Lower, out Usage? u))
                {
                    usage[token.Lower] = u = new Usage();
                }

                u.Total++;
                u.Noun += tags[t] is PartOfSpeech.Noun or PartOfSpeech.Propn ? 1 : 0;
                u.Adjective += tags[t] == PartOfSpeech.Adj ? 1 : 0;
                u.InName += InName(tokens, sentence.FirstToken, end, t) ? 1 : 0;
            }
        }

        return new LabelWords(usage);
    }

    /// <summary>
    /// Whether a term (lower-case words, as the themes display it) is a content noun phrase: every word used mostly as a
    /// noun or adjective, the last mostly as a noun, and a one-word term used mostly outside a longer name. A term whose
    /// words the counted sentences do not hold is not judged (true).
    /// </summary>
    public bool IsNounPhrase(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        string[] words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            if (!_usage.TryGetValue(words[i], out Usage? u))
            {
                return true;
            }

            bool last = i == words.Length - 1;
            int fitting = last ? u.Noun : u.Noun + u.Adjective;
            if (2 * fitting <= u.Total || (words.Length == 1 && 2 * u.InName > u.Total))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A capitalised word next to another capitalised word (directly or across "of"), where the other is not the
    /// sentence's first word: "Representative Donald Beyer", "House of Representatives", "North Korea".
    /// </summary>
    private static bool InName(IReadOnlyList<Token> tokens, int first, int end, int t)
    {
        if (!tokens[t].IsCapitalized)
        {
            return false;
        }

        bool Capitalised(int i) => i >= first && i < end && tokens[i].Kind == TokenKind.Word && tokens[i].IsCapitalized;
        bool Of(int i) => i >= first && i < end && tokens[i].Lower == "of";
        return (Capitalised(t - 1) && t - 1 > first) || Capitalised(t + 1)
            || (Of(t - 1) && Capitalised(t - 2)) || (Of(t + 1) && Capitalised(t + 2));
    }
}

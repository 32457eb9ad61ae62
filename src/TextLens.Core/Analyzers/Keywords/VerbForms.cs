using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Keywords;

/// <summary>
/// The verbs a document uses with their objects: for every word form tagged VERB, the stems of the nouns
/// within <see cref="ObjectWindow"/> words after it, up to the first punctuation or verb ("from offering
/// contracts" → offering: contract; "to issue a temporary fuel waiver" → issue: fuel, waiver).
/// Evidence, from the text itself, that the same form tagged as a noun before the same noun elsewhere
/// ("in offering event contracts", "to issue new waivers") is that verb governing its object.
/// </summary>
public sealed class VerbForms
{
    /// <summary>How far after a verb its object's head noun may stand ("issue a temporary fuel waiver").</summary>
    public const int ObjectWindow = 5;

    public static VerbForms None { get; } = new(new Dictionary<string, HashSet<string>>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    /// <summary>Possessive determiners: an -ing word after one modifies a noun (our bidding algorithms).</summary>
    private static readonly HashSet<string> Possessives = new(StringComparer.Ordinal) { "my", "your", "his", "her", "its", "our", "their" };

    private readonly Dictionary<string, HashSet<string>> _objects;

    /// <summary>"-ing form|noun stem" pairs written as a noun modifier and its head: "the training data", "our bidding algorithms".</summary>
    private readonly HashSet<string> _modifiers;

    private VerbForms(Dictionary<string, HashSet<string>> objects, HashSet<string> modifiers)
    {
        _objects = objects;
        _modifiers = modifiers;
    }

    public static VerbForms Of(IReadOnlyList<Token> tokens, IReadOnlyList<PartOfSpeech> tags)
    {
        var objects = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var modifiers = new HashSet<string>(StringComparer.Ordinal);
        for (int t = 0; t < tokens.Count; t++)
        {
            if (t > 0 && IsIngForm(tokens[t]) && (tags[t - 1] is PartOfSpeech.Det or PartOfSpeech.Adj || Possessives.Contains(tokens[t - 1].Lower))
                && HeadNoun(tokens, tags, t + 1, tokens.Count) is { } head)
            {
                modifiers.Add(tokens[t].Lower + "|" + PhraseStemmer.Stem(tokens[head].Lower));
            }

            if (tags[t] != PartOfSpeech.Verb || tokens[t].Kind != TokenKind.Word)
            {
                continue;
            }

            if (!objects.TryGetValue(tokens[t].Lower, out HashSet<string>? heads))
            {
                heads = new HashSet<string>(StringComparer.Ordinal);
                objects[tokens[t].Lower] = heads;
            }

            for (int j = t + 1; j < tokens.Count && j <= t + ObjectWindow; j++)
            {
                if (tokens[j].Kind is TokenKind.Punctuation or TokenKind.Symbol || tags[j] is PartOfSpeech.Verb or PartOfSpeech.Aux)
                {
                    break;
                }

                if (tags[j] == PartOfSpeech.Noun && tokens[j].Kind == TokenKind.Word)
                {
                    heads.Add(PhraseStemmer.Stem(tokens[j].Lower));
                }
            }
        }

        return new VerbForms(objects, modifiers);
    }

    /// <summary>The last noun of the lower-case run of nouns and adjectives that starts at <paramref name="start"/>, if any.</summary>
    public static int? HeadNoun(IReadOnlyList<Token> tokens, IReadOnlyList<PartOfSpeech> tags, int start, int end)
    {
        int? head = null;
        for (int j = start; j < end && tokens[j].Kind == TokenKind.Word && !tokens[j].IsCapitalized && tags[j] is PartOfSpeech.Noun or PartOfSpeech.Adj; j++)
        {
            head = tags[j] == PartOfSpeech.Noun ? j : head;
        }

        return head;
    }

    private static bool IsIngForm(Token token) =>
        token.Kind == TokenKind.Word && token.Lower.Length > 5 && token.Lower.EndsWith("ing", StringComparison.Ordinal);

    /// <summary>True when the document uses <paramref name="lower"/> as a verb.</summary>
    public bool Contains(string lower) => _objects.ContainsKey(lower);

    /// <summary>
    /// True when the document uses <paramref name="lower"/> as a verb with a noun of stem <paramref name="nounStem"/> after it,
    /// and never writes it as a modifier of that noun after a determiner, adjective or possessive ("the training data":
    /// there the tagger's verb reading of "training" is its mistake).
    /// </summary>
    public bool Governs(string lower, string nounStem) =>
        _objects.TryGetValue(lower, out HashSet<string>? heads) && heads.Contains(nounStem) && !_modifiers.Contains(lower + "|" + nounStem);
}

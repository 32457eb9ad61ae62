using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Themes;

/// <summary>
/// Whole phrases for theme label terms. The theme vectors hold words and two-word terms, so a longer name reaches a
/// label cut short: "chain disruptions" of "supply chain disruptions", "important banks" of "systemically important
/// banks", "ketanji brown" of "Ketanji Brown Jackson", "base lewis-mcchord" of "Joint Base Lewis-McChord". A term whose
/// occurrences in the label sources are mostly (at least two thirds, and at least twice) next to the same content word
/// is shown with that word, up to <see cref="MaxWords"/> words. A term that starts with a Roman numeral or a single
/// letter ("iv banks" of "Category III and IV banks") is the tail of an enumeration, not a noun phrase of its own.
/// </summary>
public sealed class LabelPhrases
{
    /// <summary>The longest phrase a term is extended to.</summary>
    public const int MaxWords = 4;

    /// <summary>
    /// The occurrences of a first word read, in document order: the neighbours of the first few thousand tell whether the
    /// term is mostly part of a longer name as well as all would, and a 100,000-sentence document costs no more.
    /// </summary>
    public const int MaxOccurrences = 2048;

    /// <summary>Adjectives that quantify or point rather than describe: "certain federal officials" is "federal officials".</summary>
    private static readonly HashSet<string> Quantifiers = new(StringComparer.Ordinal)
    {
        "certain", "several", "various", "many", "numerous", "additional", "other", "such", "same", "different", "new", "each",
    };

    private readonly ParsedDocument _document;
    private readonly IReadOnlyList<Token> _tokens;
    private readonly IReadOnlyList<PartOfSpeech>? _tags;
    private readonly Dictionary<string, List<Occurrence>> _at;
    private readonly Dictionary<string, string> _written = new(StringComparer.Ordinal);

    private LabelPhrases(ParsedDocument document, IReadOnlyList<PartOfSpeech>? tags, Dictionary<string, List<Occurrence>> at)
    {
        _document = document;
        _tokens = document.Tokens;
        _tags = tags;
        _at = at;
    }

    /// <summary>
    /// Indexes where the first words of <paramref name="terms"/> occur in the sentences <paramref name="isSource"/>
    /// accepts: one pass over the tokens, whatever the number of terms.
    /// </summary>
    public static LabelPhrases Of(ParsedDocument document, IEnumerable<string> terms, Func<int, bool> isSource)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(isSource);
        var at = new Dictionary<string, List<Occurrence>>(StringComparer.Ordinal);
        foreach (string term in terms)
        {
            at.TryAdd(FirstWord(term), []);
        }

        IReadOnlyList<Token> tokens = document.Tokens;
        foreach (Sentence sentence in document.Sentences)
        {
            if (!isSource(sentence.Index))
            {
                continue;
            }

            int end = sentence.FirstToken + sentence.TokenCount;
            for (int t = sentence.FirstToken; t < end; t++)
            {
                if (at.TryGetValue(tokens[t].Lower, out List<Occurrence>? list) && list.Count < MaxOccurrences)
                {
                    list.Add(new Occurrence(t, t, sentence.FirstToken, end));
                }
            }
        }

        return new LabelPhrases(document, document.Models is null ? null : document.Tags, at);
    }

    /// <summary>True when the term's first word is a Roman numeral (ii, iv, xii) or a single letter: the tail of "Title IV", "Category III and IV".</summary>
    public static bool StartsWithEnumerator(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        string first = FirstWord(term);
        return first.Length == 1 ? char.IsLetter(first[0]) : first.Length is > 0 and <= 5 && first.All(c => c is 'i' or 'v' or 'x');
    }

    /// <summary>
    /// The term with the content words that mostly stand beside it in the text, or the term itself. Before it, a noun or
    /// an adjective that describes ("supply", "joint", "systemically" is not one); after it, a noun ("vote", "clause"),
    /// never a verb ("new vehicles increased"). Words in <paramref name="taken"/> (an earlier term's) are not added.
    /// </summary>
    public string Extend(string term, IReadOnlySet<string>? taken = null)
    {
        ArgumentNullException.ThrowIfNull(term);
        string[] words = term.Split(' ');
        if (!_at.TryGetValue(words[0], out List<Occurrence>? starts))
        {
            return term;
        }

        // The occurrences of the whole term: its words as consecutive tokens of one sentence.
        List<Occurrence> spans = [.. starts
            .Where(o => o.First + words.Length <= o.End && Matches(o.First, words))
            .Select(o => o with { Last = o.First + words.Length - 1 })];
        var phrase = new List<string>(words);
        while (phrase.Count < MaxWords && spans.Count >= 2)
        {
            // Left first: "supply" before "chain disruptions", then "joint" before "base lewis-mcchord".
            if (Common(spans, o => o.First > o.Start ? o.First - 1 : -1, modifier: true, taken) is { } before)
            {
                phrase.Insert(0, before);
                spans = [.. spans.Where(o => o.First > o.Start && _tokens[o.First - 1].Lower == before).Select(o => o with { First = o.First - 1 })];
                continue;
            }

            if (Common(spans, o => o.Last + 1 < o.End ? o.Last + 1 : -1, modifier: false, taken) is { } after)
            {
                phrase.Add(after);
                spans = [.. spans.Where(o => o.Last + 1 < o.End && _tokens[o.Last + 1].Lower == after).Select(o => o with { Last = o.Last + 1 })];
                continue;
            }

            break;
        }

        string whole = string.Join(' ', phrase);
        _written.TryAdd(whole, MostWritten(spans, whole));
        return whole;
    }

    /// <summary>
    /// How a phrase <see cref="Extend"/> returned is written in the label sources ("ENERGY STAR", "EPA", "Joint Base
    /// Lewis-McChord", "U.S." for "energy star", "epa", "joint base lewis-mcchord", "u.s."), or the phrase as given.
    /// </summary>
    public string Written(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return _written.GetValueOrDefault(phrase, phrase);
    }

    /// <summary>
    /// The form most often written; of forms written equally often the one with fewer capitals ("capital requirements" once
    /// each way beside the cited title "Bank Capital Requirements: A Primer"), then the one written first. An occurrence in
    /// a reference does not vote, nor one opening its sentence while another does not: its capital is the sentence's
    /// ("Retailers can …"). When every occurrence opens a sentence, the first word is lowered unless it is capitalised
    /// beyond its first letter ("EPA", "McChord").
    /// </summary>
    private string MostWritten(List<Occurrence> spans, string lower)
    {
        spans = spans.FindAll(o => !TouchesReference(o));
        bool inside = spans.Exists(o => o.First > o.Start);
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        foreach (Occurrence o in spans)
        {
            if (inside && o.First == o.Start)
            {
                continue;
            }

            string written = string.Join(' ', Enumerable.Range(o.First, o.Last - o.First + 1).Select(t => _tokens[t].Text));
            if (!string.Equals(written, lower, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            (int count, int first) = counts.GetValueOrDefault(written, (0, o.First));
            counts[written] = (count + 1, first);
        }

        if (counts.Count == 0)
        {
            return lower;
        }

        string best = counts.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key.Count(char.IsUpper)).ThenBy(p => p.Value.First).First().Key;
        return inside || !IsInitialCapitalOnly(best) ? best : char.ToLowerInvariant(best[0]) + best[1..];
    }

    private bool TouchesReference(Occurrence o)
    {
        for (int t = o.First; t <= o.Last; t++)
        {
            if (_document.InReference(_tokens[t]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the first word has a capital first letter and no other: "Retailers", not "EPA" or "McChord".</summary>
    private static bool IsInitialCapitalOnly(string phrase)
    {
        int space = phrase.IndexOf(' ', StringComparison.Ordinal);
        string first = space < 0 ? phrase : phrase[..space];
        return char.IsUpper(first[0]) && !first.Skip(1).Any(char.IsUpper);
    }

    /// <summary>
    /// True when at least half of the term's occurrences touch a legal or bibliographic reference (<see cref="ParsedDocument.References"/>):
    /// "caa section" of "CAA Section 136", "Section 111 rulemaking". Such a term names a citation, not a theme.
    /// </summary>
    public bool MostlyInReferences(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        string[] words = term.Split(' ');
        if (!_at.TryGetValue(words[0], out List<Occurrence>? starts))
        {
            return false;
        }

        int found = 0;
        int inReference = 0;
        foreach (Occurrence o in starts)
        {
            if (o.First + words.Length > o.End || !Matches(o.First, words))
            {
                continue;
            }

            found++;
            int last = o.First + words.Length - 1;
            bool touches = false;
            for (int t = Math.Max(o.Start, o.First - 1); t <= Math.Min(o.End - 1, last + 1) && !touches; t++)
            {
                touches = _document.InReference(_tokens[t]);
            }

            inReference += touches ? 1 : 0;
        }

        return found > 0 && inReference * 2 >= found;
    }

    private bool Matches(int first, string[] words)
    {
        for (int i = 0; i < words.Length; i++)
        {
            Token t = _tokens[first + i];
            if (t.Kind is not (TokenKind.Word or TokenKind.Number) || !string.Equals(t.Lower, words[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The content word at <paramref name="position"/> (-1: none) shared by at least two thirds of the spans, and by two of
    /// them at least: a noun, or also a describing adjective where it would modify the term (<paramref name="modifier"/>).
    /// </summary>
    private string? Common(List<Occurrence> spans, Func<Occurrence, int> position, bool modifier, IReadOnlySet<string>? taken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Occurrence span in spans)
        {
            int at = position(span);
            if (at < 0)
            {
                continue;
            }

            Token t = _tokens[at];
            if (t.Kind == TokenKind.Word && t.Lower.Length > 1 && !StopWords.Contains(t.Lower) && Letters.Any(t.Lower)
                && !Quantifiers.Contains(t.Lower) && taken?.Contains(t.Lower) != true && FitsAt(at, modifier))
            {
                counts[t.Lower] = counts.GetValueOrDefault(t.Lower) + 1;
            }
        }

        (string Word, int Count) best = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).FirstOrDefault();
        return best.Count >= 2 && best.Count * 3 >= spans.Count * 2 ? best.Word : null;
    }

    /// <summary>
    /// Without tags, any content word; with them, a noun (or proper noun), or also an adjective before the term.
    /// A capitalised word after a lower-case one starts a name in apposition ("North Korean leader Kim Jong-un"), not the
    /// phrase's head.
    /// </summary>
    private bool FitsAt(int token, bool modifier) =>
        (modifier || !_tokens[token].IsCapitalized || _tokens[token - 1].IsCapitalized)
        && (_tags is null || _tags[token] is PartOfSpeech.Noun or PartOfSpeech.Propn || (modifier && _tags[token] == PartOfSpeech.Adj));

    private static string FirstWord(string term)
    {
        int space = term.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? term : term[..space];
    }

    /// <summary>A term's tokens (<see cref="First"/>..<see cref="Last"/>) in a sentence whose tokens are <see cref="Start"/>..<see cref="End"/> (exclusive).</summary>
    private readonly record struct Occurrence(int First, int Last, int Start, int End);
}

using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Keywords;

/// <summary>
/// The acronyms a document defines, "Unemployment Insurance (UI)", "Extended Benefit (EB)": an all-capitals word of
/// 2–6 letters in parentheses right after words whose initials spell it. Each maps the acronym's stem to the stems of
/// its expansion, so that "UI benefits" and "unemployment insurance benefits" are one keyword. Expansions with stop
/// words ("Department of Labor (DOL)") are left out: no keyphrase candidate spans a stop word.
/// </summary>
public static class AcronymDefinitions
{
    public static IReadOnlyDictionary<string, string[]> Find(ParsedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        IReadOnlyList<Token> tokens = document.Tokens;
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (Sentence sentence in document.Sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
            for (int t = sentence.FirstToken + 1; t + 1 < end; t++)
            {
                if (tokens[t - 1].Text != "(" || tokens[t + 1].Text != ")" || !IsAcronym(tokens[t].Text))
                {
                    continue;
                }

                string acronym = tokens[t].Text;
                int first = t - 1 - acronym.Length;
                if (first < sentence.FirstToken || !Spells(tokens, first, t - 1, acronym))
                {
                    continue;
                }

                string key = PhraseStemmer.Stem(acronym.ToLowerInvariant());
                string[] expansion = [.. Enumerable.Range(first, acronym.Length).Select(i => PhraseStemmer.Stem(tokens[i].Lower))];
                found.TryAdd(key, expansion);
            }
        }

        return found;
    }

    private static bool IsAcronym(string text) => text.Length is >= 2 and <= 6 && text.All(char.IsAsciiLetterUpper);

    /// <summary>The words first..end-1 are content words whose initials, in order, are the acronym's letters.</summary>
    private static bool Spells(IReadOnlyList<Token> tokens, int first, int end, string acronym)
    {
        for (int i = first; i < end; i++)
        {
            Token word = tokens[i];
            if (word.Kind != TokenKind.Word || StopWords.Contains(word.Lower) || char.ToUpperInvariant(word.Text[0]) != acronym[i - first])
            {
                return false;
            }
        }

        return true;
    }
}

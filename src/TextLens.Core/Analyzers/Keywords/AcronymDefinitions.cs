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
                int first = Spelled(tokens, sentence.FirstToken, t - 1, acronym);
                if (first < 0)
                {
                    continue;
                }

                string key = PhraseStemmer.Stem(acronym.ToLowerInvariant());
                string[] expansion = [.. Enumerable.Range(first, t - 1 - first).Select(i => PhraseStemmer.Stem(tokens[i].Lower))];
                found.TryAdd(key, expansion);
            }
        }

        return found;
    }

    private static bool IsAcronym(string text) => text.Length is >= 2 and <= 6 && text.All(char.IsAsciiLetterUpper);

    /// <summary>
    /// The first of the content words right before <paramref name="end"/> whose initials, in order, are the acronym's
    /// letters, a hyphenated word giving the initial of each part ("Mid-Range Capability (MRC)") or of its first
    /// ("Fixed-Wing Aircraft (FA)"); -1 when they do not spell it.
    /// </summary>
    private static int Spelled(IReadOnlyList<Token> tokens, int sentenceStart, int end, string acronym)
    {
        int letters = acronym.Length;
        int i = end - 1;
        while (letters > 0)
        {
            if (i < sentenceStart)
            {
                return -1;
            }

            Token word = tokens[i];
            if (word.Kind != TokenKind.Word || StopWords.Contains(word.Lower))
            {
                return -1;
            }

            string[] parts = word.Text.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1 && parts.Length <= letters
                && parts.Select((p, k) => char.ToUpperInvariant(p[0]) == acronym[letters - parts.Length + k]).All(b => b))
            {
                letters -= parts.Length;
            }
            else if (parts.Length > 0 && char.ToUpperInvariant(parts[0][0]) == acronym[letters - 1])
            {
                letters--;
            }
            else
            {
                return -1;
            }

            i--;
        }

        return i + 1;
    }
}

namespace TextLens.Core.Parsing;

/// <summary>The 17 Universal Dependencies part-of-speech tags (UPOS).</summary>
public enum PartOfSpeech : byte
{
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

public static class PartOfSpeechNames
{
    public const int Count = 17;

    private static readonly string[] Names =
        ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"];

    /// <summary>The UD name of a tag (ADJ, NOUN, PROPN, ...).</summary>
    public static string ToUd(this PartOfSpeech tag) => Names[(int)tag];

    public static PartOfSpeech Parse(string ud)
    {
        int i = Array.IndexOf(Names, ud);
        return i >= 0 ? (PartOfSpeech)i : throw new FormatException($"'{ud}' is not a Universal Dependencies part-of-speech tag.");
    }

    /// <summary>Nouns, proper nouns and adjectives: the words a keyphrase is made of.</summary>
    public static bool IsNominal(this PartOfSpeech tag) => tag is PartOfSpeech.Noun or PartOfSpeech.Propn or PartOfSpeech.Adj;
}

/// <summary>A sentence of words with their gold tags.</summary>
public sealed record TaggedSentence(string[] Words, PartOfSpeech[] Tags);

/// <summary>
/// Reads the word-per-line TSV of ../shared/data/pos (form, upos, xpos; blank line between
/// sentences; only line 1 is a comment). Hyphenated compounds that the treebank splits
/// (Korea - leaning) are joined into one word, because TextLens's tokenizer keeps them whole; the
/// joined word takes the tag of its last part, with participles (VBN, VBG) becoming ADJ.
/// </summary>
public static class TaggedCorpus
{
    public static List<TaggedSentence> Read(TextReader reader)
    {
        var sentences = new List<TaggedSentence>();
        var rows = new List<(string Form, PartOfSpeech Tag, string Xpos)>();
        string? line = reader.ReadLine();
        if (line is not null && !line.StartsWith('#'))
        {
            throw new InvalidDataException("A POS data file starts with a '# source=...' comment line.");
        }

        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                if (rows.Count > 0)
                {
                    sentences.Add(JoinHyphenated(rows));
                    rows.Clear();
                }

                continue;
            }

            string[] cols = line.Split('\t');
            if (cols.Length < 2)
            {
                throw new InvalidDataException($"Bad POS data line: '{line}'.");
            }

            rows.Add((cols[0], PartOfSpeechNames.Parse(cols[1]), cols.Length > 2 ? cols[2] : ""));
        }

        if (rows.Count > 0)
        {
            sentences.Add(JoinHyphenated(rows));
        }

        return sentences;
    }

    private static TaggedSentence JoinHyphenated(List<(string Form, PartOfSpeech Tag, string Xpos)> rows)
    {
        var words = new List<string>(rows.Count);
        var tags = new List<PartOfSpeech>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            (string form, PartOfSpeech tag, string xpos) = rows[i];
            while (i + 2 < rows.Count && rows[i + 1].Xpos == "HYPH" && rows[i + 1].Form == "-" && IsWordLike(form) && IsWordLike(rows[i + 2].Form))
            {
                form = form + "-" + rows[i + 2].Form;
                (tag, xpos) = (rows[i + 2].Tag, rows[i + 2].Xpos);
                i += 2;
            }

            if (form.Contains('-') && tag == PartOfSpeech.Verb && xpos is "VBN" or "VBG")
            {
                tag = PartOfSpeech.Adj;
            }

            words.Add(form);
            tags.Add(tag);
        }

        return new TaggedSentence([.. words], [.. tags]);
    }

    private static bool IsWordLike(string form) => form.Length > 0 && char.IsLetterOrDigit(form[0]) && char.IsLetterOrDigit(form[^1]);
}

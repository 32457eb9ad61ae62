namespace TextLens.Core.Parsing;

/// <summary>
/// Finds where an article's back matter begins: the notes a publisher appends after the text (an author
/// note, "Source: This article was published by …", the publication's masthead and self-description, a
/// copyright line, a comment form). They say who wrote and published the article, not what it is about,
/// so analyzers that look for what a text is about skip them.
/// </summary>
/// <remarks>
/// Back matter opens with a paragraph that starts with such a note, in the second half of the document,
/// and runs to the end: "*About the author: Soyoung Kim is …", "Source: This article was published by East
/// Asia Forum", "This article was originally published in …", "Copyright 2024 …", "© 2024 …". A figure's
/// source note ("Source: CRS analysis of …") is not one: it does not say the article was published.
/// </remarks>
public static class BackMatter
{
    /// <summary>The index of the first back-matter sentence, or the number of sentences when there is none.</summary>
    public static int Start(ParsedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        IReadOnlyList<Sentence> sentences = document.Sentences;
        for (int i = (sentences.Count + 1) / 2; i < sentences.Count; i++)
        {
            Sentence sentence = sentences[i];
            bool opensParagraph = i == 0 || sentences[i - 1].Paragraph != sentence.Paragraph;
            if (opensParagraph && OpensBackMatter(document.TokensOf(sentence)))
            {
                return i;
            }
        }

        return sentences.Count;
    }

    /// <summary>
    /// "About the author(s)", "This article was/is (first|originally) published|appeared …", "Originally published …",
    /// "Republished …", "Reprinted …", "Copyright …", "© …", optionally after "Source:" or a footnote mark.
    /// </summary>
    public static bool OpensBackMatter(ReadOnlySpan<Token> tokens)
    {
        int i = 0;
        while (i < tokens.Length && tokens[i].Kind is TokenKind.Punctuation or TokenKind.Symbol && tokens[i].Text != "©")
        {
            i++;
        }

        if (i + 1 < tokens.Length && tokens[i].Lower is "source" or "sources" && tokens[i + 1].Text == ":")
        {
            i += 2;
        }

        if (i >= tokens.Length)
        {
            return false;
        }

        string first = tokens[i].Lower;
        if (first is "copyright" or "©" || tokens[i].Text == "©")
        {
            return true;
        }

        // "Originally published in …", "Originally appeared in …"; not "Originally dubbed 'Jerry's Guide', the firm …".
        if (first == "originally" && i + 1 < tokens.Length && IsPublicationVerb(tokens[i + 1].Lower))
        {
            return true;
        }

        // "Republished with permission", "Reprinted from …", "Reprinted by permission of …"; not "Reprinted editions sold …".
        if (first is "republished" or "reprinted" && i + 1 < tokens.Length && tokens[i + 1].Lower is "with" or "from" or "by" or "courtesy" or "under" or "here" or "in")
        {
            return true;
        }

        if (first == "about" && i + 2 < tokens.Length && tokens[i + 1].Lower == "the" && tokens[i + 2].Lower is "author" or "authors" or "writer" or "writers")
        {
            return true;
        }

        // "This article was (first|originally) published by …", "This article first appeared in …"
        if (first == "this" && i + 2 < tokens.Length && tokens[i + 1].Lower is "article" or "story" or "piece" or "post" or "commentary")
        {
            for (int j = i + 2; j < Math.Min(tokens.Length, i + 6); j++)
            {
                if (IsPublicationVerb(tokens[j].Lower))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPublicationVerb(string lower) => lower is "published" or "appeared" or "republished" or "posted" or "printed";
}

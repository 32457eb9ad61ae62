using System.Runtime.InteropServices;
using TextLens.Core.Features;
using TextLens.Core.Parsing;

namespace TextLens.Core.Corpus;

/// <summary>
/// Which n-grams of the shared featurisation (<see cref="DocumentFeatures"/>) a corpus index keeps: words and
/// two-word phrases that carry content. A kept term has at most <see cref="MaxWords"/> words, each word holds a
/// letter, neither its first nor its last word is a stop word, and a single word has at least two characters.
/// The rule is part of the index format (<see cref="CorpusIndex.Featurisation"/>): changing it changes the version.
/// </summary>
public static class CorpusTerms
{
    /// <summary>The longest n-gram an index keeps.</summary>
    public const int MaxWords = 2;

    /// <summary>For each vocabulary slot of <paramref name="features"/>, whether the index keeps it.</summary>
    public static bool[] Kept(DocumentFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var kept = new bool[features.Vocabulary.Count];
        for (int i = 0; i < kept.Length; i++)
        {
            kept[i] = Keeps(features.Vocabulary[i]);
        }

        return kept;
    }

    /// <summary>Whether a lower-case n-gram (words joined by one space) is an index term.</summary>
    public static bool Keeps(string ngram)
    {
        ArgumentNullException.ThrowIfNull(ngram);
        int space = ngram.IndexOf(' ');
        if (space < 0)
        {
            return ngram.Length >= 2 && IsContentWord(ngram);
        }

        if (ngram.IndexOf(' ', space + 1) >= 0)
        {
            return false;
        }

        return IsContentWord(ngram[..space]) && IsContentWord(ngram[(space + 1)..]);
    }

    /// <summary>The document's kept terms and their counts, sorted by term (ordinal).</summary>
    public static CorpusDocument Document(string id, DocumentFeatures features)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(features);
        var terms = new List<TermCount>();
        for (int i = 0; i < features.Vocabulary.Count; i++)
        {
            if (features.TermFrequency[i] > 0 && Keeps(features.Vocabulary[i]))
            {
                terms.Add(new TermCount(features.Vocabulary[i], features.TermFrequency[i]));
            }
        }

        terms.Sort(static (a, b) => string.CompareOrdinal(a.Term, b.Term));
        return new CorpusDocument(id, features.Document.WordCount, terms);
    }

    /// <summary>
    /// The same entry as <see cref="Document(string, DocumentFeatures)"/> gives for the document's featurisation,
    /// counted straight from the parse: the words and two-word phrases of the featurisation's token chunks
    /// (<see cref="TextFeaturizer.FindChunks"/>, lower case, n-grams never crossing a chunk) that the index keeps.
    /// Indexing a corpus needs only these counts, so it skips fitting the ML.NET n-gram transform to every document
    /// (three quarters of the indexing time); <c>CorpusTermsTests</c> checks that both give the same entries.
    /// </summary>
    public static CorpusDocument Count(string id, ParsedDocument document)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(document);
        IReadOnlyList<Token> tokens = document.Tokens;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (TokenChunk chunk in TextFeaturizer.FindChunks(document))
        {
            bool previousIsContent = false;
            for (int k = 0; k < chunk.TokenCount; k++)
            {
                string word = tokens[chunk.FirstToken + k].Lower;
                bool isContent = IsContentWord(word);
                if (isContent && word.Length >= 2)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(counts, word, out _)++;
                }

                if (isContent && previousIsContent)
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(counts, string.Concat(tokens[chunk.FirstToken + k - 1].Lower, " ", word), out _)++;
                }

                previousIsContent = isContent;
            }
        }

        TermCount[] terms = [.. counts.Select(static c => new TermCount(c.Key, c.Value))];
        Array.Sort(terms, static (a, b) => string.CompareOrdinal(a.Term, b.Term));
        return new CorpusDocument(id, document.WordCount, terms);
    }

    private static bool IsContentWord(string word)
    {
        if (StopWords.Contains(word))
        {
            return false;
        }

        foreach (char c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A term of a document and how often it occurs there.</summary>
public readonly record struct TermCount(string Term, int Count);

/// <summary>One document as an index holds it: its id (the path a report shows), its word count and its terms, sorted.</summary>
public sealed record CorpusDocument(string Id, int Words, IReadOnlyList<TermCount> Terms)
{
    /// <summary>The short name shown to a reader: the file name without its extension (R48447 for docs/R48447.md).</summary>
    public string Name => CorpusNames.Short(Id);
}

/// <summary>Short names of corpus documents.</summary>
public static class CorpusNames
{
    /// <summary>The last path segment without its extension; the id itself when that would be empty.</summary>
    public static string Short(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        int slash = id.LastIndexOfAny(['/', '\\']);
        string name = slash >= 0 ? id[(slash + 1)..] : id;
        int dot = name.LastIndexOf('.');
        string stem = dot > 0 ? name[..dot] : name;
        return stem.Length > 0 ? stem : id;
    }
}

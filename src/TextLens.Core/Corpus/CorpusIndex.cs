namespace TextLens.Core.Corpus;

/// <summary>
/// A corpus index: the documents of a body of text as term counts over one sorted term list, and each term's
/// document frequency. It is a pure function of its set of documents (sorted by id; terms sorted ordinally; the
/// frequencies summed from the documents), so indexing two folders and merging the two indexes gives, byte for
/// byte, the index of both folders at once, like shard partials (<see cref="Merge"/>). Immutable.
/// The file form is <see cref="CorpusIndexFormat"/>.
/// </summary>
public sealed class CorpusIndex
{
    /// <summary>How the documents were featurised; an index made another way cannot be compared with this build.</summary>
    public const string Featurisation = "textlens-ngrams/1: TextFeaturizer 1-2 grams, lower case, content words at both ends";

    private CorpusIndex(string[] terms, int[] documentFrequency, IndexedDocument[] documents)
    {
        Terms = terms;
        DocumentFrequency = documentFrequency;
        Documents = documents;
        _fingerprint = new Lazy<string>(() => string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{Documents.Count} documents, sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(CorpusIndexFormat.Write(this)), 0, 8)}"));
    }

    private readonly Lazy<string> _fingerprint;

    /// <summary>Identifies the index by content: its document count and the start of the SHA-256 of its file form (recorded in a report's settings).</summary>
    public string Fingerprint => _fingerprint.Value;

    /// <summary>Every term of every document, sorted ordinally.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>In how many documents each term of <see cref="Terms"/> occurs.</summary>
    public IReadOnlyList<int> DocumentFrequency { get; }

    /// <summary>The documents, sorted by id (ordinal).</summary>
    public IReadOnlyList<IndexedDocument> Documents { get; }

    /// <summary>The index of a set of documents (in any order). Two documents with the same id are an error.</summary>
    /// <exception cref="CorpusIndexException">A document id repeats.</exception>
    public static CorpusIndex Build(IEnumerable<CorpusDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        CorpusDocument[] sorted = [.. documents];
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (int i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1].Id, sorted[i].Id, StringComparison.Ordinal))
            {
                throw new CorpusIndexException($"document '{sorted[i].Id}' is in the corpus twice (give each document once; two indexes to merge must not share documents)");
            }
        }

        var termSet = new HashSet<string>(StringComparer.Ordinal);
        foreach (CorpusDocument d in sorted)
        {
            foreach (TermCount t in d.Terms)
            {
                termSet.Add(t.Term);
            }
        }

        string[] terms = [.. termSet];
        Array.Sort(terms, StringComparer.Ordinal);
        var idOf = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (int i = 0; i < terms.Length; i++)
        {
            idOf[terms[i]] = i;
        }

        var df = new int[terms.Length];
        var indexed = new IndexedDocument[sorted.Length];
        for (int d = 0; d < sorted.Length; d++)
        {
            IReadOnlyList<TermCount> docTerms = sorted[d].Terms;
            var pairs = new (int Term, int Count)[docTerms.Count];
            for (int k = 0; k < pairs.Length; k++)
            {
                if (docTerms[k].Count < 1)
                {
                    throw new ArgumentException($"Document '{sorted[d].Id}' counts term '{docTerms[k].Term}' {docTerms[k].Count} times.", nameof(documents));
                }

                pairs[k] = (idOf[docTerms[k].Term], docTerms[k].Count);
            }

            Array.Sort(pairs, static (a, b) => a.Term.CompareTo(b.Term));
            for (int k = 1; k < pairs.Length; k++)
            {
                if (pairs[k].Term == pairs[k - 1].Term)
                {
                    throw new ArgumentException($"Document '{sorted[d].Id}' lists term '{terms[pairs[k].Term]}' twice.", nameof(documents));
                }
            }

            foreach ((int term, _) in pairs)
            {
                df[term]++;
            }

            indexed[d] = new IndexedDocument(sorted[d].Id, sorted[d].Words, [.. pairs.Select(p => p.Term)], [.. pairs.Select(p => p.Count)]);
        }

        return new CorpusIndex(terms, df, indexed);
    }

    /// <summary>The index of the documents of all the given indexes: identical to the index built from them all at once.</summary>
    /// <exception cref="CorpusIndexException">Two indexes hold a document with the same id.</exception>
    public static CorpusIndex Merge(IEnumerable<CorpusIndex> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        return Build(indexes.SelectMany(i => i.ToDocuments()));
    }

    /// <summary>The documents with their terms spelled out (the inverse of <see cref="Build"/>).</summary>
    public IEnumerable<CorpusDocument> ToDocuments()
    {
        foreach (IndexedDocument d in Documents)
        {
            var terms = new TermCount[d.TermIds.Count];
            for (int k = 0; k < terms.Length; k++)
            {
                terms[k] = new TermCount(Terms[d.TermIds[k]], d.Counts[k]);
            }

            Array.Sort(terms, static (a, b) => string.CompareOrdinal(a.Term, b.Term));
            yield return new CorpusDocument(d.Id, d.Words, terms);
        }
    }

    /// <summary>Built by <see cref="CorpusIndexFormat.Read"/> after it has checked every invariant.</summary>
    internal static CorpusIndex FromVerifiedParts(string[] terms, int[] documentFrequency, IndexedDocument[] documents) =>
        new(terms, documentFrequency, documents);
}

/// <summary>A document in an index: its id, word count, and its terms as ids into <see cref="CorpusIndex.Terms"/> (ascending) with their counts.</summary>
public sealed record IndexedDocument(string Id, int Words, IReadOnlyList<int> TermIds, IReadOnlyList<int> Counts)
{
    /// <summary>The short name shown to a reader (<see cref="CorpusNames.Short"/>).</summary>
    public string Name => CorpusNames.Short(Id);

    /// <summary>Whether the document holds a term (by id).</summary>
    public bool Contains(int termId)
    {
        int lo = 0;
        int hi = TermIds.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = TermIds[mid].CompareTo(termId);
            if (c == 0)
            {
                return true;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }
}

/// <summary>A corpus index that cannot be built or read; the message says why (the CLI adds the file and exits with 2).</summary>
public sealed class CorpusIndexException(string message, Exception? inner = null) : Exception(message, inner);

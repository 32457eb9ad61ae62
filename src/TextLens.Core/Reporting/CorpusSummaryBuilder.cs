namespace TextLens.Core.Reporting;

/// <summary>
/// The corpus summary as a running total over document records, fed in report order (ordinal path order).
/// A single run and <c>textlens merge</c> both build the summary this way, so they agree to the byte: counts are
/// sums, and each corpus keyword keeps its first spelling and its scores summed in the same order. Memory grows
/// with the number of distinct keywords, not with the number of documents.
/// </summary>
public sealed class CorpusSummaryBuilder
{
    /// <summary>How many corpus keywords the summary lists.</summary>
    public const int TopKeywordCount = 15;

    private readonly Dictionary<string, KeywordTotal> _keywords = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _bySeverity = new(StringComparer.Ordinal)
    {
        ["error"] = 0,
        ["warning"] = 0,
        ["suggestion"] = 0,
    };

    private int _documents;
    private int _analysed;
    private int _words;
    private int _sentences;

    public void Add(DocumentReport document)
    {
        _documents++;
        if (document.Status == "analysed")
        {
            _analysed++;
        }

        _words += document.Stats?.Words ?? 0;
        _sentences += document.Stats?.Sentences ?? 0;
        foreach (DiagnosticReport d in document.Diagnostics)
        {
            if (d.Suppression is null)
            {
                _bySeverity[d.Severity] = _bySeverity.GetValueOrDefault(d.Severity) + 1;
            }
        }

        foreach (KeywordReport k in document.Keywords)
        {
            string key = k.Text.ToLowerInvariant();
            _keywords[key] = _keywords.TryGetValue(key, out KeywordTotal total)
                ? total with { Documents = total.Documents + 1, Score = total.Score + k.Score }
                : new KeywordTotal(k.Text, 1, k.Score);
        }
    }

    public CorpusSummary Build()
    {
        CorpusKeyword[] top = [.. _keywords.Values
            .Select(k => new CorpusKeyword(k.Text, k.Documents, Math.Round(k.Score, 4)))
            .OrderByDescending(k => k.Documents).ThenByDescending(k => k.Score).ThenBy(k => k.Text, StringComparer.Ordinal)
            .Take(TopKeywordCount)];
        return new CorpusSummary(
            _documents,
            _analysed,
            _documents - _analysed,
            _words,
            _sentences,
            new SortedDictionary<string, int>(_bySeverity, StringComparer.Ordinal),
            top);
    }

    private readonly record struct KeywordTotal(string Text, int Documents, double Score);
}

using System.Text.Json;
using TextLens.Core.Analysis;

namespace TextLens.Core.Reporting;

/// <summary>
/// The corpus summary as a running total over document records, fed in report order (ordinal path order).
/// A single run and <c>textlens merge</c> both build the summary this way, so they agree to the byte: counts are
/// sums, and each section's corpus aggregate (<see cref="IReportSection.CreateAggregate"/>: the keywords' top
/// keywords) is fed the same values in the same order. No document is held.
/// </summary>
public sealed class CorpusSummaryBuilder
{
    private readonly (string Key, string CorpusKey, ICorpusAggregate Aggregate)[] _aggregates;
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

    /// <param name="sections">The report sections of the run; those with a <see cref="IReportSection.CorpusKey"/> total their values into the summary.</param>
    public CorpusSummaryBuilder(IReadOnlyList<IReportSection>? sections = null)
    {
        _aggregates = [.. (sections ?? [])
            .Where(s => s.CorpusKey is not null)
            .Select(s => (s.Key, s.CorpusKey!, s.CreateAggregate() ?? throw new ArgumentException($"Report section '{s.Key}' has a corpus key but no aggregate.", nameof(sections))))];
    }

    public void Add(DocumentReport document)
    {
        ArgumentNullException.ThrowIfNull(document);
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

        foreach ((string key, _, ICorpusAggregate aggregate) in _aggregates)
        {
            // A fresh report's value is read as the aggregate needs it (the keywords without their occurrences); a
            // record read back (merge) has only the whole value, from which the aggregate reads the same.
            JsonElement value = default;
            if (document.Sections is SectionValues fresh ? fresh.TryGetCorpusValue(key, out value) : document.Sections?.TryGetValue(key, out value) == true)
            {
                aggregate.Add(value);
            }
        }
    }

    /// <summary>The summary; each section's aggregate under its corpus key, in section order. Called once, after the last document.</summary>
    public CorpusSummary Build()
    {
        Dictionary<string, JsonElement>? aggregates = null;
        foreach ((_, string corpusKey, ICorpusAggregate aggregate) in _aggregates)
        {
            aggregates ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            aggregates[corpusKey] = JsonSerializer.SerializeToElement(aggregate.Build(), ReportJsonContext.Default.JsonNode);
        }

        return new CorpusSummary(
            _documents,
            _analysed,
            _documents - _analysed,
            _words,
            _sentences,
            new SortedDictionary<string, int>(_bySeverity, StringComparer.Ordinal))
        {
            Aggregates = aggregates,
        };
    }
}

namespace TextLens.Core.Analysis;

/// <summary>Checks a set of analyzer-owned report sections before a run: keys well formed, unique, and not built-in properties.</summary>
public static class ReportSections
{
    /// <summary>
    /// The document object's own properties (docs/report-schema.md), which no section may take. A test keeps this
    /// list equal to the JSON properties of the report model's document record.
    /// </summary>
    public static IReadOnlyList<string> ReservedKeys { get; } =
        ["path", "status", "stats", "sentences", "diagnostics", "settings"];

    /// <summary>
    /// The corpus summary's own properties (docs/report-schema.md), which no section's <see cref="IReportSection.CorpusKey"/>
    /// may take. A test keeps this list equal to the JSON properties of the report model's summary record.
    /// </summary>
    public static IReadOnlyList<string> ReservedCorpusKeys { get; } =
        ["documents", "analysed", "failed", "words", "sentences", "diagnosticsBySeverity"];

    /// <summary>
    /// A sentence object's own properties (docs/report-schema.md), which no section's <see cref="IReportSection.SentenceKey"/>
    /// may take. A test keeps this list equal to the JSON properties of the report model's sentence record.
    /// </summary>
    public static IReadOnlyList<string> ReservedSentenceKeys { get; } = ["index", "text", "start", "length", "line", "column"];

    /// <summary>
    /// Sentence keys of built-in sections that keep the place they had in schema version 1: written last in each
    /// sentence, after every other section's value for it (the stance). Every other sentence value follows the
    /// sentence's position, in analyzer order.
    /// </summary>
    public static IReadOnlyList<string> SentenceValuesLast { get; } = ["stance"];

    /// <summary>
    /// Keys of built-in sections that keep the place they had in schema version 1 before they became sections: their
    /// values are written just before <c>sentences</c>, in this order (the keywords, right after <c>stats</c>).
    /// </summary>
    public static IReadOnlyList<string> BeforeSentences { get; } = ["keywords"];

    /// <summary>
    /// Keys of built-in sections that keep the place they had in schema version 1 before they became sections: their
    /// values are written just after <c>diagnostics</c>, in this order (the extractive summary, the themes, the stance).
    /// </summary>
    public static IReadOnlyList<string> AfterDiagnostics { get; } = ["summary", "clusters", "stance"];

    /// <summary>
    /// Keys of built-in sections that keep the place they had in schema version 1 before they became sections: their
    /// values are written just before <c>settings</c>, in this order. Every other section's value follows <c>settings</c>,
    /// in analyzer order.
    /// </summary>
    public static IReadOnlyList<string> BeforeSettings { get; } = ["corpus"];

    /// <summary>True for the keys of <see cref="BeforeSentences"/>, <see cref="AfterDiagnostics"/> and <see cref="BeforeSettings"/>: sections written before <c>settings</c>.</summary>
    public static bool HasFixedPlace(string key) =>
        BeforeSentences.Contains(key, StringComparer.Ordinal) || AfterDiagnostics.Contains(key, StringComparer.Ordinal) || BeforeSettings.Contains(key, StringComparer.Ordinal);

    /// <returns>
    /// <paramref name="sections"/>, when every key is a camelCase name of at most 64 characters, unique and not reserved,
    /// and so is every sentence key (<see cref="IReportSection.SentenceKey"/>) among the sentence's properties and every
    /// corpus key (<see cref="IReportSection.CorpusKey"/>) among the summary's; and no style sheet (<see cref="IReportSection.Css"/>) holds a '&lt;'.
    /// </returns>
    /// <exception cref="ArgumentException">A key that breaks one of those rules, named.</exception>
    public static IReadOnlyList<IReportSection> Check(IReadOnlyList<IReportSection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sentenceKeys = new HashSet<string>(StringComparer.Ordinal);
        var corpusKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (IReportSection section in sections)
        {
            string key = section.Key;
            CheckCorpus(section, corpusKeys);
            if (section.Css is { } css && css.Contains('<', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Report section '{key}' has a style sheet with a '<', which could close the HTML page's style element.", nameof(sections));
            }

            if (!IsCamelCase(key))
            {
                throw new ArgumentException($"Report section key '{key}' is not a camelCase name (a-z first, then letters and digits, at most 64).", nameof(sections));
            }

            if (ReservedKeys.Contains(key, StringComparer.Ordinal))
            {
                throw new ArgumentException($"Report section key '{key}' is a built-in property of the document object.", nameof(sections));
            }

            if (!seen.Add(key))
            {
                throw new ArgumentException($"Two report sections use the key '{key}'.", nameof(sections));
            }

            if (section.SentenceKey is { } sentenceKey)
            {
                if (!IsCamelCase(sentenceKey))
                {
                    throw new ArgumentException($"Report section '{key}' has a sentence key '{sentenceKey}' that is not a camelCase name (a-z first, then letters and digits, at most 64).", nameof(sections));
                }

                if (ReservedSentenceKeys.Contains(sentenceKey, StringComparer.Ordinal))
                {
                    throw new ArgumentException($"Report section '{key}' has a sentence key '{sentenceKey}' that is a built-in property of the sentence object.", nameof(sections));
                }

                if (!sentenceKeys.Add(sentenceKey))
                {
                    throw new ArgumentException($"Two report sections use the sentence key '{sentenceKey}'.", nameof(sections));
                }

                if (section.SentenceSchema is null)
                {
                    throw new ArgumentException($"Report section '{key}' has a sentence key '{sentenceKey}' but no sentence schema.", nameof(sections));
                }
            }
        }

        return sections;
    }

    /// <summary>A corpus key must be well formed, unique, not the summary's own, and come with its schema and aggregate.</summary>
    private static void CheckCorpus(IReportSection section, HashSet<string> corpusKeys)
    {
        if (section.CorpusKey is not { } corpusKey)
        {
            return;
        }

        string key = section.Key;
        if (!IsCamelCase(corpusKey))
        {
            throw new ArgumentException($"Report section '{key}' has a corpus key '{corpusKey}' that is not a camelCase name (a-z first, then letters and digits, at most 64).", "sections");
        }

        if (ReservedCorpusKeys.Contains(corpusKey, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Report section '{key}' has a corpus key '{corpusKey}' that is a built-in property of the corpus summary.", "sections");
        }

        if (!corpusKeys.Add(corpusKey))
        {
            throw new ArgumentException($"Two report sections use the corpus key '{corpusKey}'.", "sections");
        }

        if (section.CorpusSchema is null)
        {
            throw new ArgumentException($"Report section '{key}' has a corpus key '{corpusKey}' but no corpus schema.", "sections");
        }
    }

    private static bool IsCamelCase(string key) =>
        key is { Length: > 0 and <= 64 } && char.IsAsciiLetterLower(key[0]) && key.All(char.IsAsciiLetterOrDigit);
}

using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Tests.ExampleAnalyzer;

/// <summary>
/// The example analyzer of docs/architecture.md ("Adding an analyzer"): everything it needs is in this folder
/// (settings, result, rule, report section with its schema) and it is added to a run with one registration,
/// <c>new AnalysisEngine([.. BuiltInAnalyzers.Create(models), new SentenceLengthAnalyzer()], models)</c>.
/// It measures sentence length in words, flags sentences over <see cref="SentenceLengthSettings.LongWords"/>
/// (TL9101) and lists the long ones with the document's keywords they carry, which it declares it reads.
/// </summary>
public sealed class SentenceLengthAnalyzer(SentenceLengthSettings? settings = null) : IDocumentAnalyzer
{
    public static readonly RuleDescriptor LongSentence = new(
        "TL9101",
        "Very long sentence",
        "This sentence has {0} words; sentences over {1} words are hard to follow",
        "Readability",
        Severity.Suggestion,
        "Flags sentences with more words than the configured limit (40 by default). Headings are never flagged.",
        "Japan's government, which has long had a complicated relationship with the ethnic Korean community ... (52 words)");

    public SentenceLengthSettings Settings { get; } = settings ?? SentenceLengthSettings.Default;

    public string Name => "sentence-length";

    public IReadOnlyList<RuleDescriptor> SupportedRules => [LongSentence];

    public Type? ResultType => typeof(SentenceLengthResult);

    public IReadOnlyList<Type> Dependencies => [typeof(KeywordResult)];

    public IReportSection Section { get; } = new SentenceLengthSection();

    public void Analyze(AnalysisContext context)
    {
        ParsedDocument doc = context.Document;
        KeywordResult keywords = context.GetResult<KeywordResult>();
        var lengths = new List<int>(doc.Sentences.Count);
        int?[] perSentence = new int?[doc.Sentences.Count];
        var longOnes = new List<LongSentence>();
        foreach (Sentence sentence in doc.Sentences)
        {
            if (sentence.Kind == BlockKind.Heading)
            {
                continue;
            }

            int words = 0;
            foreach (Token token in doc.TokensOf(sentence))
            {
                words += token.IsWord ? 1 : 0;
            }

            lengths.Add(words);
            perSentence[sentence.Index] = words;
            if (words > Settings.LongWords)
            {
                string[] carried = [.. keywords.Keywords
                    .Where(k => k.Occurrences.Any(o => sentence.Span.Contains(o.Span.Start)))
                    .Select(k => k.Text)];
                longOnes.Add(new LongSentence(sentence.Index, sentence.Span, words, carried));
                context.Report(LongSentence, sentence.Span, words, Settings.LongWords);
            }
        }

        lengths.Sort();
        context.SetResult(new SentenceLengthResult(
            lengths.Count == 0 ? 0 : lengths.Average(),
            lengths.Count == 0 ? 0 : lengths[lengths.Count / 2],
            Settings.LongWords,
            longOnes)
        {
            Words = perSentence,
        });
    }
}

/// <summary>The analyzer's options; the defaults are the documented ones.</summary>
public sealed record SentenceLengthSettings(int LongWords = 40)
{
    public static SentenceLengthSettings Default { get; } = new();
}

/// <summary>Mean and median words per sentence (headings left out), and the sentences over the limit.</summary>
public sealed record SentenceLengthResult(double MeanWords, int MedianWords, int LongWords, IReadOnlyList<LongSentence> Long)
{
    /// <summary>Each sentence's words, by sentence index; null for a heading.</summary>
    public IReadOnlyList<int?> Words { get; init; } = [];
}

/// <summary>A sentence over the limit: where it is, its length, and the document's keywords it carries.</summary>
public sealed record LongSentence(int Index, TextSpan Span, int Words, IReadOnlyList<string> Keywords);

using TextLens.Core.Analysis;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Keywords;

/// <summary>
/// Keyword salience: candidate phrases of 1–3 words inside token chunks (never across punctuation
/// or sentences) with no stop word at either edge, scored by TF-IDF (document counts from the shared
/// ML.NET n-gram featurisation, IDF from the background table) and position of first occurrence.
/// </summary>
public sealed class KeywordAnalyzer : IDocumentAnalyzer
{
    public const int MaxPhraseWords = 3;

    public string Name => "keywords";

    public IReadOnlyList<RuleDescriptor> SupportedRules => [];

    public Type? ResultType => typeof(KeywordResult);

    public void Analyze(AnalysisContext context)
    {
        context.SetResult(Extract(context.Features, context.Options.TopKeywords));
    }

    public static KeywordResult Extract(DocumentFeatures features, int top)
    {
        ParsedDocument doc = features.Document;
        var candidates = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (TokenChunk chunk in features.Chunks)
        {
            for (int i = 0; i < chunk.TokenCount; i++)
            {
                for (int n = 1; n <= MaxPhraseWords && i + n <= chunk.TokenCount; n++)
                {
                    int first = chunk.FirstToken + i;
                    int last = first + n - 1;
                    if (!IsEdgeWord(doc.Tokens[first]) || !IsEdgeWord(doc.Tokens[last]) || !AllWords(doc, first, last))
                    {
                        continue;
                    }

                    string key = Key(doc, first, last);
                    if (!candidates.TryGetValue(key, out Candidate? c))
                    {
                        c = new Candidate(key, n);
                        candidates[key] = c;
                    }

                    c.Add(doc, first, last, chunk.Sentence);
                }
            }
        }

        int sentences = Math.Max(1, doc.Sentences.Count);
        var scored = new List<(Candidate C, double Score, Dictionary<string, double> F)>(candidates.Count);
        foreach (Candidate c in candidates.Values)
        {
            int tf = Math.Max(c.Count, features.FrequencyOf(c.Key));
            double idf = features.Background.PhraseIdf(c.Key.Split(' '));
            double position = 1.0 / Math.Sqrt(1.0 + (c.FirstSentence * 10.0 / sentences));
            double score = (1.0 + Math.Log(tf)) * idf * (0.5 + position) * (c.Words == 1 ? 1.0 : 1.2);
            if (c.Count == 1 && c.Words > 1)
            {
                score *= 0.6;
            }

            scored.Add((c, score, new Dictionary<string, double>
            {
                ["tf"] = tf,
                ["idf"] = Math.Round(idf, 4),
                ["position"] = Math.Round(position, 4),
            }));
        }

        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.C.Key, b.C.Key));
        var chosen = new List<(Candidate C, double Score, Dictionary<string, double> F)>();
        foreach (var s in scored)
        {
            if (chosen.Count >= top)
            {
                break;
            }

            if (chosen.Any(k => Redundant(k.C.Key, s.C.Key)))
            {
                continue;
            }

            chosen.Add(s);
        }

        double max = chosen.Count > 0 ? chosen[0].Score : 1.0;
        var keywords = new List<Keyword>(chosen.Count);
        for (int r = 0; r < chosen.Count; r++)
        {
            (Candidate c, double score, Dictionary<string, double> f) = chosen[r];
            keywords.Add(new Keyword(c.DisplayText(), Math.Round(score / max, 4), r + 1, c.Occurrences(doc.Source), f) { Key = c.Key });
        }

        return new KeywordResult(keywords);
    }

    /// <summary>A shorter phrase inside a chosen longer one (or the reverse) adds little.</summary>
    private static bool Redundant(string chosen, string candidate) =>
        (" " + chosen + " ").Contains(" " + candidate + " ", StringComparison.Ordinal)
        || (" " + candidate + " ").Contains(" " + chosen + " ", StringComparison.Ordinal);

    private static bool IsEdgeWord(Token t) =>
        t.Kind == TokenKind.Word && t.Lower.Length > 1 && !StopWords.Contains(t.Lower.TrimEnd('.')) && t.Lower.Any(char.IsLetter);

    private static bool AllWords(ParsedDocument doc, int first, int last)
    {
        for (int t = first; t <= last; t++)
        {
            if (doc.Tokens[t].Kind != TokenKind.Word)
            {
                return false;
            }
        }

        return true;
    }

    private static string Key(ParsedDocument doc, int first, int last)
    {
        if (first == last)
        {
            return doc.Tokens[first].Lower;
        }

        var parts = new string[last - first + 1];
        for (int t = first; t <= last; t++)
        {
            parts[t - first] = doc.Tokens[t].Lower;
        }

        return string.Join(' ', parts);
    }

    private sealed class Candidate(string key, int words)
    {
        private readonly List<(TextSpan Span, int Sentence, string Surface)> _occurrences = [];

        public string Key { get; } = key;

        public int Words { get; } = words;

        public int Count => _occurrences.Count;

        public int FirstSentence => _occurrences[0].Sentence;

        public void Add(ParsedDocument doc, int first, int last, int sentence)
        {
            TextSpan span = TextSpan.FromBounds(doc.Tokens[first].Span.Start, doc.Tokens[last].Span.End);
            string surface = first == last ? doc.Tokens[first].Text : string.Join(' ', Enumerable.Range(first, last - first + 1).Select(t => doc.Tokens[t].Text));
            _occurrences.Add((span, sentence, surface));
        }

        /// <summary>The most frequent surface form; ties go to the first written.</summary>
        public string DisplayText() => _occurrences
            .GroupBy(o => o.Surface, StringComparer.Ordinal)
            .Select(g => (Surface: g.Key, Count: g.Count(), First: g.Min(o => o.Span.Start)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.First)
            .First().Surface;

        public IReadOnlyList<KeywordOccurrence> Occurrences(SourceText source) =>
            [.. _occurrences.Select(o => new KeywordOccurrence(o.Span, source.GetLinePosition(o.Span.Start), o.Sentence))];
    }
}

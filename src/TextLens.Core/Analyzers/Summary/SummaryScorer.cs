using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Features;
using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Summary;

/// <summary>
/// Chooses the summary sentences of a document from the shared featurisation, its keywords and its
/// themes. Each eligible sentence (<see cref="SentenceEligibility"/>) gets a score that combines
/// centrality (cosine to the document's centroid over stemmed content terms), keyword coverage, the
/// share of its theme and its position, scaled by a length credit; sentences are then picked greedily
/// by maximal marginal relevance, so a sentence that repeats a chosen one loses to one that adds, and
/// the picks are returned in document order.
/// </summary>
public static class SummaryScorer
{
    public static SummaryResult Summarize(
        DocumentFeatures features,
        KeywordResult keywords,
        ThemeResult themes,
        SummarySettings settings,
        int? fixedBudget = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(keywords);
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(settings);
        ParsedDocument document = features.Document;
        int n = document.Sentences.Count;
        int[] eligible = [.. document.Sentences.Where(s => SentenceEligibility.IsEligible(document, s)).Select(s => s.Index)];
        int budget = SummaryLength.Budget(eligible.Length, fixedBudget);
        if (budget == 0)
        {
            return SummaryResult.Empty;
        }

        // The themes' terms of this document, weighted for the summary (built once for both).
        ThemeSettings weights = ThemeSettings.Default with { DocumentIdfPower = settings.DocumentIdfPower };
        SentenceVectors vectors = themes.Vectors is { } shared && shared.AreOf(features) ? shared.WeightedWith(weights) : SentenceVectors.Build(features, weights);
        double[] relevance = Relevance(document, vectors, keywords, themes, settings, eligible);
        return Select(document, vectors, settings, eligible, relevance, budget);
    }

    /// <summary>Each eligible sentence's relevance (parallel to <paramref name="eligible"/>).</summary>
    internal static double[] Relevance(
        ParsedDocument document,
        SentenceVectors vectors,
        KeywordResult keywords,
        ThemeResult themes,
        SummarySettings settings,
        IReadOnlyList<int> eligible)
    {
        int m = eligible.Count;
        var centroid = new Dictionary<int, double>();
        foreach (int s in eligible)
        {
            SparseRow row = vectors.Rows[s];
            for (int i = 0; i < row.Count; i++)
            {
                centroid[row.Indices[i]] = centroid.GetValueOrDefault(row.Indices[i]) + row.Values[i];
            }
        }

        double norm = Math.Sqrt(centroid.Values.Sum(v => v * v));
        var keywordMass = new double[document.Sentences.Count];
        foreach (Keyword k in keywords.Keywords.Take(settings.TopKeywords))
        {
            foreach (int s in k.Occurrences.Select(o => o.Sentence).Distinct())
            {
                keywordMass[s] += k.Score;
            }
        }

        double maxKeywords = eligible.Select(s => keywordMass[s]).DefaultIfEmpty(0).Max();
        double[] overlap = Overlap(vectors, settings, eligible);
        double maxOverlap = overlap.DefaultIfEmpty(0).Max();
        double[] degree = settings.Connectivity > 0 ? Degree(vectors, eligible) : new double[m];
        double maxDegree = degree.DefaultIfEmpty(0).Max();
        double maxShare = themes.Themes.Select(t => t.Share).DefaultIfEmpty(0).Max();
        var relevance = new double[m];
        for (int e = 0; e < m; e++)
        {
            int s = eligible[e];
            SparseRow row = vectors.Rows[s];
            double centrality = 0;
            for (int i = 0; norm > 0 && i < row.Count; i++)
            {
                centrality += row.Values[i] * centroid[row.Indices[i]];
            }

            centrality = norm > 0 ? centrality / norm : 0;
            double shared = maxOverlap > 0 ? overlap[e] / maxOverlap : 0;
            double connected = maxDegree > 0 ? degree[e] / maxDegree : 0;
            double keywordCoverage = maxKeywords > 0 ? keywordMass[s] / maxKeywords : 0;
            int theme = s < themes.Assignments.Count ? themes.Assignments[s] : ThemeResult.Outlier;
            double themeShare = theme >= 0 && maxShare > 0 ? themes.Themes.First(t => t.Id == theme).Share / maxShare : 0;
            double position = Math.Exp(-settings.PositionDecay * e / Math.Max(1, m));
            int words = WordCount(document, document.Sentences[s]);
            double length = settings.LengthPower == 0 ? 1 : Math.Pow(words / (words + settings.HalfLengthWords), settings.LengthPower);
            relevance[e] = length * (
                settings.Centrality * centrality
                + settings.Overlap * shared
                + settings.Connectivity * connected
                + settings.Keywords * keywordCoverage
                + settings.Themes * themeShare
                + settings.Position * position);
        }

        return relevance;
    }

    /// <summary>
    /// How much of the rest of the document each eligible sentence shares: the sum over its content
    /// terms of its count × the term's count in the other eligible sentences × background IDF ^ power.
    /// Unlike centrality it is not length-normalised: a long sentence that restates many of the
    /// document's recurring terms says more of the document.
    /// </summary>
    private static double[] Overlap(SentenceVectors vectors, SummarySettings settings, IReadOnlyList<int> eligible)
    {
        var total = new Dictionary<int, double>();
        foreach (int s in eligible)
        {
            SparseRow row = vectors.Counts[s];
            for (int i = 0; i < row.Count; i++)
            {
                total[row.Indices[i]] = total.GetValueOrDefault(row.Indices[i]) + row.Values[i];
            }
        }

        var overlap = new double[eligible.Count];
        for (int e = 0; e < eligible.Count; e++)
        {
            SparseRow row = vectors.Counts[eligible[e]];
            for (int i = 0; i < row.Count; i++)
            {
                int t = row.Indices[i];
                if (vectors.Terms[t].Contains(' ', StringComparison.Ordinal))
                {
                    continue;
                }

                overlap[e] += row.Values[i] * (total[t] - row.Values[i]) * Math.Pow(vectors.Idf[t], settings.OverlapIdfPower);
            }
        }

        return overlap;
    }

    /// <summary>
    /// Each eligible sentence's degree in the TextRank word-overlap graph: Σ over the other sentences of
    /// the content words they share ÷ (ln of its distinct words + ln of theirs) (pairs where either has fewer
    /// than two words count nothing). Computed without visiting pairs: the denominator depends on the other
    /// sentence only through its word count L, so the sum is, over each L that occurs, the words shared with
    /// all sentences of that size (Σ over its words of their document frequency among them, less itself)
    /// ÷ (ln n + ln L). Time O(distinct sizes × words), not O(sentences²): 100,000 sentences cost seconds, not hours.
    /// </summary>
    internal static double[] Degree(SentenceVectors vectors, IReadOnlyList<int> eligible)
    {
        int[][] words = [.. eligible.Select(s =>
        {
            SparseRow row = vectors.Counts[s];
            return row.Indices.Where(t => !vectors.Terms[t].Contains(' ', StringComparison.Ordinal)).Distinct().ToArray();
        })];
        var degree = new double[eligible.Count];
        var frequency = new Dictionary<int, int>();
        foreach (IGrouping<int, int> size in Enumerable.Range(0, words.Length).Where(a => words[a].Length >= 2).GroupBy(a => words[a].Length).OrderBy(g => g.Key))
        {
            frequency.Clear();
            foreach (int b in size)
            {
                foreach (int t in words[b])
                {
                    frequency[t] = frequency.GetValueOrDefault(t) + 1;
                }
            }

            double lnSize = Math.Log(size.Key);
            for (int a = 0; a < words.Length; a++)
            {
                if (words[a].Length < 2)
                {
                    continue;
                }

                long shared = 0;
                foreach (int t in words[a])
                {
                    shared += frequency.GetValueOrDefault(t);
                }

                if (words[a].Length == size.Key)
                {
                    shared -= words[a].Length; // the sentence itself is one of this size
                }

                degree[a] += shared / (Math.Log(words[a].Length) + lnSize);
            }
        }

        return degree;
    }

    /// <summary>Greedy maximal-marginal-relevance selection of at most <paramref name="budget"/> sentences, returned in document order.</summary>
    internal static SummaryResult Select(
        ParsedDocument document,
        SentenceVectors vectors,
        SummarySettings settings,
        IReadOnlyList<int> eligible,
        IReadOnlyList<double> relevance,
        int budget)
    {
        var chosen = new List<int>(budget);
        var maxSimilarity = new double[eligible.Count];
        var taken = new bool[eligible.Count];
        var inSummary = new bool[document.Sentences.Count];
        bool[] leans = settings.LeaningFactor == 1
            ? new bool[eligible.Count]
            : [.. eligible.Select(s => SentenceOpening.LeansOnPrevious(document, document.Sentences[s]))];
        while (chosen.Count < budget)
        {
            int best = -1;
            double bestValue = double.NegativeInfinity;
            for (int e = 0; e < eligible.Count; e++)
            {
                if (taken[e] || maxSimilarity[e] >= settings.DuplicateSimilarity)
                {
                    continue;
                }

                int s = eligible[e];
                double credit = leans[e] && !(s > 0 && inSummary[s - 1]) ? settings.LeaningFactor : 1;
                double value = credit * relevance[e] - settings.Redundancy * maxSimilarity[e];
                if (value > bestValue)
                {
                    best = e;
                    bestValue = value;
                }
            }

            if (best < 0)
            {
                break;
            }

            taken[best] = true;
            inSummary[eligible[best]] = true;
            chosen.Add(best);
            SparseRow picked = vectors.Rows[eligible[best]];
            for (int e = 0; e < eligible.Count; e++)
            {
                if (!taken[e])
                {
                    maxSimilarity[e] = Math.Max(maxSimilarity[e], SparseRow.Dot(picked, vectors.Rows[eligible[e]]));
                }
            }
        }

        SummarySentence[] sentences = [.. chosen
            .OrderBy(e => eligible[e])
            .Select(e => new SummarySentence(eligible[e], document.Sentences[eligible[e]].Span, Math.Round(relevance[e], 4)))];
        return new SummaryResult(sentences, budget);
    }

    private static int WordCount(ParsedDocument document, Sentence sentence)
    {
        int words = 0;
        foreach (Token t in document.TokensOf(sentence))
        {
            words += t.Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
        }

        return words;
    }
}

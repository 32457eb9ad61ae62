using TextLens.Core.Analyzers.Summary;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Themes;

/// <summary>
/// Names themes by class-based TF-IDF: a term weighs more the larger its share of the theme's words,
/// the smaller its count in the rest of the document (ln(1 + A / f), A the mean words per theme and
/// f the term's count in the document, as in c-TF-IDF) and the rarer it is in background text
/// (background IDF). Terms written at least twice in the theme rank before terms written once.
/// Themes are renumbered in order of first appearance. With the parsed document, labels and
/// representatives come from content only: no label term has a word found only inside references
/// (P.L., U.S.C., a report number), and the representative is a content sentence (not a heading,
/// caption, byline, fragment or cross-reference) whenever the theme has one. With the part-of-speech tags, label terms
/// are content noun phrases first (<see cref="LabelWords"/>): no verb form, no word of a longer name on its own.
/// </summary>
public static class ThemeLabeler
{
    public static ThemeResult Label(SentenceVectors vectors, ThemePartition partition, string requested, ThemeSettings settings, ParsedDocument? document = null)
    {
        HashSet<string> citationWords = document is null ? [] : CitationWords(document);
        HashSet<string> selfNames = document is null ? [] : SelfNames(document);
        int backMatter = document is null ? int.MaxValue : document.BackMatterStart;
        LabelWords? labelWords = document?.Models is null ? null : LabelWords.Of(document, i => IsLabelSource(document, i, backMatter));
        int n = vectors.SentenceCount;
        int[] assignment = partition.Assignments;

        // Renumber groups by their first sentence; drop empty groups.
        var renumber = new Dictionary<int, int>();
        foreach (int g in assignment)
        {
            if (g != ThemeResult.Outlier && !renumber.ContainsKey(g))
            {
                renumber[g] = renumber.Count;
            }
        }

        int k = renumber.Count;
        int[] final = [.. assignment.Select(g => g == ThemeResult.Outlier ? ThemeResult.Outlier : renumber[g])];
        if (k == 0)
        {
            return new ThemeResult([], final, requested);
        }

        var members = new List<int>[k];
        for (int c = 0; c < k; c++)
        {
            members[c] = [];
        }

        for (int i = 0; i < n; i++)
        {
            if (final[i] >= 0)
            {
                members[final[i]].Add(i);
            }
        }

        int termCount = vectors.Terms.Count;
        var classTf = new double[k][];
        var documentTf = new double[termCount];
        var classTotal = new double[k];
        for (int c = 0; c < k; c++)
        {
            classTf[c] = new double[termCount];

            // Labels are drawn from the theme's content sentences: not its headings, captions, citations or cross-references
            // (unless it has nothing else).
            List<int> sources = document is null ? members[c] : [.. members[c].Where(i => IsLabelSource(document, i, backMatter))];
            foreach (int s in sources.Count > 0 ? sources : members[c])
            {
                SparseRow counts = vectors.Counts[s];
                for (int i = 0; i < counts.Count; i++)
                {
                    classTf[c][counts.Indices[i]] += counts.Values[i];
                    classTotal[c] += counts.Values[i];
                }
            }
        }

        for (int c = 0; c < k; c++)
        {
            for (int t = 0; t < termCount; t++)
            {
                documentTf[t] += classTf[c][t];
            }
        }

        double meanWords = classTotal.Average();
        var tops = new List<(int Term, double Weight)>[k];
        for (int c = 0; c < k; c++)
        {
            var scored = new List<(int Term, double Weight)>();
            for (int t = 0; t < termCount; t++)
            {
                double tf = classTf[c][t];
                if (tf <= 0)
                {
                    continue;
                }

                if (citationWords.Count > 0 && vectors.Terms[t].Split(' ').Any(citationWords.Contains))
                {
                    continue;
                }

                if (selfNames.Contains(vectors.DisplayForms[t]))
                {
                    continue;
                }

                double weight = tf / Math.Max(1, classTotal[c]) * Math.Log(1 + (meanWords / documentTf[t])) * vectors.Idf[t];
                scored.Add((t, weight));
            }

            // Content noun phrases come first (not a verb form, not a fragment of a name: "introduced", "representative" of
            // "Representative Donald Beyer"), then terms written at least twice in the theme: a term seen once says little
            // about a theme.
            double[] tfOfClass = classTf[c];
            bool[] nounPhrase = [.. Enumerable.Range(0, termCount).Select(t =>
                (labelWords?.IsNounPhrase(vectors.DisplayForms[t]) ?? true) && !LabelPhrases.StartsWithEnumerator(vectors.DisplayForms[t]))];
            scored.Sort((a, b) =>
            {
                int content = nounPhrase[b.Term].CompareTo(nounPhrase[a.Term]);
                if (content != 0)
                {
                    return content;
                }

                int repeated = (tfOfClass[b.Term] >= 2).CompareTo(tfOfClass[a.Term] >= 2);
                return repeated != 0 ? repeated : b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Term.CompareTo(b.Term);
            });
            tops[c] = PickDistinct(vectors, scored, settings.TermsPerTheme);
        }

        // Terms cut from a longer name are shown whole ("supply chain disruptions"), from the label sources' text.
        LabelPhrases? phrases = document is null ? null : LabelPhrases.Of(
            document, tops.SelectMany(t => t).Select(p => vectors.DisplayForms[p.Term]), i => IsLabelSource(document, i, backMatter));
        var themes = new Theme[k];
        for (int c = 0; c < k; c++)
        {
            List<(int Term, double Weight)> top = tops[c];
            double max = top.Count > 0 ? top.Max(p => p.Weight) : 1;
            ThemeTerm[] terms = WholePhrases([.. top.Select(p => new ThemeTerm(vectors.DisplayForms[p.Term], Math.Round(p.Weight / max, 4)))], phrases);
            string label = terms.Length > 0
                ? string.Join(", ", terms.Take(settings.LabelTerms).Select(t => t.Text))
                : $"theme {c + 1}";
            List<int> content = document is null ? members[c] : [.. members[c].Where(i => IsContentSentence(document, i, backMatter))];
            // Shown alone, the representative should read alone: members that lean on the sentence before ("This is especially
            // the case given …", "For example, …") are passed over when the theme has another content sentence.
            List<int> standalone = document is null ? content : [.. content.Where(i => StandsAlone(document, i))];
            List<int> pool = content.Count > 0 ? content : members[c];
            int representative = Representative(standalone.Count > 0 ? standalone : pool, pool, partition.Points);
            themes[c] = new Theme(c, label, terms, members[c], representative, Math.Round((double)members[c].Count / n, 4));
        }

        return new ThemeResult(themes, final, requested);
    }

    /// <summary>
    /// Each term as the whole phrase it is cut from (<see cref="LabelPhrases"/>); a term whose words an earlier (better)
    /// term's phrase already holds, or that shares a word the phrase added, is left out ("supply" after "supply chain
    /// disruptions", "senate vote" after "final floor vote").
    /// </summary>
    private static ThemeTerm[] WholePhrases(ThemeTerm[] terms, LabelPhrases? phrases)
    {
        if (phrases is null)
        {
            return terms;
        }

        var result = new List<ThemeTerm>(terms.Length);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var added = new HashSet<string>(StringComparer.Ordinal);
        foreach (ThemeTerm term in terms)
        {
            string[] own = term.Text.Split(' ');
            if (own.Any(added.Contains) || phrases.MostlyInReferences(term.Text))
            {
                // "senate vote" after "final floor vote": the better term's phrase already says it.
                continue;
            }

            string whole = phrases.Extend(term.Text, used);
            string[] words = whole.Split(' ');
            if (words.All(used.Contains))
            {
                continue;
            }

            used.UnionWith(words);
            added.UnionWith(words.Except(own, StringComparer.Ordinal));
            result.Add(term with { Text = phrases.Written(whole) });
        }

        return [.. result];
    }

    /// <summary>
    /// The best terms with no word in common: a phrase that contains an already chosen word, and
    /// weighs at least half as much, takes that word's place ('soyoung' then 'soyoung kim' gives
    /// 'soyoung kim'); any other overlap is skipped.
    /// </summary>
    private static List<(int Term, double Weight)> PickDistinct(SentenceVectors vectors, List<(int Term, double Weight)> scored, int count)
    {
        var chosen = new List<(int Term, double Weight)>();
        foreach ((int term, double weight) in scored)
        {
            if (chosen.Count >= count)
            {
                break;
            }

            string[] parts = vectors.Terms[term].Split(' ');
            int overlapping = chosen.FindIndex(c => vectors.Terms[c.Term].Split(' ').Intersect(parts, StringComparer.Ordinal).Any());
            if (overlapping < 0)
            {
                chosen.Add((term, weight));
            }
            else if (!vectors.Terms[chosen[overlapping].Term].Contains(' ') && parts.Length > 1 && weight >= 0.5 * chosen[overlapping].Weight
                && chosen.Count(c => vectors.Terms[c.Term].Split(' ').Intersect(parts, StringComparer.Ordinal).Any()) == 1)
            {
                chosen[overlapping] = (term, chosen[overlapping].Weight);
            }
        }

        return chosen;
    }

    /// <summary>Verbs with which a document describes itself ("This Insight provides …", "This report discusses …").</summary>
    private static readonly HashSet<string> SelfDescribingVerbs = new(StringComparer.Ordinal)
    {
        "provides", "discusses", "describes", "examines", "summarizes", "summarises", "outlines", "reviews", "presents", "analyzes",
        "analyses", "explains", "considers", "identifies", "focuses", "addresses", "highlights", "answers",
    };

    /// <summary>Names of a text or a part of one ("This initiative provides funding" is about the world, not the text).</summary>
    private static readonly HashSet<string> DocumentParts = new(StringComparer.Ordinal)
    {
        "report", "insight", "section", "chapter", "memo", "memorandum", "paper", "brief", "article", "document", "appendix", "product", "sidebar",
    };

    /// <summary>
    /// The names a document gives itself: a name of a text after a sentence-initial "This" and before a verb of describing
    /// ("This Insight provides historical data …" → insight). What kind of text it is says nothing of what a theme is about.
    /// </summary>
    private static HashSet<string> SelfNames(ParsedDocument document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Sentence sentence in document.Sentences)
        {
            ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
            if (tokens.Length >= 3 && tokens[0].Lower == "this" && DocumentParts.Contains(tokens[1].Lower) && SelfDescribingVerbs.Contains(tokens[2].Lower))
            {
                names.Add(tokens[1].Lower);
            }
        }

        return names;
    }

    /// <summary>Lower-case words that occur only inside references (p.l., u.s.c., h.r., report numbers, a cross-reference's author).</summary>
    private static HashSet<string> CitationWords(ParsedDocument document)
    {
        var inside = new HashSet<string>(StringComparer.Ordinal);
        var outside = new HashSet<string>(StringComparer.Ordinal);
        foreach (Token t in document.Tokens)
        {
            if (t.Kind is TokenKind.Word or TokenKind.Number)
            {
                (document.InReference(t) ? inside : outside).Add(t.Lower.TrimEnd('.'));
            }
        }

        inside.ExceptWith(outside);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (string w in inside)
        {
            words.Add(w);
            words.Add(w + ".");
        }

        return words;
    }

    /// <summary>
    /// A sentence that can stand for a theme: prose (not a heading or byline), at least six words, ending
    /// as a sentence ends (a table caption or a fragment does not), and no cross-reference, report number
    /// or URL in it.
    /// </summary>
    private static bool StandsAlone(ParsedDocument document, int index)
    {
        Sentence sentence = document.Sentences[index];
        return !SentenceOpening.LeansOnPrevious(document, sentence) && !SentenceOpening.OpensWithPronounSubject(document, sentence);
    }

    private static bool IsContentSentence(ParsedDocument document, int index, int backMatter)
    {
        if (!IsLabelSource(document, index, backMatter))
        {
            return false;
        }

        Sentence sentence = document.Sentences[index];

        ReadOnlySpan<Token> tokens = document.TokensOf(sentence);
        int words = 0;
        foreach (Token t in tokens)
        {
            words += t.Kind == TokenKind.Word ? 1 : 0;
            if (document.ReferenceAt(t.Span.Start) is { Kind: ReferenceKind.Report or ReferenceKind.Url })
            {
                return false;
            }
        }

        int last = tokens.Length - 1;
        while (last > 0 && tokens[last].Text is "\"" or "\u201d" or "'" or "\u2019" or ")" or "]")
        {
            last--;
        }

        return words >= 6 && tokens[last].Text is "." or "?" or "!" or "...";
    }

    /// <summary>
    /// A sentence whose words may name a theme: not a heading, byline, figure or table caption or its source
    /// note, citation or cross-reference ("See CRS Report …", "For more information, see …"), nor in the
    /// back matter (an author note, the publisher's masthead: <see cref="BackMatter"/>).
    /// </summary>
    private static bool IsLabelSource(ParsedDocument document, int index, int backMatter)
    {
        Sentence sentence = document.Sentences[index];
        return index < backMatter && sentence.Kind != BlockKind.Heading && !sentence.IsByline
            && SentenceEligibility.Classify(document, sentence) is not (SummaryExclusion.Caption or SummaryExclusion.Citation);
    }

    /// <summary>
    /// The candidate closest (by cosine) to the mean direction of <paramref name="members"/>; the first candidate when none
    /// is embedded. The centre is the whole theme's, so passing over some members does not move it.
    /// </summary>
    private static int Representative(List<int> candidates, List<int> members, double[]?[] points)
    {
        double[]? centre = null;
        foreach (int s in members)
        {
            if (points[s] is { } p)
            {
                centre ??= new double[p.Length];
                for (int j = 0; j < p.Length; j++)
                {
                    centre[j] += p[j];
                }
            }
        }

        if (centre is null)
        {
            return candidates[0];
        }

        int best = candidates[0];
        double bestDot = double.NegativeInfinity;
        foreach (int s in candidates)
        {
            if (points[s] is not { } p)
            {
                continue;
            }

            double dot = 0;
            for (int j = 0; j < p.Length; j++)
            {
                dot += p[j] * centre[j];
            }

            if (dot > bestDot + 1e-12)
            {
                bestDot = dot;
                best = s;
            }
        }

        return best;
    }
}

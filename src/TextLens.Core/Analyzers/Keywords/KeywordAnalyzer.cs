using TextLens.Core.Analysis;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Keywords;

/// <summary>
/// Keyword salience. Candidates are noun phrases found with the part-of-speech tags
/// (<see cref="KeywordCandidates"/>); each is scored by a log-linear combination
/// (<see cref="KeywordSettings"/>) of tf-idf against the background table, position-biased
/// PageRank centrality of its words, position of first occurrence, length, capitalisation and how
/// often it stands as a whole noun phrase. Phrases with the same stems are one keyword, shown as
/// most often written. The weights are <see cref="KeywordSettings.Default"/>, one configuration for
/// every document (see docs/keywords.md for how they were chosen and measured). Its report part is
/// <see cref="KeywordsSection"/>.
/// </summary>
public sealed class KeywordAnalyzer : IDocumentAnalyzer
{
    public string Name => "keywords";

    public IReadOnlyList<RuleDescriptor> SupportedRules => [];

    public Type? ResultType => typeof(KeywordResult);

    public IReportSection? Section => KeywordsSection.Instance;

    public void Analyze(AnalysisContext context)
    {
        context.SetResult(Extract(context.Features, context.Options.TopKeywords));
    }

    public static KeywordResult Extract(DocumentFeatures features, int top) => Extract(features, top, KeywordSettings.Default);

    public static KeywordResult Extract(DocumentFeatures features, int top, KeywordSettings settings) =>
        Rank(features.Document, KeywordCandidates.Find(features, settings), top, settings);

    /// <summary>Scores and selects the top candidates.</summary>
    public static KeywordResult Rank(ParsedDocument document, IReadOnlyList<KeywordCandidate> candidates, int top, KeywordSettings settings)
    {
        var scored = new List<(KeywordCandidate C, double Score)>(candidates.Count);
        foreach (KeywordCandidate c in candidates)
        {
            scored.Add((c, Score(c, settings)));
        }

        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.C.Key, b.C.Key));
        IReadOnlyDictionary<string, string[]> acronyms = AcronymDefinitions.Find(document);
        var candidateKeys = new HashSet<string>(scored.Select(s => Expand(s.C.Stems, acronyms)), StringComparer.Ordinal);
        var heads = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach ((KeywordCandidate c, _) in scored)
        {
            if (FoldedKey(c, acronyms, out bool hl) is { } fk && !hl)
            {
                (heads.TryGetValue(fk, out HashSet<string>? set) ? set : heads[fk] = new HashSet<string>(StringComparer.Ordinal)).Add(c.Stems[^1]);
            }
        }

        var chosen = new List<(KeywordCandidate C, double Score, List<KeywordCandidate> Variants, List<KeywordCandidate> Modified)>(Math.Min(top, scored.Count));
        var byExpandedKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var waiting = new Dictionary<string, List<KeywordCandidate>>(StringComparer.Ordinal);
        foreach ((KeywordCandidate c, double score) in scored)
        {
            // An acronym and its expansion defined in the text are one keyword: the better-ranked form lists the other.
            string expanded = Expand(c.Stems, acronyms);

            // "UC benefits", "UC program", "regular UC benefit" are the one thing "UC" names: an acronym with a generic
            // programme head is listed under the acronym's keyword, whichever of them ranks first.
            string? folded = FoldedKey(c, acronyms, out bool headless) is { } f && candidateKeys.Contains(f) ? f : null;
            // Folded only where the text has variants: two generic heads on one acronym ("UC benefits" and "UC program"), and
            // a headless form never a whole noun phrase ("regular UC" inside "regular UC benefits"). One "EAD programs" next
            // to "EAD" stays its own keyword: gold sets list it (folding every single one cost Inspec −0.03 F1@10).
            if (folded is not null && ((headless && c.MaximalShare > 0) || !heads.TryGetValue(folded, out HashSet<string>? variety) || variety.Count < 2))
            {
                folded = null;
            }

            if (folded is not null && headless)
            {
                // "regular UC", "state UC" (and a tagger's "dismantle SIMP"): the acronym's own occurrences hold them; no
                // place, no listing.
                continue;
            }

            if (byExpandedKey.TryGetValue(expanded, out int same) || (folded is not null && byExpandedKey.TryGetValue(folded, out same)))
            {
                chosen[same].Variants.Add(c);
                byExpandedKey.TryAdd(expanded, same);
                if (waiting.Remove(expanded, out List<KeywordCandidate>? alsoModified))
                {
                    chosen[same].Modified.AddRange(alsoModified);
                }

                continue;
            }

            // "different UC programs" is "UC programs": listed under it, never a keyword of its own.
            if (UnmodifiedKey(c, acronyms) is { } head && candidateKeys.Contains(head))
            {
                if (byExpandedKey.TryGetValue(head, out int at))
                {
                    chosen[at].Modified.Add(c);
                }
                else
                {
                    (waiting.TryGetValue(head, out List<KeywordCandidate>? list) ? list : waiting[head] = []).Add(c);
                }

                continue;
            }

            if (chosen.Count >= top)
            {
                continue;
            }

            // "event" in IF13207 (38 times, 23 of them in "event contracts"): a common noun written mostly as the modifier of
            // one better-ranked keyword is that keyword's word, not a subject of its own. Names ("Facebook" of "Facebook
            // page") and words that modify many different heads ("negotiation strategies", "negotiation process") stay.
            if (c.Words == 1 && c.HeadShare < 0.5 && c.CapitalShare < 0.5
                && chosen.Any(k => Inside(c, [k.C, .. k.Variants]) * 2 >= c.Frequency))
            {
                continue;
            }

            if (settings.SuppressContained && chosen.Any(k => Overlaps(k.C.Key, c.Key)))
            {
                continue;
            }

            byExpandedKey[expanded] = chosen.Count;
            if (folded is not null)
            {
                byExpandedKey.TryAdd(folded, chosen.Count);
            }

            chosen.Add((c, score, [], waiting.Remove(expanded, out List<KeywordCandidate>? modified) ? modified : []));
        }

        double max = chosen.Count > 0 ? chosen[0].Score : 1.0;
        var keywords = new List<Keyword>(chosen.Count);
        for (int r = 0; r < chosen.Count; r++)
        {
            (KeywordCandidate c, double score, List<KeywordCandidate> variants, List<KeywordCandidate> modified) = chosen[r];
            KeywordCandidate[] all = [c, .. variants];

            // An acronym on its own is shown spelled out ("Unemployment Compensation", listing "UC"): the expansion says what
            // it is. A phrase with an acronym in it keeps the form most often written ("UC benefits").
            string own = Expand(c.Stems, acronyms);
            string display = c.Words == 1 ? all.Where(v => Expand(v.Stems, acronyms) == own).MaxBy(v => v.Words)!.Display : c.Display;
            keywords.Add(new Keyword(display, Math.Round(DisplayScore(score / max), 4), r + 1, Occurrences(document, all), Explain(c))
            {
                Key = c.Key,
                Variants = [.. Variants(display, all), .. Variants(display, [.. modified.Where(m => m.MaximalShare > 0)])],
            });
        }

        return new KeywordResult(keywords);
    }

    /// <summary>The candidate's stems with every defined acronym replaced by its expansion's stems (ui benefit → unemploy insur benefit).</summary>
    private static string Expand(string[] stems, IReadOnlyDictionary<string, string[]> acronyms)
    {
        if (acronyms.Count == 0)
        {
            return string.Join(' ', stems);
        }

        return string.Join(' ', stems.SelectMany(s => acronyms.TryGetValue(s, out string[]? expansion) ? expansion : [s]));
    }

    /// <summary>
    /// Head nouns that add nothing to the acronym before them: "UC benefits", "UC program" and "the UC system" are what
    /// "UC" (Unemployment Compensation) names; "ACV program", "IFPC program", "MRC system" are the vehicle's or weapon's
    /// programme. (Stems.)
    /// </summary>
    private static readonly HashSet<string> GenericHeads = new(StringComparer.Ordinal)
    {
        PhraseStemmer.Stem("program"), PhraseStemmer.Stem("programme"), PhraseStemmer.Stem("system"),
        PhraseStemmer.Stem("benefit"), PhraseStemmer.Stem("initiative"), PhraseStemmer.Stem("scheme"),
    };

    /// <summary>
    /// For a phrase of lower-case modifiers, one or more acronyms or alphanumeric names and a generic head ("regular UC
    /// benefit", "UI programs", "ENERGY STAR program", "M-1 program"), or of lower-case modifiers and an acronym the text
    /// defines ("regular UC", "state UC"), the expanded key of the acronyms alone ("unemploy compens"); null for any other phrase.
    /// </summary>
    private static string? FoldedKey(KeywordCandidate c, IReadOnlyDictionary<string, string[]> acronyms, out bool headless)
    {
        headless = false;
        string[] words = c.Display.Split(' ');
        int n = words.Length;
        if (n < 2 || n != c.Stems.Length)
        {
            return null;
        }

        int end = GenericHeads.Contains(c.Stems[n - 1]) ? n - 1 : n;
        if (!IsAcronym(words[end - 1]))
        {
            return null;
        }

        int first = end - 1;
        while (first > 0 && IsAcronym(words[first - 1]))
        {
            first--;
        }

        for (int i = 0; i < first; i++)
        {
            if (!words[i].All(ch => char.IsLower(ch) || ch == '-'))
            {
                return null;
            }
        }

        // Without a generic head, only modifiers of an acronym the text defines ("regular UC", "state UC"): "digital TV" stays.
        if (end == n && (first == 0 || !acronyms.ContainsKey(c.Stems[end - 1])))
        {
            return null;
        }

        headless = end == n;
        return Expand(c.Stems[first..end], acronyms);
    }

    /// <summary>All capitals (2–8 characters, digits and hyphens allowed with at least two capitals): UC, ENERGY, M-1A2, XM-30.</summary>
    private static bool IsAcronym(string word) =>
        word.Length is >= 2 and <= 8 && word.Count(char.IsAsciiLetterUpper) >= 2 - (word.Any(char.IsAsciiDigit) ? 1 : 0)
        && word.All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch) || ch == '-') && char.IsAsciiLetterUpper(word[0]);

    /// <summary>
    /// Adjectives that pick out members of a set without naming a kind: "different UC programs", "various federal
    /// agencies", "respective state laws" are the programs, agencies and laws themselves. A modifier that names a kind
    /// ("regular UC benefits", "temporary federal UI benefits") makes a keyword of its own.
    /// </summary>
    private static readonly HashSet<string> SelectingAdjectives = new(StringComparer.Ordinal)
    {
        "different", "differing", "various", "varied", "numerous", "certain", "respective", "assorted", "sundry", "countless", "myriad",
    };

    /// <summary>
    /// The expanded key of the phrase without its leading selecting adjectives ("different UC programs" → "uc program"),
    /// or null when it has none or is nothing else.
    /// </summary>
    private static string? UnmodifiedKey(KeywordCandidate c, IReadOnlyDictionary<string, string[]> acronyms)
    {
        string[] words = c.Display.Split(' ');
        int skip = 0;
        while (skip < words.Length - 1 && skip < c.Stems.Length - 1 && SelectingAdjectives.Contains(words[skip].ToLowerInvariant()))
        {
            skip++;
        }

        return skip == 0 || words.Length != c.Stems.Length ? null : Expand(c.Stems[skip..], acronyms);
    }

    /// <summary>Every other written form of the keyword (plural, acronym or expansion), most frequent first.</summary>
    private static string[] Variants(string display, KeywordCandidate[] candidates) =>
        [.. candidates.SelectMany(c => c.Occurrences)
            .Where(o => !o.InTitleCase && !string.Equals(o.Surface, display, StringComparison.Ordinal))
            .GroupBy(o => o.Surface, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)];

    /// <summary>
    /// The salience shown for a keyphrase whose ranking score is <paramref name="ratio"/> times that
    /// of the top one: 1 / (1 + log10(1 / ratio)). The ranking scores are products of features, so
    /// they fall by orders of magnitude down a list; on this log scale the top keyphrase has 1, one
    /// ten times less salient 0.5, a hundred times less 0.33. Monotone (ranks are kept) and never 0.
    /// </summary>
    public static double DisplayScore(double ratio) =>
        ratio >= 1 ? 1.0 : ratio <= 0 ? 0.0 : 1.0 / (1.0 - Math.Log10(ratio));

    /// <summary>The log-linear score, as a positive number (larger is better).</summary>
    public static double Score(KeywordCandidate c, KeywordSettings s)
    {
        double tfidf = Math.Pow(c.Frequency, s.TfExponent) * c.Idf;
        double position = 1.0 / (1.0 + (c.FirstPosition * s.PositionScale));
        double log = (s.TfIdfWeight * Math.Log(tfidf))
            + (s.GraphWeight * Math.Log(c.Graph + 1e-3))
            + (s.PositionWeight * Math.Log(position))
            + Math.Log(c.Words switch { 1 => 1.0, 2 => s.TwoWordBonus, 3 => s.ThreeWordBonus, _ => s.FourWordBonus })
            + (s.SpreadWeight * Math.Log(0.1 + c.Spread))
            + (s.MaximalWeight * Math.Log(0.1 + c.MaximalShare))
            + Math.Log(1.0 + (s.CapitalBonus * c.CapitalShare))
            + (c.NegatedShare >= 0.5 ? Math.Log(s.NegatedFactor) : 0.0);
        return Math.Exp(log);
    }

    /// <summary>How many of <paramref name="c"/>'s occurrences lie inside an occurrence of a longer phrase among <paramref name="phrases"/>.</summary>
    private static int Inside(KeywordCandidate c, KeywordCandidate[] phrases)
    {
        var spans = new HashSet<(int, int)>();
        foreach (KeywordCandidate p in phrases)
        {
            if (p.Words > c.Words)
            {
                foreach (CandidateOccurrence o in p.Occurrences)
                {
                    for (int t = o.FirstToken; t <= o.LastToken; t++)
                    {
                        spans.Add((t, t));
                    }
                }
            }
        }

        return c.Occurrences.Count(o => spans.Contains((o.FirstToken, o.LastToken)));
    }

    /// <summary>A phrase whose words are a contiguous part of another's (or the reverse).</summary>
    private static bool Overlaps(string a, string b) =>
        (" " + a + " ").Contains(" " + b + " ", StringComparison.Ordinal)
        || (" " + b + " ").Contains(" " + a + " ", StringComparison.Ordinal);

    private static Dictionary<string, double> Explain(KeywordCandidate c) => new(StringComparer.Ordinal)
    {
        ["frequency"] = c.Frequency,
        ["idf"] = Math.Round(c.Idf, 4),
        ["graph"] = Math.Round(c.Graph, 4),
        ["firstPosition"] = Math.Round(c.FirstPosition, 4),
        ["spread"] = Math.Round(c.Spread, 4),
        ["words"] = c.Words,
        ["nounPhrase"] = Math.Round(c.MaximalShare, 4),
        ["capitalised"] = Math.Round(c.CapitalShare, 4),
        ["negated"] = Math.Round(c.NegatedShare, 4),
    };

    private static KeywordOccurrence[] Occurrences(ParsedDocument doc, KeywordCandidate[] candidates)
    {
        SourceText source = doc.Source;
        // A folded variant ("UC benefits") holds an occurrence of its acronym ("UC"): the longer span is the occurrence.
        CandidateOccurrence[] all = [.. candidates.SelectMany(c => c.Occurrences).OrderBy(o => o.FirstToken).ThenByDescending(o => o.LastToken)];
        var spans = new List<CandidateOccurrence>(all.Length);
        foreach (CandidateOccurrence o in all)
        {
            if (spans.Count > 0 && spans[^1].FirstToken <= o.FirstToken && o.LastToken <= spans[^1].LastToken)
            {
                continue;
            }

            spans.Add(o);
        }

        return [.. spans.OrderBy(o => o.FirstToken).ThenBy(o => o.LastToken).Select(o =>
        {
            var span = TextSpan.FromBounds(doc.Tokens[o.FirstToken].Span.Start, doc.Tokens[o.LastToken].Span.End);
            return new KeywordOccurrence(span, source.GetLinePosition(span.Start), o.Sentence);
        })];
    }
}

using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Keywords;

/// <summary>One place a candidate phrase occurs: its tokens, sentence, and whether it is a whole noun phrase there.</summary>
/// <remarks>In a title-case headline, noun-phrase edges and capitals carry no information: such occurrences are never maximal or capitalised.
/// <see cref="Negated"/>: the text says there is none ("there is no North Korean embassy in Japan").
/// <see cref="Head"/>: the phrase ends where its noun phrase ends (its last word heads it): "contracts" in "event contracts" does, "event" does not.
/// <see cref="Qualified"/>: an adverb in -ly qualifies the phrase's first word, an adjective ("important banks" in "systemically important banks").</remarks>
public readonly record struct CandidateOccurrence(int FirstToken, int LastToken, int Sentence, bool Maximal, bool InTitleCase, string Surface, bool Negated = false, bool Head = true, bool Qualified = false);

/// <summary>A candidate keyphrase: its stemmed key, every occurrence, and the features it is ranked by.</summary>
public sealed class KeywordCandidate
{
    internal KeywordCandidate(string key, string[] stems)
    {
        Key = key;
        Stems = stems;
    }

    /// <summary>Porter stems of the lower-case words, joined by one space (a demonym modifying a later word folded: north korean embassy → north korea embassy).</summary>
    public string Key { get; }

    public string[] Stems { get; }

    public int Words => Stems.Length;

    public List<CandidateOccurrence> Occurrences { get; } = [];

    /// <summary>The form most often written (exact casing; title-case headlines do not vote unless nothing else does); ties go to the one written first.</summary>
    public string Display { get; internal set; } = "";

    public int Frequency => Occurrences.Count;

    /// <summary>Position of the first occurrence among the document's words, in [0, 1).</summary>
    public double FirstPosition { get; internal set; }

    /// <summary>Distance from first to last occurrence over the document's length, in [0, 1).</summary>
    public double Spread { get; internal set; }

    public double Idf { get; internal set; }

    /// <summary>Sum of the PositionRank scores of the phrase's words (each word's score in [0, 1]).</summary>
    public double Graph { get; internal set; }

    /// <summary>Share of occurrences in which the phrase is a whole noun phrase, not part of a longer one.</summary>
    public double MaximalShare { get; internal set; }

    /// <summary>Share of occurrences the text asserts absent: "there is no North Korean embassy" (there + be + no).</summary>
    public double NegatedShare { get; internal set; }

    /// <summary>Share of occurrences in which the phrase ends its noun phrase (its last word is the head, not a modifier of a later word).</summary>
    public double HeadShare { get; internal set; }

    /// <summary>Share of occurrences written with every word capitalised (outside sentence-initial position for one word).</summary>
    public double CapitalShare { get; internal set; }
}

/// <summary>
/// Finds keyphrase candidates in a parsed, tagged document: noun phrases (runs of adjectives, nouns
/// and proper nouns inside a sentence, never across punctuation, no stop words, nothing inside a
/// reference such as P.L. 119-21 or a CRS cross-reference with its title and authors) and every sub-phrase
/// of 1–<see cref="KeywordSettings.MaxWords"/> words of them that ends in a noun (or a capitalised
/// adjective such as 'North Korean'); optionally two such phrases joined by 'of'. Candidates
/// with the same stems are one candidate; a demonym modifying a later word is folded onto its place
/// (North Korean embassy / North Korea embassy), a demonym heading a phrase (Koreans, North Korean) is not. Every candidate gets its features here, once.
/// </summary>
public static class KeywordCandidates
{
    /// <summary>
    /// The longest run of candidate words that is a noun phrase. A longer run, with no verb, stop word or punctuation in
    /// it, is a list or a data dump saved as text ("word word word …" for megabytes): its words are no candidates and
    /// not in the word graph. Every word of a run starts up to <see cref="KeywordSettings.MaxWords"/> candidate phrases,
    /// so such a run cost about 1.5 KB of memory per word. The longest runs found are 8 words in the seeds and the CRS
    /// documents, 11 in DUC 2001 and 42 (a table of the SemEval 2010 papers' extracted text): 64 changes none of them.
    /// </summary>
    public const int LongestRun = 64;

    public static List<KeywordCandidate> Find(DocumentFeatures features, KeywordSettings settings)
    {
        ParsedDocument doc = features.Document;
        IReadOnlyList<Token> tokens = doc.Tokens;
        IReadOnlyList<PartOfSpeech> tags = doc.Tags;
        int n = tokens.Count;

        // Word ordinal of every token (for positions), and which tokens can be part of a keyphrase.
        var ordinal = new int[n];
        var usable = new bool[n];
        int words = 0;
        for (int t = 0; t < n; t++)
        {
            ordinal[t] = words;
            if (tokens[t].Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
            }

            usable[t] = IsCandidateWord(tokens[t], tags[t]) && !doc.InReference(tokens[t]);
        }

        VerbForms verbs = VerbForms.Of(tokens, tags);
        foreach (Sentence sentence in doc.Sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
            for (int t = sentence.FirstToken; t < end; t++)
            {
                if (usable[t] && PhraseGrammar.IsVerbInContext(tokens, tags, doc.VerbProbability, verbs, sentence.FirstToken, end, t))
                {
                    usable[t] = false;
                }
            }
        }

        foreach (Sentence sentence in doc.Sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
            for (int t = sentence.FirstToken; t < end; t++)
            {
                if (usable[t])
                {
                    int s = t;
                    t = RunEnd(tokens, tags, usable, s, end);
                    if (t - s + 1 > LongestRun)
                    {
                        Array.Fill(usable, false, s, t - s + 1);
                    }
                }
            }
        }

        (string[] plain, Dictionary<string, string> demonyms) = Stems(tokens, usable);
        var canonical = new string[plain.Length];
        for (int t = 0; t < plain.Length; t++)
        {
            canonical[t] = plain[t] is { } stem && demonyms.TryGetValue(stem, out string? place) ? place : plain[t];
        }
        var byKey = new Dictionary<string, KeywordCandidate>(StringComparer.Ordinal);
        var chunks = new List<(int Start, int End)>();
        foreach (Sentence sentence in doc.Sentences)
        {
            bool titleCase = Headlines.IsTitleCase(doc.TokensOf(sentence));
            chunks.Clear();
            if (sentence.IsByline)
            {
                continue;
            }

            int end = sentence.FirstToken + sentence.TokenCount;
            for (int t = sentence.FirstToken; t < end; t++)
            {
                if (!usable[t])
                {
                    continue;
                }

                int s = t;
                t = RunEnd(tokens, tags, usable, s, end);
                chunks.Add((s, t));
            }

            foreach ((int start, int last) in chunks)
            {
                bool negated = IsAssertedAbsent(tokens, sentence.FirstToken, start);
                for (int i = start; i <= last; i++)
                {
                    if (i > start && !titleCase && InsideName(tokens, sentence, i - 1, i))
                    {
                        continue;
                    }

                    bool qualified = IsQualifiedByAdverb(tokens, tags, sentence.FirstToken, i);

                    for (int j = i; j <= last && j - i < settings.MaxWords; j++)
                    {
                        if (CanEnd(tokens[j], tags[j]) && (j == last || titleCase || !InsideName(tokens, sentence, j, j + 1)))
                        {
                            bool maximal = !titleCase && i == start && j == last && !PartOfLongerName(tokens, sentence, i, j);
                            // Only a phrase with the head is absent: in "no North Korean embassy", North Korea is not.
                            Add(byKey, doc, plain, canonical, i, j, sentence.Index, maximal, titleCase, negated && j == last, j == last, qualified);
                        }
                    }
                }
            }

            if (settings.OfPhrases)
            {
                for (int c = 0; c + 1 < chunks.Count; c++)
                {
                    (int s1, int e1) = chunks[c];
                    (int s2, int e2) = chunks[c + 1];
                    if (s2 != e1 + 2 || tokens[e1 + 1].Lower != "of" || !IsNoun(tags[e1]))
                    {
                        continue;
                    }

                    for (int left = 1; left <= Math.Min(2, e1 - s1 + 1); left++)
                    {
                        for (int right = 1; right <= e2 - s2 + 1 && left + right + 1 <= settings.MaxWords; right++)
                        {
                            int j = s2 + right - 1;
                            int i = e1 - left + 1;
                            bool splitsName = !titleCase && ((i > s1 && InsideName(tokens, sentence, i - 1, i)) || (j < e2 && InsideName(tokens, sentence, j, j + 1)));
                            if (IsNoun(tags[j]) && !splitsName)
                            {
                                Add(byKey, doc, plain, canonical, i, j, sentence.Index, !titleCase && left == e1 - s1 + 1 && j == e2, titleCase);
                            }
                        }
                    }
                }
            }
        }

        double[] graph = GraphScores(tokens, usable, canonical, settings.GraphWindow, out Dictionary<string, int> nodeIds);
        // A phrase the document writes only with an adverb before its adjective ("systemically important banks", "federally
        // funded research", "heavily armored systems") is a fragment of a term, not a term: "important banks". One the
        // document also writes alone ("unemployed workers" beside "involuntarily unemployed workers") stays, with every occurrence.
        var candidates = byKey.Values.Where(c => !c.Occurrences.TrueForAll(o => o.Qualified)).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        double total = Math.Max(1, words);
        foreach (KeywordCandidate c in candidates)
        {
            c.Occurrences.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
            c.Display = OneSurface(c.Occurrences) ?? c.Occurrences
                .GroupBy(o => o.Surface, StringComparer.Ordinal)
                .Select(g => (Surface: g.Key, Body: g.Count(o => !o.InTitleCase), Count: g.Count(), First: g.Min(o => o.FirstToken)))
                .OrderByDescending(g => g.Body).ThenByDescending(g => g.Count).ThenBy(g => g.First)
                .First().Surface;
            c.FirstPosition = ordinal[c.Occurrences[0].FirstToken] / total;
            c.Spread = (ordinal[c.Occurrences[^1].FirstToken] - ordinal[c.Occurrences[0].FirstToken]) / total;
            c.MaximalShare = c.Occurrences.Count(o => o.Maximal) / (double)c.Frequency;
            c.CapitalShare = c.Occurrences.Count(o => IsCapitalised(doc, o)) / (double)c.Frequency;
            c.NegatedShare = c.Occurrences.Count(o => o.Negated) / (double)c.Frequency;
            c.HeadShare = c.Occurrences.Count(o => o.Head) / (double)c.Frequency;
            c.Idf = features.Background.PhraseIdf(c.Display.ToLowerInvariant().Split(' '));
            double g = 0;
            foreach (string stem in c.Stems.Distinct(StringComparer.Ordinal))
            {
                if (stem != "of" && nodeIds.TryGetValue(demonyms.GetValueOrDefault(stem, stem), out int id))
                {
                    g += graph[id];
                }
            }

            c.Graph = g;
        }

        return candidates;
    }

    /// <summary>The last token of the run of usable tokens that starts at <paramref name="start"/>, before <paramref name="end"/>.</summary>
    private static int RunEnd(IReadOnlyList<Token> tokens, IReadOnlyList<PartOfSpeech> tags, bool[] usable, int start, int end)
    {
        int t = start;
        while (t + 1 < end && usable[t + 1] && !PhraseGrammar.BreaksBefore(tokens, tags, start, t + 1))
        {
            t++;
        }

        return t;
    }

    /// <summary>The surface of the occurrences when they all have the same one (most candidates occur once), else null.</summary>
    private static string? OneSurface(List<CandidateOccurrence> occurrences)
    {
        string surface = occurrences[0].Surface;
        for (int i = 1; i < occurrences.Count; i++)
        {
            if (!string.Equals(occurrences[i].Surface, surface, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return surface;
    }

    public static bool IsCandidateWord(Token token, PartOfSpeech tag) =>
        token.Kind == TokenKind.Word
        && tag.IsNominal()
        && token.Lower.Length > 1
        && Letters.Any(token.Lower)
        && !StopWords.Contains(token.Lower.TrimEnd('.'))
        && !TimeWords.Contains(token.Lower)
        && !PhraseGrammar.IsRomanNumeral(token.Text)
        && !PhraseGrammar.IsCode(token.Text);

    /// <summary>Days, months and other calendar words: they date a story, they are not what it is about.</summary>
    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "jan.", "feb.", "mar.", "apr.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",
        "today", "yesterday", "tomorrow", "week", "weeks", "year", "years", "month", "months", "day", "days", "time",
    };

    /// <summary>
    /// A noun phrase starting at <paramref name="start"/> that the text says does not exist: "there is no North Korean
    /// embassy", "there are currently no federal standards" (there + a form of be, perhaps one adverb, then no).
    /// Other uses of "no" ("no significant difference", "with no funding expiration date") are left alone.
    /// </summary>
    private static bool IsAssertedAbsent(IReadOnlyList<Token> tokens, int sentenceStart, int start)
    {
        if (start - 3 < sentenceStart || tokens[start - 1].Lower != "no")
        {
            return false;
        }

        for (int be = start - 2; be >= Math.Max(sentenceStart + 1, start - 3); be--)
        {
            if (tokens[be].Lower is "is" or "are" or "was" or "were" or "be" or "been" or "'s" && tokens[be - 1].Lower == "there")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Two adjacent capitalised words (not the sentence's first word) belong to one name
    /// (North Korea, Fumio Kishida): a sub-phrase may not split them.
    /// </summary>
    private static bool InsideName(IReadOnlyList<Token> tokens, Sentence sentence, int left, int right) =>
        left > sentence.FirstToken && tokens[left].IsCapitalized && tokens[right].IsCapitalized;

    /// <summary>
    /// A capitalised phrase joined by "of" to a capitalised word on either side is part of a longer
    /// name (General Association | of | Korean Residents in Japan, Bank of Japan): there it is not a
    /// whole noun phrase of its own.
    /// </summary>
    private static bool PartOfLongerName(IReadOnlyList<Token> tokens, Sentence sentence, int first, int last)
    {
        for (int t = first; t <= last; t++)
        {
            if (!tokens[t].IsCapitalized)
            {
                return false;
            }
        }

        int end = sentence.FirstToken + sentence.TokenCount;
        return (first - 2 >= sentence.FirstToken && tokens[first - 1].Lower == "of" && tokens[first - 2].IsCapitalized)
            || (last + 2 < end && tokens[last + 1].Lower == "of" && tokens[last + 2].IsCapitalized);
    }

    /// <summary>
    /// True when token <paramref name="t"/> is a lower-case adjective right after a lower-case adverb in -ly in the same
    /// sentence ("systemically important", "heavily armored"): a phrase opening there has lost the word that qualifies it.
    /// </summary>
    private static bool IsQualifiedByAdverb(IReadOnlyList<Token> tokens, IReadOnlyList<PartOfSpeech> tags, int sentenceStart, int t)
    {
        if (t <= sentenceStart || tags[t] != PartOfSpeech.Adj || tags[t - 1] != PartOfSpeech.Adv || tokens[t].IsCapitalized)
        {
            return false;
        }

        Token adverb = tokens[t - 1];
        return adverb.Kind == TokenKind.Word && !adverb.IsCapitalized && adverb.Lower.Length > 4 && adverb.Lower.EndsWith("ly", StringComparison.Ordinal);
    }

    private static bool IsNoun(PartOfSpeech tag) => tag is PartOfSpeech.Noun or PartOfSpeech.Propn;

    private static bool CanEnd(Token token, PartOfSpeech tag) =>
        (IsNoun(tag) || (tag == PartOfSpeech.Adj && token.IsCapitalized)) && !(VacuousHeads.Contains(token.Lower) && !token.IsCapitalized);

    /// <summary>
    /// Nouns that name nothing by themselves: a phrase headed by one ("the primary ways banks are regulated", "these kinds of
    /// things") is about what follows it, never a key term. Capitalised, they may be part of a name and stay.
    /// </summary>
    private static readonly HashSet<string> VacuousHeads = new(StringComparer.Ordinal)
    {
        "way", "ways", "thing", "things", "kind", "kinds", "sort", "sorts", "lot", "lots",
    };

    private static bool IsCapitalised(ParsedDocument doc, CandidateOccurrence o)
    {
        if (o.InTitleCase)
        {
            return false;
        }

        for (int t = o.FirstToken; t <= o.LastToken; t++)
        {
            Token token = doc.Tokens[t];
            if (token.Lower != "of" && !token.IsCapitalized)
            {
                return false;
            }
        }

        // A single capitalised word that starts its sentence says nothing about being a name.
        return o.FirstToken != o.LastToken || doc.Sentences[o.Sentence].FirstToken != o.FirstToken;
    }

    /// <summary>
    /// Adds one occurrence of the phrase first..last. Its key is the Porter stems of its words; a demonym that modifies a
    /// later word of the phrase is folded onto its place ("North Korean embassy" is the embassy of North Korea, key
    /// "north korea embassy"), but a demonym that heads the phrase is not: "Koreans" are people and "North Korean" on its
    /// own an adjective, neither an inflection of "Korea".
    /// </summary>
    private static void Add(Dictionary<string, KeywordCandidate> byKey, ParsedDocument doc, string[] plain, string[] canonical, int first, int last, int sentence, bool maximal, bool titleCase, bool negated = false, bool head = true, bool qualified = false)
    {
        var stems = new string[last - first + 1];
        for (int t = first; t <= last; t++)
        {
            stems[t - first] = (t < last ? canonical[t] : plain[t]) ?? doc.Tokens[t].Lower;
        }

        string key = string.Join(' ', stems);
        if (!byKey.TryGetValue(key, out KeywordCandidate? c))
        {
            c = new KeywordCandidate(key, stems);
            byKey[key] = c;
        }

        string surface = first == last ? doc.Tokens[first].Text : string.Join(' ', Enumerable.Range(first, last - first + 1).Select(t => doc.Tokens[t].Text));
        c.Occurrences.Add(new CandidateOccurrence(first, last, sentence, maximal, titleCase, surface, negated, head, qualified));
    }

    /// <summary>
    /// Porter stems of the usable tokens, and the demonyms among them mapped to their place when both occur
    /// (korean → korea): the word graph counts a place and its demonym as one word.
    /// </summary>
    private static (string[] Stems, Dictionary<string, string> Demonyms) Stems(IReadOnlyList<Token> tokens, bool[] usable)
    {
        var stems = new string[tokens.Count];
        var present = new HashSet<string>(StringComparer.Ordinal);
        for (int t = 0; t < tokens.Count; t++)
        {
            if (usable[t])
            {
                stems[t] = PhraseStemmer.Stem(tokens[t].Lower);
                present.Add(stems[t]);
            }
        }

        var fold = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string s in present)
        {
            foreach (string suffix in (ReadOnlySpan<string>)["n", "an", "ean"])
            {
                string longer = s + suffix;
                if (s.Length >= 4 && present.Contains(longer) && PhraseStemmer.IsDemonymPair(s, longer))
                {
                    fold[longer] = s;
                }
            }
        }

        return (stems, fold);
    }

    private static double[] GraphScores(IReadOnlyList<Token> tokens, bool[] usable, string[] canonical, int window, out Dictionary<string, int> nodeIds)
    {
        nodeIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var sequence = new List<int>(tokens.Count);
        for (int t = 0; t < tokens.Count; t++)
        {
            if (tokens[t].Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                continue;
            }

            if (!usable[t])
            {
                sequence.Add(-1);
                continue;
            }

            if (!nodeIds.TryGetValue(canonical[t], out int id))
            {
                id = nodeIds.Count;
                nodeIds[canonical[t]] = id;
            }

            sequence.Add(id);
        }

        return WordGraph.Rank(sequence, nodeIds.Count, window);
    }
}

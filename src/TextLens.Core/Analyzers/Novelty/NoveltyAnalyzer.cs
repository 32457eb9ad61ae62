using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Analyzers.Themes;
using TextLens.Core.Corpus;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Novelty;

/// <summary>
/// Compares each document with a corpus index (<c>report --corpus</c>): the document's terms (the index's terms of
/// the shared featurisation, <see cref="CorpusTerms"/>) weighed as the corpus documents are (<see cref="CorpusSearch"/>)
/// give its nearest documents and the terms behind each similarity; its keywords found in at most
/// <see cref="NoveltySettings.RareShare"/> of the corpus are its new terms; each theme's sentences, compared the same
/// way, tell whether the corpus has seen the theme. A document that is itself in the corpus (same path) is compared
/// with the others. Publishes a <see cref="NoveltyResult"/>, reported by its <see cref="NoveltySection"/>; reports no rules.
/// </summary>
public sealed class NoveltyAnalyzer(CorpusSearch corpus, NoveltySettings? settings = null) : IDocumentAnalyzer
{
    public CorpusSearch Corpus { get; } = corpus ?? throw new ArgumentNullException(nameof(corpus));

    public NoveltySettings Settings { get; } = settings ?? NoveltySettings.Default;

    public string Name => "corpus";

    public IReadOnlyList<RuleDescriptor> SupportedRules => [];

    public Type? ResultType => typeof(NoveltyResult);

    public IReadOnlyList<Type> Dependencies { get; } = [typeof(KeywordResult), typeof(ThemeResult)];

    /// <summary>The document's <c>corpus</c> in the report, and the line under its heading (<see cref="NoveltySection"/>).</summary>
    public IReportSection Section => NoveltySection.Instance;

    public void Analyze(AnalysisContext context) => context.SetResult(Compare(
        context.Source.Path, context.Features, context.GetResult<KeywordResult>(), context.GetResult<ThemeResult>()));

    /// <summary>The comparison of one featurised document (its keywords and themes, when known) with the corpus.</summary>
    public NoveltyResult Compare(string path, DocumentFeatures features, KeywordResult? keywords, ThemeResult? themes)
    {
        ArgumentNullException.ThrowIfNull(features);
        int self = Corpus.DocumentIndex(path);
        bool[] kept = CorpusTerms.Kept(features);

        var bag = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < kept.Length; i++)
        {
            if (kept[i] && features.TermFrequency[i] > 0)
            {
                bag[features.Vocabulary[i]] = features.TermFrequency[i];
            }
        }

        QueryVector query = Corpus.Weigh(bag);
        if (self < 0 && Corpus.Nearest(query, 1) is [{ Similarity: > 0.9999 } same] && Corpus.HasTerms(same.Document, bag))
        {
            self = same.Document; // the same text under another path (an index built from another folder)
        }

        var surface = new SurfaceForms(features.Document);
        NearDocument[] nearest = [.. Corpus.Nearest(query, Settings.Nearest, self).Select(m =>
        {
            IndexedDocument doc = Corpus.Index.Documents[m.Document];
            return new NearDocument(doc.Id, doc.Name, Math.Round(m.Similarity, 4), [.. Corpus.SharedTerms(query, m.Document, Settings.SharedTerms).Select(surface.Of)]);
        })];

        int others = Corpus.Count - (self >= 0 ? 1 : 0);
        return new NoveltyResult(others, nearest, NewTerms(features.Document, keywords, self, others), ThemeNovelties(features, kept, themes, self));
    }

    private List<NewTerm> NewTerms(ParsedDocument document, KeywordResult? keywords, int self, int others)
    {
        var found = new List<NewTerm>();
        if (keywords is null)
        {
            return found;
        }

        double limit = Settings.RareShare * others;
        var usedWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (Keyword keyword in keywords.Keywords)
        {
            if (found.Count == Settings.NewTerms)
            {
                break;
            }

            List<string> words = keyword.Occurrences.Count == 0 ? [] : WordsAt(document, keyword.Occurrences[0].Span);
            if (PhraseFrequency(words, self) is not int df || df > limit)
            {
                continue;
            }

            // A variant of a term already listed (M-1E3 Abrams after M-1E3) adds nothing: one word in common is enough.
            string[] content = [.. words.Where(CorpusTerms.Keeps)];
            if (content.Any(usedWords.Contains))
            {
                continue;
            }

            usedWords.UnionWith(content);
            found.Add(new NewTerm(keyword.Text, df));
        }

        return found;
    }

    /// <summary>
    /// An upper bound of the number of corpus documents (leaving out <paramref name="self"/>) that hold a phrase: the
    /// least frequency among its indexed two-word parts, or among its indexed words when it has no such part; null
    /// when no part of it is an index term (a phrase of stop words and numbers).
    /// </summary>
    private int? PhraseFrequency(IReadOnlyList<string> words, int self)
    {
        int? least = null;
        for (int i = 0; i + 1 < words.Count; i++)
        {
            string bigram = words[i] + " " + words[i + 1];
            if (CorpusTerms.Keeps(bigram))
            {
                least = Math.Min(least ?? int.MaxValue, Corpus.DocumentFrequency(bigram, self));
            }
        }

        if (least is null)
        {
            foreach (string word in words)
            {
                if (CorpusTerms.Keeps(word))
                {
                    least = Math.Min(least ?? int.MaxValue, Corpus.DocumentFrequency(word, self));
                }
            }
        }

        return least;
    }

    /// <summary>
    /// How the document writes a lower-case index term: its most frequent spelling inside running text (not the first
    /// word of a sentence, not a heading; ties in ordinal order), so that shared terms read "UI" and "unemployment
    /// insurance", not "ui" or "Unemployment Insurance"; anywhere when it occurs only there.
    /// </summary>
    private sealed class SurfaceForms(ParsedDocument document)
    {
        public string Of(string term)
        {
            string[] words = term.Split(' ');
            var inText = new Dictionary<string, int>(StringComparer.Ordinal);
            var anywhere = new Dictionary<string, int>(StringComparer.Ordinal);
            IReadOnlyList<Token> tokens = document.Tokens;
            foreach (Sentence sentence in document.Sentences)
            {
                int end = sentence.FirstToken + sentence.TokenCount;
                for (int t = sentence.FirstToken; t + words.Length <= end; t++)
                {
                    if (!Matches(tokens, t, words))
                    {
                        continue;
                    }

                    string form = words.Length == 1 ? tokens[t].Text : string.Join(' ', Enumerable.Range(t, words.Length).Select(i => tokens[i].Text));
                    anywhere[form] = anywhere.GetValueOrDefault(form) + 1;
                    if (t > sentence.FirstToken && sentence.Kind != BlockKind.Heading)
                    {
                        inText[form] = inText.GetValueOrDefault(form) + 1;
                    }
                }
            }

            Dictionary<string, int> forms = inText.Count > 0 ? inText : anywhere;
            return forms.Count == 0 ? term : forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
        }

        private static bool Matches(IReadOnlyList<Token> tokens, int at, string[] words)
        {
            for (int k = 0; k < words.Length; k++)
            {
                if (tokens[at + k].Kind is not (TokenKind.Word or TokenKind.Number) || tokens[at + k].Lower != words[k])
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The lower-case word and number tokens inside a span, as the featurisation sees them.</summary>
    private static List<string> WordsAt(ParsedDocument document, TextSpan span)
    {
        IReadOnlyList<Token> tokens = document.Tokens;
        int lo = 0;
        int hi = tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Span.Start < span.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var words = new List<string>();
        for (int t = lo; t < tokens.Count && tokens[t].Span.Start < span.End; t++)
        {
            if (tokens[t].Kind is TokenKind.Word or TokenKind.Number)
            {
                words.Add(tokens[t].Lower);
            }
        }

        return words;
    }

    private List<ThemeNovelty> ThemeNovelties(DocumentFeatures features, bool[] kept, ThemeResult? themes, int self)
    {
        var result = new List<ThemeNovelty>();
        if (themes is null)
        {
            return result;
        }

        foreach (Theme theme in themes.Themes)
        {
            var bag = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (int s in theme.Sentences)
            {
                SparseVector terms = features.SentenceTerms[s];
                for (int k = 0; k < terms.Count; k++)
                {
                    if (kept[terms.Indices[k]])
                    {
                        string term = features.Vocabulary[terms.Indices[k]];
                        bag[term] = bag.GetValueOrDefault(term) + terms.Values[k];
                    }
                }
            }

            IReadOnlyList<CorpusMatch> best = Corpus.Nearest(Corpus.Weigh(bag), 1, self);
            double similarity = best.Count == 0 ? 0 : Math.Round(best[0].Similarity, 4);
            string? closest = best.Count == 0 ? null : Corpus.Index.Documents[best[0].Document].Id;
            result.Add(new ThemeNovelty(theme.Id, theme.Label, closest, similarity, similarity < Settings.NewThemeSimilarity));
        }

        return result;
    }
}

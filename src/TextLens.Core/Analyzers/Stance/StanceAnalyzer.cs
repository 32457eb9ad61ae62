using TextLens.Core.Analysis;
using TextLens.Core.Analyzers.Keywords;
using TextLens.Core.Features;
using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// Tags every sentence with its stance (<see cref="StanceTagger"/>), builds the document's stance
/// profile and its stance toward the top keywords, and reports the TL3xxx rules.
/// </summary>
public sealed class StanceAnalyzer : IDocumentAnalyzer
{
    /// <summary>How many top keywords get a stance summary.</summary>
    public const int KeyTermCount = 10;

    /// <summary>TL3005 needs at least this many evaluative mentions of the key term: three polar sentences about a benefits programme are not a slant.</summary>
    public const int MinEvaluative = 4;

    /// <summary>How many sentences each "most …" list holds.</summary>
    public const int MostCount = 3;

    private readonly ModelSet _models;

    /// <param name="models">The models; the stance tagger loads from them when the analyzer first runs.</param>
    public StanceAnalyzer(ModelSet models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _models = models;
    }

    public string Name => "stance";

    public IReadOnlyList<RuleDescriptor> SupportedRules => StanceRules.All;

    public Type? ResultType => typeof(StanceResult);

    /// <summary>The stance in the report: the document's profile, each sentence's tags, their views (<see cref="StanceSection"/>).</summary>
    public IReportSection? Section => StanceSection.Instance;

    /// <summary>Stance toward the key terms reads the keywords.</summary>
    public IReadOnlyList<Type> Dependencies { get; } = [typeof(KeywordResult)];

    public void Analyze(AnalysisContext context)
    {
        ParsedDocument doc = context.Document;
        StanceTagger tagger = _models.Stance;
        string text = doc.Prose.Text;
        var sentences = new SentenceStance[doc.Sentences.Count];
        var strings = new TokenStrings();
        var allTokens = (Token[])doc.Tokens;
        InspectedSentence? inspected = null;
        // The publisher's notes after the article (an author note, a masthead, a comment form) are not the author's: not tagged.
        int backMatter = doc.BackMatterStart;
        // The document context of a polarity model that reads it: the tone of every sentence of the article, from its tokens.
        DocumentTone? tone = tagger.PolarityDocumentContext ? new DocumentTone(backMatter, k => DocumentTone.Words(doc.TokensOf(doc.Sentences[k]))) : null;
        // The document context of an epistemic model that reads it: every sentence in order, each following the one before.
        EpistemicDocument? discourse = tagger.EpistemicDocumentContext
            ? EpistemicDocument.Of(doc)
            : null;
        for (int i = 0; i < sentences.Length; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (i >= backMatter)
            {
                sentences[i] = SentenceStance.BackMatter(i);
                continue;
            }

            Sentence sentence = doc.Sentences[i];
            string? previous = PreviousInDiscourse(doc, i);
            StanceContext around = StanceContext.For(sentence.Text, previous, sentence.Kind == BlockKind.Heading) with
            {
                BlockQuote = sentence.Kind == BlockKind.Quote && QuotationAfterLeadIn(doc, sentence.Paragraph),
                Strings = strings,
                Document = tone,
                Discourse = discourse,
                Position = i,
                // The previous sentence in discourse is the one tagged last (not a list's lead-in): its evidence may serve.
                Inspected = inspected is not null && ReferenceEquals(previous, inspected.Sentence.Text) ? inspected : null,
            };
            sentences[i] = tagger.Tag(i, text, doc.TokensOf(sentence), around, out StanceEvidence evidence);
            inspected = around.BlockQuote ? null : new InspectedSentence(text, sentence, allTokens, evidence);
        }

        KeywordResult keywords = context.GetResult<KeywordResult>();
        StanceResult result = Summarize(sentences, keywords);
        context.SetResult(result);
        ReportSentenceRules(context, doc, sentences, tagger);
        ReportOneSided(context, doc, sentences, result.KeyTerms);
    }

    /// <summary>
    /// A block quotation (Markdown "&gt;") is a source's words when the paragraph before the quotation leads into it
    /// without ending its sentence ("The Navy's FY2025 budget request notes that", "According to the Marine Corps,",
    /// "an Army spokesman stated the following:"); one after a finished sentence or a heading is a text box or a note in
    /// the author's own voice ("**Dynamic Pricing** …", "For additional information, see …").
    /// </summary>
    internal static bool QuotationAfterLeadIn(ParsedDocument doc, int paragraph)
    {
        int p = paragraph;
        while (p > 0 && doc.Paragraphs[p - 1].Kind == BlockKind.Quote)
        {
            p--;
        }

        if (p == 0 || doc.Paragraphs[p - 1] is not { SentenceCount: > 0, Kind: not BlockKind.Heading } before)
        {
            return false;
        }

        ReadOnlySpan<char> leadIn = doc.Sentences[before.FirstSentence + before.SentenceCount - 1].Text.AsSpan().TrimEnd().TrimEnd("\"'”’)]*");
        return !leadIn.IsEmpty && leadIn[^1] is not ('.' or '?' or '!');
    }

    /// <summary>
    /// The sentence a reader reads sentence <paramref name="i"/> after: the one before it, except that each item of a
    /// list introduced by a lead-in ("Recommendations to NMFS included consideration of the following:") follows
    /// the lead-in, which governs every item, not the item before it. Null for the first sentence.
    /// </summary>
    internal static string? PreviousInDiscourse(ParsedDocument doc, int i)
    {
        if (i == 0)
        {
            return null;
        }

        Sentence sentence = doc.Sentences[i];
        if (sentence.Kind == BlockKind.ListItem && doc.Paragraphs[sentence.Paragraph].FirstSentence == i)
        {
            // Walk back over the list's earlier items (each opens its own paragraph) to the paragraph before the list.
            int p = sentence.Paragraph;
            while (p > 0 && doc.Paragraphs[p - 1].Kind == BlockKind.ListItem)
            {
                p--;
            }

            if (p > 0 && doc.Paragraphs[p - 1].SentenceCount > 0)
            {
                Paragraph before = doc.Paragraphs[p - 1];
                string leadIn = doc.Sentences[before.FirstSentence + before.SentenceCount - 1].Text;
                if (leadIn.AsSpan().TrimEnd().EndsWith(':'))
                {
                    return leadIn;
                }
            }
        }

        return doc.Sentences[i - 1].Text;
    }

    /// <summary>
    /// The document's profile, its "most …" lists and its stance toward the top keywords, over the tagged sentences: a
    /// sentence of the back matter (<see cref="SentenceStance.InBackMatter"/>) counts nowhere, and a key term's mentions there
    /// are not its mentions in the article.
    /// </summary>
    public static StanceResult Summarize(IReadOnlyList<SentenceStance> all, KeywordResult keywords)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(keywords);
        SentenceStance[] sentences = [.. all.Where(s => !s.InBackMatter)];
        var epistemic = Enum.GetValues<EpistemicStance>().ToDictionary(e => e, e => sentences.Count(s => s.Epistemic == e));
        var polarity = Enum.GetValues<Polarity>().ToDictionary(p => p, p => sentences.Count(s => s.Polarity == p));
        var profile = new StanceProfile(
            sentences.Length,
            epistemic,
            polarity,
            sentences.Count(s => s.Subjective),
            sentences.Length == 0 ? 0 : Math.Round(sentences.Average(s => s.PolarityScore), 4));

        int[] mostHedged = Top(sentences, s => s.Hedged, s => s.Hedged >= 0.5);
        int[] mostPrescriptive = Top(sentences, s => s.Prescriptive, s => s.Prescriptive >= 0.5);
        int[] mostPolar = Top(sentences, s => Math.Abs(s.PolarityScore), s => s.Polarity != Polarity.Neutral);

        var terms = new List<KeyTermStance>();
        foreach (Keyword k in keywords.Keywords.OrderBy(k => k.Rank).Take(KeyTermCount))
        {
            int[] mentions = [.. k.Occurrences.Select(o => o.Sentence).Where(i => i >= 0 && i < all.Count && !all[i].InBackMatter).Distinct().Order()];
            if (mentions.Length == 0)
            {
                continue;
            }

            SentenceStance[] m = [.. mentions.Select(i => all[i])];
            terms.Add(new KeyTermStance(
                k.Text,
                k.Rank,
                mentions,
                Math.Round(m.Average(s => s.PolarityScore), 4),
                m.Count(s => s.Polarity == Polarity.Positive),
                m.Count(s => s.Polarity == Polarity.Negative),
                Math.Round(m.Count(s => s.Hedged >= 0.5) / (double)m.Length, 4),
                Math.Round(m.Count(s => s.Attributed >= 0.5) / (double)m.Length, 4)));
        }

        return new StanceResult(all, profile, mostHedged, mostPrescriptive, mostPolar, terms);
    }

    private static int[] Top(IReadOnlyList<SentenceStance> sentences, Func<SentenceStance, double> key, Func<SentenceStance, bool> eligible) =>
        [.. sentences.Where(eligible).OrderByDescending(key).ThenBy(s => s.Sentence).Take(MostCount).Select(s => s.Sentence)];

    /// <summary>
    /// TL3001–TL3004, at most one finding per rule per sentence, and one TL3002 per paragraph (a paragraph of
    /// numbers usually shares one missing source). Which sentences qualify is <see cref="StanceFindings"/>.
    /// </summary>
    private static void ReportSentenceRules(AnalysisContext context, ParsedDocument doc, SentenceStance[] sentences, StanceTagger tagger)
    {
        string text = doc.Prose.Text;
        Dictionary<string, int> wordCounts = WordCounts(doc);
        int lastFigureParagraph = -1;
        FindingSentence? previous = null;
        FindingSentence? leadIn = null;
        foreach (SentenceStance s in sentences)
        {
            Sentence sentence = doc.Sentences[s.Sentence];
            if (s.InBackMatter)
            {
                continue;
            }

            if (sentence.Kind == BlockKind.Heading || sentence.IsByline)
            {
                previous = null;
                continue;
            }

            var site = new FindingSentence(doc, sentence, s);

            // The sentence before in the paragraph; for a list item, the list's lead-in ("The bill would:").
            if (sentence.Kind != BlockKind.ListItem)
            {
                leadIn = site;
            }

            FindingSentence? before = sentence.Kind == BlockKind.ListItem ? leadIn : previous?.Sentence.Paragraph == sentence.Paragraph ? previous : null;
            previous = site;
            if (StanceFindings.AuthorPrescription(site) is { } p)
            {
                // The tagger's cue phrase when it covers the word ("should be paid"), else the word.
                TextSpan at = s.Cues.FirstOrDefault(c => c.Kind == StanceCueKind.Prescription && c.Span.Contains(p.Span.Start))?.Span ?? p.Span;
                context.Report(StanceRules.PrescriptiveStatement, at, text.Substring(at.Start, at.Length));
            }

            if (sentence.Paragraph != lastFigureParagraph && s.Hedged < 0.5 && StanceFindings.UnsourcedFigure(site, before) is { } figure)
            {
                lastFigureParagraph = sentence.Paragraph;
                context.Report(StanceRules.UnattributedFigure, figure, text.Substring(figure.Start, figure.Length));
            }

            if (StanceFindings.UnsourcedHedge(site) is { } h)
            {
                context.Report(StanceRules.HedgedClaim, h.Span, h.Text);
            }

            if (s.Epistemic == EpistemicStance.Asserted && !s.Subjective && StanceFindings.LoadedWord(site, tagger.Lexicon, wordCounts) is { } loaded)
            {
                context.Report(StanceRules.LoadedLanguage, loaded.Span, loaded.Text);
            }
        }
    }

    private static Dictionary<string, int> WordCounts(ParsedDocument doc)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Token t in doc.Tokens)
        {
            if (t.Kind == TokenKind.Word)
            {
                counts[t.Lower] = counts.GetValueOrDefault(t.Lower) + 1;
            }
        }

        return counts;
    }

    /// <summary>
    /// A key term is treated one-sidedly when at least five sentences mention it, at least 60% of them
    /// carry an evaluative polarity (polar and subjective: the author's own evaluation, so news of bad
    /// events or a descriptive sentence with a positive tone does not count), and at least 85% of those share a sign.
    /// </summary>
    private static void ReportOneSided(AnalysisContext context, ParsedDocument doc, SentenceStance[] sentences, IReadOnlyList<KeyTermStance> terms)
    {
        // Nested key terms (Acme plan, Acme, plan) often share their sentences: one finding per set of sentences.
        var reported = new List<IReadOnlyList<int>>();
        foreach (KeyTermStance t in terms)
        {
            if (reported.Any(r => r.SequenceEqual(t.Sentences)))
            {
                continue;
            }

            SentenceStance[] evaluative = [.. t.Sentences.Select(i => sentences[i])
                .Where(s => s.Polarity != Polarity.Neutral && s.Subjective)];
            int positive = evaluative.Count(s => s.Polarity == Polarity.Positive);
            int polar = evaluative.Length;
            int mentions = t.Sentences.Count;
            if (mentions < 5 || polar < MinEvaluative || polar < 0.6 * mentions)
            {
                continue;
            }

            int majority = Math.Max(positive, polar - positive);
            if (majority >= 0.85 * polar)
            {
                TextSpan first = doc.Sentences[t.Sentences[0]].Span;
                context.Report(StanceRules.OneSidedDocument, first, t.Term, positive > polar - positive ? "positive" : "negative", majority, polar);
                reported.Add(t.Sentences);
            }
        }
    }
}

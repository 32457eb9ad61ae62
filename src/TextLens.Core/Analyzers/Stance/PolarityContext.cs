using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// What the polarity model (feature version 6) reads of the previous sentence: bad news comes in runs — a budget table of
/// cuts, a paragraph of litigation — and on the analysis-prose DEV set a negative sentence follows a negative one 38% of the
/// time (base rate 10%). Two named features: the saturated count of the previous sentence's bad-news kinds
/// (<see cref="PolicyChangeFeatures"/>: bad events, legal conflict, voiced concern, bad changes) and its negative VADER
/// tone (the compound score of its inflection-aware valences, below zero). Good news of the previous sentence is not read:
/// with it the positive class fell (grouped CV, see models/stance-polarity.md). A model trained with `--document-context`
/// (<see cref="LinearStanceModel.ReadsDocument"/>; the shipped model since the eleventh round) also reads the mean bad-news count of the
/// document's other sentences (<see cref="DocumentTone"/>), centred and scaled.
/// </summary>
public static class PolarityContext
{
    /// <summary>The named context features of <paramref name="context"/>'s previous sentence; empty without one.</summary>
    public static IReadOnlyList<(string Name, float Value)> Of(StanceContext context, ValenceLexicon lexicon) => Of(context, lexicon, [], document: false);

    /// <summary>
    /// The named context features of <paramref name="context"/>: its previous sentence's and, with <paramref name="document"/>
    /// (a model trained with `--document-context`), the mean tone of the document's other sentences (<see cref="DocumentTone"/>;
    /// <paramref name="tokens"/>: the sentence's own tokens, whose tone is taken out of the document's).
    /// </summary>
    public static IReadOnlyList<(string Name, float Value)> Of(StanceContext context, ValenceLexicon lexicon, ReadOnlySpan<Token> tokens, bool document)
        => Of(context, lexicon, tokens, document, outcome: false);

    /// <summary>
    /// As <see cref="Of(StanceContext, ValenceLexicon, ReadOnlySpan{Token}, bool)"/>; with <paramref name="outcome"/> (a model
    /// trained with `--outcome-frames`) also the frames of the sentence's own polar words and budget changes (<see cref="OutcomeFrames"/>).
    /// </summary>
    public static IReadOnlyList<(string Name, float Value)> Of(StanceContext context, ValenceLexicon lexicon, ReadOnlySpan<Token> tokens, bool document, bool outcome)
        => Of(context, lexicon, tokens, document, outcome, sources: false);

    /// <summary>
    /// As <see cref="Of(StanceContext, ValenceLexicon, ReadOnlySpan{Token}, bool, bool)"/>; with <paramref name="sources"/> (a
    /// model trained with `--source-stance`) also the stance of the sentence's sources and the progress it reports
    /// (<see cref="SourceStance"/>).
    /// </summary>
    public static IReadOnlyList<(string Name, float Value)> Of(StanceContext context, ValenceLexicon lexicon, ReadOnlySpan<Token> tokens, bool document, bool outcome, bool sources)
        => Of(context, lexicon, tokens, document, outcome, sources, goodNews: false);

    /// <summary>
    /// As <see cref="Of(StanceContext, ValenceLexicon, ReadOnlySpan{Token}, bool, bool, bool)"/>; with <paramref name="goodNews"/>
    /// (a model trained with `--good-news`) also the sentence's realised good outcomes, supporters' views and described
    /// features (<see cref="GoodNews"/>).
    /// </summary>
    public static IReadOnlyList<(string Name, float Value)> Of(StanceContext context, ValenceLexicon lexicon, ReadOnlySpan<Token> tokens, bool document, bool outcome, bool sources, bool goodNews)
        => Of(context, lexicon, tokens, document, outcome, sources, goodNews, previous: true);

    /// <summary>
    /// As <see cref="Of(StanceContext, ValenceLexicon, ReadOnlySpan{Token}, bool, bool, bool, bool)"/>; without
    /// <paramref name="previous"/> (a model trained with `--no-previous`, <see cref="LinearStanceModel.ReadsPrevious"/>) the
    /// previous sentence's bad news (`prev:bad`, `prev:vneg`) is left out, whether or not the context has a previous sentence.
    /// </summary>
    public static IReadOnlyList<(string Name, float Value)> Of(StanceContext context, ValenceLexicon lexicon, ReadOnlySpan<Token> tokens, bool document, bool outcome, bool sources, bool goodNews, bool previous)
    {
        var features = new List<(string Name, float Value)>(4);
        if (previous && context.Previous is { Length: > 0 })
        {
            (double bad, double negative) = DocumentTone.SentenceTone(DocumentTone.Words(context.PreviousTokens), lexicon);
            features.Add(("prev:bad", (float)bad));
            features.Add(("prev:vneg", (float)negative));
        }

        if (document && context.Document is { } doc
            && doc.OthersMean(lexicon, DocumentTone.SentenceTone(DocumentTone.Words(tokens), lexicon)) is { } mean)
        {
            // Centred on the typical report, so that a row without a document (an opinion snippet, an isolated sentence) reads
            // as an average document rather than as a genre of its own: uncentred, the feature flagged analysis prose and the
            // in-domain model read more sentences neutral (grouped CV 0.4929 at scale 1, 0.4812 at 3; models/stance-polarity.md).
            features.Add(("doc:bad", (float)((mean.Bad - DocumentCenter) * DocumentScale)));
        }

        if (outcome)
        {
            features.AddRange(OutcomeFrames.Of(DocumentTone.Words(tokens), lexicon));
        }

        if (sources)
        {
            features.AddRange(SourceStance.Of(DocumentTone.Words(tokens)));
        }

        if (goodNews)
        {
            features.AddRange(GoodNews.Of(DocumentTone.Words(tokens)));
        }

        return features;
    }

    /// <summary>About the mean of the document context over the analysis-prose DEV set (rows' other sentences' mean bad-news count, 0.057).</summary>
    internal const double DocumentCenter = 0.06;

    /// <summary>The centred mean is scaled by this (most sentences of a report carry no bad news, so the means are small).</summary>
    internal const double DocumentScale = 5;
}

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
    public static IReadOnlyList<(string Name, float Value)> Of(StanceContext context, ValenceLexicon lexicon) => Of(context, lexicon, [], PolarityInputs.Previous);

    /// <summary>
    /// The named context features a polarity classifier reads (<paramref name="inputs"/>: what its file says it was trained
    /// on, <see cref="LinearStanceModel.PolarityInputs"/>; <paramref name="tokens"/>: the sentence's own tokens):
    /// <list type="bullet">
    /// <item><see cref="PolarityInputs.Previous"/>: the previous sentence's bad news (`prev:bad`, `prev:vneg`), when the context has one;</item>
    /// <item><see cref="PolarityInputs.Document"/> (`--document-context`): the mean tone of the document's other sentences
    /// (<see cref="DocumentTone"/>; the sentence's own tone is taken out of the document's);</item>
    /// <item><see cref="PolarityInputs.OutcomeFrames"/> (`--outcome-frames`): the frames of the sentence's polar words and budget changes (<see cref="OutcomeFrames"/>);</item>
    /// <item><see cref="PolarityInputs.SourceStance"/> (`--source-stance`): the stance of its sources and the progress it reports (<see cref="SourceStance"/>);</item>
    /// <item><see cref="PolarityInputs.GoodNews"/> (`--good-news`): its realised good outcomes, supporters' views and described features (<see cref="GoodNews"/>);</item>
    /// <item><see cref="PolarityInputs.Clauses"/> (`--clauses`): the valence of its conceded, (conditional,) and main clause parts (<see cref="ClauseZones"/>);</item>
    /// <item><see cref="PolarityInputs.ClauseWords"/> (`--clause-words`): the words of its conceded and conditional parts, each part a block of its own (<see cref="ClauseZones.Words"/>).</item>
    /// </list>
    /// The features come in this order, the one training used.
    /// </summary>
    public static IReadOnlyList<(string Name, float Value)> Of(StanceContext context, ValenceLexicon lexicon, ReadOnlySpan<Token> tokens, PolarityInputs inputs)
    {
        var features = new List<(string Name, float Value)>(4);
        if ((inputs & PolarityInputs.Previous) != 0 && context.Previous is { Length: > 0 })
        {
            (double bad, double negative) = DocumentTone.SentenceTone(DocumentTone.Words(context.PreviousTokens), lexicon);
            features.Add(("prev:bad", (float)bad));
            features.Add(("prev:vneg", (float)negative));
        }

        // The sentence's words, listed once for every input that reads them.
        IReadOnlyList<string>? words = (inputs & ~PolarityInputs.Previous) != 0 ? DocumentTone.Words(tokens) : null;
        if ((inputs & PolarityInputs.Document) != 0 && context.Document is { } doc
            && doc.OthersMean(lexicon, DocumentTone.SentenceTone(words!, lexicon)) is { } mean)
        {
            // Centred on the typical report, so that a row without a document (an opinion snippet, an isolated sentence) reads
            // as an average document rather than as a genre of its own: uncentred, the feature flagged analysis prose and the
            // in-domain model read more sentences neutral (grouped CV 0.4929 at scale 1, 0.4812 at 3; models/stance-polarity.md).
            features.Add((DocumentFeature, (float)((mean.Bad - DocumentCenter) * DocumentScale)));
        }

        if ((inputs & PolarityInputs.OutcomeFrames) != 0)
        {
            features.AddRange(OutcomeFrames.Of(words!, lexicon));
        }

        if ((inputs & PolarityInputs.SourceStance) != 0)
        {
            features.AddRange(SourceStance.Of(words!));
        }

        if ((inputs & PolarityInputs.GoodNews) != 0)
        {
            features.AddRange(GoodNews.Of(words!));
        }

        if ((inputs & PolarityInputs.Clauses) != 0)
        {
            features.AddRange(ClauseZones.Of(tokens, lexicon, (inputs & PolarityInputs.ClauseConditions) != 0 ? ClauseParts.Concessions | ClauseParts.Conditions : ClauseParts.Concessions));
        }

        if ((inputs & PolarityInputs.ClauseWords) != 0)
        {
            features.AddRange(ClauseZones.Words(tokens));
        }

        return features;
    }

    /// <summary>The name of the document context's feature (<see cref="PolarityInputs.Document"/>): the document's other sentences' mean bad news.</summary>
    public const string DocumentFeature = "doc:bad";

    /// <summary>
    /// <paramref name="named"/> without <see cref="DocumentFeature"/>: what a negative stage trained with
    /// `--negative-stage-without-document` reads (<see cref="LinearStanceModel.StageWithoutDocument"/>; thirty-third round).
    /// </summary>
    public static IReadOnlyList<(string Name, float Value)> WithoutDocument(IReadOnlyList<(string Name, float Value)> named)
    {
        ArgumentNullException.ThrowIfNull(named);
        return [.. named.Where(f => f.Name != DocumentFeature)];
    }

    /// <summary>About the mean of the document context over the analysis-prose DEV set (rows' other sentences' mean bad-news count, 0.057).</summary>
    internal const double DocumentCenter = 0.06;

    /// <summary>The centred mean is scaled by this (most sentences of a report carry no bad news, so the means are small).</summary>
    internal const double DocumentScale = 5;
}

/// <summary>The context features a polarity classifier reads (<see cref="PolarityContext"/>), as its file's flags say.</summary>
[Flags]
public enum PolarityInputs
{
    None = 0,

    /// <summary>The previous sentence's bad news (every file but one trained with `--no-previous`).</summary>
    Previous = 1,

    /// <summary>The document's other sentences' tone (`--document-context`).</summary>
    Document = 2,

    /// <summary>Outcome frames (`--outcome-frames`).</summary>
    OutcomeFrames = 4,

    /// <summary>The stance of the sentence's sources (`--source-stance`).</summary>
    SourceStance = 8,

    /// <summary>The good-news features (`--good-news`).</summary>
    GoodNews = 16,

    /// <summary>The conceded and the main clause parts of the polar evidence (`--clauses concession`; <see cref="ClauseZones"/>).</summary>
    Clauses = 32,

    /// <summary>With <see cref="Clauses"/>, also the conditional part (`--clauses all`).</summary>
    ClauseConditions = 64,

    /// <summary>The conceded and the conditional part's words as features of their own (`--clause-words`; <see cref="ClauseZones.Words"/>).</summary>
    ClauseWords = 128,
}

using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>How the author holds what a sentence says. Precedence when several apply: prescriptive &gt; hedged &gt; attributed &gt; asserted.</summary>
public enum EpistemicStance
{
    /// <summary>Stated as fact in the author's voice.</summary>
    Asserted,

    /// <summary>Marked uncertain, inferred or hearsay (may, seems, reportedly, whether).</summary>
    Hedged,

    /// <summary>Reported from a source (said, according to, a quotation).</summary>
    Attributed,

    /// <summary>The author recommends or obliges (should, must, it is essential that).</summary>
    Prescriptive,
}

/// <summary>The tone a reader perceives.</summary>
public enum Polarity
{
    Negative,
    Neutral,
    Positive,
}

/// <summary>What kind of stance a cue signals.</summary>
public enum StanceCueKind
{
    Hedge,
    Attribution,
    Prescription,
    Quotation,
    Booster,
}

/// <summary>A phrase that triggered a stance tag: its span in the document, its text, its kind and strength in (0, 1].</summary>
public sealed record StanceCue(TextSpan Span, string Text, StanceCueKind Kind, double Weight);

/// <summary>
/// The stance of one sentence on three axes: epistemic (primary tag plus a probability for each
/// marked tag), polarity (label and a score in [−1, 1]) and subjectivity (label and probability), with
/// an overall confidence (the mean certainty of the three decisions) and the cues behind the tags.
/// </summary>
public sealed record SentenceStance(
    int Sentence,
    EpistemicStance Epistemic,
    double Hedged,
    double Attributed,
    double Prescriptive,
    Polarity Polarity,
    double PolarityScore,
    bool Subjective,
    double Subjectivity,
    double Confidence,
    IReadOnlyList<StanceCue> Cues)
{
    /// <summary>The first statistic stated in the author's voice (a number with a unit, a currency or a count of 1,000 or more), if any.</summary>
    public TextSpan? Figure { get; init; }

    /// <summary>The probability that the epistemic tag is right (the learned model's probability of it; with cue rules, the mean certainty of the three cue decisions).</summary>
    public double EpistemicConfidence { get; init; } = 1;

    /// <summary>The probability that the polarity label is right.</summary>
    public double PolarityConfidence { get; init; } = 1;

    /// <summary>
    /// The learned epistemic model's class probabilities (asserted / hedged / attributed / prescriptive, after the heading rule)
    /// and the hedge and attribution cue strengths the marks read; null with the cue rules.
    /// </summary>
    public EpistemicParts? EpistemicParts { get; init; }

    /// <summary>What a polarity second stage reads of the sentence (<see cref="PolarityTrees"/>); only from a tagger that collects it (<see cref="StanceTagger.CollectPolarityStage"/>: training), null otherwise.</summary>
    public PolarityStage? PolarityStage { get; init; }

    /// <summary>
    /// True for a sentence of the document's back matter (<see cref="Parsing.ParsedDocument.BackMatterStart"/>: an author
    /// note, the publisher's masthead, a comment form). The publisher's notes are not the author's stance: such a sentence
    /// is not tagged, has no stance in the report, and counts in no share, list, key term or rule.
    /// </summary>
    public bool InBackMatter { get; init; }

    /// <summary>The placeholder of back-matter sentence <paramref name="sentence"/> (<see cref="InBackMatter"/>): no tag, no cue.</summary>
    public static SentenceStance BackMatter(int sentence) =>
        new(sentence, EpistemicStance.Asserted, 0, 0, 0, Polarity.Neutral, 0, false, 0, 0, []) { InBackMatter = true };
}

/// <summary>What the epistemic marks of a sentence are computed from: the model's class probabilities (in the order of <see cref="EpistemicStance"/>) and the cue strengths in the author's voice.</summary>
public readonly record struct EpistemicParts(double Asserted, double Hedged, double Attributed, double Prescriptive, double HedgeCues, double AttributionCues);

/// <summary>Counts and shares of the epistemic, polarity and subjectivity tags over a document's tagged sentences (back matter is not tagged: <see cref="SentenceStance.InBackMatter"/>).</summary>
public sealed record StanceProfile(
    int Sentences,
    IReadOnlyDictionary<EpistemicStance, int> Epistemic,
    IReadOnlyDictionary<Polarity, int> Polarity,
    int Subjective,
    double MeanPolarity)
{
    public double Share(EpistemicStance tag) => Sentences == 0 ? 0 : Epistemic.GetValueOrDefault(tag) / (double)Sentences;

    public double Share(Polarity tag) => Sentences == 0 ? 0 : Polarity.GetValueOrDefault(tag) / (double)Sentences;

    public double SubjectiveShare => Sentences == 0 ? 0 : Subjective / (double)Sentences;
}

/// <summary>How the document treats one of its key terms: the sentences that mention it, their mean polarity, and the shares hedged and attributed.</summary>
public sealed record KeyTermStance(
    string Term,
    int Rank,
    IReadOnlyList<int> Sentences,
    double MeanPolarity,
    int Positive,
    int Negative,
    double HedgedShare,
    double AttributedShare);

/// <summary>The stance analysis of one document.</summary>
public sealed record StanceResult(
    IReadOnlyList<SentenceStance> Sentences,
    StanceProfile Profile,
    IReadOnlyList<int> MostHedged,
    IReadOnlyList<int> MostPrescriptive,
    IReadOnlyList<int> MostPolar,
    IReadOnlyList<KeyTermStance> KeyTerms);

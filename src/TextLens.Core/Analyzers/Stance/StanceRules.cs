using TextLens.Core.Analysis;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>The stance rules (TL3xxx). Defaults are suggestions: on news prose they point at sentences an editor may want to look at, never fail a build.</summary>
public static class StanceRules
{
    public const string Category = "Stance";

    public static readonly RuleDescriptor PrescriptiveStatement = new(
        "TL3001",
        "Prescriptive statement",
        "The author recommends or obliges here ('{0}')",
        Category,
        Severity.Suggestion,
        "The sentence tells the reader or an actor what should be done (should, must, need to, it is essential that, Congress may wish to consider, an imperative). In analysis prose that is often the point; check that each recommendation is argued for in the text and clearly separated from findings. Prescriptions inside quotation marks or reported from a source are not flagged.",
        "Greater attention should be paid to the activities of Chongryon.");

    public static readonly RuleDescriptor UnattributedFigure = new(
        "TL3002",
        "Unattributed figure",
        "The figure '{0}' is stated without a source",
        Category,
        Severity.Suggestion,
        "A statistic (a percentage, an amount of money, a count of 1,000 or more) is asserted in the author's voice with no source in the sentence (no 'according to', 'reported', 'GAO found that', no quotation). Readers cannot check it; name the source or cite it. Years and small counts are not flagged.",
        "The businesses produced over US$1billion in annual revenue.");

    public static readonly RuleDescriptor HedgedClaim = new(
        "TL3003",
        "Hedged claim",
        "The claim is hedged ('{0}') and no source is named",
        Category,
        Severity.Suggestion,
        "The sentence marks its claim as uncertain or hearsay (reportedly, allegedly, is rumoured, may, seems) without naming who says so. Hedging is honest, but an unsourced 'reportedly' asks the reader to trust an invisible source: name it, or state what the evidence is. Only sentences tagged hedged, with a strong hedge cue (may, might, reportedly, seems, unclear, rumoured; not expected or estimated) and no attribution, are reported.",
        "Kim Jong-un is rumoured to have shown interest in Chongryon.");

    public static readonly RuleDescriptor LoadedLanguage = new(
        "TL3004",
        "Loaded language in a factual sentence",
        "'{0}' colours an otherwise factual sentence",
        Category,
        Severity.Suggestion,
        "The sentence reads as a neutral statement of fact (asserted, judged objective), yet one word carries a strong evaluation (VADER valence of 2.5 or more in either direction, e.g. 'disastrous', 'heroic', 'propaganda'). Such words slip the author's judgement into a factual claim; use a neutral word or make the judgement explicit. Words that name events (killed, war, attack) are not counted as loaded.",
        "The regime's disastrous policy took effect in 2019.");

    public static readonly RuleDescriptor OneSidedDocument = new(
        "TL3005",
        "One-sided treatment of a key term",
        "Sentences mentioning '{0}' are {1} in {2} of {3} evaluative mentions",
        Category,
        Severity.Suggestion,
        "Polarity toward one of the document's key terms is overwhelmingly one way: at least five sentences mention it, at least 60% of those carry an evaluative polarity (polar and subjective: reported bad news is not one-sidedness), and at least 85% of those share a sign. That can be a fair reading of the facts, but check that the other side is represented where it exists.",
        null);

    public static IReadOnlyList<RuleDescriptor> All { get; } = [PrescriptiveStatement, UnattributedFigure, HedgedClaim, LoadedLanguage, OneSidedDocument];
}

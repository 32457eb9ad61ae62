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
        "Flags the author's own recommendation or obligation in the author's voice: 'should' or 'ought to' ('Greater attention should be paid to the activities of Chongryon'), 'it is essential/imperative/vital that', and must/need to/recommend with a first-person subject ('we must'). Only sentences whose prescriptive probability from the stance tagger is 0.5 or more are read: deliberately below the 0.7 confidence at which the console, Markdown and HTML show the tag, because the cue words, not the tag, decide (requiring a confident tag lost the useful findings of the labelled set, e.g. this rule's example at 0.62, and removed no noise). Never flags: the law's or a rule's own words, quoted or described ('The Committee must agree to an exemption with at least five votes', 'a claimant must file a notice of appeal within 120 days', 'users must first provide collateral': must, shall, may, have to and need to count only with a first-person subject); options put to a decision-maker ('Congress may consider…', 'Congress could direct…'); recommendations reported from others ('stakeholders recommend…', 'the Memorandum provides that… should'); questions the text reports ('how public schools should treat…', 'to what extent Congress should…'); conditionals ('should it desire', 'should Bitcoin replace…'); a 'should' in a sentence that cites or describes a law; words inside quotation marks, a block quotation introduced by a lead-in, or references. In analysis prose a recommendation is often the point: check that it is argued for and kept apart from the findings.",
        "Greater attention should be paid to the activities of Chongryon.");

    public static readonly RuleDescriptor UnattributedFigure = new(
        "TL3002",
        "Unattributed figure",
        "The figure '{0}' is stated without a source",
        Category,
        Severity.Suggestion,
        "Flags the first statistic of a paragraph stated as fact in the author's voice — a percentage, an amount of money, or a count of 1,000 or more ('PEUC payments totaled $85.3 billion', 'repatriating up to 90,000 Koreans') — when neither its sentence nor the one before it names a source (according to, data, a study, a report, a table, an estimate, a quotation, a reporting verb). Never flags: references and identifiers (H.R. 1156, P.L. 119-21, Section 73100, 42 U.S.C. §5121, VA Form 10182, Executive Order 14276); years and dates; figures in a sentence that cites or states what a law, bill, rule or court provides, or right after one ('The farm bill authorizes $1 billion…'), including the items of a list it introduces; thresholds and limits in a statement of a rule ('if the state's IUR is at least 6%', 'the WEC's 25,000 MTCO2e emissions threshold'); funding levels a program, agency or Congress sets ('the NSGP provided approximately $274.5 million in funding', 'USDA allocated $300 million annually'); a government's or a party's share of a programme's cost ('the federal share (50%) of EB payments', 'a nonfederal match of 25%'); 0% and 100%; worked examples and hypotheses (e.g., for example a…, if…, would); figures inside quotation marks. Readers cannot check an unsourced statistic: name the source or cite it.",
        "The businesses produced over US$1billion in annual revenue.");

    public static readonly RuleDescriptor HedgedClaim = new(
        "TL3003",
        "Hedged claim",
        "The claim is hedged ('{0}') and no source is named",
        Category,
        Severity.Suggestion,
        "Flags hearsay and impressions stated without a source: reportedly, allegedly, purportedly, supposedly, apparently, seemingly, rumoured, seems, appears to/that, is said/believed/thought to, and a guess about the past (may have, might have + verb) — 'Reportedly, in early December 2025, GDLS delivered its first M-1E3 prototype', 'Kim Jong-un is rumoured to have shown interest in Chongryon'. One finding per sentence. The hedge words decide, not the confidence of the sentence's hedged tag (a report may show the tag as uncertain: 'rumoured' in this rule's example is tagged hedged at 0.55, below the 0.7 the readable formats need). Never flags: possibility and permission (may, might, could: 'VA may determine that the discharge is honorable'), predictions (likely to, potential), options for Congress ('Congress might decide to examine…'), uncertainty the text states openly ('the timing is uncertain'), the author's own tentative reasoning ('it would seem', 'would presumably'), a sentence that names its source or is attributed, words inside quotation marks, a block quotation introduced by a lead-in, or references. An unsourced 'reportedly' asks the reader to trust an invisible source: name it, or state what the evidence is.",
        "Kim Jong-un is rumoured to have shown interest in Chongryon.");

    public static readonly RuleDescriptor LoadedLanguage = new(
        "TL3004",
        "Loaded language in a factual sentence",
        "'{0}' colours an otherwise factual sentence",
        Category,
        Severity.Suggestion,
        "Flags the most charged adjective or adverb (VADER valence of 2.5 or more, e.g. 'disastrous', 'heroic') in a sentence the stance tagger judges an objective, asserted statement of fact: the word slips the author's judgement into a factual claim. Never flags: nouns and verbs, which name acts and events (fraud, assault, violating, destroy, killed, war); words in a legal, financial or technical sense (an outstanding loan, an honorable or bad conduct discharge, illegal fishing, a negative quantity, a successful launch); grading words (best estimate, the greatest number, great flexibility), points on a scale ('ratings from good to excellent') and words graded down in a comparison ('far less sophisticated equipment') and words that grade the next one (perfectly elastic, best achieved); words the document uses three or more times (terms of its subject); names, quotations and references. Use a neutral word or make the judgement explicit.",
        "The regime's disastrous policy took effect in 2019.");

    public static readonly RuleDescriptor OneSidedDocument = new(
        "TL3005",
        "One-sided treatment of a key term",
        "Sentences mentioning '{0}' are {1} in {2} of {3} evaluative mentions",
        Category,
        Severity.Suggestion,
        "Flags a key term whose evaluative mentions all point one way: at least five sentences mention it, at least four and at least 60% of them carry an evaluative polarity (polar and subjective: reported bad news and the tone of a description are not one-sidedness), and at least 85% of those share a sign. That can be a fair reading of the facts, but check that the other side is represented where it exists.",
        null);

    public static IReadOnlyList<RuleDescriptor> All { get; } = [PrescriptiveStatement, UnattributedFigure, HedgedClaim, LoadedLanguage, OneSidedDocument];
}

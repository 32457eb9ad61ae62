using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using TextLens.Core.Analyzers.Stance;
using TextLens.Core.Text;

namespace TextLens.Core.Reporting;

// The stance parts of the JSON report (docs/report-schema.md): per sentence 'stance', per document 'stance'.

/// <summary>The stance of one sentence. Probabilities in [0, 1], polarityScore in [−1, 1], all rounded to 4 decimals.</summary>
public sealed record SentenceStanceReport(
    string Epistemic,
    double Hedged,
    double Attributed,
    double Prescriptive,
    string Polarity,
    double PolarityScore,
    string Subjectivity,
    double SubjectiveProbability,
    double Confidence,
    IReadOnlyList<StanceCueReport> Cues)
{
    /// <summary>The probability that the epistemic tag is right (calibrated on cross-validation; see models/stance-epistemic.md).</summary>
    public double EpistemicConfidence { get; init; } = 1;

    /// <summary>The probability that the polarity label is right.</summary>
    public double PolarityConfidence { get; init; } = 1;

    /// <summary>The epistemic tag is confident: its confidence reaches <see cref="StanceReports.EpistemicConfidentAt"/> (in JSON as <c>epistemicConfident</c>).</summary>
    public bool EpistemicConfident => EpistemicConfidence >= StanceReports.EpistemicConfidentAt;

    /// <summary>The polarity label is confident: its confidence reaches <see cref="StanceReports.PolarityConfidentAt"/> (in JSON as <c>polarityConfident</c>).</summary>
    public bool PolarityConfident => PolarityConfidence >= StanceReports.PolarityConfidentAt;

    /// <summary>The epistemic tag as the console, Markdown and HTML show it: the tag where it is confident, else "uncertain".</summary>
    [JsonIgnore]
    public string ShownEpistemic => EpistemicConfident ? Epistemic : StanceReports.Uncertain;

    /// <summary>The polarity label as the console, Markdown and HTML show it: the label where it is confident, else "uncertain".</summary>
    [JsonIgnore]
    public string ShownPolarity => PolarityConfident ? Polarity : StanceReports.Uncertain;
}

/// <summary>
/// The stance tag a stance diagnostic rests on, with its confidence: the epistemic tag of the sentence for TL3001–TL3004
/// (they fire from it), the polarity label of the sentence pointed at for TL3005. SARIF puts it in the result's properties.
/// </summary>
public sealed record DiagnosticStanceConfidence(string Axis, string Tag, double Confidence, bool Confident);

/// <summary>A cue behind a tag: kind (hedge, attribution, prescription, quotation, booster), text and location.</summary>
public sealed record StanceCueReport(string Kind, string Text, int Start, int Length, int Line, int Column);

/// <summary>How many sentences carry a tag and their share of the document's sentences.</summary>
public sealed record TagCount(int Count, double Share);

public sealed record EpistemicCounts(TagCount Asserted, TagCount Hedged, TagCount Attributed, TagCount Prescriptive);

public sealed record PolarityCounts(TagCount Positive, TagCount Neutral, TagCount Negative);

public sealed record SubjectivityCounts(TagCount Subjective, TagCount Objective);

/// <summary>Stance toward one of the top keywords: the sentences mentioning it (indices), their mean polarity, and shares hedged and attributed.</summary>
public sealed record KeyTermStanceReport(
    string Term,
    int Rank,
    int Mentions,
    IReadOnlyList<int> Sentences,
    double MeanPolarity,
    int Positive,
    int Negative,
    double HedgedShare,
    double AttributedShare);

/// <summary>The document's stance profile, its most hedged, prescriptive and polar sentences (indices, strongest first) and its stance toward the top keywords.</summary>
public sealed record DocumentStanceReport(
    int Sentences,
    EpistemicCounts Epistemic,
    PolarityCounts Polarity,
    SubjectivityCounts Subjectivity,
    double MeanPolarity,
    IReadOnlyList<int> MostHedged,
    IReadOnlyList<int> MostPrescriptive,
    IReadOnlyList<int> MostPolar,
    IReadOnlyList<KeyTermStanceReport> KeyTerms);

/// <summary>Builds the stance report records and the short stance sections of the console and Markdown formats.</summary>
public static class StanceReports
{
    /// <summary>
    /// The console, Markdown and HTML show a sentence's epistemic tag only where its confidence reaches this; below
    /// it they show <see cref="Uncertain"/> rather than a guess (JSON and SARIF carry every tag with its confidence).
    /// Each axis's threshold follows one rule on its own reliability on grouped cross-validation of the analysis-prose
    /// DEV set: the lowest bin edge from which every confidence bin is right at least 70% of the time
    /// (<c>StanceCalibration.DisplayThreshold</c>, printed by <c>textlens train stance --cv-on</c>; see
    /// models/stance-epistemic.md).
    /// </summary>
    public const double EpistemicConfidentAt = 0.7;

    /// <summary>As <see cref="EpistemicConfidentAt"/>, for the polarity label (see models/stance-polarity.md).</summary>
    public const double PolarityConfidentAt = 0.6;

    /// <summary>What the readable formats show in place of a tag that is not confident.</summary>
    public const string Uncertain = "uncertain";

    /// <summary>The tag and confidence behind a stance diagnostic (<see cref="DiagnosticStanceConfidence"/>); null for other rules and for diagnostics outside a tagged sentence.</summary>
    public static DiagnosticStanceConfidence? ConfidenceOf(DocumentReport doc, DiagnosticReport d)
    {
        if (d.Category != StanceRules.Category || d.Start is not int start || SentenceAt(doc.Sentences, start)?.Stance is not { } st)
        {
            return null;
        }

        return d.Id == StanceRules.OneSidedDocument.Id
            ? new DiagnosticStanceConfidence("polarity", st.Polarity, st.PolarityConfidence, st.PolarityConfident)
            : new DiagnosticStanceConfidence("epistemic", st.Epistemic, st.EpistemicConfidence, st.EpistemicConfident);
    }

    /// <summary>The sentence whose span holds <paramref name="offset"/> (the sentences are in text order), or null.</summary>
    private static SentenceReport? SentenceAt(IReadOnlyList<SentenceReport> sentences, int offset)
    {
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) / 2);
            SentenceReport s = sentences[mid];
            if (offset < s.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= s.Start + s.Length)
            {
                lo = mid + 1;
            }
            else
            {
                return s;
            }
        }

        return null;
    }

    public static SentenceStanceReport ForSentence(SourceText source, SentenceStance s) => new(
        Name(s.Epistemic),
        s.Hedged,
        s.Attributed,
        s.Prescriptive,
        Name(s.Polarity),
        s.PolarityScore,
        s.Subjective ? "subjective" : "objective",
        s.Subjectivity,
        s.Confidence,
        [.. s.Cues.Select(c =>
        {
            LinePosition p = source.GetLinePosition(c.Span.Start);
            return new StanceCueReport(Name(c.Kind), c.Text, c.Span.Start, c.Span.Length, p.DisplayLine, p.DisplayColumn);
        })])
    {
        EpistemicConfidence = s.EpistemicConfidence,
        PolarityConfidence = s.PolarityConfidence,
    };

    public static DocumentStanceReport ForDocument(StanceResult r)
    {
        StanceProfile p = r.Profile;
        TagCount E(EpistemicStance e) => new(p.Epistemic.GetValueOrDefault(e), Math.Round(p.Share(e), 4));
        TagCount P(Polarity x) => new(p.Polarity.GetValueOrDefault(x), Math.Round(p.Share(x), 4));
        return new DocumentStanceReport(
            p.Sentences,
            new EpistemicCounts(E(EpistemicStance.Asserted), E(EpistemicStance.Hedged), E(EpistemicStance.Attributed), E(EpistemicStance.Prescriptive)),
            new PolarityCounts(P(Analyzers.Stance.Polarity.Positive), P(Analyzers.Stance.Polarity.Neutral), P(Analyzers.Stance.Polarity.Negative)),
            new SubjectivityCounts(new TagCount(p.Subjective, Math.Round(p.SubjectiveShare, 4)), new TagCount(p.Sentences - p.Subjective, Math.Round(1 - p.SubjectiveShare, 4))),
            p.MeanPolarity,
            r.MostHedged,
            r.MostPrescriptive,
            r.MostPolar,
            [.. r.KeyTerms.Select(k => new KeyTermStanceReport(k.Term, k.Rank, k.Sentences.Count, k.Sentences, k.MeanPolarity, k.Positive, k.Negative, k.HedgedShare, k.AttributedShare))]);
    }

    /// <summary>
    /// One line of tag shares for the console and Markdown, counting only the confident tags and the rest as uncertain:
    /// "62% asserted, 12% hedged, 5% attributed, 1% prescriptive, 20% uncertain; 9% positive, 70% neutral, 15% negative,
    /// 6% uncertain (mean +0.05); 38% subjective".
    /// </summary>
    public static string ProfileLine(DocumentStanceReport s, IReadOnlyList<SentenceReport> sentences)
    {
        var inv = CultureInfo.InvariantCulture;
        SentenceStanceReport[] tagged = [.. sentences.Select(x => x.Stance).OfType<SentenceStanceReport>()];
        string Share(Func<SentenceStanceReport, bool> which) => Percent(tagged.Length == 0 ? 0 : tagged.Count(which) / (double)tagged.Length);
        string epistemic = string.Join(", ", ((string[])["asserted", "hedged", "attributed", "prescriptive", Uncertain]).Select(t => Share(x => x.ShownEpistemic == t) + " " + t));
        string polarity = string.Join(", ", ((string[])["positive", "neutral", "negative", Uncertain]).Select(t => Share(x => x.ShownPolarity == t) + " " + t));
        return epistemic + "; " + polarity + string.Create(inv, $" (mean {s.MeanPolarity:+0.00;-0.00;0.00}); {Pct(s.Subjectivity.Subjective)} subjective");
    }

    /// <summary>"term +0.12 (4 mentions, 25% hedged, 50% attributed)" for the first few key terms.</summary>
    public static string KeyTermsLine(DocumentStanceReport s, int take) => string.Join(", ", s.KeyTerms.Take(take).Select(k =>
        string.Create(CultureInfo.InvariantCulture, $"{k.Term} {k.MeanPolarity:+0.00;-0.00;0.00} ({k.Mentions}×, {Percent(k.HedgedShare)} hedged, {Percent(k.AttributedShare)} attributed)")));

    /// <summary>The Markdown stance section of one document.</summary>
    public static string MarkdownSection(DocumentStanceReport s, IReadOnlyList<SentenceReport> sentences, Func<string, string> escape)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append("**Stance:** ").Append(ProfileLine(s, sentences)).Append("\n\n");
        int before = md.Length;
        md.Append("<details><summary>Stance details: the most hedged, prescriptive and polar sentences; stance toward the key terms</summary>\n\n");
        int opened = md.Length;
        void List(string title, IReadOnlyList<int> indices, Func<SentenceStanceReport, string> tag)
        {
            if (indices.Count == 0)
            {
                return;
            }

            md.Append(inv, $"*{title}:*\n\n");
            foreach (int i in indices)
            {
                SentenceReport r = sentences[i];
                string t = r.Stance is { } st ? tag(st) : string.Empty;
                md.Append(inv, $"- line {r.Line} ({t}): {escape(Shorten(r.Text, 160))}\n");
            }

            md.Append('\n');
        }

        List("Most hedged", s.MostHedged, t => string.Create(inv, $"hedged {t.Hedged:0.00}"));
        List("Most prescriptive", s.MostPrescriptive, t => string.Create(inv, $"prescriptive {t.Prescriptive:0.00}"));
        List("Most polar", s.MostPolar, t => string.Create(inv, $"{t.ShownPolarity} {t.PolarityScore:+0.00;-0.00;0.00}"));
        if (s.KeyTerms.Count > 0)
        {
            md.Append("| Key term | Mentions | Mean polarity | + / − | Hedged | Attributed |\n|---|---:|---:|---:|---:|---:|\n");
            foreach (KeyTermStanceReport k in s.KeyTerms)
            {
                md.Append(inv, $"| {escape(k.Term)} | {k.Mentions} | {k.MeanPolarity:+0.00;-0.00;0.00} | {k.Positive} / {k.Negative} | {Percent(k.HedgedShare)} | {Percent(k.AttributedShare)} |\n");
            }

            md.Append('\n');
        }

        // Collapsed, so that a job summary over many documents stays short; nothing to collapse, no block.
        if (md.Length == opened)
        {
            md.Length = before;
        }
        else
        {
            md.Append("</details>\n\n");
        }

        return md.ToString();
    }

    private static string Pct(TagCount c) => Percent(c.Share);

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}

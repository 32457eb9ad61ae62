using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The document a sentence stands in, as an epistemic model trained with `train stance --document-context` reads it
/// (<see cref="LinearStanceModel.ReadsDocument"/>; <see cref="EpistemicFeatures"/>): each sentence's cue decision (from its
/// own text, never from labels), whether it is a heading, a question or a lead-in, and whether it follows the sentence
/// before it. From these a sentence's features read the document's own rates of hedge, attribution, prescription and law
/// cues over its other sentences, and whether a question stands in a run of questions that a lead-in opens.
/// 'textlens report' gives every sentence of the parsed document in order (each follows the one before, headings from
/// the layout); 'textlens eval stance' and the trainer give the rows of the data set with the same <c>doc</c> in file
/// order, a row following the one before when its <c>prev</c> is that row's text: the same computation over a sample of
/// the document. Computed once per document, on first use.
/// </summary>
public sealed class EpistemicDocument
{
    /// <summary>What the document context knows of one sentence.</summary>
    /// <param name="Heading">The sentence is a heading.</param>
    /// <param name="Follows">It directly follows the sentence before it (false for the first and after a gap in a data set's rows).</param>
    /// <param name="Decision">The cue rules' decision on it (<see cref="StanceTagger.RuleDecision"/>).</param>
    /// <param name="Attribution">Its attribution cue strength reaches 0.5.</param>
    /// <param name="Hedge">Its hedge cue strength reaches 0.5.</param>
    /// <param name="Law">It reads as a description of law (<see cref="EpistemicFeatures.DescribesLaw"/>).</param>
    public readonly record struct Line(bool Heading, bool Follows, EpistemicStance Decision, bool Attribution, bool Hedge, bool Law)
    {
        /// <summary>The sentence is a question ("Would the rural economy benefit from year-round sale of E15?").</summary>
        public bool Question { get; init; }

        /// <summary>The sentence ends with a colon: it leads into what follows ("Oversight questions Congress could consider include the following:").</summary>
        public bool LeadIn { get; init; }

        /// <summary>The sentence does not follow the one before it in the document, but its previous sentence is known to be a lead-in (a data set's <c>prev</c> ending with a colon).</summary>
        public bool AfterLeadIn { get; init; }
    }

    private readonly int _count;
    private readonly Func<int, Line> _lineOf;
    private readonly Lock _gate = new();
    private Line[]? _lines;
    private bool[]? _afterLeadIn;
    private (int Hedge, int Attribution, int Prescription, int Law) _totals;

    /// <param name="count">The number of sentences.</param>
    /// <param name="lineOf">Sentence i as a <see cref="Line"/> (<see cref="LineOf"/>).</param>
    public EpistemicDocument(int count, Func<int, Line> lineOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(lineOf);
        _count = count;
        _lineOf = lineOf;
    }

    /// <summary>The number of sentences.</summary>
    public int Count => _count;

    /// <summary>
    /// A document given as its sentences' texts in order (each tokenized alone, as 'eval stance' tokenizes a row), whether
    /// each follows the one before (<paramref name="follows"/>) and is a heading (<see cref="StanceContext.LooksLikeHeading"/>).
    /// </summary>
    /// <param name="texts">The sentences' texts.</param>
    /// <param name="follows">Whether each follows the one before it.</param>
    /// <param name="previous">Each sentence's previous sentence where known (a data set's <c>prev</c>), else null: where a
    /// sentence does not follow the one before it, a lead-in there still opens its run of questions.</param>
    public static EpistemicDocument OfTexts(IReadOnlyList<string> texts, IReadOnlyList<bool> follows, IReadOnlyList<string?> previous)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(follows);
        ArgumentNullException.ThrowIfNull(previous);
        return new EpistemicDocument(texts.Count, i =>
        {
            Line line = LineOf(texts[i], Tokens(texts[i]), StanceContext.LooksLikeHeading(texts[i]), follows[i]);
            return line.Follows || previous[i] is not { } prev ? line : line with { AfterLeadIn = prev.AsSpan().TrimEnd().EndsWith(':') };
        });
    }

    private static Token[] Tokens(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
        return [.. tokens];
    }

    /// <summary>A parsed document as 'report' reads it: every sentence in order, each following the one before, headings from the layout or their look.</summary>
    public static EpistemicDocument Of(ParsedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return new EpistemicDocument(doc.Sentences.Count, k => LineOf(
            doc.Prose.Text,
            doc.TokensOf(doc.Sentences[k]),
            doc.Sentences[k].Kind == BlockKind.Heading || StanceContext.LooksLikeHeading(doc.Sentences[k].Text),
            follows: k > 0));
    }

    /// <summary>A sentence as a <see cref="Line"/>: <paramref name="text"/> is the text its tokens' spans index.</summary>
    public static Line LineOf(string text, ReadOnlySpan<Token> tokens, bool heading, bool follows)
    {
        StanceEvidence evidence = StanceTagger.Inspect(text, tokens);
        return new Line(
            heading,
            follows,
            StanceTagger.RuleDecision(evidence.Scores),
            evidence.Scores.Attribution >= 0.5,
            evidence.Scores.Hedge >= 0.5,
            EpistemicFeatures.DescribesLaw(tokens))
        {
            Question = tokens.Length > 0 && tokens[^1].Text == "?",
            LeadIn = tokens.Length > 0 && tokens[^1].Text == ":",
        };
    }

    private Line[] Lines()
    {
        lock (_gate)
        {
            if (_lines is null)
            {
                var lines = new Line[_count];
                int hedge = 0, attribution = 0, prescription = 0, law = 0;
                for (int i = 0; i < _count; i++)
                {
                    lines[i] = _lineOf(i);
                    hedge += lines[i].Hedge ? 1 : 0;
                    attribution += lines[i].Attribution ? 1 : 0;
                    prescription += lines[i].Decision == EpistemicStance.Prescriptive ? 1 : 0;
                    law += lines[i].Law ? 1 : 0;
                }

                _totals = (hedge, attribution, prescription, law);
                _afterLeadIn = QuestionRuns(lines);
                _lines = lines;
            }

            return _lines;
        }
    }

    /// <summary>Sentence <paramref name="i"/>.</summary>
    public Line this[int i] => Lines()[i];

    /// <summary>
    /// Sentence <paramref name="i"/> is a question in a run of questions that a lead-in opens ("Oversight questions
    /// Congress could consider include the following:" then "How much consumer demand is there for E15?", "Would the
    /// rural economy benefit …?"): walking back over questions that follow each other reaches a sentence ending with a
    /// colon. The report's list items read the lead-in as their previous sentence; a run of a data set's rows reads only
    /// its first.
    /// </summary>
    public bool QuestionAfterLeadIn(int i)
    {
        Line[] lines = Lines();
        return i >= 0 && i < lines.Length && _afterLeadIn![i];
    }

    /// <summary>
    /// <see cref="QuestionAfterLeadIn"/> for every sentence in one forward pass: a question that follows a question of
    /// the same run inherits that question's answer, so the walk back is never repeated (linear in a run of any length).
    /// </summary>
    private static bool[] QuestionRuns(Line[] lines)
    {
        var result = new bool[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Question || lines[i].Heading)
            {
                continue;
            }

            if (i == 0 || !lines[i].Follows)
            {
                result[i] = lines[i].AfterLeadIn;
                continue;
            }

            Line before = lines[i - 1];
            result[i] = before.LeadIn || (before.Question && !before.Heading && result[i - 1]);
        }

        return result;
    }

    /// <summary>
    /// The shares of the document's sentences other than <paramref name="i"/> with a hedge cue, an attribution cue, a
    /// prescription (the cue rules' decision) and a description of law; null when the document has no other sentence.
    /// </summary>
    public (double Hedge, double Attribution, double Prescription, double Law)? OthersRates(int i)
    {
        Line[] lines = Lines();
        if (lines.Length < 2 || i < 0 || i >= lines.Length)
        {
            return null;
        }

        Line own = lines[i];
        double others = lines.Length - 1;
        return ((_totals.Hedge - (own.Hedge ? 1 : 0)) / others,
            (_totals.Attribution - (own.Attribution ? 1 : 0)) / others,
            (_totals.Prescription - (own.Decision == EpistemicStance.Prescriptive ? 1 : 0)) / others,
            (_totals.Law - (own.Law ? 1 : 0)) / others);
    }
}

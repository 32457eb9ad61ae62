using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// What the tagger knows about a sentence beyond its own words: the previous sentence (a lead-in such as
/// "the report stated:" or a quotation left open makes this sentence the source's words) and whether the
/// sentence is a heading (a label, not a statement: no polarity, no hedge). 'textlens report' and
/// 'textlens eval stance' build it the same way (<see cref="For"/>).
/// </summary>
public sealed record StanceContext(string? Previous, bool Heading)
{
    /// <summary>No previous sentence, not a heading (an isolated sentence).</summary>
    public static StanceContext None { get; } = new(null, false);

    [ThreadStatic]
    private static List<Token>? t_scratch;

    private Token[]? _previousTokens;

    /// <summary>
    /// The previous sentence's tokens, tokenized from <see cref="Previous"/> on first use and kept: the epistemic
    /// (<see cref="PreviousSentence"/>) and polarity (<see cref="PolarityContext"/>) features both read them. Empty without one.
    /// </summary>
    internal ReadOnlySpan<Token> PreviousTokens
    {
        get
        {
            if (_previousTokens is null)
            {
                // Tokenized into a reused list and copied out at its size; the strings are shared through Strings when given.
                List<Token> tokens = t_scratch ??= new List<Token>(64);
                tokens.Clear();
                if (Previous is { } text)
                {
                    Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens, Strings);
                }

                _previousTokens = [.. tokens];
                tokens.Clear();
            }

            return _previousTokens;
        }
    }

    /// <summary>
    /// The sentence stands in a block quotation (Markdown "&gt;"): the quoted source's words, as if inside quotation marks,
    /// so the quotation is the evidence and no hedge or prescription in it is the author's. Only 'textlens report' knows
    /// the layout; a data set's row never sets it.
    /// </summary>
    public bool BlockQuote { get; init; }

    /// <summary>
    /// The strings of the document's tokens (<see cref="TokenStrings"/>, one per document and thread), which the previous
    /// sentence's tokens share instead of allocating two strings each; null: their own strings. Not part of the value.
    /// </summary>
    internal TokenStrings? Strings { get; init; }

    /// <summary>
    /// The previous sentence as the document holds it and the evidence the tagger found in it when it tagged it one
    /// sentence earlier ('textlens report' walks the sentences in order); <see cref="PreviousSentence.Of"/> reads that
    /// evidence instead of inspecting the previous sentence again when inspecting it alone would find the same
    /// (<see cref="InspectedSentence.InspectsAlike"/>). Null: inspect it. Not part of the value.
    /// </summary>
    internal InspectedSentence? Inspected { get; init; }

    /// <summary>
    /// The document the sentence stands in (<see cref="DocumentTone"/>), which a polarity model trained with
    /// `--document-context` reads; null: none (an isolated sentence, a data set's row without <c>doc</c>).
    /// </summary>
    public DocumentTone? Document { get; init; }

    /// <summary>
    /// The document the sentence stands in as an epistemic model trained with `--document-context` reads it (the
    /// document's cue rates over its other sentences, a question run after a lead-in; <see cref="EpistemicDocument"/>), with the sentence at
    /// <see cref="Position"/>; null: none (an isolated sentence, a data set's row without <c>doc</c>).
    /// </summary>
    public EpistemicDocument? Discourse { get; init; }

    /// <summary>The sentence's index in <see cref="Discourse"/>.</summary>
    public int Position { get; init; }

    /// <summary>Equal when the previous sentence, heading status, block quotation and documents (the same instances, at the same position) are (the token cache is not part of the value).</summary>
    public bool Equals(StanceContext? other) =>
        other is not null && string.Equals(Previous, other.Previous, StringComparison.Ordinal) && Heading == other.Heading && BlockQuote == other.BlockQuote
        && ReferenceEquals(Document, other.Document) && ReferenceEquals(Discourse, other.Discourse) && Position == other.Position;

    public override int GetHashCode() => HashCode.Combine(Previous, Heading, BlockQuote, Document, Discourse, Position);

    /// <summary>The context of a sentence from its text, the previous sentence's text and whether the layout marks it as a heading.</summary>
    public static StanceContext For(string text, string? previous, bool markedHeading = false) =>
        new(string.IsNullOrWhiteSpace(previous) ? null : previous, markedHeading || LooksLikeHeading(text));

    /// <summary>
    /// A line that reads as a heading in plain text: at most 14 words, starting with a capital or a digit, no sentence-final punctuation
    /// (".", "?", "!", ":", ";", ",", or one of them before a closing quotation mark or parenthesis): "FY2027 XM-30
    /// Budget Request", "Potential Oversight Issue for Congress", "Overview".
    /// </summary>
    public static bool LooksLikeHeading(string text)
    {
        ReadOnlySpan<char> t = text.AsSpan().Trim();
        if (t.IsEmpty || t[^1] is '.' or '?' or '!' or ':' or ';' or ',' || (t.Length > 1 && t[^1] is '"' or '”' or '’' or ')' && t[^2] is '.' or '?' or '!'))
        {
            return false;
        }

        int words = 0;
        bool letter = false;
        foreach (Range r in t.Split(' '))
        {
            ReadOnlySpan<char> w = t[r];
            if (w.IsEmpty)
            {
                continue;
            }

            words++;
            foreach (char c in w)
            {
                letter |= char.IsLetter(c);
            }
        }

        return letter && words <= 14 && (char.IsUpper(t[0]) || char.IsDigit(t[0]));
    }
}

/// <summary>The signals the tagger reads off the previous sentence (see <see cref="StanceContext"/>).</summary>
public readonly record struct PreviousSentence(bool Present, bool LeadIn, bool OpenQuote, bool Attributed, bool Heading)
{
    /// <summary>The previous sentence reports what a source said, found or decided ("GAO found that…", "The Court held…"): a pronoun or "also" here may carry the attribution on.</summary>
    public bool SourcedReport { get; init; }

    public static PreviousSentence Of(StanceContext context)
    {
        if (context.Previous is not { } text)
        {
            return default;
        }

        ReadOnlySpan<Token> span = context.PreviousTokens;
        StanceEvidence evidence = context.Inspected is { } inspected && inspected.InspectsAlike(text, span)
            ? inspected.Evidence
            : StanceTagger.Inspect(text, span);
        ReadOnlySpan<char> trimmed = text.AsSpan().TrimEnd();
        // A lead-in ends with a colon ("the report stated:") or a comma after a source ("According to Defense News,").
        bool leadIn = trimmed.Length > 0 && (trimmed[^1] == ':' || (trimmed[^1] == ',' && evidence.Scores.Attribution >= 0.5));
        return new PreviousSentence(true, leadIn, OpensQuotation(text), evidence.Scores.Attribution >= 0.5, StanceContext.LooksLikeHeading(text))
        {
            SourcedReport = EpistemicScope.FirstSourcedReport(span, evidence.Quoted) >= 0,
        };
    }

    /// <summary>The sentence leaves a quotation open: more opening than closing curly double quotes, or an odd number of straight ones.</summary>
    public static bool OpensQuotation(string text)
    {
        int open = 0;
        int close = 0;
        int straight = 0;
        foreach (char c in text)
        {
            open += c is '“' or '«' ? 1 : 0;
            close += c is '”' or '»' ? 1 : 0;
            straight += c == '"' ? 1 : 0;
        }

        return open > close || (straight % 2 == 1 && text.TrimEnd().Length > 0 && text.TrimEnd()[^1] != '"');
    }
}

/// <summary>
/// A sentence of a document (<paramref name="Prose"/>: the text its tokens' spans index, <paramref name="Tokens"/>: its
/// tokens there) and the evidence <see cref="StanceTagger.Inspect(string, ReadOnlySpan{Token}, bool)"/> found in it
/// outside a block quotation.
/// </summary>
internal sealed record InspectedSentence(string Prose, Sentence Sentence, Token[] AllTokens, StanceEvidence Evidence)
{
    /// <summary>
    /// Inspecting <paramref name="text"/> alone, as <paramref name="tokens"/>, finds what inspecting the sentence in its
    /// document found: the text is the document's at the sentence's span, the tokens are the document's (kinds, strings,
    /// spans relative to the sentence), and the characters either side of the sentence read as the string's ends do
    /// (the quotation marks' rule reads a space before the first and after the last token at a string's ends).
    /// </summary>
    public bool InspectsAlike(string text, ReadOnlySpan<Token> tokens)
    {
        int start = Sentence.Span.Start;
        int end = Sentence.Span.End;
        if (!ReferenceEquals(text, Sentence.Text) || tokens.Length != Sentence.TokenCount || Sentence.Span.Length != text.Length
            || string.CompareOrdinal(Prose, start, text, 0, text.Length) != 0
            || (start > 0 && !(char.IsWhiteSpace(Prose[start - 1]) || Prose[start - 1] is '(' or '[' or '—' or '–'))
            || (end < Prose.Length && !(char.IsWhiteSpace(Prose[end]) || char.IsPunctuation(Prose[end]))))
        {
            return false;
        }

        ReadOnlySpan<Token> own = AllTokens.AsSpan(Sentence.FirstToken, Sentence.TokenCount);
        for (int k = 0; k < tokens.Length; k++)
        {
            Token a = own[k];
            Token b = tokens[k];
            if (a.Kind != b.Kind || a.Span.Start - start != b.Span.Start || a.Span.Length != b.Span.Length
                || !string.Equals(a.Text, b.Text, StringComparison.Ordinal) || !string.Equals(a.Lower, b.Lower, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

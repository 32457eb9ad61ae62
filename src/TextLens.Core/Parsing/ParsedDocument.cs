using System.Text;
using TextLens.Core.Text;

namespace TextLens.Core.Parsing;

/// <summary>A block of prose with the sentences in it.</summary>
public sealed record Paragraph(int Index, TextSpan Span, BlockKind Kind, int FirstSentence, int SentenceCount);

/// <summary>A sentence: its span, its tokens (a range of <see cref="ParsedDocument.Tokens"/>) and its display text.</summary>
public sealed record Sentence(int Index, TextSpan Span, int FirstToken, int TokenCount, int Paragraph, BlockKind Kind, string Text)
{
    public Range TokenRange => new(FirstToken, FirstToken + TokenCount);

    /// <summary>A byline or credit ("By Soyoung Kim"): it names the writer, not the topic (<see cref="Bylines"/>).</summary>
    public bool IsByline { get; init; }
}

/// <summary>
/// A document parsed once into paragraphs, sentences and tokens. Immutable; every analyzer reads
/// the same instance.
/// </summary>
public sealed class ParsedDocument
{
    private ParsedDocument(SourceText source, ProseLayout prose, Token[] tokens, Sentence[] sentences, Paragraph[] paragraphs, IPartOfSpeechSource? models, Reference[] references)
    {
        Source = source;
        References = references;
        Prose = prose;
        Tokens = tokens;
        Sentences = sentences;
        Paragraphs = paragraphs;
        Models = models;
        WordCount = tokens.Count(t => t.Kind is TokenKind.Word or TokenKind.Number);
        BackMatterStart = BackMatter.Start(this);
        _tags = new Lazy<(PartOfSpeech[], float[])>(TagTokens, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<(PartOfSpeech[] Tags, float[] VerbProbability)> _tags;

    /// <summary>The models that tag this document (null: parsed without them; <see cref="Tags"/> then throws).</summary>
    public IPartOfSpeechSource? Models { get; }

    /// <summary>
    /// Universal Dependencies part-of-speech tags, one per token (index-aligned with <see cref="Tokens"/>),
    /// computed on first use by the tagger of <see cref="Models"/> (which loads it then) and shared by every analyzer.
    /// </summary>
    public IReadOnlyList<PartOfSpeech> Tags => _tags.Value.Tags;

    /// <summary>
    /// For every token, the probability the tagger gave a verb reading (VERB or AUX), computed with
    /// <see cref="Tags"/>: high for a word tagged NOUN that may be a verb the greedy tagger got wrong.
    /// </summary>
    public IReadOnlyList<float> VerbProbability => _tags.Value.VerbProbability;

    public SourceText Source { get; }

    /// <summary>
    /// The legal and bibliographic references in the prose (bill numbers, public laws, code citations,
    /// section references, report numbers, case citations, URLs), sorted and not overlapping
    /// (<see cref="Parsing.References"/>). No analyzer reads a reference as a figure, keyword or cue.
    /// </summary>
    public IReadOnlyList<Reference> References { get; }

    /// <summary>The reference that contains <paramref name="offset"/>, if any.</summary>
    public Reference? ReferenceAt(int offset) => Parsing.References.At(References, offset);

    /// <summary>True when the token starts inside a reference (the 1156 of H.R. 1156, the Section of Section 73100).</summary>
    public bool InReference(in Token token) => ReferenceAt(token.Span.Start) is not null;

    public ProseLayout Prose { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    public IReadOnlyList<Paragraph> Paragraphs { get; }

    public int WordCount { get; }

    /// <summary>
    /// The index of the first sentence of the back matter (an author note, the publisher's masthead, a comment form:
    /// <see cref="BackMatter"/>), or the number of sentences when there is none. Found once, at parse time: the themes
    /// and the stance both leave the publisher's notes out.
    /// </summary>
    public int BackMatterStart { get; }

    /// <summary>True when sentence <paramref name="index"/> is in the back matter (<see cref="BackMatterStart"/>).</summary>
    public bool InBackMatter(int index) => index >= BackMatterStart;

    /// <summary>The same parse, tagged with the tagger of <paramref name="models"/> (the arrays are shared, not copied).</summary>
    public ParsedDocument WithModels(IPartOfSpeechSource models)
    {
        ArgumentNullException.ThrowIfNull(models);
        return ReferenceEquals(models, Models) ? this : new ParsedDocument(Source, Prose, (Token[])Tokens, (Sentence[])Sentences, (Paragraph[])Paragraphs, models, (Reference[])References);
    }

    private (PartOfSpeech[] Tags, float[] VerbProbability) TagTokens() =>
        Models is { } models
            ? NameTags(models.PartOfSpeech.TagWithVerbProbability(this))
            : throw new InvalidOperationException("This document was parsed without models; parse it with a ModelSet (or WithModels) to tag it.");

    public ReadOnlySpan<Token> TokensOf(Sentence sentence) => ((Token[])Tokens).AsSpan(sentence.FirstToken, sentence.TokenCount);

    /// <summary>The index of the sentence that contains <paramref name="offset"/>, or -1. O(log n).</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0;
        int hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            TextSpan s = Sentences[mid].Span;
            if (offset < s.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= s.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>Parses a document; its part-of-speech tags come from <paramref name="models"/> when first read.</summary>
    public static ParsedDocument Parse(SourceText source, IPartOfSpeechSource? models = null)
    {
        ProseLayout prose = ProseLayout.Create(source);
        var tokens = new List<Token>(source.Length / 5);
        var sentences = new List<Sentence>();
        var paragraphs = new List<Paragraph>();
        bool plain = source.Format == DocumentFormat.PlainText;
        var blockTokens = new List<Token>();
        var strings = new TokenStrings();
        var ranges = new List<(int Start, int Count)>();
        foreach (ProseBlock block in prose.Blocks)
        {
            blockTokens.Clear();
            Tokenizer.Tokenize(prose.Text, block.Span, blockTokens, strings);
            if (blockTokens.Count == 0)
            {
                continue;
            }

            int firstSentence = sentences.Count;
            int offset = tokens.Count;
            tokens.AddRange(blockTokens);
            ReadOnlySpan<Token> span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(blockTokens);
            ranges.Clear();
            if (block.Kind == BlockKind.Heading)
            {
                ranges.Add((0, blockTokens.Count));
            }
            else
            {
                SentenceSplitter.Split(prose.Text, span, plain, ranges);
            }

            foreach ((int start, int count) in ranges)
            {
                TextSpan sentenceSpan = TextSpan.FromBounds(span[start].Span.Start, span[start + count - 1].Span.End);
                sentences.Add(new Sentence(
                    sentences.Count, sentenceSpan, offset + start, count, paragraphs.Count, block.Kind,
                    DisplayText(source.Content, prose.Text, sentenceSpan))
                {
                    IsByline = Bylines.IsByline(span.Slice(start, count)),
                });
            }

            paragraphs.Add(new Paragraph(paragraphs.Count, block.Span, block.Kind, firstSentence, sentences.Count - firstSentence));
        }

        return new ParsedDocument(source, prose, [.. tokens], [.. sentences], [.. paragraphs], models, Parsing.References.FindAll(prose.Text, prose.Blocks.Select(b => b.Span)));
    }

    /// <summary>
    /// A document made of sentences that are already split (an evaluation set's sentences): the
    /// sentences are joined by blank lines, each becomes one paragraph holding exactly one sentence,
    /// and the sentence splitter is not run, so sentence <c>i</c> is exactly the i-th given string.
    /// </summary>
    public static ParsedDocument FromSentences(IReadOnlyList<string> sentences, string path = "<sentences>", IPartOfSpeechSource? models = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var content = new StringBuilder();
        var spans = new TextSpan[sentences.Count];
        for (int i = 0; i < sentences.Count; i++)
        {
            if (i > 0)
            {
                content.Append("\n\n");
            }

            string text = sentences[i].ReplaceLineEndings(" ");
            spans[i] = new TextSpan(content.Length, text.Length);
            content.Append(text);
        }

        var source = new SourceText(path, content.ToString(), DocumentFormat.PlainText);
        ProseLayout prose = ProseLayout.FromPlainText(source.Content);
        var tokens = new List<Token>(source.Length / 5);
        var parsed = new Sentence[spans.Length];
        var paragraphs = new Paragraph[spans.Length];
        for (int i = 0; i < spans.Length; i++)
        {
            int first = tokens.Count;
            Tokenizer.Tokenize(source.Content, spans[i], tokens);
            TextSpan span = tokens.Count > first
                ? TextSpan.FromBounds(tokens[first].Span.Start, tokens[^1].Span.End)
                : new TextSpan(spans[i].Start, 0);
            parsed[i] = new Sentence(i, span, first, tokens.Count - first, i, BlockKind.Paragraph, DisplayText(source.Content, source.Content, span))
            {
                IsByline = Bylines.IsByline(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens)[first..]),
            };
            paragraphs[i] = new Paragraph(i, span, BlockKind.Paragraph, i, 1);
        }

        return new ParsedDocument(source, prose, [.. tokens], parsed, paragraphs, models, Parsing.References.FindAll(source.Content, spans));
    }

    /// <summary>An alphanumeric name (XM-30, 5G) is a proper noun, whatever the tagger made of its digits (it reads F-35 as a number).</summary>
    private (PartOfSpeech[] Tags, float[] VerbProbability) NameTags((PartOfSpeech[] Tags, float[] VerbProbability) tagged)
    {
        for (int i = 0; i < tagged.Tags.Length; i++)
        {
            if (Tokens[i].IsAlphanumericName && tagged.Tags[i] is PartOfSpeech.Num or PartOfSpeech.X or PartOfSpeech.Sym or PartOfSpeech.Adj)
            {
                tagged.Tags[i] = PartOfSpeech.Propn;
            }
        }

        return tagged;
    }

    /// <summary>
    /// The prose of a span with each gap (white space, line breaks, removed Markdown) folded to one
    /// space, or to nothing where the original had no white space there (a link's target before a full stop).
    /// </summary>
    private static string DisplayText(string original, string prose, TextSpan span)
    {
        ReadOnlySpan<char> text = prose.AsSpan(span.Start, span.Length);
        if (IsFolded(original, text, span.Start))
        {
            return new string(text);
        }

        var sb = new StringBuilder(span.Length);
        bool space = false;
        for (int i = span.Start; i < span.End; i++)
        {
            char c = prose[i];
            if (char.IsWhiteSpace(c))
            {
                space |= char.IsWhiteSpace(original[i]);
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Whether <see cref="DisplayText"/> of the span is the span itself: every gap is one space, between two characters
    /// that are not white space, where the original had white space too (so nothing is folded).
    /// </summary>
    private static bool IsFolded(string original, ReadOnlySpan<char> text, int start)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                continue;
            }

            if (text[i] != ' ' || i == 0 || i == text.Length - 1 || char.IsWhiteSpace(text[i + 1]) || !char.IsWhiteSpace(original[start + i]))
            {
                return false;
            }
        }

        return true;
    }
}

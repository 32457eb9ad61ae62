using TextLens.Core.Parsing;
using TextLens.Core.Text;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The document a sentence stands in, as the polarity model's document context reads it (<see cref="PolarityContext"/>,
/// `train stance --document-context`): the tone of every sentence of the document, computed from the text alone, never from
/// labels — the saturated count of its bad-news kinds (<see cref="PolicyChangeFeatures"/>) and its negative VADER tone, as
/// the previous sentence's are read. A sentence's context is the mean over the document's <em>other</em> sentences (its own
/// tone is taken out), so a litigation or budget-cut report reads apart from a programme description. The classifier reads
/// the bad-news mean only (<see cref="PolarityContext"/>); with the negative-tone mean beside it grouped CV was lower.
/// 'textlens report' gives every sentence of the parsed document (headings and list items included);
/// 'textlens eval stance' and the trainer give the rows of the data set with the same <c>doc</c> (for the CRS DEV set, two
/// contiguous windows of a report plus its analysis-section rows): the same computation over a sample of the document.
/// Computed once per document, on first use, for one lexicon.
/// </summary>
public sealed class DocumentTone
{
    private readonly int _count;
    private readonly Func<int, IReadOnlyList<string>> _wordsOf;
    private readonly Lock _gate = new();
    private ValenceLexicon? _lexicon;
    private (double Bad, double Negative) _totals;

    /// <param name="count">The number of sentences of the document.</param>
    /// <param name="wordsOf">The lower-cased words of sentence i (<see cref="Words(ReadOnlySpan{Token})"/>).</param>
    public DocumentTone(int count, Func<int, IReadOnlyList<string>> wordsOf)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(wordsOf);
        _count = count;
        _wordsOf = wordsOf;
    }

    /// <summary>A document given as its sentences' texts (each tokenized alone, as 'eval stance' tokenizes a row).</summary>
    public static DocumentTone OfTexts(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return new DocumentTone(texts.Count, i =>
        {
            string text = texts[i];
            var tokens = new List<Token>();
            Tokenizer.Tokenize(text, new TextSpan(0, text.Length), tokens);
            return Words(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens));
        });
    }

    /// <summary>The number of sentences of the document.</summary>
    public int Count => _count;

    /// <summary>The lower-cased words of a sentence (word and clitic tokens), as the tone reads them.</summary>
    public static IReadOnlyList<string> Words(ReadOnlySpan<Token> tokens)
    {
        var words = new List<string>(tokens.Length);
        foreach (Token t in tokens)
        {
            if (t.Kind is TokenKind.Word or TokenKind.Clitic)
            {
                words.Add(t.Lower);
            }
        }

        return words;
    }

    /// <summary>A sentence's tone: the saturated count n / (n + 1) of its bad-news kinds and its negative VADER tone (max(0, −compound)).</summary>
    public static (double Bad, double Negative) SentenceTone(IReadOnlyList<string> words, ValenceLexicon lexicon)
    {
        PolicyChangeFeatures.Counts c = PolicyChangeFeatures.Of(words);
        int bad = c.BadEvents + c.LegalConflict + c.Concern + c.BadChanges;
        double compound = ValenceLexicon.Compound(lexicon.Valences(words, inflected: true).Sum());
        return (bad / (bad + 1.0), Math.Max(0, -compound));
    }

    /// <summary>The sums of the sentences' tones (<see cref="SentenceTone"/>) over the whole document.</summary>
    public (double Bad, double Negative) Totals(ValenceLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        lock (_gate)
        {
            if (!ReferenceEquals(_lexicon, lexicon))
            {
                double bad = 0, negative = 0;
                for (int i = 0; i < _count; i++)
                {
                    (double b, double n) = SentenceTone(_wordsOf(i), lexicon);
                    bad += b;
                    negative += n;
                }

                (_totals, _lexicon) = ((bad, negative), lexicon);
            }

            return _totals;
        }
    }

    /// <summary>
    /// The mean tone of the document's sentences other than the one whose tone is <paramref name="own"/>; null when the
    /// document has no other sentence.
    /// </summary>
    public (double Bad, double Negative)? OthersMean(ValenceLexicon lexicon, (double Bad, double Negative) own)
    {
        if (_count < 2)
        {
            return null;
        }

        (double bad, double negative) = Totals(lexicon);
        return (Math.Max(0, bad - own.Bad) / (_count - 1), Math.Max(0, negative - own.Negative) / (_count - 1));
    }
}

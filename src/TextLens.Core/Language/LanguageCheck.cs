
namespace TextLens.Core.Language;

/// <summary>
/// Decides whether a document's prose is English, in two steps. First a linear count of English function
/// words and of Latin letters (<see cref="EnglishEvidence"/>): prose that reads as English is English, with
/// no model loaded (the common case costs one pass over the text). Only prose that does not, and is long
/// enough to judge, goes to the <see cref="LanguageIdentifier"/>, which must name another language with
/// confidence for the document to count as not English. A quoted paragraph in another language leaves an
/// English article's function words well above the bar.
/// </summary>
public sealed class LanguageCheck
{
    /// <summary>Fewer letters than this (<see cref="EnglishEvidence.LetterEquivalents"/>): too little to judge, taken as English.</summary>
    public const int MinimumLetters = 200;

    /// <summary>Latin-script prose with fewer lower-case words than this is names, titles or addresses: not judged.</summary>
    public const int MinimumLowerCaseWords = 25;

    /// <summary>At least this share of Latin words being English function words reads as English (DEV minimum: see bench/README.md).</summary>
    public const double EnglishFunctionWordShare = 0.10;

    /// <summary>The identifier must be at least this confident in a language other than English.</summary>
    public const double MinimumConfidence = 0.5;

    /// <summary>The identifier reads at most this many characters, from the start, middle and end of the prose.</summary>
    public const int SampleLength = 3_000;

    private readonly LanguageIdentifier _identifier;

    public LanguageCheck(LanguageIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        _identifier = identifier;
    }

    /// <summary>The language the prose is written in when it is not English; null when it is English or too short to tell.</summary>
    public LanguageGuess? FindNonEnglish(string prose)
    {
        ArgumentNullException.ThrowIfNull(prose);
        EnglishEvidence evidence = EnglishEvidence.Measure(prose);
        bool latinScript = evidence.LatinShare >= 0.5;
        if (evidence.LetterEquivalents < MinimumLetters || (latinScript && (evidence.LatinWords < MinimumLowerCaseWords || evidence.FunctionWordShare >= EnglishFunctionWordShare)))
        {
            return null;
        }

        LanguageGuess? guess = _identifier.Identify(Sample(prose));
        return guess is { IsEnglish: false, Confidence: >= MinimumConfidence } ? guess : null;
    }

    /// <summary>Up to <see cref="SampleLength"/> characters in three windows (start, middle, end), runs of white space collapsed.</summary>
    public static string Sample(string prose)
    {
        ArgumentNullException.ThrowIfNull(prose);
        const int window = SampleLength / 3;
        var sample = new System.Text.StringBuilder(SampleLength + 2);
        if (prose.Length <= SampleLength * 2)
        {
            AppendCollapsed(sample, prose.AsSpan(), SampleLength);
            return sample.ToString();
        }

        foreach (int start in (int[])[0, (prose.Length / 2) - (window / 2), prose.Length - (window * 2)])
        {
            AppendCollapsed(sample, prose.AsSpan(start, window * 2), window);
            sample.Append(' ');
        }

        return sample.ToString();
    }

    /// <summary>Appends the words of <paramref name="text"/> (addresses left out) with single spaces, up to <paramref name="budget"/> characters.</summary>
    private static void AppendCollapsed(System.Text.StringBuilder sample, ReadOnlySpan<char> text, int budget)
    {
        int end = sample.Length + budget;
        foreach (Range range in text.SplitAny(EnglishEvidence.Separators))
        {
            ReadOnlySpan<char> word = text[range];
            if (word.IsEmpty || EnglishEvidence.IsAddress(word))
            {
                continue;
            }

            if (sample.Length > 0 && sample[^1] != ' ')
            {
                sample.Append(' ');
            }

            int room = end - sample.Length;
            if (room <= 0)
            {
                break;
            }

            sample.Append(word[..Math.Min(word.Length, room)]);
        }
    }
}

using System.Collections.Frozen;
using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// Where a sentence's polar words stand (nineteenth round, `train stance --clauses`, <see cref="LinearStanceModel.ReadsClauses"/>):
/// in the part a concession or a contrast concedes ("<b>Although improvements have been made in most states</b>, there remain
/// major differences…"; "<b>The next year, the New York City council voted in favor of the project</b>, but the project never
/// received a vote…"), in the part a condition sets up ("<b>If a former servicemember believes there is an error</b>…, he or
/// she may seek…"; with <see cref="ClauseParts.Conditions"/>), or in the main clause. The hashed words weigh the same wherever
/// they stand, so the polarity classifier read mixed sentences by their polar words, whichever part held them (on the
/// analysis-prose DEV set the 384 sentences with such a split hold 81 of its errors and 13 of its 29 direction errors:
/// models/stance-polarity.md). Named features, per part, of the positive and the negative valence sum of its words
/// (<see cref="ValenceLexicon.Valences(IReadOnlyList{string}, bool)"/> on the part's words alone, inflection-aware), each squashed
/// as VADER's compound (s / √(s² + 15)): <c>cl:sub-pos</c>, <c>cl:sub-neg</c>, (<c>cl:cond-pos</c>, <c>cl:cond-neg</c>,)
/// <c>cl:main-pos</c>, <c>cl:main-neg</c>; all zero for a sentence without a marker. Read by the in-domain classifier only, as
/// the other named features (<see cref="PolarityContext"/>). Tried in the nineteenth round, not shipped: beside the hashed
/// words the features barely moved the decision (grouped-CV CRS macro-F1 0.5678 / 0.5684 against the shipped 0.5704; no
/// shipped file reads them): models/stance-polarity.md.
/// <para>
/// A concession or condition marker's part runs from the word after it to the next comma, semicolon, colon, parenthesis or
/// dash (or the sentence end); a contrast marker makes every word before it, back to the previous contrast marker, conceded.
/// Marker words belong to no part. One pass over the tokens; each word is assigned at most twice.
/// </para>
/// </summary>
public static class ClauseZones
{
    /// <summary>Concession markers of one word ("while" only at a clause start: elsewhere it is mostly temporal).</summary>
    private static readonly FrozenSet<string> Concessions = FrozenSet.Create(StringComparer.Ordinal,
        "although", "though", "despite", "whereas", "notwithstanding", "albeit");

    /// <summary>Contrast markers: what precedes them is conceded.</summary>
    private static readonly FrozenSet<string> Contrasts = FrozenSet.Create(StringComparer.Ordinal,
        "but", "however", "yet", "nevertheless", "nonetheless");

    /// <summary>Words before "yet" that make it "not yet" / "have yet to", not a contrast.</summary>
    private static readonly FrozenSet<string> NotContrastYet = FrozenSet.Create(StringComparer.Ordinal,
        "have", "has", "had", "is", "are", "was", "were", "not", "as", "n't", "never");

    /// <summary>Condition markers of one word ("given" and "assuming" only at a clause start; "provided" only before "that").</summary>
    private static readonly FrozenSet<string> Conditions = FrozenSet.Create(StringComparer.Ordinal, "if", "unless");

    /// <summary>The punctuation that ends a concession's or a condition's part.</summary>
    private static readonly FrozenSet<string> Boundaries = FrozenSet.Create(StringComparer.Ordinal,
        ",", ";", ":", "(", ")", "\u2014", "\u2013", "--");

    private enum Part : byte
    {
        Main,
        Conceded,
        Conditional,
        Marker,
    }

    /// <summary>The names of the features of <paramref name="parts"/>, in order.</summary>
    public static IReadOnlyList<string> Names(ClauseParts parts) => (parts & ClauseParts.Conditions) != 0
        ? ["cl:sub-pos", "cl:sub-neg", "cl:cond-pos", "cl:cond-neg", "cl:main-pos", "cl:main-neg"]
        : ["cl:sub-pos", "cl:sub-neg", "cl:main-pos", "cl:main-neg"];

    /// <summary>The named features of a sentence's tokens (<paramref name="parts"/>: which markers are read; <see cref="ClauseParts.Concessions"/> at least).</summary>
    public static IReadOnlyList<(string Name, float Value)> Of(ReadOnlySpan<Token> tokens, ValenceLexicon lexicon, ClauseParts parts)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        bool conditions = (parts & ClauseParts.Conditions) != 0;
        IReadOnlyList<string> names = Names(parts);
        (List<string> words, Part[] part, bool split) = Assign(tokens, conditions);

        var values = new float[names.Count];
        if (split)
        {
            (values[0], values[1]) = Sums(words, part, Part.Conceded, lexicon);
            if (conditions)
            {
                (values[2], values[3]) = Sums(words, part, Part.Conditional, lexicon);
            }

            (values[^2], values[^1]) = Sums(words, part, Part.Main, lexicon);
        }

        var features = new (string, float)[names.Count];
        for (int n = 0; n < names.Count; n++)
        {
            features[n] = (names[n], values[n]);
        }

        return features;
    }

    /// <summary>
    /// The words of the conceded and of the conditional part as named features of their own (twentieth round, `train stance
    /// --clause-words`, <see cref="LinearStanceModel.ReadsClauseWords"/>): each distinct lower-cased word of the conceded part
    /// as <c>cw:&lt;word&gt;</c>, of the conditional part as <c>cf:&lt;word&gt;</c>, each block L2-normalised (every word
    /// 1/√n, n the part's distinct words), in the order of the words. The hashed unigrams still hold every word, so a conceded
    /// word weighs its unigram's weight plus its own offset: "voted in favor of the project, but the project never received a
    /// vote" reads "favor" as conceded. Empty for a sentence without a marker (and for a part with no word). Tried in the
    /// twentieth round, not shipped (grouped-CV CRS macro-F1 0.5679 against the shipped 0.5704, NYT 0.5508; no shipped file
    /// reads them): models/stance-polarity.md.
    /// </summary>
    public static IReadOnlyList<(string Name, float Value)> Words(ReadOnlySpan<Token> tokens)
    {
        (List<string> words, Part[] part, bool split) = Assign(tokens, conditions: true);
        if (!split)
        {
            return [];
        }

        var features = new List<(string Name, float Value)>();
        AddPart(words, part, Part.Conceded, "cw:", features);
        AddPart(words, part, Part.Conditional, "cf:", features);
        return features;
    }

    /// <summary>Whether the sentence has a conceded part and a conditional part (the markers of <see cref="Of"/> with conditions; the polarity second stage's flags, <see cref="PolarityTrees"/>).</summary>
    public static (bool Conceded, bool Conditional) Parts(ReadOnlySpan<Token> tokens)
    {
        (_, Part[] part, bool split) = Assign(tokens, conditions: true);
        return split ? (part.Contains(Part.Conceded), part.Contains(Part.Conditional)) : (false, false);
    }

    private static void AddPart(List<string> words, Part[] part, Part which, string prefix, List<(string Name, float Value)> features)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var own = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            if (part[i] == which && seen.Add(words[i]))
            {
                own.Add(words[i]);
            }
        }

        float value = own.Count == 0 ? 0 : (float)(1 / Math.Sqrt(own.Count));
        foreach (string w in own)
        {
            features.Add((prefix + w, value));
        }
    }

    /// <summary>The sentence's words (lower-cased word and clitic tokens), the part of each, and whether any marker split it.</summary>
    private static (List<string> Words, Part[] Parts, bool Split) Assign(ReadOnlySpan<Token> tokens, bool conditions)
    {

        // The words (lower-cased word and clitic tokens) and, for each, whether a boundary precedes it directly.
        var words = new List<string>(tokens.Length);
        var afterBoundary = new List<bool>(tokens.Length);
        var boundaryAfter = new List<bool>(tokens.Length);
        bool boundary = true;
        foreach (Token t in tokens)
        {
            if (t.Kind is TokenKind.Word or TokenKind.Clitic)
            {
                words.Add(t.Lower);
                afterBoundary.Add(boundary);
                boundaryAfter.Add(false);
                boundary = false;
            }
            else if (t.Kind is TokenKind.Punctuation or TokenKind.Symbol && Boundaries.Contains(t.Text))
            {
                boundary = true;
                if (boundaryAfter.Count > 0)
                {
                    boundaryAfter[^1] = true;
                }
            }
        }

        var part = new Part[words.Count];
        bool split = false;
        int lastContrast = 0;
        int i = 0;
        while (i < words.Count)
        {
            (Part kind, int length) = Marker(words, afterBoundary, i, conditions);
            if (kind == Part.Conceded && length == 1 && Contrasts.Contains(words[i]))
            {
                // What precedes a contrast is conceded (back to the previous contrast, so each word is reassigned once).
                for (int j = lastContrast; j < i; j++)
                {
                    part[j] = part[j] == Part.Main ? Part.Conceded : part[j];
                }

                part[i] = Part.Marker;
                lastContrast = i + 1;
                split = true;
                i++;
                continue;
            }

            if (kind is Part.Conceded or Part.Conditional && length > 0)
            {
                for (int j = i; j < i + length; j++)
                {
                    part[j] = Part.Marker;
                }

                int k = i + length;
                bool ended = boundaryAfter[i + length - 1];
                while (k < words.Count && !ended)
                {
                    part[k] = kind;
                    ended = boundaryAfter[k];
                    k++;
                }

                split = true;
                i = k;
                continue;
            }

            i++;
        }

        return (words, part, split);
    }

    /// <summary>The kind and the length in words of a marker at word <paramref name="i"/> (length 0: none). Contrasts come back as <see cref="Part.Conceded"/> of length 1.</summary>
    private static (Part Kind, int Length) Marker(List<string> w, List<bool> afterBoundary, int i, bool conditions)
    {
        string word = w[i];
        string? next = i + 1 < w.Count ? w[i + 1] : null;
        string? third = i + 2 < w.Count ? w[i + 2] : null;
        if (word == "in" && next == "spite" && third == "of")
        {
            return (Part.Conceded, 3);
        }

        if (word == "even" && next is "if" or "though")
        {
            return (Part.Conceded, 2);
        }

        if (Concessions.Contains(word) && !(word == "though" && i > 0 && w[i - 1] == "as"))
        {
            return (Part.Conceded, 1);
        }

        if (word == "while" && afterBoundary[i])
        {
            return (Part.Conceded, 1);
        }

        if (Contrasts.Contains(word))
        {
            return word == "yet" && i > 0 && NotContrastYet.Contains(w[i - 1]) ? (Part.Main, 0) : (Part.Conceded, 1);
        }

        if (!conditions)
        {
            return (Part.Main, 0);
        }

        if (word is "as" or "so" && next == "long" && third == "as")
        {
            return (Part.Conditional, 3);
        }

        if (word == "provided" && next == "that")
        {
            return (Part.Conditional, 2);
        }

        if (Conditions.Contains(word) || (word is "given" or "assuming" && afterBoundary[i]))
        {
            return (Part.Conditional, 1);
        }

        return (Part.Main, 0);
    }

    /// <summary>The squashed positive and negative valence sums of the words of one part.</summary>
    private static (float Positive, float Negative) Sums(List<string> words, Part[] part, Part which, ValenceLexicon lexicon)
    {
        var own = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            if (part[i] == which)
            {
                own.Add(words[i]);
            }
        }

        double positive = 0, negative = 0;
        foreach (double v in lexicon.Valences(own, inflected: true))
        {
            positive += Math.Max(0, v);
            negative += Math.Max(0, -v);
        }

        return ((float)ValenceLexicon.Compound(positive), (float)ValenceLexicon.Compound(negative));
    }
}

/// <summary>Which clause parts the polarity classifier reads (`train stance --clauses`; <see cref="ClauseZones"/>).</summary>
[Flags]
public enum ClauseParts
{
    /// <summary>None (every file before the nineteenth round).</summary>
    None = 0,

    /// <summary>The conceded part (concessions and contrasts) and the main part (`--clauses concession`).</summary>
    Concessions = 1,

    /// <summary>Also the conditional part (`--clauses all`).</summary>
    Conditions = 2,
}

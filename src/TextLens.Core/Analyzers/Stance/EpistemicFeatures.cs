using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// The context features of the learned epistemic model (feature version <see cref="StanceFeaturizer.EpistemicVersion"/>):
/// each cue match by kind and words with its position, what stands before and after it (a named source before
/// "estimated", a figure after "approximately", "also" before "called", the subject of a modal), whether it is
/// reported, the quotation state of the sentence, the previous sentence (a lead-in, a quotation left open, an
/// attribution, a heading), whether the sentence is a heading, its first words and whether it reads as a
/// description of law ("section", "the Act", "U.S.C."). Named features; <see cref="StanceFeaturizer"/> hashes them.
/// </summary>
public static class EpistemicFeatures
{
    private static readonly HashSet<string> SourceNouns = new(StringComparer.Ordinal)
    {
        "agency", "agencies", "department", "report", "reports", "study", "studies", "analysis", "court", "courts", "committee",
        "commission", "officials", "official", "experts", "analysts", "government", "administration", "survey", "researchers",
        "office", "service", "secretary", "president", "spokesperson", "spokesman", "spokeswoman", "estimate", "estimates",
        "data", "review", "audit", "he", "she", "they", "it", "witnesses", "critics", "proponents", "opponents", "stakeholders",
    };

    private static readonly HashSet<string> LawWords = new(StringComparer.Ordinal)
    {
        "section", "sections", "subsection", "act", "statute", "statutory", "law", "laws", "u.s.c.", "u.s.c", "c.f.r.", "regulation",
        "regulations", "rule", "p.l.", "h.r.", "s.", "paragraph", "clause", "provision", "provisions", "authorizes", "authorized",
        "requires", "required", "requirement", "requirements", "eligible", "eligibility", "program", "programs", "ndaa", "code",
        "title", "pursuant", "amended", "enacted", "applicant", "applicants", "recipients", "grantee", "grantees",
    };

    /// <summary>The named features of one sentence (value 1 unless stated).</summary>
    public static List<(string Name, float Value)> Of(ReadOnlySpan<Token> tokens, StanceEvidence evidence, StanceContext context, PreviousSentence previous)
    {
        var f = new List<(string, float)>();
        int n = Math.Max(1, tokens.Length);
        bool law = false;
        foreach (Token t in tokens)
        {
            law |= LawWords.Contains(t.Lower) || t.Text == "§";
        }

        if (law)
        {
            f.Add(("law", 1));
        }

        foreach (CueHit h in evidence.Hits)
        {
            string kind = h.Kind.ToString();
            f.Add(($"cue:{kind}:{h.Words}", 1));
            f.Add(($"kind:{kind}", (float)h.Weight));
            int bucket = h.Token == 0 ? 0 : h.Token * 3 < n ? 1 : h.Token * 3 < 2 * n ? 2 : 3;
            f.Add(($"pos:{kind}:{bucket}", 1));
            string before = h.Token > 0 ? Shape(tokens[h.Token - 1]) : "<s>";
            int after = h.Token + h.Length;
            string next = after < tokens.Length ? Shape(tokens[after]) : "</s>";
            f.Add(($"prev:{h.Words}:{before}", 1));
            f.Add(($"next:{h.Words}:{next}", 1));
            if (after < tokens.Length && (tokens[after].Kind == TokenKind.Number || tokens[after].Text is "$" or "US$" or "€" or "£"))
            {
                f.Add(($"figure-after:{kind}", 1));
            }

            if (NamedSourceBefore(tokens, h.Token))
            {
                f.Add(($"source:{kind}", 1));
                f.Add(($"source:{h.Words}", 1));
            }

            if (h.Reported)
            {
                f.Add(($"reported:{kind}", 1));
            }

            if (law)
            {
                f.Add(($"law:{h.Words}", 1));
            }
        }

        string quote = evidence.Scores.Quotation == 0 ? "none" : evidence.ContinuesQuotation ? "continued" : evidence.QuotedWords >= 3 ? "long" : "short";
        f.Add(($"quote:{quote}", 1));
        f.Add(("quoted-share", (float)Math.Min(1, evidence.QuotedWords / (double)n)));
        if (!previous.Present)
        {
            f.Add(("prev:none", 1));
        }

        if (previous.LeadIn)
        {
            f.Add(("prev:lead-in", 1));
            f.Add(($"prev:lead-in:quote:{quote}", 1));
        }

        if (previous.OpenQuote)
        {
            f.Add(("prev:open-quote", 1));
            f.Add(($"prev:open-quote:quote:{quote}", 1));
        }

        if (previous.Attributed)
        {
            f.Add(("prev:attributed", 1));
        }

        if (previous.Heading)
        {
            f.Add(("prev:heading", 1));
        }

        if (context.Heading)
        {
            f.Add(("heading", 1));
        }

        if (evidence.Figure is not null)
        {
            f.Add(("figure", 1));
        }

        string w0 = tokens.Length > 0 ? tokens[0].Lower : "</s>";
        string w1 = tokens.Length > 1 ? tokens[1].Lower : "</s>";
        f.Add(($"w0:{w0}", 1));
        f.Add(($"w01:{w0}_{w1}", 1));
        return f;
    }

    /// <summary>A named source stands before the cue in its clause: a capitalised word after the first, an acronym, or a source noun ("the agency", "officials").</summary>
    private static bool NamedSourceBefore(ReadOnlySpan<Token> tokens, int cue)
    {
        for (int i = cue - 1; i >= 0 && i >= cue - 8; i--)
        {
            Token t = tokens[i];
            if (t.Text is "," or ";" or ":" or "(" or ")")
            {
                return false;
            }

            if (t.Kind == TokenKind.Word && ((t.IsCapitalized && i > 0) || (t.Text.Length > 1 && t.Text.All(char.IsUpper)) || SourceNouns.Contains(t.Lower)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A token as a context word: numbers and capitalised words by shape, other words as themselves.</summary>
    private static string Shape(Token t) => t.Kind switch
    {
        TokenKind.Number => "<num>",
        TokenKind.Word when t.IsCapitalized && t.Text.Length > 1 && t.Text.All(char.IsUpper) => "<ACR>",
        TokenKind.Word when t.IsCapitalized => "<Cap>",
        _ => t.Lower,
    };
}

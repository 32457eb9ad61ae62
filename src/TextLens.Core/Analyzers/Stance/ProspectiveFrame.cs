using System.Collections.Frozen;
using TextLens.Core.Parsing;

namespace TextLens.Core.Analyzers.Stance;

/// <summary>
/// Whether a sentence's content is prospective, hypothetical or proposed rather than a reported outcome (twenty-ninth round,
/// models/stance-polarity.md; read by a negative stage trained with `train stance --negative-stage-lower-prospective`,
/// <see cref="LinearStanceModel.StageLowerProspective"/>): a word of modality ("would establish", "could damage", "may be
/// limited"), of condition ("if enacted", "unless", "whether"), of proposal, intent or consideration ("the proposed cuts", "is
/// considering", "is intended to improve", "potential", "has vowed to ensure"), or a question ("Would the rural economy benefit
/// …?"). "Chongryon membership has also declined." and "costs rose 40%" are not in the frame. "May" is the modal only in lower
/// case or as the sentence's first word (not the month: "In May 2005, …"). One pass over the tokens; no pattern.
/// </summary>
public static class ProspectiveFrame
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.Ordinal,
        // modality
        "would", "could", "might", "should", "can", "will",
        // condition
        "if", "unless", "whether",
        // proposal, intent, consideration, possibility, promise
        "propose", "proposes", "proposed", "proposal", "proposals", "consider", "considers", "considering", "intend", "intends",
        "intended", "aim", "aims", "aimed", "seek", "seeks", "plan", "plans", "planned", "designed", "potential", "potentially",
        "possible", "possibly", "possibility", "expected", "vowed", "pledged", "promised", "option", "options");

    /// <summary>True when the sentence of <paramref name="tokens"/> is in a prospective frame (the list above, or a final question mark).</summary>
    public static bool In(ReadOnlySpan<Token> tokens)
    {
        bool first = true;
        for (int i = 0; i < tokens.Length; i++)
        {
            Token t = tokens[i];
            if (t.Kind != TokenKind.Word)
            {
                continue;
            }

            if (Words.Contains(t.Lower) || (t.Lower == "may" && (first || t.Text == "may")))
            {
                return true;
            }

            first = false;
        }

        // A question: the last punctuation that is not a closing quote or bracket is "?".
        for (int i = tokens.Length - 1; i >= 0; i--)
        {
            if (tokens[i].Kind is TokenKind.Word or TokenKind.Number)
            {
                return false;
            }

            if (tokens[i].Text.Contains('?', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

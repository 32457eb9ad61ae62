using TextLens.Core.Text;

namespace TextLens.Core.Parsing;

/// <summary>What a token is. Only <see cref="Word"/> tokens can be part of a keyword.</summary>
public enum TokenKind : byte
{
    Word,
    Number,
    /// <summary>A clitic split off a word: possessive 's or ', and 're, 've, 'll, 'd, 'm, n't.</summary>
    Clitic,
    Punctuation,
    Symbol,
}

/// <summary>
/// One token. <see cref="Text"/> is the surface form with curly apostrophes unified to "'";
/// <see cref="Lower"/> is its lower-case form, used for matching.
/// </summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind, string Text, string Lower)
{
    public bool IsWord => Kind == TokenKind.Word;

    public bool IsCapitalized => Text.Length > 0 && char.IsUpper(Text[0]);

    /// <summary>True for an abbreviation that keeps its period inside the token (U.S., Mr., e.g.).</summary>
    public bool IsAbbreviation => Kind == TokenKind.Word && Text.Length > 1 && Text[^1] == '.';

    /// <summary>
    /// A word that mixes letters and digits (XM-30, F-35, H-1B, COVID-19, 5G, MQ-9, M-1E3): the name of a
    /// model, a program, a visa or a disease, never a quantity, whatever a tagger trained on news makes of it.
    /// </summary>
    public bool IsAlphanumericName
    {
        get
        {
            if (Kind != TokenKind.Word || IsAbbreviation)
            {
                return false;
            }

            bool letter = false;
            bool digit = false;
            foreach (char c in Text)
            {
                letter |= char.IsLetter(c);
                digit |= char.IsAsciiDigit(c);
            }

            return letter && digit;
        }
    }

    public override string ToString() => $"{Kind}:{Text}@{Span}";
}

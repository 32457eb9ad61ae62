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

    public override string ToString() => $"{Kind}:{Text}@{Span}";
}

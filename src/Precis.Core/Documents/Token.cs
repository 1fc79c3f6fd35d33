namespace Precis.Documents;

public enum TokenKind
{
    Word,
    Number,
    Punctuation,
    Symbol,
}

/// <summary>
/// A word token. <see cref="Span"/> points into <see cref="Article.Text"/>; <see cref="Normal"/> is the
/// lower-cased form with Unicode quotes and dashes folded; <see cref="Stem"/> is its English stem.
/// </summary>
public readonly record struct Token(TextSpan Span, string Normal, string Stem, TokenKind Kind, bool IsStopWord);

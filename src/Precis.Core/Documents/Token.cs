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
public readonly record struct Token(TextSpan Span, string Normal, string Stem, TokenKind Kind, bool IsStopWord)
{
    /// <summary>The clustering catalog's number of <see cref="Stem"/> (Clustering/TermCatalog.cs) for a content word
    /// (a word, not a stop word, of two or more characters), given once per word form and thread by the tokenizer so
    /// that the clustering terms need no lookup per occurrence; -1 otherwise or when not given.</summary>
    internal int StemNumber { get; init; } = -1;
}

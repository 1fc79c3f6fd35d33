using System.Collections.Immutable;

namespace Precis.Documents;

/// <summary>A sentence of an article's content (furniture excluded).</summary>
/// <param name="Article">The 1-based number of the article in its set.</param>
/// <param name="Index">0-based position among the article's sentences.</param>
/// <param name="Paragraph">0-based index of the paragraph the sentence is in.</param>
/// <param name="Span">The sentence's range in <see cref="Article.Text"/>; <see cref="Text"/> equals that slice.</param>
public sealed record Sentence(int Article, int Index, int Paragraph, TextSpan Span, string Text, ImmutableArray<Token> Tokens)
{
    public IEnumerable<Token> Words => Tokens.Where(t => t.Kind is TokenKind.Word or TokenKind.Number);
}

using Precis.Documents;

namespace Precis.Text;

/// <summary>Splits text into word, number and punctuation tokens with offsets into the original string.</summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string text, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        int i = range.Start, end = range.End;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            if (char.IsLetterOrDigit(c))
            {
                i++;
                while (i < end)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d)) { i++; continue; }
                    // keep "U.S.", "3.5", "al-Assad", "don't" together when the joiner sits between word characters
                    char f = TextNormalizer.FoldChar(d);
                    if ((f is '.' or ',' or '\'' or '-') && i + 1 < end && char.IsLetterOrDigit(text[i + 1])) { i += 2; continue; }
                    break;
                }
                var raw = text.AsSpan(start, i - start);
                var normal = Normalize(raw);
                bool number = char.IsDigit(raw[0]);
                tokens.Add(new Token(TextSpan.FromBounds(start, i), normal, number ? normal : EnglishStemmer.Stem(normal),
                    number ? TokenKind.Number : TokenKind.Word, StopWords.Contains(normal)));
            }
            else
            {
                i++;
                var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                var normal = TextNormalizer.FoldChar(c).ToString();
                tokens.Add(new Token(TextSpan.FromBounds(start, i), normal, normal, kind, false));
            }
        }
        return tokens;
    }

    private static string Normalize(ReadOnlySpan<char> raw)
    {
        Span<char> buffer = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        for (int i = 0; i < raw.Length; i++) buffer[i] = char.ToLowerInvariant(TextNormalizer.FoldChar(raw[i]));
        return new string(buffer);
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using Precis.Documents;

namespace Precis.Text;

/// <summary>
/// Splits text into word, number, punctuation and symbol tokens whose spans point exactly into the original string.
/// </summary>
/// <remarks>
/// <para>Words keep inner hyphens, apostrophes and dots between letters ("al-Assad", "don't", "O'Brien",
/// "Hezbollah's", "example.com"); dotted abbreviations keep their final dot ("U.S.", "a.m."). Numbers keep decimal
/// points and thousands separators ("3.5", "1,500", "1,500.25"), times and dates ("10:30", "9/11"). URLs and e-mail
/// addresses are one token. A run of the same punctuation mark ("...", "--", "``") is one token.</para>
/// <para><see cref="Token.Normal"/> is the span folded by <see cref="TextNormalizer.FoldChar"/> and lower-cased, with
/// ignorable characters (soft hyphen, zero-width space) dropped. Normal, stem and stop-word flag of each distinct
/// form are computed once per thread and reused, so repeated words allocate nothing.</para>
/// <para>Never throws on content: any string, including lone surrogates and control characters, tokenizes; an
/// out-of-range <see cref="TextSpan"/> is clamped to the text.</para>
/// </remarks>
public static class Tokenizer
{
    private readonly record struct Forms(string Normal, string Stem, bool IsStopWord, int StemNumber);

    // Per-thread memo of Normal -> (Normal, Stem, IsStopWord). Zipf's law: a few thousand forms cover most tokens of
    // news text, so after warm-up almost every token is a lookup. Bounded so adversarial input cannot grow it forever.
    private const int MaxCachedForms = 200_000;

    [ThreadStatic]
    private static Dictionary<string, Forms>? t_forms;

    private static readonly SearchValues<char> EmailLocalChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-");

    public static List<Token> Tokenize(string text, TextSpan range)
    {
        var tokens = new List<Token>();
        Tokenize(text, range, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> within <paramref name="range"/> to <paramref name="tokens"/>.</summary>
    public static void Tokenize(string text, TextSpan range, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        int start = Math.Clamp(range.Start, 0, text.Length);
        int end = Math.Clamp(range.End, start, text.Length);
        var s = text.AsSpan();
        int i = start;
        while (i < end)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c) || TextNormalizer.IsIgnorable(c))
            {
                i++;
                continue;
            }
            if (WordCharLength(s, i, end) > 0)
            {
                int j = UrlOrEmailEnd(s, i, end);
                if (j > i)
                {
                    tokens.Add(Make(s, i, j, TokenKind.Word));
                    i = j;
                    continue;
                }
                j = ScanWord(s, i, end, out bool numeric);
                tokens.Add(Make(s, i, j, numeric ? TokenKind.Number : TokenKind.Word));
                i = j;
                continue;
            }

            int k = i + 1;
            TokenKind kind;
            if (char.IsHighSurrogate(c) && k < end && char.IsLowSurrogate(s[k]))
            {
                k++;
                var category = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1]));
                kind = IsPunctuationCategory(category) ? TokenKind.Punctuation : TokenKind.Symbol;
            }
            else
            {
                if (c is '.' or '-' or '`' or '\'' or '!' or '?' or '*' or '=' or '_' or '~' or '#')
                {
                    while (k < end && s[k] == c) k++;
                }
                kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            }
            tokens.Add(Make(s, i, k, kind));
            i = k;
        }
    }

    private static bool IsPunctuationCategory(UnicodeCategory category) => category is UnicodeCategory.ConnectorPunctuation
        or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    /// <summary>Length (1 or 2 UTF-16 units) of the letter, digit or combining mark at <paramref name="i"/>, else 0.</summary>
    private static int WordCharLength(ReadOnlySpan<char> s, int i, int end)
    {
        char c = s[i];
        if (c < 128) return char.IsAsciiLetterOrDigit(c) ? 1 : 0;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= end || !char.IsLowSurrogate(s[i + 1])) return 0;
            var r = new Rune(c, s[i + 1]);
            return Rune.IsLetterOrDigit(r) ? 2 : 0;
        }
        if (char.IsLetterOrDigit(c)) return 1;
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark ? 1 : 0;
    }

    private static bool IsAlnumAt(ReadOnlySpan<char> s, int i, int end) => i < end && WordCharLength(s, i, end) > 0;

    private static bool IsLetterAt(ReadOnlySpan<char> s, int i, int end) => i < end && (char.IsLetter(s[i]) || WordCharLength(s, i, end) == 2);

    private static bool IsDigitAt(ReadOnlySpan<char> s, int i, int end) => i < end && char.IsDigit(s[i]);

    private static int ScanWord(ReadOnlySpan<char> s, int start, int end, out bool numeric)
    {
        bool digitsOnly = true;   // digits and the separators of numbers only
        bool dotted = false;      // has a dot between letters
        int j = start;
        while (j < end)
        {
            int len = WordCharLength(s, j, end);
            if (len > 0)
            {
                if (!char.IsDigit(s[j])) digitsOnly = false;
                j += len;
                continue;
            }
            char d = s[j];
            bool prevLetter = j > start && (char.IsLetter(s[j - 1]) || char.IsLowSurrogate(s[j - 1]));
            bool prevDigit = j > start && char.IsDigit(s[j - 1]);
            if (TextNormalizer.IsIgnorable(d) && IsAlnumAt(s, j + 1, end))
            {
                j++;
                continue;
            }
            switch (d)
            {
                case '-' or '\u2010' or '\u2011' when (prevLetter || prevDigit) && IsAlnumAt(s, j + 1, end):
                    if (!(prevDigit && IsDigitAt(s, j + 1, end))) digitsOnly = false;
                    j++;
                    continue;
                case '\'' or '\u2019' or '\u02BC' when prevLetter && IsLetterAt(s, j + 1, end):
                    digitsOnly = false;
                    j++;
                    continue;
                case '.' when (prevLetter || prevDigit) && IsAlnumAt(s, j + 1, end):
                    if (prevLetter) dotted = true;
                    j++;
                    continue;
                // Thousands separator: exactly three digits follow ("1,500" but not "1998,2000" or "a,b").
                case ',' when prevDigit && IsThreeDigitGroup(s, j + 1, end):
                    j++;
                    continue;
                case '/' or ':' when prevDigit && IsDigitAt(s, j + 1, end):
                    j++;
                    continue;
                // "AT&T", "S&P": an ampersand between capitals.
                case '&' when j > start && char.IsUpper(s[j - 1]) && j + 1 < end && char.IsUpper(s[j + 1]):
                    digitsOnly = false;
                    j++;
                    continue;
            }
            break;
        }
        // A dotted abbreviation keeps its final dot: "U.S.", "a.m.", "Ph.D.".
        if (dotted && j < end && s[j] == '.' && !IsAlnumAt(s, j + 1, end) && IsDottedAbbreviation(s[start..j])) j++;
        numeric = digitsOnly && char.IsDigit(s[start]);
        return j;
    }

    private static bool IsThreeDigitGroup(ReadOnlySpan<char> s, int i, int end) =>
        i + 2 < end && char.IsAsciiDigit(s[i]) && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2])
        && (i + 3 >= end || !char.IsDigit(s[i + 3]));

    private static bool IsDottedAbbreviation(ReadOnlySpan<char> word)
    {
        int segment = 0;
        foreach (char c in word)
        {
            if (c == '.') segment = 0;
            else if (!char.IsLetter(c) || ++segment > 3) return false;
        }
        return true;
    }

    private static readonly string[] UrlPrefixes = ["https://", "http://", "ftp://", "www."];

    /// <summary>End of a URL or e-mail address starting at <paramref name="i"/>, or <paramref name="i"/> if none.</summary>
    private static int UrlOrEmailEnd(ReadOnlySpan<char> s, int i, int end)
    {
        var rest = s[i..end];
        foreach (var prefix in UrlPrefixes)
        {
            if ((rest[0] | 0x20) != prefix[0]) continue;
            if (rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && rest.Length > prefix.Length
                && !char.IsWhiteSpace(rest[prefix.Length]))
            {
                int j = i + prefix.Length;
                int parens = 0;
                while (j < end && !char.IsWhiteSpace(s[j]) && s[j] is not ('<' or '>' or '"' or '\u201C' or '\u201D'))
                {
                    if (s[j] == '(') parens++;
                    else if (s[j] == ')' && --parens < 0) break;
                    j++;
                }
                // Sentence punctuation after a URL is not part of it.
                while (j > i + prefix.Length && s[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '\u2019') j--;
                return j;
            }
        }

        // e-mail: local@domain.tld (RFC 5322's common subset).
        if (!char.IsAsciiLetterOrDigit(s[i])) return i;
        int local = rest.IndexOfAnyExcept(EmailLocalChars);
        if (local <= 0 || rest[local] != '@') return i;
        int at = i + local;
        int k = at + 1;
        int lastDot = -1;
        while (k < end && (char.IsAsciiLetterOrDigit(s[k]) || s[k] is '.' or '-'))
        {
            if (s[k] == '.') lastDot = k;
            k++;
        }
        while (k > at + 1 && s[k - 1] is '.' or '-') k--;
        if (lastDot <= at + 1 || lastDot >= k - 1) return i;
        return k;
    }

    private static Token Make(ReadOnlySpan<char> s, int start, int end, TokenKind kind)
    {
        var raw = s[start..end];
        Span<char> buffer = raw.Length <= 128 ? stackalloc char[raw.Length] : new char[raw.Length];
        int n = TextNormalizer.Normalize(raw, buffer);
        var normal = buffer[..n];
        var forms = t_forms ??= new Dictionary<string, Forms>(StringComparer.Ordinal);
        var lookup = forms.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(normal, out var f))
        {
            var text = normal.ToString();
            // Stemming only changes words of ASCII letters; numbers, punctuation and URLs come back unchanged.
            var stem = EnglishStemmer.Stem(text);
            bool stop = StopWords.Contains(text);
            // A content word's stem gets its clustering number here, once per form and thread (see Token.StemNumber).
            f = new Forms(text, stem, stop, !stop && text.Length >= 2 ? Precis.Clustering.TermCatalog.IdOf(stem) : -1);
            if (forms.Count >= MaxCachedForms) forms.Clear();
            forms[text] = f;
        }
        bool word = kind == TokenKind.Word;
        return new Token(TextSpan.FromBounds(start, end), f.Normal, word ? f.Stem : f.Normal, kind, word && f.IsStopWord) { StemNumber = word ? f.StemNumber : -1 };
    }
}

using System.Text;

namespace Precis.Evaluation;

/// <summary>
/// How ROUGE-1.5.5 reads a summary (its <c>readText</c>, <c>readText_LCS</c> and <c>createNGram</c>): sentences
/// are byte strings (the script reads files without an encoding layer), upper-case ASCII is lower-cased, the
/// length limit is applied to the sentences, then every byte outside [A-Za-z0-9-] becomes a space, '-' becomes a
/// token of its own, and only tokens starting with [a-z0-9$] are counted — so a token is a run of ASCII letters
/// and digits.
/// </summary>
internal static class RougeText
{
    /// <summary>The sentences as ROUGE's SPL reader sees them: UTF-8 bytes as chars, ASCII lower-cased, empty ones dropped.</summary>
    public static List<string> ToByteSentences(IEnumerable<string> sentences)
    {
        var result = new List<string>();
        foreach (var sentence in sentences)
        {
            if (string.IsNullOrEmpty(sentence)) continue;
            var bytes = Encoding.UTF8.GetBytes(sentence);
            var chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                byte b = bytes[i];
                chars[i] = b is >= (byte)'A' and <= (byte)'Z' ? (char)(b + 32) : (char)b;
            }
            result.Add(new string(chars));
        }
        return result;
    }

    /// <summary>
    /// <c>readText</c>: the sentences joined by one space, cut to the limit. The joining spaces are not counted;
    /// the sentence that reaches the limit is cut (bytes: <c>substr</c>; words: its first words) and reading stops.
    /// Null when nothing is left.
    /// </summary>
    public static string? JoinTruncated(IReadOnlyList<string> sentences, int maxBytes, int maxWords)
    {
        if (maxWords == 0 && maxBytes == 0) return string.Join(' ', sentences);
        var text = new StringBuilder();
        int used = 0;
        foreach (var s in sentences)
        {
            if (maxWords != 0)
            {
                var words = PerlSplit(s);
                if (used + words.Count < maxWords)
                {
                    if (used != 0) text.Append(' ');
                    text.Append(s);
                    used += words.Count;
                }
                else
                {
                    if (used > 0) text.Append(' ');
                    text.AppendJoin(' ', words.Take(maxWords - used));
                    break;
                }
            }
            else
            {
                if (used + s.Length < maxBytes)
                {
                    if (used != 0) text.Append(' ');
                    text.Append(s);
                    used += s.Length;
                }
                else
                {
                    if (used > 0) text.Append(' ');
                    text.Append(s.AsSpan(0, Math.Min(s.Length, maxBytes - used)));
                    break;
                }
            }
        }
        return text.Length > 0 ? text.ToString() : null;
    }

    /// <summary>
    /// <c>readText_LCS</c>: the sentences kept apart for ROUGE-L, cut to the limit. PRECIS: reproduces ROUGE-1.5.5
    /// exactly, including that with a byte limit it never adds up the bytes read, so every sentence shorter than the
    /// limit is kept whole and only the first one at least as long as the limit is cut (to the limit) and ends reading.
    /// </summary>
    public static List<string> SplitTruncated(IReadOnlyList<string> sentences, int maxBytes, int maxWords)
    {
        var result = new List<string>();
        if (maxWords == 0 && maxBytes == 0)
        {
            result.AddRange(sentences);
            return result;
        }
        int used = 0;
        foreach (var s in sentences)
        {
            if (maxWords != 0)
            {
                var words = PerlSplit(s);
                if (used + words.Count < maxWords)
                {
                    used += words.Count;
                    result.Add(s);
                }
                else
                {
                    result.Add(string.Join(' ', words.Take(maxWords - used)));
                    break;
                }
            }
            else
            {
                if (s.Length < maxBytes) result.Add(s);
                else
                {
                    result.Add(s[..maxBytes]);
                    break;
                }
            }
        }
        return result;
    }

    /// <summary>The tokens ROUGE counts in a text: runs of [a-z0-9] (the text is already lower-cased).</summary>
    public static List<string> Tokens(string? text, RougeTokenFilter filter)
    {
        var tokens = new List<string>();
        if (text is null) return tokens;
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool word = i < text.Length && IsWordChar(text[i]);
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                var token = filter.Apply(text[start..i]);
                if (token is not null) tokens.Add(token);
                start = -1;
            }
        }
        return tokens;
    }

    private static bool IsWordChar(char ch) => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or (>= 'A' and <= 'Z');

    private static bool IsPerlSpace(char ch) => ch is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    /// <summary>Perl's <c>split(/\s+/, $s)</c>: a leading empty field is kept, trailing empty fields are dropped.</summary>
    internal static List<string> PerlSplit(string s)
    {
        var fields = new List<string>();
        int start = 0;
        while (true)
        {
            int end = start;
            while (end < s.Length && !IsPerlSpace(s[end])) end++;
            fields.Add(s[start..end]);
            if (end == s.Length) break;
            while (end < s.Length && IsPerlSpace(s[end])) end++;
            start = end;
        }
        while (fields.Count > 0 && fields[^1].Length == 0) fields.RemoveAt(fields.Count - 1);
        return fields;
    }
}

/// <summary>Stop-word removal and stemming applied to each token (ROUGE's <c>-s</c> and <c>-m</c>).</summary>
internal sealed class RougeTokenFilter
{
    // Stems are a pure function of the token and the exception table, so one cache per table serves every scorer;
    // each stops growing at MaxCachedStems entries (a news vocabulary is far smaller) so a long-running server cannot
    // grow it without bound.
    private const int MaxCachedStems = 200_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FallbackStems = new(StringComparer.Ordinal);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WordNetExceptions, System.Collections.Concurrent.ConcurrentDictionary<string, string>> WordNetStems = new();

    private readonly IReadOnlySet<string>? _stopWords;
    private readonly bool _stem;
    private readonly WordNetExceptions? _exceptions;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _stems;

    public RougeTokenFilter(RougeOptions options)
    {
        _stopWords = options.RemoveStopWords ? options.StopWords : null;
        _stem = options.Stem;
        _exceptions = _stem ? WordNetExceptions.Load(options.WordNetDirectory) : null;
        _stems = _exceptions is null ? FallbackStems : WordNetStems.GetValue(_exceptions, _ => new(StringComparer.Ordinal));
    }

    /// <summary>The WordNet exception DB in use, or null when <see cref="RougeIrregularForms"/> stands in.</summary>
    public WordNetExceptions? Exceptions => _exceptions;

    /// <summary>Empties the process-wide stem cache of the fallback table (for tools that change it).</summary>
    internal static void ClearStemCache() => FallbackStems.Clear();

    /// <summary>The token to count, or null when it is a stop word.</summary>
    public string? Apply(string token)
    {
        if (_stopWords is not null && _stopWords.Contains(token)) return null;
        // ROUGE stems only tokens longer than 3 characters.
        if (!_stem || token.Length <= 3) return token;
        if (_stems.TryGetValue(token, out var stem)) return stem;
        stem = (_exceptions is not null ? _exceptions.Lookup(token) : RougeIrregularForms.Lookup(token)) ?? RougePorterStemmer.Stem(token);
        if (_stems.Count < MaxCachedStems) _stems.TryAdd(token, stem);
        return stem;
    }
}

using Precis.Documents;

namespace Precis.Text;

/// <summary>
/// Splits a paragraph of text into sentences. Spans never overlap, are trimmed of surrounding white space,
/// and together cover every non-space character of the input range.
/// </summary>
public static class SentenceSegmenter
{
    // PRECIS: first version; the Text stage owner hardens abbreviations, initials, quotes and headlines.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "sen", "rep", "gov", "st",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "inc", "corp", "co", "ltd", "jr", "sr", "no", "vs", "etc", "mt", "ft", "u.s", "u.k", "u.n",
    };

    /// <summary>Sentence spans of <paramref name="text"/> within <paramref name="range"/>.</summary>
    public static List<TextSpan> Split(string text, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<TextSpan>();
        int start = range.Start, end = range.End;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c is '.' or '!' or '?')
            {
                int j = i + 1;
                while (j < end && text[j] is '.' or '!' or '?') j++;
                while (j < end && IsCloser(text[j])) j++;
                if (j >= end || char.IsWhiteSpace(text[j]))
                {
                    int k = j;
                    while (k < end && char.IsWhiteSpace(text[k])) k++;
                    if (k >= end || (StartsSentence(text, k, end) && !IsAbbreviation(text, start, i)))
                    {
                        AddTrimmed(text, start, j, result);
                        start = j;
                    }
                }
                i = j;
                continue;
            }
            i++;
        }
        AddTrimmed(text, start, end, result);
        return result;
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '\u201D' or '\u2019' or '»';

    private static bool StartsSentence(string text, int k, int end)
    {
        while (k < end && text[k] is '"' or '\'' or '(' or '[' or '`' or '\u201C' or '\u2018' or '«') k++;
        return k < end && (char.IsUpper(text[k]) || char.IsDigit(text[k]));
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        int w = dot;
        while (w > sentenceStart && !char.IsWhiteSpace(text[w - 1]) && text[w - 1] is not '(' and not '"') w--;
        var word = text.AsSpan(w, dot - w).ToString();
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "J. Smith"
        return Abbreviations.Contains(word) || (word.Contains('.', StringComparison.Ordinal) && word.Length <= 5);
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> result)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) result.Add(TextSpan.FromBounds(start, end));
    }
}

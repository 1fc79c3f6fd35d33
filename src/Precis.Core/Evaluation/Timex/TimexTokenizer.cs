namespace Precis.Evaluation.Timex;

/// <summary>
/// The tokens the official TempEval-3 scorer matches timexes on: the TreeTagger tokenizer (<c>tokenize.pl -e</c>)
/// followed by TimeML-Normalizer's hyphen split (the README of ../shared/bench/tempeval3, "Tokens"). Written from
/// that description: split at whitespace (so never across a line break), cut leading and trailing punctuation,
/// brackets and quotes off each piece, split off English clitics ('s, n't, 're, 've, 'd, 'll, 'm) and a final
/// full stop unless the piece is an abbreviation (U.S., Jan., Mr.), then split every token <c>x-y</c> with exactly
/// one hyphen into <c>x</c>, <c>-</c>, <c>y</c>. Only token boundaries matter to the scorer.
/// </summary>
public static class TimexTokenizer
{
    // tokenize.pl's $PChar and $FChar (leading / trailing punctuation), ASCII and the typographic forms.
    private const string Leading = "[¿¡{(`\"‚„†‡‹‘’“”•–—›'";
    private const string Trailing = "]}'`\"),;:!?%‚„…†‡‰‹‘’“”•–—›";

    // A short list of English abbreviations that keep their full stop (tokenize.pl ships a longer file; the
    // scorer's extents only change where a timex ends right before such a word's stop).
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "Mon.", "Tue.", "Tues.", "Wed.", "Thu.", "Thur.", "Thurs.", "Fri.", "Sat.", "Sun.",
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Col.", "Lt.", "Sgt.", "Capt.", "Rep.", "Sen.", "Gov.", "Sr.", "Jr.", "St.",
        "Co.", "Corp.", "Inc.", "Ltd.", "Bros.", "No.", "vs.", "etc.", "a.m.", "p.m.", "Ave.", "Mt.", "Ft.",
    };

    /// <summary>The tokens of <paramref name="text"/> as (start, end) character offsets, end exclusive, in order.</summary>
    public static List<(int Start, int End)> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<(int, int)>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            if (i > start) SplitPiece(text, start, i, tokens);
        }
        return tokens;
    }

    private static void SplitPiece(string text, int start, int end, List<(int, int)> tokens)
    {
        var tail = new List<(int, int)>();
        bool changed = true;
        while (changed && end - start > 1)
        {
            changed = false;
            if (Leading.Contains(text[start], StringComparison.Ordinal))
            {
                tokens.Add((start, start + 1));
                start++;
                changed = true;
                continue;
            }
            if (Trailing.Contains(text[end - 1], StringComparison.Ordinal))
            {
                // A closing quote or apostrophe that begins a clitic ("'s") is handled below.
                tail.Add((end - 1, end));
                end--;
                changed = true;
                continue;
            }
            if (end - start >= 3 && text[end - 1] == '.' && text[end - 2] == '.' && text[end - 3] == '.')
            {
                tail.Add((end - 3, end));
                end -= 3;
                changed = true;
                continue;
            }
            if (text[end - 1] == '.')
            {
                var piece = text.AsSpan(start, end - start);
                if (IsAbbreviation(piece)) break;
                tail.Add((end - 1, end));
                end--;
                changed = true;
                continue;
            }
            int clitic = CliticLength(text.AsSpan(start, end - start));
            if (clitic > 0 && clitic < end - start)
            {
                tail.Add((end - clitic, end));
                end -= clitic;
                changed = true;
            }
        }
        if (end > start) AddHyphenSplit(text, start, end, tokens);
        for (int k = tail.Count - 1; k >= 0; k--) tokens.Add(tail[k]);
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> piece)
    {
        if (Abbreviations.Contains(piece.ToString())) return true;
        // "U.S.", "A.", "p.m.": letters (or hyphens) each followed by a full stop.
        if (piece.Length % 2 != 0) return false;
        for (int k = 0; k < piece.Length; k += 2)
        {
            if (!(char.IsAsciiLetter(piece[k]) || piece[k] == '-') || piece[k + 1] != '.') return false;
        }
        return true;
    }

    private static int CliticLength(ReadOnlySpan<char> piece)
    {
        if (piece.EndsWith("n't", StringComparison.OrdinalIgnoreCase)) return 3;
        foreach (var c in (ReadOnlySpan<string>)["'s", "'re", "'ve", "'d", "'m", "'em", "'ll", "’s"])
        {
            if (piece.EndsWith(c, StringComparison.OrdinalIgnoreCase)) return c.Length;
        }
        return 0;
    }

    private static void AddHyphenSplit(string text, int start, int end, List<(int, int)> tokens)
    {
        var piece = text.AsSpan(start, end - start);
        int h = piece.IndexOf('-');
        if (h > 0 && h < piece.Length - 1 && piece[(h + 1)..].IndexOf('-') < 0)
        {
            tokens.Add((start, start + h));
            tokens.Add((start + h, start + h + 1));
            tokens.Add((start + h + 1, end));
            return;
        }
        tokens.Add((start, end));
    }
}

using System.Buffers;
using Precis.Documents;

namespace Precis.Text;

/// <summary>
/// Splits a paragraph of text into sentences with a rule-based detector in the spirit of Kiss &amp; Strunk's Punkt
/// (2006): a sentence ends at '.', '?', '!' or an ellipsis, followed by any closing quotes or brackets and white
/// space, unless the evidence around the terminator says otherwise.
/// </summary>
/// <remarks>
/// <para>Guarantees, for any input: spans lie inside the given range, are sorted, do not overlap, are trimmed of
/// surrounding white space, and together cover every non-white-space character of the range exactly once.
/// Out-of-range input is clamped, never thrown on.</para>
/// <para>Decisions (documented behaviour):</para>
/// <list type="bullet">
/// <item>The next word decides first: a terminator followed by a lower-case letter (possibly after opening quotes)
/// never ends a sentence, so <c>"Why?" he asked.</c> and <c>U.S. officials</c> stay whole and no sentence starts with
/// lower-case attribution after a closing quote.</item>
/// <item>Closing quotes and brackets after a terminator (<c>." ') ''</c>) belong to the sentence they close; opening
/// ones (<c>" ( ``</c>) to the sentence they open.</item>
/// <item>A quotation holding several sentences is split at its inner sentence ends, like running text:
/// <c>"We left. Then we came back," he said.</c> gives <c>"We left.</c> and <c>Then we came back," he said.</c>
/// (as the Punkt and Stanford segmenters do); extractive summaries then cite the attributed half.</item>
/// <item>Courtesy titles (Mr., Dr.) never end a sentence; ranks and offices (Gen., Sen.) only before a capitalised
/// function word ("Hun Sen. The..."); number prefixes (No., Vol., p.) not before a digit; ambiguous abbreviations
/// (U.S., Inc., Jr., Jan., Calif., initials like "J.") only when the next word is a capitalised function word
/// (The, He, But...), a title, or opens a quotation — Punkt's orthographic heuristic reduced to a closed word
/// list.</item>
/// <item>Text that lower-cases sentence starts after quotes (recased corpora such as Multi-News) is under-split
/// there: lower case never starts a sentence.</item>
/// <item>Decimals (3.5), thousands (1,500), internal dots (U.S., example.com) never split: a terminator must be
/// followed by white space or the end of the range.</item>
/// <item>A blank line, a new line starting with a list marker, and a bullet glyph (•, ▪) standing alone end a
/// sentence; a leading list number ("1. ", "a) ") does not. Text without a final terminator (a headline) is one
/// sentence.</item>
/// </list>
/// </remarks>
public static class SentenceSegmenter
{
    private enum Kind : byte
    {
        /// <summary>An ordinary word: the period ends a sentence when the next word is not lower case.</summary>
        None,

        /// <summary>Never sentence-final: courtesy titles before names, "e.g.", "vs.".</summary>
        Never,

        /// <summary>A rank or office before a name ("Gen.", "Sen."), which can also end a name ("Hun Sen."): final only
        /// before a capitalised function word ("Hun Sen. The talks...").</summary>
        Title,

        /// <summary>Not sentence-final before a number: "No. 5", "p. 12".</summary>
        NumberPrefix,

        /// <summary>Often inside a sentence, sometimes at its end: "U.S.", "Inc.", "Jan.", initials.</summary>
        Ambiguous,
    }

    // Entries written with a capital initial only count when the text has a capital too ("Gen." but not "gen.",
    // "Sat." but not "sat."); lower-case entries match in any case.
    private static readonly Dictionary<string, (Kind Kind, bool Capital)> Abbreviations = BuildAbbreviations();

    private static readonly Dictionary<string, (Kind Kind, bool Capital)>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static Dictionary<string, (Kind, bool)> BuildAbbreviations()
    {
        var d = new Dictionary<string, (Kind, bool)>(StringComparer.OrdinalIgnoreCase);
        void Add(Kind kind, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[w] = (kind, char.IsUpper(w[0]));
        }

        // Titles that precede a name; the ones that are not also English words match in any case (recased corpora
        // write "mr. Smith"). Courtesy titles never end a sentence ("Ms. He said" has the surname He); ranks and
        // offices may, when they double as names.
        Add(Kind.Never, "mr mrs ms messrs mmes mme mlle dr drs msgr");
        Add(Kind.Title, "prof profs gen gens col lt sgt capt maj cmdr adm brig cpl pvt sen sens gov govs supt atty lt.col "
            + "lt.gen maj.gen brig.gen");
        Add(Kind.Title, "Cols Cpt Cdr Spc Rep Reps Pres Rev Fr Hon Insp Det Amb");
        Add(Kind.Never, "vs v e.g i.e cf viz approx ca");
        Add(Kind.NumberPrefix, "no nos vol vols art arts fig figs p pp ch chap sec secs para pt pts op ext tel rm apt ste");
        Add(Kind.Ambiguous, "inc corp co cos ltd llc plc bros jr sr etc al dept univ assn est Ave Blvd Rd St Mt Ft");
        // Months and week days (AP style abbreviates them in datelines and dates).
        Add(Kind.Ambiguous, "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun");
        // U.S. state abbreviations used by AP and NYT newswire ("SAN JOSE, Calif.").
        Add(Kind.Ambiguous, "Ala Ariz Ark Calif Cal Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo "
            + "Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wisc Wyo");
        return d;
    }

    /// <summary>Sentence spans of <paramref name="text"/> within <paramref name="range"/>.</summary>
    public static List<TextSpan> Split(string text, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<TextSpan>();
        Split(text, range, result);
        return result;
    }

    /// <summary>Appends the sentence spans of <paramref name="text"/> within <paramref name="range"/> to
    /// <paramref name="result"/>.</summary>
    public static void Split(string text, TextSpan range, List<TextSpan> result)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(result);
        int rangeStart = Math.Clamp(range.Start, 0, text.Length);
        int end = Math.Clamp(range.End, rangeStart, text.Length);
        var s = text.AsSpan();
        int start = rangeStart;
        int i = rangeStart;
        while (i < end)
        {
            // Jump (vectorised) to the next character that can end a sentence.
            int skip = s[i..end].IndexOfAny(Interesting);
            if (skip < 0) break;
            i += skip;
            char c = s[i];
            if (IsTerminator(c))
            {
                int j = i + 1;
                while (j < end && IsTerminator(s[j])) j++;
                int terminatorEnd = j;
                while (j < end && IsCloser(s[j])) j++;
                j = AfterDetachedCloser(s, j, end);
                if (j < end && char.IsWhiteSpace(s[j]) && EndsSentence(s, start, end, i, terminatorEnd, j))
                {
                    AddTrimmed(s, start, j, result);
                    start = j;
                }
                i = j;
                continue;
            }
            if (c == '\n' && i > start && BreaksAtNewLine(s, i, end))
            {
                AddTrimmed(s, start, i, result);
                start = i + 1;
            }
            else if (IsBulletGlyph(c) && i > start && char.IsWhiteSpace(s[i - 1]) && i + 1 < end && char.IsWhiteSpace(s[i + 1]))
            {
                AddTrimmed(s, start, i, result);
                start = i;
            }
            i++;
        }
        AddTrimmed(s, start, end, result);
    }

    // Detokenised text writes closing quotes apart: 'it works . " The'. A straight quote standing between spaces
    // right after a terminator closes the sentence rather than opening the next one.
    private static int AfterDetachedCloser(ReadOnlySpan<char> s, int j, int end)
    {
        int k = j;
        while (k < end && s[k] is ' ' or '\t') k++;
        if (k == j || k >= end || s[k] is not ('"' or '\'')) return j;
        int q = k;
        while (q < end && s[q] == s[k]) q++;
        return q - k <= 2 && (q == end || char.IsWhiteSpace(s[q])) ? q : j;
    }

    private static readonly SearchValues<char> Interesting =
        SearchValues.Create(".!?\u2026\u203C\u2047\u2048\u2049\n\u2022\u25AA\u25CF\u25E6\u2023\u2043");

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049';

    private static bool IsCloser(char c) =>
        c is '"' or '\'' or ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB' or '\u203A' or '\u201B' or '\u201F';

    private static bool IsOpener(char c) =>
        c is '"' or '\'' or '`' or '(' or '[' or '{' or '\u201C' or '\u2018' or '\u00AB' or '\u2039' or '\u201E' or '\u201A'
            or '\u00BF' or '\u00A1';

    private static bool IsBulletGlyph(char c) => c is '\u2022' or '\u25AA' or '\u25CF' or '\u25E6' or '\u2023' or '\u2043';

    private static bool EndsSentence(ReadOnlySpan<char> s, int sentenceStart, int end, int terminator, int terminatorEnd, int after)
    {
        int k = after;
        while (k < end && char.IsWhiteSpace(s[k])) k++;
        if (k >= end) return true;
        bool opensQuote = false;
        while (k < end && IsOpener(s[k]))
        {
            opensQuote |= s[k] is not ('(' or '[' or '{' or '\u00BF' or '\u00A1');
            k++;
        }
        if (k >= end) return true;
        char next = s[k];
        // Trailing punctuation stays with the sentence it follows ("sin. ... He", "U.S. , the"): no sentence of
        // punctuation alone.
        if (IsTerminator(next) || next is ',' or ';' or ':' or ')' or ']' or '}') return false;
        // A lower-case continuation never starts a sentence: "U.S. officials", "'Why?' he asked", "3 p.m. local".
        if (char.IsLower(next)) return false;
        // Question and exclamation marks, ellipses and runs of dots end the sentence before anything that is not
        // lower case.
        if (terminatorEnd - terminator > 1 || s[terminator] != '.') return true;

        int wordStart = terminator;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(s[wordStart - 1]) && !IsWordOpener(s[wordStart - 1])) wordStart--;
        var word = s[wordStart..terminator];
        while (!word.IsEmpty && IsCloser(word[^1])) word = word[..^1];
        switch (Classify(s, sentenceStart, wordStart, word))
        {
            case Kind.Never:
                return false;
            case Kind.NumberPrefix:
                return !char.IsDigit(next);
            case Kind.Title:
                return char.IsUpper(next) && !opensQuote && IsCapitalisedFunctionWord(s, k, end);
            case Kind.Ambiguous:
                if (char.IsDigit(next) || !char.IsUpper(next)) return false;
                return opensQuote || IsCapitalisedFunctionWord(s, k, end) || IsTitleAt(s, k, end);
            default:
                return true;
        }
    }

    // Punkt's orthographic evidence in closed form: a capitalised function word ("The", "He", "But") after an
    // abbreviation almost always starts a sentence, while a capitalised content word is usually a name.
    private static bool IsCapitalisedFunctionWord(ReadOnlySpan<char> s, int k, int end)
    {
        int wordEnd = k;
        while (wordEnd < end && char.IsLetter(s[wordEnd])) wordEnd++;
        // "A." or "I." followed by a dot is an initial, not the article or the pronoun.
        if (wordEnd - k == 1 && wordEnd < end && s[wordEnd] == '.') return false;
        return wordEnd > k && StopWords.Contains(s[k..wordEnd]);
    }

    private static bool IsTitleAt(ReadOnlySpan<char> s, int k, int end)
    {
        int wordEnd = k;
        while (wordEnd < end && char.IsLetter(s[wordEnd])) wordEnd++;
        return wordEnd > k && wordEnd < end && s[wordEnd] == '.' && AbbreviationLookup.TryGetValue(s[k..wordEnd], out var a)
            && a.Kind is Kind.Never or Kind.Title;
    }

    private static bool IsWordOpener(char c) => c is '"' or '`' or '(' or '[' or '{' or '\u201C' or '\u2018' or '\u00AB';

    private static Kind Classify(ReadOnlySpan<char> s, int sentenceStart, int wordStart, ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return Kind.None;
        // A list marker opening the sentence: "1. ", "a. ", "2. " after "... rose. ".
        if (word.Length <= 3 && IsSentenceStart(s, sentenceStart, wordStart) && (IsAllDigits(word) || (word.Length == 1 && char.IsLetter(word[0]))))
        {
            return Kind.Never;
        }
        // An initial: "J. R. Smith", "George W. Bush".
        if (word.Length == 1 && char.IsUpper(word[0])) return Kind.Ambiguous;
        if (AbbreviationLookup.TryGetValue(word, out var entry) && (!entry.Capital || char.IsUpper(word[0]))) return entry.Kind;
        // Letters separated by dots: "U.S", "a.m", "Ph.D", "N.Y".
        if (word.Contains('.') && IsDottedAcronym(word)) return Kind.Ambiguous;
        return Kind.None;
    }

    private static bool IsSentenceStart(ReadOnlySpan<char> s, int sentenceStart, int wordStart)
    {
        int p = wordStart;
        while (p > sentenceStart && char.IsWhiteSpace(s[p - 1])) p--;
        return p == sentenceStart;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    private static bool IsDottedAcronym(ReadOnlySpan<char> word)
    {
        int segment = 0;
        foreach (char c in word)
        {
            if (c == '.')
            {
                if (segment == 0) return false;
                segment = 0;
            }
            else if (char.IsLetter(c) && ++segment <= 3)
            {
                continue;
            }
            else
            {
                return false;
            }
        }
        return segment > 0;
    }

    // A new line ends the sentence when a blank line follows or the next line starts with a list marker.
    private static bool BreaksAtNewLine(ReadOnlySpan<char> s, int newline, int end)
    {
        int k = newline + 1;
        while (k < end && s[k] is ' ' or '\t' or '\r' or '\f' or '\v') k++;
        if (k >= end) return false;
        if (s[k] == '\n') return true;
        return IsListMarker(s, k, end);
    }

    private static bool IsListMarker(ReadOnlySpan<char> s, int k, int end)
    {
        char c = s[k];
        if (c is '-' or '*' or '+' or '\u2013' or '\u2014' || IsBulletGlyph(c)) return k + 1 < end && s[k + 1] is ' ' or '\t';
        int d = k;
        while (d < end && d - k < 3 && char.IsAsciiDigit(s[d])) d++;
        if (d == k && d < end && char.IsAsciiLetterLower(s[d])) d++;
        return d > k && d + 1 < end && s[d] is '.' or ')' && s[d + 1] is ' ' or '\t';
    }

    /// <summary>
    /// Longest sentence kept whole. Real sentences stay far below it (news sentences run to a few hundred characters);
    /// text without terminators (a list of numbers, a table flattened to one line) is cut into pieces of at most this
    /// length at white space, so no later stage ever sees a sentence of unbounded length.
    /// </summary>
    public const int MaxSentenceChars = 3_000;

    private static void AddTrimmed(ReadOnlySpan<char> s, int start, int end, List<TextSpan> result)
    {
        while (start < end && char.IsWhiteSpace(s[start])) start++;
        while (end > start && char.IsWhiteSpace(s[end - 1])) end--;
        while (end - start > MaxSentenceChars)
        {
            int cut = start + MaxSentenceChars;
            int space = s[start..cut].LastIndexOfAny(' ', '\n', '\t');
            if (space > MaxSentenceChars / 2) cut = start + space;
            else if (char.IsHighSurrogate(s[cut - 1])) cut--;
            AddTrimmed(s, start, cut, result);
            start = cut;
            while (start < end && char.IsWhiteSpace(s[start])) start++;
        }
        if (end > start) result.Add(TextSpan.FromBounds(start, end));
    }
}

using System.Runtime.CompilerServices;
using Precis.Documents;

namespace Precis.Analysis.Quotes;

/// <summary>A pair of quotation marks: <see cref="Outer"/> includes the marks, <see cref="Inner"/> is the quoted text.</summary>
public readonly record struct QuotedSpan(TextSpan Outer, TextSpan Inner);

/// <summary>
/// Finds quoted text: curly “…”, straight "…", guillemets «…» and the TDT/DUC ``…'' convention.
/// A straight quote opens or closes by its flanking (the CommonMark rule for emphasis delimiters, 6.2: left-flanking
/// when followed by a non-space and preceded by a space or punctuation). A quotation that runs over paragraphs
/// follows the newspaper convention: the paragraph ends without a closing mark and the next one opens again.
/// </summary>
public static class QuotationMarkScanner
{
    private enum Mark { None, Open, Close, Either }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // one-shot CLI runs: skip tier-0 code for hot loops
    public static List<QuotedSpan> Find(string text, IReadOnlyList<TextSpan> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var result = new List<QuotedSpan>();
        int openAt = -1, openLength = 0, openParagraph = -1;
        for (int p = 0; p < paragraphs.Count; p++)
        {
            var para = paragraphs[p];
            bool firstMark = true;
            for (int i = para.Start; i < para.End; i++)
            {
                var (mark, length) = Classify(text, i, para);
                if (mark == Mark.None && text[i] != '"') continue;
                bool atParagraphStart = firstMark && IsOnlySpaceBetween(text, para.Start, i);
                firstMark = false;
                if (mark == Mark.Either) mark = openAt >= 0 ? Mark.Close : Mark.Open;
                // PRECIS: a stray space before a closing straight quote ("… this, " Trump said) still closes the open quote
                // (and so does a spaced one after a closing inner quote: "… 'a flight to quality,' " he said)
                if (mark is Mark.Open or Mark.None && text[i] == '"' && openAt >= 0 && openParagraph == p && i >= 2 && text[i - 1] == ' ' && text[i - 2] is ',' or '.' or '?' or '!' or '\'' or '\u2019') mark = Mark.Close;
                if (mark == Mark.None) continue;
                if (mark == Mark.Open)
                {
                    // an open quote still pending from an earlier paragraph continues when this paragraph opens again
                    if (openAt >= 0 && openParagraph < p && atParagraphStart) { openParagraph = p; i += length - 1; continue; }
                    openAt = i; openLength = length; openParagraph = p;
                }
                else if (openAt >= 0)
                {
                    var inner = TextSpan.FromBounds(openAt + openLength, i);
                    inner = Trim(text, inner);
                    if (!inner.IsEmpty) result.Add(new QuotedSpan(TextSpan.FromBounds(openAt, i + length), inner));
                    openAt = -1;
                }
                i += length - 1;
            }
            // a quotation left open continues only if the next paragraph starts with an opening mark
            if (openAt >= 0 && !(p + 1 < paragraphs.Count && StartsWithOpen(text, paragraphs[p + 1])))
            {
                openAt = -1;
            }
        }
        return result;
    }

    private static bool StartsWithOpen(string text, TextSpan para)
    {
        int i = para.Start;
        while (i < para.End && char.IsWhiteSpace(text[i])) i++;
        if (i >= para.End) return false;
        var (mark, _) = Classify(text, i, para);
        return mark is Mark.Open or Mark.Either;
    }

    private static bool IsOnlySpaceBetween(string text, int from, int to)
    {
        for (int k = from; k < to; k++) if (!char.IsWhiteSpace(text[k])) return false;
        return true;
    }

    private static (Mark, int) Classify(string text, int i, TextSpan para)
    {
        char c = text[i];
        switch (c)
        {
            case '\u201C' or '\u00AB' or '\u201E': return (Mark.Open, 1);
            case '\u201D' or '\u00BB': return (Mark.Close, 1);
            case '`' when i + 1 < para.End && text[i + 1] == '`': return (Mark.Open, 2);
            case '\'' when i + 1 < para.End && text[i + 1] == '\'' && (i == para.Start || text[i - 1] != '\''): return (Mark.Close, 2);
            // two closing single quotes typed for a closing double one ("a “question’’ that")
            case '\u2019' when i + 1 < para.End && text[i + 1] == '\u2019' && (i == para.Start || text[i - 1] != '\u2019'): return (Mark.Close, 2);
            case '"':
                char prev = i > para.Start ? text[i - 1] : ' ';
                char next = i + 1 < para.End ? text[i + 1] : ' ';
                bool left = !char.IsWhiteSpace(next) && (char.IsWhiteSpace(prev) || IsOpeningContext(prev));
                bool right = !char.IsWhiteSpace(prev) && (char.IsWhiteSpace(next) || char.IsPunctuation(next));
                if (left && !right) return (Mark.Open, 1);
                if (right && !left) return (Mark.Close, 1);
                return (left && right) ? (Mark.Either, 1) : (Mark.None, 1);
            default: return (Mark.None, 1);
        }
    }

    private static bool IsOpeningContext(char c) => c is '(' or '[' or '{' or '\u2014' or '\u2013' or '-' or ':' or '/';

    private static TextSpan Trim(string text, TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return TextSpan.FromBounds(s, e);
    }
}

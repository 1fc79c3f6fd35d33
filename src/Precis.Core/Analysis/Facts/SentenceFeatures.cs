using System.Text.RegularExpressions;
using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Analysis.Facts;

/// <summary>Small per-sentence helpers shared by the claim extractors.</summary>
internal static partial class SentenceFeatures
{
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "i", "mr", "mrs", "ms",
    };

    /// <summary>
    /// Lower-cased capitalised words other than the sentence's first word, month and day names: a cheap stand-in
    /// for the named places and actors a sentence is about. Two claims whose sentences both name things but share
    /// none are taken to be about different things (e.g. deaths in two different towns).
    /// </summary>
    public static HashSet<string> Names(Sentence sentence, string articleText)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        bool first = true;
        foreach (var t in sentence.Tokens)
        {
            if (t.Kind != TokenKind.Word) { if (t.Kind == TokenKind.Punctuation && t.Normal is "\"" or "'" or ":") first = true; continue; }
            char c = articleText[t.Span.Start];
            bool wasFirst = first;
            first = false;
            if (wasFirst || !char.IsUpper(c) || NotNames.Contains(t.Normal) || t.IsStopWord || t.Normal.Length < 2) continue;
            names.Add(t.Normal);
        }
        return names;
    }

    public static bool NamesCompatible(HashSet<string> a, HashSet<string> b) => a.Count == 0 || b.Count == 0 || a.Overlaps(b);

    [GeneratedRegex(@";|\s+but\s+|,\s+while\s+|\s+before\s+|\s+after\s+|\s+and\s+then\s+",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SegmentBreak { get; }

    /// <summary>
    /// The resolved expression of the sentence nearest to <paramref name="position"/> (character distance); with
    /// <paramref name="sameSegment"/>, only one in the same part of the sentence (split at ";", "but", "while",
    /// "before", "after"), so "broke out on March 2 ... before crews put it out" does not date the putting out.
    /// </summary>
    public static DateResolution? NearestDate(DateAnalysis dates, Sentence sentence, int position, bool sameSegment = false)
    {
        int lo = sentence.Span.Start, hi = sentence.Span.End;
        if (sameSegment)
        {
            foreach (System.Text.RegularExpressions.Match m in SegmentBreak.Matches(sentence.Text))
            {
                int at = sentence.Span.Start + m.Index;
                if (at < position) lo = at + m.Length;
                else if (at < hi) hi = at;
            }
        }
        return dates.InSentence(sentence.Article, sentence.Index)
            .Where(e => e.Resolution is not null && e.Span.Start >= lo && e.Span.Start < hi)
            .OrderBy(e => Math.Min(Math.Abs(e.Span.Start - position), Math.Abs(e.Span.End - position)))
            .ThenBy(e => e.Span.Start)
            .Select(e => e.Resolution)
            .FirstOrDefault();
    }
}

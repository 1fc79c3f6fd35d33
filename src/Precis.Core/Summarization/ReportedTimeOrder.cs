using System.Collections.Immutable;
using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// Puts a summary's sentences in the order a reader follows a story: by the time each sentence reports, then by
/// article and position. A sentence's time is the day of its most precise resolved temporal expression (the earliest, on a tie) ("on Thursday"
/// → 9 Nov); a sentence without one takes its article's stated publication day; a sentence of an undated article
/// (or one whose date is only an inferred bound) comes after the dated ones. This is the chronological ordering that
/// Barzilay, Elhadad and McKeown (2002) found readers prefer for news, using reported time rather than publication
/// time so that a story's steps (captured, lost, retaken) read in the order they happened.
/// </summary>
public static class ReportedTimeOrder
{
    /// <param name="keepLast">True when the last sentence must stay last (a fill-mode sentence that crosses the budget).</param>
    public static ImmutableArray<Sentence> Sort(ImmutableArray<Sentence> chosen, ImmutableArray<Article> articles, DateAnalysis? dates, bool keepLast)
    {
        if (chosen.Length < 2) return chosen;
        var byNumber = articles.ToDictionary(a => a.Number);
        int sortable = keepLast ? chosen.Length - 1 : chosen.Length;
        var sorted = chosen.Take(sortable)
            .OrderBy(s => TimeOf(s, byNumber, dates) ?? DateOnly.MaxValue)
            .ThenBy(s => s.Article)
            .ThenBy(s => s.Index)
            .ToList();
        if (keepLast) sorted.Add(chosen[^1]);
        return [.. sorted];
    }

    internal static DateOnly? TimeOf(Sentence s, Dictionary<int, Article> byNumber, DateAnalysis? dates)
    {
        // The finest-grained phrase wins ("on Friday" over "earlier this week"), then the earliest day.
        DateOnly? reported = null;
        var precision = DatePrecision.Unknown;
        if (dates is not null)
        {
            foreach (var e in dates.InSentence(s.Article, s.Index))
            {
                if (e.Resolution is not { } r || r.Precision < DatePrecision.Week) continue;
                if (r.Precision > precision || (r.Precision == precision && r.Start < reported))
                {
                    reported = r.Start;
                    precision = r.Precision;
                }
            }
        }
        if (reported is not null) return reported;
        var published = byNumber.TryGetValue(s.Article, out var a) ? a.Published : null;
        return published is { Inferred: false } ? published.Date : null;
    }
}

using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Timeline;

/// <summary>
/// Builds the timeline: every sentence (or part of a sentence between "but"/";" breaks) that carries an event
/// word and a resolved temporal expression becomes a report, placed on that expression's date; reports of
/// near-identical sentences on overlapping dates merge into one entry whose sources are all the articles that
/// carry it. Entries are never merged across different dates, so a claim and its later reversal stay as
/// separate steps in order.
/// </summary>
public static partial class TimelineBuilder
{
    /// <summary>Near-duplicate threshold for merging reports (content-stem Jaccard; Broder 1997 word-set resemblance).</summary>
    internal const double MergeOverlap = 0.5;

    [GeneratedRegex(@";|\s+but\s+|,\s+while\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SegmentBreak { get; }

    public static EventTimeline Build(ImmutableArray<Article> articles, ImmutableArray<SyndicationGroup> groups, DateAnalysis dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var byNumber = articles.ToDictionary(a => a.Number);
        var reports = new List<(TimelineReport Report, HashSet<string> Stems)>();
        foreach (var a in articles)
        {
            foreach (var s in a.Sentences)
            {
                var expressions = dates.InSentence(a.Number, s.Index).Where(e => e.Resolution is not null && e.DatesEvent).ToList();
                if (expressions.Count == 0) continue;
                var stems = SentenceOverlap.ContentStems(s);
                foreach (var chosen in ChooseDates(s, expressions))
                {
                    reports.Add((new TimelineReport(a.Number, s.Index, s.Span, s.Text, chosen.Phrase, chosen.Span, chosen.Resolution!), stems));
                }
            }
        }

        // Greedy single-pass clustering in a fixed order (article, sentence): deterministic.
        var clusters = new List<List<(TimelineReport Report, HashSet<string> Stems)>>();
        foreach (var r in reports)
        {
            var home = clusters.FirstOrDefault(c => c.Any(o => SameEvent(o.Report, o.Stems, r.Report, r.Stems)));
            if (home is null) clusters.Add([r]);
            else home.Add(r);
        }

        var groupOf = new Dictionary<int, int>();
        foreach (var g in groups) foreach (var n in g.Articles) groupOf[n] = g.Id;
        var entries = clusters.Select(c =>
        {
            var ordered = c.Select(x => x.Report).OrderBy(r => r.Article).ThenBy(r => r.Sentence).ToImmutableArray();
            var sources = ordered.Select(r => r.Article).Distinct().Order().ToImmutableArray();
            int independent = sources.Select(n => groupOf.TryGetValue(n, out var g) ? g : -n).Distinct().Count();
            // The entry's date: the finest report date (reports only merge when their dates overlap).
            var when = ordered.Select(r => r.When).OrderByDescending(w => w.Precision).ThenBy(w => w.End.DayNumber - w.Start.DayNumber).First();
            return new TimelineEntry(when, ordered[0].Text, ordered, sources, independent);
        });
        return new EventTimeline([.. entries
            .OrderBy(e => e.When.Date)
            .ThenByDescending(e => e.When.Precision)
            .ThenBy(e => e.First.Article)
            .ThenBy(e => e.First.Sentence)
            .ThenBy(e => e.First.PhraseSpan.Start)]);
    }

    private static bool SameEvent(TimelineReport a, HashSet<string> aStems, TimelineReport b, HashSet<string> bStems)
    {
        if (a.Article == b.Article && a.Sentence == b.Sentence) return false; // two dates in one sentence are two steps
        if (!a.When.Overlaps(b.When)) return false;
        // Day-precise dates must agree exactly: "captured on the 9th" and "lost on the 12th" are different steps.
        if (a.When.Precision >= DatePrecision.Day && b.When.Precision >= DatePrecision.Day && a.When.Date != b.When.Date) return false;
        return SentenceOverlap.Jaccard(aStems, bStems) >= MergeOverlap;
    }

    /// <summary>
    /// True when the event word nearest before the expression sits in a relative clause ("a firefighter who was
    /// injured on Monday died on Wednesday": Monday dates the relative clause, Wednesday the main event).
    /// </summary>
    private static bool InRelativeClause(Sentence sentence, TemporalExpression e)
    {
        var tokens = sentence.Tokens;
        int verb = -1;
        for (int i = 0; i < tokens.Length && tokens[i].Span.End <= e.Span.Start; i++)
        {
            if (EventVerbs.IsEventWord(tokens[i].Normal)) verb = i;
        }
        for (int k = verb - 1; k >= 0 && k >= verb - 3; k--)
        {
            if (tokens[k].Normal is "who" or "which" or "that" or "whom") return true;
        }
        return false;
    }

    /// <summary>
    /// Picks the date(s) of a sentence: per segment (split at "but", ";" and ", while") that holds an event word,
    /// the finest-precision expression in it (ties: the first). Segments without an event word lend their date to
    /// none.
    /// </summary>
    internal static IEnumerable<TemporalExpression> ChooseDates(Sentence sentence, List<TemporalExpression> expressions)
    {
        var bounds = new List<int> { 0 };
        foreach (Match m in SegmentBreak.Matches(sentence.Text)) bounds.Add(m.Index + m.Length);
        bounds.Add(sentence.Text.Length);
        var chosen = new List<TemporalExpression>();
        for (int i = 0; i + 1 < bounds.Count; i++)
        {
            int lo = sentence.Span.Start + bounds[i], hi = sentence.Span.Start + bounds[i + 1];
            var inSegment = expressions.Where(e => e.Span.Start >= lo && e.Span.Start < hi).ToList();
            if (inSegment.Count == 0) continue;
            bool hasEvent = sentence.Tokens.Any(t => t.Span.Start >= lo && t.Span.Start < hi && EventVerbs.IsEventWord(t.Normal));
            if (!hasEvent) continue;
            chosen.Add(inSegment.OrderByDescending(e => e.Resolution!.Precision)
                .ThenBy(e => e.Resolution!.End.DayNumber - e.Resolution.Start.DayNumber)
                .ThenBy(e => InRelativeClause(sentence, e) ? 1 : 0)
                .ThenBy(e => e.Span.Start).First());
        }
        return chosen;
    }
}

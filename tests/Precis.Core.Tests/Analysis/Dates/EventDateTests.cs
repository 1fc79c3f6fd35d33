using Precis.Analysis.Dates;
using Precis.Documents;
using Precis.Timeline;

namespace Precis.Core.Tests.Analysis.Dates;

/// <summary>Issue 9, part 3: a sentence's date is its main event's; undated articles get bounds from what they
/// report; their events stay on the timeline, marked as inferred. Fictional articles.</summary>
public class EventDateTests
{
    [Fact]
    public void A_since_range_does_not_date_a_sentence_whose_event_has_its_own_day()
    {
        var article = DatesTestArticles.Make(1,
            "On Wednesday, ferry crews reopened the northern route, giving the island its first winter service since 2012.",
            new DateOnly(2026, 3, 13));
        var analysis = DateAnalyzer.Analyze([article]);
        var since = Assert.Single(analysis.Expressions, e => e.Phrase.Contains("2012", StringComparison.Ordinal));
        Assert.False(since.DatesEvent);
        var timeline = TimelineBuilder.Build([article], [], analysis);
        var entry = Assert.Single(timeline.Entries);
        Assert.Equal(new DateOnly(2026, 3, 11), entry.When.Date);
    }

    [Fact]
    public void A_since_range_alone_still_dates_its_sentence()
    {
        var article = DatesTestArticles.Make(1, "The ferry has run every winter since 2012.", new DateOnly(2026, 3, 13));
        Assert.True(Assert.Single(DateAnalyzer.Analyze([article]).Expressions).DatesEvent);
    }

    [Fact]
    public void An_offset_from_an_explicit_day_bounds_an_undated_article_and_its_events_show_at_the_earliest()
    {
        var dated = DatesTestArticles.Make(1, "The port authority said on Friday that the harbour had reopened.", new DateOnly(2026, 3, 20));
        var undated = DatesTestArticles.Make(2,
            "The navy announced on March 2 that it had cleared the harbour. A week later, storms closed the harbour again. "
            + "Crews reopened it on Sunday, officials said.",
            null);
        var articles = DateAnalyzer.InferPublicationDates([dated, undated], out var notes);
        var published = articles[1].Published!;
        Assert.True(published.Inferred);
        // 2 March + a week = 9 March, ±3 days: not published before 6 March.
        Assert.Equal(new DateOnly(2026, 3, 6), published.NotBefore);
        Assert.Contains(notes, n => n.Contains("A week later", StringComparison.Ordinal));

        var sunday = Assert.Single(DateAnalyzer.Analyze(articles).Expressions, e => e.Article == 2 && e.Phrase.Contains("Sunday", StringComparison.Ordinal));
        Assert.NotNull(sunday.Resolution);
        Assert.Equal(new DateOnly(2026, 3, 1), sunday.Resolution!.Date); // the Sunday on or before 6 March, at the earliest
        Assert.EndsWith("-at-earliest", sunday.Resolution.Rule, StringComparison.Ordinal);
        Assert.Contains("at the earliest", sunday.Resolution.Evidence, StringComparison.Ordinal);
        Assert.Contains("not before", sunday.Resolution.Evidence, StringComparison.Ordinal);
    }
}

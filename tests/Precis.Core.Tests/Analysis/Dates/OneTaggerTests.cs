using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Precis.Analysis.Dates;
using Precis.Documents;
using Precis.Timeline;

namespace Precis.Core.Tests.Analysis.Dates;

/// <summary>
/// Issue 9: the pipeline's dates stage finds its expressions with the TIMEX3 tagger measured on TempEval-3; the
/// families the old extractor did not know reach the timeline from the tagger's values. Fictional articles.
/// </summary>
public class OneTaggerTests
{
    private static readonly DateOnly Friday13 = new(2026, 3, 13);

    private static TemporalExpression Find(string text, string phrase, DateOnly? published = null)
    {
        var article = DatesTestArticles.Make(1, text, published ?? Friday13);
        var all = DateAnalyzer.Analyze([article]).Expressions;
        var e = all.FirstOrDefault(x => x.Phrase.Contains(phrase, StringComparison.Ordinal));
        Assert.True(e is not null, $"'{phrase}' not found; found: {string.Join(" | ", all.Select(x => x.Phrase))}");
        return e!;
    }

    [Theory]
    [InlineData("The ferry line lost money in the third quarter of 2025.", "third quarter of 2025", "2025-07-01", "2025-09-30", DatePrecision.Month)]
    [InlineData("Repairs finished in the summer of 2019.", "summer of 2019", "2019-06-01", "2019-08-31", DatePrecision.Month)]
    [InlineData("The dock was built in the 1990s.", "1990s", "1990-01-01", "1999-12-31", DatePrecision.Year)]
    [InlineData("Tolls rose in the first half of 2024.", "first half of 2024", "2024-01-01", "2024-06-30", DatePrecision.Year)]
    public void Other_timex_families_are_resolved_from_the_tagger_value(string text, string phrase, string start, string end, DatePrecision precision)
    {
        var e = Find(text, phrase);
        Assert.Equal(TemporalKind.Timex, e.Kind);
        Assert.True(e.Resolution is not null, e.Unresolved);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), e.Resolution!.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), e.Resolution.End);
        Assert.Equal(precision, e.Resolution.Precision);
        Assert.Contains("TIMEX3", e.Resolution.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void An_anaphoric_offset_dates_its_event_from_the_explicit_day_before_it()
    {
        var e = Find("The navy closed the harbour on March 2, 2026. Two days later, the navy reopened it.", "Two days later");
        Assert.Equal(new DateOnly(2026, 3, 4), e.Resolution!.Date);
        Assert.True(e.DatesEvent);
    }

    [Theory]
    [InlineData("Strikes have killed hundreds of people in recent months, the monitor said.", "in recent months")]
    [InlineData("Prices rose over the past two years.", "over the past two years")]
    [InlineData("Nine people were hurt since Friday.", "since Friday")]
    public void Spans_to_the_publication_stay_readable(string text, string phrase)
    {
        var e = Find(text, phrase);
        Assert.Equal(TemporalKind.SinceRange, e.Kind);
        Assert.Equal(Friday13, e.Resolution!.End);
    }

    [Fact]
    public void A_year_inside_a_noun_phrase_dates_no_event()
    {
        var article = DatesTestArticles.Make(1, "Ministers signed the 1991 harbour accords again on Tuesday.", Friday13);
        var analysis = DateAnalyzer.Analyze([article]);
        var year = Assert.Single(analysis.Expressions, e => e.Phrase == "1991");
        Assert.False(year.DatesEvent);
        var entry = Assert.Single(TimelineBuilder.Build([article], [], analysis).Entries);
        Assert.Equal(new DateOnly(2026, 3, 10), entry.When.Date);
    }

    [Fact]
    public void A_bare_clock_time_dates_nothing_but_one_that_names_its_day_does()
    {
        var article = DatesTestArticles.Make(1, "The order was lifted at 6 am after tests came back clear.", Friday13);
        Assert.Empty(DateAnalyzer.Analyze([article]).Expressions);
        var named = Find("The ferry sailed at 5 p.m. Tuesday, the crew said.", "Tuesday");
        Assert.Equal(new DateOnly(2026, 3, 10), named.Resolution!.Date);
    }

    [Theory]
    [InlineData("More than 2000 people live near the docks.")]
    [InlineData("The crew finished a day earlier than planned.")]
    public void Counts_and_comparisons_are_not_dates(string text)
    {
        Assert.Empty(DateAnalyzer.Analyze([DatesTestArticles.Make(1, text, Friday13)]).Expressions.Where(e => e.Resolution is not null));
    }

    [Fact]
    public void The_same_relative_phrase_for_the_same_event_bounds_an_undated_article_and_the_set_settles_its_weekdays()
    {
        // Dated Thu 12 Mar 2026: "last week" = 2–8 Mar. The undated article reports the same event with the same phrase
        // (names shared: Norland, Port Vessa), so it was published 9–15 Mar; its "on Wednesday" is then 4 or 11 Mar,
        // and the dated article reports events on Wed 11 Mar.
        var dated = DatesTestArticles.Make(1,
            "Norland troops last week retook the port of Port Vessa from the rebels. "
            + "Engineers entered the old town on Wednesday, the ministry said.",
            new DateOnly(2026, 3, 12));
        var undated = DatesTestArticles.Make(2,
            "Last week, Norland troops took back Port Vessa after a siege. "
            + "On Wednesday, engineers linked the port to the national grid.",
            null);
        var articles = DateAnalyzer.InferPublicationDates([dated, undated], out var notes);
        var published = articles[1].Published!;
        Assert.True(published.Inferred);
        Assert.Equal(new DateOnly(2026, 3, 9), published.NotBefore);
        Assert.Equal(new DateOnly(2026, 3, 15), published.NotAfter);
        Assert.Contains(notes, n => n.Contains("same event", StringComparison.Ordinal));

        var analysis = DateAnalyzer.Analyze(articles);
        var wednesday = Assert.Single(analysis.Expressions, e => e.Article == 2 && e.Phrase.Contains("Wednesday", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 3, 11), wednesday.Resolution!.Date);
        Assert.Contains("inferred to be published", wednesday.Resolution.Evidence, StringComparison.Ordinal);
        var timeline = TimelineBuilder.Build(articles, [], analysis);
        Assert.Contains(timeline.Entries, x => x.Sources.Contains(2) && x.When.Date == new DateOnly(2026, 3, 11));
    }

    [Theory]
    [InlineData("2017-11-08", "2017-11-08", "2017-11-08", DatePrecision.Day)]
    [InlineData("2017-11-08TNI", "2017-11-08", "2017-11-08", DatePrecision.Day)]
    [InlineData("2017-W45", "2017-11-06", "2017-11-12", DatePrecision.Week)]
    [InlineData("2017-11", "2017-11-01", "2017-11-30", DatePrecision.Month)]
    [InlineData("2017-Q3", "2017-07-01", "2017-09-30", DatePrecision.Month)]
    [InlineData("2017-H2", "2017-07-01", "2017-12-31", DatePrecision.Year)]
    [InlineData("2017-WI", "2017-12-01", "2018-02-28", DatePrecision.Month)]
    [InlineData("2017", "2017-01-01", "2017-12-31", DatePrecision.Year)]
    [InlineData("199", "1990-01-01", "1999-12-31", DatePrecision.Year)]
    public void Timex_values_read_as_calendar_ranges(string value, string start, string end, DatePrecision precision)
    {
        Assert.True(TimexDates.TryRange(value, out var s, out var e, out var p));
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), s);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), e);
        Assert.Equal(precision, p);
    }

    [Theory]
    [InlineData("XXXX-03")]
    [InlineData("P2D")]
    [InlineData("PAST_REF")]
    [InlineData("XXXX-WXX-1")]
    [InlineData("2017-02-30")]
    [InlineData("2017-W60")]
    [InlineData("")]
    public void Values_that_name_no_range_are_refused(string value)
    {
        Assert.False(TimexDates.TryRange(value, out _, out _, out _));
    }

    [Property(MaxTest = 500)]
    public bool Reading_any_value_never_throws(string value)
    {
        if (value is null) return true;
        if (TimexDates.TryRange(value, out var s, out var e, out _)) return s <= e;
        return true;
    }
}

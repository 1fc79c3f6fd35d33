using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Core.Tests.Analysis.Dates;

public class TemporalResolverTests
{
    // Mon 13 Nov 2017 and Thu 9 Nov 2017 are the anchors the conventions are easiest to check against.
    private static readonly DateOnly Monday13 = new(2017, 11, 13);
    private static readonly DateOnly Thursday9 = new(2017, 11, 9);

    private static TemporalExpression Single(string sentence, DateOnly? published, string phrase)
    {
        var article = DatesTestArticles.Make(1, sentence, published);
        var all = DateAnalyzer.Analyze([article]).Expressions;
        var e = all.FirstOrDefault(x => x.Phrase.Contains(phrase, StringComparison.Ordinal));
        Assert.True(e is not null, $"'{phrase}' not found; found: {string.Join(" | ", all.Select(x => x.Phrase))}");
        return e!;
    }

    private static DateOnly DayOf(string sentence, DateOnly? published, string phrase)
    {
        var e = Single(sentence, published, phrase);
        Assert.True(e.Resolution is not null, e.Unresolved);
        return e.Resolution!.Date;
    }

    [Theory]
    [InlineData("The army said on Thursday it had taken the port.", "on Thursday", 2017, 11, 9)]
    [InlineData("Crews pulled back late on Wednesday, officials said.", "late on Wednesday", 2017, 11, 8)]
    [InlineData("The mayor spoke on Monday about the damage.", "on Monday", 2017, 11, 13)]
    [InlineData("On Sunday, the fire spread to two sheds.", "On Sunday", 2017, 11, 12)]
    [InlineData("Officials met last Monday to plan the repairs.", "last Monday", 2017, 11, 6)]
    public void Past_weekday_points_back_same_day_included(string sentence, string phrase, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), DayOf(sentence, Monday13, phrase));
    }

    [Fact]
    public void Weekday_on_the_publication_day_is_that_day()
    {
        Assert.Equal(Thursday9, DayOf("Crews on Thursday put out the last flames.", Thursday9, "on Thursday"));
    }

    [Theory]
    [InlineData("Ministers will meet on Wednesday to discuss the port.", "on Wednesday", 2017, 11, 15)]
    [InlineData("They talked ahead of a summit in the capital on Wednesday.", "on Wednesday", 2017, 11, 15)]
    [InlineData("The council is due to vote on Monday.", "on Monday", 2017, 11, 20)]
    [InlineData("Officials prepared for a hearing on Friday.", "on Friday", 2017, 11, 17)]
    [InlineData("The union plans to strike next Tuesday.", "next Tuesday", 2017, 11, 14)]
    public void Future_weekday_points_forward(string sentence, string phrase, int y, int m, int d)
    {
        var e = Single(sentence, Monday13, phrase);
        Assert.Equal(TemporalDirection.Future, e.Direction);
        Assert.Equal(new DateOnly(y, m, d), e.Resolution!.Date);
    }

    [Theory]
    [InlineData("The blaze started on November 9, 2017, witnesses said.", "November 9, 2017", 2017, 11, 9)]
    [InlineData("The blaze started on 9 November, witnesses said.", "9 November", 2017, 11, 9)]
    [InlineData("The blaze started on Nov. 9, witnesses said.", "Nov. 9", 2017, 11, 9)]
    [InlineData("The warehouse was inspected on December 20, the report said.", "December 20", 2016, 12, 20)]
    [InlineData("Posted 09/11/2017 by the desk.", "09/11/2017", 2017, 11, 9)]
    [InlineData("Posted 11/25/2017 by the desk.", "11/25/2017", 2017, 11, 25)]
    public void Calendar_dates_resolve_with_year_nearest_before(string sentence, string phrase, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), DayOf(sentence, Monday13, phrase));
    }

    [Theory]
    [InlineData("The fire was put out yesterday.", "yesterday", 2017, 11, 12)]
    [InlineData("The port reopens today.", "today", 2017, 11, 13)]
    [InlineData("A vigil is planned tonight.", "tonight", 2017, 11, 13)]
    [InlineData("The fire broke out two days ago.", "two days ago", 2017, 11, 11)]
    public void Deictic_days_and_days_ago_are_exact(string sentence, string phrase, int y, int m, int d)
    {
        var e = Single(sentence, Monday13, phrase);
        Assert.Equal(DatePrecision.Day, e.Resolution!.Precision);
        Assert.Equal(new DateOnly(y, m, d), e.Resolution.Date);
    }

    [Theory]
    [InlineData("The crane failed a week ago.", "a week ago", DatePrecision.Week, "2017-11-03", "2017-11-09")]
    [InlineData("The crane failed last week.", "last week", DatePrecision.Week, "2017-11-06", "2017-11-12")]
    [InlineData("Repairs begin next week.", "next week", DatePrecision.Week, "2017-11-20", "2017-11-26")]
    [InlineData("The firm was fined earlier this month.", "earlier this month", DatePrecision.Month, "2017-11-01", "2017-11-13")]
    [InlineData("The firm was fined last month.", "last month", DatePrecision.Month, "2017-10-01", "2017-10-31")]
    [InlineData("The pier was rebuilt this July.", "this July", DatePrecision.Month, "2017-07-01", "2017-07-31")]
    [InlineData("The pier was rebuilt in 2014.", "in 2014", DatePrecision.Year, "2014-01-01", "2014-12-31")]
    [InlineData("The pier has been closed since 2013.", "since 2013", DatePrecision.Year, "2013-01-01", "2017-11-13")]
    [InlineData("Prices rose over the past two years.", "over the past two years", DatePrecision.Year, "2015-11-13", "2017-11-13")]
    [InlineData("Traffic doubled this year.", "this year", DatePrecision.Year, "2017-01-01", "2017-12-31")]
    [InlineData("Nine people were hurt since Friday.", "since Friday", DatePrecision.Day, "2017-11-10", "2017-11-13")]
    public void Imprecise_expressions_get_a_range_at_their_precision(string sentence, string phrase, DatePrecision precision, string start, string end)
    {
        var r = Single(sentence, Monday13, phrase).Resolution!;
        Assert.Equal(precision, r.Precision);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), r.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), r.End);
        Assert.True(r.Contains(r.Date));
    }

    [Fact]
    public void Evidence_names_phrase_anchor_and_rule()
    {
        var e = Single("The army said on Thursday it had taken the port.", Monday13, "on Thursday");
        Assert.Equal("'on Thursday' in an article published Mon 13 Nov 2017 → Thu 9 Nov 2017 (past tense: previous Thursday)", e.Resolution!.Evidence);
        Assert.Equal("weekday-past", e.Resolution.Rule);
    }

    [Fact]
    public void Relative_expression_in_undated_article_is_unresolved_with_reason()
    {
        var e = Single("The fire was put out on Sunday.", null, "on Sunday");
        Assert.Null(e.Resolution);
        Assert.Contains("undated", e.Unresolved, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The firm may 5 times over have been warned.")]
    [InlineData("Protesters march on the port every week.")]
    [InlineData("More than 2000 people live near the docks.")]
    public void Verbs_and_counts_are_not_dates(string sentence)
    {
        var article = DatesTestArticles.Make(1, sentence, Monday13);
        var found = DateAnalyzer.Analyze([article]).Expressions.Where(e => e.Kind != TemporalKind.RelativePeriod);
        Assert.Empty(found);
    }

    [Fact]
    public void Impossible_day_is_unresolved_not_thrown()
    {
        var e = Single("It happened on February 30, 2017.", Monday13, "February 30");
        Assert.Null(e.Resolution);
    }
}

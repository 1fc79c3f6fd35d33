using Precis.Documents;
using Precis.Ingest;

namespace Precis.Core.Tests.Ingest;

public class PublicationDateParserTests
{
    private static PublicationDate Parse(string line, string text = "", params DateOnly[] others) =>
        PublicationDateParser.Resolve(PublicationDateParser.Find(line)!, new DateEvidence(text, [.. others]));

    [Theory]
    [InlineData("November 13, 2017 | 1:18 PM", 2017, 11, 13, 13, 18)]
    [InlineData("Nov. 9, 2017", 2017, 11, 9, -1, -1)]
    [InlineData("13 November 2017", 2017, 11, 13, -1, -1)]
    [InlineData("Published: 13th November 2017 10:05 GMT", 2017, 11, 13, 10, 5)]
    [InlineData("2017-11-13", 2017, 11, 13, -1, -1)]
    [InlineData("2017-11-13T08:45:00+03:00", 2017, 11, 13, 8, 45)]
    [InlineData("Mon, 13 Nov 2017 21:05:00 GMT", 2017, 11, 13, 21, 5)]
    [InlineData("Updated 12:30 a.m. ET, Sept 4, 2019", 2019, 9, 4, 0, 30)]
    [InlineData("25/12/2020 18:00", 2020, 12, 25, 18, 0)]
    [InlineData("12/25/2020", 2020, 12, 25, -1, -1)]
    [InlineData("2020/12/25", 2020, 12, 25, -1, -1)]
    public void Common_date_lines_are_parsed(string line, int y, int m, int d, int hour, int minute)
    {
        var date = Parse(line);
        Assert.Equal(new DateOnly(y, m, d), date.Date);
        if (hour < 0)
        {
            Assert.Null(date.Time);
            Assert.Equal(DatePrecision.Day, date.Precision);
        }
        else
        {
            Assert.Equal(new TimeOnly(hour, minute), date.Time);
            Assert.Equal(DatePrecision.Minute, date.Precision);
        }
    }

    [Fact]
    public void Month_and_year_alone_have_month_precision()
    {
        var date = Parse("March 2031");
        Assert.Equal(new DateOnly(2031, 3, 1), date.Date);
        Assert.Equal(DatePrecision.Month, date.Precision);
    }

    [Fact]
    public void Invalid_calendar_dates_are_not_dates()
    {
        Assert.Null(PublicationDateParser.Find("31/02/2017"));
        Assert.Null(PublicationDateParser.Find("version 1.2.3"));
    }

    [Fact]
    public void Supplied_bench_dates_have_day_precision()
    {
        var date = PublicationDateParser.ParseSupplied("1998-10-16", DateEvidence.FromText(""))!;
        Assert.Equal(new DateOnly(1998, 10, 16), date.Date);
        Assert.Equal(DatePrecision.Day, date.Precision);
        Assert.False(date.Inferred);
    }

    [Fact]
    public void Both_readings_of_an_ambiguous_date_are_kept()
    {
        var match = PublicationDateParser.Find("04/05/2031")!;
        Assert.True(match.IsAmbiguous);
        Assert.Equal([new DateOnly(2031, 5, 4), new DateOnly(2031, 4, 5)], match.Readings.Select(r => r.Date));
    }

    [Fact]
    public void Weekday_in_the_text_settles_an_ambiguous_date_day_first()
    {
        // 4 May 2031 is a Sunday; 5 April 2031 is a Saturday.
        var date = Parse("04/05/2031", "Crews worked through Sunday to clear the road, the mayor said on Sunday.");
        Assert.Equal(new DateOnly(2031, 5, 4), date.Date);
        Assert.Contains("day-first", date.Evidence, StringComparison.Ordinal);
        Assert.Contains("Sunday", date.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Weekday_in_the_text_settles_an_ambiguous_date_month_first()
    {
        var date = Parse("04/05/2031", "The council voted on Saturday.");
        Assert.Equal(new DateOnly(2031, 4, 5), date.Date);
        Assert.Contains("month-first", date.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_mentioned_in_the_text_settle_an_ambiguous_date()
    {
        // Published 3 Feb or 2 Mar: an article that looks back on "February 27" was published on 2 March.
        var date = Parse("03/02/2031", "The storm of February 27 flooded the valley, and the repairs began on 28 February.");
        Assert.Equal(new DateOnly(2031, 3, 2), date.Date);
        Assert.Contains("month-first", date.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_articles_dates_settle_an_ambiguous_date()
    {
        var date = Parse("09/11/2031", "", new DateOnly(2031, 11, 10), new DateOnly(2031, 11, 12));
        Assert.Equal(new DateOnly(2031, 11, 9), date.Date);
        Assert.Contains("from the other articles", date.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_evidence_an_ambiguous_date_keeps_only_its_year()
    {
        var date = Parse("04/05/2031");
        Assert.Equal(DatePrecision.Year, date.Precision);
        Assert.Equal(new DateOnly(2031, 1, 1), date.Date);
        Assert.Equal(new DateOnly(2031, 4, 5), date.NotBefore);
        Assert.Equal(new DateOnly(2031, 5, 4), date.NotAfter);
        Assert.Contains("ambiguous", date.Evidence, StringComparison.Ordinal);
    }
}

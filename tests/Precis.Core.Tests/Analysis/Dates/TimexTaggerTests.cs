using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Precis.Analysis.Dates;

namespace Precis.Core.Tests.Analysis.Dates;

/// <summary>One test per expression family of the TIMEX3 tagger (issue 9). The creation day is Wednesday 4 March 1998.</summary>
public class TimexTaggerTests
{
    private static readonly DateOnly Dct = new(1998, 3, 4);

    private static (string Extent, string Type, string Value, string? Mod)[] Tag(string text, DateOnly? dct = null) =>
        [.. TimexTagger.Tag(text, dct ?? Dct).Select(t => (t.Span.Slice(text).ToString(), t.Type, t.Value, t.Mod))];

    private static void Single(string text, string extent, string type, string value)
    {
        var tags = Tag(text);
        var t = Assert.Single(tags);
        Assert.Equal((extent, type, value), (t.Extent, t.Type, t.Value));
    }

    [Theory]
    [InlineData("The mill closed on March 3, 1997, after a fire.", "March 3, 1997", "1997-03-03")]
    [InlineData("The mill closed on 3 March 1997.", "3 March 1997", "1997-03-03")]
    [InlineData("Payments resumed Jan. 2, the bank said.", "Jan. 2", "1998-01-02")]
    [InlineData("Payments will resume Jan. 2, the bank said.", "Jan. 2", "1999-01-02")]
    [InlineData("The vote took place on Feb. 27.", "Feb. 27", "1998-02-27")]
    [InlineData("The editorial ran on Monday, March 2:", "Monday, March 2", "1998-03-02")]
    public void Explicit_days(string text, string extent, string value) => Single(text, extent, "DATE", value);

    [Theory]
    [InlineData("The company was founded in 1987.", "1987", "1987")]
    [InlineData("Sales fell in March 1997.", "March 1997", "1997-03")]
    [InlineData("Sales fell in January.", "January", "1998-01")]
    [InlineData("The plant opens in June.", "June", "1998-06")]
    [InlineData("Sales fell in June last year.", "June last year", "1997-06")]
    [InlineData("Revenue rose in fiscal 1997.", "fiscal 1997", "1997")]
    public void Months_and_years(string text, string extent, string value) => Single(text, extent, "DATE", value);

    [Theory]
    [InlineData("The company bought the mill in June.", "June", "1997-06")]
    [InlineData("Revenue fell in the period ended June 30.", "June 30", "1997-06-30")]
    [InlineData("The plant opens in June.", "June", "1998-06")]
    [InlineData("The board approved a dividend payable June 1.", "June 1", "1998-06-01")]
    [InlineData("The company said it bought the mill and would pay for it in June.", "June", "1998-06")]
    public void A_clause_plainly_in_the_past_puts_a_yearless_month_or_day_before_the_creation_date(string text, string extent, string value) =>
        Single(text, extent, "DATE", value);

    [Theory]
    [InlineData("The strike ended on Friday.", "Friday", "1998-02-27")]
    [InlineData("Talks will resume on Friday.", "Friday", "1998-03-06")]
    [InlineData("The board met last Wednesday.", "last Wednesday", "1998-02-25")]
    [InlineData("Officials spoke yesterday.", "yesterday", "1998-03-03")]
    [InlineData("Prices fell today.", "today", "1998-03-04")]
    public void Weekdays_and_deictic_days(string text, string extent, string value) => Single(text, extent, "DATE", value);

    [Theory]
    [InlineData("The meeting ended at 5 p.m. Tuesday.", "5 p.m. Tuesday", "1998-03-03T17:00")]
    [InlineData("Trading halted at 10:30 a.m.", "10:30 a.m.", "1998-03-04T10:30")]
    [InlineData("The vote is due tonight.", "tonight", "1998-03-04TNI")]
    public void Clock_times_and_parts_of_day(string text, string extent, string value) => Single(text, extent, "TIME", value);

    [Fact]
    public void A_weekday_with_a_part_of_day_is_a_date_with_the_part_in_its_value() =>
        Single("The rebels attacked Tuesday night.", "Tuesday night", "DATE", "1998-03-03TNI");

    [Theory]
    [InlineData("Profit fell last week.", "last week", "1998-W09")]
    [InlineData("Profit rose this year.", "this year", "1998")]
    [InlineData("Sales rose last month.", "last month", "1998-02")]
    [InlineData("The firm expects gains next year.", "next year", "1999")]
    [InlineData("The plant closed two years ago.", "two years ago", "1996")]
    [InlineData("The plant closed three days ago.", "three days ago", "1998-03-01")]
    [InlineData("The plant closed six weeks ago.", "six weeks ago", "1998-W04")]
    public void Relative_periods_and_ago(string text, string extent, string value) => Single(text, extent, "DATE", value);

    [Theory]
    [InlineData("Profit rose in the fourth quarter.", "the fourth quarter", "1997-Q4")]
    [InlineData("Profit rose in the third quarter.", "the third quarter", "1997-Q3")]
    [InlineData("The third-quarter loss widened.", "third-quarter", "1997-Q3")]
    [InlineData("Earnings in the current quarter will rise.", "the current quarter", "1998-Q1")]
    [InlineData("Sales fell in the first half of 1997.", "the first half of 1997", "1997-H1")]
    public void Quarters_and_halves(string text, string extent, string value) => Single(text, extent, "DATE", value);

    [Fact]
    public void A_year_earlier_is_anchored_on_the_quarter_mentioned_before_it()
    {
        var tags = Tag("Profit rose 5% in the fourth quarter. A year earlier, it fell.");
        Assert.Equal([("the fourth quarter", "DATE", "1997-Q4", null), ("A year earlier", "DATE", "1996-Q4", null)], tags);
    }

    [Theory]
    [InlineData("Crops failed last fall.", "last fall", "1997-FA")]
    [InlineData("Crops failed in the summer of 1996.", "the summer of 1996", "1996-SU")]
    [InlineData("Prices soared in the 1970s.", "1970s", "197")]
    [InlineData("It was built in the 19th century.", "19th century", "18")]
    public void Seasons_decades_and_centuries(string text, string extent, string value) => Single(text, extent, "DATE", value);

    [Theory]
    [InlineData("The strike lasted three weeks.", "three weeks", "P3W")]
    [InlineData("Prices rose over the past two years.", "the past two years", "P2Y")]
    [InlineData("Sales in the first nine months rose.", "the first nine months", "P9M")]
    [InlineData("The bank sold a 30-year bond.", "30-year", "P30Y")]
    [InlineData("The talks took about five hours.", "five hours", "PT5H")]
    [InlineData("Rents have risen for several years.", "several years", "PXY")]
    [InlineData("Unemployment is at its lowest for two decades.", "two decades", "P20Y")]
    public void Durations(string text, string extent, string value) => Single(text, extent, "DURATION", value);

    [Theory]
    [InlineData("The paper is published daily.", "daily", "P1D")]
    [InlineData("The board meets every week.", "every week", "P1W")]
    [InlineData("The club meets each Monday.", "each Monday", "XXXX-WXX-1")]
    [InlineData("Inspectors visit twice a year.", "twice a year", "P1Y")]
    public void Sets(string text, string extent, string value) => Single(text, extent, "SET", value);

    [Theory]
    [InlineData("Prices are now higher.", "now", "PRESENT_REF")]
    [InlineData("The firm recently cut jobs.", "recently", "PAST_REF")]
    [InlineData("Demand will grow in the future.", "the future", "FUTURE_REF")]
    [InlineData("The plant is currently idle.", "currently", "PRESENT_REF")]
    public void Vague_references(string text, string extent, string value) => Single(text, extent, "DATE", value);

    [Theory]
    [InlineData("Prices fell in recent months.", "recent months", "DURATION", "PXM")]
    [InlineData("Talks stalled in recent weeks.", "recent weeks", "DURATION", "PXW")]
    [InlineData("Output doubled in recent years.", "recent years", "DATE", "PAST_REF")]
    public void Recent_units_are_vague_durations_except_years(string text, string extent, string type, string value) =>
        Single(text, extent, type, value);

    [Theory]
    [InlineData("Rates rose in early 1997.", "early 1997", "1997", "START")]
    [InlineData("Rates rose in mid-November.", "mid-November", "1997-11", "MID")]
    [InlineData("Rates will rise by the end of 1998.", "the end of 1998", "1998", "END")]
    [InlineData("Sales fell earlier this year.", "earlier this year", "1998", "START")]
    public void Modifiers(string text, string extent, string value, string mod)
    {
        var t = Assert.Single(Tag(text));
        Assert.Equal((extent, "DATE", value, (string?)mod), t);
    }

    [Theory]
    [InlineData("Posted 09/11/1997 by the desk.", "09/11/1997", "1997-11-09")] // day first
    [InlineData("Posted 11/25/1997 by the desk.", "11/25/1997", "1997-11-25")] // only month-first is a date
    public void Numeric_dates_are_read_day_first_unless_impossible(string text, string extent, string value) =>
        Single(text, extent, "DATE", value);

    [Theory]
    [InlineData("More than 2000 people marched.")]
    [InlineData("Some 1500 troops were sent.")]
    public void A_count_before_a_four_digit_number_makes_it_no_year(string text) => Assert.Empty(Tag(text));

    [Fact]
    public void An_offset_compared_with_than_is_a_duration_not_a_date() =>
        Assert.DoesNotContain(Tag("The crew finished a day earlier than planned."), t => t.Type == "DATE");

    [Fact]
    public void A_range_gives_two_timexes() =>
        Assert.Equal([("1990", "DATE", "1990", null), ("1995", "DATE", "1995", null)], Tag("The plant ran from 1990 to 1995."));

    [Theory]
    [InlineData("A 44-year-old man was held.")]
    [InlineData("The man, 37 years old, was held.")]
    [InlineData("Officials said they would act as soon as possible.")]
    [InlineData("The president may visit, aides said.")]
    public void Non_timexes_are_left_alone(string text) => Assert.DoesNotContain(Tag(text), t => t.Type is "DATE" or "DURATION" || t.Value.StartsWith("1998-03-03", StringComparison.Ordinal));

    [Fact]
    public void Without_a_creation_date_relative_values_are_unspecified()
    {
        var tags = Tag("The board met on Monday.", null);
        // With no DCT the tagger still finds the expression.
        Assert.Single(TimexTagger.Tag("The board met on Monday.", null));
        Assert.Single(tags);
    }

    // ------------------------------------------------------------------ properties

    private static readonly string[] Phrases =
    [
        "Friday", "last week", "two years ago", "the third quarter", "third-quarter", "a year earlier", "daily", "every Monday",
        "5 p.m. Tuesday", "noon", "the 1990s", "mid-November", "early 1999", "the past two years", "now", "recently", "last fall",
        "the summer of 1996", "Feb. 30", "31 February 2001", "December 31, 9999", "January 1, 1600", "12:75 p.m.", "the 99th century",
        "fiscal 2099", "99 years ago", "9999 days ago", "the year-ago quarter", "the first half", "Monday, March 2", "tonight",
    ];

    private static readonly string[] Frames = ["The firm said {0} that sales rose.", "{0}", "Talks will resume {0}.", "({0})", "{0}, {0} and {0}"];

    public static Arbitrary<(string Text, DateOnly? Dct)> Cases() =>
        (from phrase in Gen.Elements(Phrases)
         from frame in Gen.Elements(Frames)
         from days in Gen.Choose(-1, 3_000_000)
         select (string.Format(System.Globalization.CultureInfo.InvariantCulture, frame, phrase), days < 0 ? (DateOnly?)null : DateOnly.MinValue.AddDays(days))).ToArbitrary();

    [Property(Arbitrary = [typeof(TimexTaggerTests)], MaxTest = 300)]
    public bool Tagging_phrases_at_any_creation_day_never_throws_and_spans_stay_in_bounds((string Text, DateOnly? Dct) c) =>
        Valid(c.Text, TimexTagger.Tag(c.Text, c.Dct));

    [Property(MaxTest = 300)]
    public bool Tagging_random_text_never_throws(string? text, int days)
    {
        text ??= "";
        var dct = DateOnly.MinValue.AddDays(Math.Abs(days % 3_000_000));
        return Valid(text, TimexTagger.Tag(text, dct));
    }

    private static bool Valid(string text, IReadOnlyList<Timex3> tags)
    {
        for (int i = 0; i < tags.Count; i++)
        {
            var t = tags[i];
            if (t.Span.Start < 0 || t.Span.Length <= 0 || t.Span.End > text.Length || t.Value.Length == 0) return false;
            if (i > 0 && tags[i - 1].Span.End > t.Span.Start) return false;
        }
        return true;
    }
}

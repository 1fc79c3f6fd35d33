using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Core.Tests.Analysis.Dates;

/// <summary>The TIMEX3 families of round 4 (issue 9): datelines, the past-clause reading of year-less months, named
/// holidays, spelled-out years, the reporting year of financial news, "year-end" and "that year". Fictional sentences;
/// the creation day is Wednesday 4 March 1998 unless a test says otherwise.</summary>
public class TimexCalendarRulesTests
{
    private static readonly DateOnly Dct = new(1998, 3, 4);

    private static (string Extent, string Type, string Value)[] Tag(string text, DateOnly? dct = null) =>
        [.. TimexTagger.Tag(text, dct ?? Dct).Select(t => (t.Span.Slice(text).ToString(), t.Type, t.Value))];

    [Fact]
    public void A_dateline_day_is_a_timex_for_the_tagger_but_not_a_candidate_of_the_pipeline()
    {
        const string text = "OSLO, March 3 (Nordpress) -- The ferry talks went on.";
        Assert.Contains(("March 3", "DATE", "1998-03-03"), Tag(text));
        var pipeline = TimexTagger.Find(text, [new TextSpan(0, text.Length)], datesOnly: true);
        Assert.DoesNotContain(pipeline, c => text[c.Start..c.End] == "March 3");
    }

    [Theory]
    // An irregular past verb after a verbless clause.
    [InlineData("In January, the ferry line brought in a new chief.", "January", "1998-01")]
    // An infinitive after the past main verb leaves the clause in the past.
    [InlineData("In March, the ferry line received an offer to take it private.", "March", "1998-03")]
    // "to" before a determiner is a preposition, not an infinitive.
    [InlineData("Its shares rose to a high in June from $9 in March.", "March", "1998-03")]
    // A period that "ended" on a day lies before the report.
    [InlineData("The ferry line lost money in the period ended March 31.", "March 31", "1998-03-31")]
    public void A_past_clause_puts_a_yearless_month_before_the_creation_date(string text, string extent, string value) =>
        Assert.Contains((extent, "DATE", value), Tag(text, new DateOnly(1998, 10, 27)));

    [Fact]
    public void A_subordinate_clause_in_the_past_is_read_apart_from_a_future_main_clause() =>
        Assert.Contains(("late November", "DATE", "1998-11"),
            Tag("Officials will begin the transfer from the cousins who have cared for him since he was rescued in late November.", new DateOnly(1999, 4, 5)));

    [Theory]
    [InlineData("Thanksgiving Day", 1999, "1999-11-25")]
    [InlineData("Election Day", 1998, "1998-11-03")]
    [InlineData("Memorial Day", 1998, "1998-05-25")]
    [InlineData("Labor Day", 1997, "1997-09-01")]
    [InlineData("Christmas Eve", 1998, "1998-12-24")]
    [InlineData("New Year's Day", 1998, "1998-01-01")]
    public void Holidays_fall_on_their_calendar_day(string name, int year, string day) =>
        Assert.Equal(day, TimexFormat.Day(TimexRules.HolidayDate(name, year)));

    [Theory]
    [InlineData("The boat was found on Thanksgiving Day, the crew said.", "Thanksgiving Day", "1997-11-27")]
    [InlineData("The shop will close on Christmas Eve.", "Christmas Eve", "1998-12-24")]
    [InlineData("The orchard flooded last Thanksgiving.", "last Thanksgiving", "1997-11-27")]
    public void Named_holidays_are_dates(string text, string extent, string value) => Assert.Contains((extent, "DATE", value), Tag(text));

    [Theory]
    [InlineData("The mill opened in nineteen eighty-four.", "nineteen eighty-four", "1984")]
    [InlineData("January nineteen ninety-seven. The harbour was calm.", "January nineteen ninety-seven", "1997-01")]
    [InlineData("By the year two thousand the line will be done.", "the year two thousand", "2000")]
    [InlineData("The town was built in nineteen oh five.", "nineteen oh five", "1905")]
    public void Spelled_out_years_are_dates(string text, string extent, string value) => Assert.Contains((extent, "DATE", value), Tag(text));

    [Fact]
    public void Two_thousand_alone_is_a_count_not_a_year() =>
        Assert.DoesNotContain(Tag("The glass craft is two thousand years old."), t => t.Value == "2000");

    [Theory]
    [InlineData("The ferry line earned $3 million in the year ended June 30.", "the year", "DURATION", "P1Y")]
    [InlineData("Sales should rise in the current fiscal year.", "the current fiscal year", "DATE", "1998")]
    [InlineData("Costs will fall by the end of the year.", "the end of the year", "DATE", "1998")]
    [InlineData("For the year, volume was flat.", "the year", "DATE", "1998")]
    [InlineData("Sales were higher in the latest fiscal year.", "the latest fiscal year", "DATE", "1997")]
    [InlineData("Planting was delayed earlier in the year by rain.", "earlier in the year", "DATE", "1998")]
    public void The_reporting_year_after_a_preposition(string text, string extent, string type, string value) =>
        Assert.Contains((extent, type, value), Tag(text));

    [Fact]
    public void The_year_as_a_subject_is_left_alone() => Assert.Empty(Tag("The year was a hard one."));

    [Theory]
    [InlineData("The sale should close by year-end.", "year-end", "1998-12-31")]
    [InlineData("The index has risen 5% since year-end.", "year-end", "1997-12-31")]
    public void Year_end_after_a_preposition(string text, string extent, string value) => Assert.Contains((extent, "DATE", value), Tag(text));

    [Fact]
    public void A_year_end_bonus_is_no_timex() => Assert.Empty(Tag("The year-end bonus was cut."));

    [Fact]
    public void That_year_is_the_year_last_mentioned() =>
        Assert.Contains(("later that year", "DATE", "1995"), Tag("The firm moved in 1995 and grew later that year."));

    [Theory]
    [InlineData("It would be a second blow to the ferry line.")]
    [InlineData("A second group of farmers joined the protest.")]
    [InlineData("The quarter-to-quarter comparison was weak.")]
    [InlineData("The mill cut its quarterly dividend to five cents.")]
    public void Ordinals_comparisons_and_payment_schedules_are_no_timexes(string text) => Assert.Empty(Tag(text));

    [Fact]
    public void A_second_at_the_end_of_a_clause_is_still_a_duration() =>
        Assert.Contains(("a second", "DURATION", "PT1S"), Tag("The pilot paused for a second."));

    [Theory]
    [InlineData("Rationing has become part of his daily life.", "daily", "P1D")]
    [InlineData("The mayor spoke in her weekly radio address.", "weekly", "P1W")]
    public void A_frequency_adjective_after_a_determiner_is_a_set(string text, string extent, string value) =>
        Assert.Contains((extent, "SET", value), Tag(text));

    [Fact]
    public void A_year_earlier_adjective_is_the_reported_quarter_a_year_before() =>
        Assert.Contains(("year-earlier", "DATE", "1996-Q3"),
            Tag("The ferry line lost $2 million in the third quarter of 1997, compared with year-earlier profit of $1 million."));

    [Fact]
    public void The_near_term_is_the_future() =>
        Assert.Contains(("the near term", "DATE", "FUTURE_REF"), Tag("Growth will stay slow in the near term."));

    [Theory]
    [InlineData("The summit will be held on April 24 and 25.", "25", "1998-04-25")]
    [InlineData("The fair ran from Feb. 9 to 12.", "12", "1998-02-12")]
    public void The_second_day_of_a_pair_after_a_month_is_a_date(string text, string extent, string value) =>
        Assert.Contains((extent, "DATE", value), Tag(text));

    [Fact]
    public void A_number_after_a_date_and_a_conjunction_that_is_a_percentage_is_no_day() =>
        Assert.DoesNotContain(Tag("Prices fell on Feb. 9 and 12 percent on the week."), t => t.Extent == "12");

    [Theory]
    [InlineData("Shares closed lower on Friday, down 4% from the previous Friday.", "the previous Friday", "1998-02-20")]
    [InlineData("The ferry sank on Feb. 3 and was raised the following Monday.", "the following Monday", "1998-02-09")]
    public void The_previous_or_following_weekday_counts_from_the_narrative_day(string text, string extent, string value) =>
        Assert.Contains((extent, "DATE", value), Tag(text));

    [Theory]
    // "when" opens a clause of its own: the future "will" of the main clause does not reach "later Monday".
    [InlineData("The envoy said he will explain the risk when he meets the president later Monday.", "later Monday", TemporalDirection.Past)]
    // "since" before a date is a preposition: "scheduled" still governs "Thursday".
    [InlineData("The two sides are scheduled to hold their first session since Aug. 6 on Thursday.", "Thursday", TemporalDirection.Future)]
    public void Subordinators_break_a_clause_but_since_before_a_date_does_not(string sentence, string phrase, TemporalDirection expected) =>
        Assert.Equal(expected, TenseDetector.DirectionOf(sentence, sentence.IndexOf(phrase, StringComparison.Ordinal), phrase.Length));
}

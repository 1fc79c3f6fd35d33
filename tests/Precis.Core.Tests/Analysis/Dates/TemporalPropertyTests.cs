using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Precis.Analysis.Dates;
using Precis.Documents;

namespace Precis.Core.Tests.Analysis.Dates;

public class TemporalPropertyTests
{
    private static readonly string[] Phrases =
    [
        "on Monday", "late on Wednesday", "Sunday", "yesterday", "today", "tonight", "last week", "a week ago", "two days ago",
        "earlier this month", "last month", "this July", "in 2014", "since 2013", "over the past two years", "this year",
        "next week", "on November 9", "9 November", "Nov. 9", "November 9, 2017", "since Friday", "in the last few weeks",
        "on February 30", "31/02/2017", "later this month", "next Tuesday", "in March 2011",
    ];

    private static readonly string[] Frames =
    [
        "The crew left {0}, officials said.", "Ministers will meet {0}.", "{0}, the port closed.", "It was due to open {0} but did not.",
        "ahead of talks {0}", "{0}",
    ];

    public static Arbitrary<(string Sentence, DateOnly Published)> Cases() =>
        (from phrase in Gen.Elements(Phrases)
         from frame in Gen.Elements(Frames)
         from days in Gen.Choose(0, 20000)
         select (string.Format(System.Globalization.CultureInfo.InvariantCulture, frame, phrase), new DateOnly(1980, 1, 1).AddDays(days))).ToArbitrary();

    [Property(Arbitrary = [typeof(TemporalPropertyTests)], MaxTest = 300)]
    public bool Resolution_never_throws_and_ranges_contain_their_date((string Sentence, DateOnly Published) c)
    {
        var article = DatesTestArticles.Make(1, c.Sentence, c.Published);
        var all = DateAnalyzer.Analyze([article]).Expressions;
        return all.All(e => e.Span.Slice(article.Text) == e.Phrase
            && (e.Resolution is null ? e.Unresolved is not null : e.Resolution.Contains(e.Resolution.Date) && e.Resolution.Start <= e.Resolution.End));
    }

    [Property(MaxTest = 200)]
    public bool Arbitrary_text_never_throws(string? text, bool dated)
    {
        text ??= "";
        var article = DatesTestArticles.Make(1, text, dated ? new DateOnly(2017, 11, 13) : null);
        var all = DateAnalyzer.Analyze([article]).Expressions;
        var inferred = DateAnalyzer.InferPublicationDates([article], out _);
        return all.All(e => e.Span.Start >= 0 && e.Span.End <= text.Length) && inferred.Length == 1;
    }

    [Property(MaxTest = 200)]
    public bool Past_weekdays_fall_in_the_week_before_publication(int offset, DayOfWeek day)
    {
        var published = new DateOnly(2020, 1, 1).AddDays(Math.Abs(offset % 3000));
        var article = DatesTestArticles.Make(1, $"The ship docked on {day}.", published);
        var r = DateAnalyzer.Analyze([article]).Expressions.Single().Resolution!;
        return r.Date.DayOfWeek == day && r.Date <= published && r.Date > published.AddDays(-7);
    }
}

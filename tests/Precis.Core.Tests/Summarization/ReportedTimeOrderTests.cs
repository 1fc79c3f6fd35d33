using System.Collections.Immutable;
using Precis.Analysis.Dates;
using Precis.Documents;
using Precis.Summarization;

namespace Precis.Core.Tests.Summarization;

public class ReportedTimeOrderTests
{
    private static Sentence S(int article, int index, string text) => new(article, index, 0, new TextSpan(0, text.Length), text, []);

    private static Article A(int number, PublicationDate? published) =>
        new() { Number = number, Id = $"a{number}", Origin = $"a{number}.txt", Text = "x", Published = published };

    private static TemporalExpression On(int article, int sentence, DateOnly day) =>
        new(article, sentence, new TextSpan(0, 1), "x", default, default,
            new DateResolution(day, day, day, DatePrecision.Day, null, "test", "test"), null);

    [Fact]
    public void Sentences_read_in_the_order_of_the_time_they_report_not_publication()
    {
        // Article 1 is published later but reports the earlier event; article 2's sentence has no date of its own.
        var articles = ImmutableArray.Create(
            A(1, new PublicationDate(new DateOnly(2026, 3, 6), null, DatePrecision.Day, "test")),
            A(2, new PublicationDate(new DateOnly(2026, 3, 4), null, DatePrecision.Day, "test")));
        var later = S(2, 0, "The council met.");
        var earlier = S(1, 3, "The fire started on Monday.");
        var dates = new DateAnalysis([On(1, 3, new DateOnly(2026, 3, 2))]);

        var sorted = ReportedTimeOrder.Sort([later, earlier], articles, dates, keepLast: false);

        Assert.Equal([earlier.Text, later.Text], sorted.Select(x => x.Text));
    }

    [Fact]
    public void Undated_articles_and_inferred_bounds_come_after_dated_sentences()
    {
        var articles = ImmutableArray.Create(
            A(1, new PublicationDate(new DateOnly(2026, 3, 1), null, DatePrecision.Unknown, "inferred", Inferred: true, NotBefore: new DateOnly(2026, 3, 1))),
            A(2, null),
            A(3, new PublicationDate(new DateOnly(2026, 3, 9), null, DatePrecision.Day, "test")));
        var inferred = S(1, 0, "One.");
        var undated = S(2, 0, "Two.");
        var dated = S(3, 0, "Three.");

        var sorted = ReportedTimeOrder.Sort([inferred, undated, dated], articles, DateAnalysis.Empty, keepLast: false);

        Assert.Equal([dated.Text, inferred.Text, undated.Text], sorted.Select(x => x.Text));
    }

    [Fact]
    public void A_fill_sentence_stays_last()
    {
        var articles = ImmutableArray.Create(
            A(1, new PublicationDate(new DateOnly(2026, 3, 9), null, DatePrecision.Day, "test")),
            A(2, new PublicationDate(new DateOnly(2026, 3, 1), null, DatePrecision.Day, "test")));
        var first = S(1, 0, "Later article.");
        var fill = S(2, 0, "Earlier article, crossing the budget.");

        var sorted = ReportedTimeOrder.Sort([first, fill], articles, DateAnalysis.Empty, keepLast: true);

        Assert.Equal([first.Text, fill.Text], sorted.Select(x => x.Text));
    }
}

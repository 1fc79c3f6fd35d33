using Precis.Documents;
using Precis.Timeline;

namespace Precis.Core.Tests.Timeline;

public sealed class DateSelectorTests
{
    private static DateCandidate C(int day, int published, int references) => new(new DateOnly(2024, 3, day), published, references, 0, references);

    [Fact]
    public void A_day_that_later_reports_refer_back_to_outranks_a_busier_day_nobody_recalls()
    {
        var candidates = new[] { C(1, 3, 12), C(2, 5, 0), C(3, 1, 1) };
        var chosen = DateSelector.Select(candidates, 1);
        Assert.Equal(new DateOnly(2024, 3, 1), Assert.Single(chosen).Candidate.Date);
    }

    [Fact]
    public void Selection_returns_at_most_l_dates_in_date_order()
    {
        var candidates = new[] { C(9, 1, 9), C(2, 1, 2), C(5, 1, 5), C(7, 0, 0) };
        var chosen = DateSelector.Select(candidates, 3);
        Assert.Equal([2, 5, 9], chosen.Select(c => c.Candidate.Date.Day));
    }

    [Fact]
    public void Ties_go_to_the_earlier_day()
    {
        var chosen = DateSelector.Select([C(4, 2, 2), C(3, 2, 2)], 1);
        Assert.Equal(3, Assert.Single(chosen).Candidate.Date.Day);
    }

    [Fact]
    public void Scores_lie_between_zero_and_one_and_ignore_scale()
    {
        var small = DateSelector.Score([C(1, 1, 2), C(2, 2, 1)]);
        Assert.All(small, s => Assert.InRange(s, 0, 1));
        Assert.Empty(DateSelector.Score([]));
        Assert.Equal([0.0], DateSelector.Score([C(1, 0, 0)]));
    }
}

public sealed class DatedTimelineSummarizerTests
{
    private static SourceDocument Doc(string id, string date, string text) =>
        SourceDocument.PlainText(id, text, new SourceMetadata(Id: id, Published: date));

    private static TimelineInput Corpus() => TimelineInput.Analyze(
    [
        Doc("a", "2024-03-04", "Flooding closed the Orrin bridge on Monday after the river rose four metres overnight.\n\nEngineers said the bridge deck was sound."),
        Doc("b", "2024-03-06", "The Orrin bridge, closed by flooding on Monday, stayed shut as engineers inspected its piers.\n\nThe council opened a relief centre at the town hall."),
        Doc("c", "2024-03-08", "Residents returned to the riverside streets on Friday, four days after the flooding closed the Orrin bridge on Monday.\n\nThe council said the relief centre would close."),
        Doc("d", "2024-03-09", "The Orrin bridge reopened to traffic on Saturday morning, five days after the flood closed it."),
    ]);

    [Fact]
    public void The_day_others_refer_back_to_is_chosen_and_its_sentences_are_verbatim_and_cited()
    {
        var input = Corpus();
        var timeline = DatedTimelineSummarizer.Summarize(input.Articles, input.Dates, new DatedTimelineOptions(Dates: 1, SentencesPerDate: 2));
        var entry = Assert.Single(timeline.Entries);
        Assert.Equal(new DateOnly(2024, 3, 4), entry.Date);
        Assert.True(entry.Evidence.References >= 2);
        Assert.NotEmpty(entry.Evidence.Phrases);
        Assert.InRange(entry.Sentences.Length, 1, 2);
        foreach (var s in entry.Sentences)
        {
            var article = input.Articles.Single(a => a.Number == s.Article);
            Assert.Equal(s.Text, s.Span.Slice(article.Text));
        }
    }

    [Fact]
    public void At_most_l_dates_with_at_most_k_sentences_in_date_order_and_never_after_the_latest_article()
    {
        var input = Corpus();
        var timeline = DatedTimelineSummarizer.Summarize(input.Articles, input.Dates, new DatedTimelineOptions(Dates: 3, SentencesPerDate: 1));
        Assert.InRange(timeline.Entries.Length, 1, 3);
        Assert.All(timeline.Entries, e => Assert.InRange(e.Sentences.Length, 0, 1));
        Assert.Equal(timeline.Entries.Select(e => e.Date).Order(), timeline.Entries.Select(e => e.Date));
        Assert.All(timeline.Entries, e => Assert.True(e.Date <= new DateOnly(2024, 3, 9)));
    }

    [Fact]
    public void Range_and_keywords_restrict_dates_and_sentences()
    {
        var input = Corpus();
        var timeline = DatedTimelineSummarizer.Summarize(input.Articles, input.Dates,
            new DatedTimelineOptions(Dates: 5, SentencesPerDate: 3, First: new DateOnly(2024, 3, 6), Last: new DateOnly(2024, 3, 8), Keywords: ["relief"]));
        Assert.All(timeline.Entries, e => Assert.InRange(e.Date, new DateOnly(2024, 3, 6), new DateOnly(2024, 3, 8)));
        var withRelief = timeline.Entries.SelectMany(e => e.Sentences).Where(s => s.Text.Contains("relief", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(withRelief);
    }

    [Fact]
    public void The_same_input_gives_the_same_timeline()
    {
        var a = Corpus();
        var b = Corpus();
        var options = new DatedTimelineOptions(Dates: 4, SentencesPerDate: 2);
        var ta = DatedTimelineSummarizer.Summarize(a.Articles, a.Dates, options);
        var tb = DatedTimelineSummarizer.Summarize(b.Articles, b.Dates, options);
        Assert.Equal(ta.Entries.Select(e => (e.Date, string.Join('|', e.Sentences.Select(s => s.Text)))), tb.Entries.Select(e => (e.Date, string.Join('|', e.Sentences.Select(s => s.Text)))));
    }

    [Fact]
    public void The_lead_of_an_article_published_the_next_day_can_speak_for_the_day_before_and_is_marked_so()
    {
        var input = TimelineInput.Analyze(
        [
            Doc("a", "2024-03-04", "Flooding closed the Orrin bridge on Monday after the river rose four metres overnight."),
            Doc("b", "2024-03-06", "The Orrin bridge, closed by flooding on Monday, stayed shut as engineers inspected its piers."),
            Doc("c", "2024-03-05", "Crews worked through the night to clear debris from the flooded Orrin bridge approaches."),
        ]);
        var timeline = DatedTimelineSummarizer.Summarize(input.Articles, input.Dates, new DatedTimelineOptions(Dates: 1, SentencesPerDate: 10));
        var entry = Assert.Single(timeline.Entries);
        Assert.Equal(new DateOnly(2024, 3, 4), entry.Date);
        int c = input.Articles.Single(x => x.Text.StartsWith("Crews", StringComparison.Ordinal)).Number;
        var next = Assert.Single(entry.Sentences, s => s.Article == c);
        Assert.True(next.NextDay);
        Assert.Null(next.DatedBy);
        Assert.All(entry.Sentences.Where(s => s.Article != c), s => Assert.False(s.NextDay));
    }

    [Fact]
    public void No_articles_give_an_empty_timeline()
    {
        var timeline = DatedTimelineSummarizer.Summarize([], global::Precis.Analysis.Dates.DateAnalysis.Empty, new DatedTimelineOptions());
        Assert.Empty(timeline.Entries);
    }
}

public sealed class DateSelectorTieTests
{
    [Fact]
    public void Among_days_nobody_refers_to_the_busier_publication_day_wins()
    {
        var quiet = new DateCandidate(new DateOnly(2024, 3, 1), 1, 0, 0, 0);
        var busy = new DateCandidate(new DateOnly(2024, 3, 2), 6, 0, 0, 0);
        Assert.Equal(busy, Assert.Single(DateSelector.Select([quiet, busy], 1)).Candidate);
    }
}

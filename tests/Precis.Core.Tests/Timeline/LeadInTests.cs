using Precis.Documents;
using Precis.Timeline;

namespace Precis.Core.Tests.Timeline;

public sealed class LeadInTests
{
    [Theory]
    [InlineData("HARBOURTON | Tue Mar 5, 2024 7:30 pm EST HARBOURTON (Reuters) - Flood water closed the Orrin bridge.", "Flood water closed the Orrin bridge.", false)]
    [InlineData("Bridge shut by floods HARBOURTON (AP) -- Flood water closed the Orrin bridge.", "Flood water closed the Orrin bridge.", false)]
    [InlineData("NORTH HARBOURTON -- Flood water closed the Orrin bridge.", "Flood water closed the Orrin bridge.", false)]
    [InlineData("Tuesday, March 5, 2024; 4:49 PM Flood water closed the Orrin bridge.", "Flood water closed the Orrin bridge.", false)]
    [InlineData("Orrin bridge shut as river rises Council says repairs will take weeks Tuesday 5 March 2024 18.15 GMT Flood water closed the Orrin bridge.", "Flood water closed the Orrin bridge.", false)]
    [InlineData("March 5: The council closes the Orrin bridge.", "The council closes the Orrin bridge.", true)]
    [InlineData("Mar. 5 - The council closes the Orrin bridge.", "The council closes the Orrin bridge.", true)]
    [InlineData("5 March 2024 \u2014 The council closes the Orrin bridge.", "The council closes the Orrin bridge.", true)]
    public void A_dateline_time_stamp_or_entry_date_is_cut_off(string sentence, string report, bool entry)
    {
        var (start, isEntry) = LeadIn.Find(sentence);
        Assert.Equal(report, sentence[start..]);
        Assert.Equal(entry, isEntry);
    }

    [Theory]
    [InlineData("Flood water closed the Orrin bridge on March 5.")]
    [InlineData("May the council reopen the bridge soon, residents asked.")]
    [InlineData("The council (Harbourton) - a small body - met on Monday.")]
    [InlineData("")]
    public void A_sentence_that_opens_with_its_report_is_left_whole(string sentence) =>
        Assert.Equal((0, false), LeadIn.Find(sentence));

    [Fact]
    public void The_timeline_shows_the_report_as_a_verbatim_slice_of_the_article()
    {
        var input = TimelineInput.Analyze(
        [
            SourceDocument.PlainText("a", "Bridge shut HARBOURTON (AP) -- Flooding closed the Orrin bridge on Monday after the river rose four metres overnight.",
                new SourceMetadata(Id: "a", Published: "2024-03-05")),
            SourceDocument.PlainText("b", "The Orrin bridge, closed by flooding on Monday, stayed shut as engineers inspected its piers.",
                new SourceMetadata(Id: "b", Published: "2024-03-07")),
        ]);
        var timeline = DatedTimelineSummarizer.Summarize(input.Articles, input.Dates, new DatedTimelineOptions(Dates: 1, SentencesPerDate: 2));
        var entry = Assert.Single(timeline.Entries);
        Assert.NotEmpty(entry.Sentences);
        foreach (var s in entry.Sentences)
        {
            var article = input.Articles.Single(a => a.Number == s.Article);
            Assert.Equal(article.Text.Substring(s.Span.Start, s.Span.Length), s.Text);
            Assert.DoesNotContain("(AP)", s.Text, StringComparison.Ordinal);
        }
    }
}

public sealed class DatedTimelineTuningTests
{
    [Fact]
    public void Many_articles_referring_to_a_day_outweigh_one_article_repeating_another()
    {
        var repeated = new DateCandidate(new DateOnly(2024, 3, 1), 0, References: 9, SameDayReferences: 0, ReferringArticles: 1);
        var recalled = new DateCandidate(new DateOnly(2024, 3, 2), 0, References: 3, SameDayReferences: 0, ReferringArticles: 3);
        Assert.Equal(recalled, Assert.Single(DateSelector.Select([repeated, recalled], 1)).Candidate);
        var bySentences = DatedTimelineTuning.Default with { CountArticles = false };
        Assert.Equal(repeated, Assert.Single(DateSelector.Select([repeated, recalled], 1, bySentences)).Candidate);
    }

    [Fact]
    public void The_relative_score_cut_only_ever_drops_sentences()
    {
        var input = TimelineInput.Analyze(
        [
            SourceDocument.PlainText("a", "Flooding closed the Orrin bridge on Monday after the river rose four metres overnight.\n\nEngineers said the bridge deck was sound.\n\nA bakery on the high street sold out of bread by noon.",
                new SourceMetadata(Id: "a", Published: "2024-03-04")),
            SourceDocument.PlainText("b", "The Orrin bridge, closed by flooding on Monday, stayed shut as engineers inspected its piers.",
                new SourceMetadata(Id: "b", Published: "2024-03-06")),
        ]);
        var cut = DatedTimelineSummarizer.Summarize(input.Articles, input.Dates, new DatedTimelineOptions(Dates: 2, SentencesPerDate: 3));
        var all = DatedTimelineSummarizer.Summarize(input.Articles, input.Dates,
            new DatedTimelineOptions(Dates: 2, SentencesPerDate: 3, Tuning: DatedTimelineTuning.Default with { MinRelativeScore = 0 }));
        Assert.Equal(all.Entries.Select(e => e.Date), cut.Entries.Select(e => e.Date));
        for (int i = 0; i < all.Entries.Length; i++)
        {
            var kept = cut.Entries[i].Sentences.Select(s => (s.Article, s.Sentence)).ToList();
            Assert.Equal(all.Entries[i].Sentences.Length > 0, kept.Count > 0);
            Assert.Subset(all.Entries[i].Sentences.Select(s => (s.Article, s.Sentence)).ToHashSet(), kept.ToHashSet());
        }
    }
}

using System.Collections.Immutable;
using Precis.Analysis.Dates;
using Precis.Core.Tests.Analysis.Dates;
using Precis.Documents;
using Precis.Timeline;

namespace Precis.Core.Tests.Timeline;

public class TimelineBuilderTests
{
    private static readonly DateOnly Fri = new(2025, 6, 6);

    private static EventTimeline Build(ImmutableArray<SyndicationGroup>? groups, params Article[] articles)
    {
        var arr = articles.ToImmutableArray();
        var g = groups ?? [.. arr.Select((a, i) => new SyndicationGroup(i + 1, [a.Number], 1.0))];
        return TimelineBuilder.Build(arr, g, DateAnalyzer.Analyze(arr));
    }

    [Fact]
    public void Dated_event_sentences_become_entries_in_chronological_order()
    {
        var t = Build(null, DatesTestArticles.Make(1,
            "The ferry sank on Thursday, the coastguard said.\n\nDivers found the wreck on Tuesday.\n\nThe harbour is pretty in spring.", Fri));
        Assert.Equal(2, t.Entries.Length);
        Assert.Equal(new DateOnly(2025, 6, 3), t.Entries[0].When.Date);
        Assert.StartsWith("Divers", t.Entries[0].Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2025, 6, 5), t.Entries[1].When.Date);
    }

    [Fact]
    public void Sentences_without_an_event_word_are_not_events()
    {
        var t = Build(null, DatesTestArticles.Make(1, "The weather on Thursday was mild and grey.", Fri));
        Assert.Empty(t.Entries);
    }

    [Fact]
    public void Near_identical_reports_on_one_date_merge_and_count_groups_once()
    {
        var groups = ImmutableArray.Create(new SyndicationGroup(1, [1, 2], 0.9), new SyndicationGroup(2, [3], 1));
        var t = Build(groups,
            DatesTestArticles.Make(1, "The ferry sank off the northern cape on Thursday, the coastguard said.", Fri),
            DatesTestArticles.Make(2, "The ferry sank off the northern cape on Thursday, the coastguard said.", Fri),
            DatesTestArticles.Make(3, "A ferry sank off the northern cape on Thursday, coastguard officials said.", Fri.AddDays(1)));
        var e = Assert.Single(t.Entries);
        Assert.Equal(new[] { 1, 2, 3 }, e.Sources.ToArray());
        Assert.Equal(2, e.IndependentSources);
    }

    [Fact]
    public void A_claim_and_its_reversal_stay_separate_steps()
    {
        var t = Build(null,
            DatesTestArticles.Make(1, "Northern troops captured Eastharbour on Monday, the army said.", new DateOnly(2025, 6, 2)),
            DatesTestArticles.Make(2, "Rebels recaptured Eastharbour on Thursday after an ambush, residents said.", new DateOnly(2025, 6, 5)),
            DatesTestArticles.Make(3, "Northern troops captured Eastharbour again on Wednesday, the army said.", new DateOnly(2025, 6, 12)));
        Assert.Equal(3, t.Entries.Length);
        Assert.Equal(new[] { 1, 2, 3 }, t.Entries.Select(e => e.Sources.Single()).ToArray());
    }

    [Fact]
    public void Two_dated_parts_of_a_sentence_give_two_entries()
    {
        var t = Build(null, DatesTestArticles.Make(1,
            "The army announced the capture of the town earlier this month but lost it to a counter-attack two days ago.", Fri));
        Assert.Equal(2, t.Entries.Length);
        Assert.Equal(DatePrecision.Month, t.Entries[0].When.Precision);
        Assert.Equal(new DateOnly(2025, 6, 4), t.Entries[1].When.Date);
    }

    [Fact]
    public void The_main_clause_date_wins_over_a_relative_clause()
    {
        var t = Build(null, DatesTestArticles.Make(1,
            "A guard who was injured on Monday night died in hospital on Wednesday morning.", Fri));
        Assert.Equal(new DateOnly(2025, 6, 4), Assert.Single(t.Entries).When.Date);
    }

    [Fact]
    public void Every_timeline_text_is_verbatim_from_its_article()
    {
        var articles = new[]
        {
            DatesTestArticles.Make(1, "The ferry sank on Thursday, the coastguard said.\n\nDivers found the wreck yesterday.", Fri),
            DatesTestArticles.Make(2, "Talks will resume next week, the minister said.\n\nThe port reopened on Monday.", Fri),
        };
        var t = Build(null, articles);
        Assert.NotEmpty(t.Entries);
        foreach (var r in t.Entries.SelectMany(e => e.Reports))
        {
            var text = articles[r.Article - 1].Text;
            Assert.Equal(r.Text, r.Span.Slice(text));
            Assert.Equal(r.Phrase, r.PhraseSpan.Slice(text));
        }
    }

    [Fact]
    public void Example_corpus_timeline_and_facts_are_verbatim()
    {
        var c = ExampleCorpus.Get();
        foreach (var r in c.Timeline.Entries.SelectMany(e => e.Reports))
        {
            Assert.Equal(r.Text, r.Span.Slice(c.Articles[r.Article - 1].Text));
        }
        foreach (var e in c.Facts.Facts.SelectMany(f => f.Evidence))
        {
            Assert.Equal(e.Text, e.Span.Slice(c.Articles[e.Article - 1].Text));
            Assert.Equal(e.Phrase, e.PhraseSpan.Slice(c.Articles[e.Article - 1].Text));
        }
    }
}

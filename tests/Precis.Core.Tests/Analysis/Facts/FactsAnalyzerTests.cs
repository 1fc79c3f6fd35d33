using System.Collections.Immutable;
using Precis.Analysis.Dates;
using Precis.Analysis.Facts;
using Precis.Core.Tests.Analysis.Dates;
using Precis.Documents;

namespace Precis.Core.Tests.Analysis.Facts;

public class FactsAnalyzerTests
{
    private static readonly DateOnly Mon = new(2025, 6, 2);

    private static FactsReport Analyze(ImmutableArray<SyndicationGroup>? groups, params Article[] articles)
    {
        var arr = articles.ToImmutableArray();
        var g = groups ?? [.. arr.Select((a, i) => new SyndicationGroup(i + 1, [a.Number], 1.0))];
        return FactsAnalyzer.Analyze(arr, g, DateAnalyzer.Analyze(arr));
    }

    [Fact]
    public void Compatible_counts_from_two_outlets_are_one_fact_with_two_sources()
    {
        var report = Analyze(null,
            DatesTestArticles.Make(1, "At least 50 dockers were injured in the blast.", Mon),
            DatesTestArticles.Make(2, "The blast injured 53 dockers, the union said.", Mon.AddDays(1)));
        var fact = Assert.Single(report.Facts, f => f.Topic == "dockers injured");
        Assert.Equal(new[] { 1, 2 }, fact.Sources.ToArray());
        Assert.Equal(2, fact.IndependentSources);
        Assert.Empty(report.Conflicts);
    }

    [Fact]
    public void A_syndication_group_counts_once()
    {
        var groups = ImmutableArray.Create(new SyndicationGroup(1, [1, 2], 0.9));
        var report = Analyze(groups,
            DatesTestArticles.Make(1, "Twelve sailors were injured in the blast.", Mon),
            DatesTestArticles.Make(2, "Twelve sailors were injured in the blast at sea.", Mon));
        var fact = Assert.Single(report.Facts, f => f.Topic == "sailors injured");
        Assert.Equal(2, fact.Sources.Length);
        Assert.Equal(1, fact.IndependentSources);
    }

    [Fact]
    public void A_later_higher_toll_is_an_update_in_publication_order()
    {
        var report = Analyze(null,
            DatesTestArticles.Make(1, "Three people died in the blast at the dock.", Mon),
            DatesTestArticles.Make(2, "Five people have now died after the blast, officials said.", Mon.AddDays(2)));
        var c = Assert.Single(report.Conflicts);
        Assert.Equal(ConflictKind.Update, c.Kind);
        Assert.Equal(new[] { "3", "5" }, c.Sides.Select(s => s.Value).ToArray());
    }

    [Fact]
    public void Different_counts_published_together_are_a_conflict()
    {
        var report = Analyze(null,
            DatesTestArticles.Make(1, "Three people died in the blast at the dock.", Mon),
            DatesTestArticles.Make(2, "Seven people died in the blast at the dock.", Mon));
        var c = Assert.Single(report.Conflicts);
        Assert.Equal(ConflictKind.Conflict, c.Kind);
    }

    [Fact]
    public void Counts_about_differently_named_places_do_not_conflict()
    {
        var report = Analyze(null,
            DatesTestArticles.Make(1, "Shelling on Northport killed eight civilians.", Mon),
            DatesTestArticles.Make(2, "Air strikes on Southbay killed at least 50 civilians.", Mon));
        Assert.Empty(report.Conflicts);
    }

    [Fact]
    public void Control_of_a_place_taken_lost_and_retaken_is_three_ordered_steps()
    {
        var report = Analyze(null,
            DatesTestArticles.Make(1, "Northern troops captured Eastharbour on Monday, the army said.", Mon),
            DatesTestArticles.Make(2, "Rebel fighters regained control of Eastharbour on Thursday after an ambush.", Mon.AddDays(3)),
            DatesTestArticles.Make(3, "Northern troops retook Eastharbour on Wednesday, officials said.", Mon.AddDays(9)));
        var c = Assert.Single(report.Conflicts, x => x.Topic == "control of Eastharbour");
        Assert.Equal(3, c.Sides.Length);
        Assert.Equal(new[] { 1, 2, 3 }, c.Sides.Select(s => s.Sources.Single()).ToArray());
        Assert.Equal(ConflictKind.Update, c.Kind);
    }

    [Fact]
    public void Under_control_then_flared_up_is_an_update()
    {
        var report = Analyze(null,
            DatesTestArticles.Make(1, "Crews brought the blaze under control on Monday.", Mon),
            DatesTestArticles.Make(2, "The fire flared up again on Tuesday afternoon.", Mon.AddDays(1)));
        var c = Assert.Single(report.Conflicts);
        Assert.Equal("fire status", c.Topic);
        Assert.Equal(ConflictKind.Update, c.Kind);
    }

    [Fact]
    public void Negated_containment_takes_the_opposite_side()
    {
        var report = Analyze(null,
            DatesTestArticles.Make(1, "The chief said the fire had never been fully out.", Mon));
        Assert.Contains(report.Facts, f => f.Topic == "fire status" && f.Value.Contains("flared", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sentence_describing_a_contradiction_takes_no_side()
    {
        var report = Analyze(null,
            DatesTestArticles.Make(1, "The finding contradicts earlier reports, which had pointed to an electrical fault in the fire.", Mon));
        Assert.DoesNotContain(report.Facts, f => f.Topic.StartsWith("cause", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_fact_text_is_verbatim_from_its_article()
    {
        var articles = new[]
        {
            DatesTestArticles.Make(1, "At least 50 dockers were injured in the blast.\n\nCrews brought the blaze under control on Monday.", Mon),
            DatesTestArticles.Make(2, "The blast injured 70 dockers.\n\nThe fire flared up again on Tuesday.", Mon.AddDays(1)),
        };
        var report = Analyze(null, articles);
        Assert.NotEmpty(report.Facts);
        foreach (var e in report.Facts.SelectMany(f => f.Evidence).Concat(report.Conflicts.SelectMany(c => c.Sides).SelectMany(f => f.Evidence)))
        {
            var text = articles[e.Article - 1].Text;
            Assert.Equal(e.Text, e.Span.Slice(text));
            Assert.Equal(e.Phrase, e.PhraseSpan.Slice(text));
        }
    }
}

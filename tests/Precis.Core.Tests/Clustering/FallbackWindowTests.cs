using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

/// <summary>The fallback window (ClusteringOptions.FallbackWindowDays, issue 14): an article that would open an event
/// looks again in a wider window and joins an older event of its story there; off by default. Texts are fictional.</summary>
public sealed class FallbackWindowTests
{
    private static readonly string[] Reservoir =
    [
        "Engineers began draining the cracked Hollin reservoir dam on Monday after inspectors found a crack in its spillway wall. Villages below the Hollin dam were told to prepare for evacuation while pumps lowered the reservoir.",
        "Pumps lowered the Hollin reservoir by two metres overnight as engineers worked to relieve pressure on the cracked dam spillway. Inspectors said the crack in the Hollin dam wall had not grown, and villages below stayed on alert.",
        "Repairs to the cracked spillway wall of the Hollin reservoir dam were finished, engineers said, and inspectors allowed the reservoir to refill. Villages below the Hollin dam that had prepared for evacuation were told the danger had passed.",
    ];

    private const string Chess = "A twelve-year-old from Pellow won the national junior chess championship on Sunday, beating the defending champion in a final game that lasted five hours. Her coach said she had trained at the Pellow library chess club since she was six.";

    private static readonly DateOnly Day = new(2026, 5, 4);

    private static List<ClusterDecision> Run(ClusteringOptions options, string late)
    {
        var clusterer = new OnlineEventClusterer(options);
        return
        [
            clusterer.Add(ClusterTerms.FromText("a", null, Reservoir[0], Day)),
            clusterer.Add(ClusterTerms.FromText("b", null, Reservoir[1], Day.AddDays(1))),
            clusterer.Add(ClusterTerms.FromText("c", null, late, Day.AddDays(60))),
        ];
    }

    [Fact]
    public void Off_by_default_a_late_article_of_the_story_opens_an_event()
    {
        Assert.Equal(0, new ClusteringOptions().FallbackWindowDays);
        var d = Run(new ClusteringOptions(), Reservoir[2]);
        Assert.False(d[1].IsNewEvent);
        Assert.True(d[2].IsNewEvent);
    }

    [Fact]
    public void With_a_fallback_window_a_late_article_joins_its_story()
    {
        var d = Run(new ClusteringOptions { FallbackWindowDays = 84, FallbackCut = 0.3 }, Reservoir[2]);
        Assert.False(d[2].IsNewEvent);
        Assert.Equal(d[0].EventId, d[2].EventId);
        Assert.True(d[2].Probability >= 0.3);
    }

    [Fact]
    public void The_fallback_leaves_other_stories_and_articles_beyond_it_apart()
    {
        var other = Run(new ClusteringOptions { FallbackWindowDays = 84, FallbackCut = 0.3 }, Chess);
        Assert.True(other[2].IsNewEvent);
        var narrow = Run(new ClusteringOptions { FallbackWindowDays = 42, FallbackCut = 0.3 }, Reservoir[2]);
        Assert.True(narrow[2].IsNewEvent);
        var high = Run(new ClusteringOptions { FallbackWindowDays = 84, FallbackCut = 1 }, Reservoir[2]);
        Assert.True(high[2].IsNewEvent);
    }
}

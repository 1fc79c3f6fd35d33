using Precis.Clustering;

namespace Precis.Server.Tests.Clustering;

public sealed class OnlineEventClustererTests
{
    private static ClusterInput Doc(string id, string text, DateOnly? date = null) => ClusterTerms.FromText(id, null, text, date);

    private static readonly string[] Bridge =
    [
        "A passenger ferry struck a pier of the Alder Bridge in Westhaven. Divers inspected the damaged bridge pier.",
        "The Alder Bridge in Westhaven stays closed after a ferry hit its pier. Divers and engineers inspected the pier.",
        "Engineers say the Alder Bridge pier struck by the ferry in Westhaven will be braced after divers inspected it.",
    ];

    private static readonly string[] Orchard =
    [
        "A hailstorm flattened apple orchards across Milbrook valley and destroyed the apple harvest.",
        "Milbrook growers counted apple harvest losses after hailstones stripped the orchards in the valley.",
    ];

    [Fact]
    public void Articles_of_one_story_share_an_event_and_other_stories_open_new_ones()
    {
        var clusterer = new OnlineEventClusterer();
        var decisions = Bridge.Concat(Orchard).Select((t, i) => clusterer.Add(Doc($"d{i}", t))).ToList();
        Assert.True(decisions[0].IsNewEvent);
        Assert.Single(decisions.Take(3).Select(d => clusterer.Resolve(d.EventId)).Distinct());
        Assert.Single(decisions.Skip(3).Select(d => clusterer.Resolve(d.EventId)).Distinct());
        Assert.NotEqual(clusterer.Resolve(decisions[0].EventId), clusterer.Resolve(decisions[3].EventId));
        Assert.Equal(2, clusterer.EventCount);
    }

    [Fact]
    public void Decisions_are_deterministic_for_one_order()
    {
        static List<long> Run() { var c = new OnlineEventClusterer(); return [.. Bridge.Concat(Orchard).Select((t, i) => c.Resolve(c.Add(Doc($"d{i}", t)).EventId))]; }
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Dated_articles_far_outside_the_window_open_a_new_event()
    {
        var clusterer = new OnlineEventClusterer(new ClusteringOptions { WindowDays = 7 });
        var first = clusterer.Add(Doc("a", Bridge[0], new DateOnly(2026, 4, 2)));
        var near = clusterer.Add(Doc("b", Bridge[1], new DateOnly(2026, 4, 4)));
        var far = clusterer.Add(Doc("c", Bridge[2], new DateOnly(2026, 9, 1)));
        Assert.Equal(first.EventId, near.EventId);
        Assert.True(far.IsNewEvent);
    }

    [Fact]
    public void Events_whose_centroids_become_close_are_merged_into_the_older_one()
    {
        // Cosine rule (no model): joining is impossible (threshold above 1), merging easy: every article opens an event and the second
        // article of a story merges its event into the first one's.
        var clusterer = new OnlineEventClusterer(new ClusteringOptions { Model = null, JoinThreshold = 1.01, MergeThreshold = 0.05 });
        var a = clusterer.Add(Doc("a", Bridge[0]));
        var b = clusterer.Add(Doc("b", Bridge[1]));
        Assert.True(b.IsNewEvent);
        var c = clusterer.Add(Doc("c", Bridge[2]));
        Assert.True(c.IsNewEvent);
        Assert.Equal(clusterer.Resolve(a.EventId), clusterer.Resolve(c.EventId));
        Assert.Equal(a.EventId, clusterer.Resolve(b.EventId));
    }

    [Fact]
    public void Restored_decisions_are_kept_and_new_events_get_fresh_ids()
    {
        var clusterer = new OnlineEventClusterer();
        clusterer.Restore(Doc("a", Bridge[0]), 7);
        var next = clusterer.Add(Doc("b", Bridge[1]));
        Assert.Equal(7, next.EventId);
        var other = clusterer.Add(Doc("c", Orchard[0]));
        Assert.Equal(8, other.EventId);
    }

    [Fact]
    public void Scores_of_a_perfect_partition_are_one_and_of_one_big_cluster_lower_precision()
    {
        string[] truth = ["x", "x", "y", "y", "z"];
        var perfect = ClusteringScores.Compute([1, 1, 2, 2, 3], truth);
        Assert.Equal(1, perfect.BCubedF1, 9);
        Assert.Equal(1, perfect.AdjustedRandIndex, 9);
        var lumped = ClusteringScores.Compute([1, 1, 1, 1, 1], truth);
        Assert.Equal(1, lumped.BCubedRecall, 9);
        Assert.Equal((2 * 0.4 + 2 * 0.4 + 0.2) / 5, lumped.BCubedPrecision, 9);
        Assert.Equal(0, lumped.AdjustedRandIndex, 9);
    }
}

using Precis.Clustering;

namespace Precis.Server.Tests.Clustering;

public sealed class OnlineEventClustererTests
{
    private static ClusterInput Doc(string id, string text, DateOnly? date = null) => ClusterTerms.FromText(id, null, text, date);

    // Short reports of three or four sentences (written for these tests). The learned join model was trained on news
    // articles and does not join one-line snippets of a dozen words (they fall outside what it saw); these are the
    // length of a brief wire report.
    private static readonly string[] Bridge =
    [
        "A passenger ferry struck a pier of the Alder Bridge in Westhaven on Thursday morning. The ferry captain said fog hid the bridge pier. Engineers closed the Alder Bridge to traffic while divers inspected the damaged pier. Eleven ferry passengers were treated for minor injuries.",
        "The Alder Bridge in Westhaven stays closed after a ferry collided with one of its piers in thick fog. Divers and engineers inspected the damaged bridge pier. Officials said eleven passengers of the ferry had minor injuries.",
        "Divers finished inspecting the Alder Bridge pier that a ferry struck in fog in Westhaven. Engineers said the bridge could reopen to traffic next week once the damaged pier is braced. The ferry operator apologised to injured passengers.",
    ];

    private static readonly string[] Orchard =
    [
        "A hailstorm flattened apple orchards across Milbrook valley, destroying most of the harvest. Growers said hailstones the size of walnuts stripped the apple trees. The growers association asked for storm relief funds.",
        "Apple growers in Milbrook valley counted their losses after the hailstorm stripped orchards. The growers association said most of the apple harvest was destroyed by hailstones and asked for relief funds.",
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
        // A fresh id above the restored ones (8, or 9 when "b" opened event 8 and the merge model folded it into 7).
        Assert.True(other.IsNewEvent);
        Assert.True(other.EventId > 7, $"event {other.EventId}");
        Assert.NotEqual(clusterer.Resolve(next.EventId), other.EventId);
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

using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

/// <summary>Event splitting (ClusteringOptions.SplitCut, issue 14, helper x18): an event that holds two stories is cut
/// in two, and one that holds one story is left whole. Texts are fictional.</summary>
public sealed class EventSplitTests
{
    private static readonly string[] Quarry =
    [
        "Rescue crews searched the flooded Granby quarry on Monday after heavy rain trapped two workers in a tunnel. The quarry owner said pumps were draining the tunnel.",
        "Pumps worked through the night at the Granby quarry, where two workers are trapped in a flooded tunnel, rescue crews said on Monday evening.",
        "Divers joined rescue crews at the flooded Granby quarry on Tuesday. The two trapped workers were heard knocking inside the tunnel, the quarry owner said.",
        "Both workers trapped in the flooded Granby quarry tunnel were brought out alive on Tuesday after pumps drained the water, rescue crews said.",
        "The two Granby quarry workers rescued from the flooded tunnel are recovering in hospital. The quarry owner thanked the rescue crews and divers.",
    ];

    private static readonly string[] Festival =
    [
        "A lantern festival drew crowds to the harbour of Selwick on Saturday night. Musicians played on boats while children floated paper lanterns.",
        "Organisers of the Selwick lantern festival counted record visitors at the harbour, where paper lanterns and musicians on boats filled the night.",
        "Selwick harbour was closed to boats on Sunday morning as volunteers collected paper lanterns left by the festival crowds, organisers said.",
        "The Selwick lantern festival will return next summer, organisers said, after record crowds watched musicians on boats in the harbour.",
    ];

    private static readonly ClusteringOptions Splitting = new() { SplitCut = 0.2, SplitEvery = 1, SplitMinMembers = 6 };

    /// <summary>Puts every text into one event through the training hook (no join decision, no merge).</summary>
    private static (OnlineEventClusterer Clusterer, long Event, List<(string Id, long Event)> Decisions) OneEvent(IEnumerable<(string Id, string Text)> texts)
    {
        var clusterer = new OnlineEventClusterer(Splitting);
        long first = 0;
        var decisions = new List<(string, long)>();
        var day = new DateOnly(2026, 3, 2);
        foreach (var (id, text) in texts)
        {
            long e = clusterer.AddChosen(ClusterTerms.FromText(id, null, text, day), _ => first);
            if (first == 0) first = e;
            decisions.Add((id, e));
        }
        return (clusterer, first, decisions);
    }

    [Fact]
    public void An_event_of_two_stories_is_split_by_story()
    {
        // Interleaved, as a chain of joins would leave them.
        var texts = new List<(string, string)>();
        for (int i = 0; i < Quarry.Length; i++)
        {
            texts.Add(($"q{i}", Quarry[i]));
            if (i < Festival.Length) texts.Add(($"f{i}", Festival[i]));
        }
        var (clusterer, e, decisions) = OneEvent(texts);
        Assert.Single(decisions.Select(d => d.Event).Distinct());

        Assert.True(clusterer.TrySplit(e));
        var after = decisions.ToDictionary(d => d.Id, d => clusterer.EventOf(d.Id, d.Event));
        var quarry = after.Where(x => x.Key[0] == 'q').Select(x => x.Value).Distinct().ToList();
        var festival = after.Where(x => x.Key[0] == 'f').Select(x => x.Value).Distinct().ToList();
        Assert.Single(quarry);
        Assert.Single(festival);
        Assert.NotEqual(quarry[0], festival[0]);
        Assert.Equal(e, quarry[0]); // the group of the oldest member keeps the event
        Assert.Equal(2, clusterer.EventCount);
    }

    [Fact]
    public void An_event_of_one_story_is_left_whole()
    {
        var (clusterer, e, decisions) = OneEvent(Quarry.Select((t, i) => ($"q{i}", t)).Concat(Quarry.Select((t, i) => ($"r{i}", t + " Officials gave no further details."))));
        Assert.False(clusterer.TrySplit(e));
        Assert.All(decisions, d => Assert.Equal(e, clusterer.EventOf(d.Id, d.Event)));
    }

    [Fact]
    public void Off_when_the_options_set_a_cut_of_zero()
    {
        var clusterer = new OnlineEventClusterer(Splitting with { SplitCut = 0 });
        Assert.Null(clusterer.Splitting);
    }
}

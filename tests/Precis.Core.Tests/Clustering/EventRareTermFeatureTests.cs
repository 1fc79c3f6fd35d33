using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

/// <summary>The event-side rare-term features of issue 14's eighth round (EventRareTermFeatures.cs): the event's rarest
/// shareable words looked up in the article, the other way round from rare_share. Texts are fictional and lower-cased.</summary>
public sealed class EventRareTermFeatureTests
{
    // A long report on a harbour dredging plan that happens to share many uncommon words with the long article below.
    private const string Dredging =
        "the harbour board approved a dredging plan for the marrowby channel, citing silt, shoals, buoys, moorings, "
        + "tugboats, breakwaters, pilings, bollards, gantries, slipways, winches, hawsers, capstans, trawlers, "
        + "pontoons, lighters and barges that crowd the quay every morning.";

    // A short report of the event the long article belongs to: few words, and its rarest ones name the story.
    private const string Lighthouse = "tobias quillane bought the brannock lighthouse at auction.";

    // The long article: the lighthouse story told at length, with a paragraph on the harbour's working life.
    private const string LongArticle =
        "tobias quillane, a retired pilot, has bought the brannock lighthouse and plans to open it to visitors. "
        + "from the lamp room one sees silt, shoals, buoys, moorings, tugboats, breakwaters, pilings, bollards, "
        + "gantries, slipways, winches, hawsers, capstans, trawlers, pontoons, lighters and barges below.";

    private static Dictionary<long, double[]> FeaturesOf(OnlineEventClusterer clusterer, string id, string text)
    {
        var seen = new Dictionary<long, double[]>();
        clusterer.AddChosen(ClusterTerms.FromText(id, null, text), candidates =>
        {
            foreach (var (e, features) in candidates) seen[e] = features;
            return 0;
        });
        return seen;
    }

    [Fact]
    public void A_short_event_whose_rare_words_a_long_article_holds_shows_it_from_the_event_side()
    {
        // Forty query terms, so that the long article's postings lookup reaches the short event at all (with twenty its
        // harbour words, numbered first, fill the query).
        var clusterer = new OnlineEventClusterer(new ClusteringOptions { Model = null, QueryTerms = 40 });
        // The dredging report comes first, so its words are numbered first and win the ties among equally rare terms.
        clusterer.Add(ClusterTerms.FromText("d1", null, Dredging));
        var lighthouse = clusterer.Add(ClusterTerms.FromText("l1", null, Lighthouse)).EventId;
        var seen = FeaturesOf(clusterer, "l2", LongArticle);
        var names = JoinFeatures.Names.ToList();
        int share = names.IndexOf("rare_share"), eventShare = names.IndexOf("event_rare_share"), eventExclusive = names.IndexOf("event_exclusive");
        Assert.True(seen.ContainsKey(lighthouse));
        var own = seen[lighthouse];
        Assert.InRange(own[eventShare], 0.5, 1.0);
        Assert.True(own[eventShare] > own[share], $"the article's own rarest words are the harbour list, so rare_share ({own[share]:0.00}) reads less than the event side ({own[eventShare]:0.00})");
        Assert.True(own[eventExclusive] > 0, "'quillane' and 'brannock' appear in these two texts only");
    }

    [Fact]
    public void An_article_that_holds_none_of_the_events_rare_words_has_no_event_side_evidence()
    {
        var clusterer = new OnlineEventClusterer(new ClusteringOptions { Model = null });
        clusterer.Add(ClusterTerms.FromText("d1", null, Dredging));
        clusterer.Add(ClusterTerms.FromText("d2", null, Dredging.Replace("marrowby", "kestlow", StringComparison.Ordinal)));
        var seen = FeaturesOf(clusterer, "x", "a late frost damaged apple blossom in the valley orchards, growers said, and the harbour was quiet.");
        var names = JoinFeatures.Names.ToList();
        int eventShare = names.IndexOf("event_rare_share"), eventExclusive = names.IndexOf("event_exclusive");
        Assert.All(seen.Values, f =>
        {
            Assert.Equal(0, f[eventExclusive]);
            Assert.True(f[eventShare] < 0.2, $"event_rare_share {f[eventShare]:0.00}");
        });
    }
}

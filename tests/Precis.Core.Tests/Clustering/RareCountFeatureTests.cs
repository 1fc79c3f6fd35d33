using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

/// <summary>rare_shared_count (issue 14, round 8, RareCountFeature.cs): every rare word (held by 2 to 4 documents) that
/// the article shares with the event counts, not only its 16 rarest. Texts are fictional and lower-cased.</summary>
public sealed class RareCountFeatureTests
{
    // An earlier report that shares twenty uncommon harbour words with the long article below.
    private const string Dredging =
        "the harbour board approved a dredging plan for the marrowby channel, citing silt, shoals, buoys, moorings, "
        + "tugboats, breakwaters, pilings, bollards, gantries, slipways, winches, hawsers, capstans, trawlers, "
        + "pontoons, lighters and barges that crowd the quay every morning.";

    // A short report of the event the long article belongs to.
    private const string Lighthouse = "tobias quillane bought the brannock lighthouse at auction, with its lamp room and keeper's cottage.";

    private const string LongArticle =
        "tobias quillane, a retired pilot, has bought the brannock lighthouse with its lamp room and keeper's cottage. "
        + "from the lamp room one sees silt, shoals, buoys, moorings, tugboats, breakwaters, pilings, bollards, "
        + "gantries, slipways, winches, hawsers, capstans, trawlers, pontoons, lighters and barges below.";

    [Fact]
    public void Rare_words_shared_with_the_event_count_even_when_they_are_not_the_articles_rarest()
    {
        // Forty query terms, so that the postings lookup reaches both events.
        var clusterer = new OnlineEventClusterer(new ClusteringOptions { Model = null, QueryTerms = 40 });
        // The dredging report comes first: its words are numbered first and win the ties among equally rare terms, so
        // the article's 16 rarest shareable terms are harbour words.
        var dredging = clusterer.Add(ClusterTerms.FromText("d1", null, Dredging)).EventId;
        var lighthouse = clusterer.Add(ClusterTerms.FromText("l1", null, Lighthouse)).EventId;
        var seen = new Dictionary<long, double[]>();
        clusterer.AddChosen(ClusterTerms.FromText("l2", null, LongArticle), candidates =>
        {
            foreach (var (e, features) in candidates) seen[e] = features;
            return 0;
        });
        var names = JoinFeatures.Names.ToList();
        int count = names.IndexOf("rare_shared_count"), exclusive = names.IndexOf("exclusive_shared");
        Assert.True(seen.ContainsKey(lighthouse) && seen.ContainsKey(dredging));
        // quillane, brannock, lighthouse, lamp, room, keeper's, cottage, ... : at least five shared words held by two documents.
        Assert.True(seen[lighthouse][count] >= Math.Log(1 + 5), $"rare_shared_count {seen[lighthouse][count]:0.00}");
        Assert.True(seen[lighthouse][count] > seen[lighthouse][exclusive], "the 16-term features miss most of them");
        Assert.True(seen[dredging][count] >= Math.Log(1 + 10), "the harbour words are shared with the dredging report too");
    }

    [Fact]
    public void Common_words_do_not_count()
    {
        var clusterer = new OnlineEventClusterer(new ClusteringOptions { Model = null });
        for (int i = 0; i < 5; i++) clusterer.Add(ClusterTerms.FromText($"c{i}", null, $"the council met on monday and the mayor spoke about the budget {i}."));
        var seen = new List<double[]>();
        clusterer.AddChosen(ClusterTerms.FromText("x", null, "the council met on monday and the mayor spoke about the budget again."), candidates =>
        {
            foreach (var (_, features) in candidates) seen.Add(features);
            return 0;
        });
        int count = JoinFeatures.Names.ToList().IndexOf("rare_shared_count");
        Assert.NotEmpty(seen);
        // Every word of the article is held by six documents: none is rare.
        Assert.All(seen, f => Assert.Equal(0, f[count]));
    }
}

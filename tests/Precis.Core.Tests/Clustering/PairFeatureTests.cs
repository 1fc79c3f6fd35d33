using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

/// <summary>The pair features added in issue 14's third round: name keys shared with the entity stage, the
/// idf-weighted share of query terms and the share of top-term bigrams. Texts are fictional.</summary>
public sealed class PairFeatureTests
{
    private const string Quarry =
        "Rescue crews searched the flooded Granby quarry on Monday after heavy rain trapped two workers in a tunnel. "
        + "The quarry owner said pumps were draining the tunnel. Granby quarry workers had warned of flooding for weeks.";

    private const string QuarryFollowUp =
        "Both workers trapped in the flooded Granby quarry were brought out alive on Tuesday. "
        + "Pumps drained the tunnel overnight, the quarry owner said, and crews reached the workers at dawn.";

    private const string Festival =
        "A lantern festival drew crowds to the harbour of Selwick on Saturday night. "
        + "Musicians played on boats while children floated paper lanterns across the water. Organisers counted record visitors.";

    [Fact]
    public void Transliterated_spellings_of_a_name_share_one_key()
    {
        var a = ClusterTerms.FromText("a", null, "Officials met Colonel Gaddafi in Tripoli on Monday to discuss the border.");
        var b = ClusterTerms.FromText("b", null, "Envoys said Colonel Qadhafi had rejected the border plan on Tuesday.");
        Assert.NotEmpty(a.Names.Intersect(b.Names));
    }

    [Fact]
    public void Shared_phrases_and_rare_terms_show_in_the_features_of_the_right_event()
    {
        var clusterer = new OnlineEventClusterer(new ClusteringOptions { Model = null });
        var quarry = clusterer.Add(ClusterTerms.FromText("q1", null, Quarry)).EventId;
        var festival = clusterer.Add(ClusterTerms.FromText("f1", null, Festival)).EventId;
        var seen = new Dictionary<long, double[]>();
        // Without a model the observer sees no pairs; read the features through the training hook instead.
        clusterer.AddChosen(ClusterTerms.FromText("q2", null, QuarryFollowUp), candidates =>
        {
            foreach (var (id, features) in candidates) seen[id] = features;
            return 0;
        });
        int idfVote = JoinFeatures.Names.ToList().IndexOf("idf_vote_share");
        int bigrams = JoinFeatures.Names.ToList().IndexOf("bigram_share");
        Assert.True(seen.ContainsKey(quarry));
        Assert.InRange(seen[quarry][idfVote], 0.2, 1.0);
        Assert.True(seen[quarry][bigrams] > 0, "the follow-up repeats 'granby quarry' and 'quarry owner'");
        if (seen.TryGetValue(festival, out var other))
        {
            Assert.True(other[idfVote] < seen[quarry][idfVote]);
            Assert.Equal(0, other[bigrams]);
        }
    }
}

/// <summary>The rare-term features of issue 14's seventh round (RareTermFeatures.cs): lower-cased text has no capitalised
/// names, but the rare words a report shares with its event still show. Texts are fictional and lower-cased.</summary>
public sealed class RareTermFeatureTests
{
    private const string Lighthouse =
        "the old lighthouse at brannock point was sold at auction on friday. the buyer, a retired ferry pilot named "
        + "tobias quillane, said he would restore the lamp room and open the tower to visitors next summer.";

    private const string LighthouseFollowUp =
        "tobias quillane, who bought the brannock point lighthouse last week, has asked the council for a permit "
        + "to repair the lamp room. neighbours welcomed the plan at a meeting on tuesday.";

    private const string Orchard =
        "a late frost damaged apple blossom across the valley orchards this week, growers said on friday. "
        + "several farms expect a smaller harvest and the council promised advice on frost protection.";

    [Fact]
    public void Rare_words_shared_with_the_right_event_show_in_its_features_and_not_in_the_others()
    {
        var clusterer = new OnlineEventClusterer(new ClusteringOptions { Model = null });
        var lighthouse = clusterer.Add(ClusterTerms.FromText("l1", null, Lighthouse)).EventId;
        var orchard = clusterer.Add(ClusterTerms.FromText("o1", null, Orchard)).EventId;
        var seen = new Dictionary<long, double[]>();
        clusterer.AddChosen(ClusterTerms.FromText("l2", null, LighthouseFollowUp), candidates =>
        {
            foreach (var (id, features) in candidates) seen[id] = features;
            return 0;
        });
        var names = JoinFeatures.Names.ToList();
        int share = names.IndexOf("rare_share"), rarest = names.IndexOf("rarest_shared"), exclusive = names.IndexOf("exclusive_shared");
        Assert.True(seen.ContainsKey(lighthouse));
        var own = seen[lighthouse];
        Assert.InRange(own[share], 0.3, 1.0);
        Assert.InRange(own[rarest], 0.5, 1.0);
        Assert.True(own[exclusive] > 0, "'quillane' and 'brannock' appear in these two texts only");
        if (seen.TryGetValue(orchard, out var other))
        {
            Assert.True(other[share] < own[share]);
            Assert.True(other[exclusive] < own[exclusive]);
        }
    }

    [Fact]
    public void A_text_whose_words_nobody_else_uses_has_no_rare_evidence()
    {
        var clusterer = new OnlineEventClusterer(new ClusteringOptions { Model = null });
        clusterer.Add(ClusterTerms.FromText("o1", null, Orchard));
        var seen = new List<double[]>();
        clusterer.AddChosen(ClusterTerms.FromText("x", null, "zebulon quartzite xylophones vex jumpy wizards."), candidates =>
        {
            foreach (var (_, features) in candidates) seen.Add(features);
            return 0;
        });
        int share = JoinFeatures.Names.ToList().IndexOf("rare_share");
        Assert.All(seen, f => Assert.Equal(0, f[share]));
    }
}

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

namespace Precis.Clustering;

/// <summary>
/// Rare-term evidence for a pair (issue 14, round 7). Multi-News texts are lower-cased apart from sentence starts, so the
/// capitalised-name features are 0 there; but a name or a specific thing ("shroud", "elfrink", "biogenesis") is still a
/// word that few documents of the stream hold. These features read the side's rarest terms that some other document
/// also holds (document frequency at least 2, i.e. shareable at all) and ask how many of them the other side has.
/// Cost per pair: at most <see cref="RareTerms"/> dictionary probes; the rare set of an article is chosen once.
/// </summary>
public sealed partial class OnlineEventClusterer
{
    /// <summary>How many of a side's highest-idf shareable terms the rare-term features read.</summary>
    private const int RareTerms = 16;

    /// <summary>The side's <see cref="RareTerms"/> highest-idf terms with document frequency at least 2 (ties by term id),
    /// rarest first.</summary>
    private int[] RarestShareable(ReadOnlySpan<int> terms)
    {
        var best = new int[RareTerms];
        var bestIdf = new double[RareTerms];
        int n = 0;
        var stats = _stats;
        foreach (var term in terms)
        {
            if (stats[term].DocumentFrequency < 2) continue;
            double idf = Idf(term);
            if (n == RareTerms && (idf < bestIdf[n - 1] || (idf == bestIdf[n - 1] && term > best[n - 1]))) continue;
            int i = n < RareTerms ? n++ : n - 1;
            while (i > 0 && (bestIdf[i - 1] < idf || (bestIdf[i - 1] == idf && best[i - 1] > term)))
            {
                best[i] = best[i - 1];
                bestIdf[i] = bestIdf[i - 1];
                i--;
            }
            best[i] = term;
            bestIdf[i] = idf;
        }
        return n == RareTerms ? best : best[..n];
    }

    /// <summary>Writes rare_share, rarest_shared and exclusive_shared for a side whose rare terms are <paramref name="rare"/>
    /// against an event whose centroid is <paramref name="sum"/>; <paramref name="documents"/> is how many documents the
    /// two sides hold together (a shared term in no more documents than that may be exclusive to the pair).</summary>
    private void RareFeatures(int[] rare, TermVector sum, int documents, double[] f)
    {
        double total = 0, shared = 0, rarest = 0;
        int exclusive = 0;
        var stats = _stats;
        foreach (var term in rare)
        {
            double idf = Idf(term);
            total += idf;
            if (!sum.Contains(term)) continue;
            shared += idf;
            if (idf > rarest) rarest = idf;
            if (stats[term].DocumentFrequency <= documents) exclusive++;
        }
        double maxIdf = TermWeights.SmoothedIdf(_documentCount, 1);
        f[RareShareFeature] = total > 0 ? shared / total : 0;
        f[RareShareFeature + 1] = maxIdf > 0 ? rarest / maxIdf : 0;
        f[RareShareFeature + 2] = Math.Log(1 + exclusive);
    }

    /// <summary>The rare terms of an event standing in for the article in a merge check. Within one article's merge
    /// checks the same event is often the smaller side of several pairs: its rare set is kept for the current article
    /// count and the event's size (the centroid changes only with the size), so it is chosen once, with the same result.</summary>
    private int[] RarestShareable(EventState e)
    {
        if (_rareStamp != _documentCount)
        {
            _rareOfEvent.Clear();
            _rareStamp = _documentCount;
        }
        if (_rareOfEvent.TryGetValue(e.Id, out var kept) && kept.Size == e.Size) return kept.Rare;
        var rare = RarestShareable(e.Sum.Terms);
        _rareOfEvent[e.Id] = (e.Size, rare);
        return rare;
    }

    private readonly Dictionary<long, (int Size, int[] Rare)> _rareOfEvent = [];
    private int _rareStamp = -1;

    /// <summary>Index of rare_share in <see cref="JoinFeatures.Names"/>; rarest_shared and exclusive_shared follow it.</summary>
    private const int RareShareFeature = 18;
}

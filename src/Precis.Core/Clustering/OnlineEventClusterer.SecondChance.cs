namespace Precis.Clustering;

/// <summary>
/// The second chance (issue 14). An article whose own event scored below the join cut opens an event of one article;
/// the pair features it saw then (a young event of one or two reports) can look different once that event has grown.
/// So every one-article event opened recently keeps its article's vector, and when a later article joins an event and
/// the young event is among that article's closest candidates, the young event's article is decided again: its
/// candidates are retrieved and scored by the join model as at arrival (the young event itself left out). If the event
/// that just grew is now its most probable one, at or above <see cref="ClusteringOptions.SecondChanceCut"/>, the two
/// events merge. Bounded: at most <see cref="ClusteringOptions.SecondChanceOffers"/> re-decisions per article, and the
/// vectors of at most <see cref="ClusteringOptions.SecondChanceWindow"/> young events are held. Deterministic: the young
/// events are offered in order of the joining article's cosine to them (ties by id).
/// </summary>
public sealed partial class OnlineEventClusterer
{
    private readonly Dictionary<long, ArticleVector> _young = [];
    private readonly Queue<long> _youngOrder = new();

    private bool SecondChanceOn => _model is not null && _options.SecondChanceCut <= 1 && _options.SecondChanceWindow > 0 && _options.SecondChanceOffers > 0;

    /// <summary>Keeps the article of a just-opened one-article event for a later second chance.</summary>
    private void RememberSingleton(EventState state, ArticleVector article)
    {
        if (!SecondChanceOn || state.Rejected) return;
        _young[state.Id] = article;
        _youngOrder.Enqueue(state.Id);
        while (_youngOrder.Count > _options.SecondChanceWindow) _young.Remove(_youngOrder.Dequeue());
    }

    /// <summary>After an article joined <paramref name="grownId"/>: offers the young one-article events among its
    /// candidates (closest first) to the grown event through the join model.</summary>
    private void SecondChance(long grownId, List<(long Id, int Votes, double Weight)> candidates, List<double> cosines, List<EventMerge> merges)
    {
        if (!SecondChanceOn || _young.Count == 0) return;
        var offers = new List<(long Id, double Cosine)>();
        for (int i = 0; i < candidates.Count; i++)
        {
            long id = candidates[i].Id;
            if (cosines[i] <= 0 || id == grownId || !_young.ContainsKey(id)) continue;
            offers.Add((id, cosines[i]));
        }
        if (offers.Count == 0) return;
        offers.Sort(static (a, b) => a.Cosine != b.Cosine ? b.Cosine.CompareTo(a.Cosine) : a.Id.CompareTo(b.Id));
        int made = 0;
        var features = new double[JoinFeatures.Count];
        foreach (var (id, _) in offers)
        {
            if (made == _options.SecondChanceOffers) break;
            long grown = Resolve(grownId);
            if (!_events.TryGetValue(id, out var young) || young.Size != 1 || id == grown)
            {
                _young.Remove(id);
                continue;
            }
            made++;
            var article = _young[id];
            var found = Candidates(article.Query, article.Date, article.Date, id);
            var (cos, bests) = ScoreCosines(article, found, true);
            var (top, next) = TopTwo(cos);
            long best = 0;
            double bestScore = 0;
            for (int i = 0; i < found.Count; i++)
            {
                PairFeatures(article, _events[found[i].Id], cos[i], Other(cos[i], top, next), top, bests[i], found[i].Votes, found[i].Weight, features);
                double p = _model!.Join.Score(features);
                if (p > bestScore || (p == bestScore && p > 0 && found[i].Id < best))
                {
                    best = found[i].Id;
                    bestScore = p;
                }
            }
            if (best != grown || bestScore < _options.SecondChanceCut) continue;
            _young.Remove(id);
            merges.Add(Absorb(_events[grown], young, out _));
        }
    }
}

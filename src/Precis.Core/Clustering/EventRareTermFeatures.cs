namespace Precis.Clustering;

/// <summary>
/// Rare-term evidence read from the event's side (issue 14, round 8). The features of RareTermFeatures.cs ask how many
/// of the article's rarest shareable terms the event holds. A long article has many terms that only one other document
/// of the stream holds, by chance, so its 16 rarest may all be words the event never uses, while the event's own rarest
/// words (a short report's "shroud", "turin") are in the article. These features turn the question round: of the
/// event's <see cref="RareTerms"/> rarest shareable terms, how many does the article hold.
/// Cost per pair: at most <see cref="RareTerms"/> binary searches in the article's sorted terms (sorted once per article);
/// an event's rare set is chosen when its size changes and kept until it changes again.
/// </summary>
public sealed partial class OnlineEventClusterer
{
    /// <summary>Index of event_rare_share in <see cref="JoinFeatures.Names"/>; event_exclusive_shared follows it.</summary>
    private const int EventRareFeature = 21;

    // The article whose terms are sorted in _sortedTerms (the article being decided).
    private ArticleVector? _sortedFor;
    private int[] _sortedTerms = [];

    // Per live event: its size when its rare set was chosen, and the set (rarest first).
    private readonly Dictionary<long, (int Size, int[] Rare)> _eventRare = [];

    /// <summary>The event's rarest shareable terms, chosen again only when the event's size has changed (a merged-away
    /// event is never asked again; its entry goes when the dictionary is next pruned).</summary>
    private int[] EventRare(EventState e)
    {
        if (_eventRare.TryGetValue(e.Id, out var kept) && kept.Size == e.Size) return kept.Rare;
        var rare = RarestShareable(e.Sum.Terms);
        _eventRare[e.Id] = (e.Size, rare);
        if (_eventRare.Count > 2 * _events.Count + 1024) PruneEventRare();
        return rare;
    }

    /// <summary>Drops the entries of events that are no longer live (merged away), keeping the cache as large as the
    /// live events at most twice over.</summary>
    private void PruneEventRare()
    {
        var gone = new List<long>();
        foreach (var id in _eventRare.Keys) if (!_events.ContainsKey(id)) gone.Add(id);
        foreach (var id in gone) _eventRare.Remove(id);
    }

    /// <summary>Writes event_rare_share and event_exclusive_shared for an article against event <paramref name="e"/>.</summary>
    private void EventRareFeatures(ArticleVector article, EventState e, double[] f)
    {
        if (!ReferenceEquals(_sortedFor, article))
        {
            _sortedTerms = (int[])article.Terms.Clone();
            Array.Sort(_sortedTerms);
            _sortedFor = article;
        }
        var rare = EventRare(e);
        Span<bool> held = stackalloc bool[rare.Length];
        for (int i = 0; i < rare.Length; i++) held[i] = Array.BinarySearch(_sortedTerms, rare[i]) >= 0;
        EventRareFeatures(rare, held, e.Size + 1, f);
    }

    /// <summary>The same for two events: the larger event's rare terms found in the smaller one's centroid.</summary>
    private void EventRareFeatures(EventState small, EventState large, double[] f)
    {
        var rare = EventRare(large);
        Span<bool> held = stackalloc bool[rare.Length];
        for (int i = 0; i < rare.Length; i++) held[i] = small.Sum.Contains(rare[i]);
        EventRareFeatures(rare, held, small.Size + large.Size, f);
    }

    private void EventRareFeatures(int[] rare, ReadOnlySpan<bool> held, int documents, double[] f)
    {
        double total = 0, shared = 0;
        int exclusive = 0;
        var stats = _stats;
        for (int i = 0; i < rare.Length; i++)
        {
            int term = rare[i];
            double idf = Idf(term);
            total += idf;
            if (!held[i]) continue;
            shared += idf;
            if (stats[term].DocumentFrequency <= documents) exclusive++;
        }
        f[EventRareFeature] = total > 0 ? shared / total : 0;
        f[EventRareFeature + 1] = Math.Log(1 + exclusive);
    }
}

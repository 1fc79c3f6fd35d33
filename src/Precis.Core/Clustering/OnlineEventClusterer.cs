namespace Precis.Clustering;

/// <summary>What the clusterer decided for one article.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="EventId">The event it now belongs to (after any merge).</param>
/// <param name="IsNewEvent">True when no event was close enough and a new one was opened.</param>
/// <param name="Similarity">Cosine to the joined event's centroid (0 for a new event).</param>
/// <param name="Merges">Events absorbed because their centroids became close, as (absorbed, into) pairs.</param>
public sealed record ClusterDecision(string ArticleId, long EventId, bool IsNewEvent, double Similarity, IReadOnlyList<EventMerge> Merges);

/// <summary>Event <paramref name="Absorbed"/> was merged into event <paramref name="Into"/>.</summary>
public readonly record struct EventMerge(long Absorbed, long Into);

/// <summary>
/// Single-pass event clustering in the style of TDT first-story detection (Allan, Papka &amp; Lavrenko 1998;
/// Yang, Pierce &amp; Carbonell 1998): each arriving article's tf-idf vector is compared with the centroids of
/// candidate events found through term postings; it joins the most similar event when the cosine clears
/// <see cref="ClusteringOptions.JoinThreshold"/>, otherwise it opens a new event. After each join the grown event is
/// compared with its own candidates and merged with any whose centroid has come within
/// <see cref="ClusteringOptions.MergeThreshold"/>. IDF is maintained online, so weights are computed at comparison
/// time from term counts. Not thread-safe: one writer at a time. Deterministic for a given article order.
/// </summary>
public sealed class OnlineEventClusterer
{
    private readonly ClusteringOptions _options;
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<int> _documentFrequency = [];
    private readonly Dictionary<int, List<long>> _postings = [];
    private readonly Dictionary<long, EventState> _events = [];
    private readonly Dictionary<long, long> _mergedInto = [];
    private int _documentCount;
    private long _nextEventId;

    public OnlineEventClusterer(ClusteringOptions? options = null, long firstEventId = 1)
    {
        _options = options ?? new ClusteringOptions();
        _nextEventId = firstEventId;
    }

    public ClusteringOptions Options => _options;

    /// <summary>Articles seen so far.</summary>
    public int DocumentCount => _documentCount;

    /// <summary>Live (unmerged) events.</summary>
    public int EventCount => _events.Count;

    /// <summary>Assigns an article to an event, opening or merging events as needed.</summary>
    public ClusterDecision Add(ClusterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tf = CountTerms(input.Terms);
        var vector = Weigh(tf);

        long best = 0;
        double bestScore = 0;
        var candidates = Candidates(vector, input.Date, exclude: 0);
        for (int k = 0; k < vector.Terms.Length; k++) Scatter(vector.Terms[k], vector.Weights[k] * Idf(vector.Terms[k]));
        foreach (var candidate in candidates)
        {
            double score = Cosine(_events[candidate]);
            if (score > bestScore || (score == bestScore && score > 0 && candidate < best))
            {
                best = candidate;
                bestScore = score;
            }
        }

        ClearScratch(vector.Terms);

        if (best == 0 || bestScore < _options.JoinThreshold)
        {
            long id = _nextEventId++;
            var state = new EventState(id);
            _events.Add(id, state);
            AddToEvent(state, vector, input.Date);
            // With the merge threshold above the join threshold (the defaults) a one-article event never merges;
            // the check keeps the two thresholds independent.
            var opened = MergeNeighbours(state, candidates);
            return new ClusterDecision(input.Id, Resolve(id), true, 0, opened);
        }

        var target = _events[best];
        AddToEvent(target, vector, input.Date);
        var merges = MergeNeighbours(target, candidates);
        return new ClusterDecision(input.Id, Resolve(best), false, bestScore, merges);
    }

    /// <summary>Replays an earlier decision (e.g. from a store on restart) without deciding again.</summary>
    public void Restore(ClusterInput input, long eventId)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eventId);
        var tf = CountTerms(input.Terms);
        eventId = Resolve(eventId);
        if (!_events.TryGetValue(eventId, out var state))
        {
            state = new EventState(eventId);
            _events.Add(eventId, state);
        }
        AddToEvent(state, Weigh(tf), input.Date);
        if (eventId >= _nextEventId) _nextEventId = eventId + 1;
    }

    /// <summary>The live event an id now stands for (follows merges).</summary>
    public long Resolve(long eventId)
    {
        while (_mergedInto.TryGetValue(eventId, out var into)) eventId = into;
        return eventId;
    }

    private Dictionary<int, int> CountTerms(IReadOnlyList<string> terms)
    {
        var tf = new Dictionary<int, int>();
        foreach (var term in terms)
        {
            if (!_termIds.TryGetValue(term, out var id))
            {
                id = _termIds.Count;
                _termIds.Add(term, id);
                _documentFrequency.Add(0);
                _idf.Add(0);
                _idfStamp.Add(-1);
            }
            tf[id] = tf.GetValueOrDefault(id) + 1;
        }
        _documentCount++;
        foreach (var id in tf.Keys) _documentFrequency[id]++;
        return tf;
    }

    private readonly List<double> _idf = [];
    private readonly List<int> _idfStamp = [];

    // TermWeights.SmoothedIdf, cached per article count.
    private double Idf(int term)
    {
        if (_idfStamp[term] == _documentCount) return _idf[term];
        double idf = TermWeights.SmoothedIdf(_documentCount, _documentFrequency[term]);
        _idf[term] = idf;
        _idfStamp[term] = _documentCount;
        return idf;
    }

    /// <summary>Sublinear tf (1 + ln tf) times idf, L2-normalised (Manning et al., IR book §6.4.1).</summary>
    private TermVector Weigh(Dictionary<int, int> tf)
    {
        var terms = new int[tf.Count];
        var weights = new double[tf.Count];
        int i = 0;
        double norm = 0;
        foreach (var (term, count) in tf)
        {
            double w = TermWeights.SublinearTf(count) * Idf(term);
            terms[i] = term;
            weights[i] = w;
            norm += w * w;
            i++;
        }
        norm = Math.Sqrt(norm);
        if (norm > 0) for (int k = 0; k < weights.Length; k++) weights[k] /= norm;
        return new TermVector(terms, weights);
    }

    private void AddToEvent(EventState state, TermVector vector, DateOnly? date)
    {
        // The centroid keeps each member's normalised sublinear tf (idf divided back out), so weights follow the
        // current idf at comparison time while every member counts equally.
        for (int k = 0; k < vector.Terms.Length; k++)
        {
            int term = vector.Terms[k];
            double idf = Idf(term);
            double value = vector.Weights[k] / idf;
            if (state.Sum.TryGetValue(term, out var old))
            {
                state.Sum[term] = old + value;
            }
            else
            {
                state.Sum.Add(term, value);
                if (!_postings.TryGetValue(term, out var list)) _postings.Add(term, list = []);
                list.Add(state.Id);
            }
        }
        state.Size++;
        state.NormStamp = 0;
        if (date is { } d)
        {
            if (state.First is null || d < state.First) state.First = d;
            if (state.Last is null || d > state.Last) state.Last = d;
        }
    }

    /// <summary>Events sharing the most of the vector's top-weighted terms, within the time window of the date.</summary>
    // The join's best candidates (by shared query terms) that are also checked for a merge.
    private const int MergeCandidates = 10;

    private List<long> Candidates(TermVector vector, DateOnly? date, long exclude) =>
        Candidates(TopTerms(vector.Terms, vector.Weights), date, date, exclude);

    private List<long> Candidates(IEnumerable<int> queryTerms, DateOnly? first, DateOnly? last, long exclude)
    {
        var votes = new Dictionary<long, int>();
        // Postings of terms in more than a tenth of all articles hold no evidence of a shared event and cost the most.
        int maxPosting = Math.Max(50, _documentCount / 10);
        foreach (var term in queryTerms)
        {
            if (!_postings.TryGetValue(term, out var list) || list.Count > maxPosting) continue;
            foreach (var raw in list)
            {
                long id = Resolve(raw);
                if (id == exclude) continue;
                votes[id] = votes.GetValueOrDefault(id) + 1;
            }
        }
        var ranked = new List<(long Id, int Votes)>(votes.Count);
        foreach (var (id, count) in votes) ranked.Add((id, count));
        ranked.Sort(static (a, b) => a.Votes != b.Votes ? b.Votes.CompareTo(a.Votes) : a.Id.CompareTo(b.Id));
        var result = new List<long>(Math.Min(ranked.Count, _options.MaxCandidates));
        foreach (var (id, _) in ranked)
        {
            if (!InWindow(_events[id], first, last)) continue;
            result.Add(id);
            if (result.Count == _options.MaxCandidates) break;
        }
        return result;
    }

    private bool InWindow(EventState e, DateOnly? first, DateOnly? last)
    {
        if (first is null || last is null || e.First is null || e.Last is null) return true;
        return first.Value.DayNumber <= e.Last.Value.DayNumber + _options.WindowDays
            && last.Value.DayNumber >= e.First.Value.DayNumber - _options.WindowDays;
    }

    private IEnumerable<int> TopTerms(int[] terms, double[] weights)
    {
        int k = Math.Min(_options.QueryTerms, terms.Length);
        var order = new int[terms.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            int c = weights[b].CompareTo(weights[a]);
            return c != 0 ? c : terms[a].CompareTo(terms[b]);
        });
        for (int i = 0; i < k; i++) yield return terms[order[i]];
    }

    // A dense scratch row indexed by term id, zero between uses: scoring scatters one side into it and walks the
    // other side's entries, so a shared term costs an array read instead of a hash lookup.
    private double[] _scratch = [];

    private void Scatter(int term, double value)
    {
        if (term >= _scratch.Length) Array.Resize(ref _scratch, Math.Max(_termIds.Count, _scratch.Length * 2));
        _scratch[term] = value;
    }

    private void ClearScratch(IEnumerable<int> terms)
    {
        foreach (var term in terms) _scratch[term] = 0;
    }

    private double Dot(EventState e)
    {
        // A centroid keeps idf-free values; the scattered side carries the idf² that the product needs.
        double dot = 0;
        var scratch = _scratch;
        foreach (var (term, s) in e.Sum)
        {
            if (term < scratch.Length) dot += scratch[term] * s;
        }
        return dot;
    }

    private double Cosine(EventState e)
    {
        double dot = Dot(e);
        if (dot == 0) return 0;
        double norm = CentroidNorm(e);
        return norm == 0 ? 0 : dot / norm;
    }

    private double CentroidNorm(EventState e)
    {
        // PRECIS: the norm is cached and recomputed when the event changes or the article count has grown by 5%:
        // idf drifts by about ln(1 + 1/N) per article, far below the thresholds' resolution.
        if (e.NormStamp > 0 && _documentCount <= e.NormStamp * 1.05) return e.Norm;
        double n = 0;
        foreach (var (term, s) in e.Sum)
        {
            double w = s * Idf(term);
            n += w * w;
        }
        e.Norm = Math.Sqrt(n);
        e.NormStamp = _documentCount;
        return e.Norm;
    }

    /// <summary>Cosine between two centroids; <paramref name="a"/> must be scattered (values times idf²).</summary>
    private double Cosine(EventState a, EventState b)
    {
        double dot = Dot(b);
        if (dot == 0) return 0;
        double na = CentroidNorm(a), nb = CentroidNorm(b);
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }

    /// <summary>Merges the grown event with the closest of the article's other candidate events while their centroids
    /// are within the merge threshold. The article's candidates are where new closeness can come from: the event
    /// only moved towards the article's terms.</summary>
    private List<EventMerge> MergeNeighbours(EventState grown, List<long> candidates)
    {
        var merges = new List<EventMerge>();
        var pool = candidates.Take(MergeCandidates).ToList();
        while (true)
        {
            long best = 0;
            double bestScore = 0;
            bool scattered = false;
            foreach (var raw in pool)
            {
                long candidate = Resolve(raw);
                if (candidate == grown.Id || !_events.TryGetValue(candidate, out var neighbour)) continue;
                if (!InWindow(neighbour, grown.First, grown.Last)) continue;
                if (!scattered)
                {
                    foreach (var (term, value) in grown.Sum)
                    {
                        double idf = Idf(term);
                        Scatter(term, value * idf * idf);
                    }
                    scattered = true;
                }
                double score = Cosine(grown, neighbour);
                if (score > bestScore || (score == bestScore && score > 0 && candidate < best))
                {
                    best = candidate;
                    bestScore = score;
                }
            }
            if (scattered) ClearScratch(grown.Sum.Keys);
            if (best == 0 || bestScore < _options.MergeThreshold) return merges;

            // The older event (lower id) survives, so links to it stay valid.
            var other = _events[best];
            var (keep, absorb) = grown.Id < other.Id ? (grown, other) : (other, grown);
            foreach (var (term, s) in absorb.Sum)
            {
                if (keep.Sum.TryGetValue(term, out var old)) keep.Sum[term] = old + s;
                else
                {
                    keep.Sum.Add(term, s);
                    _postings[term].Add(keep.Id);
                }
            }
            keep.Size += absorb.Size;
            keep.NormStamp = 0;
            if (absorb.First is { } f && (keep.First is null || f < keep.First)) keep.First = f;
            if (absorb.Last is { } l && (keep.Last is null || l > keep.Last)) keep.Last = l;
            _events.Remove(absorb.Id);
            _mergedInto[absorb.Id] = keep.Id;
            merges.Add(new EventMerge(absorb.Id, keep.Id));
            grown = keep;
        }
    }

    private sealed record TermVector(int[] Terms, double[] Weights);

    private sealed class EventState(long id)
    {
        public long Id { get; } = id;
        public Dictionary<int, double> Sum { get; } = [];
        public int Size { get; set; }
        public DateOnly? First { get; set; }
        public DateOnly? Last { get; set; }
        public double Norm { get; set; }
        /// <summary>The article count when <see cref="Norm"/> was computed; 0 = not valid.</summary>
        public int NormStamp { get; set; }
    }
}

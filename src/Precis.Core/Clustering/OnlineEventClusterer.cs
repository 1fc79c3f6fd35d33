namespace Precis.Clustering;

/// <summary>What the clusterer decided for one article.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="EventId">The event it now belongs to (after any merge).</param>
/// <param name="IsNewEvent">True when no event was close enough and a new one was opened.</param>
/// <param name="Similarity">Cosine to the joined event's centroid (0 for a new event).</param>
/// <param name="Merges">Events absorbed because their centroids became close, as (absorbed, into) pairs.</param>
public sealed record ClusterDecision(string ArticleId, long EventId, bool IsNewEvent, double Similarity, IReadOnlyList<EventMerge> Merges)
{
    /// <summary>Why the document was kept out of events (page furniture, see <see cref="BoilerplateDetector"/>), or null.
    /// A rejected document still gets an event id of its own (<see cref="IsNewEvent"/>), which no article joins.</summary>
    public string? Rejection { get; init; }

    /// <summary>The join model's probability for the joined event (0 for a new event, or without a model).</summary>
    public double Probability { get; init; }

    /// <summary>The split the grown event went through after the join and its merges, or null (see
    /// <see cref="ClusteringOptions.SplitCut"/>). The article may be among those it moved: <see cref="EventId"/> is
    /// already its event after the split.</summary>
    public EventSplit? Split { get; init; }
}

/// <summary>Event <paramref name="Absorbed"/> was merged into event <paramref name="Into"/>.</summary>
public readonly record struct EventMerge(long Absorbed, long Into);

/// <summary>Event <paramref name="From"/> was split: the articles <paramref name="ArticleIds"/> (in the order they
/// joined) left it for the new event <paramref name="Into"/>.</summary>
public sealed record EventSplit(long From, long Into, IReadOnlyList<string> ArticleIds);

/// <summary>
/// Single-pass event clustering in the style of TDT first-story detection (Allan, Papka &amp; Lavrenko 1998;
/// Yang, Pierce &amp; Carbonell 1998): each arriving article is compared with candidate events found through term and
/// name postings within a time window. With a <see cref="JoinModel"/> (the default, issue 14) each candidate is scored
/// by a learned model over pair features (<see cref="JoinFeatures"/>: body, lead and name similarity, syndication,
/// time gap, event size; in the manner of Miranda et al. 2018, "Multilingual clustering of streaming news"); the
/// article joins the most probable event above the model's join cut, otherwise it opens a new event, and the grown
/// event is merged with a neighbour when the same model, read on the event pair, clears the merge cut. Without a model
/// the tf-idf cosine to the centroid decides against <see cref="ClusteringOptions.JoinThreshold"/> and
/// <see cref="ClusteringOptions.MergeThreshold"/>. Page furniture (<see cref="BoilerplateDetector"/>) is kept out of
/// events. IDF is maintained online. Not thread-safe: one writer at a time. Deterministic for a given article order.
/// </summary>
public sealed partial class OnlineEventClusterer
{
    // How many of an article's terms (by weight) are posted for its event, and how many of its names are queried.
    private const int PostedTerms = 40;
    private const int QueryNames = 5;

    // Recent members whose top terms an event keeps for the best-member feature.
    private const int KeptMembers = 16;

    // Lead word trigrams kept per article for the syndication feature.
    private const int ShingleTerms = 40;

    // Top-term bigrams kept per article.
    private const int MaxBigrams = 40;

    // Opening words compared across documents by the boilerplate check.
    private const int OpeningTerms = 8;

    private readonly ClusteringOptions _options;
    private readonly JoinModel? _model;
    // Event splitting in force (ClusteringOptions.ResolvedSplitting), or null.
    private readonly EventSplitting? _split;
    // The fallback window in force (ClusteringOptions.ResolvedFallback), or null.
    private readonly FallbackWindow? _fallback;
    // Term ids: this clusterer numbers terms (and name keys) in the order it first meets them; _localIds maps a term's
    // catalog number (TermCatalog, given where the article was read) to 1 + its id here, 0 when not met yet.
    private int[] _localIds = new int[1024];
    private int _termCount;
    // Per term id: document frequency and the cached idf with its stamp, side by side in one array so that a term's
    // lookups share a cache line (the serial decision touches a few hundred terms per article at random places of a
    // table that grows with the store). The scoring scratch row (_scratch) has the same length, kept dense apart:
    // dot products read it at every term of a candidate's centroid.
    private TermStat[] _stats = new TermStat[1024];
    private double[] _scratch = new double[1024];
    // One bit per term id, set where _scratch holds a scattered value: a walk over a centroid or a member's terms tests
    // this small array (a few kilobytes, cache-resident) and reads _scratch only where the other side has the term.
    private ulong[] _scratchBits = new ulong[1024 / 64];
    // One bit per term id for Prepare's top terms (cleared after each use).
    private ulong[] _topBits = new ulong[1024 / 64];

    private struct TermStat
    {
        public double Idf;
        public int DocumentFrequency;
        public int IdfStamp;
    }
    // Postings by term id (same length as _stats), each split by the week of the article's date; undated articles post
    // under week NoWeek. A dated query reads only the weeks of its time window (plus the undated postings), so its cost
    // does not grow with the store's history. (An entry is the event as posted; one merged away since leads through
    // EventState.MergedInto to the live one.)
    private TermPostings?[] _postings = new TermPostings?[1024];
    private readonly Dictionary<long, EventState> _events = [];
    private readonly Dictionary<long, long> _mergedInto = [];
    // Opening-words hash -> (documents seen, hash of the first full text, whether a different text followed).
    private readonly Dictionary<long, (int Count, long FirstText, bool Varied)> _openings = [];
    private int _documentCount;
    private long _nextEventId;

    private const int NoWeek = int.MinValue;

    public OnlineEventClusterer(ClusteringOptions? options = null, long firstEventId = 1)
    {
        _options = options ?? new ClusteringOptions();
        _model = _options.Model;
        _split = _options.ResolvedSplitting();
        _fallback = _options.ResolvedFallback();
        _nextEventId = firstEventId;
    }

    public ClusteringOptions Options => _options;

    /// <summary>The event splitting in force: the options' settings where set, else the model's (null: none).</summary>
    public EventSplitting? Splitting => _split;

    /// <summary>The fallback window in force: the options' settings where set, else the model's (null: none).</summary>
    public FallbackWindow? Fallback => _fallback;

    /// <summary>Articles seen so far.</summary>
    public int DocumentCount => _documentCount;

    /// <summary>Live (unmerged) events, including the single-document events of rejected documents.</summary>
    public int EventCount => _events.Count;

    /// <summary>Assigns an article to an event, opening or merging events as needed.</summary>
    public ClusterDecision Add(ClusterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var article = Prepare(input);
        if (article.Rejection is { } reason)
        {
            long rid = _nextEventId++;
            var rejected = new EventState(rid, article) { Rejected = true };
            _events.Add(rid, rejected);
            AddToEvent(rejected, article);
            return new ClusterDecision(input.Id, rid, true, 0, []) { Rejection = reason };
        }

        var candidates = Candidates(article);
        long best = 0;
        double bestScore = 0, bestCosine = 0;
        var (cosines, bests) = ScoreCosines(article, candidates, _model is not null);
        if (_model is null)
        {
            for (int i = 0; i < candidates.Count; i++)
            {
                if (cosines[i] > bestScore || (cosines[i] == bestScore && cosines[i] > 0 && candidates[i].Id < best))
                {
                    best = candidates[i].Id;
                    bestScore = cosines[i];
                }
            }
            bestCosine = bestScore;
            if (best == 0 || bestScore < _options.JoinThreshold) best = 0;
        }
        else
        {
            var features = _features;
            var (top, next) = TopTwo(cosines);
            for (int i = 0; i < candidates.Count; i++)
            {
                PairFeatures(article, _events[candidates[i].Id], cosines[i], Other(cosines[i], top, next), top, bests[i], candidates[i].Votes, candidates[i].Weight, features);
                double p = _model.Join.Score(features);
                Observer?.Invoke(new PairObservation(false, 0, candidates[i].Id, features));
                if (p > bestScore || (p == bestScore && p > 0 && candidates[i].Id < best))
                {
                    best = candidates[i].Id;
                    bestScore = p;
                    bestCosine = cosines[i];
                }
            }
            if (best == 0 || bestScore < _model.JoinCut) best = 0;
        }

        var pool = MergePool(candidates, cosines);
        if (best == 0 && _fallback is { } fallback && article.Date is not null)
            (best, bestScore, bestCosine) = SecondLook(article, fallback);
        if (best == 0)
        {
            long id = _nextEventId++;
            var state = new EventState(id, article);
            _events.Add(id, state);
            AddToEvent(state, article);
            // With the merge cut above the join cut (the defaults) a one-article event rarely merges; the check keeps
            // the two decisions independent.
            var opened = MergeNeighbours(state, pool);
            MergePass(opened);
            return new ClusterDecision(input.Id, Resolve(id), true, 0, opened);
        }

        var target = _events[best];
        AddToEvent(target, article);
        var merges = MergeNeighbours(target, pool);
        MergePass(merges);
        var split = _split is not null && _events.TryGetValue(Resolve(best), out var grown) ? SplitCheck(grown) : null;
        return new ClusterDecision(input.Id, EventOf(input.Id, best), false, bestCosine, merges)
        {
            Probability = _model is null ? 0 : bestScore,
            Split = split,
        };
    }

    /// <summary>Replays an earlier decision (e.g. from a store on restart) without deciding again.</summary>
    public void Restore(ClusterInput input, long eventId)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eventId);
        var article = Prepare(input);
        eventId = Resolve(eventId);
        if (!_events.TryGetValue(eventId, out var state))
        {
            state = new EventState(eventId, article) { Rejected = article.Rejection is not null };
            _events.Add(eventId, state);
        }
        AddToEvent(state, article);
        // A replayed event waits for new articles before its next split check, as a live one would after its last.
        state.SplitStamp = state.Size;
        if (eventId >= _nextEventId) _nextEventId = eventId + 1;
    }

    /// <summary>The live event an id now stands for (follows merges).</summary>
    public long Resolve(long eventId)
    {
        while (_mergedInto.TryGetValue(eventId, out var into)) eventId = into;
        return eventId;
    }

    // The features of the pair being scored (an article's candidates, then the merge checks), filled afresh for each.
    private readonly double[] _features = new double[JoinFeatures.Count];

    /// <summary>Training hook: sees the features of every pair the model scores (the array is reused after the call).</summary>
    internal Action<PairObservation>? Observer { get; set; }

    /// <summary>A pair the model scored: an article (<paramref name="A"/> = 0) or event <paramref name="A"/> against event <paramref name="B"/>.</summary>
    internal readonly record struct PairObservation(bool Merge, long A, long B, double[] Features);

    /// <summary>Training hook: computes the features of the article against each candidate event, lets
    /// <paramref name="choose"/> pick the event (an existing id, or 0 to open one), and adds the article there without
    /// merging. Returns the event the article went to, negated for a rejected document (which is not offered).</summary>
    internal long AddChosen(ClusterInput input, Func<IReadOnlyList<(long EventId, double[] Features)>, long> choose)
    {
        var article = Prepare(input);
        if (article.Rejection is not null)
        {
            long rid = _nextEventId++;
            var rejected = new EventState(rid, article) { Rejected = true };
            _events.Add(rid, rejected);
            AddToEvent(rejected, article);
            return -rid;
        }
        var candidates = Candidates(article);
        var (cosines, bests) = ScoreCosines(article, candidates, true);
        var (top, next) = TopTwo(cosines);
        var scored = new List<(long, double[])>(candidates.Count);
        for (int i = 0; i < candidates.Count; i++)
        {
            var features = new double[JoinFeatures.Count];
            PairFeatures(article, _events[candidates[i].Id], cosines[i], Other(cosines[i], top, next), top, bests[i], candidates[i].Votes, candidates[i].Weight, features);
            scored.Add((candidates[i].Id, features));
        }
        long chosen = Resolve(choose(scored));
        if (chosen == 0 || !_events.TryGetValue(chosen, out var state))
        {
            chosen = _nextEventId++;
            state = new EventState(chosen, article);
            _events.Add(chosen, state);
        }
        AddToEvent(state, article);
        return chosen;
    }

    // ---- reading an article -------------------------------------------------------------------------------------

    private sealed class ArticleVector
    {
        public required int[] Terms { get; init; }
        public required double[] Weights { get; init; }
        /// <summary>How often each term occurs (read by event splitting, which recomputes the weights from them).</summary>
        public required int[] Counts { get; init; }
        public required int[] Posted { get; init; }
        public required int[] Query { get; init; }
        public required TermVector Lead { get; init; }
        public required TermVector Names { get; init; }
        public required long[] Shingles { get; init; }
        public required long[] Bigrams { get; init; }
        public required double QueryWeight { get; init; }
        public required Member Top { get; init; }
        /// <summary>The article's id (read by event splitting).</summary>
        public string Id { get; init; } = "";
        public DateOnly? Date { get; init; }
        public string? Rejection { get; init; }
        /// <summary>The rarest shareable terms (see RareTermFeatures.cs).</summary>
        public int[] Rare { get; init; } = [];
    }

    private ArticleVector Prepare(ClusterInput input)
    {
        // Scratch buffers (fields, reused article after article) hold what lives only for this call; the arrays an
        // ArticleVector keeps are allocated at their exact size. Fewer bytes allocated per article means fewer
        // collections stopping the serial decisions while ingest reads the next batches.
        var tf = CountTerms(input.CountedTerms(), input.NameIds());
        var (terms, weights) = Weigh(tf.Body);
        var order = ByWeight(terms, weights, terms.Length, ref _orderScratch);
        int topCount = Math.Min(order.Length, PostedTerms);
        var topTerms = new int[topCount];
        var topValues = new double[topCount];
        double topNorm = 0;
        for (int k = 0; k < topTerms.Length; k++)
        {
            int i = order[k];
            topTerms[k] = terms[i];
            topValues[k] = weights[i] / Idf(terms[i]);
            topNorm += weights[i] * weights[i];
        }
        var names = Normalised(tf.Names);
        var nameTerms = names.Terms;
        var nameOrder = ByWeight(names.TermArray, names.ValueArray, names.Count, ref _nameOrderScratch);
        // Posted: the top terms, then every name; queried: the first QueryTerms terms by weight, then the top names.
        var posted = new int[topCount + nameTerms.Length];
        topTerms.CopyTo(posted, 0);
        nameTerms.CopyTo(posted.AsSpan(topCount));
        int queryTerms = Math.Min(order.Length, _options.QueryTerms), queryNames = Math.Min(nameOrder.Length, QueryNames);
        var query = new int[queryTerms + queryNames];
        for (int k = 0; k < queryTerms; k++) query[k] = terms[order[k]];
        for (int k = 0; k < queryNames; k++) query[queryTerms + k] = nameTerms[nameOrder[k]];
        var leadIds = input.LeadIds();
        var leadLocal = Room(ref _leadScratch, leadIds.Length);
        int leadKnown = 0;
        foreach (var term in leadIds)
        {
            if (KnownId(term) is var id and >= 0) leadLocal[leadKnown++] = id;
        }
        var lead = Normalised(CountIds(leadLocal[..leadKnown]));

        // Word trigrams over the first terms, hashed from term ids (stable within a run, which is all they are compared in).
        ReadOnlySpan<int> sequence = _sequenceScratch.AsSpan(0, tf.SequenceLength);
        var ids = sequence.Length <= ShingleTerms ? sequence : sequence[..ShingleTerms];
        var shingles = new long[Math.Max(0, ids.Length - 2)];
        for (int i = 0; i < shingles.Length; i++) shingles[i] = ((long)ids[i] * 2_000_003 + ids[i + 1]) * 2_000_029 + ids[i + 2];

        // Adjacent content-word pairs of the article's highest-weighted terms ("dan brown", "oil spill"): phrases name
        // what a report is about more sharply than either word. The top terms are marked in a bit row by term id.
        var top = _topBits;
        foreach (var term in topTerms) top[term >> 6] |= 1UL << term;
        Span<long> found = stackalloc long[MaxBigrams];
        int bigramCount = 0;
        for (int i = 0; i + 1 < sequence.Length && bigramCount < MaxBigrams; i++)
        {
            int a = sequence[i], b = sequence[i + 1];
            if (a == b || (top[a >> 6] & (1UL << a)) == 0 || (top[b >> 6] & (1UL << b)) == 0) continue;
            long key = ((long)a << 32) | (uint)b;
            // First occurrence only, in order (at most MaxBigrams kept, so a scan).
            if (!found[..bigramCount].Contains(key)) found[bigramCount++] = key;
        }
        foreach (var term in topTerms) top[term >> 6] &= ~(1UL << term);
        long[] bigrams = found[..bigramCount].ToArray();
        double queryWeight = 0;
        foreach (var term in query) queryWeight += Idf(term);

        string? rejection = null;
        if (_options.RejectBoilerplate && input.Shape is { } shape)
        {
            bool repeated = false;
            if (ids.Length >= OpeningTerms)
            {
                long opening = 17;
                for (int i = 0; i < OpeningTerms; i++) opening = opening * 1_000_003 + ids[i];
                // An order-free hash of the term counts (a sum of mixed pairs), so no sort is needed.
                long text = 23;
                for (int i = 0; i < tf.Body.Ids.Length; i++) text += Mix(((long)tf.Body.Ids[i] << 20) ^ tf.Body.Counts[i]);
                if (_openings.TryGetValue(opening, out var seen))
                {
                    bool varied = seen.Varied || seen.FirstText != text;
                    repeated = varied && seen.Count >= 2;
                    _openings[opening] = (seen.Count + 1, seen.FirstText, varied);
                }
                else
                {
                    _openings[opening] = (1, text, false);
                }
            }
            rejection = BoilerplateDetector.Check(shape, repeated);
        }
        return new ArticleVector
        {
            Terms = terms, Weights = weights, Counts = tf.Body.Counts, Posted = posted, Query = query, Lead = lead, Names = names,
            Shingles = shingles, Bigrams = bigrams, QueryWeight = queryWeight, Id = input.Id, Date = input.Date, Rejection = rejection, Top = new Member(topTerms, topValues, Math.Sqrt(topNorm)),
            Rare = RarestShareable(terms),
        };
    }

    /// <summary>A 64-bit finaliser (splitmix64): spreads a key's bits so that sums of mixed keys rarely collide.</summary>
    private static long Mix(long key)
    {
        ulong z = unchecked((ulong)key + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((long)(z ^ (z >> 31)));
    }

    /// <summary>Distinct term ids in order of first occurrence and how often each occurs (what a dictionary filled
    /// by a walk over the text, with no removals, would enumerate, in the same order).</summary>
    private readonly record struct TermCounts(int[] Ids, int[] Counts);

    /// <summary>Term frequencies of the body and the names; the body's term ids in text order (looked up once) are left in
    /// <see cref="_sequenceScratch"/>, <c>SequenceLength</c> of them.</summary>
    private (TermCounts Body, TermCounts Names, int SequenceLength) CountTerms(TermTable terms, int[] names)
    {
        // Distinct terms in order of first occurrence: ids are handed out, and tf filled, in the order a walk over
        // the text would (the same ids and the same order). The table's terms are distinct, so their ids are too.
        var ids = new int[terms.Distinct.Length];
        for (int j = 0; j < ids.Length; j++) ids[j] = TermId(terms.Ids[j]);
        int length = terms.Sequence.Length;
        var sequence = Room(ref _sequenceScratch, length);
        for (int i = 0; i < length; i++) sequence[i] = ids[terms.Sequence[i]];
        var nameIds = Room(ref _nameScratch, names.Length);
        for (int i = 0; i < names.Length; i++) nameIds[i] = TermId(names[i]);
        var nf = CountIds(nameIds);
        _documentCount++;
        var stats = _stats;
        foreach (var id in ids) stats[id].DocumentFrequency++;
        foreach (var id in nf.Ids) stats[id].DocumentFrequency++;
        return (new TermCounts(ids, terms.Counts), nf, length);
    }

    // Prepare's scratch: the body's ids in text order, the names' ids, the lead's ids, weight orders.
    private int[] _sequenceScratch = new int[1024];
    private int[] _nameScratch = new int[64];
    private int[] _leadScratch = new int[64];
    private int[] _orderScratch = new int[256];
    private int[] _nameOrderScratch = new int[64];
    private int[] _countScratch = new int[64];
    private int[] _countsScratch = new int[64];

    /// <summary>The first <paramref name="length"/> entries of a reused buffer, which grows (at least doubling) when short.</summary>
    private static Span<int> Room(ref int[] scratch, int length)
    {
        if (scratch.Length < length) scratch = new int[Math.Max(length, 2 * scratch.Length)];
        return scratch.AsSpan(0, length);
    }

    /// <summary>Counts <paramref name="ids"/>: distinct ids in order of first occurrence with their counts.</summary>
    private TermCounts CountIds(ReadOnlySpan<int> ids)
    {
        var slots = _countSlots;
        slots.Clear();
        var distinct = Room(ref _countScratch, ids.Length);
        var counts = Room(ref _countsScratch, ids.Length);
        int n = 0;
        foreach (var id in ids)
        {
            ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(slots, id, out bool exists);
            if (!exists)
            {
                slot = n;
                distinct[n] = id;
                counts[n++] = 0;
            }
            counts[slot]++;
        }
        return new TermCounts(distinct[..n].ToArray(), counts[..n].ToArray());
    }

    // CountIds' scratch: id -> its index among the distinct ids (emptied on each use).
    private readonly Dictionary<int, int> _countSlots = [];

    /// <summary>This clusterer's id of the term with catalog number <paramref name="number"/>, the next free id when new.</summary>
    private int TermId(int number)
    {
        if (number >= _localIds.Length) Array.Resize(ref _localIds, Math.Max(number + 1, 2 * _localIds.Length));
        ref int local = ref _localIds[number];
        if (local == 0)
        {
            int id = _termCount++;
            local = id + 1;
            if (id == _stats.Length)
            {
                Array.Resize(ref _stats, _stats.Length * 2);
                Array.Resize(ref _scratch, _stats.Length);
                Array.Resize(ref _scratchBits, _stats.Length / 64);
                Array.Resize(ref _topBits, _stats.Length / 64);
                Array.Resize(ref _postings, _stats.Length);
            }
            _stats[id] = new TermStat { IdfStamp = -1 };
        }
        return local - 1;
    }

    /// <summary>This clusterer's id of the term with catalog number <paramref name="number"/>, or -1 when not met yet.</summary>
    private int KnownId(int number) => (uint)number < (uint)_localIds.Length ? _localIds[number] - 1 : -1;

    // TermWeights.SmoothedIdf, cached per article count.
    private double Idf(int term)
    {
        ref var stat = ref _stats[term];
        if (stat.IdfStamp == _documentCount) return stat.Idf;
        double idf = TermWeights.SmoothedIdf(_documentCount, stat.DocumentFrequency);
        stat.Idf = idf;
        stat.IdfStamp = _documentCount;
        return idf;
    }

    /// <summary>Sublinear tf (1 + ln tf) times idf, L2-normalised (Manning et al., IR book §6.4.1).</summary>
    private (int[] Terms, double[] Weights) Weigh(TermCounts tf)
    {
        var terms = tf.Ids;
        var weights = new double[terms.Length];
        double norm = 0;
        for (int i = 0; i < terms.Length; i++)
        {
            double w = TermWeights.SublinearTf(tf.Counts[i]) * Idf(terms[i]);
            weights[i] = w;
            norm += w * w;
        }
        norm = Math.Sqrt(norm);
        if (norm > 0) for (int k = 0; k < weights.Length; k++) weights[k] /= norm;
        return (terms, weights);
    }

    private TermVector Normalised(TermCounts tf)
    {
        var (terms, weights) = Weigh(tf);
        var result = new TermVector(terms.Length);
        for (int i = 0; i < terms.Length; i++) result.Add(terms[i], weights[i]);
        return result;
    }

    private static int[] ByWeight(int[] terms, double[] weights)
    {
        var order = new int[terms.Length];
        SortByWeight(order, terms, weights);
        return order;
    }

    /// <summary><see cref="ByWeight(int[], double[])"/> of the first <paramref name="count"/> entries, into a reused buffer.</summary>
    private static ReadOnlySpan<int> ByWeight(int[] terms, double[] weights, int count, ref int[] scratch)
    {
        var order = Room(ref scratch, count);
        SortByWeight(order, terms, weights);
        return order;
    }

    /// <summary>Fills <paramref name="order"/> with the indices 0.. of the entries, heaviest first. A total order (the
    /// terms are distinct), so any sort gives this one result.</summary>
    private static void SortByWeight(Span<int> order, int[] terms, double[] weights)
    {
        for (int i = 0; i < order.Length; i++) order[i] = i;
        order.Sort(new HeavierFirst(terms, weights));
    }

    /// <summary>Heavier first, ties by term id (a struct, so the sort calls it without a delegate).</summary>
    private readonly struct HeavierFirst(int[] terms, double[] weights) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            int c = weights[b].CompareTo(weights[a]);
            return c != 0 ? c : terms[a].CompareTo(terms[b]);
        }
    }

    private static int Week(DateOnly? date) => date is { } d ? Math.DivRem(d.DayNumber, 7).Quotient : NoWeek;

    // ---- events ---------------------------------------------------------------------------------------------------

    private void AddToEvent(EventState state, ArticleVector article) =>
        AddToEvent(state, article.Terms, article.Weights, article.Lead.Terms, article.Lead.Values, article.Names.Terms, article.Names.Values,
            article.Shingles, article.Bigrams, article.Top, article.Date, article.Posted, [],
            _split is not null && !state.Rejected ? KeepMember(article) : null);

    /// <summary>Adds an article, given by its parts, to an event. <paramref name="posted"/> and then
    /// <paramref name="postedMore"/> are the terms it posts under. <paramref name="keep"/>: with splitting on, what the
    /// live event keeps of the article for split checks.</summary>
    private void AddToEvent(EventState state, int[] terms, double[] weights, ReadOnlySpan<int> leadTerms, ReadOnlySpan<double> leadValues,
        ReadOnlySpan<int> nameTerms, ReadOnlySpan<double> nameValues, long[] shingles, long[] bigrams, Member top, DateOnly? date,
        ReadOnlySpan<int> posted, ReadOnlySpan<int> postedMore, SplitMember? keep)
    {
        // The centroid keeps each member's normalised sublinear tf (idf divided back out), so weights follow the
        // current idf at comparison time while every member counts equally.
        for (int k = 0; k < terms.Length; k++)
        {
            int term = terms[k];
            state.Sum.Add(term, weights[k] / Idf(term));
        }
        // With splitting on, a live event keeps what a split needs of each recent member (a rejected event, or a half
        // built only to be scored by a split check, is never split).
        if (keep is not null)
        {
            if (state.Kept.Count == KeptMembers) state.Kept.RemoveAt(0);
            state.Kept.Add(keep);
        }
        // Leads and names keep weights as read (idf at arrival); their norms are kept up to date incrementally.
        state.LeadNormSq = AddInto(state.Lead, leadTerms, leadValues, state.LeadNormSq);
        state.NameNormSq = AddInto(state.Names, nameTerms, nameValues, state.NameNormSq);
        foreach (var s in shingles) state.Shingles.Add(s);
        foreach (var b in bigrams) state.Bigrams.Add(b);
        if (state.Members.Count == KeptMembers) state.Members.RemoveAt(0);
        state.Members.Add(top);
        state.Size++;
        state.NormStamp = 0;
        state.Touched = _documentCount;
        if (date is { } d)
        {
            if (state.First is null || d < state.First) state.First = d;
            if (state.Last is null || d > state.Last) state.Last = d;
        }
        if (state.Rejected) return;
        int week = Week(date);
        Post(posted);
        Post(postedMore);

        void Post(ReadOnlySpan<int> list)
        {
            foreach (var term in list)
            {
                if (!state.Posted.Add(((long)term << 32) | (uint)week)) continue;
                (_postings[term] ??= new TermPostings()).ListOf(week).Add(state);
            }
        }
    }

    private static double AddInto(TermVector sum, TermVector add, double normSq) => AddInto(sum, add.Terms, add.Values, normSq);

    private static double AddInto(TermVector sum, ReadOnlySpan<int> terms, ReadOnlySpan<double> values, double normSq)
    {
        for (int i = 0; i < terms.Length; i++)
        {
            double v = values[i];
            double old = sum.AddReturningOld(terms[i], v);
            normSq += (old + v) * (old + v) - old * old;
        }
        return normSq;
    }

    /// <summary>Events sharing the most of the article's query terms and names, within the time window of its date.</summary>
    private List<(long Id, int Votes, double Weight)> Candidates(ArticleVector article) => Candidates(article.Query, article.Date, article.Date, 0);

    /// <summary>The fallback window (<see cref="FallbackWindow"/>): for a dated article about to open an event, the
    /// candidates within the wider window that were outside the first one (every candidate already scored was inside
    /// it), scored by the join model; the most probable if it reaches the fallback cut, else none (0). These pairs are
    /// not shown to the training hook.</summary>
    private (long Best, double Score, double Cosine) SecondLook(ArticleVector article, FallbackWindow fallback)
    {
        var wide = Candidates(article.Query, article.Date, article.Date, 0, fallback.Days);
        wide.RemoveAll(c => InWindow(_events[c.Id], article.Date, article.Date, _options.WindowDays));
        if (wide.Count == 0) return (0, 0, 0);
        var (cosines, bests) = ScoreCosines(article, wide, true);
        var (top, next) = TopTwo(cosines);
        var features = _features;
        long best = 0;
        double bestScore = 0, bestCosine = 0;
        for (int i = 0; i < wide.Count; i++)
        {
            PairFeatures(article, _events[wide[i].Id], cosines[i], Other(cosines[i], top, next), top, bests[i], wide[i].Votes, wide[i].Weight, features);
            double p = _model!.Join.Score(features);
            if (p > bestScore || (p == bestScore && p > 0 && wide[i].Id < best))
            {
                best = wide[i].Id;
                bestScore = p;
                bestCosine = cosines[i];
            }
        }
        return bestScore >= fallback.Cut ? (best, bestScore, bestCosine) : (0, 0, 0);
    }

    private List<(long Id, int Votes, double Weight)> Candidates(IEnumerable<int> queryTerms, DateOnly? first, DateOnly? last, long exclude) =>
        Candidates(queryTerms, first, last, exclude, _options.WindowDays);

    private List<(long Id, int Votes, double Weight)> Candidates(IEnumerable<int> queryTerms, DateOnly? first, DateOnly? last, long exclude, int windowDays)
    {
        // Per event (fields of EventState, valid for this query's stamp): votes, summed idf of the voting terms, and
        // the last query term that voted (an event posted under one term in several weeks votes once for it).
        int stamp = ++_voteStamp;
        var voted = _voted;
        voted.Clear();
        // Postings of terms in more than a tenth of all articles hold no evidence of a shared event and cost the most.
        int maxPosting = Math.Max(50, _documentCount / 10);
        bool dated = first is not null && last is not null;
        // The weeks of the time window (the same for every term), read after the undated postings.
        int from = dated ? Week(first!.Value.AddDays(-windowDays)) : 0;
        int to = dated ? Week(last!.Value.AddDays(windowDays)) : -1;
        int index = 0;
        foreach (var term in queryTerms)
        {
            index++;
            if (_postings[term] is not { } postings) continue;
            double idf = Idf(term);
            // The undated postings come first (NoWeek is the least week), then the weeks in order; an undated query has
            // no window and reads every week.
            int k = 0;
            if (dated)
            {
                if (postings.Weeks[0] == NoWeek) Vote(postings.Lists[0]);
                k = postings.FirstAtOrAfter(from);
            }
            for (; k < postings.Count && (!dated || postings.Weeks[k] <= to); k++) Vote(postings.Lists[k]);

            void Vote(List<EventState> list)
            {
                if (list.Count > maxPosting) return;
                foreach (var raw in list)
                {
                    var e = raw;
                    while (e.MergedInto is { } into) e = into;
                    if (e.Id == exclude) continue;
                    if (e.VoteStamp != stamp)
                    {
                        e.VoteStamp = stamp;
                        e.Votes = 0;
                        e.VoteWeight = 0;
                        e.VoteTerm = 0;
                        voted.Add(e);
                    }
                    if (e.VoteTerm == index) continue;
                    e.Votes++;
                    e.VoteWeight += idf;
                    e.VoteTerm = index;
                }
            }
        }
        voted.Sort(static (a, b) => a.Votes != b.Votes ? b.Votes.CompareTo(a.Votes) : a.Id.CompareTo(b.Id));
        var result = new List<(long, int, double)>(Math.Min(voted.Count, _options.MaxCandidates));
        foreach (var e in voted)
        {
            if (e.Rejected || !InWindow(e, first, last, windowDays)) continue;
            result.Add((e.Id, e.Votes, e.VoteWeight));
            if (result.Count == _options.MaxCandidates) break;
        }
        voted.Clear();
        return result;
    }

    // Candidates' scratch: the stamp of the current query and the events it reached.
    private int _voteStamp;
    private readonly List<EventState> _voted = [];

    private bool InWindow(EventState e, DateOnly? first, DateOnly? last) => InWindow(e, first, last, _options.WindowDays);

    private static bool InWindow(EventState e, DateOnly? first, DateOnly? last, int windowDays)
    {
        if (first is null || last is null || e.First is null || e.Last is null) return true;
        return first.Value.DayNumber <= e.Last.Value.DayNumber + windowDays
            && last.Value.DayNumber >= e.First.Value.DayNumber - windowDays;
    }

    // ---- scoring --------------------------------------------------------------------------------------------------

    private (List<double> Cosines, List<double> BestMembers) ScoreCosines(ArticleVector article, List<(long Id, int Votes, double Weight)> candidates, bool members)
    {
        for (int k = 0; k < article.Terms.Length; k++) Scatter(article.Terms[k], article.Weights[k] * Idf(article.Terms[k]));
        _scatteredList = article.Terms;
        // Reused lists: read by the caller before the next article is scored.
        var result = _cosines;
        var bests = _bests;
        result.Clear();
        bests.Clear();
        foreach (var (id, _, _) in candidates)
        {
            var e = _events[id];
            result.Add(Cosine(e, article.Terms.Length));
            if (members) bests.Add(BestMember(e, 1));
        }
        ClearScratch(article.Terms);
        _scatteredList = null;
        return (result, bests);
    }

    private readonly List<double> _cosines = [];
    private readonly List<double> _bests = [];

    /// <summary>The highest cosine of the scattered side (of norm <paramref name="norm"/>) to one of the event's kept members' top terms.</summary>
    private double BestMember(EventState e, double norm)
    {
        double best = 0;
        var scratch = _scratch;
        var bits = _scratchBits;
        foreach (var m in e.Members)
        {
            // Terms not scattered add +0 to a sum of non-negative products: skipping them leaves it bit for bit.
            double dot = 0;
            for (int k = 0; k < m.Terms.Length; k++)
            {
                int term = m.Terms[k];
                if ((bits[term >> 6] & (1UL << term)) != 0) dot += scratch[term] * m.Values[k];
            }
            if (m.Norm > 0 && norm > 0) best = Math.Max(best, dot / (m.Norm * norm));
        }
        return Math.Min(best, 1);
    }

    private static (double Top, double Next) TopTwo(List<double> values)
    {
        double top = 0, next = 0;
        foreach (var v in values)
        {
            if (v > top) (top, next) = (v, top);
            else if (v > next) next = v;
        }
        return (top, next);
    }

    /// <summary>The best value among the other candidates: the runner-up for the best one, else the best.</summary>
    private static double Other(double value, double top, double next) => value == top ? next : top;

    private double Cohesion(EventState e) => e.Size <= 1 ? 1 : Math.Min(1, CentroidNorm(e) / e.Size);

    private void PairFeatures(ArticleVector article, EventState e, double cosine, double otherCosine, double topCosine, double bestMember, int votes, double voteWeight, double[] f)
    {
        double logSize = Math.Log(1 + e.Size);
        f[0] = cosine;
        f[1] = Math.Sqrt(cosine);
        f[2] = cosine - topCosine;
        f[3] = cosine * logSize;
        f[4] = SparseCosine(article.Lead, 1, e.Lead, e.LeadNormSq);
        f[5] = SparseCosine(article.Names, 1, e.Names, e.NameNormSq);
        f[6] = Math.Log(1 + Shared(article.Names, e.Names));
        f[7] = CopyShare(article.Shingles, e.Shingles);
        (f[8], f[9]) = Gap(article.Date, article.Date, e);
        f[10] = logSize;
        f[11] = article.Query.Length == 0 ? 0 : (double)votes / article.Query.Length;
        f[12] = bestMember;
        f[13] = Cohesion(e);
        f[14] = Math.Log(1 + article.Terms.Length);
        f[15] = cosine - otherCosine;
        f[16] = article.QueryWeight <= 0 ? 0 : Math.Min(1, voteWeight / article.QueryWeight);
        f[17] = CopyShare(article.Bigrams, e.Bigrams);
        RareFeatures(article.Rare, e.Sum, e.Size + 1, f);
    }

    /// <summary>The same features for two events, the smaller one standing in for the article.</summary>
    private void PairFeatures(EventState small, EventState large, double cosine, double otherCosine, double topCosine, double bestMember, double[] f)
    {
        double logSize = Math.Log(1 + large.Size);
        f[0] = cosine;
        f[1] = Math.Sqrt(cosine);
        f[2] = cosine - topCosine;
        f[3] = cosine * logSize;
        f[4] = SparseCosine(small.Lead, Math.Sqrt(small.LeadNormSq), large.Lead, large.LeadNormSq);
        f[5] = SparseCosine(small.Names, Math.Sqrt(small.NameNormSq), large.Names, large.NameNormSq);
        f[6] = Math.Log(1 + Shared(small.Names, large.Names));
        f[7] = small.Shingles.Count == 0 ? 0 : (double)SharedCount(small.Shingles, large.Shingles) / small.Shingles.Count;
        (f[8], f[9]) = Gap(small.First, small.Last, large);
        f[10] = logSize;
        f[11] = 1;
        f[12] = bestMember;
        f[13] = Cohesion(large);
        f[14] = Math.Log(1 + (double)small.Sum.Count / Math.Max(1, small.Size));
        f[15] = cosine - otherCosine;
        f[16] = 1;
        f[17] = small.Bigrams.Count == 0 ? 0 : (double)SharedCount(small.Bigrams, large.Bigrams) / small.Bigrams.Count;
        RareFeatures(RarestShareable(small), large.Sum, small.Size + large.Size, f);
    }

    /// <summary>|a ∩ b|, walking the smaller set (the count is the same either way).</summary>
    private static int SharedCount(LongSet a, LongSet b) => LongSet.SharedCount(a, b);

    private static double CopyShare(long[] shingles, LongSet seen)
    {
        if (shingles.Length == 0 || seen.Count == 0) return 0;
        int found = 0;
        foreach (var x in shingles) if (seen.Contains(x)) found++;
        return (double)found / shingles.Length;
    }

    private static double SparseCosine(TermVector a, double aNorm, TermVector b, double bNormSq)
    {
        if (a.Count == 0 || b.Count == 0 || aNorm == 0 || bNormSq <= 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        double dot = 0;
        var terms = small.Terms;
        var values = small.Values;
        for (int i = 0; i < terms.Length; i++)
        {
            if (large.TryGetValue(terms[i], out var w)) dot += values[i] * w;
        }
        return Math.Clamp(dot / (aNorm * Math.Sqrt(bNormSq)), 0, 1);
    }

    private static int Shared(TermVector a, TermVector b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        int n = 0;
        foreach (var k in small.Terms) if (large.Contains(k)) n++;
        return n;
    }

    private static (double Gap, double Undated) Gap(DateOnly? first, DateOnly? last, EventState e)
    {
        if (first is null || last is null || e.First is null || e.Last is null) return (0, 1);
        int days = Math.Max(0, Math.Max(e.First.Value.DayNumber - last.Value.DayNumber, first.Value.DayNumber - e.Last.Value.DayNumber));
        return (Math.Log(1 + days), 0);
    }

    // A dense scratch row indexed by term id, zero between uses: scoring scatters one side into it and walks the
    // other side's entries, so a shared term costs an array read instead of a hash lookup.
    // (_scratch has a slot for every term id.)
    private void Scatter(int term, double value)
    {
        _scratch[term] = value;
        _scratchBits[term >> 6] |= 1UL << term;
    }

    private void ClearScratch(ReadOnlySpan<int> terms)
    {
        var scratch = _scratch;
        var bits = _scratchBits;
        foreach (var term in terms)
        {
            scratch[term] = 0;
            bits[term >> 6] &= ~(1UL << term);
        }
    }

    /// <summary>Scatters an event's centroid for <see cref="Cosine(EventState, EventState)"/>: its idf-free values times idf²
    /// (the other side brings no idf). Clear with <see cref="ClearScratch"/> on its terms.</summary>
    private void ScatterCentroid(EventState e)
    {
        var terms = e.Sum.Terms;
        var values = e.Sum.Values;
        for (int i = 0; i < terms.Length; i++)
        {
            double idf = Idf(terms[i]);
            Scatter(terms[i], values[i] * idf * idf);
        }
    }

    /// <summary>The dot product of the scattered side, holding <paramref name="scatteredTerms"/> terms listed in
    /// <see cref="_scatteredList"/> when known, with the event's centroid: walks the smaller of the two.</summary>
    private double Dot(EventState e, int scatteredTerms)
    {
        if (_scatteredList is { } list && e.Sum.Count > 4 * scatteredTerms)
        {
            // A large event's centroid holds far more terms than one article: look the article's terms up instead.
            double sum = 0;
            var sums = e.Sum;
            var scratch = _scratch;
            foreach (var term in list)
            {
                if (sums.TryGetValue(term, out var s)) sum += scratch[term] * s;
            }
            return sum;
        }
        return Dot(e);
    }

    private int[]? _scatteredList;

    private double Dot(EventState e)
    {
        // A centroid keeps idf-free values; the scattered side carries the idf² that the product needs.
        // Terms not scattered add +0 (all products are non-negative): skipping them leaves the sum bit for bit.
        double dot = 0;
        var scratch = _scratch;
        var bits = _scratchBits;
        var terms = e.Sum.Terms;
        var values = e.Sum.Values;
        for (int i = 0; i < terms.Length; i++)
        {
            int term = terms[i];
            if ((bits[term >> 6] & (1UL << term)) != 0) dot += scratch[term] * values[i];
        }
        return dot;
    }

    private double Cosine(EventState e, int scatteredTerms)
    {
        double dot = Dot(e, scatteredTerms);
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
        var terms = e.Sum.Terms;
        var values = e.Sum.Values;
        for (int i = 0; i < terms.Length; i++)
        {
            double w = values[i] * Idf(terms[i]);
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

    // The article's closest candidate events (by body cosine) that are also checked for a merge.
    private const int MergeCandidates = 5;

    /// <summary>The candidates most similar to the article, best first (ties by id): an event that grew by this article
    /// moved towards them, so they are where a new merge can come from. Since issue 14 these are the closest five by
    /// cosine rather than the first ten by shared query terms: the merge check was 40 % of the clusterer's time at
    /// 10,000 stored articles, and a candidate far from the article rarely becomes mergeable through it.</summary>
    private static List<long> MergePool(List<(long Id, int Votes, double Weight)> candidates, List<double> cosines)
    {
        Span<int> order = candidates.Count <= 64 ? stackalloc int[candidates.Count] : new int[candidates.Count];
        int n = 0;
        for (int i = 0; i < candidates.Count; i++) if (cosines[i] > 0) order[n++] = i;
        order = order[..n];
        order.Sort(new CloserFirst(candidates, cosines));
        var pool = new List<long>(Math.Min(order.Length, MergeCandidates));
        foreach (var i in order)
        {
            if (pool.Count == MergeCandidates) break;
            pool.Add(candidates[i].Id);
        }
        return pool;
    }

    /// <summary>Higher cosine first, ties by event id (a struct, so the sort calls it without a delegate).</summary>
    private readonly struct CloserFirst(List<(long Id, int Votes, double Weight)> candidates, List<double> cosines) : IComparer<int>
    {
        public int Compare(int a, int b) =>
            cosines[a] != cosines[b] ? cosines[b].CompareTo(cosines[a]) : candidates[a].Id.CompareTo(candidates[b].Id);
    }

    /// <summary>Merges the grown event with the closest of the article's other candidate events while they belong
    /// together (the model on the event pair, or the centroid cosine without a model). The article's candidates are
    /// where new closeness can come from: the event only moved towards the article's terms.</summary>
    private readonly SortedSet<long> _touched = [];
    private int _sincePass;

    /// <summary>The second merge pass (issue 14): every <see cref="ClusteringOptions.MergePassInterval"/> articles, each
    /// event that grew since the last pass looks for neighbours through the postings of its own centroid's top terms
    /// (not only the last article's candidates) and merges with them while the merge model agrees. Events that formed
    /// apart, before an article bridged them, meet here. Cost: the events touched since the last pass, each one
    /// postings query and at most five event pairs, so it stays bounded per article.</summary>
    private void MergePass(List<EventMerge> merges)
    {
        if (_options.MergePassInterval <= 0) return;
        _sincePass++;
        if (_sincePass < _options.MergePassInterval) return;
        _sincePass = 0;
        var touched = _touched.ToList();
        _touched.Clear();
        foreach (var raw in touched)
        {
            long id = Resolve(raw);
            if (!_events.TryGetValue(id, out var e) || e.Rejected) continue;
            var top = TopTerms(e.Sum, _options.QueryTerms);
            var found = Candidates(top, e.First, e.Last, id);
            merges.AddRange(MergeNeighbours(e, found.ConvertAll(c => c.Id)));
        }
        _touched.Clear();
    }

    /// <summary>The centroid's <paramref name="count"/> heaviest terms at the current idf (ties by term id), heaviest first.</summary>
    private List<int> TopTerms(TermVector sum, int count)
    {
        var terms = sum.Terms.ToArray();
        var weights = new double[terms.Length];
        var values = sum.Values;
        for (int i = 0; i < terms.Length; i++) weights[i] = values[i] * Idf(terms[i]);
        var order = ByWeight(terms, weights);
        var top = new List<int>(Math.Min(count, order.Length));
        for (int k = 0; k < order.Length && k < count; k++) top.Add(terms[order[k]]);
        return top;
    }

    private List<EventMerge> MergeNeighbours(EventState grown, List<long> candidates)
    {
        if (_options.MergePassInterval > 0) _touched.Add(grown.Id);
        var merges = new List<EventMerge>();
        int poolSize = Math.Min(candidates.Count, MergeCandidates);
        double cut = _model?.MergeCut ?? _options.MergeThreshold;
        if (cut > 1 && Observer is null) return merges;
        var features = _features;
        var scoredPool = _scoredPool;
        var cosines = _poolCosines;
        while (true)
        {
            scoredPool.Clear();
            bool scattered = false;
            for (int p = 0; p < poolSize; p++)
            {
                long candidate = Resolve(candidates[p]);
                if (candidate == grown.Id || !_events.TryGetValue(candidate, out var neighbour) || neighbour.Rejected) continue;
                if (!InWindow(neighbour, grown.First, grown.Last) || Listed(scoredPool, candidate)) continue;
                if (!scattered)
                {
                    ScatterCentroid(grown);
                    scattered = true;
                }
                scoredPool.Add((candidate, Cosine(grown, neighbour), _model is null ? 0 : BestMember(neighbour, CentroidNorm(grown))));
            }
            if (scattered) ClearScratch(grown.Sum.Terms);

            long best = 0;
            double bestScore = 0;
            cosines.Clear();
            foreach (var x in scoredPool) cosines.Add(x.Cosine);
            var (top, next) = TopTwo(cosines);
            foreach (var (candidate, cosine, bestMember) in scoredPool)
            {
                double score = cosine;
                if (_model is not null)
                {
                    var other = _events[candidate];
                    var (small, large) = grown.Size <= other.Size ? (grown, other) : (other, grown);
                    PairFeatures(small, large, cosine, Other(cosine, top, next), top, bestMember, features);
                    score = _model.Merge.Score(features);
                    Observer?.Invoke(new PairObservation(true, grown.Id, candidate, features));
                }
                if (score > bestScore || (score == bestScore && score > 0 && candidate < best))
                {
                    best = candidate;
                    bestScore = score;
                }
            }
            if (best == 0 || bestScore < cut) return merges;

            merges.Add(Absorb(grown, _events[best], out grown));
        }

        static bool Listed(List<(long Id, double Cosine, double BestMember)> pool, long id)
        {
            foreach (var x in pool) if (x.Id == id) return true;
            return false;
        }
    }

    // MergeNeighbours' scratch: the pool's scores and their cosines (refilled for each round of each check).
    private readonly List<(long Id, double Cosine, double BestMember)> _scoredPool = [];
    private readonly List<double> _poolCosines = [];

    /// <summary>Merges two live events into one and returns the merge. The older event (lower id) survives, so links to it
    /// stay valid; postings of the absorbed event lead to it (<see cref="EventState.Retire"/>).</summary>
    private EventMerge Absorb(EventState a, EventState b, out EventState kept)
    {
        var (keep, absorb) = a.Id < b.Id ? (a, b) : (b, a);
        keep.Sum.AddAll(absorb.Sum);
        keep.LeadNormSq = AddInto(keep.Lead, absorb.Lead, keep.LeadNormSq);
        keep.NameNormSq = AddInto(keep.Names, absorb.Names, keep.NameNormSq);
        keep.Shingles.UnionWith(absorb.Shingles);
        keep.Bigrams.UnionWith(absorb.Bigrams);
        keep.Members.AddRange(absorb.Members);
        if (keep.Members.Count > KeptMembers) keep.Members.RemoveRange(0, keep.Members.Count - KeptMembers);
        keep.Kept.AddRange(absorb.Kept);
        if (keep.Kept.Count > KeptMembers) keep.Kept.RemoveRange(0, keep.Kept.Count - KeptMembers);
        keep.Posted.UnionWith(absorb.Posted);
        keep.Size += absorb.Size;
        keep.NormStamp = 0;
        keep.Touched = Math.Max(keep.Touched, absorb.Touched);
        if (absorb.First is { } f && (keep.First is null || f < keep.First)) keep.First = f;
        if (absorb.Last is { } l && (keep.Last is null || l > keep.Last)) keep.Last = l;
        _events.Remove(absorb.Id);
        _mergedInto[absorb.Id] = keep.Id;
        absorb.Retire(keep);
        kept = keep;
        return new EventMerge(absorb.Id, keep.Id);
    }

    /// <summary>One term's postings: the weeks it was posted in, ascending (NoWeek first), and the events of each week
    /// in order of posting.</summary>
    private sealed class TermPostings
    {
        public int[] Weeks = new int[2];
        public List<EventState>[] Lists = new List<EventState>[2];
        public int Count;

        /// <summary>The index of the first week at or after <paramref name="week"/> (<see cref="Count"/> when none).</summary>
        public int FirstAtOrAfter(int week)
        {
            int lo = 0, hi = Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (Weeks[mid] < week) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /// <summary>The events posted in <paramref name="week"/>, a new list when none were.</summary>
        public List<EventState> ListOf(int week)
        {
            int at = FirstAtOrAfter(week);
            if (at < Count && Weeks[at] == week) return Lists[at];
            if (Count == Weeks.Length)
            {
                Array.Resize(ref Weeks, 2 * Count);
                Array.Resize(ref Lists, 2 * Count);
            }
            Array.Copy(Weeks, at, Weeks, at + 1, Count - at);
            Array.Copy(Lists, at, Lists, at + 1, Count - at);
            Count++;
            Weeks[at] = week;
            return Lists[at] = [];
        }
    }

    /// <summary>An article's highest-weighted terms, values idf-free as in a centroid, and their norm at arrival.</summary>
    private sealed record Member(int[] Terms, double[] Values, double Norm);

    /// <summary>An event; <paramref name="first"/>, its first article, sizes its sets and vectors, so they are made at
    /// the size it needs rather than grown from a few entries through doublings (garbage the collector must sweep).</summary>
    private sealed class EventState(long id, ArticleVector? first = null)
    {
        public long Id { get; } = id;
        public TermVector Sum { get; private set; } = new(first?.Terms.Length ?? 0);
        public TermVector Lead { get; private set; } = new(first?.Lead.Count ?? 0);
        public double LeadNormSq { get; set; }
        public TermVector Names { get; private set; } = new(first?.Names.Count ?? 0);
        public double NameNormSq { get; set; }
        public LongSet Shingles { get; private set; } = new(first?.Shingles.Length ?? 0);
        public LongSet Bigrams { get; private set; } = new(first?.Bigrams.Length ?? 0);
        /// <summary>The top terms of the most recent members (at most <see cref="KeptMembers"/>), oldest first.</summary>
        public List<Member> Members { get; private set; } = [];
        /// <summary>With event splitting on: the most recent members (at most <see cref="KeptMembers"/>), oldest first,
        /// with what each added to the centroid.</summary>
        public List<SplitMember> Kept { get; private set; } = [];
        /// <summary>The size at the last split check.</summary>
        public int SplitStamp { get; set; }
        /// <summary>(term, week) keys already in the postings.</summary>
        public LongSet Posted { get; private set; } = new(first?.Posted.Length ?? 0);

        /// <summary>An event opened by a split for the group of <paramref name="first"/>, sized for it as for an article.</summary>
        public EventState(long id, KeptArticle first) : this(id)
        {
            Sum = new(first.Terms.Length);
            Lead = new(first.Lead.Terms.Length);
            Names = new(first.Names.Terms.Length);
            Shingles = new(first.Shingles.Length);
            Bigrams = new(first.Bigrams.Length);
            Posted = new(first.Top.Terms.Length + first.Names.Terms.Length);
        }

        /// <summary>Marks the event merged into <paramref name="into"/> and lets its contents go: the postings still
        /// list it (they lead through <see cref="MergedInto"/> to the live event), but nothing reads its centroid,
        /// leads, names, sets or members again, and at 100,000 articles they were most of a merged event's memory.</summary>
        public void Retire(EventState into)
        {
            MergedInto = into;
            Sum = Empty.Sum;
            Lead = Empty.Lead;
            Names = Empty.Names;
            Shingles = Empty.Shingles;
            Bigrams = Empty.Bigrams;
            Members = Empty.Members;
            Kept = Empty.Kept;
            Posted = Empty.Posted;
        }

        // What a retired event holds: empty, shared, and never written (a retired event is out of _events, and every
        // path to it from the postings follows MergedInto first).
        private static readonly EventState Empty = new(0);
        public bool Rejected { get; init; }
        public int Size { get; set; }
        public int Touched { get; set; }
        public DateOnly? First { get; set; }
        public DateOnly? Last { get; set; }
        public double Norm { get; set; }
        /// <summary>The article count when <see cref="Norm"/> was computed; 0 = not valid.</summary>
        public int NormStamp { get; set; }
        /// <summary>The event this one was merged into (null while live).</summary>
        public EventState? MergedInto;
        // Candidate votes of the query with stamp VoteStamp (see Candidates).
        public int VoteStamp;
        public int Votes;
        public double VoteWeight;
        public int VoteTerm;
    }
}

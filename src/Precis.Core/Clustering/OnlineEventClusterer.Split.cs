namespace Precis.Clustering;

public sealed partial class OnlineEventClusterer
{
    // Each group of a split must hold at least this many kept members.
    private const int SplitMinSide = 3;

    /// <summary>A kept member for event splitting: what a split check and a split need of the article
    /// (<paramref name="article"/>), and the article count and its terms' document frequencies when it was added to the
    /// event, from which what it added to the centroid is recomputed.</summary>
    private sealed class SplitMember(KeptArticle article, int documents, int[] documentFrequencies)
    {
        private double[]? _added;

        public KeptArticle Article { get; } = article;

        /// <summary>What the member added to the event's centroid, term by term: each weight over the term's idf when it
        /// was added, recomputed on first use (a member is read for this only when a split moves it). Bit for bit the
        /// values added: the idf is a pure function of the article count and the document frequency.</summary>
        public double[] Added => _added ??= Recompute();

        private double[] Recompute()
        {
            var weights = Article.Weights;
            var added = new double[weights.Length];
            for (int k = 0; k < weights.Length; k++) added[k] = weights[k] / TermWeights.SmoothedIdf(documents, documentFrequencies[k]);
            return added;
        }
    }

    /// <summary>An article's leads or names as <see cref="ArticleVector"/> has them, in plain arrays.</summary>
    private sealed record SparseArrays(int[] Terms, double[] Values)
    {
        public static SparseArrays Of(TermVector vector) => new(vector.Terms.ToArray(), vector.Values.ToArray());
    }

    /// <summary>What an event keeps of a recent member for event splitting: the parts of the <see cref="ArticleVector"/>
    /// that a split check reads and a split moves. Its tf-idf weights are not kept but recomputed, bit for bit, on first
    /// use (a check; most members never meet one) from the term counts (a byte each when they fit), the article count
    /// and the terms' document frequencies when it was read: <see cref="Weigh"/>'s arithmetic on the same numbers. It
    /// leaves out what only deciding the article needed (query and rare terms) and what is rebuilt from the rest (the
    /// posted terms: the top terms, then the names), and keeps leads and names without their hash index.</summary>
    private sealed class KeptArticle
    {
        private double[]? _weights;

        public required string Id { get; init; }
        public required int[] Terms { get; init; }
        /// <summary>Term counts when all are below 256 (else null, and <see cref="LargeCounts"/> holds them).</summary>
        public required byte[]? SmallCounts { get; init; }
        public required int[]? LargeCounts { get; init; }
        /// <summary>The article count and the terms' document frequencies when the article was read.</summary>
        public required int Documents { get; init; }
        public required int[] DocumentFrequencies { get; init; }
        public required SparseArrays Lead { get; init; }
        public required SparseArrays Names { get; init; }
        public required long[] Shingles { get; init; }
        public required long[] Bigrams { get; init; }
        public required Member Top { get; init; }
        public DateOnly? Date { get; init; }

        /// <summary>The article's tf-idf weights as read (L2-normalised), recomputed on first use and then kept.</summary>
        public double[] Weights => _weights ??= Recompute();

        private double[] Recompute()
        {
            // As Weigh: sublinear tf times the idf of then, in term order, then divided by the norm.
            var weights = new double[Terms.Length];
            double norm = 0;
            for (int i = 0; i < weights.Length; i++)
            {
                double w = TermWeights.SublinearTf(SmallCounts is { } small ? small[i] : LargeCounts![i]) * TermWeights.SmoothedIdf(Documents, DocumentFrequencies[i]);
                weights[i] = w;
                norm += w * w;
            }
            norm = Math.Sqrt(norm);
            if (norm > 0) for (int k = 0; k < weights.Length; k++) weights[k] /= norm;
            return weights;
        }
    }

    /// <summary>What a live event keeps of <paramref name="a"/>, read at the current article count.</summary>
    private KeptArticle Keep(ArticleVector a)
    {
        var terms = a.Terms;
        byte[]? small = null;
        if (a.Counts.AsSpan().IndexOfAnyExceptInRange(1, 255) < 0)
        {
            small = new byte[a.Counts.Length];
            for (int k = 0; k < small.Length; k++) small[k] = (byte)a.Counts[k];
        }
        return new KeptArticle
        {
            Id = a.Id, Terms = terms, SmallCounts = small, LargeCounts = small is null ? a.Counts : null, Documents = _documentCount,
            DocumentFrequencies = DocumentFrequencies(terms), Lead = SparseArrays.Of(a.Lead), Names = SparseArrays.Of(a.Names),
            Shingles = a.Shingles, Bigrams = a.Bigrams, Top = a.Top, Date = a.Date,
        };
    }

    /// <summary>A live event's kept member for <paramref name="a"/>, added as it is read (the article count and document
    /// frequencies of its reading are those of its addition).</summary>
    private SplitMember KeepMember(ArticleVector a)
    {
        var kept = Keep(a);
        return new SplitMember(kept, kept.Documents, kept.DocumentFrequencies);
    }

    /// <summary>The document frequencies of <paramref name="terms"/> now.</summary>
    private int[] DocumentFrequencies(int[] terms)
    {
        var frequencies = new int[terms.Length];
        var stats = _stats;
        for (int k = 0; k < terms.Length; k++) frequencies[k] = stats[terms[k]].DocumentFrequency;
        return frequencies;
    }

    /// <summary>Adds a kept member to an event (a split's half, or the event a split opens), as the article was added.</summary>
    private void AddToEvent(EventState state, KeptArticle a) =>
        AddToEvent(state, a.Terms, a.Weights, a.Lead.Terms, a.Lead.Values, a.Names.Terms, a.Names.Values, a.Shingles, a.Bigrams, a.Top, a.Date,
            a.Top.Terms, a.Names.Terms, _split is not null && !state.Rejected ? new SplitMember(a, _documentCount, DocumentFrequencies(a.Terms)) : null);

    // Articles moved out of their event by a split: article id -> the event made for them.
    private readonly Dictionary<string, long> _movedTo = new(StringComparer.Ordinal);

    /// <summary>The live event of the article <paramref name="articleId"/> whose decision gave <paramref name="eventId"/>:
    /// <see cref="Resolve"/>, after any split that moved the article (<see cref="ClusteringOptions.SplitCut"/>).</summary>
    public long EventOf(string articleId, long eventId) =>
        Resolve(_movedTo.TryGetValue(articleId, out var moved) ? moved : eventId);

    /// <summary>Events made by splits so far.</summary>
    public int SplitCount { get; private set; }

    /// <summary>Test hook: runs the split check on event <paramref name="eventId"/> now; true when it split.</summary>
    internal bool TrySplit(long eventId)
    {
        return _events.TryGetValue(Resolve(eventId), out var e) && SplitCheck(e) is not null;
    }

    /// <summary>Checks whether the grown event <paramref name="e"/> holds two stories (see
    /// <see cref="ClusteringOptions.SplitCut"/>) and splits it when the merge scorer, read on its two halves, is below the
    /// cut; returns the split, or null. Cost: at most <see cref="KeptMembers"/>² sparse dot products per check.</summary>
    private EventSplit? SplitCheck(EventState e)
    {
        if (_model is null || _split is not { } split || e.Rejected) return null;
        var kept = e.Kept;
        int k = kept.Count;
        if (k < Math.Max(2 * SplitMinSide, split.MinMembers) || e.Size - e.SplitStamp < split.Every) return null;
        e.SplitStamp = e.Size;

        // Cosines between the kept members' tf-idf vectors as read (each L2-normalised).
        var sim = new double[k, k];
        var scratch = _scratch;
        var bits = _scratchBits;
        for (int i = 0; i < k; i++)
        {
            var a = kept[i].Article;
            for (int t = 0; t < a.Terms.Length; t++) Scatter(a.Terms[t], a.Weights[t]);
            for (int j = i + 1; j < k; j++)
            {
                var b = kept[j].Article;
                double dot = 0;
                for (int t = 0; t < b.Terms.Length; t++)
                {
                    int term = b.Terms[t];
                    if ((bits[term >> 6] & (1UL << term)) != 0) dot += scratch[term] * b.Weights[t];
                }
                sim[i, j] = sim[j, i] = dot;
            }
            ClearScratch(a.Terms);
        }

        // Seeds: the least similar pair (first in index order on ties); then each member joins the group it is closer
        // to on average, a few rounds of batch reassignment (2-means with average similarity in place of centroids).
        int s0 = 0, s1 = 1;
        for (int i = 0; i < k; i++)
        {
            for (int j = i + 1; j < k; j++)
            {
                if (sim[i, j] < sim[s0, s1]) (s0, s1) = (i, j);
            }
        }
        var side = new int[k];
        for (int i = 0; i < k; i++) side[i] = sim[i, s1] > sim[i, s0] ? 1 : 0;
        side[s0] = 0;
        side[s1] = 1;
        var next = new int[k];
        for (int round = 0; round < 10; round++)
        {
            bool changed = false;
            for (int i = 0; i < k; i++)
            {
                double sum0 = 0, sum1 = 0;
                int n0 = 0, n1 = 0;
                for (int j = 0; j < k; j++)
                {
                    if (j == i) continue;
                    if (side[j] == 0) { sum0 += sim[i, j]; n0++; }
                    else { sum1 += sim[i, j]; n1++; }
                }
                double m0 = n0 == 0 ? 0 : sum0 / n0, m1 = n1 == 0 ? 0 : sum1 / n1;
                next[i] = m1 > m0 ? 1 : m0 > m1 ? 0 : side[i];
                changed |= next[i] != side[i];
            }
            (side, next) = (next, side);
            if (!changed) break;
        }
        int ones = 0;
        foreach (var x in side) ones += x;
        if (ones < SplitMinSide || k - ones < SplitMinSide) return null;

        // The group of the oldest kept member stays (older articles, not kept, are more likely of its story).
        int stay = side[0];
        var stayer = new EventState(0) { Rejected = true };
        var mover = new EventState(0) { Rejected = true };
        var movers = new List<SplitMember>();
        var stayers = new List<SplitMember>();
        for (int i = 0; i < k; i++) (side[i] == stay ? stayers : movers).Add(kept[i]);
        // The halves are scoring-only events (marked rejected, so nothing is posted for them).
        foreach (var m in stayers) AddToEvent(stayer, m.Article);
        foreach (var m in movers) AddToEvent(mover, m.Article);

        // The merge scorer on the two halves, as MergeNeighbours reads a pool of one: the stayer scattered.
        ScatterCentroid(stayer);
        double cosine = Cosine(stayer, mover);
        double bestMember = BestMember(mover, CentroidNorm(stayer));
        ClearScratch(stayer.Sum.Terms);
        var features = _features;
        var (small, large) = stayer.Size <= mover.Size ? (stayer, mover) : (mover, stayer);
        PairFeatures(small, large, cosine, 0, cosine, bestMember, features);
        double p = _model.Merge.Score(features);
        if (p >= split.Cut) return null;

        // Split: the movers leave for an event of their own; their share of the centroid, leads and names is taken
        // out of the old event (shingles, bigrams, postings and dates stay: supersets that only widen its candidacy).
        long id = _nextEventId++;
        var fresh = new EventState(id, movers[0].Article);
        _events.Add(id, fresh);
        var moved = new string[movers.Count];
        for (int mi = 0; mi < movers.Count; mi++)
        {
            var m = movers[mi];
            var a = m.Article;
            moved[mi] = a.Id;
            for (int t = 0; t < a.Terms.Length; t++)
            {
                double old = e.Sum.AddReturningOld(a.Terms[t], -m.Added[t]);
                // Rounding can leave a tiny negative remainder; the dot products assume non-negative values.
                if (old - m.Added[t] < 0) e.Sum.Add(a.Terms[t], m.Added[t] - old);
            }
            e.LeadNormSq = Subtract(e.Lead, a.Lead, e.LeadNormSq);
            e.NameNormSq = Subtract(e.Names, a.Names, e.NameNormSq);
            e.Members.Remove(a.Top);
            e.Kept.Remove(m);
            e.Size--;
            AddToEvent(fresh, a);
            _movedTo[a.Id] = id;
        }
        e.NormStamp = 0;
        e.SplitStamp = e.Size;
        fresh.SplitStamp = fresh.Size;
        SplitCount++;
        return new EventSplit(e.Id, id, moved);
    }

    /// <summary>Takes <paramref name="sub"/> out of <paramref name="sum"/> (entries floored at 0) and returns the new norm².</summary>
    private static double Subtract(TermVector sum, SparseArrays sub, double normSq)
    {
        var terms = sub.Terms;
        var values = sub.Values;
        for (int i = 0; i < terms.Length; i++)
        {
            double old = sum[terms[i]];
            double v = Math.Min(values[i], old);
            sum.Add(terms[i], -v);
            normSq += (old - v) * (old - v) - old * old;
        }
        return Math.Max(0, normSq);
    }
}

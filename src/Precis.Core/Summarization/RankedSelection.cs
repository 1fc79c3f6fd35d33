using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Summarization;

/// <summary>
/// Turns a sentence ranking into a summary: takes sentences best-first, skipping any that do not fit or that
/// repeat a sentence already taken (content cosine ≥ <see cref="CitationLinker.EquivalenceThreshold"/>, the
/// cross-sentence redundancy filter of MEAD and LexRank), then orders them for reading.
/// </summary>
internal static class RankedSelection
{
    public static ImmutableArray<Sentence> Take(ClusterView view, IReadOnlyList<SentenceView> ranked, SummaryBudget budget)
    {
        var meter = new BudgetMeter(budget);
        var chosen = new List<SentenceView>();
        foreach (var s in ranked)
        {
            if (meter.IsFull) break;
            if (!meter.Fits(s.Sentence.Text) || IsRedundant(s, chosen)) continue;
            meter.TryAdd(s.Sentence.Text);
            chosen.Add(s);
        }
        var ordered = ReadingOrder.Sort(view, chosen);
        if (!budget.Fill || meter.IsFull) return ordered;
        // Fill mode: the best-ranked remaining sentence crosses the limit and goes last, where the evaluator cuts.
        foreach (var s in ranked)
        {
            if (chosen.Contains(s) || IsRedundant(s, chosen) || !meter.CanAdd(s.Sentence.Text)) continue;
            return ordered.Add(s.Sentence);
        }
        return ordered;
    }

    private static bool IsRedundant(SentenceView s, List<SentenceView> chosen) =>
        chosen.Exists(c => Redundancy.AreRedundant(c, s, CitationLinker.EquivalenceThreshold));

    /// <summary>
    /// Most sentences a graph method (LexRank, TextRank: an n×n similarity matrix) ranks; beyond it the leads of
    /// every article are kept first (sentence 1 of each, then sentence 2, ...). Above any benchmark cluster (a DUC 2004
    /// cluster has at most about 600 candidates).
    /// </summary>
    public const int MaxPool = 1_000;

    /// <summary>The sentences the ranking methods consider: the candidates, or every sentence when none qualifies;
    /// at most <see cref="MaxPool"/>, in reading order.</summary>
    public static SentenceView[] Pool(ClusterView view)
    {
        var pool = view.Sentences.Where(s => s.IsCandidate).ToArray();
        if (pool.Length == 0) pool = view.Sentences.Where(s => s.Content.Length > 0).ToArray();
        if (pool.Length <= MaxPool) return pool;
        var rank = new Dictionary<SentenceView, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < pool.Length; i++) rank[pool[i]] = i;
        return [.. pool.OrderBy(s => s.Sentence.Index).ThenBy(s => s.ArticleIndex).Take(MaxPool).OrderBy(s => rank[s])];
    }

    /// <summary>Sentence-level inverse document frequency, log(N / n_t), over <paramref name="pool"/>.</summary>
    public static double[] SentenceIdf(ClusterView view, SentenceView[] pool)
    {
        var df = new int[view.TermCount];
        foreach (var s in pool)
        {
            foreach (var (t, _) in s.ContentCounts) df[t]++;
        }
        var idf = new double[view.TermCount];
        for (int t = 0; t < idf.Length; t++) idf[t] = df[t] > 0 ? Math.Log((double)pool.Length / df[t]) : 0;
        return idf;
    }

    /// <summary>Orders by score, descending; ties by position in the input (earlier first).</summary>
    public static SentenceView[] Rank(SentenceView[] pool, double[] scores) =>
        [.. Enumerable.Range(0, pool.Length)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => pool[i].ArticleIndex)
            .ThenBy(i => pool[i].Sentence.Index)
            .Select(i => pool[i])];

    /// <summary>Stationary distribution of a row-stochastic matrix with damping (PageRank power iteration).</summary>
    public static double[] PageRank(double[][] weights, double damping)
    {
        ArgumentNullException.ThrowIfNull(weights);
        int n = weights.Length;
        var rowSum = weights.Select(r => r.Sum()).ToArray();
        var p = Enumerable.Repeat(1.0 / Math.Max(1, n), n).ToArray();
        var next = new double[n];
        for (int iter = 0; iter < 200; iter++)
        {
            double dangling = 0;
            for (int j = 0; j < n; j++)
            {
                if (rowSum[j] == 0) dangling += p[j];
            }
            for (int i = 0; i < n; i++) next[i] = (1 - damping) / n + damping * dangling / n;
            for (int j = 0; j < n; j++)
            {
                if (rowSum[j] == 0) continue;
                double share = damping * p[j] / rowSum[j];
                var row = weights[j];
                for (int i = 0; i < n; i++)
                {
                    if (row[i] != 0) next[i] += share * row[i];
                }
            }
            double delta = 0;
            for (int i = 0; i < n; i++) delta += Math.Abs(next[i] - p[i]);
            (p, next) = (next, p);
            if (delta < 1e-9) break;
        }
        return p;
    }
}

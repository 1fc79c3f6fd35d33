using System.Collections.Immutable;
using Precis.Documents;

namespace Precis.Deduplication;

/// <summary>How much two articles' shingle sets overlap.</summary>
/// <param name="First">Article number, the smaller of the two.</param>
/// <param name="Second">Article number, the larger of the two.</param>
/// <param name="Shared">|A ∩ B|: shingles the two have in common.</param>
/// <param name="Jaccard">|A ∩ B| / |A ∪ B| (Broder's resemblance).</param>
/// <param name="Containment">max(|A ∩ B| / |A|, |A ∩ B| / |B|): how much of the shorter one the longer one carries.
/// An edited copy that cut half the paragraphs keeps containment near 1 while its resemblance halves.</param>
public sealed record PairSimilarity(int First, int Second, int Shared, double Jaccard, double Containment);

/// <summary>
/// Finds copies of one story (wire copy run by several outlets, edited or cut) among a set of articles:
/// word-shingle sets, exact containment between candidate pairs, union-find over the pairs above the threshold.
/// Candidates are all pairs for small sets and MinHash LSH buckets for large ones.
/// </summary>
public sealed class SyndicationDetector
{
    /// <summary>
    /// Shingle length in words. 4-grams of stems: long enough that independent reports of one event share few of them
    /// (measured on the seeds and DUC 2004, see docs), short enough that light rewording of a wire copy leaves most
    /// shingles intact.
    /// </summary>
    public const int DefaultShingleSize = 4;

    /// <summary>
    /// Containment at or above which two articles are copies. Measured (docs/syndication.md): the two seed edits of
    /// one Reuters story score 0.70; independent reports of the same event in the seeds and in DUC 2004 clusters stay
    /// below 0.10 except genuine duplicates; the example wire copy scores about 0.8. 0.5 sits in the wide gap —
    /// "more than half of the shorter article is the longer one's text".
    /// </summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>
    /// Fewest shared shingles for a pair to count: a one-line article wholly quoted by another is not a copy of it.
    /// 20 shingles of 4 words is about one paragraph of shared text.
    /// </summary>
    public const int DefaultMinShared = 20;

    /// <summary>Up to this many articles every pair is measured exactly (an n×n table of shared shingle counts).</summary>
    public const int ExactPairLimit = 300;

    // LSH banding for large sets: 64 bands of 2 rows. A pair with resemblance J becomes a candidate with probability
    // 1 - (1 - J²)^64: 0.93 at J = 0.2, which a copy with containment 0.5 reaches when the longer article is at
    // most 2.5 times the shorter (Leskovec, Rajaraman, Ullman, Mining of Massive Datasets, ch. 3.4).
    private const int Bands = 64;
    private const int Rows = MinHashSignature.Permutations / Bands;

    public SyndicationDetector(int shingleSize = DefaultShingleSize, double threshold = DefaultThreshold, int minShared = DefaultMinShared)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(minShared);
        ShingleSize = shingleSize;
        Threshold = threshold;
        MinShared = minShared;
    }

    public int ShingleSize { get; }

    public double Threshold { get; }

    public int MinShared { get; }

    /// <summary>Similarity of every candidate pair, ordered by (First, Second). For small sets: every pair.</summary>
    public ImmutableArray<PairSimilarity> Measure(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var sets = articles.Select(a => ShingleSet.Of(a, ShingleSize)).ToArray();
        var result = ImmutableArray.CreateBuilder<PairSimilarity>();
        if (sets.Length <= ExactPairLimit)
        {
            var shared = SharedCounts(sets);
            for (int i = 0; i < sets.Length; i++)
            {
                for (int j = i + 1; j < sets.Length; j++)
                {
                    result.Add(Compare(articles[i].Number, sets[i], articles[j].Number, sets[j], shared[i * sets.Length + j]));
                }
            }
        }
        else
        {
            foreach (var (i, j) in LshCandidates(sets))
            {
                result.Add(Compare(articles[i].Number, sets[i], articles[j].Number, sets[j], sets[i].IntersectionCount(sets[j])));
            }
        }
        result.Sort((x, y) => x.First != y.First ? x.First.CompareTo(y.First) : x.Second.CompareTo(y.Second));
        return result.ToImmutable();
    }

    public bool IsCopy(PairSimilarity pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return pair.Containment >= Threshold && pair.Shared >= MinShared;
    }

    /// <summary>Groups the articles: every article in exactly one group; ids 1.. in order of each group's first article.</summary>
    public ImmutableArray<SyndicationGroup> Group(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var index = new Dictionary<int, int>();
        for (int i = 0; i < articles.Count; i++) index[articles[i].Number] = i;
        var parent = Enumerable.Range(0, articles.Count).ToArray();
        var weakest = new double[articles.Count];
        Array.Fill(weakest, 1.0);
        foreach (var pair in Measure(articles).Where(IsCopy))
        {
            int a = Find(parent, index[pair.First]), b = Find(parent, index[pair.Second]);
            if (a == b) continue; // already joined by stronger or earlier pairs
            double joined = Math.Min(pair.Containment, Math.Min(weakest[a], weakest[b]));
            // the smaller index becomes the root, so roots are each group's first article
            if (b < a) (a, b) = (b, a);
            parent[b] = a;
            weakest[a] = joined;
        }

        var members = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < articles.Count; i++)
        {
            int root = Find(parent, i);
            if (!members.TryGetValue(root, out var list)) members[root] = list = [];
            list.Add(articles[i].Number);
        }
        var groups = ImmutableArray.CreateBuilder<SyndicationGroup>(members.Count);
        foreach (var (root, list) in members.OrderBy(kv => kv.Value.Min()))
        {
            list.Sort();
            groups.Add(new SyndicationGroup(groups.Count + 1, [.. list], list.Count > 1 ? Math.Round(weakest[root], 4) : 1.0));
        }
        return groups.MoveToImmutable();
    }

    internal static PairSimilarity Compare(int first, ShingleSet a, int second, ShingleSet b) =>
        Compare(first, a, second, b, a.IntersectionCount(b));

    private static PairSimilarity Compare(int first, ShingleSet a, int second, ShingleSet b, int shared)
    {
        int union = a.Count + b.Count - shared;
        int smaller = Math.Min(a.Count, b.Count);
        return new PairSimilarity(Math.Min(first, second), Math.Max(first, second), shared,
            union == 0 ? 0 : shared / (double)union,
            smaller == 0 ? 0 : shared / (double)smaller);
    }

    /// <summary>
    /// |A ∩ B| for every pair at once (row-major n×n, upper triangle): all (shingle, article) entries sorted by
    /// shingle, then each run of one shingle counts once for every pair of articles in it. Independent articles
    /// share few shingles, so this costs little more than the sort, unlike n²/2 merges of whole sets.
    /// </summary>
    private static int[] SharedCounts(ShingleSet[] sets)
    {
        int n = sets.Length;
        var hashes = new ulong[sets.Sum(s => s.Count)];
        var owners = new int[hashes.Length];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            foreach (ulong h in sets[i].Hashes)
            {
                hashes[k] = h;
                owners[k++] = i;
            }
        }
        Array.Sort(hashes, owners);
        var shared = new int[n * n];
        for (int start = 0; start < hashes.Length;)
        {
            int end = start + 1;
            while (end < hashes.Length && hashes[end] == hashes[start]) end++;
            // the articles of a run are distinct (a set holds each hash once); count each pair in the upper triangle
            for (int x = start; x < end; x++)
            {
                for (int y = x + 1; y < end; y++)
                {
                    int a = owners[x], b = owners[y];
                    shared[Math.Min(a, b) * n + Math.Max(a, b)]++;
                }
            }
            start = end;
        }
        return shared;
    }

    private static IEnumerable<(int, int)> LshCandidates(ShingleSet[] sets)
    {
        int n = sets.Length;
        var signatures = sets.Select(MinHashSignature.Of).ToArray();
        var pairs = new SortedSet<(int, int)>();
        for (int band = 0; band < Bands; band++)
        {
            var buckets = new Dictionary<ulong, List<int>>();
            for (int i = 0; i < n; i++)
            {
                if (sets[i].Count == 0) continue;
                ulong key = (ulong)band;
                for (int r = 0; r < Rows; r++) key = ShingleSet.Mix(key ^ signatures[i].Values[band * Rows + r]);
                if (!buckets.TryGetValue(key, out var bucket)) buckets[key] = bucket = [];
                bucket.Add(i);
            }
            foreach (var bucket in buckets.Values)
            {
                for (int x = 0; x < bucket.Count; x++) for (int y = x + 1; y < bucket.Count; y++) pairs.Add((bucket[x], bucket[y]));
            }
        }
        foreach (var pair in pairs) yield return pair;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}

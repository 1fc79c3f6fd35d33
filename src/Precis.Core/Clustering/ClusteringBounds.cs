namespace Precis.Clustering;

/// <summary>How article terms are weighted into vectors for an offline bound.</summary>
public enum TermWeighting
{
    /// <summary>(1 + ln tf) · smoothed idf, L2-normalised: the online clusterer's weighting.</summary>
    SublinearTfIdf,

    /// <summary>Okapi BM25 term weights (k1 = 1.2, b = 0.75; Robertson &amp; Zaragoza 2009), L2-normalised.</summary>
    Bm25,

    /// <summary>Sublinear tf-idf over the terms and the pairs of adjacent terms.</summary>
    SublinearTfIdfWithBigrams,
}

/// <summary>One merge of an agglomerative clustering: clusters holding items <paramref name="Left"/> and
/// <paramref name="Right"/> were joined at average similarity <paramref name="Similarity"/>.</summary>
public readonly record struct DendrogramMerge(int Left, int Right, double Similarity);

/// <summary>A representation's best offline partition: the threshold that scored best and its scores.</summary>
public sealed record OfflineBound(TermWeighting Weighting, double NearestNeighbourAccuracy, double BestThreshold, ClusteringScores Best,
    IReadOnlyList<(double Threshold, ClusteringScores Scores)> Curve);

/// <summary>
/// Offline reference points for the online clusterer. With every article in hand, idf computed over the whole set and
/// the threshold chosen afterwards on the very truth it is scored against, group-average agglomerative clustering
/// (UPGMA) is what a single pass over the same vectors approximates; its best score bounds what the representation
/// can deliver, and the nearest-neighbour accuracy (how often an article's most similar other article belongs to its
/// own cluster) shows how far the words alone separate the clusters.
/// </summary>
public static class ClusteringBounds
{
    /// <summary>Above this many items the dense similarity matrix (n² floats) and the O(n²) passes are refused.</summary>
    public const int MaxItems = 6000;

    /// <summary>Scores average-link partitions of <paramref name="documents"/> against <paramref name="truth"/> at each
    /// of <paramref name="thresholds"/> and reports the best.</summary>
    public static OfflineBound Measure<TTruth>(IReadOnlyList<IReadOnlyList<string>> documents, IReadOnlyList<TTruth> truth,
        TermWeighting weighting, IReadOnlyList<double> thresholds) where TTruth : notnull
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (documents.Count != truth.Count) throw new ArgumentException("one truth label per document", nameof(truth));
        if (thresholds.Count == 0) throw new ArgumentException("at least one threshold", nameof(thresholds));
        var similarity = CosineMatrix(documents, weighting);
        int n = documents.Count;

        int correct = 0;
        for (int i = 0; i < n; i++)
        {
            int best = -1;
            float bestScore = float.NegativeInfinity;
            for (int k = 0; k < n; k++)
            {
                if (k != i && similarity[i][k] > bestScore)
                {
                    best = k;
                    bestScore = similarity[i][k];
                }
            }
            if (best >= 0 && EqualityComparer<TTruth>.Default.Equals(truth[best], truth[i])) correct++;
        }

        var merges = AverageLink(similarity, thresholds.Min());
        var curve = new List<(double, ClusteringScores)>(thresholds.Count);
        foreach (var threshold in thresholds.Order()) curve.Add((threshold, ClusteringScores.Compute(Cut(n, merges, threshold), truth)));
        var (bestThreshold, bestScores) = curve.MaxBy(c => c.Item2.BCubedF1);
        return new OfflineBound(weighting, n == 0 ? 1 : (double)correct / n, bestThreshold, bestScores, curve);
    }

    /// <summary>Pairwise cosine similarities of the documents' weighted term vectors (idf over all of them); the
    /// diagonal is 0.</summary>
    public static float[][] CosineMatrix(IReadOnlyList<IReadOnlyList<string>> documents, TermWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(documents);
        int n = documents.Count;
        if (n > MaxItems) throw new ArgumentException($"{n} documents: offline bounds are limited to {MaxItems}", nameof(documents));

        var features = documents.Select(d => Features(d, weighting)).ToArray();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentFrequency = new List<int>();
        var counts = new Dictionary<int, int>[n];
        for (int i = 0; i < n; i++)
        {
            var tf = new Dictionary<int, int>();
            foreach (var f in features[i])
            {
                if (!ids.TryGetValue(f, out var id))
                {
                    id = ids.Count;
                    ids.Add(f, id);
                    documentFrequency.Add(0);
                }
                tf[id] = tf.GetValueOrDefault(id) + 1;
            }
            foreach (var id in tf.Keys) documentFrequency[id]++;
            counts[i] = tf;
        }

        double averageLength = n == 0 ? 0 : features.Average(f => (double)f.Count);
        var vectors = new (int[] Terms, double[] Weights)[n];
        for (int i = 0; i < n; i++)
        {
            var terms = counts[i].Keys.Order().ToArray();
            var weights = new double[terms.Length];
            double norm = 0;
            for (int k = 0; k < terms.Length; k++)
            {
                int tf = counts[i][terms[k]], df = documentFrequency[terms[k]];
                double w = weighting == TermWeighting.Bm25
                    ? tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * features[i].Count / averageLength)) * Math.Log((n - df + 0.5) / (df + 0.5) + 1)
                    : TermWeights.SublinearTf(tf) * TermWeights.SmoothedIdf(n, df);
                weights[k] = w;
                norm += w * w;
            }
            norm = Math.Sqrt(norm);
            if (norm > 0) for (int k = 0; k < weights.Length; k++) weights[k] /= norm;
            vectors[i] = (terms, weights);
        }

        var matrix = new float[n][];
        for (int i = 0; i < n; i++) matrix[i] = new float[n];
        Parallel.For(0, n, i =>
        {
            var scratch = new double[ids.Count];
            var (ti, wi) = vectors[i];
            for (int k = 0; k < ti.Length; k++) scratch[ti[k]] = wi[k];
            for (int j = i + 1; j < n; j++)
            {
                var (tj, wj) = vectors[j];
                double dot = 0;
                for (int k = 0; k < tj.Length; k++) dot += scratch[tj[k]] * wj[k];
                matrix[i][j] = (float)dot;
            }
        });
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++) matrix[j][i] = matrix[i][j];
        }
        return matrix;
    }

    /// <summary>
    /// Group-average agglomerative clustering by the nearest-neighbour chain (Murtagh 1983; Müllner 2011): O(n²) time,
    /// the same dendrogram as the naive algorithm because average linkage is reducible. Merges below
    /// <paramref name="floor"/> are not made. The matrix is overwritten.
    /// </summary>
    public static IReadOnlyList<DendrogramMerge> AverageLink(float[][] similarity, double floor)
    {
        ArgumentNullException.ThrowIfNull(similarity);
        int n = similarity.Length;
        var active = new bool[n];
        var size = new int[n];
        int remaining = n;
        for (int i = 0; i < n; i++)
        {
            active[i] = true;
            size[i] = 1;
        }
        var merges = new List<DendrogramMerge>();
        var chain = new List<int>();
        int next = 0;
        while (remaining > 1)
        {
            if (chain.Count == 0)
            {
                while (!active[next]) next++;
                chain.Add(next);
            }
            int a = chain[^1];
            int previous = chain.Count >= 2 ? chain[^2] : -1;
            int b = -1;
            float bestScore = float.NegativeInfinity;
            var row = similarity[a];
            for (int k = 0; k < n; k++)
            {
                if (k == a || !active[k]) continue;
                // Ties go to the chain's previous element, which guarantees the chain ends in a reciprocal pair.
                if (row[k] > bestScore || (row[k] == bestScore && k == previous))
                {
                    b = k;
                    bestScore = row[k];
                }
            }
            if (b < 0 || bestScore < floor)
            {
                // Nothing reaches the floor now, and averages of values below it stay below it: a final cluster.
                active[a] = false;
                remaining--;
                chain.RemoveAt(chain.Count - 1);
                continue;
            }
            if (b != previous)
            {
                chain.Add(b);
                continue;
            }

            chain.RemoveRange(chain.Count - 2, 2);
            merges.Add(new DendrogramMerge(Math.Min(a, b), Math.Max(a, b), bestScore));
            int keep = Math.Min(a, b), drop = Math.Max(a, b);
            double total = size[keep] + size[drop];
            for (int k = 0; k < n; k++)
            {
                if (!active[k] || k == keep || k == drop) continue;
                float value = (float)((size[keep] * similarity[keep][k] + size[drop] * similarity[drop][k]) / total);
                similarity[keep][k] = value;
                similarity[k][keep] = value;
            }
            size[keep] += size[drop];
            active[drop] = false;
            remaining--;
        }
        return merges;
    }

    /// <summary>The partition given by the merges at or above <paramref name="threshold"/>: one label per item (the
    /// smallest item of its cluster).</summary>
    public static int[] Cut(int count, IReadOnlyList<DendrogramMerge> merges, double threshold)
    {
        ArgumentNullException.ThrowIfNull(merges);
        var parent = new int[count];
        for (int i = 0; i < count; i++) parent[i] = i;
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        foreach (var merge in merges)
        {
            if (merge.Similarity < threshold) continue;
            int a = Find(merge.Left), b = Find(merge.Right);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }
        var labels = new int[count];
        for (int i = 0; i < count; i++) labels[i] = Find(i);
        return labels;
    }

    private static IReadOnlyList<string> Features(IReadOnlyList<string> terms, TermWeighting weighting)
    {
        if (weighting != TermWeighting.SublinearTfIdfWithBigrams || terms.Count < 2) return terms;
        var features = new List<string>(terms.Count * 2 - 1);
        features.AddRange(terms);
        for (int i = 0; i + 1 < terms.Count; i++) features.Add(terms[i] + " " + terms[i + 1]);
        return features;
    }
}

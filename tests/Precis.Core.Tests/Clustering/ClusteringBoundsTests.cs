using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

public sealed class ClusteringBoundsTests
{
    /// <summary>Group-average clustering the slow, obvious way: merge the closest pair while it reaches the threshold.</summary>
    private static int[] NaiveAverageLink(float[][] similarity, double threshold)
    {
        int n = similarity.Length;
        var clusters = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToList();
        while (true)
        {
            double best = double.NegativeInfinity;
            int a = -1, b = -1;
            for (int x = 0; x < clusters.Count; x++)
            {
                for (int y = x + 1; y < clusters.Count; y++)
                {
                    double sum = 0;
                    foreach (var p in clusters[x]) foreach (var q in clusters[y]) sum += similarity[p][q];
                    double average = sum / (clusters[x].Count * clusters[y].Count);
                    if (average > best)
                    {
                        best = average;
                        a = x;
                        b = y;
                    }
                }
            }
            if (a < 0 || best < threshold) break;
            clusters[a].AddRange(clusters[b]);
            clusters.RemoveAt(b);
        }
        var labels = new int[n];
        foreach (var cluster in clusters) foreach (var item in cluster) labels[item] = cluster.Min();
        return labels;
    }

    private static float[][] RandomSymmetric(Random random, int n)
    {
        var m = new float[n][];
        for (int i = 0; i < n; i++) m[i] = new float[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++) m[i][j] = m[j][i] = (float)random.NextDouble();
        }
        return m;
    }

    private static float[][] Copy(float[][] m) => [.. m.Select(r => (float[])r.Clone())];

    [Fact]
    public void The_nearest_neighbour_chain_gives_the_naive_partition_at_every_threshold()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 40; trial++)
        {
            int n = random.Next(1, 14);
            var similarity = RandomSymmetric(random, n);
            var merges = ClusteringBounds.AverageLink(Copy(similarity), floor: 0.2);
            foreach (var threshold in new[] { 0.2, 0.35, 0.5, 0.65, 0.8 })
            {
                Assert.Equal(NaiveAverageLink(similarity, threshold), ClusteringBounds.Cut(n, merges, threshold));
            }
        }
    }

    [Fact]
    public void Merges_below_the_floor_are_not_made()
    {
        var similarity = RandomSymmetric(new Random(3), 10);
        var merges = ClusteringBounds.AverageLink(Copy(similarity), floor: 0.6);
        Assert.All(merges, m => Assert.True(m.Similarity >= 0.6));
        Assert.Equal(NaiveAverageLink(similarity, 0.6), ClusteringBounds.Cut(10, merges, 0.6));
    }

    [Fact]
    public void Two_distinct_topics_are_separated_and_the_best_threshold_is_reported()
    {
        string[][] docs =
        [
            ["ferri", "bridg", "pier", "fog", "diver"],
            ["bridg", "pier", "ferri", "engin", "diver"],
            ["pier", "ferri", "fog", "bridg", "close"],
            ["hail", "orchard", "appl", "grower", "harvest"],
            ["appl", "grower", "hail", "relief", "orchard"],
        ];
        string[] truth = ["bridge", "bridge", "bridge", "hail", "hail"];
        foreach (var weighting in Enum.GetValues<TermWeighting>())
        {
            var bound = ClusteringBounds.Measure(docs, truth, weighting, [0.05, 0.3, 0.99]);
            Assert.Equal(1.0, bound.NearestNeighbourAccuracy);
            Assert.Equal(1.0, bound.Best.BCubedF1, 6);
            Assert.Equal(3, bound.Curve.Count);
            // At 0.99 nothing merges: precision 1, recall below 1.
            var strict = bound.Curve.Single(c => c.Threshold == 0.99).Scores;
            Assert.Equal(1.0, strict.BCubedPrecision, 6);
            Assert.True(strict.BCubedRecall < 1);
        }
    }

    [Fact]
    public void Cosines_are_symmetric_with_a_zero_diagonal_and_identical_documents_score_one()
    {
        string[][] docs = [["a", "b", "c"], ["a", "b", "c"], ["d", "e"]];
        var m = ClusteringBounds.CosineMatrix(docs, TermWeighting.SublinearTfIdf);
        Assert.Equal(0f, m[0][0]);
        Assert.Equal(1.0, m[0][1], 5);
        Assert.Equal(m[0][2], m[2][0]);
        Assert.Equal(0f, m[0][2]);
    }

    [Fact]
    public void Too_many_documents_are_refused_with_the_limit_named()
    {
        var docs = Enumerable.Range(0, ClusteringBounds.MaxItems + 1).Select(_ => (IReadOnlyList<string>)["x"]).ToList();
        var error = Assert.Throws<ArgumentException>(() => ClusteringBounds.CosineMatrix(docs, TermWeighting.Bm25));
        Assert.Contains(ClusteringBounds.MaxItems.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }
}

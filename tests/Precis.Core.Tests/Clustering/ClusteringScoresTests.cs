using Precis.Clustering;

namespace Precis.Core.Tests.Clustering;

/// <summary>External scores of a partition: B-cubed per item agrees with the partition-level figures.</summary>
public sealed class ClusteringScoresTests
{
    [Fact]
    public void Per_article_b_cubed_averages_to_the_partition_scores_and_charges_a_wrong_join_to_both_topics()
    {
        string[] predicted = ["e1", "e1", "e1", "e2", "e3"];
        string[] truth = ["a", "a", "b", "b", "c"];
        var (precision, recall) = ClusteringScores.BCubedPerItem(predicted, truth);
        var whole = ClusteringScores.Compute(predicted, truth);
        Assert.Equal(whole.BCubedPrecision, precision.Average(), 12);
        Assert.Equal(whole.BCubedRecall, recall.Average(), 12);
        // Topic a's articles share their event with one of topic b: precision 2/3 each, recall 1.
        Assert.Equal([2 / 3.0, 2 / 3.0], precision[..2]);
        Assert.Equal([1.0, 1.0], recall[..2]);
        Assert.Equal([1 / 3.0, 1.0], precision[2..4]);
        Assert.Equal([0.5, 0.5], recall[2..4]);
    }
}

namespace Precis.Clustering;

/// <summary>The tf-idf weighting of the online clusterer, shared with <see cref="ClusteringBounds"/> so that the
/// offline bound for <see cref="TermWeighting.SublinearTfIdf"/> measures exactly the clusterer's weighting.</summary>
internal static class TermWeights
{
    /// <summary>Sublinear term frequency, 1 + ln tf (Manning et al., IR book §6.4.1).</summary>
    public static double SublinearTf(int count) => 1 + Math.Log(count);

    /// <summary>Smoothed idf, ln((N + 1) / (df + 1)) + 1, as in scikit-learn's TfidfVectorizer.</summary>
    public static double SmoothedIdf(int documents, int documentFrequency) => Math.Log((documents + 1.0) / (documentFrequency + 1.0)) + 1.0;
}

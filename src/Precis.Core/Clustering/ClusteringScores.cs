namespace Precis.Clustering;

/// <summary>External clustering scores of a predicted partition against a reference partition of the same items.</summary>
public sealed record ClusteringScores(double BCubedPrecision, double BCubedRecall, double BCubedF1, double AdjustedRandIndex)
{
    /// <summary>B-cubed precision/recall/F1 (Bagga &amp; Baldwin 1998; Amigó et al. 2009) and the adjusted Rand index
    /// (Hubert &amp; Arabie 1985). Both lists give one label per item, in the same item order.</summary>
    public static ClusteringScores Compute<TPredicted, TTruth>(IReadOnlyList<TPredicted> predicted, IReadOnlyList<TTruth> truth)
        where TPredicted : notnull where TTruth : notnull
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        if (predicted.Count != truth.Count) throw new ArgumentException("one label per item in both lists", nameof(truth));
        int n = predicted.Count;
        if (n == 0) return new ClusteringScores(1, 1, 1, 1);

        var cell = new Dictionary<(TPredicted, TTruth), long>();
        var rows = new Dictionary<TPredicted, long>();
        var cols = new Dictionary<TTruth, long>();
        for (int i = 0; i < n; i++)
        {
            var key = (predicted[i], truth[i]);
            cell[key] = cell.GetValueOrDefault(key) + 1;
            rows[predicted[i]] = rows.GetValueOrDefault(predicted[i]) + 1;
            cols[truth[i]] = cols.GetValueOrDefault(truth[i]) + 1;
        }

        // B-cubed: each item's precision is the share of its predicted cluster that shares its true class; summed over
        // the items of a contingency cell that is cell² / |predicted cluster|.
        double precision = 0, recall = 0;
        foreach (var ((p, t), count) in cell)
        {
            precision += (double)count * count / rows[p];
            recall += (double)count * count / cols[t];
        }
        precision /= n;
        recall /= n;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

        static double Pairs(long k) => k * (k - 1) / 2.0;
        double index = cell.Values.Sum(Pairs);
        double rowPairs = rows.Values.Sum(Pairs), colPairs = cols.Values.Sum(Pairs);
        double expected = rowPairs * colPairs / Pairs(n);
        double max = (rowPairs + colPairs) / 2;
        double ari = max == expected ? 1 : (index - expected) / (max - expected);
        return new ClusteringScores(precision, recall, f1, ari);
    }
}

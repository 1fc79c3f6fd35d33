namespace Precis.Clustering;

/// <summary>External clustering scores of a predicted partition against a reference partition of the same items.</summary>
public sealed record ClusteringScores(double BCubedPrecision, double BCubedRecall, double BCubedF1, double AdjustedRandIndex)
{
    /// <summary>B-cubed precision/recall/F1 (Bagga &amp; Baldwin 1998; Amigó et al. 2009) and the adjusted Rand index
    /// (Hubert &amp; Arabie 1985). Both lists give one label per item, in the same item order.</summary>
    public static ClusteringScores Compute<TPredicted, TTruth>(IReadOnlyList<TPredicted> predicted, IReadOnlyList<TTruth> truth)
        where TPredicted : notnull where TTruth : notnull
    {
        var (cell, rows, cols) = Contingency(predicted, truth);
        int n = predicted.Count;
        if (n == 0) return new ClusteringScores(1, 1, 1, 1);

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

    /// <summary>B-cubed precision and recall of every item: the share of its predicted cluster that shares its true
    /// class, and the share of its true class that shares its predicted cluster. Their means over all items are
    /// <see cref="Compute{TPredicted, TTruth}"/>'s B-cubed precision and recall; a mean over some items scores those items against the
    /// whole partition (a wrong join into another class's cluster still costs them precision).</summary>
    public static (double[] Precision, double[] Recall) BCubedPerItem<TPredicted, TTruth>(IReadOnlyList<TPredicted> predicted, IReadOnlyList<TTruth> truth)
        where TPredicted : notnull where TTruth : notnull
    {
        var (cell, rows, cols) = Contingency(predicted, truth);
        var precision = new double[predicted.Count];
        var recall = new double[predicted.Count];
        for (int i = 0; i < predicted.Count; i++)
        {
            double shared = cell[(predicted[i], truth[i])];
            precision[i] = shared / rows[predicted[i]];
            recall[i] = shared / cols[truth[i]];
        }
        return (precision, recall);
    }

    /// <summary>The contingency table of two labelings of the same items: items per (predicted, true) cell, per
    /// predicted cluster and per true class.</summary>
    private static (Dictionary<(TPredicted, TTruth), long> Cells, Dictionary<TPredicted, long> Rows, Dictionary<TTruth, long> Columns) Contingency<TPredicted, TTruth>(
        IReadOnlyList<TPredicted> predicted, IReadOnlyList<TTruth> truth)
        where TPredicted : notnull where TTruth : notnull
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        if (predicted.Count != truth.Count) throw new ArgumentException("one label per item in both lists", nameof(truth));
        var cell = new Dictionary<(TPredicted, TTruth), long>();
        var rows = new Dictionary<TPredicted, long>();
        var cols = new Dictionary<TTruth, long>();
        for (int i = 0; i < predicted.Count; i++)
        {
            var key = (predicted[i], truth[i]);
            cell[key] = cell.GetValueOrDefault(key) + 1;
            rows[predicted[i]] = rows.GetValueOrDefault(predicted[i]) + 1;
            cols[truth[i]] = cols.GetValueOrDefault(truth[i]) + 1;
        }
        return (cell, rows, cols);
    }
}

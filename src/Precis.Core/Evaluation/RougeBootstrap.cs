using System.Collections.Immutable;

namespace Precis.Evaluation;

/// <summary>
/// ROUGE-1.5.5's averages and confidence intervals (<c>computeAverages</c>/<c>bootstrapResampling</c>, <c>-c</c>, <c>-r</c>).
/// The printed average is not the plain mean of the per-cluster scores: for resample i = 0 … r-1 it seeds Perl's
/// drand48 with i, draws N cluster indices <c>int(rand()·N)</c> with replacement from the clusters sorted as strings
/// by test id (<c>"&lt;id&gt;.1"</c>), and averages their (rounded) per-cluster scores; the average is the mean of
/// the r resample means, the interval the resample means at ranks given by the confidence level (for 95 % and
/// 1000 resamples: sorted[25] and sorted[974]). Everything is rounded with <c>%7.5f</c>.
/// </summary>
public static class RougeBootstrap
{
    /// <summary>Averages every metric that all clusters have, in the order of the first cluster's metrics.</summary>
    /// <param name="confidence">Confidence level in percent (ROUGE <c>-c</c>, 0–100).</param>
    /// <param name="resamples">Number of bootstrap resamples (ROUGE <c>-r</c>).</param>
    public static RougeReport Aggregate(IReadOnlyList<RougeClusterScores> clusters, int resamples = 1000, double confidence = 95)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (confidence is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be within [0, 100]");
        // ROUGE keys each score by "<eval id>.<peer id>" and sorts the keys as strings; the peer id is 1 here.
        var ordered = clusters.OrderBy(c => c.Id + ".1", StringComparer.Ordinal).ToList();
        var metrics = ImmutableArray.CreateBuilder<RougeMetricAverage>();
        if (ordered.Count > 0)
        {
            foreach (var metric in clusters[0].Metrics.Select(m => m.Metric))
            {
                if (ordered.Any(c => c.Find(metric) is null)) continue;
                var scores = ordered.Select(c => c.Find(metric)!.Value).ToArray();
                metrics.Add(Average(metric, scores, resamples, confidence));
            }
        }
        return new RougeReport(clusters.Count, resamples, confidence, metrics.ToImmutable());
    }

    private static RougeMetricAverage Average(string metric, RougeScore[] scores, int resamples, double confidence)
    {
        int n = scores.Length;
        var means = new double[3][];
        for (int k = 0; k < 3; k++) means[k] = new double[resamples];
        for (int i = 0; i < resamples; i++)
        {
            var random = new Drand48((uint)i);
            double r = 0, p = 0, f = 0;
            for (int draw = 0; draw < n; draw++)
            {
                var s = scores[random.NextIndex(n)];
                r += s.Recall;
                p += s.Precision;
                f += s.F;
            }
            means[0][i] = r / n;
            means[1][i] = p / n;
            means[2][i] = f / n;
        }
        var estimates = new RougeEstimate[3];
        for (int k = 0; k < 3; k++)
        {
            var sorted = means[k];
            Array.Sort(sorted);
            double sum = 0;
            foreach (var value in sorted) sum += value; // ROUGE sums the sorted means
            estimates[k] = new RougeEstimate(PerlFormat.Round5(sum / resamples),
                PerlFormat.Round5(Interpolate(sorted, LowerRank(resamples, confidence))),
                PerlFormat.Round5(Interpolate(sorted, UpperRank(resamples, confidence))));
        }
        return new RougeMetricAverage(metric, estimates[0], estimates[1], estimates[2],
            PerlFormat.Round5(Sum(scores, s => s.Recall) / n), PerlFormat.Round5(Sum(scores, s => s.Precision) / n), PerlFormat.Round5(Sum(scores, s => s.F) / n));
    }

    private static double Sum(RougeScore[] scores, Func<RougeScore, double> value)
    {
        double sum = 0;
        foreach (var s in scores) sum += value(s);
        return sum;
    }

    // ROUGE: delta = r·((100 − c)/2)/100; lower = sorted[int(delta)] + (sorted[+1] − sorted[int(delta)])·ratio,
    // upper = sorted[int(r − delta − 1)] + (…)·ratio, ratio = r − delta − 1 − int(r − delta − 1).
    private static (int Index, double Ratio) LowerRank(int resamples, double confidence)
    {
        double delta = resamples * ((100 - confidence) / 2.0) / 100.0;
        int upper = (int)(resamples - delta - 1);
        return ((int)delta, resamples - delta - 1 - upper);
    }

    private static (int Index, double Ratio) UpperRank(int resamples, double confidence)
    {
        double delta = resamples * ((100 - confidence) / 2.0) / 100.0;
        int upper = (int)(resamples - delta - 1);
        return (upper, resamples - delta - 1 - upper);
    }

    private static double Interpolate(double[] sorted, (int Index, double Ratio) rank)
    {
        // Perl reads an index past the end as undef (0); only reachable with a zero ratio or an extreme level.
        double At(int i) => i >= 0 && i < sorted.Length ? sorted[i] : 0;
        return At(rank.Index) + (At(rank.Index + 1) - At(rank.Index)) * rank.Ratio;
    }
}

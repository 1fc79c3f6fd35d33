using System.Collections.Immutable;

namespace Precis.Evaluation;

/// <summary>
/// Recall, precision and F of one metric for one cluster, each rounded to 5 decimals as ROUGE-1.5.5 prints
/// them (F is computed from the rounded R and P, as ROUGE does). The raw counts are those ROUGE sums over
/// all references (<c>-f A</c>): Hits = Σ clipped matches, ReferenceCount = Σ reference grams,
/// SummaryCount = #references × summary grams.
/// </summary>
public readonly record struct RougeScore(double Recall, double Precision, double F, long Hits, long ReferenceCount, long SummaryCount);

/// <summary>One metric's score, e.g. Metric = "ROUGE-SU4".</summary>
public sealed record RougeMetricScore(string Metric, RougeScore Score);

/// <summary>All metric scores of one cluster, in <see cref="RougeOptions.MetricNames"/> order.</summary>
public sealed record RougeClusterScores(string Id, ImmutableArray<RougeMetricScore> Metrics)
{
    /// <summary>The score of a metric, or null when it was not computed.</summary>
    public RougeScore? Find(string metric)
    {
        foreach (var m in Metrics)
        {
            if (string.Equals(m.Metric, metric, StringComparison.Ordinal)) return m.Score;
        }
        return null;
    }
}

/// <summary>A bootstrap mean with its confidence interval, each rounded to 5 decimals.</summary>
public readonly record struct RougeEstimate(double Mean, double Lower, double Upper);

/// <summary>ROUGE's printed average of one metric over clusters: R, P and F with confidence intervals,
/// and the plain (not resampled) per-cluster means.</summary>
public sealed record RougeMetricAverage(string Metric, RougeEstimate Recall, RougeEstimate Precision, RougeEstimate F,
    double PlainRecall, double PlainPrecision, double PlainF);

/// <summary>The averages of every metric over a set of clusters.</summary>
public sealed record RougeReport(int Clusters, int Resamples, double Confidence, ImmutableArray<RougeMetricAverage> Metrics)
{
    public RougeMetricAverage? Find(string metric) => Metrics.FirstOrDefault(m => string.Equals(m.Metric, metric, StringComparison.Ordinal));
}

using Precis.Evaluation;

namespace Precis.Core.Tests.Evaluation;

/// <summary>
/// Reproduces, number by number, what the official ROUGE-1.5.5.pl printed for the trivial baselines in
/// ../shared/bench/baselines (per-cluster R/P/F from its -d output and the bootstrap averages with 95 % CIs).
/// </summary>
public class RougeBaselineTests
{
    public static TheoryData<string> RunNames() => [.. RougeSharedData.Runs().Select(r => r.Scores)];

    private static RougeBaselineRun Run(string name) => RougeSharedData.Runs().Single(r => r.Scores == name);

    private static bool Same(double expected, double actual) => Math.Abs(expected - actual) < 1e-9;

    [RougeSharedDataFact]
    public void Every_per_cluster_score_of_every_baseline_run_is_reproduced()
    {
        var failures = new List<string>();
        int compared = 0;
        foreach (var run in RougeSharedData.Runs())
        {
            var expected = RougeSharedData.ExpectedPerCluster(run);
            var actual = RougeSharedData.Score(run).ToDictionary(c => c.Id, StringComparer.Ordinal);
            Assert.Equal(expected.Count, actual.Count);
            foreach (var (id, metrics) in expected)
            {
                foreach (var (metric, (r, p, f)) in metrics)
                {
                    var score = actual[id].Find(metric);
                    Assert.True(score is not null, $"{run}: {id} has no {metric}");
                    var s = score.Value;
                    compared += 3;
                    if (!Same(r, s.Recall) || !Same(p, s.Precision) || !Same(f, s.F))
                    {
                        failures.Add($"{run} {id} {metric}: expected {r}/{p}/{f}, got {s.Recall}/{s.Precision}/{s.F} (hits {s.Hits}, ref {s.ReferenceCount}, sys {s.SummaryCount})");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {compared / 3} per-cluster R/P/F triples differ:\n" + string.Join('\n', failures));
    }

    [RougeSharedDataFact]
    public void Every_average_and_confidence_interval_of_every_baseline_run_is_reproduced()
    {
        var failures = new List<string>();
        int compared = 0;
        foreach (var run in RougeSharedData.Runs())
        {
            var report = RougeBootstrap.Aggregate(RougeSharedData.Score(run));
            foreach (var (metric, measures) in RougeSharedData.ExpectedAverages(run))
            {
                var average = report.Find(metric);
                Assert.True(average is not null, $"{run}: no {metric}");
                foreach (var (measure, expected) in measures)
                {
                    var actual = measure switch { "R" => average.Recall, "P" => average.Precision, _ => average.F };
                    compared++;
                    if (!Same(expected.Value, actual.Mean) || !Same(expected.Lower, actual.Lower) || !Same(expected.Upper, actual.Upper))
                    {
                        failures.Add($"{run} {metric} {measure}: expected {expected.Value} [{expected.Lower}, {expected.Upper}], got {actual.Mean} [{actual.Lower}, {actual.Upper}]");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {compared} average/CI triples differ:\n" + string.Join('\n', failures));
    }

    [RougeSharedDataFact]
    public void Bootstrap_of_the_printed_per_cluster_scores_gives_every_printed_average_and_interval()
    {
        var failures = new List<string>();
        int compared = 0;
        foreach (var run in RougeSharedData.Runs())
        {
            var clusters = RougeSharedData.ExpectedPerCluster(run)
                .Select(c => new RougeClusterScores(c.Key, [.. c.Value.Select(m => new RougeMetricScore(m.Key, new RougeScore(m.Value.R, m.Value.P, m.Value.F, 0, 0, 0)))]))
                .ToList();
            var report = RougeBootstrap.Aggregate(clusters);
            foreach (var (metric, measures) in RougeSharedData.ExpectedAverages(run))
            {
                var average = report.Find(metric)!;
                foreach (var (measure, expected) in measures)
                {
                    var actual = measure switch { "R" => average.Recall, "P" => average.Precision, _ => average.F };
                    compared++;
                    if (!Same(expected.Value, actual.Mean) || !Same(expected.Lower, actual.Lower) || !Same(expected.Upper, actual.Upper))
                    {
                        failures.Add($"{run} {metric} {measure}: expected {expected.Value} [{expected.Lower}, {expected.Upper}], got {actual.Mean} [{actual.Lower}, {actual.Upper}]");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {compared} average/CI triples differ:\n" + string.Join('\n', failures));
        Assert.Equal(57, compared);
    }
}

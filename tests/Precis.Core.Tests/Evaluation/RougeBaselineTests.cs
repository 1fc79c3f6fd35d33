using Precis.Evaluation;

namespace Precis.Core.Tests.Evaluation;

/// <summary>
/// Reproduces, number by number, what the official ROUGE-1.5.5.pl printed for the trivial baselines in
/// ../shared/bench/baselines (per-cluster R/P/F from its -d output and the bootstrap averages with 95 % CIs).
/// </summary>
public class RougeBaselineTests
{
    private static bool Same(double expected, double actual) => Math.Abs(expected - actual) < 1e-9;

    /// <summary>Our scores next to ROUGE's for every (run, cluster, metric).</summary>
    private sealed record Comparison(RougeBaselineRun Run, string Id, string Metric, (double R, double P, double F) Expected, RougeScore Actual)
    {
        public bool Exact => Same(Expected.R, Actual.Recall) && Same(Expected.P, Actual.Precision) && Same(Expected.F, Actual.F);

        /// <summary>The hit count ROUGE's rounded R implies with our reference count, if that count also gives ROUGE's P
        /// with our summary count — i.e. ROUGE counted the same grams as we did; null otherwise.</summary>
        public long? RougeHits
        {
            get
            {
                long h = (long)Math.Round(Expected.R * Actual.ReferenceCount);
                double r = Actual.ReferenceCount == 0 ? 0 : PerlFormat.Round5((double)h / Actual.ReferenceCount);
                double p = Actual.SummaryCount == 0 ? 0 : PerlFormat.Round5((double)h / Actual.SummaryCount);
                return Same(r, Expected.R) && Same(p, Expected.P) ? h : null;
            }
        }

        public override string ToString() =>
            $"{Run} {Id} {Metric}: expected {Expected.R}/{Expected.P}/{Expected.F}, got {Actual.Recall}/{Actual.Precision}/{Actual.F} (hits {Actual.Hits}, ROUGE {RougeHits?.ToString() ?? "?"})";
    }

    private static readonly Lazy<List<Comparison>> Comparisons = new(() =>
    {
        var list = new List<Comparison>();
        foreach (var run in RougeSharedData.Runs())
        {
            var actual = RougeSharedData.Score(run).ToDictionary(c => c.Id, StringComparer.Ordinal);
            foreach (var (id, metrics) in RougeSharedData.ExpectedPerCluster(run))
            {
                foreach (var (metric, expected) in metrics) list.Add(new Comparison(run, id, metric, expected, actual[id].Find(metric)!.Value));
            }
        }
        return list;
    });

    [RougeSharedDataFact]
    public void Every_run_scores_every_cluster_and_metric_rouge_printed()
    {
        Assert.Equal(50 * (2 + 3) * 3 + 300 * 4, Comparisons.Value.Count);
    }

    [RougeSharedDataFact]
    public void Every_cluster_has_the_gram_counts_rouge_used()
    {
        // Truncation (-b 665, spaces between sentences not counted), tokenisation, n-gram and SU4 counting: ROUGE's
        // R and P of every cluster and metric are explained by our reference and summary gram counts.
        var wrong = Comparisons.Value.Where(c => c.RougeHits is null).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {Comparisons.Value.Count} have other counts:\n" + string.Join('\n', wrong));
    }

    [RougeSharedDataFact]
    public void Lead_baseline_is_reproduced_exactly_per_cluster_and_on_average()
    {
        var lead = Comparisons.Value.Where(c => c.Run.System == "duc2004_lead.jsonl").ToList();
        Assert.Equal(50 * 5, lead.Count);
        Assert.All(lead, c => Assert.True(c.Exact, c.ToString()));
        foreach (var run in RougeSharedData.Runs().Where(r => r.System == "duc2004_lead.jsonl"))
        {
            AssertAverages(run, tolerance: 0);
        }
    }

    [RougeSharedDataFact]
    public void Rouge_l_of_every_multi_news_cluster_is_reproduced_exactly()
    {
        var l = Comparisons.Value.Where(c => c.Metric == "ROUGE-L").ToList();
        Assert.Equal(300, l.Count);
        Assert.All(l, c => Assert.True(c.Exact, c.ToString()));
    }

    /// <summary>
    /// PRECIS: without WordNet's exception lists on the machine the scorer falls back to our own list of common
    /// irregular forms (see RougeIrregularForms): a few tokens ROUGE maps to a base form are Porter-stemmed here,
    /// which moves ROUGE-1/-2/-SU4 hits by one or two in a few clusters. This guards the measured fallback state
    /// (35 of 1950 triples on 2026-11-24) against regressions; with WordNet 3.0's lists installed nothing differs
    /// (RougeWordNetTests asserts that).
    /// </summary>
    [RougeSharedDataFact]
    public void Per_cluster_differences_stay_within_the_known_irregular_form_gap()
    {
        var differ = Comparisons.Value.Where(c => !c.Exact).ToList();
        Assert.True(differ.Count <= 35, $"{differ.Count} of {Comparisons.Value.Count} per-cluster triples differ:\n" + string.Join('\n', differ));
        // One token mapped differently moves ROUGE-1/-2 by a hit or two and ROUGE-SU4 by up to ~2·(4+1)+1 grams.
        Assert.All(differ, c => Assert.InRange(Math.Abs(c.RougeHits!.Value - c.Actual.Hits), 1, c.Metric == "ROUGE-SU4" ? 11 : 2));
    }

    [RougeSharedDataFact]
    public void Every_average_and_interval_is_within_three_ten_thousandths_of_rouge()
    {
        foreach (var run in RougeSharedData.Runs()) AssertAverages(run, tolerance: 3e-4);
    }

    private static void AssertAverages(RougeBaselineRun run, double tolerance)
    {
        var report = RougeBootstrap.Aggregate(RougeSharedData.Score(run));
        var failures = new List<string>();
        foreach (var (metric, measures) in RougeSharedData.ExpectedAverages(run))
        {
            var average = report.Find(metric)!;
            foreach (var (measure, expected) in measures)
            {
                var actual = measure switch { "R" => average.Recall, "P" => average.Precision, _ => average.F };
                if (Math.Abs(expected.Value - actual.Mean) > tolerance + 1e-12 || Math.Abs(expected.Lower - actual.Lower) > tolerance + 1e-12 || Math.Abs(expected.Upper - actual.Upper) > tolerance + 1e-12)
                {
                    failures.Add($"{run} {metric} {measure}: expected {expected.Value} [{expected.Lower}, {expected.Upper}], got {actual.Mean} [{actual.Lower}, {actual.Upper}]");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
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

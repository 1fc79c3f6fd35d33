using System.Text.Json;
using Precis.Documents;
using Precis.Evaluation;
using Precis.Ingest;

namespace Precis.Core.Tests.Evaluation;

/// <summary>A fact that needs ../shared/bench (read at run time, never copied); skipped with a message when it is absent.</summary>
public sealed class RougeSharedDataFactAttribute : FactAttribute
{
    public RougeSharedDataFactAttribute()
    {
        if (RougeSharedData.BenchFolder is null) Skip = "../shared/bench/baselines not found next to the repository (walked up from the test binaries to Precis.slnx); bench reproduction tests skipped.";
    }
}

/// <summary>A theory that needs ../shared/bench (read at run time, never copied); skipped with a message when it is absent.</summary>
public sealed class RougeSharedDataTheoryAttribute : TheoryAttribute
{
    public RougeSharedDataTheoryAttribute()
    {
        if (RougeSharedData.BenchFolder is null) Skip = "../shared/bench/baselines not found next to the repository (walked up from the test binaries to Precis.slnx); bench reproduction tests skipped.";
    }
}

/// <summary>One baseline run of /shared/bench/baselines: system outputs, bench file, ROUGE options and ROUGE's own numbers.</summary>
public sealed record RougeBaselineRun(string System, string Bench, string Scores, RougeOptions Options)
{
    public override string ToString() => Scores;
}

internal static class RougeSharedData
{
    public static readonly string? BenchFolder = Locate();

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Precis.slnx")))
            {
                var bench = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "bench"));
                return Directory.Exists(Path.Combine(bench, "baselines")) ? bench : null;
            }
        }
        return null;
    }

    private static readonly RougeOptions DucStandard = new() { MaxN = 2, Stem = true, MaxBytes = 665, ComputeL = false, SkipDistance = null };
    private static readonly RougeOptions DucSu4 = DucStandard with { SkipDistance = 4, SkipBigramUnigrams = true };
    private static readonly RougeOptions MultiNews = new() { MaxN = 2, Stem = true, SkipDistance = 4, SkipBigramUnigrams = true };

    public static IEnumerable<RougeBaselineRun> Runs()
    {
        foreach (var system in new[] { "duc2004_lead", "duc2004_firstsent", "duc2004_lead_latest" })
        {
            yield return new RougeBaselineRun($"{system}.jsonl", "duc2004.jsonl", $"{system}.std", DucStandard);
            yield return new RougeBaselineRun($"{system}.jsonl", "duc2004.jsonl", $"{system}.su4", DucSu4);
        }
        yield return new RougeBaselineRun("multinews_dev_lead264.jsonl", "multinews_dev.jsonl", "multinews_dev_lead264", MultiNews);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<RougeClusterScores>> Scored = new(StringComparer.Ordinal);

    /// <summary>Our scores of a run's clusters (computed once per test process).</summary>
    public static List<RougeClusterScores> Score(RougeBaselineRun run) => Scored.GetOrAdd(run.Scores, _ => ScoreNow(run));

    private static List<RougeClusterScores> ScoreNow(RougeBaselineRun run)
    {
        var bench = BenchFile.Read(Path.Combine(BenchFolder!, run.Bench), new List<Diagnostic>()).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var scorer = new RougeScorer(run.Options);
        var result = new List<RougeClusterScores>();
        foreach (var line in File.ReadLines(Path.Combine(BenchFolder!, "baselines", run.System)))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var id = doc.RootElement.GetProperty("id").GetString()!;
            var summary = doc.RootElement.GetProperty("summary").GetString()!;
            result.Add(scorer.ScoreCluster(id, summary, bench[id].References));
        }
        return result;
    }

    /// <summary>ROUGE's -d lines: id → metric → (R, P, F).</summary>
    public static Dictionary<string, Dictionary<string, (double R, double P, double F)>> ExpectedPerCluster(RougeBaselineRun run)
    {
        var path = Path.Combine(BenchFolder!, "baselines", run.Scores + ".per_cluster.jsonl");
        var result = new Dictionary<string, Dictionary<string, (double, double, double)>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            var metrics = new Dictionary<string, (double, double, double)>(StringComparer.Ordinal);
            foreach (var m in doc.RootElement.GetProperty("scores").EnumerateObject())
            {
                metrics[m.Name] = (m.Value.GetProperty("R").GetDouble(), m.Value.GetProperty("P").GetDouble(), m.Value.GetProperty("F").GetDouble());
            }
            result[doc.RootElement.GetProperty("id").GetString()!] = metrics;
        }
        return result;
    }

    /// <summary>ROUGE's printed averages: metric → R/P/F → (value, lower, upper).</summary>
    public static Dictionary<string, Dictionary<string, (double Value, double Lower, double Upper)>> ExpectedAverages(RougeBaselineRun run)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(BenchFolder!, "baselines", run.Scores + ".scores.json")));
        var result = new Dictionary<string, Dictionary<string, (double, double, double)>>(StringComparer.Ordinal);
        foreach (var m in doc.RootElement.GetProperty("scores").EnumerateObject())
        {
            var measures = new Dictionary<string, (double, double, double)>(StringComparer.Ordinal);
            foreach (var measure in m.Value.EnumerateObject())
            {
                var ci = measure.Value.GetProperty("ci95");
                measures[measure.Name] = (measure.Value.GetProperty("value").GetDouble(), ci[0].GetDouble(), ci[1].GetDouble());
            }
            result[m.Name] = measures;
        }
        return result;
    }
}

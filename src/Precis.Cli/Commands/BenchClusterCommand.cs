using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Precis.Clustering;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Server.Ingestion;
using Precis.Server.Storage.Sqlite;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis bench cluster</c>: streams every article of a bench file, shuffled with a fixed seed, through the ingest
/// path (parsing, online clustering, SQLite store) and scores the events found against the bench's clusters.
/// Thresholds are tuned on the even-numbered clusters (<c>--sweep</c>); the odd-numbered ones are held out.
/// </summary>
internal static class BenchClusterCommand
{
    private const int BatchSize = 128;

#if DEBUG
    private const string Build = "Debug build (speed figures are for a Release build: dotnet run -c Release)";
#else
    private const string Build = "Release build";
#endif

    public static Command Create(CliIO io)
    {
        var bench = new Option<string?>("--bench") { Description = "Bench file (JSON lines); default ../shared/bench/multinews_dev.jsonl beside the repository." };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed.", DefaultValueFactory = _ => 1 };
        var join = new Option<double?>("--join") { Description = "Join threshold (cosine to an event centroid)." };
        var merge = new Option<double?>("--merge") { Description = "Merge threshold (cosine between event centroids)." };
        var sweep = new Option<bool>("--sweep") { Description = "Print B-cubed F1 on the tuning half for a grid of thresholds (clusterer only)." };
        var bounds = new Option<bool>("--bounds") { Description = "Print offline reference points: nearest-neighbour accuracy and the best group-average partition per term weighting, with hindsight idf and threshold." };
        var command = new Command("cluster", "Score online event clustering and ingest speed on a bench file.") { bench, seed, join, merge, sweep, bounds };
        command.SetAction((parse, cancellationToken) => RunAsync(io, parse.GetValue(bench), parse.GetValue(seed), parse.GetValue(join), parse.GetValue(merge), parse.GetValue(sweep), parse.GetValue(bounds), cancellationToken, CliProgress.Enabled(io, parse)));
        return command;
    }

    private static async Task<int> RunAsync(CliIO io, string? benchPath, int seed, double? join, double? merge, bool sweep, bool bounds, CancellationToken cancellationToken, bool progress = false)
    {
        benchPath ??= DefaultBenchPath();
        if (benchPath is null || !File.Exists(benchPath))
        {
            io.Error.WriteLine($"precis: bench file not found: {benchPath ?? "../shared/bench/multinews_dev.jsonl"}");
            return ExitCodes.Usage;
        }
        var diagnostics = new List<Diagnostic>();
        var clusters = BenchFile.Read(benchPath, diagnostics).ToList();
        foreach (var d in diagnostics) io.Error.WriteLine(d);
        var options = new ClusteringOptions();
        if (join is { } j) options = options with { JoinThreshold = j };
        if (merge is { } m) options = options with { MergeThreshold = m };

        var all = Shuffle(clusters.SelectMany(c => c.ToSources(Path.GetFileName(benchPath)).Select(s => (Source: s, Truth: c.Id))).ToList(), seed);
        var tuneIds = clusters.Where((_, i) => i % 2 == 0).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var tune = all.Where(x => tuneIds.Contains(x.Truth)).ToList();
        var test = all.Where(x => !tuneIds.Contains(x.Truth)).ToList();
        var pipeline = new PrecisPipelineBuilder().Build();

        if (sweep)
        {
            var inputs = tune.Select(x => (Input: ArticleIngestor.Read(pipeline, x.Source).Terms, x.Truth))
                .Where(x => x.Input is not null).Select(x => (Input: x.Input!, x.Truth)).ToList();
            io.Out.WriteLine($"Sweep on the tuning half ({tuneIds.Count} clusters, {tune.Count} articles), B-cubed F1:");
            double[] joins = [0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25, 0.28, 0.32];
            double[] merges = [0.25, 0.30, 0.35, 0.40, 0.50, 1.01];
            io.Out.WriteLine("join\\merge " + string.Join(" ", merges.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(6))));
            foreach (var jt in joins)
            {
                var line = jt.ToString("0.00", CultureInfo.InvariantCulture).PadRight(10);
                foreach (var mt in merges)
                {
                    var clusterer = new OnlineEventClusterer(options with { JoinThreshold = jt, MergeThreshold = mt });
                    var events = inputs.Select(x => clusterer.Add(x.Input).EventId).ToList();
                    var scores = ClusteringScores.Compute(events.Select(clusterer.Resolve).ToList(), inputs.Select(x => x.Truth).ToList());
                    line += " " + scores.BCubedF1.ToString("0.000", CultureInfo.InvariantCulture).PadLeft(6);
                }
                io.Out.WriteLine(line);
            }
            return ExitCodes.Success;
        }

        if (bounds) return Bounds(io, all, tuneIds, pipeline, options);

        io.Out.WriteLine($"Bench: {Path.GetFileName(benchPath)}, {clusters.Count} clusters, {all.Count} articles, seed {seed}, " +
            $"join {options.JoinThreshold.ToString(CultureInfo.InvariantCulture)}, merge {options.MergeThreshold.ToString(CultureInfo.InvariantCulture)}");
        io.Out.WriteLine("Thresholds were tuned on the even-numbered clusters only; the odd-numbered half is held out.");
        io.Out.WriteLine($"{Build}, {Environment.ProcessorCount} cores.");
        // Warm-up: one untimed pass through a scratch store, so the timed passes measure steady-state code rather than
        // the JIT's first, unoptimised compilations (a long-running server pays those once).
        await CliProgress.RunAsync(progress, "warm-up", all.Count, advance => IngestAsync(all, pipeline, options, cancellationToken, advance)).ConfigureAwait(false);
        io.Out.WriteLine($"{"set",-22} {"articles",8} {"events",7} {"B3-P",6} {"B3-R",6} {"B3-F1",6} {"ARI",6} {"articles/s",10} {"articles/CPU-s",14}");
        foreach (var (name, set) in new[] { ("tuning half (even)", tune), ("held-out half (odd)", test), ("all", all) })
        {
            var (scores, events, rate, cpuRate) = await CliProgress.RunAsync(progress, name, set.Count, advance => IngestAsync(set, pipeline, options, cancellationToken, advance)).ConfigureAwait(false);
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} {set.Count,8} {events,7} {scores.BCubedPrecision,6:0.000} {scores.BCubedRecall,6:0.000} {scores.BCubedF1,6:0.000} {scores.AdjustedRandIndex,6:0.000} {rate,10:0} {cpuRate,14:0}"));
        }
        io.Out.WriteLine($"articles/s: parse + dedup + cluster + SQLite commit (WAL, synchronous=FULL, batches of {BatchSize}), from an empty store,");
        io.Out.WriteLine("after one untimed warm-up pass of the whole stream through a scratch store;");
        io.Out.WriteLine("articles/CPU-s: the same per second of this process's CPU time (all threads), steadier on a shared machine.");
        return ExitCodes.Success;
    }

    private static async Task<(ClusteringScores Scores, int Events, double Rate, double CpuRate)> IngestAsync(
        List<(SourceDocument Source, string Truth)> set, PrecisPipeline pipeline, ClusteringOptions options, CancellationToken cancellationToken, Action<int>? advance = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "precis-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var store = new SqliteStore(folder);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var ingestor = await ArticleIngestor.CreateAsync(store, pipeline, options, cancellationToken: cancellationToken).ConfigureAwait(false);
            var results = new List<IngestResult>(set.Count);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < set.Count; i += BatchSize)
            {
                var batch = set.Skip(i).Take(BatchSize).Select(x => x.Source).ToList();
                results.AddRange(await ingestor.IngestAsync(batch, cancellationToken).ConfigureAwait(false));
                advance?.Invoke(batch.Count);
            }
            clock.Stop();
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            // Events as stored (merges applied), read back from the store.
            var eventOf = new Dictionary<string, long>(StringComparer.Ordinal);
            await foreach (var a in store.GetAllArticlesAsync(cancellationToken).ConfigureAwait(false)) eventOf[a.Id] = a.EventId;
            var predicted = new List<long>();
            var truth = new List<string>();
            foreach (var (x, r) in set.Zip(results))
            {
                // A bench document rejected or folded into an identical one still needs a label: it is its own event.
                predicted.Add(r.ArticleId is { } id && eventOf.TryGetValue(id, out var e) ? e : -predicted.Count - 1);
                truth.Add(x.Truth);
            }
            return (ClusteringScores.Compute(predicted, truth), predicted.Distinct().Count(), set.Count / clock.Elapsed.TotalSeconds, set.Count / cpuSeconds);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Offline reference points on each half and on the whole set: how far the words alone separate the bench's
    /// clusters, whatever the order of arrival.</summary>
    private static int Bounds(CliIO io, List<(SourceDocument Source, string Truth)> all, HashSet<string> tuneIds, PrecisPipeline pipeline, ClusteringOptions options)
    {
        if (all.Count > ClusteringBounds.MaxItems)
        {
            io.Error.WriteLine($"precis: --bounds handles at most {ClusteringBounds.MaxItems} articles; this bench has {all.Count}");
            return ExitCodes.Usage;
        }
        var read = all.Select(x => (Terms: ArticleIngestor.Read(pipeline, x.Source).Terms?.Terms ?? [], x.Truth)).ToList();
        double[] thresholds = [0.02, 0.04, 0.06, 0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.22, 0.25, 0.30, 0.35];
        io.Out.WriteLine("Offline reference points: every article in hand, idf over the whole set, group-average (UPGMA) clustering cut at");
        io.Out.WriteLine("the threshold that scores best against the very truth it is scored on. Not a method that can run on a stream;");
        io.Out.WriteLine("a bound on what one pass over the same words can be expected to reach.");
        io.Out.WriteLine($"{"set",-22} {"weighting",-26} {"NN-same",7} {"best-th",7} {"B3-P",6} {"B3-R",6} {"B3-F1",6} {"ARI",6}");
        foreach (var (name, set) in new[] { ("tuning half (even)", read.Where(x => tuneIds.Contains(x.Truth)).ToList()), ("held-out half (odd)", read.Where(x => !tuneIds.Contains(x.Truth)).ToList()), ("all", read) })
        {
            foreach (var weighting in Enum.GetValues<TermWeighting>())
            {
                var bound = ClusteringBounds.Measure(set.Select(x => (IReadOnlyList<string>)x.Terms).ToList(), set.Select(x => x.Truth).ToList(), weighting, thresholds);
                var b = bound.Best;
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-22} {weighting,-26} {bound.NearestNeighbourAccuracy,7:0.000} {bound.BestThreshold,7:0.00} {b.BCubedPrecision,6:0.000} {b.BCubedRecall,6:0.000} {b.BCubedF1,6:0.000} {b.AdjustedRandIndex,6:0.000}"));
            }
        }
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The online clusterer uses {TermWeighting.SublinearTfIdf} with join threshold {options.JoinThreshold}; run without --bounds for its scores."));
        return ExitCodes.Success;
    }

    private static List<T> Shuffle<T>(List<T> items, int seed)
    {
        // Fisher–Yates with a seeded generator: the same seed gives the same stream order everywhere.
        var random = new Random(seed);
        for (int i = items.Count - 1; i > 0; i--)
        {
            int k = random.Next(i + 1);
            (items[i], items[k]) = (items[k], items[i]);
        }
        return items;
    }

    internal static string? DefaultBenchPath()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Precis.slnx")))
                {
                    var path = Path.Combine(dir.FullName, "..", "shared", "bench", "multinews_dev.jsonl");
                    if (File.Exists(path)) return Path.GetFullPath(path);
                    break;
                }
            }
        }
        return null;
    }
}

using System.Diagnostics;
using System.Globalization;
using Precis.Clustering;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Server.Ingestion;
using Precis.Server.Storage.Sqlite;

namespace Precis.Cli.Commands;

/// <summary>
/// Retrieval at scale: ingest rate when the store already holds about 1,000, 10,000 and 100,000 articles. The larger
/// stores are synthesised by replaying the bench streams (all files together, shuffled) again and again, each replay
/// with fresh ids, a line naming the replay (so the content hash differs) and dates shifted past the previous
/// replay's span plus the time window; undated articles get the streams' earliest date. Nothing is written to the
/// repository: the store lives in a temporary folder. At each mark the next <see cref="WindowReplays"/> replays are
/// timed as one stream (one replay, about 0.7 s, was too short a window for a steady figure), with what the garbage
/// collector did meanwhile: collections by generation, the time it paused the process, and bytes allocated per article.
/// </summary>
internal static class BenchClusterScale
{
    private const int BatchSize = 128;
    private static readonly int[] Marks = [1_000, 10_000, 100_000];

    /// <summary>Replays timed at each mark, as one stream of batches (the same batches as replay after replay).</summary>
    private const int WindowReplays = 3;

    public static async Task RunAsync(CliIO io, IReadOnlyList<BenchClusterTraining.BenchStream> benches, PrecisPipeline pipeline,
        ClusteringOptions options, CancellationToken cancellationToken, int largest = 100_000)
    {
        var marks = Marks.Where(m => m <= largest).ToArray();
        var documents = BenchClusterCommand.Shuffle(benches.SelectMany(b => b.Documents.Select(d => d.Source)).ToList(), 7);
        var dates = documents.Select(d => ParseDate(d.Metadata.Published)).Where(d => d is not null).Select(d => d!.Value).ToList();
        var first = dates.Count > 0 ? dates.Min() : new DateOnly(2000, 1, 1);
        var last = dates.Count > 0 ? dates.Max() : first;
        // Replays lie further apart than any window in force (the fallback window's too), so no replay reaches another's events.
        int widest = Math.Max(options.WindowDays, options.ResolvedFallback()?.Days ?? 0);
        int shift = last.DayNumber - first.DayNumber + 2 * widest + 7;

        io.Out.WriteLine();
        io.Out.WriteLine($"Retrieval scale: replays of the {documents.Count} bench articles (fresh ids, dates shifted {shift} days per replay) into one SQLite store;");
        io.Out.WriteLine($"at each mark, the rate of the next {WindowReplays} replays' ingest (parse + dedup + cluster + commit, one stream), the events, the managed heap,");
        io.Out.WriteLine("and the garbage collector meanwhile: collections by generation, the time it paused the process, KB allocated per article.");
        io.Out.WriteLine($"{"stored before",13} {"articles",8} {"articles/s",10} {"articles/CPU-s",14} {"events",8} {"heap MB",8} {"gen0",5} {"gen1",5} {"gen2",5} {"GC pause ms",11} {"KB/article",10}");
        var folder = Path.Combine(Path.GetTempPath(), "precis-bench-scale-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var store = new SqliteStore(folder);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var ingestor = await ArticleIngestor.CreateAsync(store, pipeline, options, cancellationToken: cancellationToken).ConfigureAwait(false);
            int stored = 0, replay = 0, mark = 0;
            var events = new HashSet<long>();
            // Ingests the replays as one stream of batches, gathering the events assigned; returns how many there were
            // once the first `count` articles were ingested (-1 when that point is not passed).
            async Task<int> IngestAsync(List<List<SourceDocument>> replays, int count)
            {
                int seen = 0, eventsThen = -1;
                await foreach (var results in ingestor.IngestBatchesAsync(replays.SelectMany(r => r.Chunk(BatchSize)), cancellationToken).ConfigureAwait(false))
                {
                    foreach (var r in results) if (r.EventId is long e) events.Add(e);
                    seen += results.Count;
                    if (seen == count) eventsThen = events.Count;
                }
                return eventsThen;
            }
            while (mark < marks.Length)
            {
                if (stored < marks[mark])
                {
                    var untimed = Replay(documents, replay++, shift, first);
                    await IngestAsync([untimed], -1).ConfigureAwait(false);
                    stored += untimed.Count;
                    continue;
                }
                // The window: the next replays, each cut into batches as an untimed replay is, streamed as one.
                var replays = new List<List<SourceDocument>>(WindowReplays);
                for (int k = 0; k < WindowReplays; k++) replays.Add(Replay(documents, replay++, shift, first));
                int articles = replays.Sum(r => r.Count);
                var gc = GcCounts.Now();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                // Events after the window's first replay: the figure one-replay windows printed before.
                int eventsAfterFirst = await IngestAsync(replays, replays[0].Count).ConfigureAwait(false);
                clock.Stop();
                double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                var spent = GcCounts.Now() - gc;
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{stored,13} {articles,8} {articles / clock.Elapsed.TotalSeconds,10:0} {articles / cpuSeconds,14:0} {eventsAfterFirst,8} {GC.GetTotalMemory(false) / 1e6,8:0} {spent.Gen0,5} {spent.Gen1,5} {spent.Gen2,5} {spent.Pause.TotalMilliseconds,11:0} {spent.Allocated / 1024.0 / articles,10:0}"));
                stored += articles;
                mark++;
            }
            io.Out.WriteLine("events: distinct event ids assigned (merged-away ids included) up to the end of the window's first replay;");
            io.Out.WriteLine("gen0 / gen1 / gen2: collections of that generation (a gen-1 collection also collects gen 0, and is counted once, as gen1).");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>What the garbage collector has done so far in this process.</summary>
    private readonly record struct GcCounts(int Gen0, int Gen1, int Gen2, TimeSpan Pause, long Allocated)
    {
        public static GcCounts Now()
        {
            int all = GC.CollectionCount(0), gen1Up = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
            return new GcCounts(all - gen1Up, gen1Up - gen2, gen2, GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
        }

        public static GcCounts operator -(GcCounts a, GcCounts b) =>
            new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Pause - b.Pause, a.Allocated - b.Allocated);
    }

    private static List<SourceDocument> Replay(List<SourceDocument> documents, int replay, int shift, DateOnly undated)
    {
        var result = new List<SourceDocument>(documents.Count);
        foreach (var d in documents)
        {
            var date = (ParseDate(d.Metadata.Published) ?? undated).AddDays(replay * shift);
            var metadata = d.Metadata with
            {
                Id = $"r{replay}-{d.Metadata.Id ?? d.Origin}",
                Published = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            result.Add(d with { Origin = $"replay{replay}:{d.Origin}", Content = d.Content + $"\n\nReplay {replay}.", Metadata = metadata });
        }
        return result;
    }

    private static DateOnly? ParseDate(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

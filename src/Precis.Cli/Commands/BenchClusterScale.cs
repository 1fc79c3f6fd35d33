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
/// repository: the store lives in a temporary folder.
/// </summary>
internal static class BenchClusterScale
{
    private const int BatchSize = 128;
    private static readonly int[] Marks = [1_000, 10_000, 100_000];

    public static async Task RunAsync(CliIO io, IReadOnlyList<BenchClusterTraining.BenchStream> benches, PrecisPipeline pipeline,
        ClusteringOptions options, CancellationToken cancellationToken, int largest = 100_000)
    {
        var marks = Marks.Where(m => m <= largest).ToArray();
        var documents = BenchClusterCommand.Shuffle(benches.SelectMany(b => b.Documents.Select(d => d.Source)).ToList(), 7);
        var dates = documents.Select(d => ParseDate(d.Metadata.Published)).Where(d => d is not null).Select(d => d!.Value).ToList();
        var first = dates.Count > 0 ? dates.Min() : new DateOnly(2000, 1, 1);
        var last = dates.Count > 0 ? dates.Max() : first;
        int shift = last.DayNumber - first.DayNumber + 2 * options.WindowDays + 7;

        io.Out.WriteLine();
        io.Out.WriteLine($"Retrieval scale: replays of the {documents.Count} bench articles (fresh ids, dates shifted {shift} days per replay) into one SQLite store;");
        io.Out.WriteLine("at each mark, the rate of the next replay's ingest (parse + dedup + cluster + commit), the live events and the managed heap.");
        io.Out.WriteLine($"{"stored before",13} {"articles",8} {"articles/s",10} {"articles/CPU-s",14} {"events",8} {"heap MB",8}");
        var folder = Path.Combine(Path.GetTempPath(), "precis-bench-scale-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var store = new SqliteStore(folder);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var ingestor = await ArticleIngestor.CreateAsync(store, pipeline, options, cancellationToken: cancellationToken).ConfigureAwait(false);
            int stored = 0, replay = 0, mark = 0;
            var events = new HashSet<long>();
            while (mark < marks.Length)
            {
                var batch = Replay(documents, replay++, shift, first);
                bool timed = stored >= marks[mark];
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                await foreach (var results in ingestor.IngestBatchesAsync(batch.Chunk(BatchSize), cancellationToken).ConfigureAwait(false))
                {
                    foreach (var r in results) if (r.EventId is long e) events.Add(e);
                }
                clock.Stop();
                double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                if (timed)
                {
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{stored,13} {batch.Count,8} {batch.Count / clock.Elapsed.TotalSeconds,10:0} {batch.Count / cpuSeconds,14:0} {events.Count,8} {GC.GetTotalMemory(false) / 1e6,8:0}"));
                    mark++;
                }
                stored += batch.Count;
            }
            io.Out.WriteLine("events: distinct event ids assigned (merged-away ids included).");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
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

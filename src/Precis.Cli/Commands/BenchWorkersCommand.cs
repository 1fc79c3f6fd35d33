using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Precis.Clustering;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Server.Ingestion;
using Precis.Server.Storage.Postgres;

namespace Precis.Cli.Commands;

/// <summary>
/// <c>precis bench workers --postgres CONN</c>: several writers on one PostgreSQL database. For each worker count it
/// creates a fresh schema, starts that many ingestors (each with its own store and connection pool, as separate
/// <c>precis serve</c> processes would have), lets them take batches of the shuffled bench stream from one queue
/// concurrently (or, with <c>--turns</c>, in turn in stream order), and prints articles/s, errors, lost articles, the
/// B-cubed F1 of the events in the database and how often the workers rebuilt their clusterers from the database
/// (<see cref="ArticleIngestor.Rebuilds"/>; 0 when every catch-up replayed the change log).
/// The workers share this process's cores; each schema is dropped afterwards.
/// </summary>
internal static class BenchWorkersCommand
{
#if DEBUG
    private const string Build = "Debug build (speed figures are for a Release build: dotnet run -c Release)";
#else
    private const string Build = "Release build";
#endif

    public static Command Create(CliIO io)
    {
        var postgres = new Option<string>("--postgres") { Description = "PostgreSQL connection string (a schema is created and dropped per run).", Required = true };
        var workers = new Option<string>("--workers") { Description = "Comma-separated worker counts.", DefaultValueFactory = _ => "1,2,4" };
        var bench = new Option<string?>("--bench") { Description = "Bench file (JSON lines); default ../shared/bench/multinews_dev.jsonl beside the repository." };
        var batch = new Option<int>("--batch") { Description = "Articles per ingest call (one POST).", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed.", DefaultValueFactory = _ => 1 };
        var turns = new Option<bool>("--turns")
        {
            Description = "Workers take the batches in turn, one at a time in stream order (batch i to worker i mod N), rather than concurrently from one queue: the events must then be exactly one worker's.",
        };
        var command = new Command("workers", "Measure several ingest workers on one PostgreSQL database.") { postgres, workers, bench, batch, seed, turns };
        command.SetAction((parse, cancellationToken) => RunAsync(io, parse.GetValue(postgres)!, parse.GetValue(workers)!, parse.GetValue(bench), parse.GetValue(batch), parse.GetValue(seed),
            parse.GetValue(turns), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliIO io, string connectionString, string workerList, string? benchPath, int batchSize, int seed, bool turns, CancellationToken cancellationToken)
    {
        benchPath ??= BenchClusterCommand.DefaultBenchPath();
        if (benchPath is null || !File.Exists(benchPath))
        {
            io.Error.WriteLine($"precis: bench file not found: {benchPath ?? "../shared/bench/multinews_dev.jsonl"}");
            return ExitCodes.Usage;
        }
        var counts = new List<int>();
        foreach (var part in workerList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 64)
            {
                io.Error.WriteLine($"precis: --workers: '{part}' is not a worker count (1-64)");
                return ExitCodes.Usage;
            }
            counts.Add(n);
        }
        if (batchSize < 1)
        {
            io.Error.WriteLine("precis: --batch must be at least 1");
            return ExitCodes.Usage;
        }

        var diagnostics = new List<Diagnostic>();
        var clusters = BenchFile.Read(benchPath, diagnostics).ToList();
        foreach (var d in diagnostics) io.Error.WriteLine(d);
        var stream = clusters.SelectMany(c => c.ToSources(Path.GetFileName(benchPath)).Select(s => (Source: s, Truth: c.Id))).ToList();
        var random = new Random(seed);
        for (int i = stream.Count - 1; i > 0; i--)
        {
            int k = random.Next(i + 1);
            (stream[i], stream[k]) = (stream[k], stream[i]);
        }
        var truthOf = stream.ToDictionary(x => x.Source.Origin, x => x.Truth, StringComparer.Ordinal);
        var pipeline = new PrecisPipelineBuilder().Build();

        io.Out.WriteLine($"{stream.Count} articles from {Path.GetFileName(benchPath)} (seed {seed}), batches of {batchSize}{(turns ? " taken in turn" : "")}, one PostgreSQL; {Build}, {Environment.ProcessorCount} cores.");
        io.Out.WriteLine("workers  articles/s  seconds  created  duplicates  errors  lost  events  B-cubed F1  rebuilds");
        foreach (var count in counts)
        {
            var schema = "precis_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(connectionString))
            {
                await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            var schemaConnection = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ToString();
            var stores = new List<PostgresStore>();
            try
            {
                var ingestors = new List<ArticleIngestor>();
                for (int i = 0; i < count; i++)
                {
                    var store = new PostgresStore(schemaConnection);
                    stores.Add(store);
                    await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
                    ingestors.Add(await ArticleIngestor.CreateAsync(store, pipeline, cancellationToken: cancellationToken).ConfigureAwait(false));
                }
                var queue = new ConcurrentQueue<SourceDocument[]>(stream.Select(x => x.Source).Chunk(batchSize));
                var results = new ConcurrentBag<IngestResult>();
                int errors = 0;
                var clock = Stopwatch.StartNew();
                async Task IngestAsync(ArticleIngestor w, SourceDocument[] batch)
                {
                    try
                    {
                        foreach (var r in await w.IngestAsync(batch, cancellationToken).ConfigureAwait(false)) results.Add(r);
                    }
                    catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
                    {
                        Interlocked.Increment(ref errors);
                        await io.Error.WriteLineAsync($"precis: worker error: {e.Message}").ConfigureAwait(false);
                    }
                }
                if (turns)
                {
                    for (int i = 0; queue.TryDequeue(out var batch); i++) await IngestAsync(ingestors[i % count], batch).ConfigureAwait(false);
                }
                else
                {
                    await Task.WhenAll(ingestors.Select(w => Task.Run(async () =>
                    {
                        while (queue.TryDequeue(out var batch)) await IngestAsync(w, batch).ConfigureAwait(false);
                    }, cancellationToken))).ConfigureAwait(false);
                }
                clock.Stop();

                var created = results.Where(r => r.Status == IngestStatus.Created).OrderBy(r => r.Origin, StringComparer.Ordinal).ToList();
                var labels = new List<long>();
                var truth = new List<string>();
                int lost = 0;
                foreach (var r in created)
                {
                    var article = await stores[0].GetArticleAsync(r.ArticleId!, cancellationToken).ConfigureAwait(false);
                    if (article is null)
                    {
                        lost++;
                        continue;
                    }
                    labels.Add(article.EventId);
                    truth.Add(truthOf[r.Origin]);
                }
                var scores = ClusteringScores.Compute(labels, truth);
                double seconds = clock.Elapsed.TotalSeconds;
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{count,7}  {created.Count / seconds,10:0.0}  {seconds,7:0.00}  {created.Count,7}  {results.Count(r => r.Status == IngestStatus.Duplicate),10}  {errors,6}  {lost,4}  {labels.Distinct().Count(),6}  {scores.BCubedF1,10:0.0000}  {ingestors.Sum(w => w.Rebuilds),8}"));
            }
            finally
            {
                foreach (var store in stores) await store.DisposeAsync().ConfigureAwait(false);
                await using var admin = new NpgsqlConnection(connectionString);
                await admin.OpenAsync(CancellationToken.None).ConfigureAwait(false);
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", admin);
                await drop.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        return ExitCodes.Success;
    }
}

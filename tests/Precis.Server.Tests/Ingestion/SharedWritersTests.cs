using System.Collections.Concurrent;
using Npgsql;
using Precis.Clustering;
using Precis.Documents;
using Precis.Ingest;
using Precis.Pipeline;
using Precis.Server.Ingestion;
using Precis.Server.Storage.Postgres;
using Precis.Server.Tests.Fixtures;
using Xunit.Abstractions;

namespace Precis.Server.Tests.Ingestion;

/// <summary>Several writers (separate <see cref="ArticleIngestor"/>s on separate stores and connections, as separate
/// <c>precis serve</c> / <c>precis ingest</c> processes would be) on one PostgreSQL schema (PRECIS_TEST_POSTGRES);
/// each test gets its own schema, dropped afterwards.</summary>
public sealed class SharedWritersTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly PrecisPipeline Pipeline = new PrecisPipelineBuilder().Build();
    private readonly List<string> _schemas = [];
    private readonly List<PostgresStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
        if (TestEnvironment.PostgresConnectionString is not { } baseConnection) return;
        await using var admin = new NpgsqlConnection(baseConnection);
        await admin.OpenAsync();
        foreach (var schema in _schemas)
        {
            await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", admin);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A fresh schema; returns its connection string.</summary>
    private async Task<string> NewSchemaAsync()
    {
        var baseConnection = TestEnvironment.PostgresConnectionString;
        TestEnvironment.RequireUnlessBuildServer(baseConnection is null, "PostgreSQL (PRECIS_TEST_POSTGRES)");
        var schema = "precis_workers_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(baseConnection))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        _schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = schema }.ToString();
    }

    /// <summary>One worker: its own store (own connection pool) and ingestor.</summary>
    private async Task<ArticleIngestor> WorkerAsync(string connectionString, ClusteringOptions? options = null)
    {
        var store = new PostgresStore(connectionString);
        _stores.Add(store);
        await store.MigrateAsync();
        return await ArticleIngestor.CreateAsync(store, Pipeline, options);
    }

    private static SourceDocument Article(string origin, string text, string? url = null) =>
        SourceDocument.PlainText(origin, text, new SourceMetadata(Url: url));

    [SkippableFact]
    public async Task An_article_sent_to_one_worker_and_then_another_is_a_duplicate()
    {
        var connection = await NewSchemaAsync();
        var a = await WorkerAsync(connection);
        var b = await WorkerAsync(connection);
        const string text = "Floodwater closed the Tarnbridge ferry on Monday and the harbour office said crossings would resume once the river fell below the quay.";

        var first = Assert.Single(await a.IngestAsync([Article("a.txt", text, "https://example.test/tarnbridge-ferry")]));
        var again = Assert.Single(await b.IngestAsync([Article("b.txt", text)]));
        var sameUrl = Assert.Single(await b.IngestAsync([Article("c.txt", "A rewritten story under the same address: the Tarnbridge ferry stays shut.", "https://example.test/tarnbridge-ferry")]));
        var next = Assert.Single(await b.IngestAsync([Article("d.txt", "Tarnbridge harbour office reopened the ferry crossing on Thursday after the river fell below the quay.")]));

        Assert.Equal(IngestStatus.Created, first.Status);
        Assert.Equal(IngestStatus.Duplicate, again.Status);
        Assert.Equal(first.ArticleId, again.ArticleId);
        Assert.Equal(IngestStatus.Duplicate, sameUrl.Status);
        Assert.Equal(first.ArticleId, sameUrl.ArticleId);
        Assert.Equal(IngestStatus.Created, next.Status);
        // B numbered its article after A's, from the database, not from its own memory.
        var stored = await b.Store.GetArticleAsync(next.ArticleId!);
        Assert.Equal(2, stored!.Seq);
    }

    [SkippableFact]
    public async Task Workers_starting_together_migrate_the_schema_once()
    {
        var connection = await NewSchemaAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresStore(connection)).ToList();
        _stores.AddRange(stores);

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync())));

        foreach (var store in stores) Assert.Equal(PostgresStore.LatestSchemaVersion, await store.GetSchemaVersionAsync());
    }

    [SkippableFact]
    public async Task A_split_made_by_one_worker_is_seen_by_the_next()
    {
        var connection = await NewSchemaAsync();
        var options = EventSplitIngestTests.Options();
        var workers = new[] { await WorkerAsync(connection, options), await WorkerAsync(connection, options) };
        var docs = EventSplitIngestTests.Stream();
        var expected = EventSplitIngestTests.Decide(docs, options);

        // The workers take turns, two articles each: every batch after a split is decided by a worker that must first
        // rebuild from what the other stored.
        int turn = 0;
        foreach (var chunk in docs.Chunk(2)) await workers[turn++ % 2].IngestAsync(chunk);

        var stored = new Dictionary<string, long>();
        await foreach (var a in workers[0].Store.GetAllArticlesAsync()) stored[a.Id] = a.EventId;
        Assert.Equal(expected, stored);
    }

    /// <summary>Two or three workers taking turns in small batches store exactly the partition (article -> event id)
    /// one worker stores for the same stream, and none of them rebuilds: each replays the others' decisions (new
    /// articles, merges, splits, cached norms) from the change log. Streams: the split test's chained stories under its
    /// test model (splits certain), and a shuffled DUC 2004 sample (30 topics of 10 reports) under the default model
    /// (joins, merges and splits as they come).</summary>
    [SkippableTheory]
    [InlineData("split", 2, 1)]
    [InlineData("split", 3, 2)]
    [InlineData("duc2004", 2, 3)]
    [InlineData("duc2004", 3, 2)]
    public async Task Workers_taking_turns_store_exactly_the_partition_one_worker_stores(string streamName, int count, int batch)
    {
        List<SourceDocument> docs;
        ClusteringOptions? options = null;
        if (streamName == "split")
        {
            docs = EventSplitIngestTests.Stream();
            options = EventSplitIngestTests.Options();
        }
        else
        {
            var path = Path.Combine(TestEnvironment.RepositoryRoot, "..", "shared", "bench", streamName + ".jsonl");
            Skip.IfNot(File.Exists(path), $"{Path.GetFullPath(path)} is not there (the shared bench data sits beside the repository); skipped.");
            var diagnostics = new List<Diagnostic>();
            docs = BenchFile.Read(path, diagnostics).Take(30).SelectMany(c => c.ToSources(streamName + ".jsonl")).ToList();
            var random = new Random(5);
            for (int i = docs.Count - 1; i > 0; i--)
            {
                int k = random.Next(i + 1);
                (docs[i], docs[k]) = (docs[k], docs[i]);
            }
        }

        var single = await WorkerAsync(await NewSchemaAsync(), options);
        foreach (var chunk in docs.Chunk(batch)) await single.IngestAsync(chunk);
        var expected = await PartitionAsync(single.Store);

        var connection = await NewSchemaAsync();
        var workers = new List<ArticleIngestor>();
        for (int i = 0; i < count; i++) workers.Add(await WorkerAsync(connection, options));
        int turn = 0;
        foreach (var chunk in docs.Chunk(batch)) await workers[turn++ % count].IngestAsync(chunk);
        var stored = await PartitionAsync(workers[0].Store);

        var changes = await ChangesAsync(connection);
        output.WriteLine($"{docs.Count} articles, {expected.Values.Distinct().Count()} events; change log: {changes}; rebuilds: {string.Join(", ", workers.Select(w => w.Rebuilds))}");
        Assert.Equal(expected, stored);
        Assert.All(workers, w => Assert.Equal(0, w.Rebuilds));
        if (streamName == "split") Assert.Contains("s", changes, StringComparison.Ordinal);
    }

    /// <summary>A worker started on a database others have filled (a restart) replays the whole history from the
    /// change log and goes on exactly as the worker that made it would have; a worker whose state does not fit the log
    /// (here: articles stored without their joined event, as before the log) falls back to a rebuild.</summary>
    [SkippableFact]
    public async Task A_worker_started_on_a_filled_database_goes_on_exactly_as_the_live_one()
    {
        var path = Path.Combine(TestEnvironment.RepositoryRoot, "..", "shared", "bench", "duc2004.jsonl");
        Skip.IfNot(File.Exists(path), $"{Path.GetFullPath(path)} is not there (the shared bench data sits beside the repository); skipped.");
        var docs = BenchFile.Read(path, []).Take(30).SelectMany(c => c.ToSources("duc2004.jsonl")).ToList();
        var random = new Random(3);
        for (int i = docs.Count - 1; i > 0; i--)
        {
            int k = random.Next(i + 1);
            (docs[i], docs[k]) = (docs[k], docs[i]);
        }

        var single = await WorkerAsync(await NewSchemaAsync());
        foreach (var chunk in docs.Chunk(4)) await single.IngestAsync(chunk);
        var expected = await PartitionAsync(single.Store);

        // A fresh worker (a restart) every 30 articles, each starting from what the ones before stored.
        var connection = await NewSchemaAsync();
        var restarts = new List<ArticleIngestor>();
        foreach (var segment in docs.Chunk(30))
        {
            var worker = await WorkerAsync(connection);
            restarts.Add(worker);
            foreach (var chunk in segment.Chunk(4)) await worker.IngestAsync(chunk);
        }
        Assert.Equal(expected, await PartitionAsync(restarts[^1].Store));
        Assert.All(restarts, w => Assert.Equal(0, w.Rebuilds));
        var first = restarts[0];

        // The first worker could catch up on the later ones' batches from the log; once the log loses its joined
        // events it cannot, and rebuilds (once) from the articles.
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var cmd = new NpgsqlCommand("UPDATE articles SET joined_event = NULL", db);
            await cmd.ExecuteNonQueryAsync();
        }
        var last = Assert.Single(await first.IngestAsync([Article("late.txt", "A late report on the Quillford council bicycle racks.")]));
        Assert.Equal(IngestStatus.Created, last.Status);
        Assert.Equal(1, first.Rebuilds);
    }

    private static async Task<Dictionary<string, long>> PartitionAsync(Precis.Server.Storage.IPrecisStore store)
    {
        var events = new Dictionary<string, long>();
        await foreach (var a in store.GetAllArticlesAsync()) events[a.Id] = a.EventId;
        return events;
    }

    /// <summary>The change log's entries by kind, e.g. "m=3 n=40 s=1".</summary>
    private static async Task<string> ChangesAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT kind, COUNT(*) FROM event_log GROUP BY kind ORDER BY kind", db);
        await using var reader = await cmd.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync()) parts.Add($"{reader.GetString(0)}={reader.GetInt64(1)}");
        return string.Join(" ", parts);
    }

    [SkippableFact]
    public async Task Workers_given_the_same_articles_at_once_store_each_once()
    {
        var connection = await NewSchemaAsync();
        var workers = new[] { await WorkerAsync(connection), await WorkerAsync(connection), await WorkerAsync(connection) };
        var docs = Enumerable.Range(1, 12).Select(i => Article($"n{i}.txt",
            $"Report {i}: the Quillford council counted {i * 17} new bicycle racks in ward {i} and asked residents where the next ones should go.")).ToList();

        var results = await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            var all = new List<IngestResult>();
            foreach (var doc in docs) all.AddRange(await w.IngestAsync([doc]));
            return all;
        })));

        var flat = results.SelectMany(r => r).ToList();
        Assert.Equal(docs.Count, flat.Count(r => r.Status == IngestStatus.Created));
        Assert.Equal(2 * docs.Count, flat.Count(r => r.Status == IngestStatus.Duplicate));
        Assert.Equal(docs.Count, await workers[0].Store.CountArticlesAsync());
    }

    [SkippableTheory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Concurrent_workers_on_the_shuffled_Multi_News_stream_lose_nothing_and_find_the_same_events(int workers)
    {
        var path = Path.Combine(TestEnvironment.RepositoryRoot, "..", "shared", "bench", "multinews_dev.jsonl");
        Skip.IfNot(File.Exists(path), $"{Path.GetFullPath(path)} is not there (the shared bench data sits beside the repository); skipped.");
        TestEnvironment.RequireUnlessBuildServer(TestEnvironment.PostgresConnectionString is null, "PostgreSQL (PRECIS_TEST_POSTGRES)");

        // A sample that keeps the test to seconds: the first 40 clusters (about 120 articles), shuffled with a fixed seed.
        var diagnostics = new List<Diagnostic>();
        var clusters = BenchFile.Read(path, diagnostics).Take(40).ToList();
        Assert.Empty(diagnostics);
        var stream = clusters.SelectMany(c => c.ToSources("multinews_dev.jsonl").Select(s => (Source: s, Truth: c.Id))).ToList();
        var random = new Random(11);
        for (int i = stream.Count - 1; i > 0; i--)
        {
            int k = random.Next(i + 1);
            (stream[i], stream[k]) = (stream[k], stream[i]);
        }

        var one = await RunAsync(stream, 1);
        var many = await RunAsync(stream, workers);
        output.WriteLine($"{stream.Count} articles; 1 worker: {one.Created} created, {one.Events} events, B-cubed F1 {one.F1:0.0000}; " +
            $"{workers} workers: {many.Created} created, {many.Events} events, B-cubed F1 {many.F1:0.0000}");

        Assert.Empty(many.Errors);
        Assert.Equal(one.Created, many.Created);
        Assert.Equal(one.Duplicates, many.Duplicates);
        Assert.Equal(many.Created, many.Stored);
        Assert.True(many.SeqGapFree, "article sequence numbers are not 1..n");
        Assert.True(Math.Abs(one.F1 - many.F1) <= 0.01, $"B-cubed F1 {many.F1:0.0000} with {workers} workers, {one.F1:0.0000} with one");
        // Exactly the events one clusterer finds taking the articles in the order the lock granted their batches
        // (their seq order), with no rebuild: every catch-up replayed the change log.
        Assert.Equal(SeqOrderPartition(many.Articles), many.Partition);
        Assert.Equal(0, many.Rebuilds);
    }

    /// <summary>What one clusterer decides for the stored articles taken in seq order: each article's final event.</summary>
    private static Dictionary<string, long> SeqOrderPartition(IReadOnlyList<Precis.Server.Storage.StoredArticle> articles)
    {
        var reference = new OnlineEventClusterer();
        var decided = articles.Select(a => (a.Id, reference.Add(ClusterTerms.FromText(a.Id, a.Headline, a.Text, a.PublishedDate)).EventId)).ToList();
        return decided.ToDictionary(x => x.Id, x => reference.EventOf(x.Id, x.EventId));
    }

    [Fact]
    public void Bench_workers_rejects_a_bad_worker_count()
    {
        var stderr = new StringWriter();
        int code = Precis.Cli.Program.Run(["bench", "workers", "--postgres", "Host=127.0.0.1", "--workers", "1,zero", "--bench", typeof(SharedWritersTests).Assembly.Location],
            TextReader.Null, new StringWriter(), stderr);
        Assert.Equal(Precis.Cli.ExitCodes.Usage, code);
        Assert.Contains("--workers: 'zero'", stderr.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Bench_workers_prints_one_row_per_worker_count_with_no_errors_or_losses()
    {
        var connection = TestEnvironment.PostgresConnectionString;
        TestEnvironment.RequireUnlessBuildServer(connection is null, "PostgreSQL (PRECIS_TEST_POSTGRES)");
        var folder = TestEnvironment.NewTempFolder();
        try
        {
            // Three fictional stories, two reports each, in the bench format.
            static string Cluster(string id, params string[] texts) => System.Text.Json.JsonSerializer.Serialize(new
            {
                id,
                documents = texts.Select((t, i) => new { id = $"{id}-{i}", date = (string?)null, title = (string?)null, text = t }),
            });
            var path = Path.Combine(folder, "bench.jsonl");
            await File.WriteAllLinesAsync(path,
            [
                Cluster("ferry", "Floodwater closed the Tarnbridge ferry and the harbour office said crossings resume when the river falls.",
                    "The Tarnbridge ferry stays closed by floodwater until the river falls, the harbour office said."),
                Cluster("racks", "Quillford council installed forty bicycle racks in the market square and asked riders where to add more.",
                    "Forty new bicycle racks stand in Quillford market square; the council asks riders where more should go."),
                Cluster("choir", "The Ashby youth choir won the regional festival with a programme of folk songs from the valley.",
                    "Folk songs from the valley won the regional festival for the Ashby youth choir."),
            ]);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = Precis.Cli.Program.Run(["bench", "workers", "--postgres", connection!, "--workers", "1,2", "--batch", "1", "--bench", path],
                TextReader.Null, stdout, stderr);
            Assert.True(code == Precis.Cli.ExitCodes.Success, stderr.ToString());
            var rows = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 10 && char.IsDigit(f[0][0])).ToList();
            Assert.Equal(["1", "2"], rows.Select(f => f[0]));
            foreach (var f in rows)
            {
                Assert.Equal("6", f[3]); // created
                Assert.Equal("0", f[5]); // errors
                Assert.Equal("0", f[6]); // lost
                Assert.Equal("0", f[9]); // rebuilds: every catch-up replayed the change log
            }
        }
        finally
        {
            TestEnvironment.DeleteQuietly(folder);
        }
    }

    private sealed record Run(int Created, int Duplicates, int Stored, bool SeqGapFree, int Events, double F1, IReadOnlyList<string> Errors,
        IReadOnlyList<Precis.Server.Storage.StoredArticle> Articles, Dictionary<string, long> Partition, int Rebuilds);

    /// <summary>Ingests the stream with <paramref name="count"/> concurrent workers taking small batches from one queue,
    /// then scores the events the database holds.</summary>
    private async Task<Run> RunAsync(IReadOnlyList<(SourceDocument Source, string Truth)> stream, int count)
    {
        var connection = await NewSchemaAsync();
        var workers = new List<ArticleIngestor>();
        for (int i = 0; i < count; i++) workers.Add(await WorkerAsync(connection));
        var queue = new ConcurrentQueue<SourceDocument[]>(stream.Select(x => x.Source).Chunk(4));
        var results = new ConcurrentBag<IngestResult>();
        var errors = new ConcurrentBag<string>();
        await Task.WhenAll(workers.Select(w => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var batch))
            {
                try
                {
                    foreach (var r in await w.IngestAsync(batch)) results.Add(r);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    errors.Add(e.Message);
                }
            }
        })));

        var store = workers[0].Store;
        var truthOf = stream.ToDictionary(x => x.Source.Origin, x => x.Truth, StringComparer.Ordinal);
        var labels = new List<long>();
        var truth = new List<string>();
        foreach (var r in results.Where(r => r.Status == IngestStatus.Created).OrderBy(r => r.Origin, StringComparer.Ordinal))
        {
            var article = await store.GetArticleAsync(r.ArticleId!);
            if (article is null) continue;
            labels.Add(article.EventId);
            truth.Add(truthOf[r.Origin]);
        }
        var articles = new List<Precis.Server.Storage.StoredArticle>();
        await foreach (var a in store.GetAllArticlesAsync()) articles.Add(a);
        var seqs = articles.Select(a => a.Seq).ToList();
        var scores = ClusteringScores.Compute(labels, truth);
        return new Run(
            results.Count(r => r.Status == IngestStatus.Created),
            results.Count(r => r.Status == IngestStatus.Duplicate),
            await store.CountArticlesAsync(),
            seqs.Select((s, i) => s == i + 1).All(x => x),
            labels.Distinct().Count(),
            scores.BCubedF1,
            [.. errors],
            articles,
            articles.ToDictionary(a => a.Id, a => a.EventId),
            workers.Sum(w => w.Rebuilds));
    }
}

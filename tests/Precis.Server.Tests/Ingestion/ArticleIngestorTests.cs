using System.Text.Json;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Server.Ingestion;
using Precis.Server.Storage;
using Precis.Server.Storage.Sqlite;
using Precis.Server.Tests.Fixtures;

namespace Precis.Server.Tests.Ingestion;

public sealed class ArticleIngestorTests : IDisposable
{
    private readonly string _folder = TestEnvironment.NewTempFolder();
    private static readonly PrecisPipeline Pipeline = new PrecisPipelineBuilder().Build();

    public void Dispose() => TestEnvironment.DeleteQuietly(_folder);

    /// <summary>A batch large enough to be parsed in parallel: the fictional stories as JSON records and as plain
    /// text, an HTML copy, an empty document and an exact re-submission, shuffled.</summary>
    private static List<SourceDocument> MixedBatch()
    {
        var docs = new List<SourceDocument>();
        int i = 0;
        foreach (var record in FictionalArticles.Bridge.Concat(FictionalArticles.Orchard))
        {
            var json = JsonSerializer.Serialize(record);
            docs.Add(new SourceDocument($"record-{i}.json", json, DocumentFormat.JsonRecord, SourceMetadata.Empty));
            using var parsed = JsonDocument.Parse(json);
            var text = parsed.RootElement.GetProperty("text").GetString()!;
            // The same story rewritten by hand would be a new article; a plain-text copy with a note appended is one too.
            docs.Add(SourceDocument.PlainText($"plain-{i}.txt", text + " Reporting continues."));
            i++;
        }
        docs.Add(new SourceDocument("page.html", "<html><body><h1>Hail hits Milbrook</h1><p>Hailstones stripped apple orchards in Milbrook valley and growers asked for relief funds after the apple harvest was lost.</p></body></html>", DocumentFormat.Html, SourceMetadata.Empty));
        docs.Add(SourceDocument.PlainText("empty.txt", "   \n  "));
        docs.Add(SourceDocument.PlainText("again.txt", docs[1].Content));
        var random = new Random(7);
        return [.. docs.OrderBy(_ => random.Next())];
    }

    [Fact]
    public async Task A_parallel_batch_reports_results_in_input_order()
    {
        var batch = MixedBatch();
        Assert.True(batch.Count >= 8, "the batch must be large enough for the parallel path");
        await using var store = new SqliteStore(_folder);
        await store.MigrateAsync();
        var ingestor = await ArticleIngestor.CreateAsync(store, Pipeline);

        var results = (await ingestor.IngestAsync(batch)).ToList();

        Assert.Equal(batch.Select(d => d.Origin), results.Select(r => r.Origin));
        Assert.Equal(IngestStatus.Rejected, Assert.Single(results, r => r.Origin == "empty.txt").Status);
        var again = Assert.Single(results, r => r.Origin == "again.txt");
        var original = Assert.Single(results, r => r.Origin == "plain-0.txt");
        Assert.Equal(IngestStatus.Duplicate, results.IndexOf(again) < results.IndexOf(original) ? original.Status : again.Status);
        Assert.Equal(original.ArticleId, again.ArticleId);
        Assert.Equal(batch.Count - 2, results.Count(r => r.Status == IngestStatus.Created));
    }

    [Fact]
    public async Task A_boilerplate_page_is_stored_but_listed_as_rejected_from_events_with_a_reason()
    {
        await using var store = new SqliteStore(_folder);
        await store.MigrateAsync();
        var ingestor = await ArticleIngestor.CreateAsync(store, Pipeline);
        // Written for this test: a script prompt, and a news report.
        var results = await ingestor.IngestAsync([
            SourceDocument.PlainText("prompt.txt", "Please enable JavaScript in your browser settings to view this page. Reload the page once you have enabled it."),
            SourceDocument.PlainText("news.txt", "Hailstones stripped apple orchards in Milbrook valley on Monday, and growers asked the county for relief funds after most of the harvest was lost."),
        ]);

        var prompt = Assert.Single(results, r => r.Origin == "prompt.txt");
        Assert.Equal(IngestStatus.Created, prompt.Status);       // stored: nothing is lost
        Assert.NotNull(prompt.ArticleId);
        Assert.False(string.IsNullOrWhiteSpace(prompt.Rejection));
        var news = Assert.Single(results, r => r.Origin == "news.txt");
        Assert.Null(news.Rejection);
        Assert.NotEqual(prompt.EventId, news.EventId);
    }

    [Fact]
    public async Task One_batch_and_one_article_at_a_time_make_the_same_decisions()
    {
        var batch = MixedBatch();
        await using var whole = new SqliteStore(Path.Combine(_folder, "whole"));
        await whole.MigrateAsync();
        var together = await (await ArticleIngestor.CreateAsync(whole, Pipeline)).IngestAsync(batch);

        await using var single = new SqliteStore(Path.Combine(_folder, "single"));
        await single.MigrateAsync();
        var ingestor = await ArticleIngestor.CreateAsync(single, Pipeline);
        var oneByOne = new List<IngestResult>();
        foreach (var document in batch) oneByOne.AddRange(await ingestor.IngestAsync([document]));

        Assert.Equal(together.Select(r => (r.Origin, r.Status, r.ArticleId)), oneByOne.Select(r => (r.Origin, r.Status, r.ArticleId)));
        // The stored partition into events (merges applied) must be the same either way.
        Assert.Equal(await PartitionAsync(whole), await PartitionAsync(single));
    }

    [Fact]
    public async Task Streamed_batches_read_ahead_but_decide_and_store_as_batch_after_batch()
    {
        var documents = MixedBatch();
        var batches = documents.Chunk(5).ToList();
        await using var stepwise = new SqliteStore(Path.Combine(_folder, "stepwise"));
        await stepwise.MigrateAsync();
        var one = await ArticleIngestor.CreateAsync(stepwise, Pipeline);
        var expected = new List<IngestResult>();
        foreach (var batch in batches) expected.AddRange(await one.IngestAsync(batch));

        await using var streamed = new SqliteStore(Path.Combine(_folder, "streamed"));
        await streamed.MigrateAsync();
        var two = await ArticleIngestor.CreateAsync(streamed, Pipeline);
        var actual = new List<IngestResult>();
        int yielded = 0;
        await foreach (var results in two.IngestBatchesAsync(batches))
        {
            Assert.Equal(batches[yielded].Length, results.Count);
            // Each batch is committed before its results are handed out; the next one may be committed too (it is
            // decided, and its commit started, before this batch's results are handed out), but none after it.
            int stored = await streamed.CountArticlesAsync();
            Assert.InRange(stored, expected.Take(actual.Count + results.Count).Count(r => r.Status == IngestStatus.Created),
                expected.Take(actual.Count + results.Count + (yielded + 1 < batches.Count ? batches[yielded + 1].Length : 0)).Count(r => r.Status == IngestStatus.Created));
            actual.AddRange(results);
            yielded++;
        }

        Assert.Equal(batches.Count, yielded);
        Assert.Equal(expected, actual);
        Assert.Equal(await PartitionAsync(stepwise), await PartitionAsync(streamed));
    }

    [Fact]
    public async Task A_stream_stopped_early_or_broken_keeps_every_batch_read_before_the_stop()
    {
        var batches = MixedBatch().Chunk(4).ToList();
        await using var store = new SqliteStore(_folder);
        await store.MigrateAsync();
        var ingestor = await ArticleIngestor.CreateAsync(store, Pipeline);
        int created = 0;
        await foreach (var results in ingestor.IngestBatchesAsync(batches))
        {
            created += results.Count(r => r.Status == IngestStatus.Created);
            break;                                     // the next batch was already read and decided
        }
        Assert.True(created > 0);
        // The batch decided ahead of the one handed out is committed, whole, before the enumeration ends (its results
        // are not handed out; submitting it again finds every article stored).
        await using (var reference = new SqliteStore(Path.Combine(_folder, "reference")))
        {
            await reference.MigrateAsync();
            var stepwise = await ArticleIngestor.CreateAsync(reference, Pipeline);
            await stepwise.IngestAsync(batches[0]);
            created += (await stepwise.IngestAsync(batches[1])).Count(r => r.Status == IngestStatus.Created);
        }
        Assert.Equal(created, await store.CountArticlesAsync());
        Assert.DoesNotContain(await ingestor.IngestAsync(batches[1]), r => r.Status == IngestStatus.Created);

        // A source that fails part way: the batches before it stay stored, and the error reaches the caller.
        static IEnumerable<IReadOnlyList<SourceDocument>> Failing(List<SourceDocument[]> batches)
        {
            yield return batches[2];
            throw new IOException("the feed broke");
        }
        var second = new List<IngestResult>();
        await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var results in ingestor.IngestBatchesAsync(Failing(batches))) second.AddRange(results);
        });
        Assert.Equal(batches[2].Length, second.Count);
        Assert.Equal(created + second.Count(r => r.Status == IngestStatus.Created), await store.CountArticlesAsync());
    }

    [Fact]
    public async Task A_failed_commit_in_a_stream_keeps_the_batches_before_it_and_the_clusterer_matches_the_store()
    {
        var batches = MixedBatch().Chunk(3).ToList();
        Assert.True(batches.Count >= 5, "the stream needs batches after the failing one");
        await using var reference = new SqliteStore(Path.Combine(_folder, "reference"));
        await reference.MigrateAsync();
        var one = await ArticleIngestor.CreateAsync(reference, Pipeline);
        var expected = new List<IngestResult>();
        foreach (var batch in batches) expected.AddRange(await one.IngestAsync(batch));

        var inner = new SqliteStore(Path.Combine(_folder, "failing"));
        await inner.MigrateAsync();
        await using var store = new FailingCommitStore(inner) { FailCommit = 3 };   // the third batch's commit fails
        var two = await ArticleIngestor.CreateAsync(store, Pipeline);
        var handed = new List<IReadOnlyList<IngestResult>>();
        await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var results in two.IngestBatchesAsync(batches)) handed.Add(results);
        });
        // The two batches committed before the failure were handed out and stay stored; nothing after them is stored.
        Assert.Equal(2, handed.Count);
        Assert.Equal(expected.Take(batches[0].Length + batches[1].Length), handed.SelectMany(r => r));
        Assert.Equal(handed.SelectMany(r => r).Count(r => r.Status == IngestStatus.Created), await inner.CountArticlesAsync());

        // The clusterer was rebuilt from the store: going on from the failed batch gives the reference's events.
        var rest = new List<IngestResult>();
        await foreach (var results in two.IngestBatchesAsync(batches.Skip(2).ToList())) rest.AddRange(results);
        Assert.Equal(expected.Skip(batches[0].Length + batches[1].Length).Select(r => (r.Origin, r.Status, r.ArticleId)),
            rest.Select(r => (r.Origin, r.Status, r.ArticleId)));
        Assert.Equal(await PartitionAsync(reference), await PartitionAsync(inner));
    }

    /// <summary>A store whose <see cref="FailCommit"/>-th ingest commit (counting from 1) fails like a full disk.</summary>
    private sealed class FailingCommitStore(SqliteStore inner) : IPrecisStore
    {
        private int _commits;
        public int FailCommit { get; set; }

        public async Task<IIngestTransaction> BeginIngestAsync(CancellationToken cancellationToken = default) =>
            new Transaction(this, await inner.BeginIngestAsync(cancellationToken));

        private sealed class Transaction(FailingCommitStore store, IIngestTransaction tx) : IIngestTransaction
        {
            public bool SharedWriters => tx.SharedWriters;
            public Task<IngestWatermark> GetWatermarkAsync(CancellationToken cancellationToken = default) => tx.GetWatermarkAsync(cancellationToken);
            public IAsyncEnumerable<StoredArticle> GetArticlesAfterAsync(long seq, CancellationToken cancellationToken = default) => tx.GetArticlesAfterAsync(seq, cancellationToken);
            public Task<IReadOnlyList<EventLogEntry>> GetLogAfterAsync(long position, CancellationToken cancellationToken = default) => tx.GetLogAfterAsync(position, cancellationToken);
            public Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken = default) =>
                Interlocked.Increment(ref store._commits) == store.FailCommit ? throw new IOException("disk full") : tx.CommitAsync(batch, cancellationToken);
            public ValueTask DisposeAsync() => tx.DisposeAsync();
        }

        public Task<StoredArticle?> GetArticleAsync(string id, CancellationToken cancellationToken = default) => inner.GetArticleAsync(id, cancellationToken);
        public Task<string?> FindExistingAsync(string? id, string? url, string contentHash, CancellationToken cancellationToken = default) => inner.FindExistingAsync(id, url, contentHash, cancellationToken);
        public Task<IReadOnlyList<StoredArticle>> GetEventArticlesAsync(long eventId, CancellationToken cancellationToken = default) => inner.GetEventArticlesAsync(eventId, cancellationToken);
        public IAsyncEnumerable<StoredArticle> GetAllArticlesAsync(CancellationToken cancellationToken = default) => inner.GetAllArticlesAsync(cancellationToken);
        public Task<int> CountArticlesAsync(CancellationToken cancellationToken = default) => inner.CountArticlesAsync(cancellationToken);
        public Task<(long Seq, long EventId)> GetHighWaterMarksAsync(CancellationToken cancellationToken = default) => inner.GetHighWaterMarksAsync(cancellationToken);
        public Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken = default) => inner.CommitAsync(batch, cancellationToken);
        public Task<EventPage> ListEventsAsync(int offset, int limit, CancellationToken cancellationToken = default) => inner.ListEventsAsync(offset, limit, cancellationToken);
        public Task<StoredEvent?> GetEventAsync(long id, CancellationToken cancellationToken = default) => inner.GetEventAsync(id, cancellationToken);
        public Task<StoredBriefing?> GetBriefingAsync(long eventId, CancellationToken cancellationToken = default) => inner.GetBriefingAsync(eventId, cancellationToken);
        public Task SaveBriefingAsync(StoredBriefing briefing, IReadOnlyDictionary<string, string?> syndicatedWith, CancellationToken cancellationToken = default) => inner.SaveBriefingAsync(briefing, syndicatedWith, cancellationToken);
        public Task MigrateAsync(CancellationToken cancellationToken = default) => inner.MigrateAsync(cancellationToken);
        public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) => inner.GetSchemaVersionAsync(cancellationToken);
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    [Fact]
    public void The_content_hash_is_sha256_of_the_text_with_white_space_runs_collapsed()
    {
        // The definition, written out the plain way: the store's dedup keys depend on it staying exactly this.
        static string Reference(string text)
        {
            var builder = new System.Text.StringBuilder();
            bool space = false;
            foreach (var c in text.Trim())
            {
                if (char.IsWhiteSpace(c)) { space = true; continue; }
                if (space) builder.Append(' ');
                space = false;
                builder.Append(c);
            }
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(builder.ToString())));
        }
        var random = new Random(11);
        char[] alphabet = ['a', 'Z', ' ', '\t', '\n', '\u00A0', '\u2003', '\u00E9', '\uD83D', '\uDE00', '\uD800', '.', '\r'];
        var samples = new List<string> { "", "   ", "Bridge closed.", "  Bridge\n\n closed. ", new string('x', 70_000) + " \t y" };
        for (int i = 0; i < 300; i++) samples.Add(new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
        foreach (var text in samples) Assert.Equal(Reference(text), ArticleIngestor.ContentHash(text));
        // Pinned once: a change of the definition would orphan every stored hash.
        Assert.Equal(Reference("Bridge closed."), ArticleIngestor.ContentHash(" Bridge \n closed. "));
    }

    private static async Task<List<string>> PartitionAsync(SqliteStore store)
    {
        var events = new Dictionary<long, List<string>>();
        await foreach (var a in store.GetAllArticlesAsync())
        {
            if (!events.TryGetValue(a.EventId, out var ids)) events.Add(a.EventId, ids = []);
            ids.Add(a.Id);
        }
        return [.. events.Values.Select(ids => string.Join(",", ids.Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
    }
}

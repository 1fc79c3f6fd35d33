using Precis.Clustering;
using Precis.Documents;
using Precis.Server.Storage;

namespace Precis.Server.Tests.Storage;

/// <summary>The storage contract, run against every store (SQLite always, PostgreSQL when configured).</summary>
public abstract class StoreTests : IAsyncLifetime
{
    private IPrecisStore? _store;

    protected IPrecisStore Store => _store ?? throw new InvalidOperationException("store not created");

    /// <summary>Creates an empty, migrated store (or skips/fails when its database is unavailable).</summary>
    protected abstract Task<IPrecisStore> CreateStoreAsync();

    /// <summary>Opens a second store on the same database (to check persistence).</summary>
    protected abstract Task<IPrecisStore> ReopenAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }

    private async Task<IPrecisStore> OpenAsync() => _store = await CreateStoreAsync();

    private static readonly DateTimeOffset T0 = new(2026, 4, 2, 8, 0, 0, TimeSpan.Zero);

    private static StoredArticle Article(string id, long seq, long eventId, string? outlet = "Outlet", string? url = null, DateTimeOffset? at = null) =>
        new(id, seq, url, "hash-" + id, outlet, "Headline " + id, "2026-04-02", "Text of " + id + " — ünïcödé ✓", "<p>raw " + id + "</p>",
            DocumentFormat.Html, new SourceMetadata(Title: "Headline " + id, Outlet: outlet, Url: url, Published: "2026-04-02"), at ?? T0, eventId);

    [SkippableFact]
    public async Task Migration_is_idempotent_and_versioned()
    {
        var store = await OpenAsync();
        await store.MigrateAsync();
        await store.MigrateAsync();
        Assert.Equal(SqlStore.LatestSchemaVersion, await store.GetSchemaVersionAsync());
    }

    [SkippableFact]
    public async Task Committed_articles_round_trip_with_all_fields()
    {
        var store = await OpenAsync();
        var a = Article("a1", 1, 1, url: "https://x.example/1");
        await store.CommitAsync(new IngestBatch([a], [], T0));
        var read = await store.GetArticleAsync("a1");
        Assert.NotNull(read);
        Assert.Equal(a with { IngestedAt = read.IngestedAt }, read);
        Assert.Equal(T0, read.IngestedAt);
        Assert.Equal(new DateOnly(2026, 4, 2), read.PublishedDate);
        Assert.Null(await store.GetArticleAsync("missing"));
    }

    [SkippableFact]
    public async Task A_plain_text_whose_raw_is_its_text_round_trips_by_every_read()
    {
        var store = await OpenAsync();
        // Stored once (the raw column left empty), read back whole by each way articles are read.
        var same = Article("p1", 1, 1) with { Text = "Plain text.\nSecond line.", Raw = "Plain text.\nSecond line.", Format = DocumentFormat.PlainText };
        var crlf = Article("p2", 2, 1) with { Text = "Plain text.\nOther.", Raw = "Plain text.\r\nOther.", Format = DocumentFormat.PlainText };
        await store.CommitAsync(new IngestBatch([same, crlf], [], T0));
        Assert.Equal(same with { IngestedAt = T0 }, await store.GetArticleAsync("p1"));
        Assert.Equal(crlf with { IngestedAt = T0 }, await store.GetArticleAsync("p2"));
        var all = new List<StoredArticle>();
        await foreach (var a in store.GetAllArticlesAsync()) all.Add(a);
        Assert.Equal(["Plain text.\nSecond line.", "Plain text.\r\nOther."], all.Select(a => a.Raw));
        Assert.Equal(["Plain text.\nSecond line.", "Plain text.\r\nOther."], (await store.GetEventArticlesAsync(1)).Select(a => a.Raw));
    }

    [SkippableFact]
    public async Task Existing_articles_are_found_by_id_url_or_hash()
    {
        var store = await OpenAsync();
        await store.CommitAsync(new IngestBatch([Article("a1", 1, 1, url: "https://x.example/1")], [], T0));
        Assert.Equal("a1", await store.FindExistingAsync("a1", null, "other"));
        Assert.Equal("a1", await store.FindExistingAsync("new", "https://x.example/1", "other"));
        Assert.Equal("a1", await store.FindExistingAsync(null, null, "hash-a1"));
        Assert.Null(await store.FindExistingAsync("new", "https://x.example/2", "other"));
        Assert.Null(await store.FindExistingAsync(null, null, "other"));
    }

    [SkippableFact]
    public async Task Events_count_articles_and_distinct_sources_and_list_newest_first()
    {
        var store = await OpenAsync();
        await store.CommitAsync(new IngestBatch([Article("a1", 1, 1, "Post"), Article("a2", 2, 1, "Post"), Article("a3", 3, 1, null)], [], T0));
        await store.CommitAsync(new IngestBatch([Article("b1", 4, 2, "Radio", at: T0.AddHours(1))], [], T0.AddHours(1)));
        var page = await store.ListEventsAsync(0, 10);
        Assert.Equal(2, page.Total);
        Assert.Equal([2L, 1L], page.Events.Select(e => e.Id));
        var first = await store.GetEventAsync(1);
        Assert.NotNull(first);
        Assert.Equal(3, first.ArticleCount);
        Assert.Equal(2, first.SourceCount); // "Post" twice counts once; the article with no outlet is its own source
        Assert.Equal("Headline a1", first.Headline);
        var second = await store.ListEventsAsync(1, 1);
        Assert.Equal([1L], second.Events.Select(e => e.Id));
        Assert.Equal(["a1", "a2", "a3"], (await store.GetEventArticlesAsync(1)).Select(a => a.Id));
    }

    [SkippableFact]
    public async Task Merged_events_move_their_articles_and_resolve_to_the_survivor()
    {
        var store = await OpenAsync();
        await store.CommitAsync(new IngestBatch([Article("a1", 1, 1), Article("b1", 2, 2, "Other")], [], T0));
        await store.SaveBriefingAsync(new StoredBriefing(2, 1, "{}", "# b", T0), new Dictionary<string, string?>());
        await store.CommitAsync(new IngestBatch([Article("c1", 3, 1, "Third")], [new EventMerge(2, 1)], T0.AddMinutes(5)));
        var page = await store.ListEventsAsync(0, 10);
        Assert.Equal([1L], page.Events.Select(e => e.Id));
        Assert.Equal(1, (await store.GetEventAsync(2))!.Id);
        Assert.Equal(["a1", "b1", "c1"], (await store.GetEventArticlesAsync(1)).Select(a => a.Id));
        Assert.Null(await store.GetBriefingAsync(2));
        Assert.Equal((3L, 2L), await store.GetHighWaterMarksAsync());
    }

    [SkippableFact]
    public async Task A_split_moves_the_listed_articles_to_a_new_event_and_leaves_both_briefings_stale()
    {
        var store = await OpenAsync();
        await using (var tx = await store.BeginIngestAsync())
        {
            Assert.Equal(new IngestWatermark(0, 0, 0, 0), await tx.GetWatermarkAsync());
        }
        await store.CommitAsync(new IngestBatch([Article("a1", 1, 1), Article("a2", 2, 1, "Other"), Article("a3", 3, 1, "Third")], [], T0));
        var before = (await store.GetEventAsync(1))!;
        await store.SaveBriefingAsync(new StoredBriefing(1, before.Version, "{}", "# a", T0), new Dictionary<string, string?>());

        // a4 joins event 1, which then splits: a2 and a4 leave for event 2; a5 joins event 2 in the same batch after
        // the split (its row names event 2 before the split's change has run).
        var split = new EventSplit(1, 2, ["a2", "a4"]);
        await store.CommitAsync(new IngestBatch([Article("a4", 4, 1, "Fourth"), Article("a5", 5, 2, "Fifth")], [EventChange.Of(split)], T0.AddMinutes(5)));

        Assert.Equal(["a1", "a3"], (await store.GetEventArticlesAsync(1)).Select(a => a.Id));
        Assert.Equal(["a2", "a4", "a5"], (await store.GetEventArticlesAsync(2)).Select(a => a.Id));
        var one = (await store.GetEventAsync(1))!;
        var two = (await store.GetEventAsync(2))!;
        Assert.Equal((2, 2), (one.ArticleCount, one.SourceCount));
        Assert.Equal((3, 3), (two.ArticleCount, two.SourceCount));
        Assert.Equal("Headline a2", two.Headline);
        Assert.False((await store.GetBriefingAsync(1))!.IsCurrentFor(one));
        await using (var tx = await store.BeginIngestAsync())
        {
            Assert.Equal(new IngestWatermark(5, 2, 0, 1, 1), await tx.GetWatermarkAsync());
        }

        // A merge after a split in one batch applies to what the split moved.
        await store.CommitAsync(new IngestBatch([Article("a6", 6, 1) with { JoinedEventId = 1 }],
            [EventChange.Of(new EventSplit(1, 3, ["a3"])) with { Seq = 6 }, EventChange.Of(new EventMerge(3, 2)) with { Seq = 6 }], T0.AddMinutes(9))
        {
            Norms = [new CachedNorm(1, 6, 0.1 + 0.2), new CachedNorm(2, 5, Math.PI)],
        });
        Assert.Equal(["a1", "a6"], (await store.GetEventArticlesAsync(1)).Select(a => a.Id));
        Assert.Equal(["a2", "a3", "a4", "a5"], (await store.GetEventArticlesAsync(2)).Select(a => a.Id));
        Assert.Equal(2, (await store.GetEventAsync(3))!.Id);
        await using (var tx = await store.BeginIngestAsync())
        {
            Assert.Equal(new IngestWatermark(6, 3, 1, 2, 4), await tx.GetWatermarkAsync());
            // The change log: each change after the article whose decision made it, in order, then the batch's norms
            // (bit for bit); the article's joined event beside its event now.
            var log = await tx.GetLogAfterAsync(1);
            Assert.Equal([2L, 3L, 4L], log.Select(e => e.Position));
            Assert.Equal("s 6 1 3 a3", $"{log[0].Kind} {log[0].Seq} {log[0].From} {log[0].Into} {string.Join(",", log[0].ArticleIds)}");
            Assert.Equal("m 6 3 2", $"{log[1].Kind} {log[1].Seq} {log[1].From} {log[1].Into}");
            Assert.Equal(('n', 6L), (log[2].Kind, log[2].Seq));
            Assert.Equal([new CachedNorm(1, 6, 0.1 + 0.2), new CachedNorm(2, 5, Math.PI)], log[2].Norms);
            var a6 = (await store.GetArticleAsync("a6"))!;
            Assert.Equal((1L, 1L), (a6.EventId, a6.JoinedEventId!.Value));
            Assert.Null((await store.GetArticleAsync("a1"))!.JoinedEventId);
        }
    }

    [SkippableFact]
    public async Task A_briefing_is_stale_once_its_event_changes()
    {
        var store = await OpenAsync();
        await store.CommitAsync(new IngestBatch([Article("a1", 1, 1)], [], T0));
        var e = (await store.GetEventAsync(1))!;
        await store.SaveBriefingAsync(new StoredBriefing(1, e.Version, "{\"x\":1}", "# x", T0), new Dictionary<string, string?> { ["a1"] = null });
        var cached = await store.GetBriefingAsync(1);
        Assert.NotNull(cached);
        Assert.True(cached.IsCurrentFor(e));
        Assert.Equal("{\"x\":1}", cached.Json);

        await store.CommitAsync(new IngestBatch([Article("a2", 2, 1)], [], T0));
        var changed = (await store.GetEventAsync(1))!;
        Assert.False((await store.GetBriefingAsync(1))!.IsCurrentFor(changed));
    }

    [SkippableFact]
    public async Task Syndication_links_are_saved_with_the_briefing()
    {
        var store = await OpenAsync();
        await store.CommitAsync(new IngestBatch([Article("a1", 1, 1), Article("a2", 2, 1)], [], T0));
        await store.SaveBriefingAsync(new StoredBriefing(1, 1, "{}", "", T0), new Dictionary<string, string?> { ["a1"] = null, ["a2"] = "a1" });
        Assert.Equal("a1", (await store.GetArticleAsync("a2"))!.SyndicatedWith);
        Assert.Null((await store.GetArticleAsync("a1"))!.SyndicatedWith);
    }

    [SkippableFact]
    public async Task Data_survives_reopening_the_store()
    {
        var store = await OpenAsync();
        await store.CommitAsync(new IngestBatch([Article("a1", 1, 1), Article("a2", 2, 1)], [], T0));
        await using var again = await ReopenAsync();
        Assert.Equal(2, await again.CountArticlesAsync());
        var all = new List<string>();
        await foreach (var a in again.GetAllArticlesAsync()) all.Add(a.Id);
        Assert.Equal(["a1", "a2"], all);
    }
}

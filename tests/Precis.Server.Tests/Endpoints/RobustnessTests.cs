using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Precis.Documents;
using Precis.Pipeline;
using Precis.Server.Briefings;
using Precis.Server.Hosting;
using Precis.Server.Ingestion;
using Precis.Server.Storage;
using Precis.Server.Storage.Sqlite;
using Precis.Server.Tests.Fixtures;

namespace Precis.Server.Tests.Endpoints;

/// <summary>Issue 12's service reproductions: bad text is a 400, ids with '/' or '.' are reachable, the service has a
/// health endpoint, and briefings are built in the background (stale served, one event failing alone, disk full).</summary>
public sealed class RobustnessTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<HttpResponseMessage> PostRawAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/articles") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Api-Key", LoopbackServer.ApiKey);
        return await _server.Client.SendAsync(request);
    }

    [Fact]
    public async Task Invalid_utf8_in_json_is_a_400_naming_the_field()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"title\": \"Gates\", \"text\": \"The gates opened "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" on Tuesday.\"}")];
        var response = await PostRawAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(problem.TryGetProperty("errors", out var errors) || text.Contains("UTF-8", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task Lone_surrogate_in_json_is_a_400_naming_the_field()
    {
        var response = await PostRawAsync(Encoding.UTF8.GetBytes("{\"title\": \"Gates\", \"text\": \"The gates \\ud800 opened on Tuesday.\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors");
        Assert.Contains("unpaired surrogate", errors.GetProperty("text")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("v1.2/report.html")]
    public async Task Ids_with_slashes_and_dots_are_reachable_at_the_returned_url(string id)
    {
        var other = await _server.PostAsync(new { id = "b", title = "Other", text = "The ferry ran late on Monday, officials said." });
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var posted = await _server.PostAsync(new { id, title = "Flood gates open", text = "The river authority opened the flood gates on Tuesday, officials said." });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var url = (await Json(posted)).GetProperty("articles")[0].GetProperty("url").GetString()!;
        var read = await _server.Client.GetAsync(url.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(id, (await Json(read)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Health_reports_ok()
    {
        var response = await _server.Client.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await Json(response)).GetProperty("status").GetString());
    }

    [Fact]
    public void Disk_full_and_read_only_stores_are_a_503()
    {
        Assert.Equal(503, ErrorHandling.Classify(new SqliteException("database or disk is full", 13)).Status);
        Assert.Equal(503, ErrorHandling.Classify(new SqliteException("attempt to write a readonly database", 8)).Status);
        Assert.Equal(503, ErrorHandling.Classify(new IOException("No space left on device")).Status);
        Assert.Equal(500, ErrorHandling.Classify(new InvalidOperationException("bug")).Status);
    }
}

/// <summary>EventBriefings over a store whose reads and writes a test can stall or break.</summary>
public sealed class BackgroundBriefingTests : IAsyncDisposable
{
    private readonly string _folder = TestEnvironment.NewTempFolder();
    private static readonly PrecisPipeline Pipeline = new PrecisPipelineBuilder().Build();

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        SqliteConnection.ClearAllPools();
        TestEnvironment.DeleteQuietly(_folder);
    }

    /// <summary>Delegates to a real store; <see cref="Stall"/> blocks one event's article read, <see cref="Broken"/>
    /// makes it throw, <see cref="DiskFull"/> makes briefing saves fail like a full disk.</summary>
    private sealed class ControlledStore(IPrecisStore inner) : IPrecisStore
    {
        public long Stall { get; set; } = -1;
        public long Broken { get; set; } = -1;
        public bool DiskFull { get; set; }
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<StoredArticle?> GetArticleAsync(string id, CancellationToken cancellationToken = default) => inner.GetArticleAsync(id, cancellationToken);
        public Task<string?> FindExistingAsync(string? id, string? url, string contentHash, CancellationToken cancellationToken = default) => inner.FindExistingAsync(id, url, contentHash, cancellationToken);
        public async Task<IReadOnlyList<StoredArticle>> GetEventArticlesAsync(long eventId, CancellationToken cancellationToken = default)
        {
            if (eventId == Stall) await Release.Task.WaitAsync(cancellationToken);
            if (eventId == Broken) throw new InvalidOperationException("a broken event");
            return await inner.GetEventArticlesAsync(eventId, cancellationToken);
        }
        public IAsyncEnumerable<StoredArticle> GetAllArticlesAsync(CancellationToken cancellationToken = default) => inner.GetAllArticlesAsync(cancellationToken);
        public Task<int> CountArticlesAsync(CancellationToken cancellationToken = default) => inner.CountArticlesAsync(cancellationToken);
        public Task<(long Seq, long EventId)> GetHighWaterMarksAsync(CancellationToken cancellationToken = default) => inner.GetHighWaterMarksAsync(cancellationToken);
        public Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken = default) => inner.CommitAsync(batch, cancellationToken);
        public Task<IIngestTransaction> BeginIngestAsync(CancellationToken cancellationToken = default) => inner.BeginIngestAsync(cancellationToken);
        public Task<EventPage> ListEventsAsync(int offset, int limit, CancellationToken cancellationToken = default) => inner.ListEventsAsync(offset, limit, cancellationToken);
        public Task<StoredEvent?> GetEventAsync(long id, CancellationToken cancellationToken = default) => inner.GetEventAsync(id, cancellationToken);
        public Task<StoredBriefing?> GetBriefingAsync(long eventId, CancellationToken cancellationToken = default) => inner.GetBriefingAsync(eventId, cancellationToken);
        public Task SaveBriefingAsync(StoredBriefing briefing, IReadOnlyDictionary<string, string?> syndicatedWith, CancellationToken cancellationToken = default) =>
            DiskFull ? throw new SqliteException("database or disk is full", 13) : inner.SaveBriefingAsync(briefing, syndicatedWith, cancellationToken);
        public Task MigrateAsync(CancellationToken cancellationToken = default) => inner.MigrateAsync(cancellationToken);
        public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default) => inner.GetSchemaVersionAsync(cancellationToken);
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    private async Task<(ControlledStore Store, long Bridge, long Orchard)> StoreWithTwoEventsAsync()
    {
        var inner = new SqliteStore(_folder);
        await inner.MigrateAsync();
        var store = new ControlledStore(inner);
        var ingestor = await ArticleIngestor.CreateAsync(store, Pipeline);
        var sources = FictionalArticles.Bridge.Concat(FictionalArticles.Orchard)
            .Select((a, i) => new SourceDocument($"r{i}", JsonSerializer.Serialize(a), DocumentFormat.JsonRecord, SourceMetadata.Empty)).ToList();
        var results = await ingestor.IngestAsync(sources, CancellationToken.None);
        return (store, results[0].EventId!.Value, results[3].EventId!.Value);
    }

    [Fact]
    public async Task A_stalled_build_does_not_hold_up_another_events_read()
    {
        var (store, bridge, orchard) = await StoreWithTwoEventsAsync();
        await using var _ = store;
        store.Stall = bridge;
        var briefings = new EventBriefings(store, Pipeline, new BriefingBuildOptions { Workers = 2, FirstBuildWait = TimeSpan.FromSeconds(1) });
        // The stalled event's first read gives up with "being built" instead of waiting for the build.
        await Assert.ThrowsAsync<BriefingPendingException>(() => briefings.GetAsync(bridge, CancellationToken.None));
        var other = await briefings.GetAsync(orchard, CancellationToken.None);
        Assert.NotNull(other);
        Assert.True(other.Value.Briefing.IsCurrentFor(other.Value.Event));
        store.Release.SetResult();
    }

    [Fact]
    public async Task A_failing_build_fails_its_event_alone()
    {
        var (store, bridge, orchard) = await StoreWithTwoEventsAsync();
        await using var _ = store;
        store.Broken = bridge;
        var briefings = new EventBriefings(store, Pipeline);
        await Assert.ThrowsAsync<InvalidOperationException>(() => briefings.GetAsync(bridge, CancellationToken.None));
        // Retried later, not on every read: the next read is told to come back.
        await Assert.ThrowsAsync<BriefingPendingException>(() => briefings.GetAsync(bridge, CancellationToken.None));
        Assert.NotNull(await briefings.GetAsync(orchard, CancellationToken.None));
    }

    [Fact]
    public async Task A_briefing_that_cannot_be_saved_is_still_served()
    {
        var (store, bridge, _) = await StoreWithTwoEventsAsync();
        await using var _s = store;
        store.DiskFull = true;
        var briefings = new EventBriefings(store, Pipeline);
        var first = await briefings.GetAsync(bridge, CancellationToken.None);
        Assert.NotNull(first);
        var again = await briefings.GetAsync(bridge, CancellationToken.None);
        Assert.Equal(first.Value.Briefing.Json, again!.Value.Briefing.Json);
        Assert.Equal(0, briefings.Pending);
    }
}

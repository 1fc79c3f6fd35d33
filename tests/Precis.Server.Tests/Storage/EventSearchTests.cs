using Precis.Documents;
using Precis.Server.Storage;
using Precis.Server.Storage.Sqlite;
using Precis.Server.Tests.Fixtures;

namespace Precis.Server.Tests.Storage;

/// <summary>The events list's server-side search, filters and sorts (SQLite).</summary>
public sealed class EventSearchTests : IAsyncLifetime
{
    private readonly string _folder = TestEnvironment.NewTempFolder();
    private SqliteStore? _store;

    private static readonly DateTimeOffset T0 = new(2026, 4, 2, 8, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _store = new SqliteStore(_folder);
        await _store.MigrateAsync();
        // Event 1: two outlets, April; event 2: one outlet, June, later activity; event 3: a literal "50%" in its text.
        await _store.CommitAsync(new IngestBatch(
        [
            Article("a", 1, 1, "Westhaven Post", "Ferry strikes bridge", "A ferry struck the Alder Bridge in fog.", "2026-04-02"),
            Article("b", 2, 1, "Coast Radio", "Bridge closed", "Divers inspected the damaged pier.", "2026-04-03"),
        ], [], T0));
        await _store.CommitAsync(new IngestBatch([Article("c", 3, 2, "Valley Farmer", "Hail flattens orchards", "Hailstones stripped the apple trees.", "2026-06-11")], [], T0.AddHours(1)));
        await _store.CommitAsync(new IngestBatch([Article("d", 4, 3, "Valley Farmer", "Harvest down", "Growers lost 50% of the crop.", null)], [], T0.AddHours(2)));
    }

    public async Task DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
        TestEnvironment.DeleteQuietly(_folder);
    }

    private static StoredArticle Article(string id, long seq, long eventId, string outlet, string headline, string text, string? published) =>
        new(id, seq, null, "hash-" + id, outlet, headline, published, text, text, DocumentFormat.PlainText,
            new SourceMetadata(Title: headline, Outlet: outlet, Published: published), T0, eventId);

    private async Task<long[]> Ids(EventQuery q) => [.. (await _store!.SearchEventsAsync(q)).Events.Select(e => e.Id)];

    [Fact]
    public async Task Words_match_headlines_and_text_case_insensitively_and_all_must_hold()
    {
        Assert.Equal(new long[] { 1 }, await Ids(new EventQuery(EventQuery.WordsOf("PIER"))));
        Assert.Equal(new long[] { 1 }, await Ids(new EventQuery(EventQuery.WordsOf("bridge fog"))));
        Assert.Empty(await Ids(new EventQuery(EventQuery.WordsOf("bridge hail"))));
        Assert.Equal(new long[] { 2 }, await Ids(new EventQuery(EventQuery.WordsOf("orchards"))));
    }

    [Fact]
    public async Task Like_wildcards_in_words_are_literal()
    {
        Assert.Equal(new long[] { 3 }, await Ids(new EventQuery(EventQuery.WordsOf("50%"))));
        Assert.Equal(new long[] { 3 }, await Ids(new EventQuery(EventQuery.WordsOf("%"))));
        Assert.Empty(await Ids(new EventQuery(EventQuery.WordsOf("a_ferry"))));
    }

    [Fact]
    public async Task Outlet_and_date_range_filter_and_the_sorts_order()
    {
        Assert.Equal(new long[] { 1 }, await Ids(new EventQuery([], Outlet: "Coast Radio")));
        Assert.Equal(new long[] { 3, 2 }, await Ids(new EventQuery([], Outlet: "Valley Farmer")));
        Assert.Equal(new long[] { 2 }, await Ids(new EventQuery([], From: new DateOnly(2026, 6, 1), To: new DateOnly(2026, 6, 30))));
        // Undated articles fall back to their ingest day.
        Assert.Equal(new long[] { 3, 1 }, await Ids(new EventQuery([], From: new DateOnly(2026, 4, 1), To: new DateOnly(2026, 4, 2))));
        Assert.Equal(new long[] { 3, 2, 1 }, await Ids(new EventQuery([])));
        Assert.Equal(1, (await Ids(new EventQuery([], Sort: EventSort.Sources)))[0]);
        var page = await _store!.SearchEventsAsync(new EventQuery([], Offset: 1, Limit: 1));
        Assert.Equal(3, page.Total);
        Assert.Equal(new long[] { 2 }, page.Events.Select(e => e.Id));
        Assert.Equal(new[] { "Coast Radio", "Valley Farmer", "Westhaven Post" }, await _store.ListOutletsAsync(10));
    }
}

namespace Precis.Server.Storage;

public interface IArticleStore
{
    Task<StoredArticle?> GetArticleAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The id of an article already stored with this id, URL or content hash, or null.</summary>
    Task<string?> FindExistingAsync(string? id, string? url, string contentHash, CancellationToken cancellationToken = default);

    /// <summary>The articles of a live event in ingest order.</summary>
    Task<IReadOnlyList<StoredArticle>> GetEventArticlesAsync(long eventId, CancellationToken cancellationToken = default);

    /// <summary>Every article in ingest order (to replay the clusterer on start).</summary>
    IAsyncEnumerable<StoredArticle> GetAllArticlesAsync(CancellationToken cancellationToken = default);

    Task<int> CountArticlesAsync(CancellationToken cancellationToken = default);

    /// <summary>The highest article sequence number and event id ever used (0 when empty).</summary>
    Task<(long Seq, long EventId)> GetHighWaterMarksAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes a batch in one transaction; returns once it is durably committed.</summary>
    Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken = default);
}

public interface IEventStore
{
    Task<EventPage> ListEventsAsync(int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>The event, following merges: asking for an absorbed event returns the event it was merged into.</summary>
    Task<StoredEvent?> GetEventAsync(long id, CancellationToken cancellationToken = default);

    Task<StoredBriefing?> GetBriefingAsync(long eventId, CancellationToken cancellationToken = default);

    /// <summary>Caches a briefing and the syndication links found while building it.</summary>
    Task SaveBriefingAsync(StoredBriefing briefing, IReadOnlyDictionary<string, string?> syndicatedWith, CancellationToken cancellationToken = default);
}

/// <summary>Articles, events and cached briefings in one database. Implementations are thread-safe.</summary>
public interface IPrecisStore : IArticleStore, IEventStore, IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema (idempotent).</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>The schema version after migration.</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default);
}

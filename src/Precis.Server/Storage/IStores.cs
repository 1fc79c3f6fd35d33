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

    /// <summary>Opens the write transaction of one ingest batch. Where several processes share the database
    /// (<see cref="IIngestTransaction.SharedWriters"/>) it holds the database's writer lock until committed or
    /// disposed, so a writer reads what the others committed, decides and writes as if it were the only one.</summary>
    Task<IIngestTransaction> BeginIngestAsync(CancellationToken cancellationToken = default);
}

/// <summary>One ingest batch's transaction, under the database's writer lock where writers are shared.
/// Disposing it without <see cref="CommitAsync"/> rolls back and releases the lock.</summary>
public interface IIngestTransaction : IAsyncDisposable
{
    /// <summary>True when other processes may write the same database (PostgreSQL), so a writer must catch up with
    /// what they committed before deciding; false for a store owned by one process (SQLite).</summary>
    bool SharedWriters { get; }

    /// <summary>The highest article sequence number, the highest event id ever used, how many events have been merged
    /// away and how many were made by splits, as committed now.</summary>
    Task<IngestWatermark> GetWatermarkAsync(CancellationToken cancellationToken = default);

    /// <summary>Articles committed with a sequence number above <paramref name="seq"/>, in sequence order.</summary>
    IAsyncEnumerable<StoredArticle> GetArticlesAfterAsync(long seq, CancellationToken cancellationToken = default);

    /// <summary>The event change log's entries after <paramref name="position"/>, in order.</summary>
    Task<IReadOnlyList<EventLogEntry>> GetLogAfterAsync(long position, CancellationToken cancellationToken = default);

    /// <summary>Writes the batch and commits; returns once it is durable. The lock is released with the commit.</summary>
    Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken = default);
}

/// <summary>What the store holds, in numbers a writer compares with what it has seen: the highest article sequence
/// number and event id, and the event change log's last position (what catch-up compares), and the events merged away and
/// made by splits (reported for inspection; catch-up no longer reads them).</summary>
public readonly record struct IngestWatermark(long Seq, long EventId, long MergedEvents, long SplitEvents, long LogPosition = 0);

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

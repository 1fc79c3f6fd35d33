using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Precis.Documents;

namespace Precis.Server.Storage;

/// <summary>
/// The store over ADO.NET. The SQL is the subset SQLite and PostgreSQL share (TEXT/BIGINT columns, ON CONFLICT,
/// LIMIT/OFFSET, @name parameters); the subclasses open connections and set per-connection options.
/// Timestamps are stored as ISO-8601 UTC text, which sorts chronologically in both.
/// </summary>
public abstract partial class SqlStore : IPrecisStore
{
    /// <summary>Versioned schema migrations, applied in order, each once, recorded in schema_migrations.</summary>
    private static readonly (int Version, string Description, string[] Sql)[] Migrations =
    [
        (1, "articles, events, briefings",
        [
            """
            CREATE TABLE events (
                id BIGINT PRIMARY KEY,
                headline TEXT,
                article_count INTEGER NOT NULL DEFAULT 0,
                source_count INTEGER NOT NULL DEFAULT 0,
                last_activity TEXT NOT NULL,
                created_at TEXT NOT NULL,
                version BIGINT NOT NULL DEFAULT 0,
                merged_into BIGINT
            )
            """,
            "CREATE INDEX ix_events_activity ON events (last_activity DESC, id DESC)",
            """
            CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                seq BIGINT NOT NULL UNIQUE,
                url TEXT,
                content_hash TEXT NOT NULL,
                outlet TEXT,
                headline TEXT,
                published TEXT,
                text TEXT NOT NULL,
                raw TEXT NOT NULL,
                format TEXT NOT NULL,
                metadata TEXT NOT NULL,
                ingested_at TEXT NOT NULL,
                event_id BIGINT NOT NULL REFERENCES events (id),
                syndicated_with TEXT
            )
            """,
            "CREATE INDEX ix_articles_url ON articles (url)",
            "CREATE INDEX ix_articles_hash ON articles (content_hash)",
            "CREATE INDEX ix_articles_event ON articles (event_id, seq)",
            """
            CREATE TABLE briefings (
                event_id BIGINT PRIMARY KEY REFERENCES events (id),
                event_version BIGINT NOT NULL,
                json TEXT NOT NULL,
                markdown TEXT NOT NULL,
                computed_at TEXT NOT NULL
            )
            """,
        ]),
        (2, "events made by splits",
        [
            // The event an event was split from (its articles moved by the clusterer; see EventSplit), else NULL.
            "ALTER TABLE events ADD COLUMN split_from BIGINT",
        ]),
        (3, "event change log",
        [
            // The event an article was added to when decided, before its decision's merges and split (NULL for
            // articles stored before this migration); event_id stays its event now.
            "ALTER TABLE articles ADD COLUMN joined_event BIGINT",
            // Every merge and split in the order the clusterer made them, each after the article whose decision made it
            // (seq), so another writer replays the decisions exactly: kind 'm' (from merged into into), 's' (from split,
            // the articles listed as a JSON array in payload moved to into), 'n' (payload: the clusterer's cached
            // centroid norms at the end of the batch whose last article is seq, "event:stamp:bits;...").
            """
            CREATE TABLE event_log (
                pos BIGINT PRIMARY KEY,
                seq BIGINT NOT NULL,
                kind TEXT NOT NULL,
                from_event BIGINT NOT NULL,
                into_event BIGINT NOT NULL,
                payload TEXT
            )
            """,
        ]),
    ];

    public static int LatestSchemaVersion => Migrations[^1].Version;

    /// <summary>Opens a connection with the store's per-connection settings applied.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Serialises schema migration between processes that start together (released by
    /// <see cref="UnlockMigrationAsync"/> or when the connection closes); a store owned by one process needs none.</summary>
    protected virtual Task LockMigrationAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task UnlockMigrationAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await LockMigrationAsync(connection, cancellationToken).ConfigureAwait(false);
        try
        {
            await MigrateLockedAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await UnlockMigrationAsync(connection, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task MigrateLockedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)", cancellationToken).ConfigureAwait(false);
        int current = await ReadSchemaVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var (version, description, statements) in Migrations)
        {
            if (version <= current) continue;
            await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var sql in statements) await ExecuteAsync(connection, tx, sql, cancellationToken).ConfigureAwait(false);
            await using (var cmd = Command(connection, tx, "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @t)"))
            {
                Add(cmd, "@v", version);
                Add(cmd, "@d", description);
                Add(cmd, "@t", Timestamp(DateTimeOffset.UtcNow));
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadSchemaVersionAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReadSchemaVersionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private const string ArticleColumns = "id, seq, url, content_hash, outlet, headline, published, text, raw, format, metadata, ingested_at, event_id, syndicated_with, joined_event";

    public async Task<StoredArticle?> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {ArticleColumns} FROM articles WHERE id = @id");
        Add(cmd, "@id", id);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadArticle(reader) : null;
    }

    public async Task<string?> FindExistingAsync(string? id, string? url, string contentHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            "SELECT id FROM articles WHERE id = @id OR content_hash = @hash OR (@url IS NOT NULL AND url = @url) ORDER BY seq LIMIT 1");
        Add(cmd, "@id", id ?? "");
        Add(cmd, "@hash", contentHash);
        Add(cmd, "@url", url);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task<IReadOnlyList<StoredArticle>> GetEventArticlesAsync(long eventId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {ArticleColumns} FROM articles WHERE event_id = @e ORDER BY seq");
        Add(cmd, "@e", eventId);
        var result = new List<StoredArticle>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) result.Add(ReadArticle(reader));
        return result;
    }

    public async IAsyncEnumerable<StoredArticle> GetAllArticlesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, $"SELECT {ArticleColumns} FROM articles ORDER BY seq");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) yield return ReadArticle(reader);
    }

    public async Task<int> CountArticlesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT COUNT(*) FROM articles");
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<(long Seq, long EventId)> GetHighWaterMarksAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT (SELECT COALESCE(MAX(seq), 0) FROM articles), (SELECT COALESCE(MAX(id), 0) FROM events)");
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    public async Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Articles.Count == 0 && batch.Changes.Count == 0) return;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await WriteBatchAsync(connection, tx, batch, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when several processes may write this database at once (PostgreSQL).</summary>
    protected virtual bool SharedWriters => false;

    /// <summary>Takes the database-wide writer lock for the transaction (released at commit or rollback); a store
    /// owned by one process needs none.</summary>
    protected virtual Task LockWritersAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IIngestTransaction> BeginIngestAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        DbTransaction? tx = null;
        try
        {
            tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockWritersAsync(connection, tx, cancellationToken).ConfigureAwait(false);
            return new IngestTransaction(this, connection, tx);
        }
        catch
        {
            if (tx is not null) await tx.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class IngestTransaction(SqlStore store, DbConnection connection, DbTransaction tx) : IIngestTransaction
    {
        public bool SharedWriters => store.SharedWriters;

        public async Task<IngestWatermark> GetWatermarkAsync(CancellationToken cancellationToken = default)
        {
            await using var cmd = Command(connection, tx,
                "SELECT (SELECT COALESCE(MAX(seq), 0) FROM articles), (SELECT COALESCE(MAX(id), 0) FROM events), " +
                "(SELECT COUNT(*) FROM events WHERE merged_into IS NOT NULL), (SELECT COUNT(*) FROM events WHERE split_from IS NOT NULL), " +
                "(SELECT COALESCE(MAX(pos), 0) FROM event_log)");
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            return new IngestWatermark(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture));
        }

        public async Task<IReadOnlyList<EventLogEntry>> GetLogAfterAsync(long position, CancellationToken cancellationToken = default)
        {
            await using var cmd = Command(connection, tx, "SELECT pos, seq, kind, from_event, into_event, payload FROM event_log WHERE pos > @pos ORDER BY pos");
            Add(cmd, "@pos", position);
            var entries = new List<EventLogEntry>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                char kind = reader.GetString(2) is [var k] ? k : '?';
                var payload = reader.IsDBNull(5) ? null : reader.GetString(5);
                entries.Add(new EventLogEntry(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                    kind, Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
                    kind == 's' && payload is not null ? JsonSerializer.Deserialize(payload, StoreJson.Default.StringArray) ?? [] : [],
                    kind == 'n' && payload is not null ? ParseNorms(payload) : []));
            }
            return entries;
        }

        public async IAsyncEnumerable<StoredArticle> GetArticlesAfterAsync(long seq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await using var cmd = Command(connection, tx, $"SELECT {ArticleColumns} FROM articles WHERE seq > @seq ORDER BY seq");
            Add(cmd, "@seq", seq);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) yield return ReadArticle(reader);
        }

        public async Task CommitAsync(IngestBatch batch, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(batch);
            await WriteBatchAsync(connection, tx, batch, cancellationToken).ConfigureAwait(false);
            await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        private bool _disposed;

        public async ValueTask DisposeAsync()
        {
            if (_disposed) return;
            _disposed = true;
            await tx.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task WriteBatchAsync(DbConnection connection, DbTransaction tx, IngestBatch batch, CancellationToken cancellationToken)
    {
        var time = Timestamp(batch.Time);
        var touched = new SortedSet<long>();

        await using (var newEvent = Command(connection, tx,
            "INSERT INTO events (id, last_activity, created_at) VALUES (@id, @t, @t) ON CONFLICT (id) DO NOTHING"))
        await using (var insert = Command(connection, tx,
            $"INSERT INTO articles ({ArticleColumns}) VALUES (@id, @seq, @url, @hash, @outlet, @headline, @published, @text, @raw, @format, @metadata, @at, @event, NULL, @joined)"))
        {
            var eid = Add(newEvent, "@id", 0L);
            Add(newEvent, "@t", time);
            var p = new[] { "@id", "@seq", "@url", "@hash", "@outlet", "@headline", "@published", "@text", "@raw", "@format", "@metadata", "@at", "@event", "@joined" }
                .Select(n => Add(insert, n, null)).ToArray();
            foreach (var a in batch.Articles)
            {
                if (touched.Add(a.EventId))
                {
                    Set(eid, a.EventId);
                    await newEvent.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                object?[] values = [a.Id, a.Seq, a.Url, a.ContentHash, a.Outlet, a.Headline, a.Published, a.Text, StoredRaw(a),
                    a.Format.ToString(), JsonSerializer.Serialize(a.Metadata, StoreJson.Default.SourceMetadata), Timestamp(a.IngestedAt), a.EventId, a.JoinedEventId];
                for (int i = 0; i < p.Length; i++) Set(p[i], values[i]);
                // A BIGINT even when NULL (PostgreSQL will not put a text NULL in it).
                p[^1].DbType = System.Data.DbType.Int64;
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var change in batch.Changes)
        {
            if (change.Merge is { } merge)
            {
                foreach (var sql in new[]
                {
                    "UPDATE articles SET event_id = @into WHERE event_id = @from",
                    "DELETE FROM briefings WHERE event_id = @from",
                    "UPDATE events SET merged_into = @into WHERE id = @from OR merged_into = @from",
                })
                {
                    await using var cmd = Command(connection, tx, sql);
                    Add(cmd, "@into", merge.Into);
                    Add(cmd, "@from", merge.Absorbed);
                    await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                touched.Remove(merge.Absorbed);
                touched.Add(merge.Into);
            }
            else if (change.Split is { } split)
            {
                // The new event's row (a later article of the batch that joined it has made it already), then the
                // moved articles by id. Both events' versions rise below, so their cached briefings go stale.
                await using (var created = Command(connection, tx,
                    "INSERT INTO events (id, last_activity, created_at) VALUES (@into, @t, @t) ON CONFLICT (id) DO NOTHING"))
                {
                    Add(created, "@into", split.Into);
                    Add(created, "@t", time);
                    await created.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await using (var mark = Command(connection, tx, "UPDATE events SET split_from = @from WHERE id = @into"))
                {
                    Add(mark, "@from", split.From);
                    Add(mark, "@into", split.Into);
                    await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                await using (var move = Command(connection, tx, "UPDATE articles SET event_id = @into WHERE id = @id"))
                {
                    Add(move, "@into", split.Into);
                    var id = Add(move, "@id", "");
                    foreach (var articleId in split.ArticleIds)
                    {
                        Set(id, articleId);
                        await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
                touched.Add(split.From);
                touched.Add(split.Into);
            }
        }

        await WriteLogAsync(connection, tx, batch, cancellationToken).ConfigureAwait(false);

        await using (var update = Command(connection, tx, """
            UPDATE events SET
                article_count = (SELECT COUNT(*) FROM articles a WHERE a.event_id = events.id),
                source_count = (SELECT COUNT(DISTINCT COALESCE(a.outlet, a.id)) FROM articles a WHERE a.event_id = events.id),
                headline = (SELECT a.headline FROM articles a WHERE a.event_id = events.id AND a.headline IS NOT NULL ORDER BY a.seq LIMIT 1),
                last_activity = @t,
                version = version + 1
            WHERE id = @id
            """))
        {
            var id = Add(update, "@id", 0L);
            Add(update, "@t", time);
            foreach (var e in touched)
            {
                Set(id, e);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Appends the batch's event changes, then its cached norms, to the change log (positions follow the
    /// highest one stored; the writer lock, or a store owned by one process, keeps them gap-free).</summary>
    private static async Task WriteLogAsync(DbConnection connection, DbTransaction tx, IngestBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Changes.Count == 0 && batch.Norms.Count == 0) return;
        long pos;
        await using (var max = Command(connection, tx, "SELECT COALESCE(MAX(pos), 0) FROM event_log"))
        {
            pos = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        await using var insert = Command(connection, tx,
            "INSERT INTO event_log (pos, seq, kind, from_event, into_event, payload) VALUES (@pos, @seq, @kind, @from, @into, @payload)");
        var p = new[] { "@pos", "@seq", "@kind", "@from", "@into", "@payload" }.Select(n => Add(insert, n, null)).ToArray();
        async Task WriteAsync(long seq, string kind, long from, long into, string? payload)
        {
            object?[] values = [++pos, seq, kind, from, into, payload];
            for (int i = 0; i < p.Length; i++) Set(p[i], values[i]);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var change in batch.Changes)
        {
            if (change.Merge is { } merge) await WriteAsync(change.Seq, "m", merge.Absorbed, merge.Into, null).ConfigureAwait(false);
            else if (change.Split is { } split)
                await WriteAsync(change.Seq, "s", split.From, split.Into, JsonSerializer.Serialize(split.ArticleIds.ToArray(), StoreJson.Default.StringArray)).ConfigureAwait(false);
        }
        if (batch.Norms.Count > 0 && batch.Articles.Count > 0)
        {
            var text = string.Join(';', batch.Norms.Select(n => string.Create(CultureInfo.InvariantCulture,
                $"{n.EventId}:{n.Stamp}:{BitConverter.DoubleToInt64Bits(n.Norm)}")));
            await WriteAsync(batch.Articles[^1].Seq, "n", 0, 0, text).ConfigureAwait(false);
        }
    }

    private static List<Precis.Clustering.CachedNorm> ParseNorms(string text)
    {
        var norms = new List<Precis.Clustering.CachedNorm>();
        foreach (var item in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = item.Split(':');
            norms.Add(new Precis.Clustering.CachedNorm(long.Parse(f[0], CultureInfo.InvariantCulture), int.Parse(f[1], CultureInfo.InvariantCulture),
                BitConverter.Int64BitsToDouble(long.Parse(f[2], CultureInfo.InvariantCulture))));
        }
        return norms;
    }

    private const string EventColumns = "id, headline, article_count, source_count, last_activity, created_at, version";

    public async Task<EventPage> ListEventsAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        int total;
        await using (var count = Command(connection, null, "SELECT COUNT(*) FROM events WHERE merged_into IS NULL"))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        await using var cmd = Command(connection, null,
            $"SELECT {EventColumns} FROM events WHERE merged_into IS NULL ORDER BY last_activity DESC, id DESC LIMIT @limit OFFSET @offset");
        Add(cmd, "@limit", limit);
        Add(cmd, "@offset", offset);
        var events = new List<StoredEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) events.Add(ReadEvent(reader));
        return new EventPage(events, total, offset, limit);
    }

    public async Task<StoredEvent?> GetEventAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null,
            $"SELECT {EventColumns} FROM events WHERE id = (SELECT COALESCE(merged_into, id) FROM events WHERE id = @id)");
        Add(cmd, "@id", id);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadEvent(reader) : null;
    }

    public async Task<StoredBriefing?> GetBriefingAsync(long eventId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT event_id, event_version, json, markdown, computed_at FROM briefings WHERE event_id = @e");
        Add(cmd, "@e", eventId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        return new StoredBriefing(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), ParseTimestamp(reader.GetString(4)));
    }

    public async Task SaveBriefingAsync(StoredBriefing briefing, IReadOnlyDictionary<string, string?> syndicatedWith, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(syndicatedWith);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var cmd = Command(connection, tx, """
            INSERT INTO briefings (event_id, event_version, json, markdown, computed_at) VALUES (@e, @v, @j, @m, @t)
            ON CONFLICT (event_id) DO UPDATE SET event_version = excluded.event_version, json = excluded.json,
                markdown = excluded.markdown, computed_at = excluded.computed_at
            WHERE briefings.event_version <= excluded.event_version
            """))
        {
            Add(cmd, "@e", briefing.EventId);
            Add(cmd, "@v", briefing.EventVersion);
            Add(cmd, "@j", briefing.Json);
            Add(cmd, "@m", briefing.Markdown);
            Add(cmd, "@t", Timestamp(briefing.ComputedAt));
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var cmd = Command(connection, tx, "UPDATE articles SET syndicated_with = @s WHERE id = @id"))
        {
            var s = Add(cmd, "@s", null);
            var id = Add(cmd, "@id", "");
            foreach (var (article, with) in syndicatedWith.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Set(s, with);
                Set(id, article);
                await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The raw column's value: empty when the raw document is the text itself (plain text whose line endings
    /// were already "\n", most of what is ingested), so such a text is stored once; <see cref="ReadArticle"/> reads it
    /// back as the text. A real raw document is never empty (an empty document has no text and is not stored).</summary>
    private static string StoredRaw(StoredArticle a) => a.Raw.Length > 0 && string.Equals(a.Raw, a.Text, StringComparison.Ordinal) ? "" : a.Raw;

    private static StoredArticle ReadArticle(DbDataReader r)
    {
        var text = r.GetString(7);
        return new(
            r.GetString(0),
            Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture),
            NullableString(r, 2),
            r.GetString(3),
            NullableString(r, 4),
            NullableString(r, 5),
            NullableString(r, 6),
            text,
            r.GetString(8) is { Length: > 0 } raw ? raw : text,
            Enum.TryParse<DocumentFormat>(r.GetString(9), out var f) ? f : DocumentFormat.PlainText,
            JsonSerializer.Deserialize(r.GetString(10), StoreJson.Default.SourceMetadata) ?? SourceMetadata.Empty,
            ParseTimestamp(r.GetString(11)),
            Convert.ToInt64(r.GetValue(12), CultureInfo.InvariantCulture),
            NullableString(r, 13))
        {
            JoinedEventId = r.IsDBNull(14) ? null : Convert.ToInt64(r.GetValue(14), CultureInfo.InvariantCulture),
        };
    }

    private static StoredEvent ReadEvent(DbDataReader r) => new(
        Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture),
        NullableString(r, 1),
        Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture),
        Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
        ParseTimestamp(r.GetString(4)),
        ParseTimestamp(r.GetString(5)),
        Convert.ToInt64(r.GetValue(6), CultureInfo.InvariantCulture));

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    internal static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseTimestamp(string s) =>
        DateTimeOffset.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    protected static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    protected static DbParameter Add(DbCommand cmd, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        Set(p, value);
        cmd.Parameters.Add(p);
        return p;
    }

    /// <summary>Sets a value and its type. Typed explicitly: PostgreSQL cannot infer the type of a NULL parameter
    /// used in "@p IS NULL", and Npgsql keeps a parameter's type across values.</summary>
    protected static void Set(DbParameter p, object? value)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.DbType = value switch { long => System.Data.DbType.Int64, int => System.Data.DbType.Int32, _ => System.Data.DbType.String };
        p.Value = value ?? DBNull.Value;
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, sql);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

using System.Data.Common;
using System.Globalization;
using Precis.Server.Feeds;

namespace Precis.Server.Storage;

// Followed feeds. Additive: the two tables are created on first use (CREATE TABLE IF NOT EXISTS, in both SQLite and
// PostgreSQL), outside the numbered migrations, so this needs no schema version of its own.
public abstract partial class SqlStore : IFeedStore
{
    private volatile bool _feedTablesReady;

    private async Task<DbConnection> OpenFeedsAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_feedTablesReady) return connection;
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS feeds (
                url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, last_polled TEXT, last_status TEXT, last_error TEXT,
                items_ingested INTEGER NOT NULL DEFAULT 0, added_at TEXT NOT NULL)
            """, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS feed_items (feed_url TEXT NOT NULL, item_key TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (feed_url, item_key))", cancellationToken).ConfigureAwait(false);
        _feedTablesReady = true;
        return connection;
    }

    public async Task AddFeedAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        await using var connection = await OpenFeedsAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "INSERT INTO feeds (url, added_at) VALUES (@u, @t) ON CONFLICT (url) DO NOTHING");
        Add(cmd, "@u", url);
        Add(cmd, "@t", Timestamp(DateTimeOffset.UtcNow));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveFeedAsync(string url, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenFeedsAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int removed;
        await using (var cmd = Command(connection, tx, "DELETE FROM feeds WHERE url = @u"))
        {
            Add(cmd, "@u", url);
            removed = await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (var cmd = Command(connection, tx, "DELETE FROM feed_items WHERE feed_url = @u"))
        {
            Add(cmd, "@u", url);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }

    public async Task<IReadOnlyList<FeedState>> ListFeedsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenFeedsAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT url, etag, last_modified, last_polled, last_status, last_error, items_ingested FROM feeds ORDER BY url");
        var list = new List<FeedState>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new FeedState(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3) is { } t ? ParseTimestamp(t) : null, Str(r, 4), Str(r, 5),
                Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture)));
        }
        return list;

        static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    }

    public async Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var connection = await OpenFeedsAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, """
            UPDATE feeds SET etag = @e, last_modified = @m, last_polled = @p, last_status = @s, last_error = @err, items_ingested = @n WHERE url = @u
            """);
        Add(cmd, "@e", state.ETag);
        Add(cmd, "@m", state.LastModified);
        Add(cmd, "@p", state.LastPolled is { } p ? Timestamp(p) : null);
        Add(cmd, "@s", state.LastStatus);
        Add(cmd, "@err", state.LastError);
        Add(cmd, "@n", state.ItemsIngested);
        Add(cmd, "@u", state.Url);
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IsFeedItemSeenAsync(string feedUrl, string itemKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenFeedsAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT COUNT(*) FROM feed_items WHERE feed_url = @f AND item_key = @k");
        Add(cmd, "@f", feedUrl);
        Add(cmd, "@k", itemKey);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    public async Task MarkFeedItemSeenAsync(string feedUrl, string itemKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenFeedsAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "INSERT INTO feed_items (feed_url, item_key, seen_at) VALUES (@f, @k, @t) ON CONFLICT (feed_url, item_key) DO NOTHING");
        Add(cmd, "@f", feedUrl);
        Add(cmd, "@k", itemKey);
        Add(cmd, "@t", Timestamp(DateTimeOffset.UtcNow));
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

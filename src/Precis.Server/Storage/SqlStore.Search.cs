using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Precis.Server.Storage;

// The events list's search and filters. Additive: no schema change. Word search is a LIKE scan over the articles of
// the live events (SQLite and PostgreSQL share the syntax); a full-text index would be the next step for big stores.
public abstract partial class SqlStore : IEventSearch
{
    public async Task<EventPage> SearchEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var where = new StringBuilder("e.merged_into IS NULL");
        var parameters = new List<(string Name, object Value)>();
        int i = 0;
        foreach (var word in query.Words.Take(EventQuery.MaxWords))
        {
            var name = "@w" + (i++).ToString(CultureInfo.InvariantCulture);
            where.Append(CultureInfo.InvariantCulture,
                $" AND (LOWER(COALESCE(e.headline, '')) LIKE {name} ESCAPE '\\' OR EXISTS (SELECT 1 FROM articles a WHERE a.event_id = e.id AND (LOWER(COALESCE(a.headline, '')) LIKE {name} ESCAPE '\\' OR LOWER(a.text) LIKE {name} ESCAPE '\\')))");
            parameters.Add((name, "%" + EscapeLike(word.ToLowerInvariant()) + "%"));
        }
        if (query.From is not null || query.To is not null || query.Outlet is not null)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM articles a WHERE a.event_id = e.id");
            if (query.From is { } from)
            {
                where.Append(" AND COALESCE(a.published, SUBSTR(a.ingested_at, 1, 10)) >= @from");
                parameters.Add(("@from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
            if (query.To is { } to)
            {
                where.Append(" AND COALESCE(a.published, SUBSTR(a.ingested_at, 1, 10)) <= @to");
                parameters.Add(("@to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
            if (query.Outlet is { } outlet)
            {
                where.Append(" AND a.outlet = @outlet");
                parameters.Add(("@outlet", outlet));
            }
            where.Append(')');
        }
        var order = query.Sort switch
        {
            EventSort.Created => "e.created_at DESC, e.id DESC",
            EventSort.Sources => "e.source_count DESC, e.last_activity DESC, e.id DESC",
            _ => "e.last_activity DESC, e.id DESC",
        };
        int total;
        await using (var count = Command(connection, null, $"SELECT COUNT(*) FROM events e WHERE {where}"))
        {
            foreach (var (name, value) in parameters) Add(count, name, value);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        var columns = string.Join(", ", EventColumns.Split(',').Select(c => "e." + c.Trim()));
        await using var cmd = Command(connection, null, $"SELECT {columns} FROM events e WHERE {where} ORDER BY {order} LIMIT @limit OFFSET @offset");
        foreach (var (name, value) in parameters) Add(cmd, name, value);
        Add(cmd, "@limit", query.Limit);
        Add(cmd, "@offset", query.Offset);
        var events = new List<StoredEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) events.Add(ReadEvent(reader));
        return new EventPage(events, total, query.Offset, query.Limit);
    }

    public async Task<IReadOnlyList<string>> ListOutletsAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(connection, null, "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet LIMIT @limit");
        Add(cmd, "@limit", limit);
        var outlets = new List<string>();
        await using DbDataReader reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) outlets.Add(reader.GetString(0));
        return outlets;
    }

    private static string EscapeLike(string word) => word
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal);
}

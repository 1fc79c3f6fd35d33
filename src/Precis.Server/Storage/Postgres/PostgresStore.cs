using System.Data.Common;
using Npgsql;

namespace Precis.Server.Storage.Postgres;

/// <summary>The store on PostgreSQL, for deployments with several readers; same schema and SQL as SQLite.</summary>
public sealed class PostgresStore : SqlStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}

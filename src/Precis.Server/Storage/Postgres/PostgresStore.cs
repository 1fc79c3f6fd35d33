using System.Data.Common;
using Npgsql;

namespace Precis.Server.Storage.Postgres;

/// <summary>The store on PostgreSQL, for deployments with several readers and several writer processes; same schema
/// and SQL as SQLite, plus a writer lock (see <see cref="LockWritersAsync"/>).</summary>
public sealed class PostgresStore : SqlStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>Several <c>precis serve</c> / <c>precis ingest</c> processes may share one PostgreSQL database.</summary>
    protected override bool SharedWriters => true;

    /// <summary>One transaction-scoped advisory lock per schema serialises the writers' decide-and-write sections
    /// (postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS); readers never take it.</summary>
    protected override async Task LockWritersAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, "SELECT pg_advisory_xact_lock(hashtext('precis.ingest.' || current_schema()))");
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Two servers started at once would both run CREATE TABLE: a session advisory lock lets one migrate
    /// while the other waits and then finds the schema current.</summary>
    protected override async Task LockMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, null, "SELECT pg_advisory_lock(hashtext('precis.migrate.' || current_schema()))");
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task UnlockMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, null, "SELECT pg_advisory_unlock(hashtext('precis.migrate.' || current_schema()))");
        await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}

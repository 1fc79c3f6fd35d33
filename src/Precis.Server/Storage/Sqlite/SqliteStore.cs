using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Precis.Server.Storage.Sqlite;

/// <summary>
/// The default store: one SQLite file (<c>precis.db</c>) in a data folder, in WAL mode with synchronous=FULL so a
/// committed transaction survives a crash of the process or the machine (sqlite.org/wal.html, pragma.html#pragma_synchronous).
/// </summary>
public sealed class SqliteStore : SqlStore
{
    public const string FileName = "precis.db";

    private readonly string _connectionString;

    public SqliteStore(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        DatabasePath = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the folder can be deleted or reopened cleanly.
        SqliteConnection.ClearAllPools();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}

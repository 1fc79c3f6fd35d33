using Npgsql;
using Precis.Server.Storage;
using Precis.Server.Storage.Postgres;
using Precis.Server.Tests.Fixtures;

namespace Precis.Server.Tests.Storage;

/// <summary>The same suite on PostgreSQL (PRECIS_TEST_POSTGRES); each test gets its own schema, dropped afterwards.</summary>
public sealed class PostgresStoreTests : StoreTests
{
    private readonly string _schema = "precis_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    protected override async Task<IPrecisStore> CreateStoreAsync()
    {
        var baseConnection = TestEnvironment.PostgresConnectionString;
        TestEnvironment.RequireUnlessBuildServer(baseConnection is null, "PostgreSQL (PRECIS_TEST_POSTGRES)");
        await using (var admin = new NpgsqlConnection(baseConnection))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE SCHEMA {_schema}", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        _connectionString = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = _schema }.ToString();
        return await ReopenAsync();
    }

    protected override async Task<IPrecisStore> ReopenAsync()
    {
        var store = new PostgresStore(_connectionString!);
        await store.MigrateAsync();
        return store;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_connectionString is null) return;
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", admin);
        await cmd.ExecuteNonQueryAsync();
    }
}

using Precis.Server.Storage;
using Precis.Server.Storage.Sqlite;
using Precis.Server.Tests.Fixtures;

namespace Precis.Server.Tests.Storage;

public sealed class SqliteStoreTests : StoreTests
{
    private readonly string _folder = TestEnvironment.NewTempFolder();

    protected override async Task<IPrecisStore> CreateStoreAsync()
    {
        var store = new SqliteStore(_folder);
        await store.MigrateAsync();
        return store;
    }

    protected override Task<IPrecisStore> ReopenAsync() => CreateStoreAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        TestEnvironment.DeleteQuietly(_folder);
    }

    [Fact]
    public async Task The_database_is_one_file_in_wal_mode()
    {
        await using var store = new SqliteStore(_folder);
        await store.MigrateAsync();
        Assert.True(File.Exists(Path.Combine(_folder, SqliteStore.FileName)));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.DatabasePath}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
    }
}

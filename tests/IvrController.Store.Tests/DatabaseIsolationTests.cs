using IvrController.TestSupport;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DatabaseIsolationTests(PostgresServer server)
{
    [Fact]
    public async Task TableCreatedInOneDatabaseIsInvisibleFromAnother()
    {
        var first = await server.CreateDatabaseAsync(nameof(DatabaseIsolationTests));
        var second = await server.CreateDatabaseAsync(nameof(DatabaseIsolationTests));

        await Sql.ExecuteAsync(first, "create table probe (id int); insert into probe values (42)");

        Assert.Equal(42, await Sql.ScalarAsync<int>(first, "select id from probe"));
        Assert.False(await Sql.ScalarAsync<bool>(second, "select to_regclass('public.probe') is not null"));
    }

    [Fact]
    public async Task CreatedDatabaseIsNamedAfterThePrefix()
    {
        var connectionString = await server.CreateDatabaseAsync("Call Log!");

        var name = await Sql.ScalarAsync<string>(connectionString, "select current_database()");

        Assert.StartsWith("calllog_", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeDropsCreatedDatabasesEvenWhileConnected()
    {
        var owner = new PostgresServer(server.ConnectionString);
        await owner.InitializeAsync();
        var connectionString = await owner.CreateDatabaseAsync("dropped");
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var leftOpen = new NpgsqlConnection(connectionString);
        await leftOpen.OpenAsync();

        await owner.DisposeAsync();

        var remaining = await Sql.ScalarAsync<long>(
            server.ConnectionString, "select count(*) from pg_database where datname = $1", name!);
        Assert.Equal(0, remaining);
    }
}

using IvrController.Store.Migrations;
using IvrController.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests;

/// <summary>
/// A class fixture: one fresh, fully migrated database for the test class that uses it, on the
/// collection's <see cref="PostgresServer"/> (which drops it at the end of the run).
/// </summary>
public sealed class MigratedDatabase(PostgresServer server) : IAsyncLifetime
{
    public PostgresServer Server { get; } = server;

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateAsync(Server, "store");
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync() => await DataSource.DisposeAsync();

    /// <summary>Creates another migrated database, for a test that must not share its data.</summary>
    public static async Task<string> CreateAsync(PostgresServer server, string prefix)
    {
        string connectionString = await server.CreateDatabaseAsync(prefix);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return connectionString;
    }
}

using System.Net;
using IvrController.TestSupport;
using Npgsql;
using Xunit;

namespace IvrController.Store.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task ServerIsPostgreSqlThirteenOrNewer()
    {
        var version = await Sql.ScalarAsync<string>(server.ConnectionString, "select version()");
        var versionNumber = await Sql.ScalarAsync<int>(server.ConnectionString, "select current_setting('server_version_num')::int");

        Assert.StartsWith("PostgreSQL 1", version, StringComparison.Ordinal);
        // DROP DATABASE ... WITH (FORCE), used for cleanup, needs 13.
        Assert.True(versionNumber >= 130000, $"server_version_num is {versionNumber}");
    }

    [Fact]
    public async Task ConnectionStringPointsAtLoopback()
    {
        var host = new NpgsqlConnectionStringBuilder(server.ConnectionString).Host;
        var serverAddress = await Sql.ScalarAsync<IPAddress>(server.ConnectionString, "select inet_server_addr()");

        Assert.True(IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address), $"Host is '{host}'");
        Assert.True(IPAddress.IsLoopback(serverAddress), $"the server answered on {serverAddress}");
    }

    [Fact]
    public void MissingConnectionStringFailsWithAHintInsteadOfSkipping()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PostgresServer(connectionString: null));

        Assert.Contains(PostgresServer.EnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/test.sh", error.Message, StringComparison.Ordinal);
    }
}

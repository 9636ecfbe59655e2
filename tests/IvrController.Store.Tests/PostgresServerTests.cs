using System.Net;
using DotNet.Testcontainers.Builders;
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
        // A container's server sees the engine's forwarded connections on its own network address; its
        // port is published on the host's loopback only, which the host above shows.
        if (!server.InContainer)
        {
            Assert.True(IPAddress.IsLoopback(serverAddress), $"the server answered on {serverAddress}");
        }
    }

    [Fact]
    public void MissingConnectionStringFailsWithAHintInsteadOfSkipping()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PostgresServer(setting: null));

        Assert.Contains(PostgresServer.EnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/test.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("IVR_TEST_PG=container", error.Message, StringComparison.Ordinal);
        Assert.Contains("IVR_TEST_PG_IMAGE", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("container", true)]
    [InlineData(" container\n", true)]
    [InlineData("Host=127.0.0.1;Port=55432;Username=postgres;Database=ivr", false)]
    [InlineData("Host=container;Port=5432", false)]
    public void TheWordContainerAsksForAContainerAndAnythingElseIsAConnectionString(string setting, bool inContainer)
    {
        var named = new PostgresServer(setting);

        Assert.Equal(inContainer, named.InContainer);
        if (!inContainer)
        {
            Assert.Equal(setting, named.ConnectionString);
        }
    }

    [Fact]
    public void ContainerConnectionStringIsKnownOnlyOnceStarted()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PostgresServer("container").ConnectionString);

        Assert.Contains(nameof(PostgresServer.InitializeAsync), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAnEngineTheContainerFailureSaysToStartDockerOrNameAServer()
    {
        var message = PostgresContainer.StartFailure("postgres:16", new DockerUnavailableException("Docker is either not running or misconfigured."));

        Assert.Contains("no Docker engine answers", message, StringComparison.Ordinal);
        Assert.Contains("Docker is either not running or misconfigured.", message, StringComparison.Ordinal);
        Assert.Contains($"set {PostgresServer.EnvironmentVariable} to a connection string", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnImageThatCannotBeHadSaysWhichVariableNamesAnother()
    {
        var message = PostgresContainer.StartFailure("postgres:16", new InvalidOperationException("pull access denied for postgres"));

        Assert.Contains("image postgres:16 did not start (pull access denied for postgres)", message, StringComparison.Ordinal);
        Assert.Contains($"set {PostgresContainer.ImageVariable} to a PostgreSQL image", message, StringComparison.Ordinal);
    }
}

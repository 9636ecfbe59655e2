using System.Net;
using IvrController.TestSupport;
using IvrController.Web.Tests.Rig;
using Xunit;

namespace IvrController.Web.Tests.Console;

/// <summary>A rig whose controller reaches PostgreSQL through a link the test can cut.</summary>
public sealed class OutageConsoleRig : ConsoleRig
{
    private PostgresLink? _link;

    public PostgresLink Link => _link!;

    protected override string ControllerDatabase(string database)
    {
        _link = PostgresLink.Up(database);
        return _link.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_link is not null)
        {
            await _link.DisposeAsync();
        }
    }
}

/// <summary>The database goes away under a running controller: /readyz says degraded, the console says why and lets no one in.</summary>
public sealed class DatabaseOutageTests(OutageConsoleRig rig) : IClassFixture<OutageConsoleRig>
{
    [Fact]
    public async Task Without_the_database_readyz_is_degraded_and_the_console_refuses_sessions_until_it_returns()
    {
        using HttpClient client = await rig.AdminClientAsync();

        rig.Link.Cut();
        try
        {
            using HttpResponseMessage readyz = await client.GetAsync("/readyz");
            string metrics = await client.GetStringAsync("/metrics");
            using HttpResponseMessage settings = await client.GetAsync("/settings");
            using HttpClient stranger = rig.NewClient();
            string token = await stranger.TokenAsync("/login");
            using HttpResponseMessage login = await stranger.PostFormAsync(
                "/login", ("Name", ConsoleRig.Admin), ("Password", ConsoleRig.AdminPassword), (ConsoleForms.TokenField, token));

            Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
            string ready = await readyz.Content.ReadAsStringAsync();
            Assert.StartsWith("status: degraded\n", ready, StringComparison.Ordinal);
            Assert.Contains("rules: loaded", ready, StringComparison.Ordinal);
            Assert.Contains("database: unreachable", ready, StringComparison.Ordinal);
            Assert.Contains("\nivr_database_up 0\n", metrics, StringComparison.Ordinal);
            Assert.Contains("\nivr_rules_loaded 1\n", metrics, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.Contains("暂时无法访问数据库", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            rig.Link.Restore();
        }

        using HttpClient again = await rig.AdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/settings")).StatusCode);
    }
}

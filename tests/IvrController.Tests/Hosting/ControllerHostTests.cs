using Microsoft.Extensions.Configuration;
using IvrController.Cli;
using IvrController.CustomerIds;
using IvrController.Esl.Outbound;
using IvrController.Flows;
using IvrController.Hosting;
using IvrController.Rules.Numbers;
using IvrController.Rules.Protection;
using IvrController.Store.Calls;
using IvrController.Store.Snapshots;
using IvrController.Tests.Cli;
using IvrController.Tests.CustomerIds;
using IvrController.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Xunit;

namespace IvrController.Tests.Hosting;

/// <summary>The controller's host: settings refused with every reason, and a real start and stop on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ControllerHostTests(PostgresServer postgres)
{
    [Fact]
    public async Task Serve_without_settings_names_every_missing_one_and_exits_1()
    {
        var (exitCode, _, error) = await new Ivrctl(null).RunAsync("serve", "--Database:ConnectionString=", "--Esl:Password=");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.StartsWith("ivrctl: The controller cannot start:", error, StringComparison.Ordinal);
        Assert.Contains("  - Database:ConnectionString is empty", error, StringComparison.Ordinal);
        Assert.Contains("  - Esl:Password is empty", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ClueCon", "FreeSWITCH's factory default")]
    [InlineData("change-me-esl-secret", "the placeholder shipped in freeswitch-conf/vars.xml")]
    public async Task Serve_refuses_a_well_known_esl_password(string password, string why)
    {
        var (exitCode, _, error) = await new Ivrctl(null).RunAsync("serve", "--Database:ConnectionString=Host=127.0.0.1", $"--Esl:Password={password}");

        Assert.Equal(ExitCodes.Failure, exitCode);
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_values_are_refused_before_anything_starts()
    {
        var error = Assert.Throws<ControllerSettingsException>(() => ControllerHost.Build(
        [
            "--Database:ConnectionString=Host=127.0.0.1", "--Esl:Password=a-long-secret", "--Outbound:Port=70000",
            "--Flows:Gateway=pstn/evil", "--DayTimeZone=Mars/Olympus", "--CustomerIdLookup:BaseUrl=ftp://crm.example",
            "--Database:CallLogGatherWindow=00:00:05",
        ]));

        Assert.Contains(error.Problems, p => p.StartsWith("Outbound:", StringComparison.Ordinal) || p.Contains("70000", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Flows:Gateway", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("DayTimeZone 'Mars/Olympus'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("CustomerIdLookup:", StringComparison.Ordinal));
        Assert.Contains("Database:CallLogGatherWindow must be between 00:00:00 and 00:00:01 (it is 00:00:05).", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("Database:CallLogGatherWindow (00:00:05) must be shorter than CallJournal:DatabaseTimeout (00:00:02)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_host_migrates_loads_the_rules_listens_on_loopback_and_stops()
    {
        string database = await postgres.CreateDatabaseAsync("host_start");
        using IHost host = ControllerHost.Build(
        [
            $"--Database:ConnectionString={database}", "--Esl:Password=a-long-secret", "--Esl:Port=1", "--Outbound:Port=0",
            $"--CallJournal:Directory={Path.Combine(Path.GetTempPath(), $"ivr-journal-{Guid.NewGuid():N}")}",
        ]);

        await host.StartAsync();
        OutboundServer outbound = host.Services.GetRequiredService<OutboundServer>();
        LiveRules rules = host.Services.GetRequiredService<LiveRules>();

        Assert.True(rules.IsLoaded);
        Assert.Equal("127.0.0.1", outbound.LocalEndPoint.Address.ToString());
        Assert.NotEqual(0, outbound.LocalEndPoint.Port);
        await host.StopAsync();
    }

    [Fact]
    public void The_settings_files_are_read_once_and_never_watched()
    {
        using IHost host = ControllerHost.Build(["--Database:ConnectionString=Host=127.0.0.1;Port=1", "--Esl:Password=a-long-secret"]);

        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        FileConfigurationSource[] files = [.. configuration.Providers.OfType<FileConfigurationProvider>().Select(provider => provider.Source)];
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.ReloadOnChange, $"{file.Path} is watched"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Only_a_controller_among_several_asks_the_database_for_each_number_and_renews_leases(bool several)
    {
        using IHost host = ControllerHost.Build(
            ["--Database:ConnectionString=Host=127.0.0.1;Port=1", "--Esl:Password=a-long-secret", $"--Cluster:Enabled={several}"]);

        CallFlowContext context = host.Services.GetRequiredService<CallFlowContext>();
        string[] loops = [.. host.Services.GetServices<IHostedService>().Select(service => service.GetType().Name)];

        Assert.Equal(several, context.SharedNumbers is not null);
        Assert.Equal(several, loops.Contains(nameof(CallerNumberHeartbeat)));
        Assert.Equal(several, loops.Contains(nameof(CallbackMemorySync)));
    }

    [Fact]
    public async Task The_call_log_has_a_pool_of_its_own_that_returns_connections_without_a_reset()
    {
        using IHost host = ControllerHost.Build(["--Database:ConnectionString=Host=127.0.0.1;Port=1;Timeout=5", "--Esl:Password=a-long-secret"]);

        NpgsqlDataSource shared = host.Services.GetRequiredService<NpgsqlDataSource>();
        NpgsqlDataSource callLogPool = host.Services.GetRequiredKeyedService<NpgsqlDataSource>(ControllerServices.CallLogDataSource);
        CallLog callLog = host.Services.GetRequiredService<CallLog>();
        var sharedSettings = new NpgsqlConnectionStringBuilder(shared.ConnectionString);
        var callLogSettings = new NpgsqlConnectionStringBuilder(callLogPool.ConnectionString);

        Assert.False(sharedSettings.NoResetOnClose);
        Assert.True(callLogSettings.NoResetOnClose);
        Assert.Equal((sharedSettings.Host, sharedSettings.Port, sharedSettings.Timeout), (callLogSettings.Host, callLogSettings.Port, callLogSettings.Timeout));
        // And gathers its writes while they come thick and fast (CallLogGroupCommit), for Database:CallLogGatherWindow at most.
        Assert.Equal(CallLog.ControllerGatherWindow, callLog.GatherWindow);
        using IHost quiet = ControllerHost.Build(["--Database:ConnectionString=Host=127.0.0.1;Port=1", "--Esl:Password=a-long-secret", "--Database:CallLogGatherWindow=00:00:00"]);
        Assert.Equal(TimeSpan.Zero, quiet.Services.GetRequiredService<CallLog>().GatherWindow);
        // The call log runs on that pool: once it is closed, the call log cannot open a connection (on the shared pool it would try the server).
        await callLogPool.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => callLog.OpenOutboundCallsAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, CancellationToken.None));
    }

    [Fact]
    public async Task With_a_crm_address_the_host_asks_the_crm_for_customer_ids_through_the_named_client()
    {
        await using var crm = ScriptedCrm.Knowing(new Dictionary<string, string> { ["+8613800138000"] = "C10086" });
        using IHost host = ControllerHost.Build(
        [
            "--Database:ConnectionString=Host=127.0.0.1;Port=1", "--Esl:Password=a-long-secret",
            $"--CustomerIdLookup:BaseUrl={crm.BaseUrl}",
        ]);

        ICustomerIdLookup lookup = host.Services.GetRequiredService<ICustomerIdLookup>();
        PhoneNumber customer = CustomerIdRig.Number("13800138000");
        IReadOnlyDictionary<PhoneNumber, string> ids = await lookup.PhoneToCustomerIdsAsync([customer], CancellationToken.None);

        Assert.IsType<HttpCustomerIdLookup>(lookup);
        Assert.Equal("C10086", ids[customer]);
        Assert.Single(crm.Requests);
        Assert.NotNull(host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ControllerServices.CrmClientName));
    }
}
